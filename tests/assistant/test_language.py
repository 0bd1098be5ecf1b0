"""Language detection, Chinese normalisation and segmentation, and the honest answer to other languages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.language import Language, detect

GOLD = Path(__file__).resolve().parents[2] / "eval" / "gold"


def _questions(name: str) -> list[dict]:
    return [json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("text, expected", [
    ("which models use prefix-LM objectives?", Language.EN),
    ("who built Chinchilla and how big is it?", Language.EN),
    ("BibTeX for ELECTRA", Language.EN),
    ("哪些模型是仅编码器架构？", Language.ZH),
    ("OpenAI的模型有哪些", Language.ZH),
    ("哪些模型是編碼器-解碼器架構？", Language.ZH),
    ("Quels modèles Google a-t-il publiés ?", Language.OTHER),
    ("Wie viele Parameter hat GPT-3?", Language.OTHER),
    ("¿Quién desarrolló BERT?", Language.OTHER),
    ("BERTをつくったのはどこですか？", Language.OTHER),
    ("Какие модели выпустила компания Meta?", Language.OTHER),
    ("BERT를 만든 회사는 어디인가요?", Language.OTHER),
    ("Quanti parametri ha GPT-3? Chi ha sviluppato BERT?", Language.OTHER),
    ("Bonjour, qui a créé BERT ?", Language.OTHER),
    ("Wer hat BERT gebaut?", Language.OTHER),
    ("papers by Francisco Guzmán", Language.EN),
])
def test_detect(text, expected):
    assert detect(text) is expected


@pytest.mark.parametrize("name", ["dev.jsonl", "test.jsonl", "unseen.jsonl", "beyond.jsonl"])
def test_every_english_gold_question_is_english(name):
    path = GOLD / name
    if not path.is_file():
        pytest.skip(f"{name} is not in this checkout")
    wrong = [q["question"] for q in _questions(name) if detect(q["question"]) is not Language.EN]
    assert wrong == []


def test_chinese_gold_questions_are_chinese_or_other():
    for q in _questions("zh.jsonl"):
        got = detect(q["question"])
        assert got is (Language.OTHER if q["category"] == "other_language" else Language.ZH), q["question"]


def test_normalize_traditional_and_full_width():
    from assistant.chinese import normalize

    assert normalize("哪些模型使用了人類回饋強化學習？") == "哪些模型使用了人类回馈强化学习?"
    assert normalize("ＧＰＴ－３有多少參數？") == "GPT-3有多少参数?"
    assert normalize("論文《Language Models are Few-Shot Learners》") == "论文“Language Models are Few-Shot Learners”"


def test_segmenter_keeps_lexicon_terms_and_catalog_names_whole(catalog):
    from assistant.chinese import ChineseReader

    reader = ChineseReader([n for e in catalog.models.values() for n in (e.name, *e.aliases)])
    words = reader.segment("哪些模型使用掩码语言模型作为预训练目标")
    assert "掩码语言模型" in words
    assert "悟道2.0" in reader.segment("悟道2.0有多少参数")
    assert "非" in reader.segment("非开源的编码器模型") and "非" not in reader.segment("这个模型非常大")


def test_other_language_gets_the_honest_message(plain):
    for q in ("Wie viele Parameter hat GPT-3?", "¿Quién desarrolló BERT?", "BERTをつくったのはどこですか？"):
        answer = plain.ask(q)
        assert answer.abstained and not answer.citations
        assert answer.text.startswith("I can answer in English or Chinese (我可以用英文或中文回答).")
        assert "doesn't cover" not in answer.text


LAZY = """
import sys
from assistant import Assistant
from catalog import load_catalog
a = Assistant(load_catalog())
answer = a.ask("which models use prefix-LM objectives?")
assert answer.models, answer.text
print("LOADED", [m for m in ("jieba", "opencc") if m in sys.modules])
a.ask("哪些模型用了前缀语言模型？")
print("THEN", [m for m in ("jieba", "opencc") if m in sys.modules])
"""


def test_english_questions_never_load_the_segmenter():
    run = subprocess.run([sys.executable, "-c", LAZY], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "LOADED []" in run.stdout
    assert "THEN ['jieba', 'opencc']" in run.stdout
