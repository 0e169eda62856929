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
import re
from dataclasses import dataclass
from typing import Optional

from pipeline.dates.prefixes import FamilyIndex
from pipeline.figures.words import trie
from pipeline.patterns import read_json, read_tsv

LEXICON_FILE = "dates_lexicon.json"
GRAMMAR_FILE = "dates_grammar.tsv"


@functools.lru_cache(maxsize=None)
def date_lexicon(name: str = LEXICON_FILE) -> dict:
    """The dates lexicon (``patterns/dates_lexicon.json``), parsed once."""
    return read_json(name)


def _alt(words, flags: str = "") -> str:
    """An alternation of ``words`` (the longest that fits first), spaces matching any
    whitespace. Written as a trie ("t(?:en|hree)"): ``re`` tries a flat alternation word
    by word, and these lists are tried at every candidate start."""
    phrases = {" ".join(w.split()) for w in words}
    if "i" in flags:
        phrases = {p.lower() for p in phrases}
    body = trie(phrases, flexible_spaces=True)
    return f"(?{flags}:{body})" if flags else body


def _cap(word: str) -> str:
    return word[0].upper() + word[1:]


def _number_pattern(lex: dict, name: str = "num") -> str:
    """``{NUM}``: digits or number words ("twenty-five", "a few"), "and a half" after."""
    number_words = [w for w in lex["numbers"]]
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    return (
        rf"(?P<{name}>(?:(?<![\w.,])\d+(?:\.\d+)?(?!\d)|(?i:(?:"
        + tens
        + r")[-\s](?:"
        + ones
        + r")|"
        + _alt(number_words + lex["vague_numbers"])[3:-1]
        + r"))(?:\s+(?i:and\s+a\s+half)(?=\s))?)"
    )


def _vague_pattern(lex: dict) -> str:
    """``{VAGUE}``: vague references ("recently", "in the coming weeks"), some only after
    a cue word or inside guards the lexicon gives."""
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
    return r"(?P<vague>" + "|".join(vague_parts) + r")(?![\w'’-])"


def _placeholders(lex: dict) -> dict[str, str]:
    months = lex["months"]
    full = [m for m in months if len(m) > 4 or m in ("may", "june", "july")]
    abbr = [m for m in months if m not in {"may", "june", "july"} and len(m) <= 4]
    # next to a number a month name is safe in any case ("april 22"); alone, "March" and
    # "May" must be capitalized (the verbs "march", "may")
    # full names before abbreviations, each list as a trie (see _alt)
    month_any = rf"(?i:{trie(full)}|{trie(abbr)}\.?)"
    safe = [m for m in full if m not in ("march", "may")]
    month_bare = rf"(?i:{trie(safe)}|{trie(abbr)}\.)|March|May|MARCH|MAY"
    need_period = set(lex["weekday_abbreviations_need_period"])
    weekdays = "(?i:" + trie({w + ("." if w in need_period else "") for w in lex["weekdays"]}) + ")"
    units = [u for u in lex["units"]]
    singular = [u for u in units if not u.endswith("s") and u not in ("centuries", "millennia")]
    pmod = _alt([m for m in lex["part_modifiers"]], "i")
    qmod = _alt([m for m in lex["quantity_modifiers"]], "i")
    holidays = _alt(lex["holidays"], "i")
    abbreviations = [a for a in lex["unit_abbreviations"] if not a.startswith("_")]
    cues = _lookbehinds(lex["date_cue_words"])
    return {
        "MONTHFULL": f"(?P<month>{month_bare})",
        "MONTH": f"(?P<month>{month_any})",
        "WEEKDAY": f"(?P<wd>{weekdays})",
        "DAY": r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d)(?!\d)",
        "DAY2": r"(?P<day2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)",
        "YEAR": r"(?P<year>1[6-9]\d\d|20\d\d)",
        "NUM": _number_pattern(lex),
        "UNIT": "(?P<unit>" + _alt(units, "i") + ")",
        "UNITSING": "(?P<unit>" + _alt(singular, "i") + ")",
        "PMOD": f"(?P<pmod>{pmod})",
        "QMOD": f"(?P<qmod>{qmod})",
        "SEASON": "(?P<season>" + _alt(lex["seasons"], "i") + ")",
        "PART": "(?P<part>"
        + _alt([p for p in lex["parts_of_day"] if p not in ("tonight", "overnight")], "i")
        + ")",
        "VAGUE": _vague_pattern(lex),
        "HOLIDAY": f"(?P<hol>{holidays})",
        "DAYW": "(?P<dayw>" + _alt([w for w in lex["ordinal_days"]], "i") + ")",
        "UNITABBR": "(?P<unit>" + _alt(abbreviations) + ")",
        "WHOLE": "(?P<whole>" + _alt(lex["whole_unit_words"], "i") + ")",
        "CUE": cues,
        "DURCUE": _lookbehinds(lex["duration_cue_words"]),
        "ORD": r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)",
        "ORDW": _alt(lex["ordinal_days"], "i"),
        "MONTHNAME": month_any,
        "NUM1": _number_pattern(lex, "num1"),
        "CONTINUATION": _alt(lex["clause_continuations"]["words"], "i"),
    }


