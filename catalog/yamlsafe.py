"""Reading one entry file's YAML without letting a hostile file exhaust memory or time.

A file is refused, with a one-line reason, when it is larger than ``MAX_FILE_BYTES``, when
its aliases would expand to more than ``MAX_NODES`` nodes (the "billion laughs" shape: a few
hundred bytes that expand to billions of strings), when it nests deeper than ``MAX_DEPTH``, or
when a mapping repeats a key (YAML keeps the last value silently, which hides typos).
These checks run over libyaml's event stream, iteratively, before anything can grow. An
ordinary entry file is built from that same stream (one parse, see ``load_checked``); the
rare file with anchors, tags or merge keys is parsed a second time by ``yaml.load``.
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
    return load_checked(raw.decode("utf-8"))


def load_checked(text: str):
    """``yaml.load(text, Loader)`` after the checks, in one pass of libyaml when the document is plain.

    The checks walk the event stream; a plain document (one document, no anchors, aliases,
    explicit tags or merge keys, scalar keys, every scalar of a type ``SafeLoader`` resolves
    implicitly) is built from the same events, with PyYAML's own resolver tables and scalar
    constructors, so the result is what ``yaml.load`` returns. Anything else is checked the same
    way and then handed to ``yaml.load``."""
    built = check_events(text, build=True)
    return built[0] if built is not None else yaml.load(text, Loader=Loader)


class _Open:
    """A collection being read: where its nodes start in the running count, its keys, what is built."""

    __slots__ = ("anchor", "start", "mapping", "children", "keys", "value", "key")

    def __init__(self, anchor: str | None, start: int, mapping: bool):
        self.anchor, self.start, self.mapping, self.children, self.keys = anchor, start, mapping, 0, set()
        self.value = {} if mapping else []
        self.key = _NO_KEY


_NO_KEY = object()  # a mapping waiting for its next key
_NOT_PLAIN = object()  # a scalar yaml.load must build
_STR = "tag:yaml.org,2002:str"
_IMPLICIT = Loader.yaml_implicit_resolvers
_SCALARS = {tag: yaml.constructor.SafeConstructor.yaml_constructors[tag] for tag in (
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp")}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_STARTS = {yaml.MappingStartEvent: True, yaml.SequenceStartEvent: False}
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _scalar(event: yaml.ScalarEvent):
    """What SafeLoader would construct for this scalar, or ``_NOT_PLAIN`` (tags, anchors, merge keys)."""
    value = event.value
    if event.tag is not None or event.anchor:
        return _NOT_PLAIN
    if not event.implicit[0]:
        return value  # quoted: always a string
    tag = _STR
    for candidate, regexp in _IMPLICIT.get(value[:1], ()):  # value[:1] is "" for an empty scalar, as in resolve()
        if regexp.match(value):
            tag = candidate
            break
    if tag == _STR:
        return value
    make = _SCALARS.get(tag)
    if make is None:
        return _NOT_PLAIN  # a merge key, "=", or another tag: yaml.load decides
    return make(_CONSTRUCTOR, yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style))


def check_events(text: str, build: bool = False):
    """Raise ``UnsafeYaml`` if the document would expand past the limits or repeats a key.

    ``count`` is every node so far with aliases expanded (an anchored collection's size is what
    was counted between its start and its end). With ``build``, also return ``(document,)`` built
    from the events when the document is plain (see ``load_checked``), else None."""
    sizes: dict[str, int] = {}
    stack: list[_Open] = []
    count = 0
    plain = build and not (_IMPLICIT.get(None) or Loader.yaml_path_resolvers)
    docs: list = []
    loader = Loader(text)
    try:
        for event in iter(loader.get_event, None):
            kind = type(event)
            if kind is _SCALAR:
                if stack:
                    _child(stack[-1], event.value)
                count += 1
                if event.anchor:
                    sizes[event.anchor] = 1
                if plain:
                    value = _scalar(event)
                    plain = value is not _NOT_PLAIN
                    if plain:
                        _add(stack, docs, value)
            elif kind in _STARTS:
                if stack:
                    plain = plain and not _expects_key(stack[-1])  # a collection as a key: yaml.load decides
                    _child(stack[-1], None)
                count += 1
                plain = plain and not (event.anchor or event.tag is not None)
                stack.append(_Open(event.anchor, count, _STARTS[kind]))
                if len(stack) > MAX_DEPTH:
                    raise UnsafeYaml(f"nested deeper than {MAX_DEPTH} levels")
                continue
            elif kind in _ENDS:
                done = stack.pop()
                if done.anchor:
                    sizes[done.anchor] = count - done.start + 1
                if plain:
                    _add(stack, docs, done.value)
                continue
            elif kind is _ALIAS:
                plain = False
                if stack:
                    _child(stack[-1], None)
                if any(o.anchor == event.anchor for o in stack):
                    raise UnsafeYaml(f"alias *{event.anchor} refers to a collection that contains it")
                count += sizes.get(event.anchor, 1)  # an undefined alias is reported by the parser itself
            else:
                continue
            if count > MAX_NODES:
                raise UnsafeYaml(f"aliases expand to more than {MAX_NODES:,} YAML nodes (an alias bomb?)")
    finally:
        loader.dispose()
    return (docs[0],) if plain and len(docs) == 1 else None


def _expects_key(top: _Open) -> bool:
    return top.mapping and top.key is _NO_KEY


def _add(stack: list[_Open], docs: list, value) -> None:
    """Put a built value in its parent collection (a key waits for its value), or in ``docs``."""
    if not stack:
        docs.append(value)
        return
    top = stack[-1]
    if not top.mapping:
        top.value.append(value)
    elif top.key is _NO_KEY:
        top.key = value
    else:
        top.value[top.key] = value
        top.key = _NO_KEY


def _child(top: _Open, scalar_value: str | None) -> None:
    """Count a child of the innermost collection; a mapping's scalar keys must be unique."""
    if top.mapping and top.children % 2 == 0 and scalar_value is not None and scalar_value != "<<":
        if scalar_value in top.keys:
            raise UnsafeYaml(f"duplicate key {scalar_value!r} (YAML would keep only the last one)")
        top.keys.add(scalar_value)
    top.children += 1
