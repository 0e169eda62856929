"""Score events on the PLOVER gold standard records (the CAMEO manual's example sentences
coded in PLOVER), read from ``../shared/external/plover/PLOVER_GSR_CAMEO.json``.

Per sentence: the main predicted event (the trigger highest in the parse, then the first)
and whether its type is the gold type ("type right"); whether any predicted event has the
gold type ("type any"); whether the gold source actor is among the main event's actors
("actor found": our actor's canonical name or country code matches the GSR actor's text or
code — the country of an actor is the gazetteer's for its name, the entities component's for a
named person or organisation, or that of a country name or demonym inside a group's words,
"Afghan rebels" → AFG; the GSR's code is read next to the country the gazetteer gives its
text, as the GSR sometimes writes CAMEO codes: ITL, JAP).
Old PLOVER type names are mapped: DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE,
FIGHT→ASSAULT. Skips cleanly (exit 0) when the external folder is absent.

    python benchmarks/external_events.py [--show TYPE]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the shared folder beside the project (../shared), or $COMMUNIQUE_SHARED
SHARED = Path(os.environ.get("COMMUNIQUE_SHARED") or ROOT.parent / "shared")
GSR = SHARED / "external" / "plover" / "PLOVER_GSR_CAMEO.json"
OLD = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# PLOVER codes a promised or planned cooperative act as AGREE (CAMEO 03, "express intent
# to ..."); communique keeps the act's type and says status "planned".
INTENT = {"CONSULT", "AID", "COOPERATE", "SUPPORT", "CONCEDE", "RETREAT", "AGREE"}


# and a stated future hostile act as THREATEN (CAMEO 13),
HOSTILE = {"SANCTION", "COERCE", "ASSAULT", "PROTEST"}
# and a cooperative act that was refused or failed ("will not accept", "failed to reach
# agreement") as REJECT (CAMEO 12); communique keeps the act's type and says status "negated".
REFUSED = INTENT


def plover_type(event: dict) -> str:
    if event["status"] == "negated" and event["type"] in REFUSED:
        return "REJECT"
    if event["status"] in {"planned", "hypothetical"} and event["type"] in INTENT:
        return "AGREE"
    if event["status"] in {"planned", "hypothetical"} and event["type"] in HOSTILE:
        return "THREATEN"
    return event["type"]


def _depth(tok) -> int:
    d = 0
    while tok.head is not tok and d < 50:
        tok, d = tok.head, d + 1
    return d


def main_event(doc, events: list[dict]):
    if not events:
        return None

    def rank(e):  # PLOVER has no STATEMENT: code what was announced
        span = doc.char_span(e["start"], e["end"], alignment_mode="expand")
        return (e["type"] == "STATEMENT", min(_depth(t) for t in span), e["start"])

    return min(events, key=rank)


def _countries(text: str, g) -> set:
    """Country codes named by a phrase: the whole phrase, else its words and word pairs."""
    code = g.country_of(text)
    if code:
        return {code}
    words = text.replace("-", " ").split()
    grams = words + [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]
    return {c for c in map(g.country_of, grams) if c}


def actor_found(gold: list[dict], actors: list, g, entity_country: dict | None = None) -> bool:
    """Whether one of our actors (coded participants or names) is a gold source actor."""
    entity_country = entity_country or {}
    for participant in actors:
        actor = participant["name"] if isinstance(participant, dict) else participant
        low = actor.lower()
        if actor in entity_country:  # a named entity: its own country, not the words of its name
            codes = {entity_country[actor]} - {None} or {g.country_of(actor)} - {None}
        else:  # a group's words: "Afghan rebels", "rebels in Darfur"
            codes = _countries(actor, g)
        if isinstance(participant, dict) and participant.get("country"):
            codes = codes | {participant["country"]}
        for src in gold:
            text = (src.get("actorText") or "").strip().lower()
            gold_codes = {src.get("code")} | (
                {g.country_of(src["actorText"].strip())} - {None} if src.get("actorText") else set()
            )
            if codes & gold_codes:
                return True
            if text and (low in text or text in low):
                return True
    return False


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", help="print the misses of this type")
    args = ap.parse_args(argv)
    if not GSR.exists():
        print(f"skipped: {GSR} is absent")
        return 0
    sys.path.insert(0, str(ROOT))
    from pipeline.document.access import results
    from pipeline.entities.gazetteer import gazetteer
    from pipeline.io.reading import Article
    from pipeline.model.loading import load
    from pipeline.run.records import prepare_doc

    records = [r for r in json.loads(GSR.read_text(encoding="utf-8"))[1:] if r.get("text")]
    nlp, g = load(), gazetteer()
    docs = (prepare_doc(nlp, Article(id=r["id"], text=r["text"]), r.get("date")) for r in records)
    table = defaultdict(lambda: defaultdict(int))
    total_coded = defaultdict(int)  # coded actors: the source's ISO3 country and sector
    for r, doc in zip(records, nlp.pipe(docs)):
        gold_type = OLD.get(r["event"], r["event"])
        events = results(doc, "events")
        top = main_event(doc, events)
        entity_country = {
            e["canonical"]: e.get("country") for e in results(doc, "entities") if e.get("canonical")
        }
        entity_country.update(
            {
                g.country_names[e["country"]]: e["country"]
                for e in results(doc, "entities")
                if e.get("country") in g.country_names
            }
        )
        row = table[gold_type]
        row["n"] += 1
        row["found"] += bool(events)
        row["type_right"] += bool(top and plover_type(top) == gold_type)
        row["type_raw"] += bool(top and top["type"] == gold_type)
        row["type_any"] += any(plover_type(e) == gold_type for e in events)
        sources = r.get("source") or []
        if isinstance(sources, dict):
            sources = [sources]
        if sources:
            row["with_actor"] += 1
            row["actor_found"] += bool(top and actor_found(sources, top["actors"], g, entity_country))
            codes = {src.get("code") for src in sources if src.get("code")}
            sectors = {(src.get("sector") or "")[:3] for src in sources if src.get("sector")}
            ours = [a for a in (top["actors"] if top else []) if isinstance(a, dict)]
            if codes:
                total_coded["country_n"] += 1
                total_coded["country_right"] += any(a.get("country") in codes for a in ours)
            if sectors & {"GOV", "MIL", "REB", "OPP", "JUD", "COP", "LEG", "IGO", "NGO", "MED", "BUS", "CVL"}:
                total_coded["sector_n"] += 1
                total_coded["sector_right"] += any(a.get("agent_type") in sectors for a in ours)
        if args.show == gold_type and not (top and plover_type(top) == gold_type):
            print(
                f"- {r['eventText']!r}: {[(e['text'], e['type'], e['cameo'], e['actors']) for e in events]}"
                f"\n  {r['text']}"
            )
    total = defaultdict(int)
    print(f"{'type':<10} {'n':>4} {'found':>6} {'type right':>10} {'type any':>9} {'actor found':>11}")
    for gold_type in sorted(table):
        row = table[gold_type]
        for k, v in row.items():
            total[k] += v
        print(
            f"{gold_type:<10} {row['n']:>4} {row['found'] / row['n']:>6.2f} {row['type_right'] / row['n']:>10.2f}"
            f" {row['type_any'] / row['n']:>9.2f} {row['actor_found'] / max(row['with_actor'], 1):>11.2f}"
        )
    n = total["n"]
    print(
        f"{'ALL':<10} {n:>4} {total['found'] / n:>6.2f} {total['type_right'] / n:>10.2f}"
        f" {total['type_any'] / n:>9.2f} {total['actor_found'] / max(total['with_actor'], 1):>11.2f}"
        f"   (type right {total['type_right']}/{n}, actor found {total['actor_found']}/{total['with_actor']})"
    )
    print(
        f"type right without reading planned or negated acts in PLOVER's way (AGREE, THREATEN, REJECT):"
        f" {total['type_raw'] / n:.2f}"
    )
    print(
        f"coded source actor of the main event: country right {total_coded['country_right'] / max(total_coded['country_n'], 1):.2f}"
        f" of {total_coded['country_n']}, agent type right {total_coded['sector_right'] / max(total_coded['sector_n'], 1):.2f}"
        f" of {total_coded['sector_n']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
