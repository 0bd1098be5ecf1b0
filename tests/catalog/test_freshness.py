"""The catalog cache's freshness check: stats only when nothing changed, and every change still seen.

``RACY_NS`` is set to 0 here so that files written a moment ago count as old enough to trust by
their stats alone: these tests exercise the stats path, not the hash-anyway path for fresh files.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

import catalog.cache as cache_mod
import catalog.load as load_mod
from catalog import CatalogSettings, load_catalog
from catalog.load import BUILTIN_DIR
from eval.usercat import write_user_catalog


def _load(user: Path, cache: Path):
    return load_catalog(CatalogSettings(extra_dirs=(user,), cache_dir=cache, paper_only=True))


@pytest.fixture()
def user(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr(cache_mod, "RACY_NS", 0)
    return write_user_catalog(tmp_path / "user", 120)


@pytest.fixture()
def no_reading(monkeypatch):
    """Fails the test if any catalog file is hashed or parsed."""
    def refuse(*args, **kwargs):
        raise AssertionError("read a catalog file although nothing changed")

    monkeypatch.setattr(cache_mod, "file_stamps", refuse)
    monkeypatch.setattr(load_mod, "read_yaml", refuse)


def _one(user: Path, k: int = 76) -> Path:
    return next(user.rglob(f"*-u{k}.yaml"))


def test_an_unchanged_catalog_is_checked_by_stats_alone(user, tmp_path, monkeypatch):
    cold = _load(user, tmp_path / "cache")
    monkeypatch.setattr(cache_mod, "file_stamps", lambda *a: pytest.fail("hashed a file"))
    monkeypatch.setattr(load_mod, "read_yaml", lambda *a: pytest.fail("parsed a file"))
    monkeypatch.setattr(load_mod, "_all_files", lambda *a: pytest.fail("listed the folders"))
    warm = _load(user, tmp_path / "cache")
    assert warm.models == cold.models and list(warm.models) == list(cold.models)


def test_an_edit_keeping_size_and_mtime_is_seen_by_its_ctime(user, tmp_path):
    _load(user, tmp_path / "cache")
    path = _one(user)
    st = path.stat()
    path.write_text(path.read_text().replace(" U76\n", " W76\n"))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (st.st_size, st.st_mtime_ns)
    assert _load(user, tmp_path / "cache").models[path.stem].name.endswith(" W76")


def test_added_removed_and_renamed_files_are_seen(user, tmp_path):
    cache = tmp_path / "cache"
    _load(user, cache)
    gone = _one(user, 10)
    gone.unlink()
    moved = _one(user, 20)
    moved.rename(moved.with_suffix(".yml"))
    extra = yaml.safe_load((BUILTIN_DIR / "models" / "t5.yaml").read_text())
    extra.update(id="t5-deep", name="T5 Deep", aliases=[])
    (user / "batch0000" / "new-folder").mkdir()
    (user / "batch0000" / "new-folder" / "t5-deep.yaml").write_text(yaml.safe_dump(extra, sort_keys=False))
    again = _load(user, cache)
    assert gone.stem not in again.models and "t5-deep" in again.models
    assert again.sources[f"model:{moved.stem}"].endswith(".yml")


def test_a_touched_file_reuses_the_payload_and_renews_the_stamps(user, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    reference = _load(user, cache)
    path = _one(user)
    earlier = path.stat().st_mtime_ns - 5_000_000_000  # a timestamp in the future would count as racy
    os.utime(path, ns=(earlier, earlier))
    monkeypatch.setattr(load_mod, "read_yaml", lambda *a: pytest.fail("parsed a file although only its mtime changed"))
    assert _load(user, cache).models == reference.models
    monkeypatch.setattr(cache_mod, "file_stamps", lambda *a: pytest.fail("hashed again after the stamps were renewed"))
    assert _load(user, cache).models == reference.models


def test_a_file_stamped_just_now_is_hashed_anyway(user, tmp_path, monkeypatch):
    _load(user, tmp_path / "cache")
    monkeypatch.setattr(cache_mod, "RACY_NS", 10**18)  # every file counts as changed within one clock tick
    path = _one(user)
    hashed: list[str] = []
    real = cache_mod.file_stamps
    monkeypatch.setattr(cache_mod, "file_stamps", lambda files: hashed.extend(str(p) for p, _ in files) or real(files))
    _load(user, tmp_path / "cache")
    assert str(path) in hashed


def test_a_cache_of_the_older_format_is_rebuilt_quietly(user, tmp_path):
    cache = tmp_path / "cache"
    reference = _load(user, cache)
    (path,) = (cache / "catalog").glob("catalog-*.json")
    path.write_bytes(b'{"format":1,"key":"x","payload_sha256":"y","models":1,"concepts":1,"content_hash":"z"}\n{}')
    messages: list[str] = []
    again = load_catalog(CatalogSettings(extra_dirs=(user,), cache_dir=cache, paper_only=True), report=messages.append)
    assert again.models == reference.models and messages == []


def test_files_hashed_as_racy_are_restamped_once_they_are_old_enough(user, tmp_path, monkeypatch):
    import json
    import time

    cache = tmp_path / "cache"
    reference = _load(user, cache)
    (path,) = (cache / "catalog").glob("catalog-*.json")
    head, _, body = path.read_bytes().partition(b"\n")
    header = json.loads(head)
    times = [max(m, c) for _, _, _, m, c, _ in header["files"]]
    margin = (time.time_ns() - max(times)) // 2  # every file racy at the recorded stamping, none now
    header["stamped_ns"] = min(times) + margin
    path.write_bytes(json.dumps(header).encode() + b"\n" + body)
    monkeypatch.setattr(cache_mod, "RACY_NS", margin)
    hashed: list[str] = []
    real = cache_mod.file_stamps
    monkeypatch.setattr(cache_mod, "file_stamps", lambda files: hashed.extend(str(p) for p, _ in files) or real(files))
    assert _load(user, cache).models == reference.models
    assert len(hashed) == len(header["files"])  # each racy file hashed once, none re-parsed
    hashed.clear()
    assert _load(user, cache).models == reference.models and hashed == []  # restamped: stats only
