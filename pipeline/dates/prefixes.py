"""Which families of the date grammar can start at a position of the text.

Tried at every start of every trigger, most families of the master alternation
(:func:`pipeline.dates.grammar.master_pattern`) fail there, and each failing ``match``
call still costs about a microsecond. :class:`FamilyIndex` reads from each family's
parsed regex the first few characters a match can start with, and tries at a position
only the families whose prefixes fit the text there: the same first match as the
alternation, at a fraction of the cost.
"""

from __future__ import annotations

import re
from typing import Optional

try:  # the regex parser, to read where a family can start
    from re import _constants as _sre_constants
    from re import _parser as _sre_parser
except ImportError:  # Python < 3.11
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

# ``_PREFIX_LEN`` characters tell "the future" ("the f") from "the year" ("the y");
# digits, cases and whitespace are folded so the sets stay small.
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


class FamilyIndex:
    """The families of a master alternation, each compiled alone with the folded prefixes
    a match can start with (see :func:`_start_prefixes`) and every beginning of those.
    Matching the families in order at a position gives what the alternation gives
    (nothing follows it), and skipping those that cannot start there saves trying every
    family at every start."""

    def __init__(self, master: str):
        families = []
        for part in _top_level_branches(master):
            ended, open_ = _start_prefixes(_sre_parser.parse(part), _PREFIX_LEN)
            prefixes = frozenset(ended | open_)
            beginnings = frozenset(p[:j] for p in prefixes for j in range(len(p) + 1))
            families.append((re.compile(part), prefixes, beginnings))
        self._families: tuple[tuple[re.Pattern, frozenset, frozenset], ...] = tuple(families)
        self._by_prefix: dict[str, tuple[re.Pattern, ...]] = {}

    def families_at(self, text: str, start: int) -> tuple[re.Pattern, ...]:
        """The families that can start at ``start``, by the folded text there (cached)."""
        key = text[start : start + _PREFIX_LEN]
        if key.isascii():
            key = key.lower().translate(_FOLD)
        else:  # up to the first non-ASCII character
            key = "".join(_fold(ch) for ch in key[: next(j for j, ch in enumerate(key) if not ch.isascii())])
        families = self._by_prefix.get(key)
        if families is None:
            if len(key) == _PREFIX_LEN:
                families = tuple(
                    rx
                    for rx, prefixes, _ in self._families
                    if any(key[:j] in prefixes for j in range(len(key) + 1))
                )
            else:  # cut short by the end of the text or a non-ASCII character
                families = tuple(
                    rx
                    for rx, prefixes, beginnings in self._families
                    if key in beginnings or any(key[:j] in prefixes for j in range(len(key)))
                )
            self._by_prefix[key] = families
        return families

    def match(self, text: str, start: int) -> Optional[re.Match]:
        """``master.match(text, start)``, trying only the families that can start with the
        text there."""
        for rx in self.families_at(text, start):
            m = rx.match(text, start)
            if m is not None:
                return m
        return None
