"""Reading one entry file's YAML without letting a hostile file exhaust memory or time.

A file is refused, with a one-line reason, when it is larger than ``MAX_FILE_BYTES``, when
its aliases would expand to more than ``MAX_NODES`` nodes (the "billion laughs" shape: a few
hundred bytes that expand to billions of strings), when it nests deeper than ``MAX_DEPTH``, or
when a mapping repeats a key (YAML keeps the last value silently, which hides typos).
These checks run over libyaml's event stream, iteratively and without building anything, so
they cost a fraction of the parse that follows.
"""

from __future__ import annotations

from pathlib import Path

import yaml

MAX_FILE_BYTES = 1 << 20  # a catalog entry is ~4 KB
MAX_NODES = 100_000  # a catalog entry has ~100 YAML nodes
MAX_DEPTH = 64

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class UnsafeYaml(ValueError):
    """The file is refused before it is parsed into Python objects; the message is one line."""


def read_yaml(path: Path):
    """The file's single YAML document, after the size, alias, depth and duplicate-key checks.

    Raises ``UnsafeYaml``, ``OSError``, ``UnicodeDecodeError`` or ``yaml.YAMLError``."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UnsafeYaml(f"file is {size / 2**20:.1f} MB; an entry file may be at most {MAX_FILE_BYTES // 2**20} MB")
    with path.open("rb") as f:
        raw = f.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:  # it grew after the stat
        raise UnsafeYaml(f"file is larger than {MAX_FILE_BYTES // 2**20} MB")
    text = raw.decode("utf-8")
    check_events(text)
    return yaml.load(text, Loader=Loader)


class _Open:
    __slots__ = ("anchor", "nodes", "mapping", "children", "keys")

    def __init__(self, anchor: str | None, mapping: bool):
        self.anchor, self.mapping, self.nodes, self.children, self.keys = anchor, mapping, 1, 0, set()


def check_events(text: str) -> None:
    """Raise ``UnsafeYaml`` if the document would expand past the limits or repeats a key."""
    sizes: dict[str, int] = {}
    stack: list[_Open] = []
    total = 0
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            _child(stack, None)
            stack.append(_Open(event.anchor, isinstance(event, yaml.MappingStartEvent)))
            if len(stack) > MAX_DEPTH:
                raise UnsafeYaml(f"nested deeper than {MAX_DEPTH} levels")
            continue
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            done = stack.pop()
            if done.anchor:
                sizes[done.anchor] = done.nodes
            if stack:
                stack[-1].nodes += done.nodes
            else:
                total += done.nodes
            continue
        if isinstance(event, yaml.ScalarEvent):
            _child(stack, event.value)
            nodes = 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            _child(stack, None)
            if any(o.anchor == event.anchor for o in stack):
                raise UnsafeYaml(f"alias *{event.anchor} refers to a collection that contains it")
            nodes = sizes.get(event.anchor, 1)  # an undefined alias is reported by the parser itself
        else:
            continue
        if stack:
            stack[-1].nodes += nodes
        else:
            total += nodes
        if total + sum(o.nodes for o in stack) > MAX_NODES:
            raise UnsafeYaml(f"aliases expand to more than {MAX_NODES:,} YAML nodes (an alias bomb?)")


def _child(stack: list[_Open], scalar_value: str | None) -> None:
    """Count a child of the innermost collection; a mapping's scalar keys must be unique."""
    if not stack:
        return
    top = stack[-1]
    if top.mapping and top.children % 2 == 0 and scalar_value is not None and scalar_value != "<<":
        if scalar_value in top.keys:
            raise UnsafeYaml(f"duplicate key {scalar_value!r} (YAML would keep only the last one)")
        top.keys.add(scalar_value)
    top.children += 1
