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
from typing import Optional

from pipeline.patterns import PATTERNS_DIR

try:  # the regex parser, to read where a family can start
    from re import _constants as _sre_constants
    from re import _parser as _sre_parser
except ImportError:  # Python < 3.11
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

from pipeline.figures.words import trie


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
    body = trie(phrases, flexible_spaces=True)
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
    month_any = rf"(?i:{trie(full)}|{trie(abbr)}\.?)"
    safe = [m for m in full if m not in ("march", "may")]
    month_bare = rf"(?i:{trie(safe)}|{trie(abbr)}\.)|March|May|MARCH|MAY"
    need_period = set(lex["weekday_abbreviations_need_period"])
    weekdays = "(?i:" + trie({w + ("." if w in need_period else "") for w in lex["weekdays"]}) + ")"
    number_words = [w for w in lex["numbers"]]
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    num = (
        r"(?P<num>(?:(?<![\w.,])\d+(?:\.\d+)?(?!\d)|(?i:(?:"
        + tens
        + r")[-\s](?:"
        + ones
        + r")|"
        + _alt(number_words + lex["vague_numbers"])[3:-1]
        + r"))(?:\s+(?i:and\s+a\s+half)(?=\s))?)"
    )
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
        "PART": "(?P<part>"
        + _alt([p for p in lex["parts_of_day"] if p not in ("tonight", "overnight")], "i")
        + ")",
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
        pattern = re.sub(r"\(\?P<(\w+)>", lambda m, i=i: f"(?P<k{i}_{m.group(1)}>", pattern)
        re.compile(pattern)  # fail early, naming the family
        parts.append(f"(?P<k{i}>{pattern})")
        families.append((kind, names))
    return re.compile("|".join(parts)), tuple(families)


# Families are chosen by the first few characters at a start: tried at every start of
# every trigger, most families fail there, and each failing ``match`` call still costs
# about a microsecond. ``_PREFIX_LEN`` characters tell "the future" ("the f") from "the
# year" ("the y"); digits, cases and whitespace are folded so the sets stay small.
_PREFIX_LEN = 6
_MAX_PREFIXES = 1000
_WHITESPACE = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"  # the ASCII characters ``\s`` matches
_FOLD = str.maketrans({**{c: " " for c in _WHITESPACE}, **{c: "0" for c in "0123456789"}})
_NON_ASCII = "\x80"  # stands for any non-ASCII character in a prefix


def _fold(ch: str) -> Optional[str]:
    """A character of the text as a prefix holds it: lower case, any digit ``0``, any
    whitespace a space; None for a non-ASCII one, which admits anything."""
    return ch.lower().translate(_FOLD) if ch.isascii() else None


def _fold_pattern(ch: str) -> Optional[str]:
    """A character of a pattern folded as :func:`_fold` folds the text. A non-ASCII one
    that no case change relates to an ASCII letter ("’", "–") can only match a non-ASCII
    character (where the text's prefix stops): ``_NON_ASCII``; None when it may also match
    an ASCII letter ("ſ" matches "s" case-insensitively), which admits anything."""
    if ch.isascii():
        return _fold(ch)
    if any(v.isascii() for v in ch.lower() + ch.upper() + ch.casefold()):
        return None
    return _NON_ASCII


@functools.lru_cache(maxsize=1)
def _family_patterns() -> tuple[tuple[re.Pattern, frozenset, frozenset], ...]:
    """Each family of the master alternation compiled alone, with the folded prefixes a
    match can start with (see :func:`_start_prefixes`) and every beginning of those.
    Matching the families in order at a position gives what the alternation gives
    (nothing follows it), and skipping those that cannot start there saves trying every
    family at every start."""
    master = master_pattern()[0].pattern
    out = []
    for part in _top_level_branches(master):
        ended, open_ = _start_prefixes(_sre_parser.parse(part), _PREFIX_LEN)
        prefixes = frozenset(ended | open_)
        beginnings = frozenset(p[:j] for p in prefixes for j in range(len(p) + 1))
        out.append((re.compile(part), prefixes, beginnings))
    return tuple(out)


