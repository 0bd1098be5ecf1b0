"""Reading and validating catalog files.

The built-in catalog is ``catalog/models/*.yaml`` (the paper's 77 models),
``catalog/beyond/*.yaml`` (models added beyond the paper, each marked ``in_paper: false``) and
``catalog/concepts/*.yaml``. ``CatalogSettings.paper_only`` leaves out the additions and the
concepts written for them (``in_paper: false``), giving exactly the paper's catalog. Users may
add directories of their own: files there add entries or override built-in ones with the
same id, and pass the same validation. A problem is reported as (file, field, reason).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from catalog.cache import CatalogCache, cache_key, collector_paused, settings_json, take_stamps
from catalog.errors import CatalogError
from catalog.schema import Concept, ModelEntry
from catalog.yamlsafe import UnsafeYaml, read_yaml

BUILTIN_DIR = Path(__file__).resolve().parent
SUFFIXES = (".yaml", ".yml")


class CatalogSettings(BaseModel):
    """Where catalog files come from."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    builtin: bool = Field(True, description="Include the catalog shipped with the package")
    extra_dirs: tuple[Path, ...] = Field((), description="User directories that add or override entries")
    paper_only: bool = Field(False, description="Leave out the models and concepts added beyond the paper's 77")
    cache_dir: Optional[Path] = Field(None, description="Cache folder for the parsed catalog (None: parse every time)")


@dataclass(frozen=True)
class Catalog:
    """All validated entries, models ordered by date then name."""

    models: dict[str, ModelEntry]
    concepts: dict[str, Concept]
    sources: dict[str, str] = field(default_factory=dict, compare=False)

    def __len__(self) -> int:
        return len(self.models)

    @property
    def paper_ids(self) -> frozenset[str]:
        """Ids of the models in the paper's catalog (``in_paper``), in no particular order."""
        return frozenset(m for m, e in self.models.items() if e.in_paper)

    @property
    def beyond_ids(self) -> frozenset[str]:
        """Ids of the models added beyond the paper."""
        return frozenset(m for m, e in self.models.items() if not e.in_paper)

    def beyond(self, model_ids) -> list[str]:
        """The ids among ``model_ids`` that are not among the paper's models, in the given order."""
        return [m for m in model_ids if m in self.models and not self.models[m].in_paper]

    def get(self, model_id: str) -> ModelEntry:
        return self.models[model_id]

    def lookup(self, name: str) -> ModelEntry | None:
        """Exact lookup by id, name or alias, ignoring case, spaces and hyphens."""
        key = normalize_name(name)
        return self.names().get(key)

    def names(self) -> dict[str, ModelEntry]:
        """Normalized id, name and alias -> entry (first claim wins, in catalog order)."""
        cached = self.__dict__.get("_name_map")
        if cached is None:
            cached = {}
            for entry in self.models.values():
                for n in (entry.id, *entry.all_names()):
                    cached.setdefault(normalize_name(n), entry)
            object.__setattr__(self, "_name_map", cached)
        return cached

    @property
    def content_hash(self) -> str:
        """A hash of every entry's content: changes whenever any fact or text changes."""
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = self.serialized()[2]
        return cached

    def serialized(self) -> tuple[list[bytes], list[bytes], str]:
        """(each model as JSON, each concept as JSON, the content hash over both), serializing once."""
        models = [e.model_dump_json().encode() for e in self.models.values()]
        concepts = [c.model_dump_json().encode() for c in self.concepts.values()]
        h = hashlib.sha256()
        for item in (*models, *concepts):
            h.update(item)
        object.__setattr__(self, "_hash", h.hexdigest())
        return models, concepts, self.__dict__["_hash"]


_NOT_NAME = re.compile(r"[^\w.]|_")  # \w is str.isalnum plus "_"


def normalize_name(name: str) -> str:
    """Lower case, letters, digits and dots only ("GPT-3.5 Turbo" -> "gpt3.5turbo")."""
    return _NOT_NAME.sub("", name.lower())


def _quiet(_: str) -> None:
    pass


