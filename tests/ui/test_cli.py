"""The `serve` subcommand: registered through the entry point, light to import, safe defaults."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import urllib.request

import pytest

from assistant.cli import build_parser


def test_importing_the_plugin_does_not_import_gradio():
    code = "import sys, ui.cli; print(sorted(m for m in ('gradio', 'torch', 'faiss') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_serve_is_registered_with_loopback_defaults():
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.mcp) == ("127.0.0.1", 7860, False)
    assert args.func.__module__ == "ui.cli"


def test_serve_accepts_the_common_flags(tmp_path):
    args = build_parser().parse_args(["serve", "--cache-dir", str(tmp_path), "--catalog-dir", str(tmp_path),
                                      "--model-path", str(tmp_path), "--port", "8000", "--mcp"])
    assert args.cache_dir == str(tmp_path) and args.catalog_dir == [str(tmp_path)] and args.mcp
    assert args.port == 8000


def test_mcp_without_the_extra_prints_a_message_and_serves(capsys, port):
    import gradio as gr

    from ui.app import launch, mcp_available

    with gr.Blocks() as app:
        gr.Markdown("x")
    _, url, _ = launch(app, "127.0.0.1", port, mcp=True, prevent_thread_lock=True, quiet=True)
    try:
        assert url.startswith("http://127.0.0.1:")
        assert app.mcp_server is mcp_available()
        if not mcp_available():
            assert 'pip install "gradio[mcp]"' in capsys.readouterr().out
    finally:
        app.close()


@pytest.mark.slow
def test_serve_builds_the_index_then_serves_on_loopback(tmp_path, port):
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False"}
    cmd = [sys.executable, "-m", "assistant", "serve", "--cache-dir", str(tmp_path), "--port", str(port)]
    log = tmp_path / "stderr.log"
    with open(log, "w") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, text=True, env=env)
    try:
        line = _line_with(proc.stdout, "running at", timeout=240)
        url = line.split("running at", 1)[1].split()[0]
        assert url == f"http://127.0.0.1:{port}/"
        with urllib.request.urlopen(url, timeout=30) as response:
            assert response.status == 200 and "Transformer Catalog Assistant" in response.read().decode()
        assert (tmp_path / "index" / "manifest.json").exists(), "the index is built before serving"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert "search index" in log.read_text()


def _line_with(stream, needle: str, timeout: float) -> str:
    """The first line of ``stream`` containing ``needle``, read in a thread so the wait is bounded."""
    found: list[str] = []

    def read():
        for line in stream:
            if needle in line:
                found.append(line)
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout)
    assert found, f"no line with {needle!r} within {timeout}s"
    return found[0]


def test_serve_on_a_busy_port_says_so_in_one_line_and_exits_2(tmp_path, port):
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        run = subprocess.run([sys.executable, "-m", "assistant", "serve", "--port", str(port), "--cache-dir", str(tmp_path)],
                             capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    (line,) = run.stderr.strip().splitlines()
    assert str(port) in line and "--port" in line and "in use" in line
    assert "Traceback" not in run.stderr and run.stdout == ""
