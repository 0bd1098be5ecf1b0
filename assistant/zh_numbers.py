"""Chinese numbers, sizes and dates, rewritten as the canonical English phrases the parser reads.

A Chinese question states sizes with 万/亿/万亿 units ("1750亿", "百亿以上", "参数上万亿"), dates
with 年/月 and postpositions ("2022年以后", "2020年之前", "2019年到2021年"), and counts and
ordinals with Chinese numerals ("三个", "第二个", "十"). ``rewrite`` replaces each such span by
the English phrase with the same typed value ("more than 100 billion", "after 2022",
"between 2019 and 2021", "3", "the second"), so the one number and date parser yields the same
``size``/``date`` constraints for both languages. Sizes are stated in millions or billions,
never re-rounded: 1750亿 is exactly 175 billion.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.numbers import MONTH_NAMES, alternation, compiled, spelled_sizes

__all__ = ["cn_int", "rewrite", "size_phrase"]

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10**4, "亿": 10**8}
CN_NUM = "[零〇一二两三四五六七八九十百千]"


def cn_int(text: str) -> int | None:
    """A Chinese numeral as an integer: 十九 -> 19, 三十六 -> 36, 一千七百五十 -> 1750, 两万 -> 20000."""
    if not text or any(ch not in _DIGITS and ch not in _SMALL and ch not in _BIG for ch in text):
        return None
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL:
            section += (1 if digit is None else digit) * _SMALL[ch]
            digit = None
        else:  # 万 / 亿 close a section
            total = (total + section + (digit or 0)) * _BIG[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


def _unit(unit: str) -> int:
    """The multiplier of a unit string: 亿 -> 1e8, 百亿 -> 1e10, 万亿 -> 1e12, 千万 -> 1e7."""
    value = 1
    for ch in unit:
        value *= _SMALL.get(ch) or _BIG.get(ch) or (10**12 if ch == "兆" else 1)
    return value


def size_phrase(count: float) -> str:
    """A raw parameter count as the English size phrase: 1.75e11 -> '175 billion'."""
    millions = count / 1e6
    if millions >= 1e6:
        return f"{millions / 1e6:.6g} trillion"
    if millions >= 1e3:
        return f"{millions / 1e3:.6g} billion"
    return f"{millions:.6g} million"


_NUM = rf"(\d+(?:\.\d+)?|{CN_NUM}+)?"
_UNITS = r"([十百千]?(?:万亿|亿|万)|兆)"
_POST = r"(及以上|或以上|以上|之上|及以下|或以下|以下|以内|之内)"
_AFTER = r"\s*(?:个)?(参数量|参数)?\s*" + _POST + "?"
# a count of something else than parameters ("几十万个词", "几十万条"), never cut inside a unit ("两万|亿")
_COUNTED = r"(?![万亿兆])(?!\s*(?:条|张|篇|句|(?:个)?\s*(?:词|字|样本|图片|图像|句子|文档)))"
_LATIN = {"k": "thousand", "m": "million", "b": "billion", "t": "trillion"}
# the rest of a unit spelled out after its letter ("200 billion", "15 bn"): the letter stands for it
_SPELLED_UNIT = r"(?:(?<=[mMbBtT])(?:illions?|n))?(?![A-Za-z0-9])"
_NAME_END = re.compile(r"[A-Za-z0-9)]\s*$")  # the end of a model's name ("AlphaFold ", "GPT-3")


class _SizeWords:
    """The zh lexicon's ``size_words``: ``has``, the verbs that state a model's size after its name
    ("GPT-3 有1750亿参数": a claim, read as "has"), ``some``, the words before a size that name one of
    a model's versions (既有, 又有), and ``place``, the words a place in a ranking ends with ("第二大" -> largest)."""

    def __init__(self, table: dict):
        self.some = {str(k): str(v) for k, v in table.get("some", {}).items()}
        words = {k: alternation(table.get(k, [])) for k in ("more", "at_least", "less", "at_most", "or_equal")}
        # a bound word that is also the particle of past experience after a verb ("做过 175B 的模型": made a 175B model,
        # no "more than"): not a bound right after such a verb (``past_particle``)
        past = table.get("past_particle", {})
        if past.get("words") and past.get("after"):
            guard = "".join(f"(?<!{re.escape(str(v))})" for v in past["after"])
            marked = {str(w) for w in past["words"]}
            words["more"] = "|".join((guard if str(w) in marked else "") + re.escape(str(w))
                                     for w in sorted(map(str, table.get("more", [])), key=len, reverse=True))
        bounds = (rf"(?:({words['more']})|({words['at_least']})|({words['less']})|({words['at_most']}))?"
                  rf"(?:\s*({words['or_equal']}))?\s*")  # "大于等于": the strict word and the equal sign together
        # not after 没 ("有没有一个…" asks whether there is one; "没有一个…" says there is none)
        before = rf"(?:(?<!没)({alternation([*table.get('has', []), *self.some])})\s*)?" + bounds
        # "（含10B）", "(不含)": whether the bound's own number counts, in a bracket after the number or the bound
        self.inclusive, self.exclusive = set(table.get("inclusive", [])), set(table.get("exclusive", []))
        self.strict_after = set(table.get("strict_after", []))  # "1B 以下": the number itself left out
        mark = (rf"(?:\s*[(（]?\s*({alternation([*self.inclusive, *self.exclusive])})\s*"
                r"(?:(?:\d+(?:\.\d+)?|" + CN_NUM + r"+)?\s*(?:[十百千]?(?:万亿|亿|万)|兆|[kKmMbBtT](?![A-Za-z0-9]))?)?\s*(?:在内)?\s*[)）]?)?")
        after = r"\s*(?:个)?(参数量|参数)?" + mark + r"\s*" + _POST + "?" + mark
        # "一兆（一万亿）参数以上", "70亿（7B）以下": the same number restated in a bracket right after it
        gloss = (r"(?:\s*[(（]\s*(?:(?:\d+(?:\.\d+)?|" + CN_NUM + r"+)\s*(?:[十百千]?(?:万亿|亿|万)|兆)"
                 r"|\d+(?:\.\d+)?\s*(?:[kKmMbBtT](?![A-Za-z0-9])|billion|million|trillion))\s*(?:参数量?)?\s*[)）])?")
        self.size = re.compile(before + _NUM + r"\s*" + _UNITS + gloss + after + _COUNTED)
        self.latin = re.compile(before + r"(\d+(?:\.\d+)?)\s*([kKmMbBtT])" + _SPELLED_UNIT + gloss + after)
        # "百亿级", "千亿参数模型": a bare power of ten before a word of scale is an order of magnitude
        self.magnitude = re.compile(r"(?<![\d.零〇一二两三四五六七八九十百千万亿])(?<![\d零〇一二两三四五六七八九十百千万亿]\s)(一)?\s*" + _UNITS
                                    + rf"\s*(?:{alternation(table.get('magnitude', []))})")
        # "不到总参数的十分之一", "低于百分之五": a bound on a share of the parameters (a mixture of experts' active share)
        frac = rf"(?:(\d+|{CN_NUM}+)\s*分之\s*(\d+|{CN_NUM}+)|(\d+(?:\.\d+)?)\s*[%％])"
        # "三分之一以上是编码器吗": a share of a set, its bound after it (``fraction_bound``: the bound words, strict as 以上 of a
        # size is), never a share of the parameters
        self.fraction_bound = {str(k): str(v) for k, v in table.get("fraction_bound", {}).items()}
        self.fraction_after = re.compile(rf"(\d+|{CN_NUM}{{1,3}})\s*分之\s*(\d+|{CN_NUM}{{1,3}})\s*({alternation(self.fraction_bound)})"
                                         r"(?!\s*的?\s*(?:参数|权重))") if self.fraction_bound else None
        self.share = re.compile(rf"(?:({words['more']})|({words['at_least']})|({words['less']})|({words['at_most']}))\s*"
                                rf"(?:(?:(?:总|全部|所有)?参数(?:总量|量)?|总量|总数)\s*的?)?\s*{frac}\s*(?:的?\s*(?:参数量?|权重))?")
        # a range whose ends say whether they count ("1B（含）到 10B（不含）之间", "10亿和100亿之间（不含两端）")
        marks = alternation([*self.inclusive, *self.exclusive])
        end_mark = rf"(?:\s*[(（]\s*({marks})\s*[)）])?"
        self.marked_range = re.compile(
            rf"(?:在|介于)?\s*{_END}{end_mark}{_PARAMS}(?:到|至|-|~|–|—|～|和|与|跟)\s*{_END}{end_mark}{_PARAMS}(?:之间|以内)?"
            rf"(?:\s*[(（]\s*({marks})\s*两端\s*[)）])?")
        # "7B 和 70B 都有", "70亿与700亿的版本都发布了": sizes joined by ``both_join`` with ``both_after`` after them hold
        # each for some version (the English "both"); not when a negation follows 都 ("都没有": neither)
        one = r"\d[\d.]*\s*(?:thousand|million|billion|trillion|[kKmMbBtT])(?![A-Za-z])(?:\s*parameters\b)?"
        joins, alls = alternation(table.get("both_join", [])), alternation(table.get("both_after", []))
        self.both = re.compile(rf"(?<![A-Za-z0-9.])({one}(?:\s*(?:{joins})\s*{one})+)(?=[^,，。？?!！;；]{{0,12}}?(?:{alls}))") \
            if table.get("both_join") and table.get("both_after") else None
        # a version noun already after the sizes ("7B 和 13B 的版本都有"); without one, " versions" is said after them
        self.versioned = re.compile(rf"\s*的?\s*(?:{alternation(table.get('version_nouns', []))})")
        # "每个已发布的版本都…": a word of release between a word of every and a version noun says nothing more (every
        # version the catalog lists was released), so the quantifier meets its noun ("每个版本都…")
        every, released = table.get("every_version", []), table.get("released_version", [])
        self.released_version = re.compile(rf"({alternation(every)})\s*(?:{alternation(released)})\s*"
                                           rf"(?=(?:{alternation(table.get('version_nouns', []))}))") if every and released else None
        # "恰好70亿", "正好 7B": exactly that size (the English word before the number)
        self.exact = re.compile(rf"(?:{alternation(table.get('exact', []))})\s*(?:有|是|为)?\s*(?=\d|{CN_NUM})") if table.get("exact") else None
        # "…以下的小版本", "…以上的大尺寸": an adjective of size may come before the noun
        # a word of having right before a size ("有", "提供"): the size then names one of the model's versions
        leads = table.get("version_lead", [])
        # (the unit may touch the Chinese noun after it, "有7B版本": a letter or digit after it ends no size, a character does)
        self.version_lead = re.compile(rf"(?:{alternation(leads)})\s*(\d[\d.]*\s*(?:thousand|million|billion|trillion|[kKmMbBtT])(?![A-Za-z0-9])"
                                       rf"(?: parameters)?)") if leads else None
        # (the size may be pointed back at before the noun: "7B 这个尺寸的版本", "13B 这种规模的型号")
        said = table.get("version_said_size", {})
        back = (rf"(?:(?:{alternation(said.get('this', []))})\s*(?:{alternation(said.get('size', []))})\s*的?\s*)?"
                if said.get("this") and said.get("size") else "")
        self.version = re.compile(rf"^\s*(?:参数量?)?\s*的?\s*{back}(?:{alternation(table.get('version_adjectives', []))})?\s*"
                                  rf"(?:{alternation(table.get('version_nouns', []))})")
        self.places = {str(k): str(v) for k, v in table.get("place", {}).items()}
        self.from_end = {**_FLIPPED, **{str(k): str(v) for k, v in table.get("place_from_end", {}).items()}}
        self.place = re.compile(rf"(倒数)?\s*(?:第\s*(\d{{1,2}}|{CN_NUM}{{1,3}})|(次))\s*({alternation(self.places)})(?![于过])")
        pm = table.get("place_measured", {})
        self.places_measured = {str(k): str(v) for k, v in pm.get("words", {}).items()}
        self.place_measured = re.compile(
            rf"(?:{alternation(pm['lead'])})\s*的?\s*(倒数)?\s*(?:第\s*(\d{{1,2}}|{CN_NUM}{{1,3}})|(次))\s*({alternation(self.places_measured)})"
        ) if pm.get("lead") and self.places_measured else None
        # "PaLM 出了几个大小的模型", "Whisper 有几种规格", "BLOOM 发布了多少种不同大小的模型": how many sizes a model comes in
        # (``version_count``: the verbs that may lead, the nouns of a size; said as the English "how many sizes")
        vc = table.get("version_count", {})
        self.version_count = re.compile(
            rf"(?:{alternation(vc.get('lead', []))})?\s*(?:{alternation(vc.get('ask', []))})\s*(?:{alternation(vc.get('measures', []))})?"
            rf"(?:\s*(?:{alternation(vc.get('between', []))}))*\s*(?:{alternation(vc.get('nouns', []))})"
            rf"(?:\s*(?:{alternation(vc.get('after', []))}))?") if vc.get("nouns") and vc.get("ask") else None
        # "按参数量排第二", "参数量排第四的模型": the measure a ranking is by (-> its ranking word), in an optional order
        self.rank_measures = {str(k): str(v) for k, v in table.get("rank_by", {}).items()}
        self.rank_by = re.compile(rf"(?:{alternation(table.get('rank_by_lead', []))})?\s*({alternation(self.rank_measures)})\s*(?:{alternation(table.get('rank_order', []))})?\s*"
                                  # ... counted from the other end after 倒数 ("参数量排倒数第三", "参数量倒数第二")
                                  rf"(?:排\s*(?:名|序)?\s*(?:在|是)?\s*|(?=倒数))(?P<last>倒数)?\s*第\s*(\d{{1,2}}|{CN_NUM}{{1,3}})\s*(?:位|名|个)?"
                                  # ... unless a place word of its own follows ("按最大尺寸排第二小": the second smallest)
                                  rf"(?!\s*(?:{alternation([*table.get('place', {}), *table.get('place_measured', {}).get('words', {})])}))")
        # "第三个": a place in a list; not before a word that makes it another place (``ordinal_not``: 第一代, 第二句, 第一作者)
        self.ordinal = re.compile(rf"第\s*(\d{{1,2}}|{CN_NUM}{{1,3}})\s*(?!{alternation(table.get('ordinal_not', []))})"
                                  rf"(?:个|位|款|种|篇|项)?")
        # "最大的三个", "最近发布的5个": a ranking word before a count of models
        self.rank_words = {str(k): str(v) for k, v in table.get("ranked", {}).items()}
        self.ranked = re.compile(rf"({alternation(self.rank_words)})(?:发布|推出|出)?的?\s*(\d{{1,2}}|{CN_NUM}{{1,3}})\s*(?:个|款|种)")
        # "至少五个", "超过三家", "不止一个": a bound word before a count of things (sizes, labs, objectives ...), a verb
        # of having or releasing may stand between ("最多发布了两个版本", "不少于推出过三种尺寸": ``count_verbs``)
        # a bound word that ends a verb of releasing ("发布过一种尺寸": 过 marks the past, no "more than") is no bound
        verbs = ['有', *table.get('count_verbs', [])]
        counted = {k: "|".join("".join(f"(?<!{re.escape(v[:-len(w)])})" for v in verbs if v.endswith(w) and len(v) > len(w))
                              + re.escape(w) for w in sorted(map(str, table.get(k, [])), key=len, reverse=True)) or r"(?!x)x"
                   for k in ("more", "at_least", "less", "at_most")}
        self.count_bound = re.compile(rf"(?:({counted['more']})|({counted['at_least']})|({counted['less']})|({counted['at_most']}))\s*"
                                      rf"(?:{alternation(verbs)})?\s*(\d{{1,3}}|{CN_NUM}{{1,4}})\s*(?=个|種|种|款|家|篇|项|項|位)")
        # "预训练目标不止一个", "机构超过两家", "尺寸数量至少五个": a count said after the noun it counts (moved before it)
        nouns = alternation(table.get("count_nouns", [])) if table.get("count_nouns") else None
        tail, verbs = alternation(table.get("count_noun_tail", [])), alternation(table.get("count_noun_verbs", []))
        self.count_after = re.compile(rf"({nouns})\s*的?\s*(?:{tail})?\s*(?:{verbs})?\s*"
                                      rf"((?:more than|at least|fewer than|at most) \d+|\d+)(?!\s*(?:[\d.%年月亿万]|thousand|million|billion|trillion|[kKmMbBtT](?![A-Za-z])))"
                                      ) if nouns else None
        # "只发布了一个尺寸", "仅推出过一种规格": only one version released, said with a verb of releasing between "only" and
        # the count (``sole_count``): the same as "只有一个尺寸" (a single size)
        sole = table.get("sole_count", {})
        self.sole = re.compile(rf"(?:{alternation(sole['only'])})\s*(?:{alternation(table.get('count_verbs', []))})\s*(?:一|1)\s*(?:个|种|款)\s*"
                               rf"(?=(?:{alternation(table.get('version_nouns', []))}))") if sole.get("only") and sole.get("as") else None
        self.sole_as = str(sole.get("as", ""))
        # "五个", "3种", "十家": a count of things (sizes were read before, so this is a count); not after a word that
        # makes it no number asked (``count.not_after``: 哪一个, 第三个), nor before the words of a list counted over
        # (``count.over_list``: "A、B、C 三个里哪个最大"), nor a both over sizes just named ("两个尺寸都有": ``count.both``)
        c = table.get("count", {})
        measures = alternation(c.get("measures", []))
        self.count = re.compile(
            "".join(f"(?<!{re.escape(w)})" for w in c.get("not_after", [])) + rf"({CN_NUM}{{1,4}})\s*"
            rf"(?=(?:{measures})(?!\s*(?:{alternation(c.get('over_list', []))})))"
            rf"(?!(?:{alternation(c.get('both_measures', []))})\s*(?:{alternation(c.get('both_nouns', []))})?\s*(?:{alternation(c.get('both', []))}))"
        ) if c.get("measures") else None
        # "LLaMA 有三个尺寸吗": a count of a model's own sizes, after the model and a verb of having (``count.owned``,
        # ``has``): said as a word, so the gloss (which drops 有) does not join it to the name as a version
        self.owned = re.compile(rf"[A-Za-z\d)]\s*(?:{alternation(table.get('has', []))})\s*$") if table.get("has") else None
        # "MT-NLG 的两个父模型": the name, then its possessive particle (``count.possessive``): a count of its own things
        self.possessed = re.compile(rf"[A-Za-z\d)]\s*(?:{alternation(c.get('possessive', []))})\s*$") if c.get("possessive") else None
        self.owned_nouns = re.compile(rf"\s*(?:{measures})?\s*(?:{alternation(c.get('owned_modifiers', []))})?"
                                      rf"(?:{alternation(c.get('both_nouns', []))})") \
            if c.get("both_nouns") else None
        # "DeepMind 的第一个模型": the first model of a set named before it (``count.set_first``: the words before and
        # after the ordinal), a ranking by date rather than a pick from the last list; matched on "before|after"
        first = c.get("set_first", {})
        self.set_first = re.compile(rf"^.*(?:{alternation(first['before'])})\|(?:{alternation(first['after'])})") \
            if first.get("before") and first.get("after") else None
        # "5个或以上": a count and the words that make it a lower bound
        self.count_up = re.compile(rf"(?<![哪第每同这那\d.])(\d{{1,3}}|{CN_NUM}{{1,4}})\s*(?:个|种|款|家|篇|项)?\s*"
                                   rf"(?:{alternation(table.get('count_up', []))})")
        # the words before a bound that already say which versions it is about ("所有版本都…", "既有…")
        self.quantified = re.compile(rf"(?:\ba|\bone|{alternation(table.get('quantified', []))})\s*$")


