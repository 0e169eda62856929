"""Figures: every number that states a fact, with its value, qualifier and what it counts.

Candidates come from one compiled regex over the text (:mod:`pipeline.figures.numbers`: digits,
words, scales, fractions, percentages, money, multipliers, ranges, qualifiers); this
component keeps those that state a fact and finds what they count through the parse
(:mod:`pipeline.figures.counted`). Not figures: dates and years (``communique_dates``
owns them, and 4-digit years are guarded here too), durations and ages ("70 years",
"a 10-day visit"), ordinals ("the eighth round"), numbers inside names ("one-China",
"G20", "Five Principles of Peaceful Coexistence", "2030 Agenda", "Resolution 2728", "NGC
1300", "5G"), identifiers ("MACS J1149.5+6663"), clock times ("2.13 am", "14.30 GMT"),
phone numbers, codes, and page or section numbers.

Span convention: qualifier + number with its sign, scale, currency and percent sign
("more than 100,000", "$3 billion", "5.2 percent", "minus 5", "($99.99)"), never the
counted noun.

>>> doc = nlp("Over 130 talks and meetings were held.")    # doctest: +SKIP
>>> results(doc, "figures")[0]["counted"]                    # doctest: +SKIP
'talks and meetings'
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.document.access import (
    CharRanges,
    blocked_char_ranges,
    doc_text,
    overlaps,
    register_extensions,
    results,
    set_results,
)
from pipeline.figures.counted import counted_for
from pipeline.figures.grammar import CURRENCIES_FILE, LEXICON_FILE, grammar, number_lexicon
from pipeline.figures.numbers import NumberMatch, find_numbers
from pipeline.figures.words import alternation, trie

_LINKS = r"(?i:https?://|www\.)\S+|\S+@\S+\.\w+"  # URLs, e-mail addresses
# possessive "++": what follows a run of digits or letters is never one more of them, so
# giving characters back could not help a match (and costs time at every word)
_CODES = (
    r"\d++(?:[-/.:]\d+){2,}"  # 5/17/2018, 192.168.1.2, 1-222-2222
    r"|(?<![\w])\d{1,2}:\d{2}(?![\d])"  # 10:30
    r"|\+\d[\d\s()-]{6,}\d"  # +1 222 2222
    r"|(?<![\w])(?:19|20)\d{2}\s*[-–/]\s*\d{2}(?![\d])"  # 2023-24, 1995-01
    r"|(?<![\w$])[A-Za-z]++[-']?\d[\w-]*+(?:[.+][\w-]++)*+"  # G20, COVID-19, Su-57, mid-2024, J1149.5+6663
    r"|(?<![\w])\d++[A-Za-z]++\d[\w]*"
)  # 5G3, 3D4
_CURRENCY_SIGNS = "$€£¥₹₩₽"
MAX_FIGURE_CHARS = 80  # no quantity news states is longer (a digit dump, a code)
MASK_MARGIN = 60  # characters around a number searched for codes, names and idioms
_SENTENCE_OPENERS = {"“", '"', "‘", "'", "(", "[", "—", "-", "–"}


def _year_like(nm: NumberMatch) -> bool:
    if not nm.is_plain_integer or nm.qualifier not in ("exact", "range"):
        return False
    values = [nm.value] + ([nm.value_max] if nm.value_max is not None else [])
    return all(v is not None and 1900 <= v <= 2100 and v == int(v) for v in values)


class FigureExtractor:
    """spaCy component writing ``doc._.communique_figures``."""

    def __init__(
        self,
        nlp: Language,
        name: str = "communique_figures",
        *,
        lexicon_file: str = LEXICON_FILE,
        currencies_file: str = CURRENCIES_FILE,
        max_figure_chars: int = MAX_FIGURE_CHARS,
        mask_margin: int = MASK_MARGIN,
    ):
        if lexicon_file != LEXICON_FILE:
            # what a figure counts (figures/counted.py) is read with the packaged lexicon
            raise ValueError(f"communique_figures: only lexicon_file={LEXICON_FILE!r} is supported")
        self.name = name
        self.max_figure_chars, self.mask_margin = max_figure_chars, mask_margin
        # compile the number grammar now, not on the first document
        self.grammar = grammar(lexicon_file, currencies_file)
        self._read_lexicon(number_lexicon(lexicon_file))

    def _read_lexicon(self, lex: dict) -> None:
        """The context words and the masks (codes, names, idioms, dates) of the lexicon."""
        self.time_units = set(lex["time_units"])
        self.reference_words = set(lex["reference_words"])
        self.months = set(lex["months"])
        self.fraction_next = set(lex["fraction_context_next"])
        self.fraction_not_after = set(lex["fraction_not_after"])
        self.ones_next = set(lex["ones_not_figures_next"])
        self.ones_prev = set(lex["ones_not_figures_prev"])
        self.times_next = set(lex["times_multiplier_next"])
        self.verb_only = set(lex["multiplier_base_forms_need_verb"])
        self.name_labels = set(lex["name_entity_labels"])
        self.name_start_labels = set(lex["name_labels_starting_with_number"])
        self.anaphoric_max = lex["anaphoric_max_value"]
        self.anaphoric_dets = set(lex["anaphoric_determiners"])
        self.group_nouns = set(lex["anaphoric_group_nouns"])
        self.compound_keep = set(lex["compound_modifier_keep_next"])
        self.vague_before_of = set(lex["vague_only_before_of"])
        # "the eighth round": a fraction word with no numerator may be an ordinal
        self.bare_fraction = re.compile(
            rf"(?i)(?:an?\s+)?(?:{alternation(lex['fractions'], boundary=False)})"
        )
        # lower-cased: the pattern is case-insensitive, and one branch per spelling keeps
        # the trie deterministic (so it finds the longest phrase, as the flat alternation did)
        names = trie({p.lower() for p in lex["name_phrases"] + lex["idiom_phrases"]}, flexible_spaces=True)
        ellipsis = "|".join(
            re.escape(p).replace(r"\ ", r"\s+") for p in sorted(lex["ellipsis_before"], key=len, reverse=True)
        )
        # "About 1,100 students ..., compared with nearly 15,000": the second counts the same
        self.ellipsis = re.compile(rf"(?i)(?<![\w])(?:{ellipsis})\s*$")
        # "2.13 am", "14.30 GMT": a time of day written with a dot
        clock = trie({w.lower() for w in lex["clock_suffixes"]}, flexible_spaces=True)
        clock = rf"(?<![\w.])(?:[01]?\d|2[0-3])[.:][0-5]\d\s*(?i:{clock})(?![\w])"
        # "5G", "4K", "3M": case-sensitive, and never after a currency ("$3M" is money)
        coded = rf"(?<![\w.,{re.escape(_CURRENCY_SIGNS)}]){trie(lex['digit_letter_names'])}(?![\w])"
        # every branch starts at a digit, a "+" or a word start: the test in front
        # rejects the other positions before the branches are tried one by one
        self.masks = re.compile(
            rf"(?:(?<![\w])|(?=[\d+]))"
            rf"(?:{_CODES}|{clock}|{coded}|(?i:(?<![\w])(?:{names})(?![\w])))"
        )
        self.links = re.compile(_LINKS)
        months = "|".join(re.escape(w) for w in lex["months"] + lex["temporal_words"])
        # a date span is trusted when it looks temporal: NER calls "between 10 and 20" a DATE
        self.temporal = re.compile(
            rf"(?i)(?<![\w])(?:{months})(?![\w])|(?<!\d)(?:1[89]|20)\d\d"
            rf"(?!\d)|\d(?:st|nd|rd|th|s)\b|['’]\d0s"
        )
        self.next_word = re.compile(r"\s*(-?)\s*([A-Za-z][A-Za-z.'’-]*)")
        self.prev_word = re.compile(r"([A-Za-z][A-Za-z.]*)\s*$")

    # -- the component -------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        # a "number" longer than any quantity news states (a digit dump, a code) is no
        # figure, and scanning its surroundings for codes would cost quadratic time
        found = [nm for nm in find_numbers(text, self.grammar) if nm.end - nm.start <= self.max_figure_chars]
        items = []
        if found:
            skip = list(blocked_char_ranges(doc))
            skip += [(d["start"], d["end"]) for d in results(doc, "dates") if self.temporal.search(d["text"])]
            skip += self._masked(text, found)
            skip = CharRanges(skip)  # indexed: one check per number, not one walk
            names = self._names(doc)
            for nm in found:
                item = self._figure(doc, text, nm, skip, names)
                if item is not None:
                    items.append(item)
            self._elliptical(text, items)
        set_results(doc, "figures", items)
        return doc

    def _masked(self, text: str, found: list[NumberMatch]) -> list[tuple[int, int]]:
        """Codes, names and idioms near the numbers (scanning only there: on the whole
        text these patterns cost more than the rest of the component)."""
        spans = []
        if "@" in text or "://" in text or "www." in text.lower():
            spans = [m.span() for m in self.links.finditer(text)]
        windows: list[list[int]] = []
        for nm in found:
            lo, hi = max(0, nm.start - self.mask_margin), nm.end + self.mask_margin
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = hi
            else:
                windows.append([lo, hi])
        for lo, hi in windows:
            space = text.find(" ", hi)  # never cut a word in two
            spans += [m.span() for m in self.masks.finditer(text, lo, len(text) if space < 0 else space)]
        return spans

    def _names(self, doc: Doc) -> tuple[CharRanges, CharRanges]:
        """The names a number can be part of, indexed (one look-up per number, not a walk
        over every name): those whose label may start with a number ("2030 Agenda"), and
        the other name labels (the number must come more than 4 characters in)."""
        ents = results(doc, "entities")
        if ents:
            names = [(e["start"], e["end"], e.get("label", "")) for e in ents]
        else:
            names = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        names = [n for n in names if n[2] in self.name_labels]
        return (
            CharRanges((s, e) for s, e, label in names if label in self.name_start_labels),
            CharRanges((s, e) for s, e, label in names if label not in self.name_start_labels),
        )

    def _figure(self, doc: Doc, text: str, nm: NumberMatch, skip, names) -> dict | None:
        if overlaps(nm.num_start, nm.num_end, skip):
            return None
        span = doc.char_span(nm.start, nm.end, alignment_mode="expand")
        core = doc.char_span(nm.num_start, nm.num_end, alignment_mode="expand")
        if span is None or core is None:
            return None
        nxt = self.next_word.match(text, nm.end)
        hyphen, next_word = (nxt.group(1), nxt.group(2).lower()) if nxt else ("", "")
        prev = self.prev_word.search(text, max(0, nm.start - 40), nm.start)
        prev_word = prev.group(1).lower() if prev else ""
        if nm.kind == "multiplier":
            if nm.text.lower() in self.verb_only and core.root.pos_ != "VERB":
                return None
            return self._item(nm, counted_for(doc, span, multiplier=True))
        if self._not_a_figure(doc, nm, core, hyphen, next_word, prev_word, names) or self._anaphoric(
            doc, nm, core
        ):
            return None
        if nm.times:
            if (
                next_word in self.times_next
                or doc[span.end - 1].dep_ in ("quantmod", "advmod")
                and doc[span.end - 1].head.tag_ in ("JJR", "RBR")
            ):
                nm.kind = "multiplier"
                return self._item(nm, None)
            # "met three times": a count of occasions
            end = nm.num_end
            nm.text, nm.end = text[nm.start : end], end
            span = doc.char_span(nm.start, nm.end, alignment_mode="expand")
        counted = counted_for(doc, span, kind=nm.kind)
        if counted and counted.rsplit(None, 1)[-1].lower() in self.time_units:
            counted = None  # "5.2 percent year on year"
        return self._item(nm, counted)

    def _not_a_figure(
        self, doc: Doc, nm: NumberMatch, core: Span, hyphen: str, next_word: str, prev_word: str, names
    ) -> bool:
        plain = nm.kind == "count" and not nm.times
        after = doc[core.end] if core.end < len(doc) else None
        if _year_like(nm) and not (
            after is not None and after.tag_ in ("NNS", "NNPS") and after.lower_ not in self.time_units
        ):
            return True  # "in 2024", "2030 Agenda"
        if plain and (next_word in self.time_units or next_word in self.months or prev_word in self.months):
            return True  # durations, ages, dates
        if nm.vague and next_word == "of" and self._after_of(doc, core) in self.time_units:
            return True  # "hundreds of years"
        if (
            nm.vague
            and core.text.lower() in self.vague_before_of
            and next_word != "of"
            and not self._sentence_initial(doc, core[0])
        ):
            return True  # "he scores", "the scores were 3-2"; not "scores of people"
        if (
            hyphen
            and plain
            and (
                nm.is_word
                or next_word in self.time_units
                or next_word.isalpha()
                and next_word not in self.compound_keep
            )
        ):
            return True  # "one-China", "10-day", "15-member"
        if not nm.is_word and plain and prev_word in self.reference_words:
            return True  # "Resolution 2728", "page 12"
        return self._in_a_name(doc, nm, core, next_word, prev_word, names)

    def _in_a_name(
        self, doc: Doc, nm: NumberMatch, core: Span, next_word: str, prev_word: str, names
    ) -> bool:
        """A number that is part of a name or an idiom: "Five Principles", "Boeing 737",
        "the Group of 20", "one of", "the second half"."""
        plain = nm.kind == "count" and not nm.times
        first = core[0]
        if nm.is_word and first.is_title and not self._sentence_initial(doc, first):
            return True  # "Five Principles", "Group of Seven"
        if not nm.is_word and plain and first.i > 0:
            left = doc[first.i - 1]
            if (
                (left.is_title or left.is_upper and left.is_alpha and len(left) > 1)
                and left.pos_ == "PROPN"
                and left.ent_type_ not in ("GPE", "NORP")
                and left.lower_ not in self.months
                and core.end - core.start == 1
            ):
                return True  # "Boeing 737", "Windows 10", "NGC 1300"
        starting, inner = names
        if nm.kind == "count" and (
            starting.overlaps(nm.num_start, nm.num_end)
            or inner.overlaps(nm.num_start, min(nm.num_end, nm.num_start - 4))
        ):
            return True  # "the Group of 20"
        low = nm.text.lower()
        if low == "one" and nm.qualifier == "exact":
            root = core.root
            if (
                root.dep_ != "nummod"
                or root.head.i < core.end
                or next_word in self.ones_next
                or prev_word in self.ones_prev
            ):
                return True  # "one of", "no one", "one another"
        if (
            nm.fraction
            and self.bare_fraction.fullmatch(nm.text)
            and (next_word not in self.fraction_next or prev_word in self.fraction_not_after)
            and not (next_word == "" and nm.text[:1].lower() == "a")  # "cut by a third."
        ):
            return True  # "the second half", "a third term", "the eighth round"
        return False

    def _anaphoric(self, doc: Doc, nm: NumberMatch, core: Span) -> bool:
        """ "the two sides", "the world's two largest economies": a small number after a
        definite determiner or possessive, before a group noun, names participants already
        mentioned; it states no fact."""
        if (
            nm.kind != "count"
            or nm.qualifier != "exact"
            or nm.times
            or nm.value is None
            or nm.value > self.anaphoric_max
            or core.start == 0
        ):
            return False
        if doc[core.start - 1].lower_ not in self.anaphoric_dets:
            return False
        head = core.root.head
        if core.root.dep_ != "nummod" or head.i < core.end or head.i - core.end > 3:
            return False
        return head.lower_ in self.group_nouns or head.lemma_.lower() in self.group_nouns

    def _elliptical(self, text: str, items: list[dict]) -> None:
        """A figure with nothing counted right after a comparison with the figure before
        it counts the same thing ("1,100 students, compared with nearly 15,000")."""
        for prev, item in zip(items, items[1:]):
            if item["counted"] is None and prev["counted"] and prev["kind"] == item["kind"]:
                between = text[prev["end"] : item["start"]]
                if (
                    len(between) < 120
                    and not re.search(r"[.!?;]\s", between)
                    and self.ellipsis.search(between)
                ):
                    item["counted"] = prev["counted"]

    @staticmethod
    def _sentence_initial(doc: Doc, token) -> bool:
        i = token.i
        while i > 0 and doc[i - 1].text in _SENTENCE_OPENERS:
            i -= 1
        return i == 0 or doc[i].is_sent_start or doc[i - 1].text in (".", "!", "?", ":", "\n")

    @staticmethod
    def _after_of(doc: Doc, core: Span) -> str:
        i = core.end + 1
        while i < len(doc) and doc[i].pos_ in ("DET", "ADJ"):
            i += 1
        return doc[i].lower_ if i < len(doc) else ""

    @staticmethod
    def _item(nm: NumberMatch, counted: str | None) -> dict:
        return {
            "text": nm.text,
            "start": nm.start,
            "end": nm.end,
            "value": nm.value,
            "value_max": nm.value_max,
            "qualifier": nm.qualifier,
            "counted": counted,
            "kind": nm.kind,
            "unit": nm.unit,
        }


@Language.factory(
    "communique_figures",
    default_config={
        "lexicon_file": LEXICON_FILE,
        "currencies_file": CURRENCIES_FILE,
        "max_figure_chars": MAX_FIGURE_CHARS,
        "mask_margin": MASK_MARGIN,
    },
    assigns=["doc._.communique_figures", "doc.spans"],
    requires=[
        "doc._.communique_dates",
        "doc._.communique_entities",
        "doc.ents",
        "token.tag",
        "token.pos",
        "token.dep",
        "token.lemma",
        "token.ent_type",
        "token.is_sent_start",
    ],
)
def make_figures(
    nlp: Language, name: str, lexicon_file: str, currencies_file: str, max_figure_chars: int, mask_margin: int
) -> FigureExtractor:
    """The figures component; data files are named relative to ``pipeline/patterns``."""
    register_extensions()  # the factory works alone in a plain spaCy pipeline
    return FigureExtractor(
        nlp,
        name,
        lexicon_file=lexicon_file,
        currencies_file=currencies_file,
        max_figure_chars=max_figure_chars,
        mask_margin=mask_margin,
    )
