"""Kinds of question in plain words, each in wordings other people would type (English and Chinese):

- a fact the catalog has no field for (training time, training hardware) that a model's own key point states: quoted;
- using a model oneself (running it on one's own machines, putting it in a commercial product): its licence;
- the everyday sense of a word the catalog also uses (a golden retriever, a labrador retriever): off-topic;
- a measure of one named model (its latency, seconds per task) right after a task or objective word: unrecorded, never a
  count of the models of that task;
- the rest of a field named after a list left out, a comma apart ("excluding decoders and encoders, other
  architectures"): positive;
- a model left out with all its descendants in Chinese (它所有后代, 及其所有下游模型, 剔除 … 之后): the whole line;
- a yes/no clause followed by a second question about the same model (…吗？底座是哪个; "Is X …? What's its parent?"):
  the verdict and the second answer.

Each test reads its wordings through one answer each (no search index).
"""

from __future__ import annotations

from assistant.query import Attribute, Intent, leaves


def _constraints(q):
    return {(c.facet, str(v), neg) for c, neg in leaves(q.where) for v in c.values}


def test_an_unrecorded_fact_a_key_point_states_is_quoted(full):
    cases = [("What hardware was PaLM trained on?", "TPU v4"), ("How many GPUs did Falcon use for training?", "A100"),
             ("On which accelerators was GPT-J trained?", "TPUs"), ("how many days of training did phi-1 need", "4 days"),
             ("phi-1 训练了几天？用的什么硬件", "A100")]
    bad = [(q, a.text[:120]) for q, want in cases if (a := full.ask(q)).abstained or want not in a.text]
    assert not bad, bad
    assert full.ask("what hardware was Jamba trained on").abstained  # "fits on a single 80GB GPU" is no training hardware


def test_using_a_model_oneself_asks_its_licence(full):
    """The licence is what the answer states (asked, or checked as the open class), never a hardware left unrecorded."""
    questions = ["Am I allowed to run Llama 2 on my own servers?", "Can we deploy GPT-4 on our own machines?",
                 "Could I put BLOOM into a commercial product?", "could a startup use Falcon commercially?"]

    def licence(q):
        return not q.unrecorded and (Attribute.LICENSE in q.attributes or any(c.facet == "license" for c, _ in leaves(q.where))
                                     or any(p.constraint.facet == "license" for p in q.premises))

    bad = [(q, x.attributes, x.unrecorded) for q in questions if not licence(x := full._understand(q))]
    assert not bad, bad
    assert "API" in full.ask("Can we deploy GPT-4 on our own machines?").text


def test_the_everyday_sense_of_a_catalog_word_is_off_topic(full):
    off = ["what should I feed my labrador retriever?", "how do I teach my golden retriever to fetch",
           "any tips for walking two beagles at once?"]
    bad = [q for q in off if full._understand(q).intent is not Intent.OUT_OF_SCOPE]
    assert not bad, bad
    q = full._understand("which models use a retriever?")
    assert ("trait", "retrieval-augmented", False) in _constraints(q)


def test_a_measure_of_a_model_after_a_task_word_is_unrecorded(full):
    questions = ["用 T5 翻译一段话要多少秒", "DialoGPT instruction tuning latency in milliseconds?",
                 "what's the translation throughput of mBART in tokens per second", "BLOOM 多语言生成的推理速度是多少"]
    bad = [(q, x.intent, x.unrecorded) for q in questions if "inference speed" not in (x := full._understand(q)).unrecorded]
    assert not bad, bad
    assert full._understand("LLaMA 的上下文长度是多少 token").unrecorded == ["context length"]  # the length's unit, no tokens count


def test_the_rest_of_a_field_after_a_list_left_out_is_positive(plain):
    wanted = {e.id for e in plain.catalog.models.values() if e.architecture.value == "other"}
    questions = ["excluding encoders and decoders, other architectures (not encoder-decoder either)?",
                 "not counting decoder or encoder models, the other architectures, but not encoder-decoder",
                 "除去解码器和编码器，其他架构（非编码器-解码器）的模型", "不算 encoder 和 decoder，其它架构的模型有哪些，encoder-decoder 除外"]
    bad = [(q, a.models) for q in questions if set((a := plain.ask(q)).models) != wanted]
    assert not bad, bad


def test_a_model_left_out_with_all_its_descendants_in_chinese(plain):
    def line(root):
        from tests.assistant.lineage import descendants
        return {root} | descendants(plain.catalog, root)

    encoders = {e.id for e in plain.catalog.models.values() if e.architecture.value == "encoder"}
    google = {e.id for e in plain.catalog.models.values() if "Google" in e.labs}
    cases = [("排除 BERT 及其所有后代之后的编码器模型", encoders - line("bert")),
             ("去掉 T5 和它的全部衍生模型以后，谷歌的模型还有哪些", google - line("t5")),
             ("编码器模型中，把 BERT 和它所有的后代都排除掉", encoders - line("bert"))]
    bad = [(q, sorted(set(a.models) ^ want)) for q, want in cases if set((a := plain.ask(q)).models) != want]
    assert not bad, bad
    q = plain._understand("GPT-3 之后发布的模型")  # a model's date still bounds a set: no step of a removal
    assert any(c.facet == "date" for c, _ in leaves(q.where))


def test_a_yes_no_clause_then_a_second_question(full):
    cases = [("Vicuna 用 RLHF 训练过吗？底座是哪个", "不是", {"vicuna", "llama"}),
             ("Alpaca 是指令微调的吗？它的底座是哪个模型", "是的", {"alpaca", "llama"}),
             ("Is Flan-T5 instruction tuned? What's its parent model?", "Yes", {"flan-t5", "t5"}),
             ("Is Zephyr a Meta model, and which model was it fine-tuned from?", "No", {"zephyr", "mistral-7b"})]
    bad = [(q, a.text[:100], a.models) for q, verdict, models in cases
           if not (a := full.ask(q)).text.startswith(verdict) or not models <= set(a.models)]
    assert not bad, bad


def test_a_licence_said_missing_with_the_place_between(plain):
    """"license 在目录里没有写", "the licence in this catalogue is not listed": the unknown class, the place (the catalog, the
    entry) between the field and the words that say it is missing."""
    wanted = {e.id for e in plain.catalog.models.values() if e.license_class.value == "unknown"}
    questions = ["哪些模型的许可在目录中没有给出", "哪些模型的许可证目录里没填", "which models have a license in the catalog that is unknown",
                 "list the models whose licence in this catalogue is not listed"]
    bad = [(q, a.models[:3]) for q in questions if set((a := plain.ask(q)).models) != wanted]
    assert not bad, bad
