"""Models credited to more than one lab, said as a joint effort in words the lab-count cue did not know:
"developed jointly", Chinese 多家/好几家/数家 (several) before 机构/公司, 联合开发/联合发布. A question word
(几家机构做了 BERT, "how many labs made BERT") is no such claim."""

from __future__ import annotations

import pytest

from tests.assistant.spec import where_read as _read


@pytest.mark.parametrize("question, reading", [
    ("由多家机构联合开发、并且开源的模型", "labs credited ≥ 2 AND license = open"),
    ("好几家公司一起做的模型有哪些", "labs credited ≥ 2"),
    ("合作开发的模型", "labs credited ≥ 2"),
    ("models that were built jointly", "labs credited ≥ 2"),
    # a partner said as another lab, with a verb in any form or with "jointly"; one lab said in Chinese
    ("which models did Google co-develop with another organisation?", "labs credited ≥ 2 AND lab = Google"),
    ("Google models made together with another lab", "labs credited ≥ 2 AND lab = Google"),
    ("谷歌和别的机构合作做过哪些模型？", "labs credited ≥ 2 AND lab = Google"),
    ("只由一家机构开发的解码器模型有几个？", "labs credited = 1 AND architecture = decoder"),
])
def test_a_joint_effort_counts_labs(full, question, reading):
    assert _read(full, question) == reading


def test_how_many_labs_made_a_model_is_its_labs(full):
    answer = full.ask("几家机构做了BERT")
    assert answer.models == ["bert"] and not answer.query["premises"]


def test_a_lab_and_other_labs_without_a_joint_word_is_no_count(full):
    """"models from OpenAI and other labs" names labs; only "jointly" / "together" after it makes it one joint effort."""
    assert "labs credited" not in _read(full, "models from OpenAI and other labs")
