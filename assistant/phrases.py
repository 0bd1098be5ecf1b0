"""Phrases read together, after each facet's terms are found (``assistant.parse``, pass 2).

- A value named by its parts: "a separate encoder and decoder" is architecture encoder-decoder, "both text
  and vision" is domain vision-language (the lexicon's ``composite`` table; the parts, in either order, joined
  by and / plus after a singular article or "both", or written as one word with "+" or "&": "text+vision"), while
  "encoder and decoder models" stays either kind.
- One phrase read on two fields: words joined by a slash or "or" that land on different fields
  ("assistant/chatbot") are alternatives; the field the question names ("... trait", the
  lexicon's ``field_names``) keeps the words, else either reading may hold (OR).
- The whole catalog named as the additions included beside the rest ("counting the newer additions too"); venues
  read from a cue before them, a papers word after them, or a list they are in.
- A generic domain word made explicit: "works on text", "text-only" constrain the domain, where
  "text" alone does not.
- The catalog paper as a date: "additions that predate the paper (Feb 2023)", "released before the survey came
  out" end before the month restated in brackets, else before the paper's own month (its arXiv id's).
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant import scope
from assistant.numbers import KIND_OPS, SizeWords, compiled, fraction, parse_dates
from assistant.query import Op
from assistant.spans import Found, free


def named_domain(lex, low: str, start: int, end: int, r) -> bool:
    """A predicate makes a generic domain word explicit: "works on text", "text-only"."""
    before = lex.first("domain_strong_before", low[max(0, start - 40):start])
    after = lex.first("domain_strong_after", low[end:end + 12])
    if not after and low[start:end] in lex.data.get("domain_kind_terms", []):
        after = lex.first("domain_kind_after", low[end:end + 12])
    if before:
        r.use(max(0, start - 40) + before.start(), start)
    if after:
        r.use(end, end + after.end())
    return bool(before or after)


def domain_only(lex, low: str, start: int, end: int, inside: bool = False) -> bool:
    """A domain said to be the model's only one with "-only" after it: "text-only", "vision-only"; what a model takes in
    or gives out (``inside``) also with "only" before it or within its words ("takes only images as input", "purely
    image input")."""
    if lex.first("domain_only_after", low[end:end + 12]):
        return True
    return inside and bool(lex.first("io_only_before", low[max(0, start - 12):start]) or lex.first("io_only_within", low[start:end]))


def _has(value, part: str) -> bool:
    """A read value is the part, or a word naming several values names it ("images": vision or image generation)."""
    return part in value if isinstance(value, list) else value == part


def composites(lex, text: str, r) -> None:
    """Two values joined as parts of one ("a separate encoder and decoder", "both text and vision") read as that one."""
    low = text.lower()
    for facet, table in lex.data.get("composite", {}).items():
        found = sorted((f for f in r.found if f.facet == facet), key=lambda f: f.start)
        for a, b in zip(found, found[1:]):
            value = next((v for v, (x, y) in table.items() if (_has(a.value, x) and _has(b.value, y))
                          or (_has(a.value, y) and _has(b.value, x))), None)  # either order
            if value and (lex.first("composite_joiner", low[a.end:b.start])
                          and lex.first("composite_before", low[max(0, a.start - 20):a.start])
                          or lex.first("composite_tight", low[a.end:b.start])):
                # the whole is as firm as its firmer part ("text+vision": the generic "text" is no longer alone)
                r.found = [f for f in r.found if f is not a and f is not b] + [
                    replace(a, value=value, end=b.end, weak=a.weak and b.weak, loose=a.loose and b.loose)]


def alternatives(lex, text: str, r, vocabulary_facets) -> None:
    """Different fields read from words joined by a slash or "or": the named field, or either."""
    low = text.lower()
    found = sorted((f for f in r.found if f.end and f.facet in vocabulary_facets and not f.weak), key=lambda f: f.start)
    for a, b in zip(found, found[1:]):
        if a.facet == b.facet or not lex.first("alternative_joiner", text[a.end:b.start]):
            continue
        named = [f for f in (a, b) if any(lex.has_phrase(w, low) for w in lex.data["field_names"].get(f.facet, []))]
        if len(named) == 1:
            other = b if named[0] is a else a
            r.found = [f for f in r.found if f is not other]
            r.use(a.start, b.end)
        else:
            a.alt = b.alt = a.alt or b.alt or a.start + 1


def bound_alternatives(lex, text: str, r) -> None:
    """A date or size bound and another condition joined by "or" as two clauses ("from Meta or with more than 100B
    parameters", "decoders or released before 2019", "released before 2019 or bigger than 10B"): either may hold
    (the lexicon's ``alternative_joiner``). The bound's ends read from one phrase ("in 2019": from January to
    December) stay one condition."""
    bounds = [f for f in r.found if f.facet in ("date", "size") and f.end and not f.alt]
    if not bounds:
        return
    spans: dict[tuple[int, int], list] = {}
    for f in bounds:
        spans.setdefault((f.start, f.end), []).append(f)
    others = [f for f in r.found if f.end and not f.weak and f.facet not in ("date", "size")]
    items = sorted([(s, e, fs) for (s, e), fs in spans.items()] + [(f.start, f.end, [f]) for f in others], key=lambda x: x[0])
    for (_, a_end, a), (b_start, _, b) in zip(items, items[1:]):
        if a_end > b_start or not any(f.facet in ("date", "size") for f in a + b):
            continue
        if lex.first("alternative_joiner", text[a_end:b_start]):
            alt = next((f.alt for f in a + b if f.alt), 0) or a[0].start + 1
            for f in a + b:
                f.alt = alt


def counted(lex, low: str, taken: list, r) -> None:
    """A cue that counts a field's values ("built by Google alone": one lab; "co-developed": two or more),
    read by the lexicon's ``counted`` table (cue -> facet, op, number); its negation ("not counting ones
    shared with other labs") is decided with the other phrases'."""
    for cue, (facet, op, number) in lex.data.get("counted", {}).items():
        m = lex.first(cue, low)
        span = m.span("n") if m and m.re.groupindex.get("n") and m.group("n") else m.span() if m else None
        if span and free(span, taken) and not any(f.facet == facet for f in r.found):  # "by Google alone": "alone" counts
            r.found.append(Found(facet, float(number), *span, op=Op(op)))
            taken.append(span)


def sole(lex, low: str, r) -> None:
    """"whose only domain is code", "text-only models", "purely vision": the value named is the model's only
    one in its field; read as the field's value and, from the lexicon's ``sole_value`` table (facet -> the
    facet that counts its values), a count of one."""
    for facet, count in lex.data.get("sole_value", {}).items():
        if any(f.facet == count for f in r.found):
            continue
        for f in r.found:
            if f.facet != facet or f.negated or not f.end:
                continue
            before = lex.first("sole_before", low[max(0, f.start - 60):f.start])
            if not before and f.value not in lex.data.get("skip_domain_alone", []):
                before = lex.first("sole_adjective_before", low[max(0, f.start - 60):f.start])  # "pure vision models"
            if not before and facet == "domain" and lex.first("sole_domain_verb", low[f.start:f.end]):
                # "only handle images": an adverb of restriction before a modality taken in (the phrase begins with its verb)
                before = lex.first("sole_domain_before", low[max(0, f.start - 60):f.start])
            after = lex.first("sole_after", low[f.end:f.end + 50])
            if not before and not after and lex.first("sole_field_after", low[f.end:f.end + 50]):
                # "with only the code domain": "only" before the value, the field's noun after it
                before = lex.first("sole_field_before", low[max(0, f.start - 60):f.start])
                after = before and lex.first("sole_field_after", low[f.end:f.end + 50])
            if before or after:
                start = max(0, f.start - 60) + before.start() if before else f.start
                f.weak = False  # "only used for text": the value is named, not a generic word
                r.found.append(Found(count, 1.0, start, f.end + (after.end() if after else 0), op=Op.EQ))
                break


def active_share(lex, low: str, taken: list, r) -> None:
    """"uses less than a tenth of its parameters per token", "active share under 10%": a bound on the share of its
    parameters a mixture of experts uses per token (the ``active_share`` facet)."""
    m = lex.first("active_share", low)
    if not m or not free(m.span(), taken) or not lex.first("active_share_context", low):
        return
    kind = compiled(SizeWords, lex.data["sizes"]).kind_of(m.group("bound"))
    value = fraction(m.group("frac"), lex.data["fractions"])
    if kind not in KIND_OPS or not value:
        return
    r.found.append(Found("active_share", float(value), *m.span(), op=Op(KIND_OPS[kind])))
    taken.append(m.span())


def both_parts(lex, low: str, r) -> None:
    """"counting the newer additions too", "paper and added models", "including everything added after the
    paper": the additions named as included beside the rest (an inclusion cue right before them, ``too`` /
    ``as well`` right after, or the paper's models joined to them) mean the whole catalog, both parts."""
    verb = lex.first("count_imperative", low)
    for f in r.found:
        if f.facet != "catalog" or f.value != "beyond" or not f.end:
            continue
        at = max(0, f.start - 60)
        lead = lex.first("catalog_including_before", low[at:f.start])
        if lead and verb and verb.start() <= at + lead.start() < verb.end():
            lead = None  # "count the new models per year": the question's own verb, not the additions counted in
        tail = lex.first("catalog_including_after", low[f.end:f.end + 30])
        if lead:
            f.value, f.start = ["beyond", "paper"], at + lead.start()
        if tail:
            f.value, f.end = ["beyond", "paper"], f.end + tail.end()
        r.use(f.start, f.end)
    for f in list(r.found):
        # "both the paper's entries and the newer ones", "in the paper's list or added after it": the paper's part
        # joined to the additions by and / or, the whole catalog (the additions' own words, if read, are the same set)
        if f.facet != "catalog" or f.value != "paper" or not f.end:
            continue
        tail = lex.first("catalog_additions_joined", low[f.end:f.end + 60])
        if not tail:
            continue
        f.value, f.end = ["beyond", "paper"], f.end + tail.end()
        r.found = [g for g in r.found if g is f or not (g.facet == "catalog" and f.start <= g.start and g.end <= f.end)]
        r.use(f.start, f.end)


def venues(lex, text: str, r, patterns) -> None:
    """Venue names with a venue cue right before ("published at ICML", "in a journal (JMLR, ...") or a papers
    word right after ("ICLR papers"); the items of a list after a read venue ("JMLR, TACL or Nature") too."""
    low = text.lower()
    hits = sorted((hit.start(), hit.end(), venue) for pattern, venue in patterns if (hit := pattern.search(text)))
    last = None
    for start, end, venue in hits:
        listed = last is not None and scope.joined(lex, text[last:start])
        edition = lex.first("venue_year", text[end:])  # "ICLR 2020": that edition; the year dates no model
        after = end + edition.end() if edition else end
        if listed or lex.first("venue_before", low[:start]) or lex.first("venue_after", low[after:]):
            if edition:
                r.found = [f for f in r.found if not (f.facet == "date" and f.start >= end and f.end <= after)]
                venue, end = f"{venue} {edition.group('year')}", after
            r.found.append(Found("venue", venue, start, end))
            last = end


CATALOG_PAPER = "transformer-catalog"  # the concept that stands for the catalog paper itself


def paper_month(catalog) -> int | None:
    """The catalog paper's month (year * 100 + month), from its arXiv id ("2302.07730": February 2023)."""
    concept = catalog.concepts.get(CATALOG_PAPER)
    arxiv = concept.paper.arxiv_id if concept and concept.paper and concept.paper.arxiv_id else ""
    return 200000 + int(arxiv[:2]) * 100 + int(arxiv[2:4]) if arxiv[:4].isdigit() else None


def paper_date(lex, low: str, month: int | None, r) -> list[tuple[int, int]]:
    """"predate the paper (Feb 2023)", "before the survey came out": a date bound ending before the month said in
    brackets after the paper, else before the paper's own ``month``. Returns the spans read (no other date there)."""
    spans = []
    for m in lex.find("before_paper", low):
        said = m.group("said")
        bounds = [b for b in parse_dates(f"before {said.strip(' ()')}", (), lex.data["dates"]) if b.op == "le"] if said else []
        if said and not bounds and month is None:
            continue
        value = bounds[0].value if bounds else month - 1 if month % 100 > 1 else month - 89  # the month before
        r.found.append(Found("date", value, *m.span(), Op.LE))
        spans.append(m.span())
    for m in lex.find("window_after_paper", low) if month else ():
        # "in the twelve months after the catalog paper": from the month after the paper's for that many months (a range
        # restated in brackets after it, "(March 2023 to February 2024)", is the range); the paper is no part of the catalog
        said = m.group("said")
        bounds = parse_dates(f"between {said.strip(' ()')}", (), lex.data["dates"]) if said else []
        if {b.op for b in bounds} == {"ge", "le"} and len(bounds) == 2:
            lo, hi = (next(b.value for b in bounds if b.op == op) for op in ("ge", "le"))
        else:
            if not m.group("n") and m.group("unit").endswith("s"):
                continue  # "years after the paper": no number of them
            n = (m.group("n") or "one").strip()
            count = float(n) if n.isdigit() else {**lex.data.get("count_words", {}), **lex.data.get("within_counts", {})}.get(n)
            if not count:
                continue
            months = round(count * (12 if m.group("unit").startswith("year") else 1))
            index = (month // 100) * 12 + month % 100  # the month after the paper's, as a count of months
            lo = (index // 12) * 100 + index % 12 + 1
            end = index + months - 1
            hi = (end // 12) * 100 + end % 12 + 1
        r.found = [f for f in r.found if not (f.facet == "catalog" and m.start() <= f.start < m.end())]
        r.found += [Found("date", lo, *m.span(), Op.GE), Found("date", hi, *m.span(), Op.LE)]
        spans.append(m.span())
    return spans
