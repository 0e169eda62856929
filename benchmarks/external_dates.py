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

    python benchmarks/external_dates.py [--external DIR] [--limit N] [--failures FAMILY]

Exits 0 with a message when the folder is absent.
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EXTERNAL = ROOT.parent / "shared" / "external"
RECOGNIZER_FILES = ["DateExtractor", "DateParser", "DatePeriodExtractor", "DatePeriodParser",
                    "DurationExtractor", "DurationParser", "SetExtractor", "SetParser", "DateTimeModel"]
NEWS_TYPES = {"date", "daterange", "duration", "set"}
DEFAULT_REFERENCE = "2016-11-07"
_PREP = re.compile(r"^(?:in|on|at|during|for|of|by|from|since|until|till|within|over|throughout|the\s+)\s+", re.I)


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
        except ValueError:    # their "2016-11-31" and the like
            pass
        if re.fullmatch(r"\d{4}-\d\d-\d\d", a) and period[0].isoformat() == a and not any(
                x.startswith("(") for x in accepted):
            return True
    return False


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
                typ = (r.get("Type") or r.get("TypeName") or r.get("Typename") or "").replace("datetimeV2.", "")
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
    except ValueError:        # BC years ("-2014-01-01") and the like
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
    from pipeline.components import results
    from pipeline.reading import Article
    from pipeline.records import prepare_doc

    cases = list(cases)[:limit] if limit else list(cases)
    docs = (prepare_doc(nlp, Article(id="b", text=c[2]), c[3]) for c in cases)
    rows = []
    # only what dates needs: spaCy's own components, structure and dates
    later = [n for n in nlp.pipe_names if n.startswith("communique_")
             and n not in ("communique_structure", "communique_dates")]
    with nlp.select_pipes(disable=later):
        processed = list(nlp.pipe(docs, batch_size=64))
    for case, doc in zip(cases, processed):
        name, family, text, ref, expected = case
        ours = results(doc, "dates")
        relaxed = all(any(o["start"] < e[1] and e[0] < o["end"] for o in ours) for e in expected) and \
            all(any(o["start"] < e[1] and e[0] < o["end"] for e in expected) for o in ours)
        strict = relaxed and sorted(_norm(e[2]) for e in expected) == sorted(_norm(o["text"]) for o in ours)
        value_ok = None
        if any(e[3] for e in expected):
            value_ok = relaxed and all(
                any(o["start"] < e[1] and e[0] < o["end"] and value_matches(o["value"], e[3])
                    for o in ours) for e in expected if e[3])
        rows.append((name, family, relaxed, strict, value_ok, text, expected, ours))
    return rows


def print_table(rows, key, title):
    groups = collections.OrderedDict()
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    print(f"\n{title}")
    print(f"{'group':46} {'cases':>6} {'relaxed':>8} {'strict':>8} {'value':>8}")
    for group, items in groups.items():
        n = len(items)
        valued = [r for r in items if r[4] is not None]
        val = f"{sum(r[4] for r in valued) / len(valued):8.1%}" if valued else f"{'-':>8}"
        print(f"{group[:46]:46} {n:6d} {sum(r[2] for r in items) / n:8.1%} "
              f"{sum(r[3] for r in items) / n:8.1%} {val}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--external", type=Path, default=DEFAULT_EXTERNAL)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--failures", default=None, help="print failing cases of this file:family")
    args = ap.parse_args(argv)
    rec = args.external / "recognizers" / "datetime"
    duck = args.external / "duckling" / "duckling_time_en.json"
    if not rec.is_dir() and not duck.exists():
        print(f"external suites not found under {args.external}: skipped")
        return 0
    sys.path.insert(0, str(ROOT))
    from pipeline.nlp import load

    nlp = load()
    rows = []
    if rec.is_dir():
        rows += score(nlp, recognizer_cases(rec), args.limit)
    if duck.exists():
        rows += score(nlp, duckling_cases(duck), args.limit)
    print_table(rows, lambda r: r[0], "Pass rates per file")
    print_table(rows, lambda r: f"{r[0]}:{r[1]}", "Pass rates per file and family")
    news = [r for r in rows if not (r[0] == "duckling_time_en" and r[1].split(":")[1] in ("hour", "minute", "second"))]
    print_table(news, lambda r: "all in-scope (news) cases", "In scope for news")
    if args.failures:
        for r in rows:
            if f"{r[0]}:{r[1]}".startswith(args.failures) and not (r[2] and r[3] and r[4] is not False):
                print("FAIL", repr(r[5]), "| expected", [(e[2], sorted(e[3])) for e in r[6]],
                      "| ours", [(o["text"], o["value"]) for o in r[7]])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
