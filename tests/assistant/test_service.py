"""The service seam: every front door answers through ``assistant.service``."""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.service import ask_one, settings_from_args


def test_ask_one_answers_history_first_and_times_the_question_alone(assistant):
    result = ask_one(assistant, "which of those are from Google?", ["which models use prefix-LM objectives?"], qid="x")
    assert result["id"] == "x" and result["question"] == "which of those are from Google?"
    assert result["models"] == ["ul2"] and [c["arxiv_id"] for c in result["citations"]] == ["2205.05131"]
    assert result["latency_ms"] >= 0


def test_settings_from_args_reads_the_common_flags(tmp_path):
    args = argparse.Namespace(catalog_dir=[str(tmp_path)], cache_dir=str(tmp_path / "c"), model_path=None)
    settings = settings_from_args(args)
    assert Path(tmp_path) in settings.catalog.extra_dirs
    assert settings.index.cache_dir == Path(tmp_path / "c")


def test_front_doors_share_one_implementation():
    import assistant.cli
    import eval.run
    import ui.api

    assert assistant.cli.ask_one is ask_one
    assert not hasattr(ui.api, "answer_json") and ui.api.ask_one is ask_one
    assert "assistant.cli" not in Path(eval.run.__file__).read_text()
