"""Labs named as a group by country, said of the models themselves ("Chinese models", 国产大模型), and the
Chinese exclusion "除了 X 以外的 Y": X is left out of Y, never joined to Y's list. A lab excluded before a group of
labs ("除了 DeepSeek 以外的中国机构") narrows the group; a head noun after a lab ("Meta 的模型以外") takes the lab along."""

from __future__ import annotations

import pytest

CHINA = {"01.AI", "Alibaba", "BAAI", "DeepSeek", "Huawei", "Peking University", "Shanghai AI Laboratory",
         "Tsinghua University", "University of Hong Kong"}


def _chinese(catalog, leave_out=frozenset()):
    return {m.id for m in catalog.models.values() if m.lab_keys & CHINA and not m.lab_keys & set(leave_out)}


@pytest.mark.parametrize("question", [
    "which Chinese models are in the catalog?",
    "list the chinese LLMs",
    "国产模型有哪些",
    "國內的模型有哪些？",
    "中国大模型都有哪些",
])
def test_models_called_after_a_country_are_its_labs_models(full, full_catalog, question):
    answer = full.ask(question)
    assert not answer.abstained, answer.text
    assert set(answer.models) == _chinese(full_catalog), answer.text


@pytest.mark.parametrize("question, leave_out", [
    ("除了深度求索以外的国产模型", {"DeepSeek"}),
    ("除了 DeepSeek 和阿里之外的中国机构的模型", {"DeepSeek", "Alibaba"}),
    ("Chinese models apart from the Alibaba ones", {"Alibaba"}),
])
def test_a_lab_excluded_before_the_group_narrows_it(full, full_catalog, question, leave_out):
    answer = full.ask(question)
    expected = _chinese(full_catalog, leave_out)
    assert expected and set(answer.models) == expected, answer.text


def test_the_exclusion_is_read_as_a_clause_of_its_own(full):
    reading = full.chinese.read("除了谷歌以外的大学模型")
    assert reading.gloss.startswith("except Google ;"), reading.gloss


@pytest.mark.parametrize("question, lab, license_class", [
    ("Meta 的模型以外还有哪些开源的", "Meta", "open"),
    ("谷歌的模型以外，还有哪些是受限许可的", "Google", "limited"),
])
def test_a_lab_before_the_head_noun_is_what_is_left_out(full, full_catalog, question, lab, license_class):
    answer = full.ask(question)
    expected = {m.id for m in full_catalog.models.values()
                if m.license_class == license_class and lab not in m.lab_keys}
    assert set(answer.models) == expected, answer.text
