"""Entities: spaCy NER corrected by the gazetteer, with canonical names and countries.

``doc.ents`` is the model's NER corrected by phrase matches from the gazetteer
(``pipeline/patterns/countries.tsv``, ``organisations.tsv``, ``titles.tsv``): a country
the model tagged ORG becomes GPE, a news agency tagged GPE or PERSON becomes ORG, an
organisation's full name wins over a summit-name span around it, possessives and titles
are trimmed off people, and nothing is reported inside headings or the dateline.

``results(doc, "entities")`` lists every named mention as ``{text, start, end, label,
canonical, country}``: people carry their full name found anywhere in the article
("Xi" → "Xi Jinping", titles stripped) and the country the text gives them ("Russian
President Vladimir Putin" → RUS); countries, demonyms and known cities carry ISO3 codes.
Per-person titles and countries also go to ``doc.user_data["communique_persons"]`` for
the resolution of nominal mentions ("the Chinese president") by ``pipeline.discourse.mentions``.

The corrections live in :mod:`pipeline.entities.corrections`, the people finders in
:mod:`pipeline.entities.peoplefinder`, names and titles in :mod:`pipeline.entities.aliases`.
"""

from __future__ import annotations

from operator import attrgetter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import hash_string
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.document.access import blocked_char_ranges, overlaps, register_extensions, set_results
from pipeline.entities.aliases import (
    MEETING_WORDS,
    NAMED,
    POSSESSIVE,
    Canonical,
    TitleWords,
    canonical_person,
    strip_titles,
)
from pipeline.entities.corrections import SpanCorrections
from pipeline.entities.gazetteer import COUNTRIES_FILE, ORGANISATIONS_FILE, TITLES_FILE, gazetteer
from pipeline.entities.peoplefinder import PeopleFinder
from pipeline.entities.tokens import TokenArrays

__all__ = ["EntityExtractor", "canonical_person", "make_entities"]
PERSONS_KEY = "communique_persons"


class EntityExtractor(SpanCorrections, PeopleFinder):
    """spaCy component correcting ``doc.ents`` and writing ``doc._.communique_entities``."""

    def __init__(
        self,
        nlp: Language,
        name: str = "communique_entities",
        *,
        countries_file: str = COUNTRIES_FILE,
        organisations_file: str = ORGANISATIONS_FILE,
        titles_file: str = TITLES_FILE,
    ):
        self.name = name
        self.g = g = gazetteer(countries_file, organisations_file, titles_file)
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        tables = {"GPE": g.countries, "NORP": g.demonyms, "CITY": g.cities, "ORG": g.orgs}
        for key, table in tables.items():
            self.matcher.add(key, [nlp.make_doc(text) for text in table])
        # a capitalised title before proper nouns the model left untagged: "King Sultan Ibrahim"
        words = {w for w in g.title_words if w.isalpha()} - {"of", "the"}
        self._title_ids = {nlp.vocab.strings.add(w) for w in words}
        # token tests from the ORTH and LOWER hashes of TokenArrays: no Token object per test
        self._strings = nlp.vocab.strings
        self._title_words = TitleWords(nlp.vocab.strings, g)
        self._possessive_ids = {hash_string(w) for w in POSSESSIVE}
        self._place_word_ids = {hash_string(w) for w in (*g.demonyms, *g.countries)}
        self._known_name_ids = {hash_string(w) for w in (*g.countries, *g.cities, *g.orgs)}
        self._meeting_ids = {hash_string(w) for w in MEETING_WORDS}
        self._hyphen_id = hash_string("-")
        self._the_id = hash_string("the")
        self._of_the_ids = {hash_string("of"), self._the_id}

    # -- the component -------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        blocked = blocked_char_ranges(doc)
        v = TokenArrays(doc, self._title_words)
        model = []
        for ent in doc.ents:
            span = self._clean(doc, ent, v)
            if span is None or blocked and overlaps(span.start_char, span.end_char, blocked):
                continue
            if span.label_ == "GPE" and self._after_lower_hyphen(
                doc, span.start, v
            ):  # "the one-China principle"
                continue
            model.append(span)
        model += self._titled_people(doc, model, blocked, v)
        gaz = filter_spans(self.matcher(doc, as_spans=True))
        gaz = [
            s
            for s in gaz
            if not self._after_lower_hyphen(doc, s.start, v)
            and not (blocked and overlaps(s.start_char, s.end_char, blocked))
        ]
        spans = self._complete_names(doc, self._merge(doc, model, gaz, v), blocked, v)
        names: list[str] = []
        for s in sorted(spans, key=attrgetter("start")):
            if s.label_ == "PERSON":
                words = strip_titles(v.text_of(s).split(), self.g)
                if len(words) > 1 and " ".join(words) not in names:
                    names.append(" ".join(words))
        canonical = Canonical(names, self.g)
        # spans never overlap (see _merge; Doc.ents would refuse them): sorting them is
        # what filter_spans would do
        spans = sorted(self._find_people(doc, spans, names, canonical, v), key=attrgetter("start"))
        doc.set_ents(spans, default="outside")
        # the items' spans are the named entities themselves
        set_results(
            doc,
            "entities",
            self._items(doc, spans, canonical, v),
            spans=[s for s in spans if s.label_ in NAMED],
        )
        return doc

    def _items(self, doc: Doc, spans: list[Span], canonical: Canonical, v: TokenArrays) -> list[dict]:
        by_end = {s.end: s for s in spans}
        persons: dict[str, dict] = {}
        items = []
        for ent in spans:
            label = ent.label_
            if label not in NAMED:
                continue
            start_char, end_char = ent.start_char, ent.end_char
            text, country = v.text[start_char:end_char], None
            if label == "PERSON":
                name = canonical(text)
                country, titles = self._person_country(ent, by_end, v)
                info = persons.setdefault(name, {"country": None, "titles": []})
                info["country"] = info["country"] or country
                info["titles"] += [t for t in titles if t not in info["titles"]]
            elif label == "ORG" and text in self.g.orgs:
                name = self.g.orgs[text][0]
            elif label in {"GPE", "NORP", "LOC"}:
                country = self.g.country_of(text)
                name = text
                if label == "GPE" and text in self.g.countries:
                    name = self.g.country_names[country]
                elif text.isupper() and len(text) > 3:
                    name = text.title()
            else:
                name = text
            items.append(
                {
                    "text": text,
                    "start": start_char,
                    "end": end_char,
                    "label": label,
                    "canonical": name,
                    "country": country,
                }
            )
        for item in items:
            if item["label"] == "PERSON":
                item["country"] = persons[item["canonical"]]["country"]
        doc.user_data[PERSONS_KEY] = persons
        return items


@Language.factory(
    "communique_entities",
    default_config={
        "countries_file": COUNTRIES_FILE,
        "organisations_file": ORGANISATIONS_FILE,
        "titles_file": TITLES_FILE,
    },
    assigns=["doc.ents", "doc._.communique_entities", "doc.spans"],
    requires=["doc.ents", "token.tag", "token.pos"],
)
def make_entities(
    nlp: Language, name: str, countries_file: str, organisations_file: str, titles_file: str
) -> EntityExtractor:
    """The entities component; the gazetteer files are named relative to ``pipeline/patterns``."""
    register_extensions()  # the factory works alone in a plain spaCy pipeline
    return EntityExtractor(
        nlp,
        name,
        countries_file=countries_file,
        organisations_file=organisations_file,
        titles_file=titles_file,
    )
