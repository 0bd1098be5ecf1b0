"""The parsed-catalog cache: validated entries as JSON, reused while no catalog file changed.

Parsing and validating 10,000 YAML files takes seconds; reading them back from one JSON file
takes a fraction of one. The cache is keyed like the index manifest: every loaded file's path,
size, mtime and sha256, the catalog settings, and the source of the code that validates
entries (a schema change invalidates it). Layout, one file per set of directories::

    <cache>/catalog/catalog-<slot>.json   line 1: header (format, key, payload sha256, counts)
                                          line 2: payload (models, concepts, sources)

Writes are atomic (temporary file, fsync, rename). A header or payload that does not check
out is reported in one line and rebuilt, never used.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Callable

from pydantic import BaseModel, ConfigDict, ValidationError

from catalog.schema import Concept, ModelEntry

FORMAT = 1
_CODE = ("schema.py", "vocab.py", "load.py", "yamlsafe.py", "cache.py")
STALE_TEMP_S = 600


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


def _code_hash() -> str:
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in _CODE:
        h.update((here / name).read_bytes())
    return h.hexdigest()


def cache_key(settings_json: str, files: list[tuple[Path, str]]) -> str:
    """Changes when any file's path, size, mtime or content changes, or settings or code change."""
    h = hashlib.sha256(f"{FORMAT}\n{_code_hash()}\n{settings_json}\n".encode())
    for path, kind in files:
        with path.open("rb") as f:
            st = os.fstat(f.fileno())
            h.update(f"{path}\0{kind}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
            h.update(hashlib.sha256(f.read()).digest())
    return h.hexdigest()


class CatalogCache:
    """One cache file for one combination of catalog settings and directories."""

    def __init__(self, cache_dir: Path, settings_json: str, report: Callable[[str], None]):
        self.dir = Path(cache_dir) / "catalog"
        slot = hashlib.sha256(settings_json.encode()).hexdigest()[:16]
        self.path = self.dir / f"catalog-{slot}.json"
        self.report = report

    def load(self, key: str):
        """(models, concepts, sources, content_hash) if the cache matches ``key``, else None."""
        try:
            raw = self.path.read_bytes()
        except OSError:
            return None
        head, _, body = raw.partition(b"\n")
        try:
            header = _Header.model_validate_json(head)
        except ValidationError:
            self.report(f"catalog cache {self.path} is damaged (unreadable header); re-reading the catalog files")
            return None
        if header.format != FORMAT or header.key != key:
            return None  # the catalog changed: an ordinary rebuild
        if hashlib.sha256(body).hexdigest() != header.payload_sha256:
            self.report(f"catalog cache {self.path} is damaged (checksum mismatch); re-reading the catalog files")
            return None
        try:
            payload = _Payload.model_validate_json(body)
        except ValidationError as exc:
            self.report(f"catalog cache {self.path} is damaged ({exc.error_count()} invalid values); "
                        "re-reading the catalog files")
            return None
        if len(payload.models) != header.models or len(payload.concepts) != header.concepts:
            self.report(f"catalog cache {self.path} is damaged (entry counts differ); re-reading the catalog files")
            return None
        return payload.models, payload.concepts, payload.sources, header.content_hash

    def save(self, key: str, models: list[ModelEntry], concepts: list[Concept], sources: dict[str, str],
             content_hash: str) -> None:
        body = _Payload.model_construct(models=models, concepts=concepts, sources=sources).model_dump_json().encode()
        header = _Header(format=FORMAT, key=key, payload_sha256=hashlib.sha256(body).hexdigest(),
                         models=len(models), concepts=len(concepts), content_hash=content_hash)
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