def _claimed(m: re.Match) -> bool:
    """A verb of ``has`` right after a model's name states its size ("AlphaFold 有 1750 亿参数"), never a version of it."""
    return bool(m.group(1)) and bool(_NAME_END.search(m.string[:m.start()]))


def _led(m: re.Match, some: dict[str, str], phrase) -> str:
    """The size read by ``phrase``, after the English of a word that names one of a model's versions
    ("既有不到10亿参数的版本": both a version ...); such a word makes no claim about a named model."""
    lead = some.get(m.group(1) or "")
    text = phrase(m, _claimed(m) and not lead)
    if m.group(1) and not lead and not _claimed(m) and text != m.group():
        return m.group(1) + text  # a verb that claims nothing stays a word of the question ("有没有 200B 以上的")
    return f" {lead} {text}" if lead and text != m.group() else text


def _parts(m: re.Match, words: "_SizeWords"):
    """The comparison a size match states: (more, at_least, less, at_most, num, unit, params, post), with an
    equal sign after a strict word ("大于等于") or an inclusion bracket ("以下（不含）") moving the number in or out."""
    more, at_least, less, at_most, equal, num, unit, params, mark1, post, mark2 = m.groups()[1:]
    if equal and (more or less):
        at_least, at_most, more, less = at_least or more, at_most or less, None, None
    elif equal and not (at_least or at_most):
        return None  # a bare "等于 7B": no bound
    mark = mark2 or mark1
    if mark and (more or at_least or less or at_most or post):
        upward = bool(more or at_least or (post and post.endswith("上")))
        if mark in words.exclusive:
            more, less, at_least, at_most = (True, None, None, None) if upward else (None, True, None, None)
        else:
            more, less, at_least, at_most = (None, None, True, None) if upward else (None, None, None, True)
        post = None
    if post in words.strict_after:  # "1B 以下": under 1B, the number left out
        more, less, post = (True, None, None) if post.endswith("上") else (None, True, None)
    return more, at_least, less, at_most, num, unit, params, post


