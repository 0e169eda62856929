"""The candidate finder for temporal expressions: one compiled regex built from data.

``patterns/dates_grammar.tsv`` lists the expression families (``mdy``, ``year``,
``rel_unit``, ``duration``, ``set_every`` ...) in priority order; its ``{PLACEHOLDERS}``
are filled from ``patterns/dates_lexicon.json`` (months, weekdays, number words, units,
vague references ...). All families are joined into ONE alternation, so finding the
candidates of an article is a single left-to-right regex scan (fast, no per-token Python).
Each family's groups are renamed ``k<i>_<name>`` inside the master pattern;
:func:`find_candidates` gives them back under their plain names.

>>> [(c.kind, c.text) for c in find_candidates("Xi visited Brazil in November 2024.")]
[('my', 'November 2024')]
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

try:                                   # the regex parser, to read where a family can start
    from re import _constants as _sre_constants, _parser as _sre_parser
except ImportError:                    # Python < 3.11
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

from pipeline.numbers import _trie

PATTERNS_DIR = Path(__file__).resolve().parent / "patterns"


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    with open(PATTERNS_DIR / "dates_lexicon.json", encoding="utf-8") as fh:
        return json.load(fh)


def _alt(words, flags: str = "") -> str:
    """An alternation of ``words`` (the longest that fits first), spaces matching any
    whitespace. Written as a trie ("t(?:en|hree)"): ``re`` tries a flat alternation word
    by word, and these lists are tried at every candidate start."""
    phrases = {" ".join(w.split()) for w in words}
    if "i" in flags:
        phrases = {p.lower() for p in phrases}
    body = _trie(phrases, flexible_spaces=True)
    return f"(?{flags}:{body})" if flags else body


def _cap(word: str) -> str:
    return word[0].upper() + word[1:]


def _placeholders(lex: dict) -> dict[str, str]:
    months = lex["months"]
    full = [m for m in months if len(m) > 4 or m in ("may", "june", "july")]
    abbr = [m for m in months if m not in {"may", "june", "july"} and len(m) <= 4]
    # next to a number a month name is safe in any case ("april 22"); alone, "March" and
    # "May" must be capitalized (the verbs "march", "may")
    # full names before abbreviations, each list as a trie (see _alt)
    month_any = rf"(?i:{_trie(full)}|{_trie(abbr)}\.?)"
    safe = [m for m in full if m not in ("march", "may")]
    month_bare = rf"(?i:{_trie(safe)}|{_trie(abbr)}\.)|March|May|MARCH|MAY"
    need_period = set(lex["weekday_abbreviations_need_period"])
    weekdays = "(?i:" + _trie({w + ("." if w in need_period else "") for w in lex["weekdays"]}) + ")"
    number_words = [w for w in lex["numbers"]]
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    num = (r"(?P<num>(?:(?<![\w.,])\d+(?:\.\d+)?(?!\d)|(?i:(?:" + tens + r")[-\s](?:" + ones + r")|"
           + _alt(number_words + lex["vague_numbers"])[3:-1] + r"))(?:\s+(?i:and\s+a\s+half)(?=\s))?)")
    units = [u for u in lex["units"]]
    singular = [u for u in units if not u.endswith("s") and u not in ("centuries", "millennia")]
    pmod = _alt([m for m in lex["part_modifiers"]], "i")
    qmod = _alt([m for m in lex["quantity_modifiers"]], "i")
    guards = lex.get("vague_guards", {})
    cues = lex.get("vague_refs_need_cue", {})
    vague_parts = []
    for phrase in sorted(lex["vague_refs"], key=len, reverse=True):
        cue = cues.get(phrase, None)
        if cue == []:
            continue
        before, after = guards.get(phrase, ["", ""])
        body = r"\s+".join(re.escape(p) for p in phrase.split())
        body = f"(?i:{body})"
        if cue:
            looks = []
            for c in cue:
                for form in {c, _cap(c)}:
                    looks.append(rf"(?<=\b{re.escape(form)}\s)")
            body = "(?:" + "|".join(looks) + ")" + body
        vague_parts.append(before + body + after)
    vague = r"(?P<vague>" + "|".join(vague_parts) + r")(?![\w'’-])"
    holidays = _alt(lex["holidays"], "i")
    abbreviations = [a for a in lex["unit_abbreviations"] if not a.startswith("_")]
    cues = r"(?:" + "|".join(rf"(?<=\b{w}\s)|(?<=\b{_cap(w)}\s)" for w in lex["date_cue_words"]) + ")"
    return {
        "MONTHFULL": f"(?P<month>{month_bare})",
        "MONTH": f"(?P<month>{month_any})",
        "WEEKDAY": f"(?P<wd>{weekdays})",
        "DAY": r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d)(?!\d)",
        "DAY2": r"(?P<day2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)",
        "YEAR": r"(?P<year>1[6-9]\d\d|20\d\d)",
        "NUM": num,
        "UNIT": "(?P<unit>" + _alt(units, "i") + ")",
        "UNITSING": "(?P<unit>" + _alt(singular, "i") + ")",
        "PMOD": f"(?P<pmod>{pmod})",
        "QMOD": f"(?P<qmod>{qmod})",
        "SEASON": "(?P<season>" + _alt(lex["seasons"], "i") + ")",
        "PART": "(?P<part>" + _alt([p for p in lex["parts_of_day"] if p not in ("tonight", "overnight")], "i") + ")",
        "VAGUE": vague,
        "HOLIDAY": f"(?P<hol>{holidays})",
        "DAYW": "(?P<dayw>" + _alt([w for w in lex["ordinal_days"]], "i") + ")",
        "UNITABBR": "(?P<unit>" + _alt(abbreviations) + ")",
        "WHOLE": "(?P<whole>" + _alt(lex["whole_unit_words"], "i") + ")",
        "CUE": cues,
        "ORD": r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)",
    }


@dataclass(frozen=True)
class Candidate:
    kind: str
    start: int
    end: int
    text: str
    groups: dict


@functools.lru_cache(maxsize=1)
def master_pattern() -> tuple[re.Pattern, tuple[tuple[str, tuple[str, ...]], ...]]:
    """The compiled alternation of every family, and per family its kind and group names."""
    lex = lexicon()
    holes = _placeholders(lex)
    families = []
    parts = []
    lines = (PATTERNS_DIR / "dates_grammar.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        kind, pattern = line.split("\t", 1)
        pattern = re.sub(r"\{([A-Z0-9]+)\}", lambda m: holes[m.group(1)], pattern)
        i = len(families)
        names = tuple(dict.fromkeys(re.findall(r"\(\?P<(\w+)>", pattern)))
        pattern = re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<k{i}_{m.group(1)}>", pattern)
        re.compile(pattern)  # fail early, naming the family
        parts.append(f"(?P<k{i}>{pattern})")
        families.append((kind, names))
    return re.compile("|".join(parts)), tuple(families)


@functools.lru_cache(maxsize=1)
def _family_patterns() -> tuple[tuple[re.Pattern, Optional[frozenset]], ...]:
    """Each family of the master alternation compiled alone, with the ASCII characters a
    match can start with (None: any). Matching the families in order at a position gives
    what the alternation gives (nothing follows it), and skipping those that cannot start
    there saves trying every family at every start."""
    master = master_pattern()[0].pattern
    out = []
    for part in _top_level_branches(master):
        first, _ = _first_chars(_sre_parser.parse(part))
        out.append((re.compile(part), None if first is None else frozenset(first)))
    return tuple(out)


def _top_level_branches(pattern: str) -> list[str]:
    """The ``(?P<kN>...)`` parts joined by ``|`` in :func:`master_pattern`."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":                     # a class: brackets and bars inside do not count
            j = i + 1
            if j < len(pattern) and pattern[j] == "^":
                j += 1
            if j < len(pattern) and pattern[j] == "]":
                j += 1
            while pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            i = j + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _first_chars(items) -> tuple[Optional[set], bool]:
    """(characters a match of the parsed ``items`` can start with, or None for any;
    whether it can match the empty string). Letters in both cases: a superset is safe."""
    c = _sre_constants
    first: set = set()
    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue                      # zero width
        if op is c.LITERAL:
            ch = chr(av)
            return first | {ch, ch.lower(), ch.upper()}, False
        if op is c.IN:
            chars: set = set()
            for iop, iav in av:
                if iop is c.LITERAL:
                    chars |= {chr(iav), chr(iav).lower(), chr(iav).upper()}
                elif iop is c.RANGE:
                    for code in range(iav[0], iav[1] + 1):
                        chars |= {chr(code), chr(code).lower(), chr(code).upper()}
                elif iop is c.CATEGORY and iav is c.CATEGORY_DIGIT:
                    chars |= set("0123456789")
                else:
                    return None, False
            return first | chars, False
        if op is c.SUBPATTERN:
            sub, nullable = _first_chars(av[3])
        elif op is c.BRANCH:
            sub, nullable = set(), False
            for branch in av[1]:
                b, b_null = _first_chars(branch)
                if b is None:
                    return None, False
                sub |= b
                nullable = nullable or b_null
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
            sub, nullable = _first_chars(av[2])
            nullable = nullable or av[0] == 0
        else:
            return None, False
        if sub is None:
            return None, False
        first |= sub
        if not nullable:
            return first, False
    return first, True