def _lookbehinds(words) -> str:
    """The position right after one of ``words`` (lower or capitalised) and a space."""
    return r"(?:" + "|".join(rf"(?<=\b{w}\s)|(?<=\b{_cap(w)}\s)" for w in words) + ")"


@dataclass(frozen=True)
class Candidate:
    kind: str
    start: int
    end: int
    text: str
    groups: dict


@functools.lru_cache(maxsize=None)
def master_pattern(
    grammar_file: str = GRAMMAR_FILE, lexicon_file: str = LEXICON_FILE
) -> tuple[re.Pattern, tuple[tuple[str, tuple[str, ...]], ...]]:
    """The compiled alternation of every family, and per family its kind and group names."""
    holes = _placeholders(date_lexicon(lexicon_file))
    families = []
    parts = []
    for row in read_tsv(grammar_file):
        kind, pattern = row[0], "\t".join(row[1:])
        pattern = re.sub(r"\{([A-Z0-9]+)\}", lambda m: holes[m.group(1)], pattern)
        i = len(families)
        names = tuple(dict.fromkeys(re.findall(r"\(\?P<(\w+)>", pattern)))
        pattern = re.sub(r"\(\?P<(\w+)>", lambda m, i=i: f"(?P<k{i}_{m.group(1)}>", pattern)
        re.compile(pattern)  # fail early, naming the family
        parts.append(f"(?P<k{i}>{pattern})")
        families.append((kind, names))
    return re.compile("|".join(parts)), tuple(families)


@functools.lru_cache(maxsize=None)
def family_index(grammar_file: str = GRAMMAR_FILE, lexicon_file: str = LEXICON_FILE) -> FamilyIndex:
    """The families of :func:`master_pattern`, indexed by how they can start."""
    return FamilyIndex(master_pattern(grammar_file, lexicon_file)[0].pattern)


def _match_at(text: str, start: int) -> Optional[re.Match]:
    """``master_pattern()[0].match(text, start)`` through :func:`family_index` (for tests)."""
    return family_index().match(text, start)


def _candidate(m: re.Match, families) -> Candidate:
    i = int(m.lastgroup[1:])
    kind, names = families[i]
    groups = {n: m.group(f"k{i}_{n}") for n in names}
    return Candidate(kind, m.start(), m.end(), m.group(), groups)


