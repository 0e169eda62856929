"""The number grammar: one compiled regex built from data, and the value of a number.

Built once from ``patterns/figures_lexicon.json`` (number words, scales, fractions,
multipliers, qualifiers) and ``patterns/currencies.tsv`` (currency surfaces with ISO 4217
codes). :mod:`pipeline.figures.numbers` runs it over a text.

>>> grammar().word_value("twenty-one thousand and twelve")
21012.0

Two regexes come out of the same builder: ``regex``, which also reads digits grouped by
spaces ("10 000") and word numbers continued after a comma ("three million, two hundred
& forty"), and ``strict``, which reads neither; :mod:`pipeline.figures.numbers` falls
back on ``strict`` where those readings would join two numbers.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from pipeline.figures.words import alternation, can_start, trie
from pipeline.patterns import read_json, read_tsv

LEXICON_FILE = "figures_lexicon.json"
CURRENCIES_FILE = "currencies.tsv"

# compiled once: the normalizer runs them on every number
_AND_A_FRACTION = re.compile(r"(.+?)\s+and\s+(?:an?|one)\s+(half|quarter|third|fourth|fifth)")
_FRACTION_OF = re.compile(r"(half|quarter)\s+an?\s+(.+)")
_NUMBER_TOKENS = re.compile(r"\d*\.\d+|\d+|[a-z]+")
_VAGUE = re.compile(r"(?:tens\s+of\s+)?(?:dozens|scores|hundreds|thousands|millions|billions)\b")
_LETTERS = re.compile(r"[a-z]+")
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_BIG = ("thousand", "million", "billion", "trillion")  # a comma may follow these in a word number


@dataclass(frozen=True)
class Currency:
    surface: str
    iso: Optional[str]
    position: str
    factor: float


@dataclass(slots=True)  # one per number: slots make it cheap
class NumberForm:
    """How one number of a match is written (see :meth:`NumberGrammar.value_of`)."""

    is_word: bool  # no digit in it
    vague: bool  # "hundreds of"
    fraction: bool  # "one-third", "half"
    plain: bool  # digits only: a candidate year or code
    abbr: Optional[str]  # the scale abbreviation ("bn", "m") after the digits


@functools.lru_cache(maxsize=None)
def number_lexicon(name: str = LEXICON_FILE) -> dict:
    """The figures lexicon (``patterns/figures_lexicon.json``), parsed once."""
    return read_json(name)


@functools.lru_cache(maxsize=None)
def currencies(name: str = CURRENCIES_FILE) -> dict[str, Currency]:
    """Currency surfaces (lower case) of ``patterns/currencies.tsv``."""
    table = {}
    for surface, iso, position, factor in read_tsv(name):
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
        self.separators = "".join(lex["digit_group_separators"])
        self.signs = "".join(lex["sign_characters"])
        self.sign_words = set(lex["sign_words"])
        self.articles = set(lex["articles_before_currency"])
        self.regex = re.compile(self._pattern(loose=True))
        self.strict = re.compile(self._pattern(loose=False))
        self._groups = re.compile(rf"(?<=\d)[{re.escape(self.separators)}](?=\d{{3}})")
        # a day after a month, a page or section number is never the first digit group
        self.no_groups_after = set(lex["months"]) | set(lex["reference_words"])
        # the same number strings ("2", "10", "a dozen") come back in every article
        self.word_value = functools.lru_cache(maxsize=4096)(self._word_value)

    # -- the grammar -------------------------------------------------------------------
    def _pattern(self, loose: bool) -> str:
        """The whole grammar (``loose``: with space-grouped digits and comma-joined word
        numbers); sets ``self.anchor`` and ``self.prefixes`` too."""
        lex = self.lex
        mag_words = [m for m in lex["magnitudes"] if not m.endswith("s")]
        mags = can_start(mag_words) + f"(?:{alternation(mag_words)})"
        all_mags = can_start(lex["magnitudes"]) + f"(?:{alternation(lex['magnitudes'])})"
        pre, suf = self._currency_patterns()
        core = self._core(mags, all_mags, suf, loose)
        mults = alternation(lex["multiplier_words"])
        after = "|".join(
            rf"\s+{re.escape(q)}(?![\w])" if q[0].isalpha() else re.escape(q)
            for q in sorted(self.qual_after, key=len, reverse=True)
        )
        # matched at an anchor; qualifier, "between"/"from" and a currency prefix before
        # the number are read backwards by numbers._look_back (a regex tried at every
        # position of the text would cost more than the parser)
        pattern = (
            core.replace("§", "1")
            + r"(?:(?P<rjoin>\s*[-–—~]\s*|\s+(?i:to|and|through)\s+)"
            + rf"(?:(?<=\s)(?P<sign2>[{re.escape(self.signs)}])(?=[\d.]))?"
            + rf"(?:(?P<pre2>{pre})\s?)?"
            + core.replace("§", "2").replace(r"(?<!\w-)", "")
            + ")?"
            + rf"(?P<qafter>(?i:{after}))?"
            + rf"|(?P<mult>(?i:{mults}))"
        )
        self.anchor = self._anchor(mags)
        self.prefixes = sorted(
            {c.surface for c in self.currency.values() if c.position != "suffix"}, key=len, reverse=True
        )
        return pattern

    def _word_number(self, mags: str, all_mags: str, loose: bool) -> str:
        """Spelled numbers: "twenty-one", "a hundred and five", "two hundred & forty",
        "two million"; ``loose``: "three million, two hundred" too."""
        lex = self.lex
        units = alternation(lex["units"])
        tens = alternation(lex["tens"])
        atom_words = list(lex["units"]) + list(lex["tens"]) + list(lex["magnitudes"]) + ["dozen"]
        word_atom = (
            rf"{can_start(atom_words)}"
            rf"(?:(?:{tens})(?:\s*-\s*|\s+)(?:{units})|{tens}|{units}|{mags}|dozen(?![\w])"
            rf"|(?<=\s)(?:{all_mags}|dozens))"
        )
        after_mag = "|".join(rf"(?<={m})" for m in ("hundred",) + _BIG)
        comma = "|".join(rf"(?<={m})" for m in _BIG)
        comma = rf"(?:{comma}),\s+(?!and\b)|" if loose else ""
        # possessive "*+": a run of number words is read once; giving words back could not
        # help a match (each word reads two ways, so backtracking took exponential time
        # on "two million two million ..." where a fraction was tried first)
        return (
            rf"(?:(?<![\w-])an?\s+(?=(?:{mags}|dozen)\b))?{word_atom}"
            rf"(?:(?:{comma}(?:{after_mag})\s+(?:and|&)\s+|\s*-\s*|\s+)(?:{word_atom}))*+"
        )

    def _core(self, mags: str, all_mags: str, suf: str, loose: bool) -> str:
        """One number with its scale, percent sign, currency suffix or "times"; ``§``
        stands for the number of the core (1, or 2 after a range joiner)."""
        lex = self.lex
        word_num = self._word_number(mags, all_mags, loose)
        fracs = can_start(lex["fractions"]) + f"(?:{alternation(lex['fractions'])})"
        fraction = (
            rf"(?:(?:(?:{word_num})|(?<![\w-])an?|\d+)(?:\s*-\s*|\s+))?(?:{fracs})"
            rf"(?:\s+(?:{mags}))?"
        )
        half_of = rf"(?<![\w-])(?:half|quarter)\s+an?\s+(?:{mags}|dozen)(?![\w])"
        and_half = r"(?:\s+and\s+an?\s+(?:half|quarter|third|fourth|fifth)(?![\w]))"
        # "10 000", "1\u202f234": the first group has no leading zero, every other has 3 digits
        spaced = rf"[1-9]\d{{0,2}}(?:[{re.escape(self.separators)}]\d{{3}})+(?!\d)|" if loose else ""
        digits = rf"(?<![\w.,])(?<!\w-)(?:(?:\d{{1,3}}(?:,\d{{3}})+|{spaced}\d+)(?:\.\d+)?|\.\d+)"
        abbrs = "|".join(re.escape(a) for a in sorted(lex["scale_abbreviations"], key=len, reverse=True))
        digit_num = (
            rf"{digits}(?:(?P<abbr§>{abbrs})(?![A-Za-z0-9])|(?![A-Za-z0-9]|\.\d)"
            rf"(?:\s*-?\s*(?P<mag§>(?:{all_mags}|dozens?)(?:\s+(?:{mags}))*)"
            rf"|\s(?P<sabbr§>bn|mln|bln|tln|trn|tn|mn)(?![\w]))?)"
        )
        vague = (
            rf"(?<![\w-])(?:tens\s+of\s+)?(?:{alternation(lex['vague'])})"
            rf"(?:\s+of\s+(?:thousands|millions|billions))*(?![\w])"
        )
        pct = (
            r"%|(?i:(?:percentage|percent|per\s*cent|pct)\s+points?(?![\w])"
            r"|percent(?:s|age)?(?![\w])|per\s*cent(?![\w])|pct(?![\w]))"
        )
        # word forms are case-insensitive, digits and abbreviations are not
        return (
            rf"(?P<num§>(?i:{half_of}|{vague}|{fraction}|{word_num}{and_half}?"
            rf"(?![\w]))|{digit_num}{and_half}?)"
            rf"(?:\s*(?P<pct§>{pct})|\s*-?\s*(?P<suf§>{suf})"
            rf"|(?P<times§>(?i:\s+times|\s*-?\s*fold))(?![\w]))?"
        )

    def _currency_patterns(self) -> tuple[str, str]:
        """Currencies before and after a number. ISO codes and "RMB" are case-sensitive
        (never "try", "aud"), words are not."""
        prefixes = [c.surface for c in self.currency.values() if c.position != "suffix"]
        suffixes = [c.surface for c in self.currency.values() if c.position != "prefix"]

        def code(s: str) -> bool:
            return s.isupper() and s.isalpha() and s not in self.any_case

        pre = (
            rf"{can_start(prefixes)}(?:{alternation([s for s in prefixes if code(s)])}"
            rf"|(?i:{alternation([s for s in prefixes if not code(s)])}))"
        )
        suf = (
            rf"{can_start(suffixes)}(?:{alternation([s for s in suffixes if code(s)])}"
            rf"|(?i:{alternation([s for s in suffixes if not code(s)])}))"
        )
        return pre, suf

    def _anchor(self, mags: str) -> re.Pattern:
        """Where a number can start: a digit or a number word, where no word character
        stands before (that test comes first, once, as it fails at most positions)."""
        lex = self.lex
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
        return re.compile(
            rf"(?<![\w])(?:(?<![.,])\.?\d|(?=[{first}{first.upper()}])"
            rf"(?i:an?\s+(?=(?:{mags}|dozen|{alternation(lex['fractions'])})(?![\w]))"
            rf"|{trie(set(words))}(?![\w])))"
        )

    def currency_prefix(self, surface: str) -> bool:
        cur = currency_of(self, surface)
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
        low = self._groups.sub("", text.lower()).replace(",", "")
        m = _AND_A_FRACTION.fullmatch(low)
        if m:
            whole = self.word_value(m.group(1))
            return None if whole is None else whole + 1 / self.fractions[m.group(2)]
        m = _FRACTION_OF.fullmatch(low)
        if m:
            rest = self.word_value(m.group(2))
            return None if rest is None else rest / self.fractions[m.group(1)]
        return self._sum_tokens(_NUMBER_TOKENS.findall(low))

    def _sum_tokens(self, tokens: list[str]) -> Optional[float]:
        """The value of the words and digits of a number, read left to right."""
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

    def grouped(self, num: str) -> bool:
        """Are there digits grouped by spaces in ``num`` ("10 000")?"""
        return self._groups.search(num) is not None

    def well_formed(self, num: str) -> bool:
        """A word number continued after a comma is one number only when each part after
        a comma has a scale smaller than the scale the comma follows: "three million, two
        hundred & forty" is one; "three million, two of them", "a thousand, two thousand"
        are not."""
        parts = num.lower().split(",")
        for before, after in zip(parts, parts[1:]):
            words = _LETTERS.findall(before)
            scales = [self.magnitudes[w] for w in _LETTERS.findall(after) if w in self.magnitudes]
            if not words or words[-1] not in self.magnitudes or not scales:
                return False
            if max(scales) >= self.magnitudes[words[-1]]:
                return False
        return True

    def value_of(self, m: re.Match, i: int) -> tuple[Optional[float], NumberForm]:
        """Value and form of core ``i`` (1 or 2) of a match."""
        num = m.group(f"num{i}")
        abbr = m.group(f"abbr{i}") or m.group(f"sabbr{i}")
        is_word = not any(ch.isdigit() for ch in num)
        if abbr:
            num = num[: num.rfind(abbr)] if num.endswith(abbr) else num
            base = self.word_value(num)
            value = None if base is None else base * self.abbr[abbr]
        else:
            value = self.word_value(num)
        low = num.lower()
        form = NumberForm(
            is_word=is_word,
            vague=bool(_VAGUE.match(low)),
            fraction=any(w in self.fractions for w in _LETTERS.findall(low)),
            plain=bool(_DIGITS.fullmatch(num)),
            abbr=abbr,
        )
        return value, form


@functools.lru_cache(maxsize=None)
def grammar(lexicon_file: str = LEXICON_FILE, currencies_file: str = CURRENCIES_FILE) -> NumberGrammar:
    """The number grammar of these data files, compiled once."""
    return NumberGrammar(number_lexicon(lexicon_file), currencies(currencies_file))


@functools.lru_cache(maxsize=4096)  # asked about the word before every number
def currency_of(g: NumberGrammar, surface: Optional[str]) -> Optional[Currency]:
    """The currency a surface ("US$", "yuan", "RMB") names, or None."""
    if not surface:
        return None
    key = _SPACES.sub(" ", surface.lower()).replace(" $", "$")
    return g.currency.get(key) or g.currency.get(key.replace(" ", ""))
