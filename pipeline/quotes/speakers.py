"""Who speaks: the speaker mention a cue attaches to, resolved through the discourse layer.

A cue's subject (or inverted subject, passive agent, ``according to`` object, the
possessor of ``Xi's letter``) is a token; :meth:`ArticleSpeakers.mention` turns it into
the mention the cue attaches to (``speaker_text``) and the canonical name (``speaker``):
named entities, conjoined names, documents and their authors ("the statement said"), and
everything else (pronouns, roles, groups, institutions) asked of
:class:`pipeline.discourse.article.Discourse`. Unresolved mentions keep ``speaker_text``
with ``speaker`` None.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from pipeline.discourse.article import SUBJECTS, Discourse
from pipeline.discourse.names import acronym_definitions
from pipeline.patterns import PATTERNS_DIR
from pipeline.quotes.cues import subject_of

NAMED = {"PERSON", "ORG", "GPE", "NORP"}
MODIFIERS = {"compound", "amod", "poss", "nmod", "nummod", "det", "case", "quantmod", "npadvmod"}
_CUES = json.loads((PATTERNS_DIR / "quote_cues.json").read_text(encoding="utf-8"))
DOCUMENT_NOUNS = set(_CUES["documents"])
DOCUMENT_VERBS = set(_CUES["document_verbs"])  # "X filed lawsuits": X wrote them


_INNER_BREAKS = (", ", "’s ", "'s ")  # an entity that runs over them names what follows


def _proper_name(span) -> bool:
    """Every word title-case (``'s`` and ``of`` aside), the first not opening the sentence."""
    return (
        len(span) >= 2
        and not span[0].is_sent_start
        and all(t.is_title or t.lower_ in ("'s", "’s", "of", "for", "and") for t in span)
    )


@dataclass
class Mention:
    start: int
    end: int
    text: str
    speaker: Optional[str]


class ArticleSpeakers(Discourse):
    """The discourse of an article, with what finding speakers needs on top of it."""

    _full_names: Optional[dict[str, str]] = None  # bare name → full name (see full_name)
    _name_index: Optional[tuple[dict, dict]] = None
    _org_names: Optional[dict[str, str]] = None  # last word → organisation-tagged name
    _defined: Optional[dict[str, str]] = None  # see defined_acronyms
    pronoun_calls = 0  # how many pronouns were resolved (the only calls that change state)

    def pronoun(self, tok: Token, things_as_subjects: bool = False, narrative: bool = True) -> Optional[str]:
        """A speaker's pronoun, read as narrative (past quotations and reported speech)."""
        self.pronoun_calls += 1
        return super().pronoun(tok, things_as_subjects, narrative)

    def full_name(self, text: str) -> str:
        """:meth:`Discourse.full_name` (the latest article person whose name is longer
        and ends with the bare name, or, for one word, starts with it), looked up in an
        index of the people's first and last words and remembered per name, instead of a
        walk over every person mentioned for every mention (quadratic in a long list of
        names)."""
        name = self.lex.strip_titles(text)
        words = name.split()
        if not words:
            return super().full_name(text)
        if self._full_names is None:
            self._full_names = {}
        found = self._full_names.get(name)
        if found is None:
            found = self._full_names[name] = self._longer_name(name, words)
        return found

    def speaker_name(self, text: str) -> str:
        """:meth:`full_name`, else, for one word, the organisation-tagged name it ends
        (the model tags some people as organisations: "Rogier Creemers" ... "Creemers")."""
        found = self.full_name(text)
        if found != text or " " in text:
            return found
        if self._org_names is None:
            self._org_names = {}
            for _s, _e, canonical in self.orgs:
                parts = canonical.split()
                if len(parts) >= 2 and parts[-1][:1].isupper():
                    self._org_names[parts[-1]] = canonical
        return self._org_names.get(text, text)

    def _longer_name(self, name: str, words: list[str]) -> str:
        if self._name_index is None:
            by_last: dict[str, dict[int, int]] = {}  # last word → word count → latest person
            by_first: dict[str, dict[int, int]] = {}
            for k, (_s, _e, canonical) in enumerate(self.persons):
                parts = canonical.split()
                if parts:
                    by_last.setdefault(parts[-1], {})[len(parts)] = k
                    by_first.setdefault(parts[0], {})[len(parts)] = k
            self._name_index = by_last, by_first
        by_last, by_first = self._name_index
        n = len(words)
        best = max((k for size, k in by_last.get(words[-1], {}).items() if size > n), default=-1)
        if n == 1:
            best = max([best] + [k for size, k in by_first.get(words[0], {}).items() if size > 1])
        return self.persons[best][2] if best >= 0 else name

    @property
    def defined_acronyms(self) -> dict[str, str]:
        """Initials the article spells out (``... High Commission for Refugees (UNHCR)``)."""
        if self._defined is None:
            self._defined = acronym_definitions(self.text)
        return self._defined

    def is_speaker_like(self, tok: Token) -> bool:
        low = tok.lower_
        if tok.pos_ == "PRON":
            return low in ("he", "she", "they", "it")
        ent = self.ent_at.get(tok.i)
        if ent is not None:  # "Nino Galissa recounts": a person the model tagged a place
            return ent["label"] in NAMED or ent["label"] in ("LOC", "FAC") and tok.pos_ == "PROPN"
        lemma = tok.lemma_.lower()
        if (
            lemma in self.lex.speaker_nouns
            or low in self.lex.speaker_nouns
            or lemma in DOCUMENT_NOUNS
            or lemma in self.lex.person_nouns
            or lemma in self.lex.organisation_nouns
        ):
            return True
        if any(
            c.dep_ == "appos" and self.ent_at.get(c.i, {}).get("label") in ("PERSON", "ORG")
            for c in tok.children
        ):
            return True  # "One of the report's authors, Vasily Gatov, told VOA"
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
            and not any(g.dep_ == "cc" and g.lower_ == "or" for g in c.children)  # "..., or NCDC"
            and self.doc[c.i - 1].lower_ != "or"
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
            return Mention(tok.idx, tok.idx + len(tok), tok.text, self.pronoun(tok))
        if tok.i in self.ent_at or tok.i in self.names:
            return self._entity_mention(tok)
        if (
            tok.pos_ == "NOUN"
            and tok.is_title
            and not tok.is_sent_start
            and self.speaker_name(tok.text) != tok.text
        ):
            return Mention(tok.idx, tok.idx + len(tok), tok.text, self.speaker_name(tok.text))  # "Creemers"
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
        if lemma in DOCUMENT_NOUNS and source is None:
            source = self._one_of_documents(tok)  # "X filed lawsuits. One suit alleged"
        start_tok = tok
        for child in tok.lefts:
            if child.dep_ in MODIFIERS and child.dep_ != "det":
                start_tok = doc[child.left_edge.i]
                break
        while start_tok.i < tok.i and (start_tok.dep_ == "det" or start_tok.is_punct):
            start_tok = doc[start_tok.i + 1]
        start, end = start_tok.idx, tok.idx + len(tok)
        text = self.text[start:end]
        speaker = None
        if source is not None:
            speaker = self._single(source).speaker
        elif lemma in self.lex.spokespeople and self.spokesperson_org(tok) is not None:
            speaker = self.spokesperson_org(tok)  # "a DHS spokesperson"
        elif (lemma in self.lex.group_people or lemma in self.lex.group_countries) and (
            tok.tag_ == "NNS" or lemma not in self.lex.roles
        ):  # "the two leaders", "both sides"; "the NDP leader" is a role
            speaker = self.group(tok, lemma)
        elif lemma in self.lex.roles or low in self.lex.roles or lemma in self.lex.person_nouns:
            speaker = self.description(tok) if self._definite(tok) else self.role(tok)
        elif (lemma in self.lex.institutions or lemma in self.lex.organisation_nouns) and tok.tag_ != "NNS":
            speaker = self.institution(tok) if lemma in self.lex.institutions else None
            if speaker is None:
                speaker = self.organisation_description(tok)  # "the banned militant outfit"
            if speaker is None and _proper_name(doc[start_tok.i : tok.i + 1]):
                speaker = text  # "The Prime Minister's Office", a name the model did not tag
        elif lemma in DOCUMENT_NOUNS:
            speaker = self.named_thing(tok)  # "the revised law" → Maritime Traffic Safety Law
            if speaker is None and tok.pos_ == "PROPN":  # "the Global Terrorism Index 2025"
                end = max([end] + [c.idx + len(c) for c in tok.rights if c.like_num and c.i == tok.i + 1])
                text = self.text[start:end]
                speaker = text
        elif tok.pos_ == "PROPN":
            first = tok.i  # "Military spokesperson Chaundry": the name is the proper nouns
            while (
                first > start_tok.i
                and doc[first - 1].pos_ == "PROPN"
                and doc[first - 1].lower_ not in self.lex.person_words
            ):
                first -= 1
            speaker = self.full_name(self.text[doc[first].idx : end])
        if speaker is None and tok.pos_ == "NOUN":
            speaker = self.exemplified_group(tok, start_tok.i)  # "rights groups, including X"
        if speaker is None and tok.pos_ == "NOUN" and self.described:
            speaker = self.described_as(tok)  # "the newspaper" → Guardian
        if speaker is None and tok.pos_ == "NOUN":
            speaker = self.governing_body(tok)  # "Kenya's government", "Hong Kong authorities"
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

    def _one_of_documents(self, tok: Token) -> Optional[Token]:
        """``Rights groups have filed lawsuits ... One suit alleges``: a document that is one
        of those someone issued in the two sentences before (a plural of the same noun, the
        object of an issuing verb) is theirs."""
        k0 = self.sentence_of(tok.i)
        if k0 == 0:
            return None
        lemma = tok.lemma_.lower()
        for j in range(self.sent_starts[max(0, k0 - 2)], self.sent_starts[k0]):
            t = self.doc[j]
            other = t.lemma_.lower()
            if (
                t.tag_ == "NNS"
                and t.dep_ == "dobj"
                and (other.endswith(lemma) or lemma.endswith(other))
                and t.head.lemma_.lower() in DOCUMENT_VERBS
            ):
                subject = subject_of(t.head)
                if subject is not None and self.is_speaker_like(subject):
                    return subject
        return None

    def _entity_mention(self, tok: Token) -> Mention:
        whole = self.name_of(tok.i)
        if whole is not None:  # "Ursula von" + "der Leyen": the name the model split
            start, end, name = whole
            ent = next(  # "watchdog Reporters Without Borders": a name the model left out
                (self.ent_at[i] for i in range(start, end) if i in self.ent_at),
                {"label": self.name_labels.get(name, "ORG"), "text": name},
            )
            first, last = self.doc[start], self.doc[end - 1]
            chars = first.idx, last.idx + len(last)
        else:
            ent = self.ent_at[tok.i]
            name, chars = self.canonical(ent), (ent["start"], ent["end"])
            found = [self.text.rfind(sep, ent["start"], tok.idx) for sep in _INNER_BREAKS]
            cut = max((k + len(sep) for k, sep in zip(found, _INNER_BREAKS) if k >= 0), default=-1)
            if cut > ent["start"]:  # "the Ministry of Information and Culture, Zia-ul Haq
                chars = cut, ent["end"]  # Haqmal", "Cornell’s Casanova": the name after
                name = self.lex.strip_titles(self.text[chars[0] : chars[1]])
        if tok.i in self.renamed:
            name = self.renamed[tok.i]  # "Aden" after "Shamsa Mohamed Aden" (Discourse._whole_person_names)
        if ent["label"] == "PERSON":
            name = self.relative_age(tok) or name  # "the younger Lai": the son
        if ent["label"] == "ORG" and name.isupper():
            name = self.acronyms.get(name, name)  # "BLA" → "Baloch Liberation Army"
        elif ent["label"] == "ORG" and ent["text"].isupper() and ent["text"] in self.defined_acronyms:
            name = self.defined_acronyms[ent["text"]]  # the article's "(UNHCR)", not the gazetteer's
        words = name.split()
        if ent["label"] in ("PERSON", "ORG") and len(words) == 1:
            name = self.speaker_name(name)  # "Wang" → "Wang Yi" (said earlier in the article)
        elif ent["label"] == "PERSON" and self.full_name(name).split()[-len(words) :] == words:
            name = self.full_name(name)  # "Bhutto Zardari" → "Bilawal Bhutto Zardari"
        return Mention(chars[0], chars[1], self.text[chars[0] : chars[1]], name)

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
