"""How catalog values are shown in an answer's language.

``Display(language)`` turns an entry's fields into text: lab lists, dates, sizes, architecture,
objective, licence, domain and trait names, and facet labels for the one-line reading. English
shows the catalog's own forms; another language shows the names its lexicon's ``labels``
section gives (Chinese: 编码器-解码器, 2019年10月, 1750亿（175B）), falling back to the English
form for anything it does not name. Model names, paper titles, authors and free-text catalog
fields (task, corpus, application, licence text) are never translated.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.facets import COUNT_FACETS
from assistant.numbers import MONTH_NAMES
from assistant.lexicon import lexicon
from assistant.query import Op
from assistant.zh_numbers import month_zh, size_zh
from catalog import ModelEntry
from catalog.citation import ET_AL
from catalog.vocab import OBJECTIVE_LABELS, Objective

_BELOW_BILLION = re.compile(r"(?<![\w.])0\.(\d{1,3})\s?B\b(?!\s*\()")


def both_units(raw: str) -> str:
    """A parameter text with each size below a billion written in billions ("0.5B") followed by its millions
    ("0.5B (500M)"): people write such sizes either way."""
    return _BELOW_BILLION.sub(lambda m: f"{m.group()} ({int(m.group(1).ljust(3, '0'))}M)", raw)

__all__ = ["Display", "display"]


def _size_en(millions: float | None) -> str:
    from assistant.facets import size_label

    return size_label(millions)


class Display:
    def __init__(self, language: str = "en"):
        self.language = language
        self.lex = lexicon(language)
        self.labels: dict = self.lex.data.get("labels", {})
        self.zh = language == "zh"

    def superlative(self, s) -> str:
        """The ranking's word: "largest", "most recent"; with its place, "second largest"; both ends, "earliest and most
        recent"."""
        owned = self.labels.get("superlative_owned", {}).get(s.field)
        if owned:  # "the most sizes": a count of each model's own values
            return owned[0 if s.largest else 1]
        if s.ends:
            low, high = (self.superlative(s.model_copy(update={"ends": False, "largest": b, "rank": 1})) for b in (False, True))
            return self.lex.say("superlative_ends_word", low=low, high=high)
        word = {("params", True): "largest", ("params", False): "smallest",
                ("date", True): "most recent", ("date", False): "earliest"}[(s.field, s.largest)]
        nth = self.labels.get("superlative_nth", {}).get(word)  # a language that says the place inside the word: 参数量第二大
        if s.rank > 1 and nth:
            word = nth.format(nth=self.labels.get("rank_words", {}).get(s.rank, s.rank))
        else:
            word = self.labels.get("superlative_words", {}).get(word, word)
            if s.rank > 1:
                word = self.lex.say("superlative_rank", nth=self.lex.data["rank_words"].get(s.rank, s.rank), word=word, rank=s.rank)
        return self.lex.say("superlative_distinct", word=word) if s.distinct else word

    # -- joining ----------------------------------------------------------------------------------
    def join(self, items: list[str]) -> str:
        """'A, B and C' in English, 'A、B 和 C' in Chinese (the catalog's "et al." left out)."""
        items = [i for i in items if i != ET_AL]
        if not items:
            return ""
        if len(items) == 1:
            return items[0]
        if self.zh:
            return "、".join(items[:-1]) + " 和 " + items[-1]
        return ", ".join(items[:-1]) + " and " + items[-1]

    def authors(self, names: list[str]) -> str:
        """A paper's authors as prose: the catalog's own form in English, 、-joined (…等) in Chinese."""
        if not self.zh:
            from catalog.citation import authors_prose

            return authors_prose(names)
        shown = [n for n in names if n != ET_AL]
        return "、".join(shown) + ("等" if ET_AL in names else "")

    def stop(self) -> str:
        return "。" if self.zh else "."

    # -- values -----------------------------------------------------------------------------------
    def _label(self, table: str, value: str) -> str:
        return self.labels.get(table, {}).get(value, value)

    def lab(self, name: str) -> str:
        return self._label("labs", name)

    def labs(self, e: ModelEntry) -> str:
        return self.join([self.lab(x) for x in e.labs])

    def date(self, e: ModelEntry) -> str:
        return month_zh(e.date.key) if self.zh else e.date.human()

    def date_stated(self, e: ModelEntry) -> str:
        """A date given as an answer: in Chinese with the catalog's own year-month after it ("2024年5月（2024-05）"), as a
        size is given with its English form, so a reader can match it against the source; in English "May 2024"."""
        if not self.zh:
            return e.date.human()
        return f"{month_zh(e.date.key)}（{e.date}）"

    def month_name(self, key: float) -> str:
        """A month key (year*100+month) in words: "April 2022", "2022年4月"."""
        if self.zh:
            return month_zh(int(key))
        from catalog.schema import YearMonth

        return YearMonth(year=int(key) // 100, month=max(1, int(key) % 100)).human()

    def month(self, key: float) -> str:
        if self.zh:
            return month_zh(int(key))
        from assistant.facets import month_label

        return month_label(key)

    def owned(self, attribute, values: list) -> list[str]:
        """A model's own values of one field (``facets.owned_values``) as this language shows them."""
        from assistant.query import Attribute

        show = {Attribute.PARAMS: self.size, Attribute.LABS: self.lab, Attribute.OBJECTIVE: self.objective}.get(attribute, str)
        return [show(v) for v in values]

    def size(self, millions: float | None) -> str:
        """A size as the catalog records it; a trillion or more also in billions ("1.571T = 1,571B"), the unit
        most sizes are compared in."""
        english = _size_en(millions)
        if millions is not None and millions >= 1e6:
            english = f"{english} = {millions / 1e3:{'' if self.zh else ','}.6g}B"  # Chinese writes no thousands separator
        return size_zh(millions, english) if self.zh and millions is not None else (
            self.labels.get("not_disclosed", english) if millions is None else english)

    def params(self, e: ModelEntry) -> str:
        """The catalog's parameter text; in Chinese its largest size first."""
        if self.zh and e.params.max_millions is not None:
            return f"{size_zh(e.params.max_millions)}（{both_units(e.params.raw)}）"
        return both_units(e.params.raw)

    def architecture(self, value) -> str:
        value = getattr(value, "value", value)
        return self._label("architecture", value)

    def architecture_sole(self, value) -> str:
        """The architecture said in a sentence: an encoder or a decoder alone, as people write it ("decoder-only",
        仅解码器; the lexicon's ``labels.architecture_sole``), else its usual name."""
        value = getattr(value, "value", value)
        return self.labels.get("architecture_sole", {}).get(value) or self.architecture(value)

    def objective(self, value) -> str:
        value = getattr(value, "value", value)
        if self.zh:
            return self._label("objective", value)
        return OBJECTIVE_LABELS.get(Objective(value), value)

    def objectives(self, e: ModelEntry) -> str:
        return ("、" if self.zh else ", ").join(self.objective(o) for o in e.objectives)

    def license_class(self, value) -> str:
        return self._label("license", getattr(value, "value", value))

    def license(self, e: ModelEntry) -> str:
        return f"“{e.license}”（{self.license_class(e.license_class)}）" if self.zh else \
            f"{e.license} ({e.license_class.value})"

    def modality(self, value: str) -> str:
        """A kind of data a model takes in or gives out ("images", "segmentation masks"), as this language names it."""
        return self._label("modality", value)

    def traits(self, e: ModelEntry) -> str:
        return self.join([self.value("trait", t.value) or t.value.replace("-", " ") for t in e.traits])

    def value(self, facet: str, value) -> str | None:
        """A categorical facet value by name (None when this language has no name for it)."""
        table = {"architecture": "architecture", "objective": "objective", "license": "license",
                 "license_name": "license_name", "domain": "domain", "trait": "trait", "input": "modality", "output": "modality", "lab": "labs", "lab_credited": "labs", "catalog": "catalog",
                 "active": "active", "finetuned": "finetuned"}.get(facet)
        if table and self.zh:
            return self._label(table, str(value))
        return None

    def group_label(self, key: str, value: str) -> str:
        """A breakdown row's value ("decoder", "causal-lm", "Google") as this language names it."""
        if key == "objective":
            return self.objective(value)
        if key == "lab":
            return self.lab(value)
        if key == "month" and value.isdigit():  # "03": March (三月)
            return f"{int(value)}月" if self.zh else MONTH_NAMES[int(value) - 1]
        return self.value(key, value) or value

    def facet(self, name: str, english: str) -> str:
        return self.labels.get("facets", {}).get(name, english) if self.zh else english


@lru_cache(maxsize=None)
def display(language: str = "en") -> Display:
    return Display(language)


# -- constraints in Chinese: "架构 = 编码器-解码器", "机构 ≠ Google", "参数量 > 1000亿（100B）" ----------
_OPS = {"gt": (">", "≤"), "ge": ("≥", "<"), "lt": ("<", "≥"), "le": ("≤", ">"), "eq": ("=", "≠"), "exact": ("=", "≠")}
_QUANT = {"some": "某个版本的", "every": "每个版本的", "smallest": "最小版本的", "top": "最大版本的"}
_NO_QUANT = {"some": "没有任何版本的", "every": "并非每个版本的"}  # a negated quantifier, said as such


def describe_zh(show: Display, c, negated: bool, model_name) -> str:
    """One constraint in Chinese (the English wording lives with each facet)."""
    facet, values = c.facet, [str(v) for v in c.values]
    label = show.facet(facet, facet)
    via = f"（同 {model_name(c.via)}）" if c.via and c.via != "paraphrase" else ""
    if facet in ("date", "size") and values == ["unknown"]:
        return f"{label} {'≠' if negated else '='} {show.labels.get('unknown', '未知')}"
    if facet in ("date", "size"):
        pos, neg = _OPS.get(getattr(c.op, "value", str(c.op)), ("=", "≠"))
        value = show.month(float(values[0])) if facet == "date" else show.size(float(values[0]))
        if len(values) == 2:  # op "between": one variant inside the range
            end = show.month(float(values[1])) if facet == "date" else show.size(float(values[1]))
            if any(getattr(c, "open_ends", None) or ()):  # an end left out: "(100亿（10B）, 1000亿（100B）)"
                value = f"{'(' if c.open_ends[0] else '['}{value}, {end}{')' if c.open_ends[1] else ']'}"
            else:
                value = f"{value}–{end}"
            pos, neg = "在", "不在"
        quant = getattr(c.quant, "value", "")
        if quant == "some" and getattr(c, "times", 1) > 1:  # "至少两个版本都超过 10B"
            return f"{'少于' if negated else '至少'} {c.times} 个版本的{label} {pos} {value}{via}"
        if negated and quant in _NO_QUANT:  # not (some version ≥ 10B): no version is, which flipping the sign misstates
            return f"{_NO_QUANT[quant]}{label} {pos} {value}{via}"
        return f"{_QUANT.get(quant, '')}{label} {neg if negated else pos} {value}{via}"
    if facet == "name":  # "名称含 GPT"
        return f"名称{'不' if negated else ''}含 " + " 或 ".join(f"“{v}”" for v in values)
    if facet in ("derived", "descends"):
        parents = f"满足（{c.of}）的模型" if c.of else (' 和 ' if c.op is Op.ALL else ' 或 ').join('其他模型' if v == '*' else model_name(v) for v in values)
        if negated and facet == "descends" and not c.of and "*" not in values:
            return f"不属于 {parents} 一系（含其本身）"
        depth = "（含间接，任意代）" if facet == "descends" else ""
        return f"{'不' if negated else ''}源自 {parents}{depth}"
    if facet in ("parent", "ancestor"):  # the inverse lineage: "是 X 的父模型", "没有衍生模型" (any model)
        children = f"满足（{c.of}）的模型" if c.of else ' 或 '.join('其他模型' if v == '*' else model_name(v) for v in values)
        return f"{'不' if negated else ''}是 {children} 的{'父模型' if facet == 'parent' else '祖先（任意代）'}"
    if facet in (*COUNT_FACETS, "active_share") and getattr(c.op, "value", "") in _OPS:  # counts: "尺寸版本数 ≥ 5"
        pos, neg = _OPS[c.op.value]
        shown = f"{float(values[0]) * 100:.3g}%" if facet == "active_share" else f"{float(values[0]):g}"
        return f"{label} {neg if negated else pos} {shown}"
    if facet == "model":
        return f"模型 {'≠' if negated else '='} {'、'.join(model_name(v) for v in values)}"
    if facet == "month":  # "发布月份 = 1月"
        return f"{label} {'≠' if negated else '='} {'、'.join(f'{float(v):g}月' for v in values)}"
    if facet == "corpus":
        return f"训练语料{'不含' if negated else '包含'} {' 或 '.join(values)}"
    if facet == "finetuned":
        return "微调任务" if (values == ["yes"]) != negated else "预训练（非微调任务）"
    names = [show.value(facet, v) or _english_name(facet, v) for v in values]
    every = getattr(c.op, "value", "") in ("all", "only")
    only = show.labels.get("only", "仅") if getattr(c.op, "value", "") == "only" else ""
    if only and len(names) > 2:  # a modality's domains: every one the model has is among them
        return f"{label} {'并非' if negated else ''}全部属于 {{{'、'.join(names)}}}{via}"
    if negated and len(names) > 1 and not every:
        return f"{label} ∉ {{{'、'.join(names)}}}{via}"
    joiner = " 且 " if every else " 或 "
    return f"{label} {'≠' if negated else '='} {only}{joiner.join(names)}{via}"


def _english_name(facet: str, value: str) -> str:
    from assistant.facets import FACETS

    return FACETS[facet].value_name(value) if facet in FACETS else value


def _objectives_zh(show: Display, e: ModelEntry, c) -> str:
    asked = [show.objective(v) for v in c.values if v in [o.value for o in e.objectives]]
    return "；".join(asked) if asked else show.objectives(e)


# What each facet shows, in Chinese, for an entry that matched it: facet -> (show, entry, constraint) -> text.
_WHY_ZH = {
    "architecture": lambda show, e, c: show.architecture(e.architecture),
    "objective": _objectives_zh,
    "lab": lambda show, e, c: show.labs(e),
    "lab_credited": lambda show, e, c: show.labs(e),
    "lab_written": lambda show, e, c: show.labs(e),
    "license": lambda show, e, c: show.license(e),
    "license_name": lambda show, e, c: show.license(e),
    "date": lambda show, e, c: show.date(e),
    "month": lambda show, e, c: show.date(e),
    "domains": lambda show, e, c: "、".join(show.value("domain", d.value) or d.value for d in e.domains),
    "size": lambda show, e, c: show.params(e),
    "domain": lambda show, e, c: "、".join(show.value("domain", d.value) or d.value for d in e.domains),
    "trait": lambda show, e, c: "、".join(show.value("trait", t.value) or t.value for t in e.traits),
    "family": lambda show, e, c: e.family,
    "input": lambda show, e, c: "、".join(show.modality(m.value) for m in e.inputs),
    "output": lambda show, e, c: "、".join(show.modality(m.value) for m in e.outputs),
    "corpus": lambda show, e, c: f"“{e.corpus}”",
    "venue": lambda show, e, c: e.paper.venue,
    "catalog": lambda show, e, c: show.value("catalog", "paper" if e.in_paper else "beyond") or "",
    "author": lambda show, e, c: "、".join(a for a in e.paper.authors if a in {str(v) for v in c.values}),
}


def why_zh(show: Display, e: ModelEntry, c) -> str:
    """Why an entry matched one constraint, in Chinese ("架构：编码器-解码器")."""
    facet = c.facet
    if facet in ("derived", "descends"):
        return "源自：" + "、".join(e.derived_from)
    if facet == "finetuned":
        return "微调任务" if e.task_is_finetuning else "预训练（非微调任务）"
    if facet in _WHY_ZH:
        return f"{show.facet(facet, facet)}：{_WHY_ZH[facet](show, e, c)}"
    from assistant.facets import FACETS

    return FACETS[facet].why(e, c) if facet in FACETS else ""