def _size_latin(m: re.Match, has: bool, words: "_SizeWords") -> str:
    parts = _parts(m, words)
    if parts is None:
        return m.group()
    more, at_least, less, at_most, num, unit, params, post = parts
    if not (has or more or at_least or less or at_most or post):
        return m.group()  # a bare "175B" stays as written (a version name, or the parser's own size); "200B 以上" is a bound
    phrase = f"{num} {_LATIN[unit.lower()]}" + (" parameters" if params else "")
    bounded = _bounded(phrase, more, at_least, less, post)
    return bounded or (f" has {phrase} " if has and not (at_most or post) else f" at most {phrase} ")


def _bounded(phrase: str, more, at_least, less, post) -> str:
    """The English bound a Chinese comparator puts on ``phrase`` ('' when it names none above)."""
    if more:
        return f" more than {phrase} "
    if at_least or (post and post.endswith("上")):
        return f" at least {phrase} "
    if less:
        return f" less than {phrase} "
    return ""


def _size(m: re.Match, has: bool, words: "_SizeWords") -> str:
    parts = _parts(m, words)
    if parts is None:
        return m.group()
    more, at_least, less, at_most, num, unit, params, post = parts
    if num is None and unit[0] not in "十百千兆" and not (more or at_least or less or at_most):
        return m.group()  # a bare 亿/万 is not a size ("上万亿" is: at least a trillion)
    value = (float(num) if num and num[0].isdigit() else cn_int(num) if num else 1) * _unit(unit)
    phrase = size_phrase(value) + (" parameters" if params else "")
    bounded = _bounded(phrase, more, at_least, less, post)
    if bounded:
        return bounded
    if at_most or post:
        return f" at most {phrase} "
    return f" has {phrase} " if has else f" {phrase} "


