"""Score communique's dates on other projects' temporal test suites (read in place, never copied).

* Microsoft Recognizers-Text English DateTime specs (``../shared/external/recognizers/datetime``):
  the files in scope for news — DateExtractor, DateParser, DatePeriodExtractor/Parser,
  DurationExtractor/Parser, SetExtractor/Parser — and the news-like part of DateTimeModel
  (cases whose expected results are all dates, date ranges, durations or sets; cases
  expecting nothing check false positives).
* Duckling's English time corpus (``../shared/external/duckling/duckling_time_en.json``),
  grouped by grain; hour/minute/second grains are times of day, out of scope for news.

A case passes *relaxed* when every expected expression overlaps one of ours and each of ours
overlaps an expected one (nothing found where nothing is expected), *strict* when the texts
are the same (case-insensitive, a leading preposition ignored: our spans follow TimeML and
drop it, Recognizers keeps it), *value* when our TIMEX3 value matches theirs (Recognizers:
their TIMEX or its past/future resolution; Duckling: their value at its grain).

Each rate is printed twice: RAW (as above) and CONVENTION-ADJUSTED, where a case that
differs from the suite only by a documented TimeML convention also passes. What is adjusted,
and nothing else:

* strict, ranges are split: TimeML annotates "from 4 to 22 this month", "2014-2018",
  "between May 3 and May 5" as two TIMEX3s and leaves the connective outside; Recognizers and
  Duckling give one span. A case passes adjusted-strict when, for each expected span, our
  spans lie inside it and their words, read in order, are exactly its words minus connective
  words and punctuation (from, to, between, and, until, till, through, "-", "~", ",", and a
  leading preposition), and with "the" ignored (TimeML keeps the determiner, "the same
  week"; Recognizers drops it). The direction word of a duration counted from another time
  counts as a connective too: TimeML annotates the duration of "two days later" ("two
  days") and leaves "later", "earlier", "before", "after" outside as signals.
* value, ranges: a Recognizers range value "(start,end,P..)" is matched by the split dates
  when our first date's period starts on ``start`` and our last date's period ends on
  ``end`` or starts on it (Recognizers sometimes makes "to 2018" exclusive); a TimeML
  DURATION ("the next 3 years" → P3Y) matches when it equals the range's length.
* value, granularity: TimeML writes a value at the granularity of the expression ("two
  years ago" → 2011, "three weeks hence" → 2013-W10, "mid March" → 2013-03); Duckling and
  Recognizers resolve to a day. Adjusted-value passes when their day lies inside our period
  and our granularity is the one the expression is written in (its unit word or month name
  and no day number).
* value, relative durations: TimeML types "the last two weeks", "next 3 days" as DURATION
  with the written length (P2W, P3D); Duckling gives the interval's first day. Adjusted-value
  passes a DURATION whose value is the number and unit written in the expected text.
* value, anchored durations: for "two weeks from now", "3 weeks later" TimeML's value is the
  duration (P2W) and the date it leads to is a temporal function's; ours is the record's
  ``point``. Adjusted-value compares that point as it compares a date (granularity included).
* value, sets: TimeBank writes frequency adverbs as the calendar unit that repeats
  ("annually" XXXX, "monthly" XXXX-XX, "weekly" XXXX-WXX, "daily" XXXX-XX-XX, "every
  morning" XXXX-XX-XXTMO); Recognizers writes the period (P1Y ... TMO). Adjusted-value
  takes each as the other.

Duckling and Recognizers also resolve a bare weekday or month with no sentence around it to
the future; we follow the clause's tense. That difference is NOT adjusted (reported raw).

    python benchmarks/external_dates.py [--external DIR] [--limit N] [--failures FAMILY]

Exits 0 with a message when the folder is absent.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the shared folder beside the project (../shared), or $COMMUNIQUE_SHARED
SHARED = Path(os.environ.get("COMMUNIQUE_SHARED") or ROOT.parent / "shared")
DEFAULT_EXTERNAL = SHARED / "external"
RECOGNIZER_FILES = [
    "DateExtractor",
    "DateParser",
    "DatePeriodExtractor",
    "DatePeriodParser",
    "DurationExtractor",
    "DurationParser",
    "SetExtractor",
    "SetParser",
    "DateTimeModel",
]
NEWS_TYPES = {"date", "daterange", "duration", "set"}
DEFAULT_REFERENCE = "2016-11-07"
_PREP = re.compile(
    r"^(?:in|on|at|during|for|of|by|from|since|until|till|within|over|throughout|the\s+)\s+", re.I
)


def _load(path: Path):
    return json.loads(path.read_text(encoding="utf-8-sig"))


def _norm(text: str) -> str:
    text = re.sub(r"\s+", " ", text.lower().strip(" .,"))
    while True:
        new = _PREP.sub("", text)
        if new == text:
            return text
        text = new


def _duration_equiv(value: str) -> str:
    m = re.fullmatch(r"P(\d+(?:\.\d+)?)(DE|CE|WE|FN)", value or "")
    if not m:
        return value
    n = float(m.group(1))
    factor = {"DE": (10, "Y"), "CE": (100, "Y"), "WE": (1, "WE"), "FN": (2, "W")}[m.group(2)]
    n = n * factor[0]
    return f"P{int(n) if n == int(n) else n}{factor[1]}"


def _period(value: str):
    """(first day, day after the last) of a TIMEX3 date value, or None."""
    try:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            d = dt.date.fromisoformat(value)
            return d, d + dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}", value):
            y = int(value)
            return dt.date(y, 1, 1), dt.date(y + 1, 1, 1)
        if re.fullmatch(r"\d{3}", value):
            y = int(value) * 10
            return dt.date(y, 1, 1), dt.date(y + 10, 1, 1)
        m = re.fullmatch(r"(\d{4})-(\d\d)", value)
        if m:
            y, mo = int(m.group(1)), int(m.group(2))
            return dt.date(y, mo, 1), dt.date(y + mo // 12, mo % 12 + 1, 1)
        m = re.fullmatch(r"(\d{4})-([QH])(\d)", value)
        if m:
            y, size, n = int(m.group(1)), 3 if m.group(2) == "Q" else 6, int(m.group(3))
            start = (n - 1) * size + 1
            end = start + size
            return dt.date(y, start, 1), dt.date(y + (end > 12), (end - 1) % 12 + 1, 1)
        m = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value)
        if m:
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            if m.group(3):
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=7)
            return monday, monday + dt.timedelta(days=7)
    except ValueError:
        return None
    return None


def value_matches(ours: str, accepted: set) -> bool:
    """Same TIMEX, or the same period (their range or resolution names its first day)."""
    ours = _duration_equiv(ours or "")
    if ours in accepted:
        return True
    period = _period(ours)
    if period is None:
        return False
    for a in accepted:
        m = re.fullmatch(r"\((\d{4}-\d\d-\d\d),(\d{4}-\d\d-\d\d),[^)]*\)", a)
        try:
            if m and (dt.date.fromisoformat(m.group(1)), dt.date.fromisoformat(m.group(2))) == period:
                return True
        except ValueError:  # their "2016-11-31" and the like
            pass
        if (
            re.fullmatch(r"\d{4}-\d\d-\d\d", a)
            and period[0].isoformat() == a
            and not any(x.startswith("(") for x in accepted)
        ):
            return True
    return False


_CONNECTIVES = {
    "from",
    "to",
    "between",
    "and",
    "until",
    "till",
    "through",
    "thru",
    "-",
    "–",
    "~",
    ",",
    "in",
    "on",
    "at",
    "during",
    "for",
    "of",
    "by",
    "since",
    "within",
    "over",
    "throughout",
    "later",
    "earlier",
    "before",
    "after",
    "prior",
    "previously",
}
_LEADING_ONLY = {"in", "on", "at", "during", "for", "of", "by", "since", "within", "over", "throughout"}


def _words(text: str) -> list[str]:
    return re.findall(r"\w+|[^\w\s]", text.lower())


def _content_words(text: str, leading_only: bool = False) -> list[str]:
    words = [w for w in _words(text) if w not in ".()"]
    out = []
    for i, w in enumerate(words):
        if w in _CONNECTIVES and not (w in _LEADING_ONLY and i > 0 and leading_only):
            continue
        out.append(w)
    return out


def tiles(expected: tuple, ours: list[dict]) -> bool:
    """Our spans lie inside the expected one and read as its words minus connectives."""
    start, end, text = expected[0], expected[1], expected[2]
    inside = sorted((o for o in ours if o["start"] < end and start < o["end"]), key=lambda o: o["start"])
    if not inside or any(o["start"] < start or o["end"] > end for o in inside):
        return False
    got = [w for o in inside for w in _content_words(o["text"])]
    want = _content_words(text)
    return _drop_the(got) == _drop_the(want)


def _drop_the(words: list[str]) -> list[str]:
    return [w for w in words if w != "the"]


_GRAIN_OF_VALUE = [
    (r"\d{4}-\d\d-\d\d", "D"),
    (r"\d{4}-W\d\d", "W"),
    (r"\d{4}-\d\d", "M"),
    (r"\d{4}-Q\d", "Q"),
    (r"\d{4}", "Y"),
]
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
    "august|september|october|november|december"
)


def _written_grain(text: str) -> str | None:
    """The granularity an expression is written in, as TimeML would value it."""
    low = text.lower()
    if re.search(
        r"\b(?:day|days|today|tomorrow|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|"
        r"sunday)\b|\d+(?:st|nd|rd|th)\b",
        low,
    ):
        return "D"
    if re.search(r"\b(?:week|weeks)\b", low):
        return "W"
    if re.search(rf"\b(?:{_MONTHS}|month|months)\b", low) and not re.search(r"\b\d{1,2}\b", low):
        return "M"
    if re.search(r"\b(?:quarter|quarters)\b", low):
        return "Q"
    if re.search(r"\b(?:year|years)\b", low):
        return "Y"
    return None


def _number_in(text: str) -> float | None:
    words = {
        "a": 1,
        "an": 1,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "couple": 2,
        "few": None,
    }
    for w in _words(text):
        if re.fullmatch(r"\d+(?:\.\d+)?", w):
            return float(w)
        if w in words:
            return words[w]
    return None


_SET_PERIODS = {
    "XXXX": "P1Y",
    "XXXX-XX": "P1M",
    "XXXX-WXX": "P1W",
    "XXXX-XX-XX": "P1D",
    "XXXX-XX-XXTXX": "PT1H",
    "XXXX-WXX-WE": "P1WE",
}


def _set_equivalents(value: str | None) -> set:
    """A TimeBank set value and the period Recognizers writes for it (see the docstring)."""
    if not value:
        return set()
    if value in _SET_PERIODS:
        return {_SET_PERIODS[value]}
    if value.startswith("XXXX-XX-XXT"):
        return {value[len("XXXX-XX-XX") :]}  # every morning: TMO
    return set()


def value_matches_adjusted(expected: tuple, ours: list[dict]) -> bool:
    """Convention-adjusted value comparison (see the module docstring)."""
    start, end, text, accepted = expected
    inside = sorted((o for o in ours if o["start"] < end and start < o["end"]), key=lambda o: o["start"])
    if any(value_matches(o["value"], accepted) or _set_equivalents(o["value"]) & accepted for o in inside):
        return True
    # an anchored duration: its point read as the date ("two weeks from now")
    inside = [dict(o, value=o["point"]) if o.get("point") else o for o in inside]
    if any(value_matches(o["value"], accepted) for o in inside):
        return True
    if not inside:
        return False
    for a in accepted:
        m = re.fullmatch(r"\((\d{4}-\d\d-\d\d),(\d{4}-\d\d-\d\d),(P[^)]*)\)", a)
        if m:
            try:
                lo, hi = dt.date.fromisoformat(m.group(1)), dt.date.fromisoformat(m.group(2))
            except ValueError:
                continue
            first, last = _period(inside[0]["value"] or ""), _period(inside[-1]["value"] or "")
            if len(inside) > 1 and first and last and first[0] == lo and hi in (last[0], last[1]):
                return True
            if (
                len(inside) == 1
                and _duration_days(inside[0]["value"]) is not None
                and _duration_days(inside[0]["value"]) == _duration_days(m.group(3))
            ):
                return True
            continue
        if re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", a):
            grain = _written_grain(text)
            try:
                day = dt.date.fromisoformat(a if len(a) == 10 else a + "-01")
            except ValueError:
                continue
            for o in inside:
                period = _period(o["value"] or "")
                ours_grain = next(
                    (g for pat, g in _GRAIN_OF_VALUE if re.fullmatch(pat, o["value"] or "")), None
                )
                if period and ours_grain == grain and period[0] <= day < period[1]:
                    return True
    for o in inside:
        m = re.fullmatch(r"P(\d+(?:\.\d+)?)([DWMY])", _duration_equiv(o["value"] or ""))
        unit = {"D": "days?", "W": "weeks?", "M": "months?", "Y": "years?"}
        if (
            m
            and re.search(
                rf"\b(?:next|last|past|previous|coming|upcoming)\b.*\b{unit[m.group(2)]}\b", text, re.I
            )
            and _number_in(text) == float(m.group(1))
        ):
            return True
    return False


def _duration_days(value: str | None) -> float | None:
    m = re.fullmatch(r"P(\d+(?:\.\d+)?)([DWMQY])", _duration_equiv(value or ""))
    if not m:
        return None
    return float(m.group(1)) * {"D": 1, "W": 7, "M": 30, "Q": 90, "Y": 365}[m.group(2)]


def recognizer_cases(folder: Path):
    """(file, family, text, reference, [(start, end, text, accepted values)])."""
    for name in RECOGNIZER_FILES:
        path = folder / f"{name}.json"
        if not path.exists():
            continue
        for case in _load(path):
            ref = (case.get("Context") or {}).get("ReferenceDateTime", DEFAULT_REFERENCE)[:10]
            expected, types = [], set()
            for r in case["Results"]:
                typ = (r.get("Type") or r.get("TypeName") or r.get("Typename") or "").replace(
                    "datetimeV2.", ""
                )
                types.add(typ)
                start = r["Start"]
                end = start + r["Length"] if "Length" in r else r["End"] + 1
                accepted = set()
                value = r.get("Value")
                if isinstance(value, dict):
                    accepted.add(value.get("Timex"))
                    for res in (value.get("FutureResolution") or {}, value.get("PastResolution") or {}):
                        accepted.update(v for k, v in res.items() if k == "date")
                for v in (r.get("Resolution") or {}).get("values", []):
                    accepted.add(v.get("timex"))
                    if v.get("type") == "date":
                        accepted.add(v.get("value"))
                accepted = {_duration_equiv(a) for a in accepted if a}
                expected.append((start, end, r["Text"], accepted))
            if name == "DateTimeModel" and not types <= NEWS_TYPES:
                continue
            family = "+".join(sorted(types)) if types else "none expected"
            yield name, family, case["Input"], ref, expected


def duckling_cases(path: Path):
    for case in _load(path):
        exp = case["expected"]
        grain = exp.get("grain")
        family = f"{exp['type']}:{grain}"
        ref = case["reference_time"][:10]
        accepted = set()
        if exp["type"] == "value":
            accepted.add(_at_grain(exp["value"], grain))
        else:
            if exp.get("from"):
                accepted.add(_at_grain(exp["from"], grain))
        text = case["text"]
        yield "duckling_time_en", family, text, ref, [(0, len(text), text, accepted)]


def _at_grain(value: str, grain: str) -> str:
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:  # BC years ("-2014-01-01") and the like
        return value
    if grain == "year":
        return f"{day.year}"
    if grain == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if grain == "month":
        return f"{day.year}-{day.month:02d}"
    if grain == "week":
        y, w, _ = day.isocalendar()
        return f"{y}-W{w:02d}"
    if grain == "day":
        return day.isoformat()
    return value[:16] if grain == "minute" else value[:13] if grain == "hour" else value[:19]


def score(nlp, cases, limit=None):
    from pipeline.document.access import results
    from pipeline.io.reading import Article
    from pipeline.run.records import prepare_doc

    cases = list(cases)[:limit] if limit else list(cases)
    docs = (prepare_doc(nlp, Article(id="b", text=c[2]), c[3]) for c in cases)
    rows = []
    # only what dates needs: spaCy's own components, structure and dates
    later = [
        n
        for n in nlp.pipe_names
        if n.startswith("communique_") and n not in ("communique_structure", "communique_dates")
    ]
    with nlp.select_pipes(disable=later):
        processed = list(nlp.pipe(docs, batch_size=64))
    for case, doc in zip(cases, processed):
        name, family, text, ref, expected = case
        ours = results(doc, "dates")
        relaxed = all(any(o["start"] < e[1] and e[0] < o["end"] for o in ours) for e in expected) and all(
            any(o["start"] < e[1] and e[0] < o["end"] for e in expected) for o in ours
        )
        strict = relaxed and sorted(_norm(e[2]) for e in expected) == sorted(_norm(o["text"]) for o in ours)
        value_ok = None
        if any(e[3] for e in expected):
            value_ok = relaxed and all(
                any(o["start"] < e[1] and e[0] < o["end"] and value_matches(o["value"], e[3]) for o in ours)
                for e in expected
                if e[3]
            )
        strict_adj = strict or (
            relaxed
            and all(tiles(e, ours) or _norm(e[2]) in {_norm(o["text"]) for o in ours} for e in expected)
        )
        value_adj = None
        if value_ok is not None:
            value_adj = value_ok or (
                relaxed and all(value_matches_adjusted(e, ours) for e in expected if e[3])
            )
        rows.append((name, family, relaxed, strict, value_ok, text, expected, ours, strict_adj, value_adj))
    return rows


def _rate(items, i) -> str:
    valued = [r for r in items if r[i] is not None]
    return f"{sum(r[i] for r in valued) / len(valued):7.1%}" if valued else f"{'-':>7}"


def print_table(rows, key, title):
    groups = collections.OrderedDict()
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    print(f"\n{title}  (raw | convention-adjusted, see the module docstring)")
    print(f"{'group':44} {'cases':>5} {'relaxed':>7} {'strict':>7} {'value':>7} | {'strict':>7} {'value':>7}")
    for group, items in groups.items():
        print(
            f"{group[:44]:44} {len(items):5d} {_rate(items, 2)} {_rate(items, 3)} {_rate(items, 4)} | "
            f"{_rate(items, 8)} {_rate(items, 9)}"
        )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--external", type=Path, default=DEFAULT_EXTERNAL)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument(
        "--failures",
        default=None,
        help="print cases of this file:family prefix failing even after adjustment ('' for all)",
    )
    args = ap.parse_args(argv)
    rec = args.external / "recognizers" / "datetime"
    duck = args.external / "duckling" / "duckling_time_en.json"
    if not rec.is_dir() and not duck.exists():
        print(f"external suites not found under {args.external}: skipped")
        return 0
    sys.path.insert(0, str(ROOT))
    from pipeline.model.loading import load

    nlp = load()
    rows = []
    if rec.is_dir():
        rows += score(nlp, recognizer_cases(rec), args.limit)
    if duck.exists():
        rows += score(nlp, duckling_cases(duck), args.limit)
    print_table(rows, lambda r: r[0], "Pass rates per file")
    print_table(rows, lambda r: f"{r[0]}:{r[1]}", "Pass rates per file and family")
    news = [
        r
        for r in rows
        if not (r[0] == "duckling_time_en" and r[1].split(":")[1] in ("hour", "minute", "second"))
    ]
    print_table(news, lambda r: "all in-scope (news) cases", "In scope for news")
    if args.failures is not None:
        for r in rows:
            if f"{r[0]}:{r[1]}".startswith(args.failures) and not (r[2] and r[8] and r[9] is not False):
                print(
                    "FAIL",
                    repr(r[5]),
                    "| expected",
                    [(e[2], sorted(e[3])) for e in r[6]],
                    "| ours",
                    [(o["text"], o["value"]) for o in r[7]],
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
