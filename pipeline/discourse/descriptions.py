"""Who a description or a speaker's pronoun stands for, as a reader of the article sees it.

A mixin of :class:`pipeline.discourse.article.Discourse` (it reads the people, the
organisations and the parse the discourse keeps):

- ``he``/``she`` said: the person of the nearest sentence before, read as narrative: people
  named inside a quotation or inside reported speech are not who speaks next ("“Cherry
  picking is not an option,” he warned"), a role that was the subject ("The Commerce chief
  rebuffed ... “Absolutely not,” he said") and an earlier ``he`` count as mentions; a ``he``
  inside someone's own words is not that speaker;
- a definite description (``the French politician``, ``the railway official``, ``the
  Commerce chief``): a titled person as :meth:`role` finds, else the earlier mention with
  the same noun, else the person who was last the subject, with no country that contradicts;
  ``the banned militant outfit``: the organisation last the subject; ``the law``: the named
  law;
- a governing body named by its place or leader (``Kenya's government``, ``Hong Kong
  authorities``) is that phrase, when no organisation of the article is it;
- a spokesperson speaks for the organisation that modifies it (``a DHS spokesperson`` →
  Department of Homeland Security, ``a spokesman for the ministry``);
- ``the visiting president`` / ``the host``: the person who visits / receives;
- ``the younger Lai`` / ``the elder Lai``: the child / the parent of two people who share
  the surname, as the article tells their kinship.
"""

from __future__ import annotations

import bisect
from typing import Optional

import numpy
from spacy.attrs import DEP
from spacy.tokens import Token

from pipeline.discourse.actors import ActorCoder
from pipeline.discourse.quoted import QuoteIndex

_DEFINITE = {"the", "this", "that"}
_OWNERS = {"his", "her", "its", "their"}  # "his organization": the one he leads or speaks for
_VISITOR_WORDS = {"visiting", "guest", "visitor"}
_HOST_WORDS = {"host", "hosting", "hosts"}
_VISIT_VERBS = {"visit", "arrive", "travel", "land", "tour", "fly"}
_HOST_VERBS = {"host", "receive", "welcome", "greet"}
_YOUNGER = {"younger", "junior"}
_ELDER = {"elder", "older", "senior"}
MAX_CHAIN = 20  # pronouns followed back through earlier pronouns
MAX_WALK = 40  # sentences looked back at for a speaker's pronoun, quotations included
UNNAMED = ""  # a speaker the article never names ("The owner said ..."): a pronoun's antecedent


def _has_who(tok: Token) -> bool:
    """``X, who ...``: a relative clause on ``who`` makes X a person."""
    return any(c.dep_ == "relcl" and any(g.lower_ == "who" for g in c.children) for c in tok.children)


