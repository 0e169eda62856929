"""Numbers in running text, found by one compiled regex and normalized (no spaCy here).

The grammar is built once from ``patterns/figures_lexicon.json`` (number words, scales,
fractions, multipliers, qualifiers) and ``patterns/currencies.tsv`` (currency surfaces
with ISO 4217 codes). :func:`find_numbers` returns :class:`NumberMatch` records with a
value, an optional ``value_max`` (ranges), a qualifier (``more than`` → ``more_than``),
a kind (count, money, percent, multiplier) and a unit. Whether a number *states a fact*
(not a year, a name, a code) and what it counts is decided by :mod:`pipeline.figures.component`,
which has the parse.

>>> [(m.text, m.value, m.qualifier, m.kind, m.unit) for m in find_numbers("more than $3 billion")]
[('more than $3 billion', 3000000000.0, 'more_than', 'money', 'USD')]
>>> [(m.text, m.value, m.value_max) for m in find_numbers("between 10 and 20 percent")]
[('between 10 and 20 percent', 10.0, 20.0)]
>>> parse_number("twenty-one thousand and twelve")
21012.0
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from typing import Optional

from pipeline.patterns import PATTERNS_DIR

PATTERNS = PATTERNS_DIR

# compiled once: the normalizer runs them on every number
_AND_A_FRACTION = re.compile(r"(.+?)\s+and\s+(?:an?|one)\s+(half|quarter|third|fourth|fifth)")
_FRACTION_OF = re.compile(r"(half|quarter)\s+an?\s+(.+)")
_NUMBER_TOKENS = re.compile(r"\d*\.\d+|\d+|[a-z]+")
_VAGUE = re.compile(r"(?:tens\s+of\s+)?(?:dozens|scores|hundreds|thousands|millions|billions)\b")
_LETTERS = re.compile(r"[a-z]+")
_DIGITS = re.compile(r"\d+")
_NON_SPACE = re.compile(r"\S+")
_SPACES = re.compile(r"\s+")


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


@dataclass(frozen=True)
class Currency:
    surface: str
    iso: Optional[str]
    position: str
    factor: float


def _alternation(words, boundary: bool = True) -> str:
    """Longest-first alternation; alphabetic words get word boundaries."""
    out = []
    for word in sorted(set(words), key=len, reverse=True):
        pattern = re.escape(word).replace(r"\ ", r"\s+")
        if not word.startswith("$"):
            pattern = pattern.replace(r"\$", r"\s?\$")
        if boundary and word[:1].isascii() and word[:1].isalnum():
            pattern = r"(?<![\w])" + pattern
        if boundary and word[-1:].isascii() and word[-1:].isalnum():
            pattern += r"(?![\w])"
        out.append(pattern)
    return "|".join(out)


def _trie(words, flexible_spaces: bool = False) -> str:
    """A regex matching exactly ``words``, factored by common prefixes ("t(?:en|hree|...)"):
    Python's ``re`` tries a flat alternation word by word at every position. With
    ``flexible_spaces`` a space in a word matches any run of whitespace (``\\s+``)."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(r"\s+" if flexible_spaces and ch == " " else re.escape(ch), {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [atom + build(child) for atom, child in sorted(node.items()) if atom]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return f"(?:{build(root)})"


def _can_start(words) -> str:
    """A lookahead that fails fast where none of ``words`` can start: each word's leading
    run of letters and digits (or its first character), in any case, as a trie. Put before
    a long alternation of ``words`` it changes no match: ``re`` would otherwise try every
    alternative in turn at each number, which costs more than the rest of the match."""
    heads = set()
    for word in words:
        run = re.match(r"[^\W_]+", word)
        heads.add((run.group() if run else word[:1]).lower())
    return f"(?=(?i:{_trie(heads)}))"


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    with open(PATTERNS / "figures_lexicon.json", encoding="utf-8") as f:
        return json.load(f)