def _magnitude(m: re.Match) -> str:
    """"百亿级" -> from 10 billion up to (not including) 100 billion."""
    value = _unit(m.group(2))
    return f" at least {size_phrase(value)} and less than {size_phrase(value * 10)} parameters "


_BOUND_WORDS = ("more than", "at least", "less than", "at most")


def _percent(whole: str, part: str) -> float | None:
    """A Chinese fraction ("三分之一": whole 三, part 一; "10分之1") as a percentage; None when it is no fraction."""
    n = int(whole) if whole.isdigit() else cn_int(whole)
    k = int(part) if part.isdigit() else cn_int(part)
    return 100 * k / n if n and k is not None and k <= n else None


def _fraction_after(m: re.Match, words: "_SizeWords") -> str:
    """"三分之一以上（是编码器）" -> "more than 33.33% of models": a share of a set, its bound said after it."""
    value = _percent(m.group(1), m.group(2))
    return m.group() if value is None else f" {words.fraction_bound[m.group(3)]} {value:.4g}% of models "


def _share(m: re.Match) -> str:
    """"不到总参数的十分之一" -> "less than 10% of the total parameters"."""
    *bounds, whole, part, percent = m.groups()
    if percent:
        value = float(percent)
    else:
        value = _percent(whole, part)
        if value is None:
            return m.group()
    word = next(w for w, b in zip(_BOUND_WORDS, bounds) if b)
    return f" {word} {value:.4g}% of the total parameters "


