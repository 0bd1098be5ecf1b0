"""A short run of the serve bench (``python -m eval.bench serve``): it completes, and under load the
server answers or refuses cleanly. Figures are reported by the bench, never asserted here."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_short_serve_bench_has_no_errors_and_no_hangs(shared_cache, search_index, tmp_path, monkeypatch):
    from eval.servebench import bench_serve

    monkeypatch.setenv("CATALOG_ASSISTANT_CACHE", str(shared_cache))
    out = bench_serve({"tmp": str(tmp_path), "cache": shared_cache, "connections": (1, 50, 200), "seconds": 3,
                       "chat_seconds": 6}, quick=True)
    assert out["in_process"]["answers"] > 0
    for c in (1, 50, 200):
        point = out[f"api_{c}"]
        assert point["errors"] == 0 and point["hung"] == 0, point.get("error_samples") or point
        assert set(point["status"]) <= {"200", "503"} and point["ok"] > 0, point
    chat = out["gradio_chat_50"]
    assert chat["errors"] == 0 and chat["hung"] == 0 and chat["ok"] > 0, chat["error_samples"] or chat
