"""Batch and ``ask`` fault isolation with a real failure, and batch input read as capped bytes.

The failure is real, not mocked: a user entry whose ``application`` text contains "[7]" makes the
composed answer carry a citation marker that no citation backs, so building the ``Answer``
raises ``ValidationError`` (the same class of defect as 10,000 entries answering "how many
models are from Google?" with [1000]+ markers did).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from assistant import Assistant, Session
from assistant.batch import MAX_LINE_BYTES, read_lines, run_batch
from catalog import CatalogSettings, load_catalog
from catalog.load import BUILTIN_DIR

FAILING = "what is MarkerBERT used for?"
# VmHWM: the child's own peak (ru_maxrss would inherit a large pytest parent's size across fork+exec).
_MEASURED = ("import re, sys\nfrom assistant.cli import main\nrc = main(sys.argv[1:])\nsys.stdout.flush()\n"
             "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
             "print(f'maxrss_kb={hwm}', file=sys.stderr)\nsys.exit(rc)\n")


@pytest.fixture()
def marker_dir(tmp_path) -> Path:
    data = yaml.safe_load((BUILTIN_DIR / "models" / "bert.yaml").read_text())
    data.update(id="marker-bert", name="MarkerBERT", aliases=[], application="question answering [7]")
    user = tmp_path / "user"
    user.mkdir()
    (user / "marker-bert.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    return user


def _cli(*args, stdin: bytes | None = None, cache: Path):
    env = {**os.environ, "CATALOG_ASSISTANT_CACHE": str(cache)}
    return subprocess.run([sys.executable, "-m", "assistant", *args], input=stdin, capture_output=True, timeout=600,
                          env=env)


def test_the_failure_is_real(marker_dir):
    with pytest.raises(Exception, match="citation markers"):
        Assistant(load_catalog(CatalogSettings(extra_dirs=(marker_dir,)))).ask(FAILING, Session())


def test_a_failing_line_is_that_lines_error_and_the_batch_goes_on(marker_dir, tmp_path):
    lines = [{"id": "q1", "question": "who built BERT?"}, {"id": "q2", "question": FAILING},
             {"id": "q3", "question": "who built MarkerBERT?"}, {"id": "q4", "question": "compare BERT and T5"}]
    stdin = "".join(json.dumps(x) + "\n" for x in lines).encode()
    run = _cli("ask", "--json", "--batch", "-", "--catalog-dir", str(marker_dir), stdin=stdin, cache=tmp_path / "c")
    assert run.returncode == 0 and b"Traceback" not in run.stderr, run.stderr[-2000:]
    out = [json.loads(line) for line in run.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == ["q1", "q2", "q3", "q4"]
    assert out[0]["models"] == ["bert"] and out[2]["models"] == ["marker-bert"] and out[3]["models"] == ["bert", "t5"]
    assert set(out[1]) == {"id", "error"} and "internal error while answering (ValidationError)" in out[1]["error"]
    log = tmp_path / "c" / "logs" / "cli.log"
    assert str(log) in out[1]["error"]
    text = log.read_text()
    assert "Traceback" in text and "citation markers" in text


def test_ask_prints_one_error_line_and_exits_1(marker_dir, tmp_path):
    run = _cli("ask", FAILING, "--catalog-dir", str(marker_dir), cache=tmp_path / "c")
    assert run.returncode == 1 and run.stdout == b""
    err = run.stderr.decode().strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: internal error while answering (ValidationError)")
    assert "Traceback" not in run.stderr.decode()
    assert "Traceback" in (tmp_path / "c" / "logs" / "cli.log").read_text()


def test_bad_bytes_and_lone_surrogates_are_their_lines_errors(tmp_path):
    stdin = (b'{"id": "a", "question": "who built BERT?"}\n'
             b'{"id": "b", "question": "who built \\ud800 BERT?"}\n'
             b'{"id": "c", "question": "ok", "history": ["\\udfff"]}\n'
             b'\xff\xfe{"id": "d"}\n'
             b'{"id": "e\\ud800", "question": 5}\n'
             b'{"id": "f", "question": "who built T5?"}\n')
    run = _cli("ask", "--json", "--batch", "-", stdin=stdin, cache=tmp_path / "c")
    assert run.returncode == 0, run.stderr[-2000:]
    out = [json.loads(line) for line in run.stdout.decode("utf-8").splitlines()]
    assert [o.get("id") for o in out] == ["a", "b", "c", None, "e\ud800", "f"]
    assert out[0]["models"] == ["bert"] and out[5]["models"] == ["t5"]
    assert "lone surrogate" in out[1]["error"] and "lone surrogate" in out[2]["error"]
    assert "not valid UTF-8" in out[3]["error"] and "'question'" in out[4]["error"]


def test_invalid_utf8_question_on_the_command_line(tmp_path):
    run = _cli("ask", os.fsdecode(b"who built \xff BERT?"), cache=tmp_path / "c")
    assert run.returncode == 1 and run.stderr.decode().strip() == "error: the question is not valid UTF-8 text"


def test_a_one_gib_line_is_skipped_in_bounded_memory(tmp_path):
    env = {**os.environ, "CATALOG_ASSISTANT_CACHE": str(tmp_path / "c")}
    proc = subprocess.Popen([sys.executable, "-c", _MEASURED, "ask", "--json", "--batch", "-"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)

    def feed():
        proc.stdin.write(b'{"id": "before", "question": "who built BERT?"}\n{"id": "huge", "question": "')
        block = b"x" * (1 << 20)
        for _ in range(1024):
            proc.stdin.write(block)
        proc.stdin.write(b'"}\n{"id": "after", "question": "who built T5?"}\n')
        proc.stdin.close()

    writer = threading.Thread(target=feed)
    writer.start()
    out = proc.stdout.read()  # communicate() would close stdin under the writer
    err = proc.stderr.read()
    proc.wait(timeout=600)
    writer.join()
    assert proc.returncode == 0, err[-2000:]
    lines = [json.loads(line) for line in out.decode().splitlines()]
    assert [x["id"] for x in lines] == ["before", None, "after"]
    assert f"longer than {MAX_LINE_BYTES:,} bytes" in lines[1]["error"] and lines[2]["models"] == ["t5"]
    peak_mb = int(err.decode().strip().splitlines()[-1].split("=")[1]) / 1024
    assert peak_mb < 400, peak_mb  # the line alone would be 1024 MB


def test_read_lines_caps_and_resynchronises():
    data = b"short\n" + b"y" * 5000 + b"\n" + b"z" * 99 + b"\nlast-without-newline"
    assert list(read_lines(io.BytesIO(data), cap=100)) == [
        (1, b"short\n"), (2, None), (3, b"z" * 99 + b"\n"), (4, b"last-without-newline")]
    assert list(read_lines(io.BytesIO(b"a" * 100 + b"\n"), cap=100)) == [(1, b"a" * 100 + b"\n")]


def test_run_batch_in_process_keeps_order_with_a_failing_line(marker_dir):
    assistant = Assistant(load_catalog(CatalogSettings(extra_dirs=(marker_dir,))))
    seen: list[BaseException] = []
    stream = io.BytesIO(b'{"id": 1, "question": "who built BERT?"}\n{"id": 2, "question": "%s"}\n\n'
                        b'{"id": 3, "question": "who built T5?"}\n' % FAILING.encode())
    out = io.StringIO()
    run_batch(assistant, stream, out, on_failure=lambda exc: seen.append(exc) or "failed")
    got = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [g["id"] for g in got] == [1, 2, 3] and got[1] == {"id": 2, "error": "failed"}
    assert type(seen[0]).__name__ == "ValidationError"