def _versioned(text: str, words: "_SizeWords") -> str:
    """A size bound followed by a noun for one of a model's sizes ("有小于10亿参数的型号") is about some version:
    'a' before the English bound, as the English parser reads "a ... version"."""
    out, last = [], 0
    for m in re.finditer(r" (more than|at least|less than|at most) ", text):
        tail = text[m.end():]
        num = re.match(r"[\d.]+ (?:thousand|million|billion|trillion)(?: parameters)?", tail)
        if num and words.version.match(tail[num.end():]) and not words.quantified.search(text[:m.start()]):
            out.append(text[last:m.start()] + " a")
            last = m.start()
    text = "".join(out) + text[last:]
    # a size with no bound after a word of having ("有 70亿参数版本的模型", "提供 7B 版本的"): some version is that size
    if words.version_lead is None:
        return text
    out, last = [], 0
    for m in words.version_lead.finditer(text):
        lead, before = text[m.start():m.start(1)].strip(), text[:m.start(1)].rstrip()
        said = any(len(k) > len(lead) and before.endswith(k) for k in words.some)  # "又有 70B": the gloss says "and a"
        if words.version.match(text[m.end():]) and not said:
            out.append(text[last:m.start(1)] + " a ")
            last = m.start(1)
    return "".join(out) + text[last:]


_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_YEAR = r"((?:19|20)\d\d)\s*年?"  # the year of a range or a postposition: 年 optional
_MONTH = r"(?:\s*(\d{1,2})\s*月(?:份)?)?"


def _when(year: str, month: str | int | None) -> str:
    if month and 1 <= int(month) <= 12:
        return f"{_MONTHS[int(month) - 1]} {year}"
    return year


_IN_YEAR = re.compile(r"(?:在|于)?\s*((?:19|20)\d\d)\s*年" + _MONTH)
# a month with no year before it ("1月发布的", "每年十二月份"): the month of the year, whatever the year (en.yaml month_of_year)
_BARE_MONTH = re.compile(r"(?<![\d个個几幾多到至~\-—、,，/&和或及与與〇零])(?<![年到至~\-—、,，/&和或及与與]\s)(?<![\d〇零]年)(?:(1[0-2]|0?[1-9])|(十[一二]?|[一二三四五六七八九]))\s*月份?(?!\s*\d)")
_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _bare_month(m: re.Match) -> str:
    n = int(m.group(1)) if m.group(1) else cn_int(m.group(2))
    return f" in {MONTH_NAMES[n - 1]} " if n and 1 <= n <= 12 else m.group()
_HAN_DIGITS = "〇零一二三四五六七八九"
_HAN_YEAR = re.compile(rf"(?<![{_HAN_DIGITS}十百千万亿])([{_HAN_DIGITS}]{{4}})(?=\s*年)")  # 二〇二〇年, 二零二一年
_HAN_MONTH = re.compile(r"(?<=[年到至~\-])\s*([一二三四五六七八九十]{1,3})(?=\s*月)")  # 2022年三月到六月
_ISO_MONTH = re.compile(r"(?<![\w.-])((?:19|20)\d\d)[-/](0?[1-9]|1[0-2])(?![\w/.-])")  # 2020-07, 2021/3
# months of one year with the first 月 left out ("2021 年 1 到 3 月", "2022年十到十二月", "2020年5-8月"): the first month
# said as a month too, so the range reads both ends ("2021年1月到3月")
_MONTH_SPAN = re.compile(r"((?:19|20)\d\d\s*年\s*)(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*(到|至|-|~|–|—|～)\s*"
                         r"(?=(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月)")


def _arabic(text: str, short_year: re.Pattern | None = None) -> str:
    """Years and months written in Chinese numerals as digits: 二〇二〇年 -> 2020年, 2022年三月 -> 2022年3月, an ISO month
    2020-07 -> 2020年7月; a year said by
    its last two digits (``short_year``, from the lexicon) in full: 22年5月 -> 2022年5月."""
    text = _HAN_YEAR.sub(lambda m: "".join(str(_DIGITS[c]) for c in m.group(1)), text)
    text = _ISO_MONTH.sub(lambda m: f"{m.group(1)}年{int(m.group(2))}月", text)  # an ISO month as the Chinese one says it
    if short_year is not None:
        text = short_year.sub(lambda m: "20" + m.group(1), text)
    text = _MONTH_SPAN.sub(lambda m: f"{m.group(1)}{m.group(2)}月{m.group(3)}", text)
    return _HAN_MONTH.sub(lambda m: str(cn_int(m.group(1))) if 1 <= (cn_int(m.group(1)) or 0) <= 12 else m.group(), text)


