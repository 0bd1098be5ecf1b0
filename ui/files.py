"""Files the app offers for download (conversation exports), in one private temporary folder.

Each file sits in a folder named by its content's hash, so it keeps a friendly name
(``conversation.md``) and identical exports are written once. Folders older than ``max_age``
seconds are removed whenever a new file is written.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path


class ExportFiles:
    def __init__(self, root: Path | None = None, max_age: float = 3600.0):
        self.root = Path(root) if root else Path(tempfile.mkdtemp(prefix="catalog-assistant-exports-"))
        self.max_age = max_age

    def write(self, name: str, text: str) -> str:
        """Write ``text`` as ``name`` (atomically); returns the file's path."""
        data = text.encode("utf-8")
        folder = self.root / hashlib.sha256(data + name.encode()).hexdigest()[:24]
        path = folder / name
        if not path.exists():
            # Requests are answered on several threads at once, and two conversations can export the
            # same text: each writer has a temporary file of its own (never one per process), and the
            # last rename wins with identical bytes.
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        os.utime(folder)
        self.prune()
        return str(path)

    def prune(self) -> None:
        cutoff = time.time() - self.max_age
        for folder in self.root.iterdir():
            try:
                if folder.stat().st_mtime < cutoff:
                    shutil.rmtree(folder, ignore_errors=True)
            except FileNotFoundError:
                pass