def load_catalog(settings: CatalogSettings | None = None, extra_dirs: Iterable[Path | str] = (),
                 report: Callable[[str], None] = _quiet) -> Catalog:
    """Load, validate and cross-check every catalog file; raise ``CatalogError`` listing all problems.

    With ``settings.cache_dir`` set, a valid catalog is cached as JSON and reused while every
    file's size, mtime and content stay the same (see ``catalog/cache.py``)."""
    with collector_paused():
        return _load(settings or CatalogSettings(), extra_dirs, report)


def _load(settings: CatalogSettings, extra_dirs: Iterable[Path | str], report: Callable[[str], None]) -> Catalog:
    dirs: list[Path] = [BUILTIN_DIR] if settings.builtin else []
    dirs += [Path(d) for d in (*settings.extra_dirs, *extra_dirs)]
    cache = described = None
    if settings.cache_dir is not None:
        described = settings_json(settings, dirs)
        cache = CatalogCache(settings.cache_dir, described, report)
        hit = cache.fresh()  # stats only: nothing changed since the stamps were taken
        if hit is not None:
            return _from_cache(*hit)
    started = time.time_ns()
    problems: list[tuple[str, str, str]] = []
    folders: list[Path] = []
    files = _all_files(dirs, settings, problems, folders)
    if problems:
        raise CatalogError(problems)
    if cache is not None:
        listed = [(p, k) for _, p, k in files] + [(p, "beyond") for p in _left_out(settings)]
        stamps = take_stamps(described, started, folders, listed)
        key = cache_key(described, stamps.files)
        hit = cache.load(key)
        if hit is not None:  # same contents, new timestamps (touched, copied back): renew the stamps
            cache.restamp(stamps)
            return _from_cache(*hit)
    catalog = _parse_all(files, settings, problems)
    if cache is not None:
        cache.save(key, stamps, *catalog.serialized(), catalog.sources)
    return catalog


def _left_out(settings: CatalogSettings) -> list[Path]:
    """Built-in files a paper-only catalog skips (their names still shape its concepts)."""
    return sorted((BUILTIN_DIR / "beyond").glob("*.y*ml")) if settings.builtin and settings.paper_only else []


def _all_files(dirs: list[Path], settings: CatalogSettings, problems: list,
               folders: list[Path]) -> list[tuple[Path, Path, str]]:
    """(root, file, kind) for every entry file, in load order; every folder listed goes to ``folders``."""
    out = []
    for root in dirs:
        if not root.is_dir():
            problems.append((str(root), "(directory)", "not found or not a directory"))
            continue
        out += [(root, path, kind) for path, kind in
                _entry_files(root, builtin=root == BUILTIN_DIR, paper_only=settings.paper_only, folders=folders)]
    return out


def _parse_all(files: list[tuple[Path, Path, str]], settings: CatalogSettings, problems: list) -> Catalog:
    models: dict[str, ModelEntry] = {}
    concepts: dict[str, Concept] = {}
    sources: dict[str, str] = {}
    seen: dict[tuple[Path, str], str] = {}
    for root, path, kind in files:
        record = _read_one(path, kind, problems)
        if record is None:
            continue
        if root == BUILTIN_DIR and not _placed_right(path, record, problems):
            continue
        if settings.paper_only and not record.in_paper:
            continue
        key = f"{kind}:{record.id}"
        if (root, key) in seen:
            problems.append((str(path), "id", f"duplicate id {record.id!r} (also in {seen[root, key]})"))
            continue
        seen[root, key] = str(path)
        (models if kind == "model" else concepts)[record.id] = record
        sources[key] = str(path)
    if settings.paper_only:
        added = {p.stem for p in (BUILTIN_DIR / "beyond").glob("*.y*ml")} - set(models)
        concepts = {k: _without_additions(c, added) for k, c in concepts.items()}
    _cross_check(models, concepts, sources, problems)
    if problems:
        raise CatalogError(problems)
    ordered = dict(sorted(models.items(), key=lambda kv: (kv[1].date.key, kv[1].name.lower())))
    return Catalog(models=ordered, concepts=dict(sorted(concepts.items())), sources=sources)


def _from_cache(models: list[ModelEntry], concepts: list[Concept], sources: dict[str, str], content_hash: str) -> Catalog:
    catalog = Catalog(models={m.id: m for m in models}, concepts={c.id: c for c in concepts}, sources=sources)
    object.__setattr__(catalog, "_hash", content_hash)
    return catalog