class _DateWords:
    """The zh lexicon's ``date_words``: words before a year ("截至2020年", "晚于2021年") and after it
    ("2023年以来", "2020年之前"), each mapped to the English date word the parser reads (``since``,
    ``after``, ``until``, ``before``: see the ``dates`` section of en.yaml for what each includes);
    ``periods``: parts of a year ("下半年", "年底", "第一季度") as the English period of the same
    months (en.yaml ``dates.periods``), which also mark the ends of a range ("2020年底到2021年初")."""

    def __init__(self, table: dict, months: dict | None = None):
        self.words = {**{str(k): str(v) for k, v in table.get("prefix", {}).items()},
                      **{str(k): str(v) for k, v in table.get("suffix", {}).items()}}
        self.periods = {str(k): str(v) for k, v in table.get("periods", {}).items()}
        self.edges = {str(k): str(v) for k, v in table.get("edges", {}).items()}
        months = months if months is not None else _english_periods()
        self.months = {k: tuple(months[v]) for k, v in self.periods.items()}  # 下半年 -> (7, 12)
        self.prefix = re.compile(rf"({alternation(table.get('prefix', {}))})\s*(?:在|于)?\s*" + _YEAR + _MONTH)
        # a year said by its last two digits ("22年5月", "19年发布的"), in the years the catalog spans; not after the words
        # of a span of years (``short_year.not_after``: 近20年, 过去5年) nor before those of a count of them (20年代)
        short = table.get("short_year", {})
        self.short_year = re.compile(
            r"(?<![\d.〇零一二三四五六七八九十百千万亿])" + "".join(f"(?<!{re.escape(w)})" for w in short.get("not_after", []))
            + rf"(1[7-9]|2\d)(?=\s*年(?!{alternation(short.get('not_before', []))}))") if short else None
        self.suffix = re.compile(_YEAR + _MONTH + rf"\s*({alternation(table.get('suffix', {}))})")
        marks = [*table.get("exclusive", []), *table.get("inclusive", [])]
        self.exclusive = set(table.get("exclusive", []))
        # "before 2020（不含2020）": a parenthesis that says whether the bound's own year counts
        self.bound = re.compile(r"\b(since|after|before|until) ((?:[A-Z][a-z]{2} )?(?:19|20)\d\d)\s*(?:[(（]\s*|[,;，；]\s*)?"
                                rf"({alternation(marks)})\s*(?:(?:19|20)\d\d\s*年?|当年|该年|这一年|本年|在内)?\s*(?:在内)?\s*[)）]?"
                                ) if marks else None
        # (a part of a year may be restated by its month in brackets: "2019年年中（7月）到年底")
        part = rf"(?:\s*(\d{{1,2}})\s*月(?:份)?|\s*({alternation(self.periods)})(?:\s*[(（]\s*(\d{{1,2}})\s*月(?:份)?\s*[)）])?)?"
        # (not a part weighed against another part right after it: "2022年上半年和下半年各发布了几个" counts both halves)
        self.period = re.compile(_YEAR + rf"\s*({alternation(self.periods)})"
                                 rf"(?!\s*(?:{alternation(table.get('period_contrast', []))})\s*(?:{alternation(self.periods)}))"
                                 rf"(?:\s*({alternation(table.get('suffix', {}))}))?")
        # two quarters weighed against each other, the second maybe with no year ("2022年第一季度和第二季度各有多少个"): each
        # its own span, "q1 2022 versus q2 2022" (halves said so stay a breakdown by half, as the zh gloss table reads 上半年和下半年)
        quarters = {k: v for k, v in self.periods.items() if v in ("q1", "q2", "q3", "q4")}
        self.quarter_pair = re.compile(_YEAR + rf"\s*({alternation(quarters)})\s*(?:{alternation(table.get('period_contrast', []))})"
                                       rf"\s*(?:{_YEAR})?\s*({alternation(quarters)})") if quarters else None
        # "2022年最后三个月", "2023年的前两个月": a year's first or last months counted ("the last 3 months of 2022")
        runs = {str(w): side for side, words in table.get("month_runs", {}).items() for w in words}
        self.runs = runs
        self.month_run = re.compile(_YEAR + rf"\s*的?\s*({alternation(runs)})\s*(\d{{1,2}}|{CN_NUM}{{1,3}})\s*个\s*月(?:份)?"
                                    ) if runs else None
        # "2021年5月或6月", "2023年3、4月": months listed in one year, as English names ("May or June 2021")
        self.months_listed = re.compile(_YEAR + rf"\s*(\d{{1,2}})\s*月?(?:份)?((?:\s*(?:{alternation(table.get('list_join', []))})\s*\d{{1,2}}\s*月(?:份)?)+)"
                                        ) if table.get("list_join") else None
        # two ends, each a year, a month or a part of a year; the second end may leave out its year
        self.range = re.compile(rf"(?:在|于|从)?\s*{_YEAR}{part}\s*(?:(?:到|至|-|~|–|—|～)\s*(?:{_YEAR})?{part}\s*(?:年)?(?:之间|期间|间)?"
                                rf"|(?:和|与|跟)\s*(?:{_YEAR})?{part}\s*(?:年)?(?:之间|期间))")

    def _range(self, m: re.Match) -> str:
        y1, m1, p1, s1, y2, m2, p2, s2, y3, m3, p3, s3 = m.groups()
        y2, m2, p2, s2 = (y2, m2, p2, s2) if (y2 or m2 or p2) else (y3, m3, p3, s3)
        if not (y2 or m2 or p2):
            return m.group()
        first = s1 or (self.months[p1][0] if p1 else m1)  # the month said in brackets is that end
        last = s2 or (self.months[p2][1] if p2 else m2)
        return f" between {_when(y1, first)} and {_when(y2 or y1, last)} "

    def _period(self, m: re.Match) -> str:
        """"2021年年中以后": after mid 2021 (the word after the part of the year bounds it); "2024年底之前": before the end
        of 2024, the year's edge (``edges``), so the bound keeps the year."""
        word = f"{self.words[m.group(3)]} " if m.group(3) else ""
        part = self.edges.get(m.group(2)) if m.group(3) else None
        return f" {word}{part or self.periods[m.group(2)]} {m.group(1)} "

    def _listed(self, m: re.Match) -> str:
        months = [m.group(2), *re.findall(r"(\d{1,2})\s*月", m.group(3))]
        if not all(1 <= int(x) <= 12 for x in months):
            return m.group()
        return " " + " or ".join(_MONTHS[int(x) - 1] for x in months) + f" {m.group(1)} "

    def _month_run(self, m: re.Match) -> str:
        n = cn_int(m.group(3)) if not m.group(3).isdigit() else int(m.group(3))
        if not n or not 1 <= n <= 11:
            return m.group()
        return f" the {self.runs[m.group(2)]} {n} months of {m.group(1)} "

    def sub(self, text: str) -> str:
        if self.month_run:  # before 前 / 后 are read as "before" / "after" the year
            text = self.month_run.sub(self._month_run, text)
        if self.months_listed:
            text = self.months_listed.sub(self._listed, text)
        text = self.range.sub(self._range, text)
        if self.quarter_pair is not None:
            text = self.quarter_pair.sub(lambda m: f" {self.periods[m.group(2)]} {m.group(1)} versus "
                                                   f"{self.periods[m.group(4)]} {m.group(3) or m.group(1)} ", text)
        text = self.period.sub(self._period, text)
        text = self.prefix.sub(lambda m: f" {self.words[m.group(1)]} {_when(m.group(2), m.group(3))} ", text)
        text = self.suffix.sub(lambda m: f" {self.words[m.group(3)]} {_when(m.group(1), m.group(2))} ", text)
        return self.bound.sub(self._bound, text) if self.bound else text

    def _bound(self, m: re.Match) -> str:
        """"before 2020（不含2020）" -> "before 2020"; "before 2020（含2020）" -> "until 2020"."""
        word, when, mark = m.groups()
        if mark in self.exclusive:
            word = {"since": "after", "until": "before"}.get(word, word)
        else:
            word = {"after": "since", "before": "until"}.get(word, word)
        return f" {word} {when} "


