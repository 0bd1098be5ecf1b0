"""The parsed-catalog cache: reused while nothing changed, rebuilt when anything did, never used damaged."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from catalog import CatalogSettings, load_catalog
from catalog.load import BUILTIN_DIR
from eval.usercat import write_user_catalog


def _load(user: Path | None, cache: Path, messages: list | None = None, **settings):
    dirs = (user,) if user else ()
    settings.setdefault("paper_only", True)  # the counts below are the paper's 77 plus the user's
    return load_catalog(CatalogSettings(extra_dirs=dirs, cache_dir=cache, **settings),
                        report=(messages.append if messages is not None else (lambda _: None)))


def _cache_file(cache: Path) -> Path:
    (path,) = (cache / "catalog").glob("catalog-*.json")
    return path


def _u76(user: Path) -> str:
    return next(user.rglob("*-u76.yaml")).stem


@pytest.fixture()
def user(tmp_path) -> Path:
    return write_user_catalog(tmp_path / "user", 300)


def test_cached_catalog_equals_the_parsed_one(user, tmp_path):
    parsed = load_catalog(CatalogSettings(extra_dirs=(user,), paper_only=True))
    first = _load(user, tmp_path / "cache")
    warm = _load(user, tmp_path / "cache")
    assert _cache_file(tmp_path / "cache").is_file()
    for got in (first, warm):
        assert list(got.models) == list(parsed.models) and got.models == parsed.models
        assert got.concepts == parsed.concepts and got.sources == parsed.sources
        assert got.content_hash == parsed.content_hash
    entry = warm.models[_u76(user)]
    assert warm.lookup(entry.name).id == entry.id


def test_the_warm_load_does_not_parse_yaml(user, tmp_path, monkeypatch):
    _load(user, tmp_path / "cache")
    import catalog.load as load

    def refuse(path):
        raise AssertionError(f"parsed {path} although the cache is fresh")

    monkeypatch.setattr(load, "read_yaml", refuse)
    assert len(_load(user, tmp_path / "cache")) == 377


def test_an_edited_file_is_seen(user, tmp_path):
    _load(user, tmp_path / "cache")
    path = next(user.rglob(f"{_u76(user)}.yaml"))
    data = yaml.safe_load(path.read_text())
    data["summary"] = "Edited after the cache was written, same length or not."
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    assert _load(user, tmp_path / "cache").models[path.stem].summary.startswith("Edited after")


def test_same_size_same_mtime_different_content_is_seen(user, tmp_path):
    _load(user, tmp_path / "cache")
    path = next(user.rglob(f"{_u76(user)}.yaml"))
    st = path.stat()
    text = path.read_text()
    path.write_text(text.replace(" U76\n", " V76\n"))  # the name, same length
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size and path.read_text() != text
    assert _load(user, tmp_path / "cache").models[path.stem].name.endswith(" V76")


def test_an_added_and_a_removed_file_are_seen(user, tmp_path):
    _load(user, tmp_path / "cache")
    gone = _u76(user)
    next(user.rglob(f"{gone}.yaml")).unlink()
    extra = yaml.safe_load((BUILTIN_DIR / "models" / "t5.yaml").read_text())
    extra.update(id="t5-local", name="T5 Local", aliases=[])
    (user / "t5-local.yaml").write_text(yaml.safe_dump(extra, sort_keys=False))
    again = _load(user, tmp_path / "cache")
    assert gone not in again.models and "t5-local" in again.models


def test_settings_and_directories_are_part_of_the_key(user, tmp_path):
    cache = tmp_path / "cache"
    alone = tmp_path / "alone"
    alone.mkdir()
    data = yaml.safe_load((BUILTIN_DIR / "models" / "t5.yaml").read_text())
    data.update(id="t5-alone", name="T5 Alone", aliases=[], derived_from=[])
    (alone / "t5-alone.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    assert len(_load(user, cache)) == 377
    assert list(_load(alone, cache, builtin=False).models) == ["t5-alone"]
    assert len(_load(alone, cache)) == 78
    assert len(_load(None, cache)) == 77
    assert len(_load(user, cache)) == 377
    assert len(list((cache / "catalog").glob("catalog-*.json"))) == 4


@pytest.mark.parametrize("damage", ["flip", "truncate", "header", "empty"])
def test_a_damaged_cache_is_reported_and_never_used(user, tmp_path, damage):
    cache = tmp_path / "cache"
    reference = _load(user, cache)
    path = _cache_file(cache)
    raw = bytearray(path.read_bytes())
    if damage == "flip":  # one byte inside a summary: still valid JSON, wrong text
        at = raw.index(b"A locally added variant") + 3
        raw[at] ^= 0x20
    elif damage == "truncate":
        raw = raw[: len(raw) // 2]
    elif damage == "header":
        raw[:10] = b"{garbage!!"
    else:
        raw = bytearray()
    path.write_bytes(bytes(raw))
    messages: list[str] = []
    again = _load(user, cache, messages)
    assert again.models == reference.models
    assert len(messages) == 1 and "damaged" in messages[0] and str(path) in messages[0]
    assert _load(user, cache, messages := []).models == reference.models and not messages  # rewritten


def test_a_cache_that_lies_with_a_matching_checksum_is_still_validated(user, tmp_path):
    import hashlib

    cache = tmp_path / "cache"
    reference = _load(user, cache)
    path = _cache_file(cache)
    head, _, body = path.read_bytes().partition(b"\n")
    payload = json.loads(body)
    payload["models"][0]["architecture"] = "not-an-architecture"
    body = json.dumps(payload).encode()
    header = json.loads(head)
    header["payload_sha256"] = hashlib.sha256(body).hexdigest()
    path.write_bytes(json.dumps(header).encode() + b"\n" + body)
    messages: list[str] = []
    assert _load(user, cache, messages).models == reference.models
    assert "damaged" in messages[0]


def test_unwritable_cache_still_loads(user, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache directory should be")
    messages: list[str] = []
    assert len(_load(user, blocker, messages)) == 377
    assert len(messages) == 1 and "cannot write the catalog cache" in messages[0]


def test_crashed_writers_temp_files_are_cleaned(user, tmp_path):
    cache = tmp_path / "cache"
    _load(user, cache)
    stale = cache / "catalog" / ".catalog-0123456789abcdef-crash.tmp"
    stale.write_text("half a cache")
    old = stale.stat().st_mtime - 3600
    os.utime(stale, (old, old))
    next(user.rglob(f"{_u76(user)}.yaml")).unlink()  # forces a rewrite
    _load(user, cache)
    assert not stale.exists()
    assert [p.name for p in (cache / "catalog").iterdir()] == [_cache_file(cache).name]
