"""Score figures against other projects' number suites (Recognizers-Text, Duckling).

Reads ``../shared/external/recognizers/numbers/`` (NumberModel, NumberRangeModel,
PercentModel, CurrencyModel) and ``../shared/external/duckling/duckling_numeral_en.json``
and prints pass rates per file, in scope and out of scope, with the out-of-scope families
and why they are out (expressions news does not use, or that we deliberately do not
report). Exits 0 with a message when the folder is absent.

A case passes when every expected number is overlapped by one of our figures with the
same value (and the same ISO currency when the suite gives one, the same bounds for
ranges) and we report nothing that overlaps no expected number. Recognizers cases run
through the whole pipeline (``communique_figures`` filtered to the suite's kind);
Duckling numerals are bare fragments without context, scored on :mod:`pipeline.figures.numbers`.

    python benchmarks/external_numbers.py [--failures]
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the shared folder beside the project (../shared), or $COMMUNIQUE_SHARED
SHARED = Path(os.environ.get("COMMUNIQUE_SHARED") or ROOT.parent / "shared")
sys.path.insert(0, str(ROOT))
EXTERNAL = SHARED / "external"
RECOGNIZERS = EXTERNAL / "recognizers" / "numbers"
DUCKLING = EXTERNAL / "duckling" / "duckling_numeral_en.json"

# (family, why, pattern on the input): first match wins; what matches none is in scope
OUT_OF_SCOPE = [
    (
        "spelled decimals",
        "'two point five' is not news style",
        r"(?i)\bpoint\s+(?:zero|nought|naught|one|two|three|four|five|six|seven|eight|nine|ten|"
        r"eleven|seventy|twenty|\d)",
    ),
    ("scientific notation", "not news style", r"\d[eE][+-]?\d|\^|x10"),
    (
        "signs apart from their number",
        "'- 1,200,000', '- 10 k': a hyphen and a space before a number are a dash in news",
        r"^\s*-\s+\.?\d",
    ),
    (
        "durations and ages",
        "'3 years', 'thirty years old' are temporal expressions: dates own them",
        r"(?i)\b(?:\d+|thirty)\s+years\b",
    ),
    (
        "exotic fractions",
        "compound or huge denominators, '1 over 3', 'N out of M', '1 in 21'",
        r"(?i)(?:hundredths?|thousandths?|millionths?|trillionths?|hundredth|\w+[- ]firsts?|"
        r"(?:twenty|thirty|hundred)[- ]?fifths?|thirtieth|\w+ \w+ \w+ fifths|"
        r"\band (?:three|two|five|fifty-four) (?:fifths|ninths|hundredths))\b|"
        r"\bover\s+(?:three|\d|one|twenty)|\bout of\b|\d\s+in\s+(?:five|5|twenty)|"
        r"\b1 in twenty",
    ),
    ("slash fractions", "'3/4' reads as a date or a code in news", r"\d\s*/\s*\d"),
    ("unicode vulgar fractions", "not news style", r"[⅔¾⅙½]"),
    (
        "non-English digit grouping",
        "decimal commas, Indian lakh grouping",
        r"\d,\d\d?\b(?!,\d)|\d\.\d{3},|\d,\d\d,\d{3}",
    ),
    (
        "codes, phones, dates, IPs",
        "not figures by design (issue 5)",
        r"\d+\.\d+\.\d+|\+\d-|\d/\d+/\d|\bSCP-|nrs?\.|^\s*1995-01",
    ),
    (
        "Indian units",
        "lakh/crore abbreviations and 'koti'",
        r"(?i)\b(?:lkhs?|lac|cr|koti|kr|"
        r"krores?|l)\b|\blakh crore",
    ),
    (
        "comparators in symbols or 'equal'",
        "'>= 30', 'equal to 20', 'or equal': query language",
        r"(?i)[<>=~]|\bequal|\bequals\b|\bexceed\b|\bsurpass\b|\bor greater\b|\bor greater than\b",
    ),
    (
        "compound two-sided comparisons",
        "'larger than 10 and smaller than 20' as one interval",
        r"(?i)\b(?:larger|greater|higher|bigger|more|above|at most|no more|no less|less|smaller|"
        r"lower)\b[^.,]*\b(?:and|but)\s+(?:less|smaller|lower|below|at least|no less|more|"
        r"greater|higher|above|larger)\b[^.,]*\d[^.,]*(?:\.|$)(?![^.]*are)",
    ),
    (
        "ordinal ranks",
        "'between the tenth and the fifteenth' ranks, not quantities",
        r"(?i)\btenth\b|\bfifteenth\b",
    ),
    (
        "mixed money amounts",
        "'3 dollars 50 cents', '15 usd 25', 'one kuai and five mao'",
        r"(?i)(?:dollars?|usd|kuai|\$ ?\d+)\s+(?:and\s+)?(?:\d|[a-z-]+\s+cents|forty|fifty|"
        r"one|two|mao)|dollars?\s+and\s+\d",
    ),
    (
        "attached or unusual currency codes",
        "'USD115', '75 USD million', 'MAUD 60', 'sen', 'satoshis', 'dollar 22.5 million'",
        r"(?i)\b(?:usd|eur|gbp)\d|\d(?:usd)\b|usd million|\bmaud\b|\bsen \d|satoshis|"
        r"\bdollar \d|\$\s*\d+\s+dollars|\bmusd\b.*twenty|\d\s?\$|\d+ €",
    ),
    (
        "percent before the number",
        "'percent of 10', 'per cent of twenty-two'",
        r"(?i)^\s*(?:percents?|per cent) of",
    ),
    (
        "vague quantity words",
        "'a few', 'a couple', 'a pair', 'single': not figures",
        r"(?i)^\s*(?:an? )?(?:few|couple|pair|single)\b",
    ),
    (
        "numbers inside other numbers",
        "'one twenty two', 'forty-five (45)', 'nil', "
        "'three-nought-four', '322 hundred', '4 thousand 3 hundred and 21'",
        r"(?i)one twenty|\(\d+\)|\(forty|^\s*nil\s*$|-nought-|322 hundred|^\s*0033|"
        r"\d\s+hundred\s+and|\bhundred\s+and\s+\d|dzs|dozs|\bthousand\s+millions|two dozens",
    ),
    (
        "mixed fractions and '-and-a-half' after scales",
        "'3 million and a half', 'one billion and three quarters million', 'two thirds of a million'",
        r"(?i)(?:million|billion)\s+and\s+(?:a|one|two|three|five|six|nine)\b|"
        r"thirds of a million|\band\s+(?:a|one|two|three)\s+(?:fourth|third|quarters?)\b"
        r"|\b(?:half|quarter)\s+million|quarters?\s+billion|hundred\s+and\s+three\s+quarters",
    ),
    (
        "bare currency names",
        "a currency word without a number is not a figure",
        r"(?i)^(?:dollar\b|.*\b50 dollar rmb)",
    ),
    (
        "pronoun 'one'",
        "'let's try one last time', bare 'one': no quantity stated",
        r"(?i)one last time|^\s*one\s*$",
    ),
    ("URLs", "numbers in URLs are never figures (we report none; the suite wants none)", r"^(?!)"),
]
_SCOPE = [(fam, why, re.compile(p)) for fam, why, p in OUT_OF_SCOPE]
KIND_OF_FILE = {
    "NumberModel": None,
    "PercentModel": "percent",
    "CurrencyModel": "money",
    "NumberRangeModel": "range",
}
FILES = [
    "Number/NumberModel.json",
    "Number/PercentModel.json",
    "Number/NumberRangeModel.json",
    "NumberWithUnit/CurrencyModel.json",
]


def scope(text: str) -> str | None:
    for fam, _why, rx in _SCOPE:
        if rx.search(text):
            return fam
    return None


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _bounds(interval: str):
    lo, hi = interval.strip("[]()").split(",")
    return (float(lo) if lo else None, float(hi) if hi else None)


def _our_bounds(fig: dict):
    q, v = fig["qualifier"], fig["value"]
    if q == "range":
        return (v, fig["value_max"])
    if q in ("more_than", "at_least"):
        return (v, None)
    if q in ("less_than", "at_most"):
        return (None, v)
    return (v, v)


def expected_items(case: dict, model: str) -> list[dict]:
    items = []
    for r in case["Results"]:
        res = r.get("Resolution") or {}
        value = res.get("value")
        if value in (None, "null"):
            continue
        start = r["Start"]
        end = r["End"] + 1  # inclusive in the suite
        item = {"start": start, "end": end, "text": r["Text"]}
        if model == "NumberRangeModel":
            item["bounds"] = _bounds(value)
        else:
            number = float(str(value).rstrip("%"))
            if res.get("unit") in ("Cent", "Pence", "Penny"):
                number *= 0.01
            item["value"] = number
            item["iso"] = res.get("isoCurrency")
        items.append(item)
    return items


def ours(figures: list[dict], model: str) -> list[dict]:
    kind = KIND_OF_FILE[model]
    if kind == "range":
        return [f for f in figures if f["qualifier"] != "exact" and f["qualifier"] != "about"]
    if kind:
        return [f for f in figures if f["kind"] == kind]
    return figures


def _overlap(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _same(f: dict, e: dict, model: str) -> bool:
    if model == "NumberRangeModel":
        return all(_close(a, b) for a, b in zip(_our_bounds(f), e["bounds"]))
    return _close(f["value"], e["value"]) and (not e.get("iso") or f.get("unit") == e["iso"])


def judge(expected: list[dict], got: list[dict], model: str) -> bool:
    """Every expected number found with its value; nothing reported where none is."""
    found_all = all(any(_overlap(f, e) and _same(f, e, model) for f in got) for e in expected)
    no_spurious = all(any(_overlap(f, e) for e in expected) for f in got)
    return found_all and no_spurious


def run_recognizers(nlp, show_failures: bool) -> list[tuple[str, int, int, Counter]]:
    from pipeline.document.access import results
    from pipeline.io.reading import Article
    from pipeline.run.records import prepare_doc

    rows = []
    for rel in FILES:
        path = RECOGNIZERS / rel
        if not path.exists():
            continue
        model = path.stem
        cases = json.loads(path.read_text(encoding="utf-8-sig"))
        inputs = [c["Input"] for c in cases]
        docs = nlp.pipe(prepare_doc(nlp, Article(id="x", text=t), "2024-01-01") for t in inputs)
        passed = total = 0
        out = Counter()
        for case, doc in zip(cases, docs):
            fam = scope(case["Input"])
            if fam:
                out[fam] += 1
                continue
            total += 1
            exp = expected_items(case, model)
            got = ours(results(doc, "figures"), model)
            if judge(exp, got, model):
                passed += 1
            elif show_failures:
                print(
                    f"  FAIL {model}: {case['Input'][:110]!r}\n"
                    f"       want {[(e['text'], e.get('value', e.get('bounds'))) for e in exp]}"
                    f"\n       got  {[(f['text'], f['value'], f['value_max']) for f in got]}"
                )
        rows.append((rel, passed, total, out))
    return rows


def run_duckling(show_failures: bool):
    from pipeline.figures.numbers import find_numbers

    cases = json.loads(DUCKLING.read_text(encoding="utf-8"))
    passed = total = 0
    out = Counter()
    for case in cases:
        fam = scope(case["text"])
        if fam:
            out[fam] += 1
            continue
        total += 1
        found = find_numbers(case["text"])
        want = float(case["expected"]["value"])
        if len(found) == 1 and _close(found[0].value, want):
            passed += 1
        elif show_failures:
            print(f"  FAIL duckling: {case['text']!r} want {want} got {[(m.text, m.value) for m in found]}")
    return ("duckling_numeral_en.json", passed, total, out)


def main(argv: list[str]) -> int:
    if not RECOGNIZERS.exists() and not DUCKLING.exists():
        print(f"external suites not found under {EXTERNAL}; skipping")
        return 0
    show = "--failures" in argv
    from pipeline.model.loading import load

    rows = run_recognizers(load(), show) if RECOGNIZERS.exists() else []
    if DUCKLING.exists():
        rows.append(run_duckling(show))
    all_pass = all_total = 0
    print(f"\n{'file':42s} {'in scope':>9s} {'passed':>7s} {'rate':>7s} {'out of scope':>13s}")
    for name, passed, total, out in rows:
        rate = passed / total if total else 0.0
        all_pass += passed
        all_total += total
        print(f"{name:42s} {total:9d} {passed:7d} {rate:7.1%} {sum(out.values()):13d}")
    print(f"{'all':42s} {all_total:9d} {all_pass:7d} {all_pass / max(1, all_total):7.1%}")
    families = Counter()
    for *_, out in rows:
        families.update(out)
    print("\nout of scope, by family (why):")
    why = {fam: w for fam, w, _ in OUT_OF_SCOPE}
    for fam, n in families.most_common():
        print(f"  {n:4d}  {fam}: {why[fam]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