def _english_periods() -> dict:
    from assistant.lexicon import lexicon

    return {" ".join(str(k).lower().split()): v for k, v in lexicon("en").data["dates"]["periods"].items()}


@lru_cache(maxsize=1)
def zh_tables() -> dict:
    """The zh lexicon, read once (only when a caller passes no table of its own)."""
    from assistant.chinese import load_zh_lexicon

    return load_zh_lexicon()


_ORDINAL_WORDS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
# ... nor is the generation before ("Phi-4 的前一代", "前两代"): a model's predecessor, no top N
_TOP = re.compile(rf"前\s*(\d{{1,2}}|{CN_NUM}{{1,3}})(?!\s*(?:[\d代]|{CN_NUM}))\s*(?:个|位|款|种|名)?")


def _ordinal(m: re.Match, sizes=None) -> str:
    n = int(m.group(1)) if m.group(1).isdigit() else cn_int(m.group(1))
    set_first = getattr(sizes, "set_first", None)
    if n and n < len(_ORDINAL_WORDS) and set_first is not None and set_first.match(m.string[:m.start()].rstrip() + "|" + m.string[m.end():]):
        # "Gopher 是 DeepMind 的第一个模型吗", "Meta 的第二个模型": a set's first (second ...) model in release order, not a
        # pick from a list
        return f" 's {_ORDINAL_WORDS[n]} "
    return f" the {_ORDINAL_WORDS[n]} one " if n and n < len(_ORDINAL_WORDS) else m.group()


def _rank_by(m: re.Match, measures: dict[str, str]) -> str:
    """"按参数量排第二" -> "the second largest": a place in a ranking by the measure the lexicon names; after 倒数, from
    the other end ("参数量排倒数第三" -> "the third smallest")."""
    n = int(m.group(3)) if m.group(3).isdigit() else cn_int(m.group(3))
    word = measures[m.group(1)]
    return f" the {_ORDINAL_WORDS[n]} {_FLIPPED[word] if m.group('last') else word} " if n and n < len(_ORDINAL_WORDS) else m.group()


def _ranked(m: re.Match, words: dict[str, str]) -> str:
    """"最大的三个" -> "the 3 largest"."""
    n = int(m.group(2)) if m.group(2).isdigit() else cn_int(m.group(2))
    return f" the {n} {words[m.group(1)]} " if n else m.group()


_FLIPPED = {"largest": "smallest", "smallest": "largest", "earliest": "newest", "newest": "earliest"}


def _place(m: re.Match, places: dict[str, str], from_end: dict[str, str] = _FLIPPED) -> str:
    """"第二大" -> "the second largest", "次新" -> "the second newest", "倒数第三早" -> "the third newest", "倒数第二小"
    -> "the second smallest" (``from_end``: the ranking a place after 倒数 is counted in)."""
    last, num, next_, word = m.groups()
    n = 2 if next_ else int(num) if num.isdigit() else cn_int(num)
    if not n or n >= len(_ORDINAL_WORDS):
        return m.group()
    word = places[word]
    return f" the {_ORDINAL_WORDS[n]} {from_end[word] if last else word} "


def _top(m: re.Match) -> str:
    n = int(m.group(1)) if m.group(1).isdigit() else cn_int(m.group(1))
    return f" top {n} " if n else m.group()


def _count_up(m: re.Match) -> str:
    n = int(m.group(1)) if m.group(1).isdigit() else cn_int(m.group(1))
    return f" at least {n} " if n is not None and n >= 1 else m.group()


_COUNT_BOUNDS = ("more than", "at least", "fewer than", "at most")  # the English of each group of ``count_bound``


def _count_bound(m: re.Match) -> str:
    """"至少五个" -> "at least 5", "不止一个" -> "more than 1"; "至少一个" bounds nothing (left to the words after it)."""
    n = int(m.group(5)) if m.group(5).isdigit() else cn_int(m.group(5))
    word = next(w for w, g in zip(_COUNT_BOUNDS, m.groups()[:4]) if g)
    if n is None or (n <= 1 and word in ("at least", "fewer than")):
        return m.group()
    return f" {word} {n} "


def _count(m: re.Match, sizes=None) -> str:
    n = cn_int(m.group(1))
    if n is None or n < 2:
        return m.group()
    # "PaLM 和 OPT 两篇", "PaLM、GLaM 和 Gopher 三个": a count right after a name counts the names listed, never
    # that name's version ("OPT 2", "Gopher 3")
    before = m.string[:m.start()]
    if re.search(r"[A-Za-z\d)]\s*$", before):
        return f" these {n} "
    # "LLaMA 有三个尺寸吗", "MT-NLG 的两个父模型": the gloss drops 有 and 的, so a digit would join the name ("LLaMA 3",
    # "MT-NLG 2"); the count of the name's own things is said as a word
    if n < len(_ORDINAL_COUNT) and sizes is not None and sizes.possessed is not None and sizes.possessed.search(before):
        return f" {_ORDINAL_COUNT[n]} "
    if (sizes is not None and sizes.owned is not None and sizes.owned_nouns is not None and n < len(_ORDINAL_COUNT)
            and sizes.owned.search(before) and sizes.owned_nouns.match(m.string[m.end():])):
        return f" {_ORDINAL_COUNT[n]} "
    return f" {n} "


_ORDINAL_COUNT = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


# one end of a size range: "100亿", "十亿", "10B" (a Latin unit); the first end may leave its unit to the second ("10 到 100 亿")
_END = rf"(\d+(?:\.\d+)?|{CN_NUM}+)?\s*((?:[十百千]?(?:万亿|亿|万)|兆)|(?<=[\d\s])[kKmMbBtT]{_SPELLED_UNIT})"  # "GLM-130B": no range
_PARAMS = r"\s*(?:个)?(?:参数量?)?\s*"
# a number glued to a name before it is part of the name, not a range's first end ("T5-11B", "Llama-2-13B")
_SIZE_RANGE = re.compile(rf"(?:在|介于)?\s*(?<![A-Za-z\d.])(?<![A-Za-z\d]-)(?:{_END}|(\d+(?:\.\d+)?))\s*{_PARAMS}(?:到|至|-|~|–|—|～)\s*{_END}{_PARAMS}(?:之间|以内)?"
                         # "10亿和100亿之间"; after 介于 (between) the closing 之间 may be left out: "介于10亿和100亿的"
                         rf"|(?:在|(介于))?\s*(?:{_END}|(\d+(?:\.\d+)?)){_PARAMS}(?:和|与|跟)\s*{_END}{_PARAMS}(?:之间|(?(6)|(?!)))")