_FAMILIES_BY_CHAR: dict[str, list[re.Pattern]] = {}


def _match_at(text: str, start: int) -> Optional[re.Match]:
    """``master_pattern()[0].match(text, start)``, trying only the families that can
    start with the character there (non-ASCII characters try every family)."""
    ch = text[start:start + 1]
    families = _FAMILIES_BY_CHAR.get(ch)
    if families is None:
        families = _FAMILIES_BY_CHAR[ch] = [rx for rx, first in _family_patterns()
                                if first is None or not ch.isascii() or not ch or ch in first]
    for rx in families:
        m = rx.match(text, start)
        if m is not None:
            return m
    return None


def _candidate(m: re.Match, families) -> Candidate:
    i = int(m.lastgroup[1:])
    kind, names = families[i]
    groups = {n: m.group(f"k{i}_{n}") for n in names}
    return Candidate(kind, m.start(), m.end(), m.group(), groups)


def find_candidates(text: str, tries: Optional[list[tuple[list[int], int]]] = None) -> list[Candidate]:
    """Candidate temporal expressions in ``text``, left to right, non-overlapping.

    Without ``tries`` the whole text is scanned (slow: for tests and short strings).
    With ``tries`` (from :func:`trigger_tries`), only the listed start offsets are tried:
    for each trigger, its possible starts left to right, keeping the first match that
    reaches the trigger."""
    pattern, families = master_pattern()
    if tries is None:
        pattern = _word_start_pattern()
        return [_candidate(m, families) for m in pattern.finditer(text) if m.end() > m.start()]
    out: list[Candidate] = []
    covered = -1
    for starts, trigger_at in tries:
        if trigger_at < covered:
            continue
        for start in starts:
            if start < covered:
                continue
            m = _match_at(text, start)
            if m is not None and m.end() > trigger_at:
                out.append(_candidate(m, families))
                covered = m.end()
                break
    return out