def _top_level_branches(pattern: str) -> list[str]:
    """The ``(?P<kN>...)`` parts joined by ``|`` in :func:`master_pattern`."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a class: brackets and bars inside do not count
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


def _class_chars(items) -> Optional[set]:
    r"""The folded characters a ``[...]`` class (or ``\d``, ``\s``) matches; None: any."""
    c = _sre_constants
    chars: set = set()
    for op, av in items:
        if op is c.LITERAL:
            chars.add(_fold_pattern(chr(av)))
        elif op is c.RANGE:
            chars.update(_fold_pattern(chr(code)) for code in range(av[0], av[1] + 1))
        elif op is c.CATEGORY and av is c.CATEGORY_DIGIT:
            chars.add("0")
        elif op is c.CATEGORY and av is c.CATEGORY_SPACE:
            chars.add(" ")
        else:
            return None
    return None if None in chars else chars


def _start_prefixes(items, length: int) -> tuple[set, set]:
    r"""The folded text a match of the parsed ``items`` can start with, up to ``length``
    characters: (prefixes where the match may end, prefixes after which anything may
    follow). A superset: lookarounds are skipped, what cannot be told (``\w``, ``.``, a
    non-ASCII character) admits anything, and too many prefixes are cut shorter."""
    c = _sre_constants
    ended, open_ = {""}, set()
    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero width
        if op is c.LITERAL or op is c.IN:
            chars = {_fold_pattern(chr(av))} if op is c.LITERAL else _class_chars(av)
            node = (set(), {""}) if chars is None or None in chars else (chars, set())
        elif op is c.SUBPATTERN:
            node = _start_prefixes(av[3], length)
        elif op is c.BRANCH:
            node = (set(), set())
            for branch in av[1]:
                b_ended, b_open = _start_prefixes(branch, length)
                node[0].update(b_ended)
                node[1].update(b_open)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
            low, high, item = av
            once = _start_prefixes(item, length)
            node, copies = (set(), set()), ({""}, set())
            # beyond low + length copies, the extra ones add nothing within length characters
            for n in range(min(high, low + length) + 1):
                if n >= low:
                    node[0].update(copies[0])
                    node[1].update(copies[1])
                copies = _concat(copies, once, length)
        else:
            node = (set(), {""})  # anything
        ended, more = _concat((ended, set()), node, length)
        open_ |= more
        if not ended:
            break
    return _cut(ended, open_, length)


def _concat(first: tuple[set, set], second: tuple[set, set], length: int) -> tuple[set, set]:
    """Prefixes of ``first`` followed by ``second``; those reaching ``length`` stay open."""
    ended, open_ = set(), set(first[1])
    for a in first[0]:
        for b in second[0]:
            ab = a + b
            if len(ab) >= length:
                open_.add(ab[:length])
            else:
                ended.add(ab)
        for b in second[1]:
            open_.add((a + b)[:length])
    return _cut(ended, open_, length)


def _cut(ended: set, open_: set, length: int) -> tuple[set, set]:
    """At most ``_MAX_PREFIXES`` prefixes: cut them shorter (and open) until they fit."""
    while len(ended) + len(open_) > _MAX_PREFIXES and length > 0:
        length -= 1
        open_ = {p[:length] for p in open_ | ended}
        ended = set()
    return ended, open_


_FAMILIES_BY_PREFIX: dict[str, tuple[re.Pattern, ...]] = {}


def _families_at(text: str, start: int) -> tuple[re.Pattern, ...]:
    """The families that can start at ``start``, by the folded text there (cached)."""
    key = text[start : start + _PREFIX_LEN]
    if key.isascii():
        key = key.lower().translate(_FOLD)
    else:  # up to the first non-ASCII character
        key = "".join(_fold(ch) for ch in key[: next(j for j, ch in enumerate(key) if not ch.isascii())])
    families = _FAMILIES_BY_PREFIX.get(key)
    if families is None:
        if len(key) == _PREFIX_LEN:
            families = tuple(
                rx
                for rx, prefixes, _ in _family_patterns()
                if any(key[:j] in prefixes for j in range(len(key) + 1))
            )
        else:  # cut short by the end of the text or a non-ASCII character
            families = tuple(
                rx
                for rx, prefixes, beginnings in _family_patterns()
                if key in beginnings or any(key[:j] in prefixes for j in range(len(key)))
            )
        _FAMILIES_BY_PREFIX[key] = families
    return families


def _match_at(text: str, start: int) -> Optional[re.Match]:
    """``master_pattern()[0].match(text, start)``, trying only the families that can
    start with the text there."""
    for rx in _families_at(text, start):
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
    trig |= set(lex["unit_adjectives"]) | {
        "today",
        "yesterday",
        "tomorrow",
        "noon",
        "midnight",
        "a.m.",
        "p.m.",
        "am",
        "pm",
        "half",
        "q1",
        "q2",
        "q3",
        "q4",
    }
    trig |= {"fortnightly", "nightly", "nowadays"} | set(lex["decade_words"])
    trig |= {a for a in lex["unit_abbreviations"] if not a.startswith("_")}
    for phrase in list(lex["vague_refs"]) + list(lex["holidays"]):
        trig.add(phrase.split()[-1])
    trig |= {str(y) for y in range(1600, 2100)}
    prefix = {
        "the",
        "a",
        "an",
        "of",
        ",",
        "-",
        "–",
        "to",
        "and",
        "&",
        "every",
        "each",
        "other",
        "once",
        "twice",
        "thrice",
        "times",
        "per",
        "'",
        "’",
        "at",
        "up",
        "in",
        "right",
        "these",
        "near",
    }
    for key in (
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
    ):
        for phrase in lex[key]:
            prefix.update(phrase.split())
    prefix |= set(lex["months"]) | {m + "." for m in lex["months"]}
    prefix |= set(lex["weekdays"]) | {w + "." for w in lex["weekdays"]}
    prefix |= {
        "semi",
        "recent",
        "same",
        "that",
        "this",
        "following",
        "foreseeable",
        "distant",
        "new",
        "year",
        "'s",
        "christmas",
        "day",
        "valentine",
        "international",
        "women",
        "independence",
        "labour",
        "may",
    }
    return frozenset(trig), frozenset(prefix)