_LATIN_UNIT = {"k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12}


def _size_range(m: re.Match) -> str:
    g = m.groups()
    first, bare, last = (g[0:2], g[2], g[3:5]) if m.group(4) else (g[6:8], g[8], g[9:11])  # g[5]: 介于
    unit = first[1] or last[1]
    values = [_end_value(bare or first[0], unit), _end_value(last[0], last[1])]
    if None in values:
        return m.group()
    return f" between {size_phrase(values[0])} and {size_phrase(values[1])} "


def _marked_range(m: re.Match, words: "_SizeWords") -> str:
    """"1B（含）到 10B（不含）之间" -> "at least 1 billion and less than 10 billion": each end's own bracket, or one
    bracket for both ends ("（不含两端）"); with no bracket at all, the plain range reading is left to _SIZE_RANGE."""
    a_num, a_unit, a_mark, b_num, b_unit, b_mark, both = m.groups()
    if not (a_mark or b_mark or both):
        return m.group()
    unit = a_unit or b_unit
    lo, hi = _end_value(a_num, unit), _end_value(b_num, b_unit)
    if lo is None or hi is None or lo >= hi:
        return m.group()
    a_mark, b_mark = a_mark or both, b_mark or both
    low_word = "more than" if a_mark in words.exclusive else "at least"
    high_word = "less than" if b_mark in words.exclusive else "at most"
    return f" {low_word} {size_phrase(lo)} and {high_word} {size_phrase(hi)} "


def _end_value(num: str | None, unit: str) -> float | None:
    """A range end as a raw count: its number (1 when only a unit: "亿") times its unit."""
    count = float(num) if num and num[0].isdigit() else cn_int(num) if num else 1
    if count is None:
        return None
    latin = unit[:1].lower()  # "B", "billion": its letter
    return count * (_LATIN_UNIT[latin] if latin in _LATIN_UNIT else _unit(unit))


def rewrite(text: str, date_words: dict | None = None, size_words: dict | None = None) -> str:
    """``text`` with every Chinese size, date, count and ordinal as its canonical English phrase;
    ``date_words`` and ``size_words`` are the zh lexicon's tables of words around a year and around a
    size (read from zh.yaml when None)."""
    sizes = compiled(_SizeWords, size_words if size_words is not None else zh_tables()["size_words"])
    dates = compiled(_DateWords, date_words if date_words is not None else zh_tables()["date_words"])
    text = spelled_sizes(text)  # "two hundred billion 以上": the number said in English words, as digits
    if sizes.version_count is not None:
        text = sizes.version_count.sub(" how many sizes ", text)
    if sizes.released_version is not None:
        text = sizes.released_version.sub(r"\1", text)
    text = sizes.marked_range.sub(lambda m: _marked_range(m, sizes), text)
    text = _SIZE_RANGE.sub(_size_range, text)
    if sizes.exact is not None:
        text = sizes.exact.sub(" exactly ", text)
    if sizes.fraction_after is not None:  # "三分之一以上是编码器吗": more than 33.33% of the set
        text = sizes.fraction_after.sub(lambda m: _fraction_after(m, sizes), text)
    text = sizes.share.sub(_share, text)
    text = sizes.magnitude.sub(_magnitude, text)
    text = sizes.latin.sub(lambda m: _led(m, sizes.some, lambda m_, has: _size_latin(m_, has, sizes)), text)
    text = sizes.size.sub(lambda m: _led(m, sizes.some, lambda m_, has: _size(m_, has, sizes)), text)
    text = _versioned(text, sizes)
    if sizes.both is not None:
        text = sizes.both.sub(lambda m: f" both {m.group(1)}" + ("" if sizes.versioned.match(text, m.end()) else " versions "), text)
    text = _arabic(text, dates.short_year)
    if not _ANY_YEAR.search(text):  # "1月发布的": any year's January; with a year said, a month is that year's ("（不含3月）")
        text = _BARE_MONTH.sub(_bare_month, text)
    text = dates.sub(text)
    text = _IN_YEAR.sub(lambda m: f" in {_when(m.group(1), m.group(2))} ", text)
    text = sizes.rank_by.sub(lambda m: _rank_by(m, sizes.rank_measures), text)
    if sizes.place_measured is not None:  # "参数第二多": the measure said, then the place
        text = sizes.place_measured.sub(lambda m: _place(m, sizes.places_measured, sizes.from_end), text)
    text = sizes.place.sub(lambda m: _place(m, sizes.places, sizes.from_end), text)
    text = sizes.ordinal.sub(lambda m: _ordinal(m, sizes), text)
    text = _TOP.sub(_top, text)
    text = sizes.ranked.sub(lambda m: _ranked(m, sizes.rank_words), text)
    if sizes.sole is not None:
        text = sizes.sole.sub(sizes.sole_as, text)
    text = sizes.count_bound.sub(_count_bound, text)
    text = sizes.count_up.sub(_count_up, text)
    if sizes.count is not None:
        text = sizes.count.sub(lambda m: _count(m, sizes), text)
    if sizes.count_after is not None:
        text = sizes.count_after.sub(lambda m: f" {m.group(2)} {m.group(1)} ", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def size_zh(millions: float | None, english: str = "") -> str:
    """A size in millions the Chinese way, with the catalog's own form after it: 1750亿（175B）."""
    if millions is None:
        return "未公开"
    if millions >= 1e6:
        text = f"{millions / 1e6:.6g}万亿"
    elif millions >= 100:
        text = f"{millions / 100:.6g}亿"
    else:
        text = f"{millions * 100:.6g}万"
    return f"{text}（{english}）" if english else text


def month_zh(key: int) -> str:
    """A catalog date key (year*100+month) as 2019年10月."""
    key = int(key)
    return f"{key // 100}年{max(1, key % 100)}月"
