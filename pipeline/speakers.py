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

from spacy.tokens import Doc, Token

LEXICON_PATH = Path(__file__).parent / "patterns" / "quote_speakers.json"
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

    def strip_titles(self, name: str) -> str:
        """``President Xi Jinping`` → ``Xi Jinping``; ``Sultan Ibrahim`` stays."""
        words = name.split()
        while len(words) > 1 and words[0].lower().rstrip(",") in self.titles \
                and words[0].lower() not in self.keep_in_names:
            words = words[1:]
        return " ".join(words)


def _country_key(word: str) -> str:
    w = word.lower().replace(".", "")
    return w[:4] if len(w) >= 4 else w


class ArticleSpeakers:
    """Per-article state: the entities by token, people's titles, countries and genders."""

    def __init__(self, doc: Doc, entities: list[dict], lexicon: SpeakerLexicon,
                 text: Optional[str] = None):
        self.doc = doc
        self.text = doc.text if text is None else text  # Doc.text re-joins tokens: read once
        self.lex = lexicon
        self.ent_at: dict[int, dict] = {}
        self.ent_tokens: dict[int, tuple[int, int]] = {}
        self.persons: list[tuple[int, int, str]] = []  # token start, end, canonical
        self.orgs: list[tuple[int, int, str]] = []
        self.places: list[tuple[int, int, str]] = []
        self.info: dict[str, dict] = {}
        self.sent_starts = [s.start for s in doc.sents]
        for ent in entities:
            span = doc.char_span(ent["start"], ent["end"], alignment_mode="expand")
            if span is None:
                continue
            for i in range(span.start, span.end):
                self.ent_at[i] = ent
                self.ent_tokens[i] = (span.start, span.end)
            canonical = self.canonical(ent)
            if ent["label"] == "PERSON":
                self.persons.append((span.start, span.end, canonical))
                self._learn_person(span.start, span.end, canonical)
                if ent.get("country"):
                    self.info[canonical]["codes"].add(ent["country"])
            elif ent["label"] == "ORG":
                self.orgs.append((span.start, span.end, canonical))
            elif ent["label"] in ("GPE", "NORP"):
                self.places.append((span.start, span.end, canonical))

    # ------------------------------------------------------------------ people

    def canonical(self, ent: dict) -> str:
        name = ent.get("canonical") or ent["text"]
        if ent["label"] == "PERSON":
            return self.lex.strip_titles(name)
        return name[4:] if name.lower().startswith("the ") else name

    def _learn_person(self, start: int, end: int, canonical: str) -> None:
        info = self.info.setdefault(canonical, {"words": set(), "countries": set(), "codes": set(),
                                                "gender": None})
        doc = self.doc
        words = []
        i = start - 1
        while i >= 0 and start - i <= 6:
            tok = doc[i]
            low = tok.lower_
            ent = self.ent_at.get(i)
            if low in self.lex.titles or low in self.lex.roles or low in self.lex.keep_in_names:
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
        root = doc[start:end].root
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
        if tok.lemma_.lower() in self.lex.speaker_nouns or low in self.lex.speaker_nouns:
            return True
        return tok.pos_ == "PROPN"

    # ------------------------------------------------------------------ mentions

    def mention(self, tok: Token) -> Mention:
        """The mention headed by ``tok`` and the speaker it names (conjuncts joined)."""
        first = self._single(tok)
        conj = [c for c in tok.children if c.dep_ == "conj" and c.i > tok.i
                and (c.i in self.ent_at and self.ent_at[c.i]["label"] in NAMED or c.pos_ == "PROPN")]
        if not conj or tok.pos_ == "PRON":
            return first
        parts = [first] + [self._single(c) for c in conj]
        names = [p.speaker for p in parts if p.speaker]
        last = parts[-1]
        return Mention(first.start, last.end, self.text[first.start:last.end],
                       " and ".join(dict.fromkeys(names)) or None)

    def _single(self, tok: Token) -> Mention:
        doc = self.doc
        low = tok.lower_
        if tok.pos_ == "PRON" and low in self.lex.pronouns:
            return Mention(tok.idx, tok.idx + len(tok), tok.text, self._pronoun(tok))
        if tok.i in self.ent_at:
            return self._entity_mention(tok)
        for child in tok.children:  # "the spokesperson, Mao Ning,"
            if child.dep_ == "appos" and child.i in self.ent_at and self.ent_at[child.i]["label"] == "PERSON":
                return self._entity_mention(child)
        lemma = tok.lemma_.lower()
        possessor = self._document_author(tok)
        if possessor is not None:
            return self._single(possessor)
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
        if lemma in self.lex.group_people or lemma in self.lex.group_countries:
            speaker = self._group(tok, lemma)
        elif lemma in self.lex.roles or low in self.lex.roles:
            speaker = self._role(tok)
        elif lemma in self.lex.institutions:
            speaker = self._institution(tok)
        elif tok.pos_ == "PROPN":
            speaker = self._name(text)
        return Mention(start, end, text, speaker)

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
                    if obj.dep_ == "pobj" and (obj.i in self.ent_at or obj.lemma_.lower() in self.lex.institutions):
                        return obj
        return None

    # ------------------------------------------------------------------ resolution

    def _pronoun(self, tok: Token) -> Optional[str]:
        kind = self.lex.pronouns[tok.lower_]
        if kind == "p":
            return self._last_pair(tok.i, self.persons, 3)
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

    def _gender_ok(self, canonical: str, kind: str) -> bool:
        gender = self.info.get(canonical, {}).get("gender")
        return gender is None or gender == kind

    def _in_subject(self, start: int, end: int) -> bool:
        tok = self.doc[start:end].root
        while tok.dep_ in ("compound", "appos", "conj", "poss") and tok.head.i != tok.i:
            tok = tok.head
        return tok.dep_ in SUBJECTS

    def _role(self, tok: Token) -> Optional[str]:
        required = {tok.lemma_.lower() if tok.lemma_.lower() in self.lex.roles else tok.lower_}
        countries, codes = set(), set()
        for t in tok.subtree:
            if t.i >= tok.i:
                break
            ent = self.ent_at.get(t.i)
            if ent is not None and ent["label"] in ("GPE", "NORP", "ORG"):
                countries.add(_country_key(ent["text"]))
                if ent.get("country"):
                    codes.add(ent["country"])
            elif t.lower_ in self.lex.titles and t.lower_ not in ("his", "her", "the"):
                required.add(t.lower_)
            elif t.pos_ in ("PROPN", "ADJ") and t.is_title:
                countries.add(_country_key(t.text))
        candidates = []
        for s, e, canonical in self.persons:
            info = self.info.get(canonical)
            if info is None or not required <= info["words"]:
                continue
            if countries and not (countries & info["countries"] or codes & info["codes"]):
                continue
            candidates.append((s, canonical))
        if not candidates and (countries or codes):  # titles unseen: a person of that country
            candidates = [(s, c) for s, e, c in self.persons
                          if codes & self.info[c]["codes"] and not self.info[c]["words"] - {"his", "her"}]
        before = [c for c in candidates if c[0] < tok.i]
        if before:
            return before[-1][1]
        after = [c for c in candidates if c[0] > tok.i and c[0] - tok.i < 60]
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
        for s, e, canonical in reversed(self.orgs):
            if s < tok.i and word in canonical.lower():
                return canonical
        if tok.is_title:
            return None
        return None

    def _name(self, text: str) -> str:
        """A bare name → the full name of an article person it ends (or, alone, starts)."""
        name = self.lex.strip_titles(text)
        words = name.split()
        for s, e, canonical in reversed(self.persons):
            parts = canonical.split()
            if len(parts) > len(words) and (parts[-1] == words[-1]
                                            or len(words) == 1 and parts[0] == words[0]):
                return canonical
        return name


def _country_name(ent: dict) -> Optional[str]:
    code = ent.get("country")
    if not code:
        return None
    try:
        from pipeline.gazetteer import gazetteer
    except ImportError:  # pragma: no cover - the gazetteer ships with the entities component
        return None
    return gazetteer().country_names.get(code)


DOCUMENT_NOUNS = set(json.loads((Path(__file__).parent / "patterns" / "quote_cues.json")
                                .read_text(encoding="utf-8"))["documents"])
