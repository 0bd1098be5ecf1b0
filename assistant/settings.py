"""One settings model for the whole assistant, read from flags and environment in ``main``."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from assistant.core import AssistantSettings
from assistant.phrasing import PhrasingSettings
from catalog import CatalogError, CatalogSettings
from index import IndexSettings
from index.build import cache_dir_from_env

ENV_CATALOG = "CATALOG_ASSISTANT_CATALOG_DIR"
ENV_MODEL = "CATALOG_ASSISTANT_MODEL_PATH"
ENV_PAPER_ONLY = "CATALOG_ASSISTANT_PAPER_ONLY"


def paper_only_from_env(flag: bool | None = None) -> bool:
    """``--paper-only`` beats ``CATALOG_ASSISTANT_PAPER_ONLY`` (1/true/yes or 0/false/no) beats the default."""
    if flag is not None:
        return flag
    raw = os.environ.get(ENV_PAPER_ONLY, "").strip().lower()
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    return CatalogSettings.model_fields["paper_only"].default


def index_name(paper_only: bool) -> str:
    """The default catalog keeps the index in ``index/``; the other variant gets its own folder."""
    if paper_only == CatalogSettings.model_fields["paper_only"].default:
        return "index"
    return "index-paper" if paper_only else "index-full"


class Settings(BaseModel):
    """Everything configurable; plain data, passed in explicitly."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    catalog: CatalogSettings = Field(default_factory=CatalogSettings)
    index: IndexSettings = Field(default_factory=IndexSettings)
    assistant: AssistantSettings = Field(default_factory=AssistantSettings)
    phrasing: PhrasingSettings = Field(default_factory=PhrasingSettings)

    @classmethod
    def from_env(cls, catalog_dirs=(), cache_dir=None, model_path=None, paper_only: bool | None = None) -> "Settings":
        """Flags beat environment variables beat defaults."""
        env_dirs = [Path(p) for p in os.environ.get(ENV_CATALOG, "").split(os.pathsep) if p]
        if any(not str(d).strip() for d in catalog_dirs):  # Path("") would silently mean "."
            raise CatalogError([("--catalog-dir", "(directory)", "an empty path was given; name a directory")])
        model = model_path or os.environ.get(ENV_MODEL) or None
        cache = cache_dir_from_env(cache_dir)
        only = paper_only_from_env(paper_only)
        return cls(
            catalog=CatalogSettings(extra_dirs=tuple(env_dirs) + tuple(Path(d) for d in catalog_dirs), cache_dir=cache,
                                    paper_only=only),
            index=IndexSettings(cache_dir=cache, model_path=Path(model) if model else None, name=index_name(only)),
            phrasing=PhrasingSettings.from_env(),
        )

    def with_paper_only(self, paper_only: bool) -> "Settings":
        """The same settings over the other catalog variant (the paper's alone, or with the
        additions), its index in that variant's own folder."""
        return self.model_copy(update={
            "catalog": self.catalog.model_copy(update={"paper_only": paper_only}),
            "index": self.index.model_copy(update={"name": index_name(paper_only)}),
        })
