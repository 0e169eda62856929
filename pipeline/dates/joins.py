"""Steps between finding candidates and valuing them, where one expression reads another.

* :func:`share_range_years` — "Nov 18 to Dec 19, 2015", "from May to October 2020": the
  year written once at the end of a range belongs to both ends (TimeML keeps two TIMEX3s).
* :func:`join_compounds` — "two years and three months" is ONE duration (P2Y3M), "1 month
  21 days ago" one date.
* :func:`anchor_quoted_deictics` — "today" inside a quotation was said on the story day: when
  the lead dates the story a day or two before publication ("signed ... on Wednesday",
  published Thursday), a quoted "today"/"yesterday"/"tomorrow" counts from that day.

>>> from pipeline.dates.grammar import find_candidates
>>> text = "It ran from Nov 18 to Dec 19, 2015."
>>> [c.groups.get("year") for c in share_range_years(find_candidates(text), text)]
['2015', '2015']
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Optional

from pipeline.dates.grammar import Candidate, date_lexicon

_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|until|till|through|thru|and)\s*$", re.I)
_COMPOUND_GAP = re.compile(r"\s*,?\s*(?:and\s+)?$", re.I)
_OPEN_YEAR_KINDS = {"mdy", "dmy", "month"}


def _month_of(c: Candidate) -> Optional[int]:
    if c.groups.get("month"):
        return date_lexicon()["months"].get(c.groups["month"].lower().rstrip("."))
    return None


def share_range_years(candidates: list[Candidate], text: str) -> list[Candidate]:
    out = list(candidates)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind not in _OPEN_YEAR_KINDS or a.groups.get("year") or not b.groups.get("year"):
            continue
        if b.kind not in ("mdy", "dmy", "my") or not _RANGE_GAP.fullmatch(text[a.end : b.start]):
            continue
        ma, mb = _month_of(a), _month_of(b)
        if ma is None or mb is None:
            continue
        year = str(int(b.groups["year"]) - (1 if ma > mb else 0))
        groups = dict(a.groups, year=year)
        out[i] = replace(a, kind="my" if a.kind == "month" else a.kind, groups=groups)
    return out


def join_compounds(candidates: list[Candidate], text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for c in candidates:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind in ("duration", "dur_multi")
            and c.kind in ("duration", "ago")
            and _COMPOUND_GAP.fullmatch(text[prev.end : c.start])
            and "\n" not in text[prev.end : c.start]
        ):
            parts = list(prev.groups.get("parts") or [(prev.groups["num"], prev.groups["unit"])])
            units = {u.lower().rstrip("s") for _, u in parts}
            if (
                c.groups["unit"].lower().rstrip("s") not in units
                and not c.groups.get("qmod")
                and not prev.groups.get("half")
                and not c.groups.get("half")
            ):
                parts.append((c.groups["num"], c.groups["unit"]))
                kind = "ago_multi" if c.kind == "ago" else "dur_multi"
                groups = {"parts": tuple(parts), "dir": c.groups.get("dir")}
                out[-1] = Candidate(kind, prev.start, c.end, text[prev.start : c.end], groups)
                continue
        out.append(c)
    return out


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, paragraph by paragraph."""
    ranges = []
    for para in re.finditer(r"[^\n]+", text):
        body, base = para.group(), para.start()
        for m in re.finditer(r"“[^”]*”?|\"[^\"]*\"?", body):
            ranges.append((base + m.start(), base + m.end()))
    return ranges


def story_day(
    text: str, blocked: list[tuple[int, int]], dct: Optional[dt.date], items: list[dict]
) -> Optional[dt.date]:
    """The day the story happened, when the lead paragraph dates it one to three days before
    the document date (a news story's usual lag); else None."""
    if dct is None or not items:
        return None
    lead = next(
        (
            m
            for m in re.finditer(r"[^\n]+", text)
            if not any(s <= m.start() < e for s, e in blocked) and len(m.group().split()) > 8
        ),
        None,
    )
    if lead is None:
        return None
    first = next((d for d in items if lead.start() <= d["start"] < lead.end()), None)
    if (
        first is None
        or first["type"] != "DATE"
        or first["anchor"] not in ("document", "absolute")
        or not re.fullmatch(r"\d{4}-\d\d-\d\d", first["value"] or "")
    ):
        return None
    day = dt.date.fromisoformat(first["value"])
    return day if 1 <= (dct - day).days <= 3 else None


def anchor_quoted_deictics(
    text: str,
    blocked: list[tuple[int, int]],
    dct: Optional[dt.date],
    candidates: list[Candidate],
    items: list[dict],
) -> None:
    """Re-anchor quoted "today"/"yesterday"/"tomorrow" on the story day (in place)."""
    if not any(c.kind == "deictic" for c in candidates):
        return
    day = story_day(text, blocked, dct, items)
    if day is None:
        return
    quoted = _quoted_ranges(text)
    steps = date_lexicon()["deictic_days"]
    for c, item in zip(candidates, items):
        if c.kind != "deictic" or not any(s < c.start and c.end <= e for s, e in quoted):
            continue
        step = steps.get(re.sub(r"\s+", " ", c.groups["deic"].lower()), 0)
        item["value"] = (day + dt.timedelta(days=step)).isoformat()
        item["anchor"] = "narrative"
