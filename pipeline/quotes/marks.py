"""Pairing quotation marks: which marks open and close a quotation.

Curly, straight and guillemet double marks pair with each other; a quotation may run
over paragraphs in the news convention (an opening mark at the start of each new
paragraph, the closing mark only at the end). Single marks pair only outside double
quotations and only where they look like marks rather than apostrophes (``China’s``,
``Leaders’ Meeting``). Unbalanced marks give a warning; they never shift the pairing of
the marks after them, and a lone opening mark never swallows the text after it: its
quotation runs to the end of its first sentence (``unclosed``), never past the next mark
or the paragraph's end, and it goes on into the next paragraph only when its paragraph
ends a sentence (a mark left at a paragraph's end opens nothing).

>>> [(p.start, p.end) for p in pair_quotes('He said: “We are ready.” ')[0]]
[(10, 23)]
>>> pair_quotes("the Leaders’ Meeting in Lima")[0]
[]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„‟«"
DOUBLE_CLOSE = "”»"
DOUBLE_EITHER = '"'
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
SINGLE_EITHER = "'"
_MARKS = re.compile(r"[“”„‟«»\"‘’‹›']")
_PARAGRAPH = re.compile(r"\n\s*")
_CLOSE_FOLLOW = set(" \t\r\n.,;:!?)]}—–-…") | set(DOUBLE_CLOSE) | set(SINGLE_CLOSE)
_OPEN_PRECEDE = set(" \t\r\n([{—–-/") | set(DOUBLE_OPEN) | set(SINGLE_OPEN)
MAX_SINGLE_CHARS = 400
_SENTENCE_END = re.compile(r"[.?!…](?=[\s\"”’]*(?:\s+[A-Z“\"‘(\d]|\s*$))")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Prof|Jr|Sr|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.)$"
)
_TERMINATED = (".", "?", "!", "…", ".”", '."', "?”", "!”")
MIN_UNCLOSED_WORDS = 3


@dataclass(frozen=True)
class QuotePair:
    """A quotation: ``open``/``close`` are the marks' offsets, ``start``/``end`` the
    content between them (for a multi-paragraph quotation, from the first opening mark
    to the final closing mark)."""

    open: int
    close: int  # the closing mark, or where an unclosed quotation's sentence ends
    paragraphs: int = 1
    single: bool = False
    unclosed: bool = False

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close


def _context(text: str, i: int) -> tuple[bool, bool]:
    """(looks like an opening mark, looks like a closing mark) from the neighbours."""
    left = text[i - 1] if i > 0 else " "
    right = text[i + 1] if i + 1 < len(text) else " "
    opens = left in _OPEN_PRECEDE and not right.isspace()
    closes = not left.isspace() and (right in _CLOSE_FOLLOW or right in DOUBLE_EITHER)
    return opens, closes


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _PARAGRAPH.finditer(text)]


def _paragraph_of(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def pair_quotes(text: str) -> tuple[list[QuotePair], list[str]]:
    """Quotation pairs in ``text`` (sorted) and warnings for unbalanced marks."""
    starts = _paragraph_starts(text)
    doubles, singles = [], []
    for m in _MARKS.finditer(text):
        ch, i = m.group(), m.start()
        opens, closes = _context(text, i)
        if ch in "«»„":  # never misused for each other
            role = "close" if ch == "»" else "open"
        elif ch in DOUBLE_OPEN:
            role = "close" if closes and not opens else "open"
        elif ch in DOUBLE_CLOSE:
            role = "open" if opens and not closes else "close"
        elif ch in DOUBLE_EITHER:
            role = "open" if opens and not closes else "close" if closes and not opens else "either"
        else:
            if ch in SINGLE_OPEN or ch in SINGLE_EITHER:
                if opens and (i + 1 < len(text) and text[i + 1].isalnum()):
                    singles.append((i, "open", ch))
                    continue
            if ch in SINGLE_CLOSE or ch in SINGLE_EITHER:
                if closes and not (i + 1 < len(text) and text[i + 1].isalpha()):
                    singles.append((i, "close", ch))
            continue
        doubles.append((i, role, _paragraph_of(starts, i)))
    pairs, warnings = _pair_doubles(text, doubles, starts)
    pairs += _pair_singles(text, singles, pairs, starts)
    pairs.sort(key=lambda p: p.open)
    return pairs, warnings


def _pair_doubles(text: str, marks: list, starts: list[int]) -> tuple[list[QuotePair], list[str]]:
    pairs: list[QuotePair] = []
    warnings: list[str] = []
    opened = None  # (offset, first paragraph, current paragraph)

    def unclosed(limit: int) -> None:
        warnings.append(f"unclosed quotation mark at {opened[0]}")
        recovered = _unclosed(text, opened[0], limit)
        if recovered is not None:
            pairs.append(recovered)

    for i, role, par in marks:
        if opened is not None and par != opened[2]:
            at_par_start = text[starts[par] : i].strip() == ""
            ended = text[max(opened[0] + 1, starts[opened[2]]) : starts[par]].rstrip().endswith(_TERMINATED)
            if par == opened[2] + 1 and at_par_start and role in ("open", "either") and ended:
                opened = (opened[0], opened[1], par)  # the quotation runs on
                continue
            unclosed(_paragraph_end(text, starts, opened[2]) if opened[1] == opened[2] else opened[0] + 1)
            opened = None
        if opened is None:
            if role == "close":
                warnings.append(f"closing quotation mark without an opening one at {i}")
            else:
                opened = (i, par, par)
            continue
        if role == "open":
            unclosed(i if opened[1] == opened[2] else opened[0] + 1)
            opened = (i, par, par)
            continue
        pairs.append(QuotePair(opened[0], i, paragraphs=opened[2] - opened[1] + 1))
        opened = None
    if opened is not None:
        unclosed(_paragraph_end(text, starts, opened[2]) if opened[1] == opened[2] else opened[0] + 1)
    return pairs, warnings


def _paragraph_end(text: str, starts: list[int], par: int) -> int:
    end = starts[par + 1] if par + 1 < len(starts) else len(text)
    return len(text[:end].rstrip())


def _unclosed(text: str, mark: int, limit: int) -> QuotePair | None:
    """The quotation of a lone opening mark at ``mark``: to the end of its first sentence
    before ``limit`` (the next mark or the paragraph's end), else to ``limit`` when that
    ends a sentence; None when too short to be speech."""
    start = mark + 1
    end = None
    for m in _SENTENCE_END.finditer(text, start, limit):
        if not _ABBREVIATION.search(text[max(start, m.start() - 6) : m.end()]):
            end = m.end()
            break
    if end is None:
        candidate = text[start:limit].rstrip()
        if not candidate.endswith(_TERMINATED) and limit < len(text.rstrip()):
            return None
        end = start + len(candidate)
    if len(text[start:end].split()) < MIN_UNCLOSED_WORDS:
        return None
    return QuotePair(mark, end, unclosed=True)


def _pair_singles(text: str, marks: list, doubles: list[QuotePair], starts: list[int]) -> list[QuotePair]:
    inside = [(p.open, p.close) for p in doubles]
    pairs = []
    opened = None
    for i, role, _ch in marks:
        if any(a < i < b for a, b in inside):
            continue
        if role == "open":
            opened = i
        elif opened is not None:
            same_par = _paragraph_of(starts, opened) == _paragraph_of(starts, i)
            if same_par and i - opened <= MAX_SINGLE_CHARS and i - opened > 1:
                pairs.append(QuotePair(opened, i, single=True))
            opened = None
    return pairs