class Descriptions:
    """Resolution of descriptions and speakers' pronouns (see the module)."""

    # ------------------------------------------------------------------ speech spans

    def set_speech(self, spans: list[tuple[int, int]]) -> None:
        """The character spans of quotations and reported speech (the quotes component
        sets them): people named there are not antecedents of the narrative."""
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._speech = [tuple(m) for m in merged]
        self._speech_starts = [m[0] for m in merged]
        self._narrative_memo = {}

    def set_quoted(self, quotes: list[dict]) -> None:
        """Who says each quotation (the quotes component's direct records): ``he`` inside a
        person's own quoted words is somebody else ("“He's still fighting,” the younger Lai
        said": his father; in reported speech, "Geza said he would ...", it is the speaker)."""
        self._quoted = QuoteIndex([q for q in quotes if q["kind"] == "direct"])
        self._narrative_memo = {}

    def _own_words(self, tok: Token) -> Optional[str]:
        """The speaker of the quote ``tok`` is inside, when it is known."""
        quoted = getattr(self, "_quoted", None)
        return quoted.reporter(tok.idx, tok.idx + len(tok)) if quoted is not None else None

    def _speech_of(self, char: int) -> int:
        """The index of the speech span holding ``char``, or -1."""
        spans = getattr(self, "_speech", None)
        if not spans:
            return -1
        k = bisect.bisect_right(self._speech_starts, char) - 1
        return k if k >= 0 and spans[k][0] <= char < spans[k][1] else -1

    def in_other_speech(self, i: int, tok: Token) -> bool:
        """Token ``i`` is said inside a quotation or reported speech that ``tok`` is not in."""
        k = self._speech_of(self.doc[i].idx)
        return k >= 0 and k != self._speech_of(tok.idx)

    def _narrative_sentences(self, tok: Token, most: int):
        """The sentences from ``tok``'s back, ``most`` of them not counting those said
        inside a quotation (the parser splits a long quotation into several), and at most
        :data:`MAX_WALK` in all (in a run of '"We agree," he said.' every sentence starts
        inside a quotation, and the walk went back to the top for every pronoun)."""
        k, seen, walked = self.sentence_of(tok.i), 0, 0
        while k >= 0 and seen < most and walked < MAX_WALK:
            lo, hi = self._sentence_bounds(k)
            yield lo, min(hi, tok.i)
            if not self.in_other_speech(lo, tok):
                seen += 1
            k, walked = k - 1, walked + 1

    @property
    def _subject_tokens(self) -> list[int]:
        found = getattr(self, "_subjects_cache", None)
        if found is None:
            deps = {self.doc.vocab.strings.add(d) for d in ("nsubj", "nsubjpass")}
            column = self.doc.to_array([DEP]) if len(self.doc) else numpy.zeros(0, dtype="uint64")
            found = numpy.flatnonzero(numpy.isin(column, list(deps))).tolist()
            self._subjects_cache = found
        return found

    # ------------------------------------------------------------------ pronouns

    def narrative_pronoun(self, tok: Token, kind: str, depth: int = 0) -> Optional[str]:
        """``he``/``she`` (``kind`` ``m``/``f``) as the subject of what is said: see the module.
        None also when the antecedent is a speaker the article never names ("The owner
        said ... “...,” he said": not a person named further back)."""
        found = self._narrative(tok, kind, depth)
        return found or None

    def _narrative(self, tok: Token, kind: str, depth: int) -> Optional[str]:
        memo = self.__dict__.setdefault("_narrative_memo", {})
        if tok.i in memo:
            return memo[tok.i]
        memo[tok.i] = None  # a cycle finds nothing
        persons_at = self.__dict__.setdefault("_person_starts", [s for s, _e, _c in self.persons])
        subjects = self._subject_tokens
        speaker = self._own_words(tok) if depth == 0 else None
        best = None
        for lo, hi in self._narrative_sentences(tok, 6):
            found = []  # (token, name, is the subject)
            for n in range(bisect.bisect_left(persons_at, lo), bisect.bisect_left(persons_at, hi)):
                s, e, name = self.persons[n]
                if e <= hi and self._gender_ok(name, kind) and not self.in_other_speech(s, tok):
                    found.append((s, name, self._in_subject(s, e)))
            for j in subjects[bisect.bisect_left(subjects, lo) : bisect.bisect_left(subjects, hi)]:
                t = self.doc[j]
                if self.in_other_speech(j, tok) or j in self.ent_at and self.ent_at[j]["label"] == "PERSON":
                    continue
                name = None
                if j in self.ent_at:  # "Cornell's Casanova said" tagged an organisation
                    known = self.full_name(t.text)
                    name = known if known != t.text else None
                    if name is None and _has_who(t):  # "A Qiang, who used to ..., thinks"
                        name = self.canonical(self.ent_at[j])
                elif t.pos_ == "PRON" and self.lex.pronouns.get(t.lower_) == kind and depth < MAX_CHAIN:
                    name = self._narrative(t, kind, depth + 1)
                elif t.pos_ == "NOUN" and self.is_person_description(t):
                    name = self.description(t)
                    if name is None and t.head.lemma_.lower() in self.cue_lemmas:
                        name = UNNAMED  # "The owner said": someone, though never named
                elif t.pos_ == "PROPN" and t.is_title:  # "A Qiang, who ..., thinks": a name
                    first = t.i  # the model did not tag
                    while (
                        first > lo and self.doc[first - 1].dep_ == "compound" and self.doc[first - 1].is_title
                    ):
                        first -= 1
                    name = self.full_name(self.doc[first : t.i + 1].text)
                if name is not None and self._gender_ok(name, kind):
                    found.append((j, name, True))
            found = [f for f in found if f[1] != speaker]  # not who says the words it is in
            if found:
                found.sort()
                subjects = [f for f in found if f[2]]
                best = (subjects or self._stranded(found, lo, hi))[0][1]
                break
        if best is not None and self.info.get(best, {}).get("gender") is None and best in self.info:
            self.info[best]["gender"] = kind
        memo[tok.i] = best
        return best

    def _stranded(self, found: list, lo: int, hi: int) -> list:
        """No candidate is a subject: when the sentence's verb has none either ("Like
        Lutnick, Kevin Hassett, director of ..., emphasized"), the last one before the verb."""
        if hi <= lo:
            return found
        root = self.doc[lo].sent.root if hi - lo else None
        if root is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
            return found
        before = [f for f in found if f[0] < root.i]
        return before[-1:] or found

    def exemplified_group(self, tok: Token, start: int) -> Optional[str]:
        """``Immigration rights groups, including the ACLU, have filed ...``: a plural group
        the article names by its members is its own phrase (from token ``start``, leading
        quantifiers off: "several rights groups" → "rights groups"); None when no named
        member follows it."""
        if tok.tag_ not in ("NNS", "NNPS"):
            return None
        named = False
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.i <= tok.i:
                continue
            words = self.doc[prep.i - 1 : prep.i + 1].text.lower()
            marker = prep.lower_ in self.lex.group_examples or words in self.lex.group_examples
            if marker and any(o.dep_ == "pobj" and o.i in self.ent_at for o in prep.children):
                named = True
        if not named:
            return None
        while start < tok.i and self.doc[start].lower_ in self.lex.group_quantifiers:
            start += 1
        return self.doc[start : tok.i + 1].text

    # ------------------------------------------------------------------ descriptions

    def is_person_description(self, tok: Token) -> bool:
        lemma = tok.lemma_.lower()
        return (lemma in self.lex.person_nouns or lemma in self.lex.roles) and self._definite(tok)

    def _definite(self, tok: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children)

    def description(self, tok: Token) -> Optional[str]:
        """The person a definite description refers back to (see the module)."""
        if not self._definite(tok) or self._owned_by_person(tok):
            return None
        lemma = tok.lemma_.lower()
        words = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
        if words & (_VISITOR_WORDS | _HOST_WORDS) or lemma in ("host", "guest"):
            found = self.visit_role(tok, "host" if words & _HOST_WORDS or lemma == "host" else "visitor")
            if found is not None:
                return found
        if lemma in self.lex.roles or tok.lower_ in self.lex.roles:
            found = self.role(tok)
            if found is not None:
                return found
        seen, earlier = self._same_noun_before(tok)
        if seen:  # "a senior official said ... the official said": that one, named or not
            return earlier
        return self._last_subject(tok, self.persons, self._countries_of(tok))

    def introduced_as(self, tok: Token) -> Optional[str]:
        """Who a definite description goes on with when the same noun introduced someone a
        few sentences before ("A State Department spokesperson said ... the spokesperson
        added": the State Department), and no one else."""
        if not self._definite(tok) or self._owned_by_person(tok):
            return None
        seen, earlier = self._same_noun_before(tok)
        return earlier if seen else None

    def organisation_description(self, tok: Token) -> Optional[str]:
        """``the banned separatist militant outfit``: the named organisation it refers to,
        the last subject among those whose sector fits the noun (``org_anaphors``: "the
        bloc" is an intergovernmental body, "the outfit" an armed group), never the media
        unless the noun names an outlet ("the group" after "Reuters reported" is not Reuters);
        "his organization", "its party": the same, told from its member's side."""
        owned = any(c.dep_ == "poss" and c.lower_ in _OWNERS for c in tok.children)
        if not (self._definite(tok) or owned):
            return None
        owned = owned and not self._definite(tok)
        found = None if owned else self.institution(tok)  # "his organization" is his, whatever its name
        if (
            found is not None
            or tok.lemma_.lower() not in self.lex.organisation_nouns
            or self._countries_of(tok)
        ):
            return found  # "the Nigerian military" is Nigeria's, not the last organisation
        sectors = self.lex.org_anaphors.get(tok.lemma_.lower())
        pool = self.orgs if sectors is None else [o for o in self.orgs if self._fits(o[2], sectors)]
        if owned:
            return self._last_named(tok, pool)  # "He founded the Alliance ... his organization"
        return self._last_subject(tok, pool, set())

    def _last_named(self, tok: Token, pool: list) -> Optional[str]:
        """The member of ``pool`` named last before ``tok``, three narrative sentences back
        at most, outside speech."""
        starts = [s for s, _e, _c in pool]
        for lo, hi in self._narrative_sentences(tok, 4):
            found = [
                name
                for s, e, name in pool[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
                if e <= hi and not self.in_other_speech(s, tok)
            ]
            if found:
                return found[-1]
        return None

    def _fits(self, name: str, sectors: list[str]) -> bool:
        if self._org_sectors is None:
            coder = ActorCoder.for_article(self.entities, {})
            self._org_sectors = {c: coder.code(c)["agent_type"] for _s, _e, c in self.orgs}
        sector = self._org_sectors.get(name)
        return sector != "MED" and ("*" in sectors or sector in sectors)

    def named_thing(self, tok: Token) -> Optional[str]:
        """``the law``, ``the index``: the entity named earlier whose name ends with the noun."""
        if not self._definite(tok):
            return None
        word = tok.lower_
        for i in range(tok.i - 1, max(-1, tok.i - 400), -1):
            ent = self.ent_at.get(i)
            if ent is not None and ent["label"] not in ("PERSON", "GPE", "NORP", "DATE", "CARDINAL"):
                words = self.canonical(ent).lower().split()
                if word in words or tok.lemma_.lower() in words:
                    return self.canonical(ent)
        return None

    def spokesperson_org(self, tok: Token) -> Optional[str]:
        """``a DHS spokesperson``, ``a spokesman for the ministry``: the organisation."""
        if tok.lemma_.lower() not in self.lex.spokespeople and tok.lower_ not in self.lex.spokespeople:
            return None
        modifiers = [c for c in tok.lefts if c.dep_ in ("compound", "poss", "nmod")]
        modifiers += [
            o
            for p in tok.rights
            if p.dep_ == "prep" and p.lower_ in ("for", "of", "at")
            for o in p.children
            if o.dep_ == "pobj"
        ]
        for mod in modifiers:
            ent = self.ent_at.get(mod.i)
            if ent is not None and ent["label"] == "ORG":
                name = self.canonical(ent)
                whole = self.name_of(mod.i)
                name = whole[2] if whole is not None else name
                return self.acronyms.get(name, name) if name.isupper() else name
            if ent is None and mod.text.isupper() and mod.text in self.acronyms:
                return self.acronyms[mod.text]  # "an ICE spokesperson" the model did not tag
            if ent is None and mod.lemma_.lower() in self.lex.institutions and self._definite(mod):
                return self.institution(mod)
        return None

    def governing_body(self, tok: Token) -> Optional[str]:
        """``Kenya's government``, ``Hong Kong authorities``, ``the Trump administration``: a
        governing body named by its place or its leader (no organisation of the article
        is it): the phrase, without its article."""
        if (
            tok.lower_ not in self.lex.governing_bodies
            and tok.lemma_.lower() not in self.lex.governing_bodies
        ):
            return None
        mods = [c for c in tok.lefts if c.dep_ in ("poss", "compound", "amod", "nmod")]
        if not any(self.ent_at.get(m.i, {}).get("label") in ("GPE", "NORP", "PERSON") for m in mods):
            return None
        start = self.doc[min(m.left_edge.i for m in mods)]
        if start.dep_ == "det":
            start = self.doc[start.i + 1]
        return self.text[start.idx : tok.idx + len(tok)]

    def relative_age(self, tok: Token) -> Optional[str]:
        """``the younger Lai`` / ``the elder Lai``: of the two people of the article with that
        surname, the child / the parent, as the article tells it (``Lai's son Sebastien``,
        ``the daughter of ... Jimmy Lai``); None when it does not."""
        ages = {c.lower_ for c in tok.children if c.dep_ == "amod"} & (_YOUNGER | _ELDER)
        if not ages:
            return None
        bearers = sorted({c for _s, _e, c in self.persons if c.split()[-1] == tok.text and " " in c})
        if len(bearers) != 2:
            return None
        parents = self.__dict__.setdefault("_parents", {})  # asked once per pair of bearers
        key = tuple(bearers)
        if key not in parents:
            parents[key] = self._parent_named(bearers)
        parent = parents[key]
        if parent is None:
            return None
        child = bearers[1 - bearers.index(parent)]
        return child if ages & _YOUNGER else parent

    def _parent_named(self, bearers: list[str]) -> Optional[str]:
        """The one of ``bearers`` the article names as a son's or daughter's parent."""
        for tok in self.doc:
            if tok.lemma_.lower() not in self.lex.children_nouns or tok.pos_ != "NOUN":
                continue
            owners = [c for c in tok.children if c.dep_ == "poss"]
            owners += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.subtree]
            for owner in owners:
                ent = self.ent_at.get(owner.i)
                name = self.canonical(ent) if ent is not None and ent["label"] == "PERSON" else None
                name = self.renamed.get(owner.i, name)
                if name in bearers:
                    return name
        return None

    def _owned_by_person(self, tok: Token) -> bool:
        return any(
            c.dep_ == "poss"
            and (c.i in self.ent_at and self.ent_at[c.i]["label"] == "PERSON" or c.pos_ == "PRON")
            for c in tok.children
        )

    def _countries_of(self, tok: Token) -> set[str]:
        """The country codes of a description (``the French politician`` → FRA)."""
        codes = set()
        for c in tok.lefts:
            ent = self.ent_at.get(c.i)
            if ent is not None and ent["label"] in ("GPE", "NORP") and ent.get("country"):
                codes.add(ent["country"])
        return codes

    def _same_noun_before(self, tok: Token) -> tuple[bool, Optional[str]]:
        """``A U.S. State Department spokesperson ... the spokesperson told VOA``: whether
        the noun introduced someone a few narrative sentences before (or before an earlier
        ``the spokesperson``, which goes on with the same one), and who, when named."""
        lemma = tok.lemma_.lower()
        j, lo = tok.i - 1, self._window_start(tok)
        while j >= lo:
            t = self.doc[j]
            if t.lemma_.lower() == lemma and t.pos_ == "NOUN" and t.tag_ in ("NN", "NNP"):
                if self._definite(t):
                    lo = self._window_start(t)  # the same one again: look before it
                    j -= 1
                    continue
                found = self.spokesperson_org(t)
                head = self.ent_at.get(t.head.i)
                if found is None and t.dep_ == "compound" and head is not None and head["label"] == "PERSON":
                    found = self.canonical(head)  # "Solo mayor Hadi Rudyatmo ... the mayor said"
                if found is None and t.i + 1 < len(self.doc) and self.doc[t.i + 1].text == ",":
                    nxt = self.doc[t.i + 2] if t.i + 2 < len(self.doc) else None
                    ent = self.ent_at.get(nxt.i) if nxt is not None else None
                    found = self.canonical(ent) if ent is not None and ent["label"] == "PERSON" else None
                return True, found
            j -= 1
        return False, None

    def _window_start(self, tok: Token) -> int:
        """The first token of the fourth narrative sentence before ``tok``."""
        starts = [lo for lo, _hi in self._narrative_sentences(tok, 4)]
        return starts[-1] if starts else tok.i

    def _last_subject(self, tok: Token, pool: list, countries: set[str]) -> Optional[str]:
        """The member of ``pool`` that was last the subject of a sentence, three sentences
        back at most, outside speech (its country codes, when known, not contradicting)."""
        starts = [s for s, _e, _c in pool]
        for lo, hi in self._narrative_sentences(tok, 4):
            found = []
            for n in range(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)):
                s, e, name = pool[n]
                if e > hi or self.in_other_speech(s, tok) or not self._in_subject(s, e):
                    continue
                info = self.info.get(name)
                if countries and info is not None and info["codes"] and not countries & info["codes"]:
                    continue  # "the French politician" is not the German chancellor
                found.append(name)
            if found:
                return found[0]
        return None

    # ------------------------------------------------------------------ visits

    def visit_role(self, tok: Token, role: str) -> Optional[str]:
        """The last person before ``tok`` who visits (``role`` "visitor") or receives
        (``"host"``) in the article: "visiting X", X visited/arrived, Y hosted/received X."""
        roles = self.__dict__.get("_visit_roles")
        if roles is None:
            roles = self._visit_roles = self._learn_visits()
        found = [(s, name) for s, name, r in roles if r == role and s < tok.i]
        if found:
            return found[-1][1]
        host = self._host_country(tok)  # "X met Y in Beijing": the Chinese one hosts
        if host is None:
            return None
        found = [
            (s, name)
            for s, _e, name in self.persons
            if s < tok.i
            and self.info[name]["codes"]
            and (host in self.info[name]["codes"]) == (role == "host")
        ]
        return found[-1][1] if found else None

    def _host_country(self, tok: Token) -> Optional[str]:
        """The country of the last place before ``tok`` where something happens ("in
        Beijing", "arrived in Goa")."""
        for s, _e, _name in reversed(self.places):
            if s >= tok.i:
                continue
            ent = self.ent_at.get(s)
            place = self.doc[s]
            if (
                ent is not None
                and ent.get("country")
                and ent["label"] == "GPE"
                and place.head.lower_ in ("in", "to")
            ):
                return ent["country"]
        return None

    def _learn_visits(self) -> list[tuple[int, str, str]]:
        out = []
        for s, e, name in self.persons:
            root = self.doc[s:e].root
            head = root
            while head.dep_ in ("compound", "appos", "conj") and head.head.i != head.i:
                head = head.head
            before = {self.doc[j].lower_ for j in range(max(0, s - 4), s)}
            verb = head.head.lemma_.lower()
            if before & _VISITOR_WORDS:
                out.append((s, name, "visitor"))
            elif head.dep_ in ("nsubj",) and verb in _VISIT_VERBS:
                out.append((s, name, "visitor"))
            elif head.dep_ == "nsubj" and verb in _HOST_VERBS:
                out.append((s, name, "host"))
            elif head.dep_ in ("dobj", "nsubjpass") and verb in _HOST_VERBS:
                out.append((s, name, "visitor"))
        return out
