"""``catalog-assistant``: validate, list, cite, build-index, ask, chat (+ serve and eval as plugins).

Imports stay light: nothing here imports gradio, and sentence-transformers is imported only
when a command needs vectors. ``serve`` (ui) and ``eval`` (eval) register themselves through
the ``catalog_assistant.commands`` entry-point group, so this package never imports them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from importlib.metadata import entry_points
from pathlib import Path

from assistant.batch import MAX_BATCH_LINE, parse_batch_line, run_batch  # noqa: F401 (re-exported)
from assistant.cli_help import decorate
from assistant.service import answer_json, ask_one, cite_entry, make_assistant, settings_from_args  # noqa: F401 (re-exported)
from catalog import CatalogAssistantError, collector_paused, entry_json, load_catalog

_settings = settings_from_args  # the earlier private name, for callers not yet moved to assistant.service


def _err(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# -- commands ---------------------------------------------------------------------------------
def cmd_validate(args) -> int:
    from catalog import CatalogSettings

    settings = settings_from_args(args)
    extra = tuple(settings.catalog.extra_dirs) + ((Path(args.dir),) if args.dir else ())
    with collector_paused(keep=True):  # the catalog lives until the command ends: not scanned again
        catalog = load_catalog(CatalogSettings(extra_dirs=extra, paper_only=bool(args.paper_only),
                                               cache_dir=settings.catalog.cache_dir), report=_err)
    paper = [e for e in catalog.models.values() if e.in_paper]
    added = [e for e in catalog.models.values() if not e.in_paper]
    print(f"catalog valid: {len(paper)} paper models and {len(added)} additions, "
          f"{len(catalog.concepts)} concepts, 0 errors")
    for label, entries in (("", paper), ("additions ", added)):
        if not entries:
            continue
        arch = Counter(e.architecture.value for e in entries)
        years = Counter(e.date.year for e in entries)
        print(f"{label}by architecture: " + ", ".join(f"{k} {v}" for k, v in sorted(arch.items())))
        print(f"{label}by year: " + ", ".join(f"{k} {v}" for k, v in sorted(years.items())))
    return 0


def cmd_list(args) -> int:
    catalog = load_catalog(settings_from_args(args).catalog)
    if args.json:
        json.dump([entry_json(e) for e in catalog.models.values()], sys.stdout, indent=1, ensure_ascii=False)
        print()
    else:
        for e in catalog.models.values():
            print(f"{e.id:24} {e.name:24} {e.date}  {e.architecture.value:16} {', '.join(e.labs)}")
    return 0


def cmd_cite(args) -> int:
    catalog = load_catalog(settings_from_args(args).catalog)
    entry = catalog.lookup(args.model)
    if entry is None:
        from assistant.linking import EntityLinker

        mentions, _ = EntityLinker(catalog).link(args.model)
        entry = catalog.models[mentions[0].model_id] if len(mentions) == 1 else None
    if entry is None:
        _err(f"error: no model named {args.model!r} in the catalog (try `catalog-assistant list`)")
        return 1
    cited = cite_entry(entry, args.format)
    print(json.dumps(cited, indent=1, ensure_ascii=False) if args.format == "json" else cited)
    return 0


def cmd_build_index(args) -> int:
    from index import SentenceTransformerEmbedder, open_index

    settings = settings_from_args(args)
    catalog = load_catalog(settings.catalog, report=_err)
    embedder = SentenceTransformerEmbedder(settings.index.model_path)
    _, report = open_index(catalog, settings.index, embedder, force=args.force, progress=True, report=_err)
    print(report.line())
    return 0 if report.persisted else 1  # nothing saved: a script must not think the index is there


def cmd_ask(args) -> int:
    from assistant.faults import failure_line, log_failure

    with collector_paused(keep=True):  # catalog and assistant live until the command ends: not scanned again
        assistant = make_assistant(settings_from_args(args))
    if args.batch:
        try:
            stream = sys.stdin.buffer if args.batch == "-" else open(args.batch, "rb")
        except OSError as exc:
            _err(f"error: cannot open batch file {args.batch}: {exc.strerror}")
            return 1
        log = _error_log(args)
        with stream:
            run_batch(assistant, stream, sys.stdout,
                      on_failure=lambda exc: failure_line(exc, log_failure("answering a batch line", exc), log))
        return 0
    if not args.question:
        _err("error: give a QUESTION or --batch FILE")
        return 2
    question = " ".join(args.question)
    try:
        question.encode("utf-8")
    except UnicodeEncodeError:  # bytes that are not UTF-8 on the command line arrive as lone surrogates
        _err("error: the question is not valid UTF-8 text")
        return 1
    result = ask_one(assistant, question, qid="q1")
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(result["answer"])
    return 0


def cmd_chat(args) -> int:
    from rich.console import Console
    from rich.markdown import Markdown

    from assistant.session import Session

    console = Console()
    assistant = make_assistant(settings_from_args(args))
    session = Session()
    console.print("[bold]Transformer Catalog Assistant[/] — ask about the catalog; /reset starts over, /quit exits.")
    while True:
        try:
            question = console.input("[bold cyan]you>[/] ")
        except (EOFError, KeyboardInterrupt):
            console.print()
            return 0
        if question.strip() in ("/quit", "/exit"):
            return 0
        if question.strip() == "/reset":
            session.reset()
            continue
        answer = assistant.ask(question, session)
        console.print(Markdown(answer.text))


# -- parser -----------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--catalog-dir", action="append", metavar="DIR",
                        help="directory of extra/override entry files (repeatable; env CATALOG_ASSISTANT_CATALOG_DIR)")
    common.add_argument("--cache-dir", metavar="DIR", help="index cache directory (env CATALOG_ASSISTANT_CACHE)")
    common.add_argument("--model-path", metavar="DIR", help="sentence-transformers model folder (env CATALOG_ASSISTANT_MODEL_PATH)")
    common.add_argument("--paper-only", action="store_true", default=None,
                        help="only the paper's 77 models: hide the additions beyond the paper (env CATALOG_ASSISTANT_PAPER_ONLY=1)")
    parser = argparse.ArgumentParser(prog="catalog-assistant", description="Grounded answers about the Transformer model catalog.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", parents=[common], help="validate the catalog (and an extra DIR)")
    p.add_argument("dir", nargs="?", help="a directory of your own entry files to check too")
    p.set_defaults(func=cmd_validate)
    p = sub.add_parser("list", parents=[common], help="list catalog entries")
    p.add_argument("--json", action="store_true", help="every entry with all typed fields, as JSON")
    p.set_defaults(func=cmd_list)
    p = sub.add_parser("cite", parents=[common], help="a model's source paper")
    p.add_argument("model", help="a catalog id, name or alias, in any case")
    p.add_argument("--format", choices=("text", "bibtex", "json"), default="text", help="default: text")
    p.set_defaults(func=cmd_cite)
    p = sub.add_parser("build-index", parents=[common], help="build or refresh the search index")
    p.add_argument("--force", action="store_true", help="re-embed everything")
    p.set_defaults(func=cmd_build_index)
    p = sub.add_parser("ask", parents=[common], help="answer one question, or a JSON Lines batch")
    p.add_argument("question", nargs="*", help="the question (quotes optional)")
    p.add_argument("--json", action="store_true",
                   help="print one JSON object (id, question, answer, intent, models, citations, abstained, ...)")
    p.add_argument("--batch", metavar="FILE", help="JSON Lines of {id, question, history}; '-' for stdin (implies --json)")
    p.set_defaults(func=cmd_ask)
    p = sub.add_parser("chat", parents=[common], help="a conversation in the terminal")
    p.set_defaults(func=cmd_chat)
    for ep in entry_points(group="catalog_assistant.commands"):
        try:
            ep.load()(sub, common)
        except Exception as exc:  # a broken plugin must not break the other commands
            _err(f"warning: command plugin {ep.name!r} unavailable: {exc}")
    decorate(parser, sub)
    return parser


def _error_log(args):
    from assistant.faults import open_error_log
    from index.build import cache_dir_from_env

    return open_error_log(cache_dir_from_env(getattr(args, "cache_dir", None)), "cli")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args) or 0
    except CatalogAssistantError as exc:
        _err(f"error: {exc}")
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - a defect: one line here, the traceback in the log
        from assistant.faults import failure_line, log_failure

        log = _error_log(args)
        _err(f"error: {failure_line(exc, log_failure(f'command {args.command}', exc), log)}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