@functools.lru_cache(maxsize=1)
def currencies() -> dict[str, Currency]:
    table = {}
    with open(PATTERNS / "currencies.tsv", encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            surface, iso, position, factor = line.rstrip("\n").split("\t")
            table[surface.lower()] = Currency(surface, None if iso == "-" else iso, position, float(factor))
    return table


class NumberGrammar:
    """The compiled regex and the normalizer, built once from the lexicon files."""

    def __init__(self, lex: dict, cur: dict[str, Currency]):
        self.lex = lex
        self.currency = cur
        self.units = {**lex["units"], **lex["tens"]}
        self.magnitudes = lex["magnitudes"]
        self.fractions = lex["fractions"]
        self.abbr = lex["scale_abbreviations"]
        self.qual_before = {re.sub(r"\s+", " ", k): v for k, v in lex["qualifiers_before"].items()}
        # the word a qualifier before a number ends with: a quick test before the phrases
        self.qual_last_words = {k.split(" ")[-1] for k in self.qual_before}
        self.qual_after = lex["qualifiers_after"]
        self.any_case = set(lex["currency_codes_any_case"])
        self.regex = re.compile(self._pattern())
        # the same number strings ("2", "10", "a dozen") come back in every article
        self.word_value = functools.lru_cache(maxsize=4096)(self._word_value)

    # -- the grammar -------------------------------------------------------------------
    def _pattern(self) -> str:
        lex = self.lex
        units = _alternation(lex["units"])
        tens = _alternation(lex["tens"])
        mag_words = [m for m in lex["magnitudes"] if not m.endswith("s")]
        mags = _can_start(mag_words) + f"(?:{_alternation(mag_words)})"
        all_mags = _can_start(lex["magnitudes"]) + f"(?:{_alternation(lex['magnitudes'])})"
        atom_words = list(lex["units"]) + list(lex["tens"]) + list(lex["magnitudes"]) + ["dozen"]
        word_atom = (
            rf"{_can_start(atom_words)}"
            rf"(?:(?:{tens})(?:\s*-\s*|\s+)(?:{units})|{tens}|{units}|{mags}|dozen"
            rf"|(?<=\s)(?:{all_mags}|dozens))"
        )
        after_mag = "|".join(rf"(?<={m})" for m in ("hundred", "thousand", "million", "billion", "trillion"))
        word_num = (
            rf"(?:(?<![\w-])an?\s+(?=(?:{mags}|dozen)\b))?{word_atom}"
            rf"(?:(?:(?:{after_mag})\s+and\s+|\s*-\s*|\s+)(?:{word_atom}))*"
        )
        fracs = _can_start(lex["fractions"]) + f"(?:{_alternation(lex['fractions'])})"
        fraction = (
            rf"(?:(?:(?:{word_num})|(?<![\w-])an?|\d+)(?:\s*-\s*|\s+))?(?:{fracs})"
            rf"(?:\s+(?:{mags}))?"
        )
        half_of = rf"(?<![\w-])(?:half|quarter)\s+an?\s+(?:{mags}|dozen)(?![\w])"
        and_half = r"(?:\s+and\s+an?\s+(?:half|quarter|third|fourth|fifth)(?![\w]))"
        digits = r"(?<![\w.,])(?<!\w-)(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
        abbrs = "|".join(re.escape(a) for a in sorted(lex["scale_abbreviations"], key=len, reverse=True))
        digit_num = (
            rf"{digits}(?:(?P<abbr§>{abbrs})(?![A-Za-z0-9])|(?![A-Za-z0-9]|\.\d)"
            rf"(?:\s*-?\s*(?P<mag§>(?:{all_mags}|dozens?)(?:\s+(?:{mags}))*)"
            rf"|\s(?P<sabbr§>bn|mln|bln|tln|trn|tn|mn)(?![\w]))?)"
        )
        vague = (
            rf"(?<![\w-])(?:tens\s+of\s+)?(?:{_alternation(lex['vague'])})"
            rf"(?:\s+of\s+(?:thousands|millions|billions))*(?![\w])"
        )
        # ISO codes and "RMB" are case-sensitive (never "try", "aud"), words are not
        prefixes = [c.surface for c in self.currency.values() if c.position != "suffix"]
        suffixes = [c.surface for c in self.currency.values() if c.position != "prefix"]

        def code(s: str) -> bool:
            return s.isupper() and s.isalpha() and s not in self.any_case

        pre = (
            rf"{_can_start(prefixes)}(?:{_alternation([s for s in prefixes if code(s)])}"
            rf"|(?i:{_alternation([s for s in prefixes if not code(s)])}))"
        )
        suf = (
            rf"{_can_start(suffixes)}(?:{_alternation([s for s in suffixes if code(s)])}"
            rf"|(?i:{_alternation([s for s in suffixes if not code(s)])}))"
        )
        pct = (
            r"%|(?i:(?:percentage|percent|per\s*cent|pct)\s+points?(?![\w])"
            r"|percent(?:s|age)?(?![\w])|per\s*cent(?![\w])|pct(?![\w]))"
        )
        # word forms are case-insensitive, digits and abbreviations are not
        core = (
            rf"(?P<num§>(?i:{half_of}|{vague}|{fraction}|{word_num}{and_half}?"
            rf"(?![\w]))|{digit_num}{and_half}?)"
            rf"(?:\s*(?P<pct§>{pct})|\s*-?\s*(?P<suf§>{suf})"
            rf"|(?P<times§>(?i:\s+times|\s*-?\s*fold))(?![\w]))?"
        )
        mults = _alternation(lex["multiplier_words"])
        after = "|".join(
            rf"\s+{re.escape(q)}(?![\w])" if q[0].isalpha() else re.escape(q)
            for q in sorted(self.qual_after, key=len, reverse=True)
        )
        # matched at an anchor; qualifier, "between"/"from" and a currency prefix before
        # the number are read backwards by _look_back (a regex tried at every position of
        # the text would cost more than the parser)
        pattern = (
            core.replace("§", "1")
            + r"(?:(?P<rjoin>\s*[-–—~]\s*|\s+(?i:to|and|through)\s+)"
            + rf"(?:(?P<pre2>{pre})\s?)?"
            + core.replace("§", "2").replace(r"(?<!\w-)", "")
            + ")?"
            + rf"(?P<qafter>(?i:{after}))?"
            + rf"|(?P<mult>(?i:{mults}))"
        )
        words = (
            list(lex["units"])
            + list(lex["tens"])
            + list(lex["magnitudes"])
            + list(lex["fractions"])
            + list(lex["vague"])
            + list(lex["multiplier_words"])
            + ["dozen", "tens"]
        )
        first = "".join(sorted({w[0].lower() for w in words} | {"a"}))
        # a digit or a number word, where no word character stands before: that test
        # comes first, once, as it fails at most positions of the text
        self.anchor = re.compile(
            rf"(?<![\w])(?:(?<![.,])\.?\d|(?=[{first}{first.upper()}])"
            rf"(?i:an?\s+(?=(?:{mags}|dozen|half|quarter|third)(?![\w]))"
            rf"|{_trie(set(words))}(?![\w])))"
        )
        self.prefixes = sorted(
            {c.surface for c in self.currency.values() if c.position != "suffix"}, key=len, reverse=True
        )
        return pattern

    def currency_prefix(self, surface: str) -> bool:
        cur = _currency(self, surface)
        return (
            cur is not None
            and cur.position != "suffix"
            and (
                not (cur.surface.isupper() and cur.surface.isalpha())
                or surface.strip() == cur.surface
                or cur.surface in self.any_case
            )
        )

    # -- normalizing ------------------------------------------------------------------
    def _word_value(self, text: str) -> Optional[float]:
        """The value of a spelled or mixed number ("twenty-one", "2.8 billion", "a dozen");
        called as ``word_value``, through a cache."""
        low = text.lower().replace(",", "")
        m = _AND_A_FRACTION.fullmatch(low)
        if m:
            whole = self.word_value(m.group(1))
            return None if whole is None else whole + 1 / self.fractions[m.group(2)]
        m = _FRACTION_OF.fullmatch(low)
        if m:
            rest = self.word_value(m.group(2))
            return None if rest is None else rest / self.fractions[m.group(1)]
        tokens = _NUMBER_TOKENS.findall(low)
        total = cur = 0.0
        seen = False
        for i, tok in enumerate(tokens):
            if tok in ("and", "of", "tens"):
                if tok == "tens":
                    cur, seen = 10.0, True
                continue
            if tok in ("a", "an"):
                cur, seen = 1.0, True
            elif tok[0].isdigit() or tok[0] == ".":
                cur += float(tok)
                seen = True
            elif tok in self.units:
                cur += self.units[tok]
                seen = True
            elif tok in ("hundred", "hundreds"):
                cur = (cur or 1) * 100
                seen = True
            elif tok in ("dozen", "dozens"):
                cur = (cur or 1) * 12
                seen = True
            elif tok == "score" or tok == "scores":
                cur = (cur or 1) * 20
                seen = True
            elif tok in self.magnitudes:
                if cur == 0 and total > 0:
                    total *= self.magnitudes[tok]
                else:
                    total += (cur or 1) * self.magnitudes[tok]
                    cur = 0.0
                seen = True
            elif tok in self.fractions:
                numerator = (total + cur) or 1
                value = numerator / self.fractions[tok]
                rest = tokens[i + 1 :]
                scale = 1.0
                for r in rest:
                    scale *= self.magnitudes.get(r, 1)
                return value * scale
            else:
                return None
        return total + cur if seen else None

    def value_of(self, m: re.Match, i: int) -> tuple[Optional[float], dict]:
        """Value and features of core ``i`` (1 or 2) of a match."""
        num = m.group(f"num{i}")
        info = {
            "is_word": not any(ch.isdigit() for ch in num),
            "vague": False,
            "fraction": False,
            "plain": False,
        }
        abbr = m.group(f"abbr{i}") or m.group(f"sabbr{i}")
        if abbr:
            num = num[: num.rfind(abbr)] if num.endswith(abbr) else num
            base = self.word_value(num)
            value = None if base is None else base * self.abbr[abbr]
        else:
            value = self.word_value(num)
        low = num.lower()
        info["vague"] = bool(_VAGUE.match(low))
        info["fraction"] = any(w in self.fractions for w in _LETTERS.findall(low))
        info["plain"] = bool(_DIGITS.fullmatch(num))
        info["abbr"] = abbr
        return value, info


@functools.lru_cache(maxsize=1)
def grammar() -> NumberGrammar:
    return NumberGrammar(lexicon(), currencies())


@functools.lru_cache(maxsize=4096)  # asked about the word before every number
def _currency(g: NumberGrammar, surface: Optional[str]) -> Optional[Currency]:
    if not surface:
        return None
    key = _SPACES.sub(" ", surface.lower()).replace(" $", "$")
    return g.currency.get(key) or g.currency.get(key.replace(" ", ""))


_LEADING_PUNCT = "([{“\"‘'—–-"


def _look_back(g: NumberGrammar, text: str, pos: int, floor: int):
    """Currency prefix, range opener and qualifier just before ``pos``.

    Returns ``(currency_start, currency_surface, opener_start, opener, qual_start, qual)``
    with ``None`` for what is absent; nothing is read before ``floor``."""
    window_start = max(floor, pos - 60)
    toks = [(t.start(), t.end(), t.group()) for t in _NON_SPACE.finditer(text, window_start, pos)]
    cur_start = cur = None
    if toks and toks[-1][1] >= pos - 1:
        last = toks[-1]
        # "US$50", "US$ 50", "c $ 16.4", "RMB 1"
        head = last[2].lstrip(_LEADING_PUNCT)
        cands = [(last[1] - len(head), head)]
        if len(toks) > 1 and toks[-2][1] == last[0] - 1:
            cands.insert(0, (toks[-2][0], toks[-2][2] + " " + last[2]))
        for start, surface in cands:
            if g.currency_prefix(surface):
                cur_start, cur = start, surface
                break
        if cur is not None:
            toks = [t for t in toks if t[1] <= cur_start]
    edge = cur_start if cur is not None else pos
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
    qual_start = qual = None
    last_word = qual_toks[-1][2].lower() if qual_toks else ""
    if last_word not in g.qual_last_words and last_word.lstrip(_LEADING_PUNCT) not in g.qual_last_words:
        return cur_start, cur, opener_start, opener, qual_start, qual
    for n in (4, 3, 2, 1):
        if len(qual_toks) < n:
            continue
        words = [t[2] for t in qual_toks[-n:]]
        first = words[0].lstrip(_LEADING_PUNCT)
        phrase = " ".join([first] + words[1:]).lower()
        if phrase in g.qual_before and not any(ch in "".join(words[:-1]) for ch in ",;.:"):
            qual_start, qual = qual_toks[-n][1] - len(first), phrase
            break
    return cur_start, cur, opener_start, opener, qual_start, qual


def _build(g: NumberGrammar, m: re.Match, floor: int) -> Optional[NumberMatch]:
    text = m.string
    if m.group("mult"):
        word = m.group("mult").lower()
        return NumberMatch(
            text=m.group(0),
            start=m.start(),
            end=m.end(),  # "doubled"
            value=float(g.lex["multiplier_words"][word]),
            kind="multiplier",
            num_start=m.start(),
            num_end=m.end(),
            is_word=True,
        )
    value, info = g.value_of(m, 1)
    if value is None:
        return None
    cur_start, cur_surface, opener_start, opener, qual_start, qual = _look_back(g, text, m.start(), floor)
    qualifier = g.qual_before.get(qual or "", "exact")
    kind, unit, factor = "count", None, 1.0
    cur = _currency(g, cur_surface or m.group("suf1") or m.group("pre2") or m.group("suf2"))
    pct = m.group("pct1") or m.group("pct2")
    if cur is not None:
        kind, unit, factor = "money", cur.iso, cur.factor
    elif pct:
        kind = "percent"
        unit = "percentage_point" if "point" in pct.lower() else "percent"
    if info["abbr"] in g.lex["abbreviations_needing_currency"] and cur is None:
        return None
    times = m.group("times1") or m.group("times2")
    value_max = None
    num_start = cur_start if cur_start is not None else m.start()
    start, end = num_start, m.end()
    if m.group("num2"):
        second, info2 = g.value_of(m, 2)
        join = m.group("rjoin").strip().lower()
        kind1 = (
            "money"
            if (cur_surface or m.group("suf1"))
            else "percent"
            if m.group("pct1")
            else "times"
            if m.group("times1")
            else None
        )
        kind2 = (
            "money"
            if (m.group("pre2") or m.group("suf2"))
            else "percent"
            if m.group("pct2")
            else "times"
            if m.group("times2")
            else None
        )
        if (
            second is None
            or second <= value
            or (join == "and" and opener != "between")
            or (opener == "between" and join not in ("and", "-", "–", "—"))
            or (kind1 is not None and kind1 != kind2)
            or info["fraction"]
            or info2["fraction"]
        ):
            # not a range after all: keep the first number only
            end = m.end("num1")
            for grp in ("pct1", "suf1", "times1"):
                if m.group(grp):
                    end = m.end(grp)
            times = m.group("times1")
            cur = _currency(g, cur_surface or m.group("suf1"))
            kind, unit, factor = "count", None, 1.0
            if cur is not None:
                kind, unit, factor = "money", cur.iso, cur.factor
            elif m.group("pct1"):
                kind = "percent"
                unit = "percentage_point" if "point" in m.group("pct1").lower() else "percent"
            opener = None
        else:
            # "3 to 5 million": the scale of the second number applies to the first
            mag2 = m.group("mag2") or m.group("abbr2") or m.group("sabbr2")
            if (
                mag2
                and not (m.group("mag1") or m.group("abbr1") or m.group("sabbr1"))
                and not info["is_word"]
                and not info2["is_word"]
            ):
                scaled = (
                    g.word_value(f"{m.group('num1')} {mag2}") if m.group("mag2") else value * g.abbr[mag2]
                )
                value = scaled if scaled is not None and scaled < second else value
            value_max = second * factor
            qualifier = "range"
            info["plain"] = info["plain"] and info2["plain"]
            info["is_word"] = info["is_word"] and info2["is_word"]
    else:
        opener = None
    if opener:
        start = opener_start
    if qual and (qualifier != "range" or opener):
        start = min(start, qual_start)
    elif qualifier == "range" and qual:
        start = min(start, qual_start)
    qafter = m.group("qafter")
    if qafter and m.end() == end:
        key = qafter.strip().lower()
        if qualifier in ("exact", "about") and key in g.qual_after:
            if qualifier == "about":
                start = num_start
            qualifier = g.qual_after[key]
        else:
            end = m.start("qafter")
    nm = NumberMatch(
        text=text[start:end],
        start=start,
        end=end,
        value=value * factor,
        value_max=value_max,
        qualifier=qualifier,
        kind=kind,
        unit=unit,
    )
    nm.num_start = num_start
    nm.num_end = m.end("num2") if qualifier == "range" else m.end("num1")
    nm.value = _tidy(nm.value)
    nm.value_max = _tidy(nm.value_max)
    nm.is_word = info["is_word"]
    nm.is_plain_integer = info["plain"] and nm.kind == "count" and not times
    nm.vague = info["vague"]
    nm.fraction = info["fraction"]
    nm.times = bool(times)
    if nm.vague and nm.qualifier == "exact":
        nm.qualifier = "more_than"
    return nm


def _tidy(value: Optional[float]) -> Optional[float]:
    """Round away binary noise (16.4 * 1e6 → 16400000.0)."""
    return None if value is None else float(f"{value:.12g}")


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number expression in ``text``, left to right, not overlapping."""
    g = grammar()
    out: list[NumberMatch] = []
    last = 0
    for a in g.anchor.finditer(text):
        if a.start() < last:
            continue
        m = g.regex.match(text, a.start())
        if m is None:
            continue
        nm = _build(g, m, last)
        if nm is not None:
            out.append(nm)
            last = nm.end
        else:
            last = a.end()
    return out


def parse_number(text: str) -> Optional[float]:
    """The value of one number expression, or None (``"2.8 billion"`` → 2.8e9)."""
    found = find_numbers(text)
    return found[0].value if found else None
