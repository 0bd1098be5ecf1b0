"""``--help`` text for ``catalog-assistant``: the version and worked examples for every subcommand.

Examples live here, in one table, so that plugin commands (``serve``, ``eval``) get them too and
a test can check that each one parses.
"""

from __future__ import annotations

import argparse
from importlib.metadata import PackageNotFoundError, version

DISTRIBUTION = "transformer-catalog-assistant"

EXAMPLES: dict[str, list[tuple[str, str]]] = {
    "ask": [
        ('catalog-assistant ask "which models use prefix-LM objectives?"', "a Markdown answer with its sources"),
        ('catalog-assistant ask --json "who built Chinchilla and how big is it?"', "the answer as one JSON object"),
        ("printf '%s\\n' '{\"id\": \"q1\", \"question\": \"and its paper?\", \"history\": [\"tell me about ELECTRA\"]}' "
         "| catalog-assistant ask --json --batch -", "JSON Lines in, one JSON answer per line out"),
    ],
    "chat": [("catalog-assistant chat", "a conversation in the terminal; /reset starts over, /quit exits")],
    "cite": [
        ("catalog-assistant cite electra", "one-line text citation"),
        ('catalog-assistant cite "Flan-T5" --format bibtex', "names and aliases work in any case"),
        ("catalog-assistant cite gpt-3 --format json", "the paper record and its BibTeX as JSON"),
    ],
    "list": [
        ("catalog-assistant list", "id, name, date, architecture and labs of every entry"),
        ("catalog-assistant list --json", "every typed field and the paper"),
    ],
    "validate": [
        ("catalog-assistant validate", "check the built-in catalog"),
        ("catalog-assistant validate my-entries/", "also check your own entry files (file, field, reason)"),
    ],
    "build-index": [
        ("catalog-assistant build-index", "build the search index, or update what changed"),
        ("catalog-assistant build-index --force", "re-embed every document"),
    ],
    "serve": [
        ("catalog-assistant serve", "the web app at http://127.0.0.1:7860"),
        ("catalog-assistant serve --port 8080", "another port, when 7860 is taken"),
    ],
    "feedback": [
        ("catalog-assistant feedback export --out feedback.jsonl", "the web app's thumbs up/down as JSON Lines"),
        ("catalog-assistant feedback export --raw", "every rating as stored, to standard output"),
    ],
    "eval": [
        ("catalog-assistant eval --split test", "score the held-out questions; report in reports/eval-test/"),
        ("catalog-assistant eval --split dev --no-baselines --limit 20", "a quick look at 20 questions"),
    ],
}

MAIN_EXAMPLES = [
    ('catalog-assistant ask "compare BERT and RoBERTa"', "one answer"),
    ("catalog-assistant serve --port 8080", "the web app (chat, browse, timeline, POST /api/ask)"),
    ("catalog-assistant cite electra --format bibtex", "a model's source paper"),
    ("catalog-assistant COMMAND --help", "each command's options and examples"),
]


def package_version() -> str:
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "unknown (not installed)"


def epilog(examples: list[tuple[str, str]]) -> str:
    lines = ["examples:"]
    for command, what in examples:
        lines += [f"  {command}", f"      {what}"]
    return "\n".join(lines)


def decorate(parser: argparse.ArgumentParser, subparsers) -> None:
    """Add ``--version`` and the examples to the main parser and every registered subcommand."""
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    parser.epilog = epilog(MAIN_EXAMPLES) + "\n\n`python -m assistant ...` is the same as `catalog-assistant ...`."
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    for name, sub in subparsers.choices.items():
        if name in EXAMPLES:
            sub.epilog = epilog(EXAMPLES[name])
            sub.formatter_class = argparse.RawDescriptionHelpFormatter
