"""Create the virtualenv and install the project into it, with one line per step.

pip's own output (hundreds of lines) goes to ``<venv>/install.log``; the terminal shows the
step, a running package count and, at the end, the time taken and the size of the venv.
Runs on the system Python (the venv does not exist yet); standard library only.

    python3 scripts/install.py .venv ".[test]"
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ESTIMATE = "the first time takes 3 to 8 minutes and 2.1 GB of disk (PyTorch CPU, Gradio, FAISS)"


def _say(text: str) -> None:
    print(text, flush=True)


def _status(line: str, label: str, count: int) -> tuple[int, str | None]:
    """(packages seen so far, a status line or None) after one line of pip output."""
    if line.startswith(("Collecting", "Requirement already satisfied:")):
        return count + 1, f"      {label}: {count + 1} package(s) resolved"
    if line.startswith("Installing collected packages:"):
        todo = len(line.split(":", 1)[1].split(","))
        return count, f"      {label}: unpacking {todo} package(s) into the venv"
    return count, None


def _pip(python: Path, args: list[str], log: Path, label: str) -> None:
    """Run pip with its output in ``log``; show a package counter while it works."""
    tty = sys.stdout.isatty()
    count, last_shown = 0, 0.0
    with open(log, "a", encoding="utf-8") as out:
        out.write(f"\n$ pip {' '.join(args)}\n")
        proc = subprocess.Popen([str(python), "-m", "pip", *args, "--progress-bar", "off"], stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, bufsize=1)
        for line in proc.stdout:
            out.write(line)
            count, status = _status(line, label, count)
            if status and tty:
                print(f"\r{status:<76}", end="", flush=True)
            elif status and (time.monotonic() - last_shown > 20 or "installing" in status):
                _say(status)  # a log, not a terminal: a line now and then
                last_shown = time.monotonic()
        code = proc.wait()
    if tty:
        print("\r" + " " * 76 + "\r", end="", flush=True)
    if code:
        _say("\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-25:]))
        _say(f"error: pip failed (exit {code}); the full log is {log}")
        raise SystemExit(code)


def _size(path: Path) -> str:
    du = shutil.which("du")
    if du:
        out = subprocess.run([du, "-sh", str(path)], capture_output=True, text=True).stdout.split()
        if out:
            return out[0]
    return "?"


def main(venv_dir: str = ".venv", target: str = ".[test]") -> int:
    start = time.monotonic()
    root = Path(venv_dir)
    python = root / "bin" / "python"
    if not python.exists():
        _say(f"[1/3] creating {root} with Python {sys.version.split()[0]}")
        venv.EnvBuilder(with_pip=True).create(root)
    else:
        _say(f"[1/3] reusing {root}")
    log = root / "install.log"
    _pip(python, ["install", "--upgrade", "pip"], log, "pip")
    _say(f"[2/3] installing {target} and its dependencies: {ESTIMATE}; full log in {log}")
    _pip(python, ["install", "-e", target], log, "dependencies")
    minutes, seconds = divmod(int(time.monotonic() - start), 60)
    _say(f"[3/3] installed in {minutes} min {seconds:02d} s; {root} takes {_size(root)}; "
         f"commands are in {root / 'bin'} (e.g. {root / 'bin' / 'catalog-assistant'} --help)")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