def _entry_files(root: Path, builtin: bool, paper_only: bool = False,
                 folders: list[Path] | None = None) -> list[tuple[Path, str]]:
    folders = [] if folders is None else folders
    if builtin:
        folders += [root / f for f in ("models", "beyond", "concepts")]
        models = ("models",) if paper_only else ("models", "beyond")
        return [(p, "model") for f in models for p in sorted((root / f).glob("*.y*ml"))] + [
            (p, "concept") for p in sorted((root / "concepts").glob("*.y*ml"))
        ]
    out: list[tuple[str, str]] = []
    pending = [(str(root), "model")]
    while pending:  # hidden files and folders are skipped; symlinked folders are not followed
        folder, kind = pending.pop()
        folders.append(Path(folder))
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, "concept" if entry.name == "concepts" else kind))
                elif entry.name.endswith(SUFFIXES) and entry.is_file():
                    out.append((entry.path, kind))
    return [(Path(p), kind) for p, kind in sorted(out, key=lambda pk: (pk[0].split(os.sep), pk[1]))]  # Path order


def _read_one(path: Path, kind: str, problems: list) -> ModelEntry | Concept | None:
    try:
        data = read_yaml(path)
    except (OSError, UnicodeDecodeError) as exc:
        problems.append((str(path), "(file)", f"cannot read: {exc}"))
        return None
    except UnsafeYaml as exc:
        problems.append((str(path), "(yaml)", f"refused: {exc}"))
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problems.append((str(path), "(yaml)", f"not valid YAML{where}: {getattr(exc, 'problem', exc)}"))
        return None
    if not isinstance(data, dict):
        problems.append((str(path), "(file)", "expected a mapping of fields at the top level"))
        return None
    try:
        record = (ModelEntry if kind == "model" else Concept).model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = ".".join(str(p) for p in err["loc"]) or "(entry)"
            problems.append((str(path), loc, _reason(err)))
        return None
    if record.id != path.stem:
        problems.append((str(path), "id", f"id {record.id!r} does not match the file name {path.stem!r}"))
        return None
    return record


def _placed_right(path: Path, record, problems: list) -> bool:
    """Built-in models: the paper's in ``models/``, additions (``in_paper: false``) in ``beyond/``."""
    if isinstance(record, Concept):
        return True
    expected = "models" if record.in_paper else "beyond"
    if path.parent.name != expected:
        problems.append((str(path), "in_paper", f"in_paper is {str(record.in_paper).lower()}, so the file belongs in catalog/{expected}/"))
        return False
    return True


def _without_additions(concept: Concept, added: set[str]) -> Concept:
    """A paper concept as it reads without the additions: related models beyond the paper dropped."""
    kept = [m for m in concept.related_models if m not in added]
    return concept if kept == concept.related_models else concept.model_copy(update={"related_models": kept})


def _reason(err: dict) -> str:
    msg = err["msg"]
    if err["type"] == "missing":
        return "required field is missing"
    if err["type"] == "extra_forbidden":
        return "unknown field (check the spelling)"
    if err["type"] == "enum":
        return f"{msg}; got {err.get('input')!r}"
    return msg.removeprefix("Value error, ")


def _cross_check(models, concepts, sources, problems) -> None:
    names: dict[str, str] = {}
    for e in models.values():
        where = sources.get(f"model:{e.id}", e.id)
        for ref in e.derived_from:
            if ref not in models:
                problems.append((where, "derived_from", f"unknown model id {ref!r}"))
            elif ref == e.id:
                problems.append((where, "derived_from", "a model cannot derive from itself"))
        for n in (e.name, *e.aliases):
            key = normalize_name(n)
            other = names.setdefault(key, e.id)
            if other != e.id:
                problems.append((where, "aliases", f"name {n!r} is already used by {other!r}"))
    for c in concepts.values():
        for ref in c.related_models:
            if ref not in models:
                problems.append((sources.get(f"concept:{c.id}", c.id), "related_models", f"unknown model id {ref!r}"))


def entry_json(entry: ModelEntry) -> dict:
    """A model entry as plain JSON-ready data (all typed fields and the paper)."""
    data = json.loads(entry.model_dump_json())
    data["organizations"] = entry.org_names
    data["paper"]["link"] = entry.paper.link
    return data
