"""Unexpected errors: logged with their traceback to a file in the cache folder, shown in one line.

A ``CatalogAssistantError`` is a message for the user and is shown as it is. Anything else
raised while answering is a defect: its traceback goes to ``<cache>/logs/<name>.log`` (rotated,
5 x 1 MB) under a short reference, and the user sees one line naming the exception type, the
reference and the log file, never the traceback. Nothing is configured on import.
"""

from __future__ import annotations

import logging
import logging.handlers
import secrets
from pathlib import Path

LOG = logging.getLogger("catalog_assistant")


def open_error_log(cache_dir: Path, name: str = "cli") -> Path | None:
    """Send ``LOG`` to ``<cache_dir>/logs/<name>.log``; None when that folder cannot be written."""
    path = Path(cache_dir) / "logs" / f"{name}.log"
    for h in LOG.handlers:
        if isinstance(h, logging.FileHandler) and Path(h.baseFilename) == path.resolve():
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8",
                                                       errors="backslashreplace")
    except OSError:
        if not LOG.handlers:  # never Python's last-resort handler, which prints to stderr
            LOG.addHandler(logging.NullHandler())
            LOG.propagate = False
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    LOG.addHandler(handler)
    LOG.setLevel(logging.INFO)
    LOG.propagate = False
    return path


def log_failure(where: str, exc: BaseException) -> str:
    """Log ``exc`` with its traceback under a fresh reference; returns the reference."""
    ref = secrets.token_hex(4)
    LOG.error("ref %s: %s failed: %s", ref, where, type(exc).__name__, exc_info=exc)
    return ref


def failure_line(exc: BaseException, ref: str, log: Path | None) -> str:
    """One line for the user: what kind of failure, and where its details are."""
    where = f"the traceback is in {log} (reference {ref})" if log else "no log file could be written"
    return f"internal error while answering ({type(exc).__name__}); {where}"
