"""The parsed-catalog cache: validated entries as JSON, reused while no catalog file changed.

Parsing and validating 10,000 YAML files takes seconds; reading them back from one JSON file
takes a fraction of one. The cache is keyed like the index manifest: every loaded file's path,
size and sha256, the catalog settings, and the source of the code that validates entries (a
schema change invalidates it). Layout, one file per set of directories::

    <cache>/catalog/catalog-<slot>.json   line 1: header (format, key, payload sha256, counts,
                                                  and the stamps of the freshness check)
                                          line 2: payload (models, concepts, sources)

Freshness without reading every file: the header also records each folder's mtime and each
file's (size, mtime, ctime, sha256) as they were when the key was computed. A warm load stats
the folders (a file added, removed or renamed changes its folder's mtime) and the files (an
edit changes size, mtime or, whatever the editor does to the mtime, the ctime); nothing is read.
A file or folder whose timestamps fall within ``RACY_NS`` of the moment the stamps were taken
could have changed again within one clock tick, so its content is hashed anyway (folders:
the slow path). Any difference falls back to the full check: list every folder, hash every
file, compare the key; if only timestamps changed (``touch``), the parsed payload is reused
and the stamps renewed.

Writes are atomic (temporary file, fsync, rename). A header or payload that does not check
out is reported in one line and rebuilt, never used.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, NamedTuple

from pydantic import BaseModel, ConfigDict, ValidationError

from catalog.schema import Concept, ModelEntry

FORMAT = 2
_CODE = ("schema.py", "vocab.py", "load.py", "yamlsafe.py", "cache.py")
STALE_TEMP_S = 600
RACY_NS = 2_000_000_000  # older timestamps than this before stamping are trusted


class _Payload(BaseModel):
    model_config = ConfigDict(extra="forbid")
    models: list[ModelEntry]
    concepts: list[Concept]
    sources: dict[str, str]


class _Header(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: int
    key: str
    payload_sha256: str
    models: int
    concepts: int
    content_hash: str
    base: str  # format, code and settings: the part of the key that is not the files
    stamped_ns: int  # wall clock when the stamps below were taken
    folders: dict[str, int]  # folder -> mtime_ns
    files: list[tuple[str, str, int, int, int, str]]  # (path, kind, size, mtime_ns, ctime_ns, sha256)


@contextmanager
def collector_paused(keep: bool = False):
    """Pause the cyclic garbage collector while many objects are built that all stay alive.

    Building 10,000 entries creates about a million containers; each one counts toward the
    collector's thresholds, so it would scan the growing heap again and again (over half of the
    time of reading the cache back) only to find nothing to free. Reference counting still frees
    everything else; the collector runs again as before once the block ends (nested blocks leave
    that to the outermost one).

    ``keep``: for a process's start-up (a command's catalog and assistant, a server's views), whose
    objects live until the process ends. Garbage from before the block is collected first; at the
    end, everything alive is moved out of the collector's sight (``gc.freeze``), so the collector
    does not scan the catalog again after the block, and never pins garbage that existed before it."""
    was_enabled = gc.isenabled()
    if keep and was_enabled:
        gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if keep and was_enabled:
            gc.freeze()
        if was_enabled:
            gc.enable()


def _code_hash() -> str:
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in _CODE:
        h.update((here / name).read_bytes())
    return h.hexdigest()


def _base(settings_json: str) -> str:
    return hashlib.sha256(f"{FORMAT}\n{_code_hash()}\n{settings_json}\n".encode()).hexdigest()


def file_stamps(files: list[tuple[Path, str]]) -> list[tuple[str, str, int, int, int, str]]:
    """(path, kind, size, mtime_ns, ctime_ns, sha256) of each file, stat taken on the open file."""
    out = []
    for path, kind in files:
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            out.append((str(path), kind, st.st_size, st.st_mtime_ns, st.st_ctime_ns, hashlib.sha256(f.read()).hexdigest()))
    return out


def folder_stamps(folders: list[Path]) -> dict[str, int]:
    return {str(d): os.stat(d).st_mtime_ns for d in folders}


def cache_key(settings_json: str, stamps: list[tuple[str, str, int, int, int, str]]) -> str:
    """Changes when any file's path or content changes, or settings or code change (not on ``touch``)."""
    h = hashlib.sha256(_base(settings_json).encode())
    for path, kind, size, _mtime, _ctime, digest in stamps:
        h.update(f"{path}\0{kind}\0{size}\0{digest}\0".encode())
    return h.hexdigest()


def _unchanged(header: _Header) -> tuple[bool, int]:
    """(every recorded folder and file stats as recorded, the newest timestamp of a file that had to
    be hashed or 0); files stamped too close to the stamping time are hashed. Reads no file that is
    old enough to trust."""
    racy = header.stamped_ns - RACY_NS
    hashed = 0
    try:
        for folder, mtime in header.folders.items():
            if mtime >= racy or os.stat(folder).st_mtime_ns != mtime:
                return False, 0
        for path, kind, size, mtime, ctime, digest in header.files:
            st = os.stat(path)
            if (st.st_size, st.st_mtime_ns, st.st_ctime_ns) != (size, mtime, ctime):
                return False, 0
            if max(mtime, ctime) >= racy:
                if file_stamps([(Path(path), kind)])[0][5] != digest:
                    return False, 0
                hashed = max(hashed, mtime, ctime)
    except OSError:
        return False, 0
    return True, hashed


