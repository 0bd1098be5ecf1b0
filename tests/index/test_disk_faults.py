"""A full disk (a real, small tmpfs), leftovers of failed runs, and concurrent builds (real processes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from index import HashingEmbedder, IndexSettings, open_index
from index.store import MANIFEST, read_manifest, read_store

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture()
def small_disk(tmp_path):
    """mount(size) -> a fresh tmpfs of that size (unmounted afterwards); skips when mounting is impossible."""
    mounted: list[Path] = []

    def mount(size: str) -> Path:
        point = tmp_path / f"disk{len(mounted)}"
        point.mkdir()
        run = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
                             capture_output=True, text=True)
        if run.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): {run.stderr.strip()}")
        mounted.append(point)
        return point

    yield mount
    for point in mounted:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def _open(catalog, cache: Path, dim: int = 64, **kw):
    messages: list[str] = []
    index, report = open_index(catalog, IndexSettings(cache_dir=cache), HashingEmbedder(dimension=dim),
                               report=messages.append, **kw)
    return index, report, messages


def _files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir()) if directory.is_dir() else []


def test_full_disk_serves_from_memory_and_leaves_nothing_behind(catalog, small_disk):
    disk = small_disk("96k")
    index, report, messages = _open(catalog, disk)
    assert not report.persisted and len(index) == report.documents
    assert len(messages) == 1 and "cannot write the index" in messages[0] and "No space left on device" in messages[0]
    assert _files(disk / "index") == [".lock"]  # no temp file, no orphan keeps the disk full
    assert index.search("masked language model", 3, mode="lexical")
    _, again, messages = _open(catalog, disk)  # and the next run is the same, not a crash
    assert not again.persisted and "cannot write the index" in messages[0]


def test_vectors_written_but_manifest_not_leaves_no_orphan(catalog, small_disk):
    disk = small_disk("32k")  # dimension 8: the vectors file (~9 KB) fits, the manifest (~45 KB) does not
    _, report, messages = _open(catalog, disk, dim=8)
    assert not report.persisted and "cannot write the index" in messages[0]
    assert _files(disk / "index") == [".lock"]


def test_leftovers_of_a_crashed_run_are_removed_before_writing(catalog, small_disk):
    disk = small_disk("2m")
    (disk / "index").mkdir()
    (disk / "index" / "vectors-0123456789ab.faiss").write_bytes(b"\0" * 1_500_000)  # an orphan
    (disk / "index" / ".vectors-crashed.tmp").write_bytes(b"\0" * 300_000)  # a crashed writer's temp file
    _, report, messages = _open(catalog, disk, dim=384)  # ~650 KB: fits only once the leftovers are gone
    assert report.persisted, messages
    manifest = read_manifest(disk / "index")
    assert _files(disk / "index") == sorted([".lock", MANIFEST, manifest.vectors_file, *manifest.lexical])


def test_a_failed_rebuild_keeps_the_previous_index(catalog, small_disk):
    disk = small_disk("1m")  # one index (~420 KB of vectors, ~200 KB of BM25) fits, two side by side do not
    _, first, _ = _open(catalog, disk, dim=384)
    assert first.persisted
    before = _files(disk / "index")
    _, forced, messages = _open(catalog, disk, dim=384, force=True)
    assert not forced.persisted and "No space left on device" in messages[0]
    assert _files(disk / "index") == before
    _, after, messages = _open(catalog, disk, dim=384)
    assert after.reason == "fresh" and not messages


def test_cli_on_a_full_disk(small_disk):
    disk = small_disk("256k")
    env = {**os.environ, "CATALOG_ASSISTANT_CACHE": str(disk)}
    build = subprocess.run([sys.executable, "-m", "assistant", "build-index"], capture_output=True, text=True,
                           env=env, timeout=600)
    assert build.returncode == 1, build.stderr[-2000:]
    assert "Traceback" not in build.stderr and "memory only" in build.stdout
    warnings = [line for line in build.stderr.splitlines() if "cannot write the index" in line]
    assert len(warnings) == 1 and "No space left on device" in warnings[0]
    ask = subprocess.run([sys.executable, "-m", "assistant", "ask", "--json", "who built BLOOM?"],
                         capture_output=True, text=True, env=env, timeout=600)
    assert ask.returncode == 0 and "Traceback" not in ask.stderr, ask.stderr[-2000:]
    assert json.loads(ask.stdout)["models"] == ["bloom"]
    assert [p.name for p in (disk / "index").iterdir()] == [".lock"]


_HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from index.housekeeping import writer_lock
    with writer_lock(Path(sys.argv[1]), print):
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
""")

_BUILDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from catalog import load_catalog
    from index import HashingEmbedder, IndexSettings, open_index
    catalog = load_catalog()
    go = Path(sys.argv[2])
    while not go.exists():
        time.sleep(0.01)
    for i in range(int(sys.argv[3])):
        open_index(catalog, IndexSettings(cache_dir=Path(sys.argv[1])), HashingEmbedder(dimension=48 + i % 2 * 16),
                   report=lambda m: None)
    print("done", flush=True)
""")


def test_a_builder_waits_for_the_lock_held_by_another_process(catalog, tmp_path):
    cache = tmp_path / "cache"
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(cache / "index"), "3"], stdout=subprocess.PIPE,
                              text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert holder.stdout.readline().strip() == "locked"
    start = time.monotonic()
    _, report, messages = _open(catalog, cache)
    waited = time.monotonic() - start
    holder.wait(timeout=60)
    assert report.persisted and any("another process is building the index" in m for m in messages)
    assert waited > 1.0  # it waited for the holder instead of writing alongside it


def test_two_processes_building_at_once_leave_a_consistent_index(catalog, tmp_path):
    cache, go = tmp_path / "cache", tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [subprocess.Popen([sys.executable, "-c", _BUILDER, str(cache), str(go), "12"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, cwd=REPO, env=env) for _ in range(2)]
    time.sleep(3)  # both have loaded the catalog and wait for the start signal
    go.touch()
    for p in procs:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0 and out.strip() == "done", err[-2000:]
    directory = cache / "index"
    manifest = read_manifest(directory)
    store = read_store(directory, manifest)  # the manifest names a file that exists and matches it
    assert store.index.ntotal == len(manifest.documents)
    assert sorted(p.name for p in directory.glob("vectors-*.faiss")) == [manifest.vectors_file]
    assert not list(directory.glob(".*.tmp"))
