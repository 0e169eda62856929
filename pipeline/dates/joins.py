"""Steps between finding candidates and valuing them, where one expression reads another.

* :func:`split_ranges` — "2023-2024", "1957-58", "between 12 and 18 months": two TIMEX3s as
  TimeML writes ranges, the first end taking the unit of the second ("12" is ``P12M``).
* :func:`share_range_years` — "Nov 18 to Dec 19, 2015", "from May to October 2020": the
  year written once at the end of a range belongs to both ends (TimeML keeps two TIMEX3s);
  "October 7 (2023)": a year in brackets after a date is that date's.
* :func:`join_compounds` — "two years and three months" is ONE duration (P2Y3M), "1 month
  21 days ago" one date; "15:00 GMT Saturday" one time.
* :func:`anchor_durations` — "a month earlier" is the duration "a month" (its date is the
  Timex point), "eight years from now" the duration "eight years" and "now".
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

from pipeline.dates.calendar import shift
from pipeline.dates.grammar import Candidate, date_lexicon

_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|until|till|through|thru|and)\s*$", re.I)
_COMPOUND_GAP = re.compile(r"\s*,?\s*(?:and\s+)?$", re.I)
_OPEN_YEAR_KINDS = {"mdy", "dmy", "month"}


def _month_of(c: Candidate) -> Optional[int]:
    if c.groups.get("month"):
        return date_lexicon()["months"].get(c.groups["month"].lower().rstrip("."))
    return None


def _part(c: Candidate, start: int, end: int, kind: str, groups: dict) -> Candidate:
    return Candidate(kind, start, end, c.text[start - c.start : end - c.start], groups)


def split_ranges(candidates: list[Candidate]) -> list[Candidate]:
    """Year ranges ("2023-2024", "1957-58") as two years, duration ranges ("12 to 18
    months") as two durations."""
    out = []
    for c in candidates:
        g = c.groups
        if c.kind == "year_range":
            out.append(_part(c, c.start, c.start + 4, "year", {"year": g["year"]}))
            out.append(_part(c, c.end - 4, c.end, "year", {"year": g["year2"], "the": "range"}))
        elif c.kind == "year_range2":
            first = int(g["year"])
            second = first // 100 * 100 + int(g["yy"])
            if second <= first and first % 100 == 99 and int(g["yy"]) == 0:
                second += 100  # "1999-00"
            if not 0 < second - first <= _SHORT_RANGE:  # "2016-11" (a month), "2015-32"
                if c.text[4:5].isspace():  # "2016 - 11": the year stands apart
                    out.append(_part(c, c.start, c.start + 4, "year", {"year": g["year"]}))
                continue
            out.append(_part(c, c.start, c.start + 4, "year", {"year": g["year"]}))
            out.append(_part(c, c.end - 2, c.end, "year", {"year": str(second), "the": "range"}))
        elif c.kind == "dur_range":
            lead = len(g["qmod"]) if g.get("qmod") else 0
            end1 = c.start + c.text.index(g["num1"], lead) + len(g["num1"])
            unit_at = c.end - len(g["unit"])
            start2 = c.start + c.text.rindex(g["num"], end1 - c.start, unit_at - c.start)
            first = {"num": g["num1"], "unit": g["unit"], "qmod": g.get("qmod")}
            out.append(_part(c, c.start, end1, "duration", first))
            out.append(_part(c, start2, c.end, "duration", {"num": g["num"], "unit": g["unit"]}))
        else:
            out.append(c)
    return out


_SHORT_RANGE = 10  # "1939-45", "2024-25": a range of years written short spans a few

_BRACKETED_YEAR = re.compile(r"\s*\(\s*$")


def share_range_years(candidates: list[Candidate], text: str) -> list[Candidate]:
    out = list(candidates)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind not in _OPEN_YEAR_KINDS or a.groups.get("year") or not b.groups.get("year"):
            continue
        if (
            b.kind == "year"
            and _BRACKETED_YEAR.fullmatch(text[a.end : b.start])
            and text[b.end : b.end + 1] == ")"
        ):  # "October 7 (2023)"
            out[i] = replace(
                a, kind="my" if a.kind == "month" else a.kind, groups=dict(a.groups, year=b.groups["year"])
            )
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
                groups = {"parts": tuple(parts), "dir": c.groups.get("dir"), "closed": c.groups.get("closed")}
                out[-1] = Candidate(kind, prev.start, c.end, text[prev.start : c.end], groups)
                continue
        if (
            prev is not None
            and prev.kind == "clock"
            and c.kind in _DAY_KINDS
            and _CLOCK_DAY_GAP.fullmatch(text[prev.end : c.start])
        ):  # "15:00 GMT Saturday", "10 a.m. yesterday"
            groups = {"clock": prev.groups, "day": c}
            out[-1] = Candidate("clock_day", prev.start, c.end, text[prev.start : c.end], groups)
            continue
        out.append(c)
    return out


_DAY_KINDS = frozenset({"weekday", "deictic", "mdy", "dmy", "dom", "iso", "slash"})
_CLOCK_DAY_GAP = re.compile(r"[ \t]*,?[ \t]*")
_RELATIVE_DIRS = frozenset({"earlier", "later", "before", "after", "previously", "prior", "from now"})


def anchor_durations(candidates: list[Candidate]) -> list[Candidate]:
    """ "a month earlier" → the duration "a month" (kind ``anchored``, its direction kept);
    "eight years from now" → "eight years" and "now"."""
    out = []
    for c in candidates:
        direction = re.sub(r"\s+", " ", (c.groups.get("dir") or "").lower())
        if c.kind not in ("ago", "ago_multi") or direction not in _RELATIVE_DIRS:
            out.append(c)
            continue
        end = c.start + len(c.text[: c.text.lower().rindex(direction.split()[0])].rstrip())
        kind = "anchored_multi" if c.kind == "ago_multi" else "anchored"
        out.append(_part(c, c.start, end, kind, dict(c.groups)))
        if direction == "from now":
            out.append(_part(c, c.end - 3, c.end, "vague", {"vague": c.text[-3:]}))
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
        item["value"] = shift(day, "D", step).isoformat()
        item["anchor"] = "narrative"
