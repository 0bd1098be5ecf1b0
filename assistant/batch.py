"""``ask --json --batch``: JSON Lines in, one answer or ``{"id", "error"}`` out per line, in order.

Input is read as bytes, a line at most ``MAX_LINE_BYTES`` at a time: a longer line is skipped
in bounded chunks (a 1 GiB line never sits in memory) and becomes that line's error, as do
bytes that are not UTF-8 and lone surrogates (``"\\ud800"``) in the question or history. An
unexpected exception while answering one line is logged with its traceback (``on_failure``)
and becomes that line's error; the batch goes on.
"""

from __future__ import annotations

import json
from typing import BinaryIO, Callable, Iterator, TextIO

from assistant.service import ask_one
from catalog import CatalogAssistantError

MAX_BATCH_LINE = 100_000  # characters of one line, as decoded
MAX_LINE_BYTES = 1 << 20  # bytes of one line, before decoding (JSON escapes take up to 6 bytes a character)
MAX_SKIP_BYTES = 2 << 30  # a "line" with no end after this much input stops the batch (e.g. /dev/zero)
_CHUNK = 1 << 16

Failure = Callable[[BaseException], str]


def read_lines(stream: BinaryIO, cap: int = MAX_LINE_BYTES) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; bytes is None for a line longer than ``cap`` (never held whole)."""
    lineno = 0
    while True:
        chunk = stream.readline(cap + 1)
        if not chunk:
            return
        lineno += 1
        if len(chunk) <= cap or chunk.endswith(b"\n"):
            yield lineno, chunk
            continue
        skipped = len(chunk)
        while not chunk.endswith(b"\n"):
            chunk = stream.readline(_CHUNK)
            skipped += len(chunk)
            if not chunk:
                break
            if skipped > MAX_SKIP_BYTES:
                raise ValueError(f"line {lineno} has no end after {MAX_SKIP_BYTES >> 30} GiB of input; stopping")
        yield lineno, None


def _surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def parse_batch_line(raw: str | bytes | None, lineno: int) -> dict:
    """One batch line -> {"id", "question", "history"}; raises ValueError with a readable reason."""
    if raw is None:
        raise ValueError(f"line {lineno} is longer than {MAX_LINE_BYTES:,} bytes")
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValueError(f"line {lineno} is not valid UTF-8 (byte {raw[exc.start]:#04x} at offset {exc.start})") from None
    if len(raw) > MAX_BATCH_LINE:
        raise ValueError(f"line {lineno} is longer than {MAX_BATCH_LINE} characters")
    try:
        item = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"line {lineno} is not valid JSON ({exc.msg})") from None
    if not isinstance(item, dict):
        raise ValueError(f"line {lineno} is not a JSON object")
    question = item.get("question")
    if not isinstance(question, str):
        raise ValueError(f"line {lineno} has no string field 'question'")
    history = item.get("history", [])
    if not isinstance(history, list) or not all(isinstance(h, str) for h in history):
        raise ValueError(f"line {lineno}: 'history' must be a list of strings")
    if _surrogate(question) or any(_surrogate(h) for h in history):
        raise ValueError(f"line {lineno} contains a lone surrogate escape (such as \\ud800), which is not text")
    return {"id": item.get("id"), "question": question, "history": history}


def _line_id(raw: bytes | str | None):
    """The id of a line that could not be read, if one can be recovered."""
    try:
        qid = json.loads(raw).get("id") if raw else None
    except Exception:  # noqa: BLE001 - best effort only
        return None
    return qid if isinstance(qid, (str, int, float)) or qid is None else None


def _write(out: TextIO, obj: dict) -> None:
    text = json.dumps(obj, ensure_ascii=False)
    if _surrogate(text):  # an id with a lone surrogate: escape instead of failing the write
        text = json.dumps(obj)
    out.write(text + "\n")
    out.flush()


def run_batch(assistant, stream: BinaryIO, out: TextIO, on_failure: Failure | None = None) -> None:
    """Answer every line of ``stream`` (bytes) to ``out`` (text); one failing line never stops the rest."""
    lines = read_lines(stream)
    while True:
        try:
            lineno, raw = next(lines)
        except StopIteration:
            return
        except ValueError as exc:  # a line with no end: nothing after it can be read
            _write(out, {"id": None, "error": str(exc)})
            return
        if raw is not None and not raw.strip():
            continue
        try:
            item = parse_batch_line(raw, lineno)
        except ValueError as exc:
            _write(out, {"id": _line_id(raw), "error": str(exc)})
            continue
        _write(out, answer_line(assistant, item, on_failure))


def answer_line(assistant, item: dict, on_failure: Failure | None = None) -> dict:
    """The answer object for one parsed line, or ``{"id", "error"}`` if answering it failed."""
    try:
        return ask_one(assistant, item["question"], item["history"], item["id"])
    except CatalogAssistantError as exc:
        return {"id": item["id"], "error": str(exc)}
    except Exception as exc:  # noqa: BLE001 - the isolation boundary of one batch line
        message = on_failure(exc) if on_failure else f"internal error while answering ({type(exc).__name__})"
        return {"id": item["id"], "error": message}
