"""``catalog-assistant serve``: the web UI, registered through the ``catalog_assistant.commands`` entry point.

Importing this module is cheap: gradio, torch and the index are imported only when the
command runs.
"""

from __future__ import annotations

import socket
import sys


def register(subparsers, common_parser) -> None:
    """Add the ``serve`` subcommand to the main parser."""
    p = subparsers.add_parser("serve", parents=[common_parser], help="start the web UI (chat, browse, timeline, API)")
    p.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=7860, help="port (default: 7860)")
    p.add_argument("--mcp", action="store_true", help='also serve the /ask endpoint as an MCP tool (needs "gradio[mcp]")')
    p.add_argument("--concurrency", type=int, default=4, help="requests answered at once (default: 4)")
    p.add_argument("--queue-size", type=int, default=64,
                   help="requests allowed to wait; beyond it visitors get a 'busy' message (default: 64)")
    p.set_defaults(func=cmd_serve)


def port_in_use(host: str, port: int) -> bool:
    """True when something already listens on ``host:port`` (checked before any slow startup)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does: TIME_WAIT is not "in use"
        try:
            s.bind((host, port))
        except OSError:
            return True
    return False


def cmd_serve(args) -> int:
    from assistant.service import make_assistant, settings_from_args

    if port_in_use(args.host, args.port):
        print(f"error: port {args.port} on {args.host} is already in use; "
              f"choose another with --port (e.g. --port {args.port + 1 if args.port < 65535 else 8080})",
              file=sys.stderr, flush=True)
        return 2

    assistant = make_assistant(settings_from_args(args), progress=True)
    print("Opening the search index (built on first run)…", file=sys.stderr, flush=True)
    assistant.search  # build or load it now, with a progress bar, before any visitor waits for it

    from ui.app import build_app, launch

    app = build_app(assistant, concurrency=max(1, args.concurrency), queue_size=max(1, args.queue_size))
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"warning: listening on {args.host}: anyone who can reach this address can use the app",
              file=sys.stderr, flush=True)
    _, local_url, _ = launch(app, args.host, args.port, mcp=args.mcp, prevent_thread_lock=True, quiet=True)
    print(f"Transformer Catalog Assistant running at {local_url}  (Ctrl+C to stop)", flush=True)
    if getattr(app, "mcp_server", False):
        print(f"MCP server (streamable HTTP) at {local_url.rstrip('/')}/gradio_api/mcp/", flush=True)
    elif getattr(app, "mcp_error", None):
        print(app.mcp_error, file=sys.stderr, flush=True)
    try:
        app.block_thread()
    finally:
        app.close()
    return 0
