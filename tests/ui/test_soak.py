"""A short soak (1,000 requests per programmatic path) with a memory-growth bound.

Runs ``python -m eval.soak`` as a user would: the server in its own process, the load from this one.
Before the fix each stateless Gradio call kept a ~100 KB session: 1,000 calls grow RSS by ~100 MB, well above the
bound (2,000 calls until the CI budget tightened: half the time, the same verdict)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]  # above the run's own 1,500 s limit
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GROWTH_BOUND_MB = 40


def test_a_thousand_requests_per_path_stay_bounded(shared_cache, search_index, tmp_path):
    env = {**os.environ, "CATALOG_ASSISTANT_CACHE": str(shared_cache), "HF_HUB_OFFLINE": "1"}
    out = tmp_path / "soak.json"
    proc = subprocess.run([sys.executable, "-m", "eval.soak", "--requests", "1000", "--paths", "api,call,mcp",
                           "--every", "250", "--json", str(out)], env=env, cwd=REPO, capture_output=True,
                          text=True, timeout=1500)
    report = json.loads(out.read_text())
    for path in ("api", "call", "mcp"):
        r = report[path]
        assert r["errors"] == 0, (path, r["error_samples"])
        assert r["rss_growth_after_warmup_mb"] <= GROWTH_BOUND_MB, (path, r["samples"])
        assert r["fds"][1] <= r["fds"][0] + 10 and r["threads"][1] <= r["threads"][0] + 10, (path, r)
    assert proc.returncode == 0, proc.stderr[-2000:]
