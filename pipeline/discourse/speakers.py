"""Who speaks: the speaker mention a cue attaches to, resolved to a full name.

A cue's subject (or inverted subject, passive agent, ``according to`` object, the
possessor of ``Xi's letter``) is a token; :meth:`ArticleSpeakers.mention` turns it into
the mention the cue attaches to (``speaker_text``) and the canonical name (``speaker``):

- a named entity: its canonical name from ``results(doc, "entities")``, titles stripped
  (``President Xi`` → ``Xi Jinping``);
- conjoined names: ``Xi Jinping and Vladimir Putin``;
- a pronoun (``he``, ``she``, ``it``): the nearest earlier compatible person (or
  organisation), preferring the subject of the nearest sentence that has one;
- a role (``the Chinese president``, ``Malaysia's King``): the nearest person whose title
  words and country match;
- a group (``the two leaders``, ``both sides``): the last pair of people or countries;
- an institution (``the ministry``): the nearest organisation with that word in its name.

Unresolved mentions keep ``speaker_text`` with ``speaker`` None.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from spacy.tokens import Doc, Span, Token

from pipeline.document.access import doc_text, entity_spans, sent_starts
from pipeline.patterns import PATTERNS_DIR
from pipeline.quotes.cues import subject_of

LEXICON_PATH = PATTERNS_DIR / "quote_speakers.json"
SUBJECTS = {"nsubj", "nsubjpass"}
NAMED = {"PERSON", "ORG", "GPE", "NORP"}
MODIFIERS = {"compound", "amod", "poss", "nmod", "nummod", "det", "case", "quantmod", "npadvmod"}


@dataclass
class Mention:
    start: int
    end: int
    text: str
    speaker: Optional[str]


class SpeakerLexicon:
    """The speaker word lists, loaded once."""

    def __init__(self, path: Path = LEXICON_PATH):
        data = json.loads(path.read_text(encoding="utf-8"))
        self.titles = set(data["titles"])
        self.keep_in_names = set(data["keep_in_names"])
        self.roles = set(data["roles"])
        self.speaker_nouns = set(data["speaker_nouns"])
        self.group_people = set(data["groups"]["people"])
        self.group_countries = set(data["groups"]["countries"])
        self.group_markers = set(data["groups"]["markers"])
        self.institutions = set(data["institutions"])
        self.female_titles = set(data["female_titles"])
        self.male_titles = set(data["male_titles"])
        self.female_names = set(data["female_names"])
        self.pronouns = dict(data["pronouns"])
        self.role_equivalents = {k: set(v) for k, v in data["role_equivalents"].items()}
        self.indefinites = set(data["indefinites"])
        self.person_words = self.titles | self.roles | self.keep_in_names  # before a name

    def strip_titles(self, name: str) -> str:
        """``President Xi Jinping`` → ``Xi Jinping``; ``Sultan Ibrahim`` stays."""
        words = name.split()
        while (
            len(words) > 1
            and words[0].lower().rstrip(",") in self.titles
            and words[0].lower() not in self.keep_in_names
        ):
            words = words[1:]
        return " ".join(words)


def _country_key(word: str) -> str:
    w = word.lower().replace(".", "")
    return w[:4] if len(w) >= 4 else w


class ArticleSpeakers:
    """Per-article state: the entities by token, people's titles, countries and genders."""

    def __init__(
        self,
        doc: Doc,
        entities: list[dict],
        lexicon: SpeakerLexicon,
        text: Optional[str] = None,
        cue_lemmas: frozenset = frozenset(),
    ):
        self.doc = doc
        self.cue_lemmas = cue_lemmas
        self.text = doc_text(doc) if text is None else text
        self.lex = lexicon
        self.ent_at: dict[int, dict] = {}
        self.persons: list[tuple[int, int, str]] = []  # token start, end, canonical
        self.orgs: list[tuple[int, int, str]] = []
        self.places: list[tuple[int, int, str]] = []
        self._info: Optional[dict[str, dict]] = None  # see info
        self._person_spans: list[tuple[Span, str, dict]] = []
        self.described: list[tuple[int, str, str]] = []  # token, noun lemma, canonical
        self.sent_starts = sent_starts(doc)
        for ent, span in zip(entities, entity_spans(doc, entities)):
            if span is None:
                continue
            start, end = span.start, span.end
            for i in range(start, end):
                self.ent_at[i] = ent
            label = ent["label"]
            if label == "PERSON":
                canonical = self.canonical(ent)
                self.persons.append((start, end, canonical))
                self._person_spans.append((span, canonical, ent))
            elif label == "ORG":
                canonical = self.canonical(ent)
                self.orgs.append((start, end, canonical))
                self._learn_description(span, canonical)
            elif label in ("GPE", "NORP"):
                self.places.append((start, end, self.canonical(ent)))

    # ------------------------------------------------------------------ people

    @property
    def info(self) -> dict[str, dict]:
        """Per person (canonical name): title words, countries, country codes, gender.
        Read from the text around each mention the first time a pronoun or a role needs
        it (most articles never do). The entities come in text order, so every entity
        before a person is known by then, as when read mention by mention."""
        if self._info is None:
            self._info = {}
            for span, canonical, ent in self._person_spans:
                self._learn_person(span, canonical)
                if ent.get("country"):
                    self._info[canonical]["codes"].add(ent["country"])
        return self._info

    def canonical(self, ent: dict) -> str:
        name = ent.get("canonical") or ent["text"]
        if ent["label"] == "PERSON":
            return self.lex.strip_titles(name)
        return name[4:] if name.lower().startswith("the ") else name

    def _learn_description(self, span, canonical: str) -> None:
        """``the British newspaper Guardian``, ``CCTV, the state broadcaster``: the noun
        that ``the newspaper`` later refers back with."""
        nouns = [span.root.head] if span.root.dep_ == "appos" else []
        nouns += [c for c in span.root.children if c.dep_ == "appos"]
        if span.start > 0:
            nouns.append(self.doc[span.start - 1])
        for noun in nouns:
            if noun.pos_ == "NOUN" and noun.is_lower and noun.i not in self.ent_at:
                self.described.append((span.start, noun.lemma_.lower(), canonical))

    def _described(self, tok: Token) -> Optional[str]:
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children):
            return None
        lemma = tok.lemma_.lower()
        found = [c for i, w, c in self.described if w == lemma and i < tok.i]
        return found[-1] if found else None

    def _learn_person(self, span: Span, canonical: str) -> None:
        info = self._info.setdefault(
            canonical, {"words": set(), "countries": set(), "codes": set(), "gender": None}
        )
        doc = self.doc
        words = []
        start = span.start
        i = start - 1
        while i >= 0 and start - i <= 6:
            tok = doc[i]
            low = tok.lower_
            ent = self.ent_at.get(i)
            if low in self.lex.person_words:
                words.append(low)
            elif ent is not None and ent["label"] in ("GPE", "NORP", "ORG"):
                info["countries"].add(_country_key(ent["text"]))
                if ent.get("country"):
                    info["codes"].add(ent["country"])
            elif low in ("’s", "'s", "of", "-") or (tok.pos_ == "PROPN" and tok.is_title):
                if tok.pos_ == "PROPN":
                    info["countries"].add(_country_key(tok.text))
            else:
                break
            i -= 1
        root = span.root
        for child in root.children:
            if child.dep_ == "appos":
                for tok in child.subtree:
                    if tok.lower_ in self.lex.titles or tok.lower_ in self.lex.roles:
                        words.append(tok.lower_)
                    elif tok.ent_type_ in ("GPE", "NORP"):
                        info["countries"].add(_country_key(tok.text))
        if root.dep_ == "appos" and root.head.lower_ in self.lex.roles:
            words.append(root.head.lower_)
        info["words"].update(words)
        first = canonical.split()[0].lower() if canonical else ""
        if info["gender"] is None:
            if any(w in self.lex.female_titles for w in words) or first in self.lex.female_names:
                info["gender"] = "f"
            elif any(w in self.lex.male_titles for w in words):
                info["gender"] = "m"

    def sentence_of(self, i: int) -> int:
        lo, hi = 0, len(self.sent_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sent_starts[mid] <= i:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def _sentence_bounds(self, k: int) -> tuple[int, int]:
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.doc)
        return self.sent_starts[k], end

    # ------------------------------------------------------------------ speaker-likeness

    def is_speaker_like(self, tok: Token) -> bool:
        low = tok.lower_
        if tok.pos_ == "PRON":
            return low in ("he", "she", "they", "it")
        ent = self.ent_at.get(tok.i)
        if ent is not None:
            return ent["label"] in NAMED
        if (
            tok.lemma_.lower() in self.lex.speaker_nouns
            or low in self.lex.speaker_nouns
            or tok.lemma_.lower() in DOCUMENT_NOUNS
        ):
            return True
        return tok.pos_ == "PROPN"

    # ------------------------------------------------------------------ mentions

    def mention(self, tok: Token) -> Mention:
        """The mention headed by ``tok`` and the speaker it names (conjuncts joined)."""
        first = self._single(tok)
        conj = [
            c
            for c in tok.children
            if c.dep_ == "conj"
            and c.i > tok.i
            and (c.i in self.ent_at and self.ent_at[c.i]["label"] in NAMED or c.pos_ == "PROPN")
        ]
        if not conj or tok.pos_ == "PRON":
            if first.speaker is None and tok.pos_ != "PRON":
                named = self._split_apposition(tok)
                if named is not None:
                    return self._entity_mention(named)
            return first
        parts = [first] + [self._single(c) for c in conj]
        names = [p.speaker for p in parts if p.speaker]
        last = parts[-1]
        return Mention(
            first.start,
            last.end,
            self.text[first.start : last.end],
            " and ".join(dict.fromkeys(names)) or None,
        )

    def _single(self, tok: Token) -> Mention:
        doc = self.doc
        low = tok.lower_
        if tok.pos_ == "PRON" and low in self.lex.pronouns:
            return Mention(tok.idx, tok.idx + len(tok), tok.text, self._pronoun(tok))
        if tok.i in self.ent_at:
            return self._entity_mention(tok)
        for child in tok.children:  # "the spokesperson, Mao Ning,"; "state broadcaster CCTV"
            if (
                child.dep_ == "appos"
                and child.i in self.ent_at
                and self.ent_at[child.i]["label"] in ("PERSON", "ORG")
            ):
                return self._entity_mention(child)
        lemma = tok.lemma_.lower()
        possessor = self._document_author(tok)
        if possessor is not None:
            return self._single(possessor)
        source = None
        if lemma in DOCUMENT_NOUNS and not self._indefinite(tok):
            source = self._document_source(tok)  # "the statement said": who issued it
        start_tok = tok
        for child in tok.lefts:
            if child.dep_ in MODIFIERS and child.dep_ != "det":
                start_tok = doc[child.left_edge.i]
                break
        while start_tok.i < tok.i and start_tok.dep_ == "det":
            start_tok = doc[start_tok.i + 1]
        start, end = start_tok.idx, tok.idx + len(tok)
        text = self.text[start:end]
        speaker = None
        if source is not None:
            speaker = self._single(source).speaker
        elif lemma in self.lex.group_people or lemma in self.lex.group_countries:
            speaker = self._group(tok, lemma)
        elif lemma in self.lex.roles or low in self.lex.roles:
            speaker = self._role(tok)
        elif lemma in self.lex.institutions:
            speaker = self._institution(tok)
        elif tok.pos_ == "PROPN":
            speaker = self._name(text)
        if speaker is None and tok.pos_ == "NOUN" and self.described:
            speaker = self._described(tok)  # "the newspaper" → Guardian
        return Mention(start, end, text, speaker)

    def _split_apposition(self, tok: Token) -> Optional[Token]:
        """``said the Council President for May, Ambassador Jane Doe``: the parser made the
        name a second subject of the cue; it names the role."""
        if tok.dep_ not in SUBJECTS:
            return None
        for sib in tok.head.children:
            if (
                sib.dep_ == tok.dep_
                and tok.i < sib.i < tok.i + 20
                and sib.i in self.ent_at
                and self.ent_at[sib.i]["label"] == "PERSON"
                and self.doc[sib.left_edge.i - 1].text == ","
            ):
                return sib
        return None

    def _indefinite(self, tok: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ in self.lex.indefinites for c in tok.children)

    def _document_source(self, tok: Token) -> Optional[Token]:
        """The author of the nearest earlier document of the article: ``the department said
        in a statement`` or ``a statement released by the Security Council``."""
        k0 = self.sentence_of(tok.i)
        lo = self.sent_starts[max(0, k0 - 3)]
        for j in range(tok.i - 1, lo - 1, -1):
            t = self.doc[j]
            if t.lemma_.lower() not in DOCUMENT_NOUNS or t.pos_ != "NOUN":
                continue
            author = self._document_author(t)
            if author is None and t.right_edge.i + 1 < tok.i:  # "the statement ... released by X"
                verb = self.doc[t.right_edge.i + 1]
                if verb.tag_ in ("VBN", "VBD"):  # the parser often reads a VBD
                    author = next(
                        (
                            o
                            for a in verb.children
                            if a.dep_ == "agent"
                            for o in a.children
                            if o.dep_ == "pobj" and o.i in self.ent_at
                        ),
                        None,
                    )
            if author is not None:
                return author
            verb = t.head.head
            if (
                t.dep_ == "pobj"
                and t.head.lower_ in ("in", "through", "via")
                and verb.lemma_.lower() in self.cue_lemmas
            ):
                subject = subject_of(verb)
                if (
                    subject is not None
                    and subject.i != tok.i
                    and subject.lemma_.lower() not in DOCUMENT_NOUNS
                ):
                    return subject
        return None

    def _entity_mention(self, tok: Token) -> Mention:
        ent = self.ent_at[tok.i]
        name = self.canonical(ent)
        if ent["label"] in ("PERSON", "ORG") and len(name.split()) == 1:
            name = self._name(name)  # "Wang" → "Wang Yi" (said earlier in the article)
        return Mention(ent["start"], ent["end"], ent["text"], name)

    def _document_author(self, tok: Token) -> Optional[Token]:
        """``Xi's letter``, ``the statement from the ministry`` → the author's head token."""
        if tok.lemma_.lower() not in DOCUMENT_NOUNS:
            return None
        for child in tok.children:
            if child.dep_ == "poss" and self.is_speaker_like(child):
                return child
            preps = [child] if child.dep_ == "prep" and child.lower_ in ("from", "by", "of") else []
            if child.dep_ == "acl":  # "a readout released by the White House"
                preps = [g for g in child.children if g.dep_ == "agent"]
            for prep in preps:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and (
                        obj.i in self.ent_at or obj.lemma_.lower() in self.lex.institutions
                    ):
                        return obj
        return None

    # ------------------------------------------------------------------ resolution

    def _pronoun(self, tok: Token) -> Optional[str]:
        kind = self.lex.pronouns[tok.lower_]
        if kind == "p":
            return self._last_pair(tok.i, self.persons, 3)
        if kind == "o" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in self.cue_lemmas:
            previous = self._previous_institution_speaker(tok)
            if previous is not None:
                return previous
        pool = self.orgs + self.places if kind == "o" else self.persons
        k0 = self.sentence_of(tok.i)
        for k in range(k0, max(-1, k0 - 6), -1):
            lo, hi = self._sentence_bounds(k)
            hi = min(hi, tok.i)
            found = [(s, e, c) for s, e, c in pool if lo <= s and e <= hi]
            if kind != "o":
                found = [f for f in found if self._gender_ok(f[2], kind)]
            if not found:
                continue
            subjects = [f for f in found if self._in_subject(f[0], f[1])]
            best = (subjects or found)[0][2]
            if kind in ("m", "f") and self.info.get(best, {}).get("gender") is None:
                self.info[best]["gender"] = kind
            return best
        return None

    def _previous_institution_speaker(self, tok: Token) -> Optional[str]:
        """``"...," the Treasury said. "...," it added``: ``it`` goes on with the last
        organisation that spoke (not the countries named in the quotation)."""
        lo = self.sent_starts[max(0, self.sentence_of(tok.i) - 3)]
        for j in range(tok.i - 1, lo - 1, -1):
            t = self.doc[j]
            if t.dep_ != "nsubj" or t.head.lemma_.lower() not in self.cue_lemmas:
                continue
            ent = self.ent_at.get(t.i)
            lemma = t.lemma_.lower()
            if ent is not None and ent["label"] == "PERSON" or t.lower_ in ("he", "she", "they"):
                return None  # a person spoke last: not "it"
            if (
                ent is not None
                or lemma in self.lex.institutions
                or lemma in DOCUMENT_NOUNS
                or t.lower_ == "it"
            ):
                return self._single(t).speaker
        return None

    def _gender_ok(self, canonical: str, kind: str) -> bool:
        gender = self.info.get(canonical, {}).get("gender")
        return gender is None or gender == kind

    def _in_subject(self, start: int, end: int) -> bool:
        tok = self.doc[start:end].root
        while tok.dep_ in ("compound", "appos", "conj", "poss") and tok.head.i != tok.i:
            tok = tok.head
        return tok.dep_ in SUBJECTS

    def _role(self, tok: Token) -> Optional[str]:
        if self._indefinite(tok):
            return None  # "another White House spokesman": not the one named before
        role = tok.lemma_.lower() if tok.lemma_.lower() in self.lex.roles else tok.lower_
        fills = self.lex.role_equivalents.get(role, {role})
        required = set()
        countries, codes = set(), set()
        for t in tok.subtree:
            if t.i >= tok.i:
                break
            ent = self.ent_at.get(t.i)
            if ent is not None and ent["label"] == "PERSON" and t.dep_ == "poss":
                return None  # "Duterte's spokesman" is not Duterte
            if ent is not None and ent["label"] in ("GPE", "NORP", "ORG"):
                countries.add(_country_key(ent["text"]))
                if ent.get("country"):
                    codes.add(ent["country"])
            elif t.lower_ in self.lex.titles and t.lower_ not in ("his", "her", "the"):
                required.add(t.lower_)
            elif t.pos_ in ("PROPN", "ADJ") and t.is_title:
                countries.add(_country_key(t.text))
        candidates, unplaced = [], []
        for s, _e, canonical in self.persons:
            info = self.info.get(canonical)
            if info is None or not required <= info["words"] or not _fills(fills, info["words"]):
                continue
            if countries and not (countries & info["countries"] or codes & info["codes"]):
                if not (info["countries"] or info["codes"]):
                    unplaced.append((s, canonical))  # "the UN chief" → Secretary-General X
                continue
            candidates.append((s, canonical))
        candidates = candidates or unplaced
        if not candidates and (countries or codes):  # titles unseen: a person of that country
            candidates = [
                (s, c)
                for s, e, c in self.persons
                if codes & self.info[c]["codes"] and not self.info[c]["words"] - {"his", "her"}
            ]
        before = [c for c in candidates if c[0] < tok.i]
        if before:
            return before[-1][1]
        next_sentence = self.sentence_of(tok.i) + 1  # "The UN chief welcomed ... . "...," said X"
        after = [
            c
            for c in candidates
            if c[0] > tok.i and (c[0] - tok.i < 60 or self.sentence_of(c[0]) <= next_sentence)
        ]
        return after[0][1] if after else None

    def _group(self, tok: Token, lemma: str) -> Optional[str]:
        for c in tok.lefts:  # "the Chinese side" → China
            ent = self.ent_at.get(c.i)
            if ent is not None and ent["label"] in ("NORP", "GPE") and lemma in self.lex.group_countries:
                return _country_name(ent) or self.canonical(ent)
        markers = {c.lower_ for c in tok.children}
        if not markers & self.lex.group_markers:
            return None
        pool = self.persons if lemma in self.lex.group_people else self.places
        return self._last_pair(tok.i, pool, 3)

    def _last_pair(self, i: int, pool: list, window: int) -> Optional[str]:
        k0 = self.sentence_of(i)
        for k in range(k0, max(-1, k0 - window), -1):
            lo, hi = self._sentence_bounds(k)
            names = list(dict.fromkeys(c for s, e, c in pool if lo <= s and e <= min(hi, i)))
            if len(names) >= 2:
                return " and ".join(names[:2])
        return None

    def _institution(self, tok: Token) -> Optional[str]:
        word = tok.lemma_.lower()
        for s, _e, canonical in reversed(self.orgs):
            if s < tok.i and word in canonical.lower():
                return canonical
        if tok.is_title:
            return None
        return None

    def _name(self, text: str) -> str:
        """A bare name → the full name of an article person it ends (or, alone, starts)."""
        name = self.lex.strip_titles(text)
        words = name.split()
        for _s, _e, canonical in reversed(self.persons):
            parts = canonical.split()
            if len(parts) > len(words) and (
                parts[-1] == words[-1] or len(words) == 1 and parts[0] == words[0]
            ):
                return canonical
        return name


def _fills(fills: set, words: set) -> bool:
    """A person's title words fill the role (``secretary`` + ``general`` → secretary-general)."""
    return any(f in words or "-" in f and set(f.split("-")) <= words for f in fills)


def _country_name(ent: dict) -> Optional[str]:
    code = ent.get("country")
    if not code:
        return None
    try:
        from pipeline.entities.gazetteer import gazetteer
    except ImportError:  # pragma: no cover - the gazetteer ships with the entities component
        return None
    return gazetteer().country_names.get(code)


DOCUMENT_NOUNS = set(json.loads((PATTERNS_DIR / "quote_cues.json").read_text(encoding="utf-8"))["documents"])