@functools.lru_cache(maxsize=1)
def _word_start_pattern() -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + master_pattern()[0].pattern + ")")


@functools.lru_cache(maxsize=1)
def trigger_words() -> tuple[frozenset, frozenset]:
    """Lower-case words that every expression contains one of (triggers), and the words
    that may stand before a trigger inside an expression (prefixes)."""
    lex = lexicon()
    trig = set(lex["months"]) | {m + "." for m in lex["months"]} | set(lex["weekdays"])
    trig |= {w + "." for w in lex["weekdays"]} | {w + "s" for w in lex["weekdays"]}
    trig |= set(lex["units"]) | set(lex["seasons"]) | set(lex["parts_of_day"])
    trig |= set(lex["unit_adjectives"]) | {"today", "yesterday", "tomorrow", "noon", "midnight",
                                           "a.m.", "p.m.", "am", "pm", "half", "q1", "q2", "q3", "q4"}
    trig |= {"fortnightly", "nightly", "nowadays"} | set(lex["decade_words"])
    trig |= {a for a in lex["unit_abbreviations"] if not a.startswith("_")}
    for phrase in list(lex["vague_refs"]) + list(lex["holidays"]):
        trig.add(phrase.split()[-1])
    trig |= {str(y) for y in range(1600, 2100)}
    prefix = {"the", "a", "an", "of", ",", "-", "–", "to", "and", "&", "every", "each", "other",
              "once", "twice", "thrice", "times", "per", "'", "’", "at", "up", "in", "right", "these", "near"}
    for key in ("numbers", "vague_numbers", "quantity_modifiers", "part_modifiers", "relative_words",
                "ordinals", "vague_refs", "holidays", "deictic_days", "ordinal_days", "whole_unit_words"):
        for phrase in lex[key]:
            prefix.update(phrase.split())
    prefix |= set(lex["months"]) | {m + "." for m in lex["months"]}
    prefix |= set(lex["weekdays"]) | {w + "." for w in lex["weekdays"]}
    prefix |= {"semi", "recent", "same", "that", "this", "following", "foreseeable", "distant", "new", "year", "'s",
               "christmas", "day", "valentine", "international", "women", "independence", "labour", "may"}
    return frozenset(trig), frozenset(prefix)