class Stamps(NamedTuple):
    """What the freshness check compares: taken by ``load_catalog`` while computing the key."""

    base: str
    taken_ns: int
    folders: dict[str, int]
    files: list[tuple[str, str, int, int, int, str]]


def take_stamps(settings_json: str, started_ns: int, folders: list[Path], files: list[tuple[Path, str]]) -> Stamps:
    """``started_ns``: wall clock before the folders were listed (a change during the scan is within RACY_NS)."""
    return Stamps(_base(settings_json), started_ns, folder_stamps(folders), file_stamps(files))


class CatalogCache:
    """One cache file for one combination of catalog settings and directories (read at most once)."""

    def __init__(self, cache_dir: Path, settings_json: str, report: Callable[[str], None]):
        self.dir = Path(cache_dir) / "catalog"
        slot = hashlib.sha256(settings_json.encode()).hexdigest()[:16]
        self.path = self.dir / f"catalog-{slot}.json"
        self.report = report
        self.base = _base(settings_json)
        self._read: tuple[_Header, bytes] | None = None
        self._tried = False

    def _contents(self) -> tuple[_Header, bytes] | None:
        if not self._tried:
            self._tried = True
            self._read = self._parse_header()
        return self._read

    def _parse_header(self) -> tuple[_Header, bytes] | None:
        try:
            raw = self.path.read_bytes()
        except OSError:
            return None
        head, _, body = raw.partition(b"\n")
        try:
            header = _Header.model_validate_json(head)
        except ValidationError:
            if _format_of(head) in (FORMAT, None):
                self._damaged("unreadable header")
            return None  # an older format's header: an ordinary rebuild
        return (header, body) if header.format == FORMAT and header.base == self.base else None

    def _damaged(self, why: str) -> None:
        self._read = None
        self.report(f"catalog cache {self.path} is damaged ({why}); re-reading the catalog files")

    def fresh(self):
        """The cached catalog if no recorded folder or file changed (stats only, see the module doc)."""
        read = self._contents()
        started = time.time_ns()
        if read is None:
            return None
        same, hashed = _unchanged(read[0])
        if not same:
            return None
        hit = self._payload()
        if hit is not None and hashed and hashed < started - RACY_NS:  # no longer racy: stats suffice from now on
            header = read[0]
            self.restamp(Stamps(header.base, started, header.folders, header.files))
        return hit

    def load(self, key: str):
        """(models, concepts, sources, content_hash) if the cache matches ``key``, else None."""
        read = self._contents()
        if read is None or read[0].key != key:
            return None  # the catalog changed: an ordinary rebuild
        return self._payload()

    def _payload(self):
        header, body = self._read
        if hashlib.sha256(body).hexdigest() != header.payload_sha256:
            return self._damaged("checksum mismatch")
        try:
            payload = _Payload.model_validate_json(body)
        except ValidationError as exc:
            return self._damaged(f"{exc.error_count()} invalid values")
        if len(payload.models) != header.models or len(payload.concepts) != header.concepts:
            return self._damaged("entry counts differ")
        return payload.models, payload.concepts, payload.sources, header.content_hash

    def save(self, key: str, stamps: Stamps, models: list[bytes], concepts: list[bytes], content_hash: str,
             sources: dict[str, str]) -> None:
        """``models`` and ``concepts``: each entry already serialized as JSON (``Catalog.serialized``)."""
        body = b"".join((b'{"models":[', b",".join(models), b'],"concepts":[', b",".join(concepts), b'],"sources":',
                         json.dumps(sources, ensure_ascii=False, separators=(",", ":")).encode(), b"}"))
        self._write(key, stamps, body, len(models), len(concepts), content_hash)

    def restamp(self, stamps: Stamps) -> None:
        """After a hit by key: the same payload under fresh stamps, so the next load is stats only."""
        header, body = self._read
        self._write(header.key, stamps, body, header.models, header.concepts, header.content_hash)

    def _write(self, key, stamps: Stamps, body: bytes, models: int, concepts: int, content_hash: str) -> None:
        header = _Header(format=FORMAT, key=key, payload_sha256=hashlib.sha256(body).hexdigest(), models=models,
                         concepts=concepts, content_hash=content_hash, base=stamps.base, stamped_ns=stamps.taken_ns,
                         folders=stamps.folders, files=stamps.files)
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            self._clean_temps()
            _atomic_write(self.path, header.model_dump_json().encode() + b"\n" + body)
        except OSError as exc:
            self.report(f"cannot write the catalog cache to {self.dir} ({exc.strerror or exc}); "
                        "the next run parses the catalog files again")

    def _clean_temps(self) -> None:
        """Temporary files left by a crashed writer (old enough that no live writer owns them)."""
        now = time.time()
        for tmp in self.dir.glob(".catalog-*.tmp"):
            try:
                if now - tmp.stat().st_mtime > STALE_TEMP_S:
                    tmp.unlink()
            except OSError:
                pass


def _format_of(head: bytes) -> int | None:
    try:
        data = json.loads(head)
    except ValueError:
        return None
    return data.get("format") if isinstance(data, dict) else None


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def settings_json(settings: BaseModel, dirs: list[Path]) -> str:
    """Every catalog setting except where the cache lives, and the resolved directories."""
    data = json.loads(settings.model_dump_json(exclude={"cache_dir"}))
    data["dirs"] = [str(d.resolve()) for d in dirs]
    return json.dumps(data, sort_keys=True)
