"""Unwrap hard-wrapped prose in catalog entry files, in place.

Summaries (models) and bodies (concepts) are YAML literal blocks; when they are wrapped at a
fixed width, every renderer that joins lines turns "in-<newline>context" into "in- context".
This rewrites each such block as one line per paragraph, joining a line that ends in a hyphen
to the next without a space. Only that block changes; the rest of each file is left as it is.

    python scripts/normalize_text.py                   # catalog/models, catalog/concepts, catalog/beyond
    python scripts/normalize_text.py path/to/dir ...   # other entry directories
    python scripts/normalize_text.py --check           # exit 1 if any file would change
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

import yaml

CATALOG = Path(__file__).resolve().parent.parent / "catalog"
DEFAULT_DIRS = [CATALOG / "models", CATALOG / "concepts", CATALOG / "beyond"]
FIELDS = ("summary", "body")
_HYPHEN_END = re.compile(r"\w-$")


def unwrap(text: str) -> str:
    """One line per paragraph; a line ending in "word-" joins the next line with no space."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    out = []
    for para in paragraphs:
        joined = ""
        for line in (ln.strip() for ln in para.splitlines()):
            if not line:
                continue
            if not joined:
                joined = line
            elif _HYPHEN_END.search(joined):
                joined += line
            else:
                joined += " " + line
        out.append(joined)
    return "\n\n".join(out) + "\n"


def _block(field: str, value: str) -> str:
    lines = [f"{field}: |"]
    for line in value.rstrip("\n").split("\n"):
        lines.append(f"  {line}" if line else "")
    return "\n".join(lines) + "\n"


def normalize_file(path: Path) -> bool:
    """Rewrite ``path`` if one of its prose blocks is wrapped; True when it changed."""
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    new_text = text
    for field in FIELDS:
        value = data.get(field) if isinstance(data, dict) else None
        if not isinstance(value, str) or unwrap(value) == value:
            continue
        block = re.compile(rf"^{field}: [|>][-+]?\n(?:(?:  .*)?\n)*", re.MULTILINE)
        match = block.search(new_text)
        if match is None:
            raise SystemExit(f"{path}: {field} is not a literal block; edit it by hand")
        new_text = new_text[:match.start()] + _block(field, unwrap(value)) + new_text[match.end():]
    if new_text == text:
        return False
    after = yaml.safe_load(new_text)
    expected = {**data, **{f: unwrap(data[f]) for f in FIELDS if isinstance(data.get(f), str)}}
    if after != expected:
        raise SystemExit(f"{path}: rewriting changed more than the prose blocks; not written")
    _write_atomic(path, new_text)
    return True


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    dirs = [Path(a) for a in argv if a != "--check"] or DEFAULT_DIRS
    files = sorted(p for d in dirs if d.is_dir() for p in d.glob("*.yaml"))
    changed = []
    for path in files:
        if check:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if any(isinstance(data.get(f), str) and unwrap(data[f]) != data[f] for f in FIELDS):
                changed.append(path)
        elif normalize_file(path):
            changed.append(path)
    verb = "would change" if check else "unwrapped"
    print(f"{verb} {len(changed)} of {len(files)} files" + "".join(f"\n  {p}" for p in changed))
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
