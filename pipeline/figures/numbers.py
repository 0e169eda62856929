"""Numbers in running text, found by one compiled regex and normalized (no spaCy here).

The grammar (:mod:`pipeline.figures.grammar`) is built once from
``patterns/figures_lexicon.json`` and ``patterns/currencies.tsv``. :func:`find_numbers`
returns :class:`NumberMatch` records with a value, an optional ``value_max`` (ranges), a
qualifier (``more than`` → ``more_than``), a kind (count, money, percent, multiplier) and
a unit. Whether a number *states a fact* (not a year, a name, a code) and what it counts
is decided by :mod:`pipeline.figures.component`, which has the parse.

>>> [(m.text, m.value, m.qualifier, m.kind, m.unit) for m in find_numbers("more than $3 billion")]
[('more than $3 billion', 3000000000.0, 'more_than', 'money', 'USD')]
>>> [(m.text, m.value, m.value_max) for m in find_numbers("between 10 and 20 percent")]
[('between 10 and 20 percent', 10.0, 20.0)]
>>> parse_number("twenty-one thousand and twelve")
21012.0

A value is negative where the number is written negative (``patterns/figures_lexicon.json``,
``_conventions.sign``): "-15€", "$-99.99", "minus 5", and money alone in parentheses
("a loss of ($99.99)") unless it converts the amount before it.

>>> [(m.text, m.value) for m in find_numbers("Growth was -2.1%. It lost ($99.99).")]
[('-2.1%', -2.1), ('($99.99)', -99.99)]
>>> [(m.text, m.value) for m in find_numbers("a 5 million euro ($5.4 million) fine")]
[('5 million euro', 5000000.0), ('$5.4 million', 5400000.0)]
>>> [(m.text, m.value) for m in find_numbers("10 000 dollars in 2019 50 people")]
[('10 000 dollars', 10000.0), ('2019', 2019.0), ('50', 50.0)]
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import NamedTuple, Optional

from pipeline.figures.grammar import Currency, NumberForm, NumberGrammar, currency_of, grammar
from pipeline.figures.signs import accounting_parentheses, sign_at

_NON_SPACE = re.compile(r"\S+")
_LEADING_PUNCT = "([{“\"‘'—–-"


@dataclass
class NumberMatch:
    """One number expression in a text: ``text == source[start:end]``."""

    text: str
    start: int
    end: int
    value: Optional[float]
    value_max: Optional[float] = None
    qualifier: str = "exact"
    kind: str = "count"
    unit: Optional[str] = None
    # where the number itself (without qualifier, currency, percent) lies
    num_start: int = 0
    num_end: int = 0
    is_word: bool = False  # spelled out ("three", "a dozen")
    is_plain_integer: bool = False  # digits only, no separators: candidate year or code
    times: bool = False  # "three times": multiplier or frequency, decided by context
    vague: bool = False  # "hundreds of"
    fraction: bool = False  # "one-third", "half"
    parts: list = field(default_factory=list)


class LookBack(NamedTuple):
    """What stands just before a number: a sign ("-", "minus"), a currency prefix, a
    range opener ("between", "from") and a qualifier ("more than"), each with where it
    starts; None when absent."""

    sign_start: Optional[int]
    cur_start: Optional[int]
    cur: Optional[str]
    opener_start: Optional[int]
    opener: Optional[str]
    qual_start: Optional[int]
    qual: Optional[str]


def _currency_before(g: NumberGrammar, toks: list, pos: int) -> tuple[Optional[int], Optional[str]]:
    """A currency prefix in the last tokens before ``pos``: "US$50", "US$ 50", "c $ 16.4",
    "RMB 1"; an article is never part of one ("a $5 million deal" is in US dollars,
    not "A$")."""
    if toks and toks[-1][1] >= pos - 1:
        last = toks[-1]
        head = last[2].lstrip(_LEADING_PUNCT)
        cands = [(last[1] - len(head), head)]
        if len(toks) > 1 and toks[-2][1] == last[0] - 1 and toks[-2][2].lower() not in g.articles:
            cands.insert(0, (toks[-2][0], toks[-2][2] + " " + last[2]))
        for start, surface in cands:
            if g.currency_prefix(surface):
                return start, surface
    return None, None


def _qualifier_before(g: NumberGrammar, qual_toks: list) -> tuple[Optional[int], Optional[str]]:
    """The longest qualifier phrase ("more than", "up to") the tokens end with."""
    last_word = qual_toks[-1][2].lower() if qual_toks else ""
    if last_word not in g.qual_last_words and last_word.lstrip(_LEADING_PUNCT) not in g.qual_last_words:
        return None, None
    for n in (4, 3, 2, 1):
        if len(qual_toks) < n:
            continue
        words = [t[2] for t in qual_toks[-n:]]
        first = words[0].lstrip(_LEADING_PUNCT)
        phrase = " ".join([first] + words[1:]).lower()
        if phrase in g.qual_before and not any(ch in "".join(words[:-1]) for ch in ",;.:"):
            return qual_toks[-n][1] - len(first), phrase
    return None, None


def _look_back(g: NumberGrammar, text: str, pos: int, floor: int) -> LookBack:
    """Sign, currency prefix, range opener and qualifier just before ``pos``; nothing is
    read before ``floor``."""
    sign_start = pos - 1 if sign_at(text, pos - 1, floor, g.signs) else None  # "-15", "$-99.99"
    edge = pos if sign_start is None else sign_start
    window_start = max(floor, pos - 60)
    toks = [(t.start(), t.end(), t.group()) for t in _NON_SPACE.finditer(text, window_start, edge)]
    cur_start, cur = _currency_before(g, toks, edge)
    if cur is not None:
        toks = [t for t in toks if t[1] <= cur_start]
        edge = cur_start
        if sign_start is None and sign_at(text, edge - 1, floor, g.signs):  # "-$5"
            sign_start = edge = edge - 1
    if (
        sign_start is None
        and toks
        and toks[-1][2].lower() in g.sign_words
        and not text[toks[-1][1] : edge].strip()
    ):  # "minus 5", "negative $3"
        sign_start = edge = toks[-1][0]
        toks = toks[:-1]
    opener_start = opener = None
    if (
        toks
        and toks[-1][2].lower().lstrip(_LEADING_PUNCT) in ("between", "from")
        and not text[toks[-1][1] : edge].strip()
    ):
        opener_start, opener = (
            toks[-1][1] - len(toks[-1][2].lstrip(_LEADING_PUNCT)),
            toks[-1][2].lower().lstrip(_LEADING_PUNCT),
        )
        qual_toks = toks[:-1]
    else:
        qual_toks = toks
    qual_start, qual = _qualifier_before(g, qual_toks)
    return LookBack(sign_start, cur_start, cur, opener_start, opener, qual_start, qual)


def _kind_of(cur: Optional[Currency], pct: Optional[str]) -> tuple[str, Optional[str], float]:
    """(kind, unit, factor) of a number with this currency or percent sign."""
    if cur is not None:
        return "money", cur.iso, cur.factor
    if pct:
        return "percent", "percentage_point" if "point" in pct.lower() else "percent", 1.0
    return "count", None, 1.0


def _multiplier(g: NumberGrammar, m: re.Match) -> NumberMatch:
    """ "doubled", "tripled": a multiplier word."""
    return NumberMatch(
        text=m.group(0),
        start=m.start(),
        end=m.end(),
        value=float(g.lex["multiplier_words"][m.group("mult").lower()]),
        kind="multiplier",
        num_start=m.start(),
        num_end=m.end(),
        is_word=True,
    )


def _core_kind(m: re.Match, i: int, currency: Optional[str]) -> Optional[str]:
    """What sign core ``i`` of a range carries: money, percent, times or nothing."""
    if currency:
        return "money"
    if m.group(f"pct{i}"):
        return "percent"
    return "times" if m.group(f"times{i}") else None


def _is_range(m: re.Match, value: float, second, form: NumberForm, form2: NumberForm, back: LookBack) -> bool:
    """Do the two numbers of a match make a range ("between 10 and 20", "$3-5 billion")?"""
    join = m.group("rjoin").strip().lower()
    kind1 = _core_kind(m, 1, back.cur or m.group("suf1"))
    kind2 = _core_kind(m, 2, m.group("pre2") or m.group("suf2"))
    return not (
        second is None
        or second <= value
        or (join == "and" and back.opener != "between")
        or (back.opener == "between" and join not in ("and", "-", "–", "—"))
        or (back.sign_start is not None and join in ("-", "–", "—", "~"))  # "-2020-07"
        or (kind1 is not None and kind1 != kind2)
        or form.fraction
        or form2.fraction
    )


def _tally(m: re.Match, value: float, second, form: NumberForm, form2: NumberForm) -> bool:
    """ "won 3-2", "ruled 6-3": two plain integers joined by a bare hyphen, the second
    no larger, are a score or a vote tally, not a range nor a count."""
    return (
        second is not None
        and second <= value
        and m.group("rjoin") in ("-", "–")
        and form.plain
        and form2.plain
        and not (m.group("pct1") or m.group("suf1") or m.group("times1"))
    )


def _first_only(g: NumberGrammar, m: re.Match, nm: NumberMatch, back: LookBack) -> float:
    """Not a range after all: keep the first number only (sets the end, kind and unit of
    ``nm``; returns the currency factor)."""
    nm.end = m.end("num1")
    for grp in ("pct1", "suf1", "times1"):
        if m.group(grp):
            nm.end = m.end(grp)
    nm.kind, nm.unit, factor = _kind_of(currency_of(g, back.cur or m.group("suf1")), m.group("pct1"))
    return factor


def _as_range(
    g: NumberGrammar, m: re.Match, nm: NumberMatch, second: float, factor: float, form: NumberForm, form2
) -> None:
    """A range: "3 to 5 million" (the scale of the second number applies to the first)."""
    mag2 = m.group("mag2") or m.group("abbr2") or m.group("sabbr2")
    if (
        mag2
        and not (m.group("mag1") or m.group("abbr1") or m.group("sabbr1"))
        and not form.is_word
        and not form2.is_word
    ):
        scaled = (
            g.word_value(f"{m.group('num1')} {mag2}") if m.group("mag2") else abs(nm.value) * g.abbr[mag2]
        )
        scaled = None if scaled is None else math.copysign(scaled, nm.value)  # "-3 to 5 million"
        nm.value = scaled if scaled is not None and scaled < second else nm.value
    nm.value_max = second * factor
    nm.qualifier = "range"
    form.plain = form.plain and form2.plain
    form.is_word = form.is_word and form2.is_word


def _qualifier_after(g: NumberGrammar, m: re.Match, nm: NumberMatch) -> None:
    """ "100 or more", "50 plus": a qualifier after the number (else it is cut off)."""
    qafter = m.group("qafter")
    if qafter and m.end() == nm.end:
        key = qafter.strip().lower()
        if nm.qualifier in ("exact", "about") and key in g.qual_after:
            if nm.qualifier == "about":
                nm.start = nm.num_start
            nm.qualifier = g.qual_after[key]
        else:
            nm.end = m.start("qafter")


def _build(g: NumberGrammar, m: re.Match, floor: int) -> Optional[NumberMatch]:
    """The number expression of a grammar match, or None when it is none."""
    if m.group("mult"):
        return _multiplier(g, m)
    value, form = g.value_of(m, 1)
    if value is None:
        return None
    back = _look_back(g, m.string, m.start(), floor)
    if back.sign_start is not None:
        value = -value
    cur = currency_of(g, back.cur or m.group("suf1") or m.group("pre2") or m.group("suf2"))
    kind, unit, factor = _kind_of(cur, m.group("pct1") or m.group("pct2"))
    if form.abbr in g.lex["abbreviations_needing_currency"] and cur is None:
        return None
    num_start = min(p for p in (back.sign_start, back.cur_start, m.start()) if p is not None)
    qualifier = g.qual_before.get(back.qual or "", "exact")
    nm = NumberMatch("", num_start, m.end(), value, qualifier=qualifier, kind=kind, unit=unit)
    nm.num_start = num_start
    times = m.group("times1") or m.group("times2")
    opener = None
    if m.group("num2"):
        second, form2 = g.value_of(m, 2)
        if second is not None and m.group("sign2"):
            second = -second
        if _tally(m, value, second, form, form2):
            return None
        if _is_range(m, value, second, form, form2, back):
            _as_range(g, m, nm, second, factor, form, form2)
            opener = back.opener
        else:
            factor = _first_only(g, m, nm, back)
            times = m.group("times1")
    if opener:
        nm.start = back.opener_start
    if back.qual:
        nm.start = min(nm.start, back.qual_start)
    _qualifier_after(g, m, nm)
    nm.text = m.string[nm.start : nm.end]
    nm.num_end = m.end("num2") if nm.qualifier == "range" else m.end("num1")
    nm.value = _tidy(nm.value * factor)
    nm.value_max = _tidy(nm.value_max)
    nm.is_word = form.is_word
    nm.is_plain_integer = form.plain and nm.kind == "count" and not times
    nm.vague = form.vague
    nm.fraction = form.fraction
    nm.times = bool(times)
    if nm.vague and nm.qualifier == "exact":
        nm.qualifier = "more_than"
    return nm


def _tidy(value: Optional[float]) -> Optional[float]:
    """Round away binary noise (16.4 * 1e6 → 16400000.0)."""
    return None if value is None else float(f"{value:.12g}")


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\s*$")


def _joins_two_numbers(g: NumberGrammar, m: re.Match) -> bool:
    """Would the loose reading join two numbers? "March 12 300 protesters" (a day, then a
    count), "page 12 500" (a reference, then a count), "three million, two of them" (a
    comma between two numbers, not inside one)."""
    for i in (1, 2):
        num = m.group(f"num{i}")
        if not num:
            continue
        if "," in num and not any(ch.isdigit() for ch in num) and not g.well_formed(num):
            return True
        if i == 1 and g.grouped(num):
            before = _WORD_BEFORE.search(m.string, max(0, m.start() - 20), m.start())
            if before and before.group(1).lower() in g.no_groups_after:
                return True
    return False


def find_numbers(text: str, g: Optional[NumberGrammar] = None) -> list[NumberMatch]:
    """Every number expression in ``text``, left to right, not overlapping (with the
    grammar ``g``, by default that of the packaged data files)."""
    g = g or grammar()
    out: list[NumberMatch] = []
    last = 0
    strict_until = 0  # inside a loose reading refused, read strictly (once, not per anchor)
    for a in g.anchor.finditer(text):
        if a.start() < last:
            continue
        m = (g.strict if a.start() < strict_until else g.regex).match(text, a.start())
        if m is not None and a.start() >= strict_until and _joins_two_numbers(g, m):
            strict_until = m.end()
            m = g.strict.match(text, a.start())
        if m is None:
            continue
        nm = _build(g, m, last)
        if nm is not None:
            if (
                nm.kind == "money"
                and nm.qualifier == "exact"
                and nm.value is not None
                and nm.value > 0
                and accounting_parentheses(text, nm.start, nm.end, out[-1].end if out else None)
            ):  # "a loss of ($99.99)": the parentheses are the sign, and join the span
                nm.start, nm.end, nm.value = nm.start - 1, nm.end + 1, -nm.value
                nm.text = text[nm.start : nm.end]
            out.append(nm)
            last = nm.end
        else:
            last = a.end()
    return out


def parse_number(text: str) -> Optional[float]:
    """The value of one number expression, or None (``"2.8 billion"`` → 2.8e9)."""
    found = find_numbers(text)
    return found[0].value if found else None