def find_candidates(
    text: str,
    tries: Optional[list[tuple[list[int], int]]] = None,
    grammar_file: str = GRAMMAR_FILE,
    lexicon_file: str = LEXICON_FILE,
) -> list[Candidate]:
    """Candidate temporal expressions in ``text``, left to right, non-overlapping.

    Without ``tries`` the whole text is scanned (slow: for tests and short strings).
    With ``tries`` (from the component's trigger tokens), only the listed start offsets
    are tried: for each trigger, its possible starts left to right, keeping the first
    match that reaches the trigger."""
    pattern, families = master_pattern(grammar_file, lexicon_file)
    if tries is None:
        pattern = _word_start_pattern(grammar_file, lexicon_file)
        return [_candidate(m, families) for m in pattern.finditer(text) if m.end() > m.start()]
    match_at = family_index(grammar_file, lexicon_file).match
    out: list[Candidate] = []
    covered = -1
    for starts, trigger_at in tries:
        if trigger_at < covered:
            continue
        for start in starts:
            if start < covered:
                continue
            m = match_at(text, start)
            if m is not None and m.end() > trigger_at:
                out.append(_candidate(m, families))
                covered = m.end()
                break
    return out


@functools.lru_cache(maxsize=None)
def _word_start_pattern(grammar_file: str, lexicon_file: str) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + master_pattern(grammar_file, lexicon_file)[0].pattern + ")")


# words that make or open an expression beyond the lexicon's tables
_TRIGGER_WORDS = frozenset(
    {"today", "yesterday", "tomorrow", "noon", "midnight", "a.m.", "p.m.", "am", "pm", "half"}
    | {"q1", "q2", "q3", "q4", "fortnightly", "nightly", "nowadays", "time", "season", "period"}
    | {"bi-weekly", "bi-monthly", "bi-annually"}
)
_PREFIX_WORDS = frozenset(
    {"the", "a", "an", "of", ",", "-", "–", "to", "and", "&", "every", "each", "other", "once", "twice"}
    | {"thrice", "times", "per", "'", "’", "at", "up", "in", "right", "these", "near"}
    | {"semi", "recent", "same", "that", "this", "following", "foreseeable", "distant", "new", "year"}
    | {"'s", "christmas", "day", "valentine", "international", "women", "independence", "labour", "may"}
    | {"fiscal", "financial", "fy", "or", "its", "their", "latest", "most", "year-earlier", "year-ago"}
    | {"prior-year", "year-before", "calendar", "month", "week"}
)
# the lexicon tables whose phrases' words may stand before a trigger
_PREFIX_TABLES = (
    "numbers",
    "vague_numbers",
    "quantity_modifiers",
    "part_modifiers",
    "relative_words",
    "ordinals",
    "vague_refs",
    "holidays",
    "deictic_days",
    "ordinal_days",
    "whole_unit_words",
)


@functools.lru_cache(maxsize=None)
def trigger_words(lexicon_file: str = LEXICON_FILE) -> tuple[frozenset, frozenset]:
    """Lower-case words that every expression contains one of (triggers), and the words
    that may stand before a trigger inside an expression (prefixes)."""
    lex = date_lexicon(lexicon_file)
    months = set(lex["months"]) | {m + "." for m in lex["months"]}
    weekdays = set(lex["weekdays"]) | {w + "." for w in lex["weekdays"]}
    trig = months | weekdays | {w + "s" for w in lex["weekdays"]} | _TRIGGER_WORDS
    trig |= set(lex["units"]) | set(lex["seasons"]) | set(lex["parts_of_day"])
    trig |= set(lex["unit_adjectives"]) | set(lex["decade_words"])
    trig |= {a for a in lex["unit_abbreviations"] if not a.startswith("_")}
    for phrase in list(lex["vague_refs"]) + list(lex["holidays"]):
        trig.add(phrase.split()[-1])
    trig |= {str(y) for y in range(1600, 2100)}
    prefix = set(_PREFIX_WORDS) | months | weekdays
    for key in _PREFIX_TABLES:
        for phrase in lex[key]:
            prefix.update(phrase.split())
    return frozenset(trig), frozenset(prefix)
