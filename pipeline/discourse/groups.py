"""Groups, pairs and people named by their role: the part of ``Mentions`` that looks back
in the article for who a phrase stands for ("the two leaders" → the last two people named,
"the three nations" → the last three countries, "they" → the plural subject before, "the
minister" → the person titled so, "the authorities" → the country the story is about).

``GroupMentions`` holds no state of its own: ``Mentions`` (``mentions.py``) builds the
article's tables it reads.
"""

from __future__ import annotations

import bisect
from typing import Optional

from spacy.tokens import Token

PAIR = "__pair__"
UNRESOLVED = "__unresolved__"  # "It imposes a travel ban": a party the text has but does not name
COUNT_WORDS = {
    w: n
    for n, w in enumerate(["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])
    if w
}
COUNT_WORDS.update({str(n): n for n in range(1, 31)})
# "the government", "authorities": with no country of their own, the state the story is about
STATE_NOUNS = {"government", "authority", "administration", "regime", "state"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


class GroupMentions:
    """Looking back for the referent of a group, pair, pronoun or role phrase."""

    def last_person(self, before: int) -> list[str]:
        """The person a pronoun at token ``before`` most likely refers to: the subject before
        it in its own sentence, else the subject of the nearest earlier sentence that names a
        person (else that sentence's last person), up to three sentences back; else the last
        person who was a subject anywhere before."""
        if before < len(self.doc):
            sent = self.sent_of(before)
            hi = bisect.bisect_left(self._person_at, before)
            sents_back = 0
            while hi > 0 and sents_back <= 3:
                lo = bisect.bisect_left(self._person_at, sent.start, 0, hi)
                if lo < hi:
                    subjects = [k for k in range(lo, hi) if self._person_subject[k]]
                    if subjects:  # own sentence: the nearest subject; earlier: the main one
                        return [self._person_name[subjects[-1] if sents_back == 0 else subjects[0]]]
                    return [self._person_name[hi - 1]]
                hi = lo
                if sent.start == 0:
                    break
                sent = self.sent_of(sent.start - 1)
                sents_back += 1
        for at, names in ((self._subject_at, self._subject_name), (self._person_at, self._person_name)):
            i = bisect.bisect_left(at, before)
            if i:
                return [names[i - 1]]
        return []

    def _plural_antecedent(self, token: Token) -> list[str]:
        """'The Fijian rebels said they ...', 'Xi and Trong met. They ...': the nearest
        plural or conjoined subject before the pronoun, in its sentence or the one before."""
        sent = self.sent_of(token.i)
        for _ in range(2):
            for k in range(min(token.i, sent.end) - 1, sent.start - 1, -1):
                t = self.doc[k]
                if (
                    t.dep_ in SUBJECT_DEPS
                    and t.pos_ != "PRON"
                    and (
                        t.tag_ in {"NNS", "NNPS"}
                        or t.lemma_.lower() in self.partitives
                        or any(c.dep_ == "conj" for c in self.tree.children(t))
                    )
                ):
                    names = self.of_phrase(t)
                    if names:
                        return names
            if sent.start == 0:
                break
            sent = self.sent_of(sent.start - 1)
        return []

    def _pair(self, token: Token) -> list[str]:
        """'the two leaders': the last two people named; 'the two sides': the countries of
        the last two people of different countries, else the last two countries named."""
        lemma = token.lemma_.lower()
        i = bisect.bisect_left(self._person_at, token.i)
        if lemma in self.pair_people:
            # the people named in this sentence and the two before; "During Xi's visit to
            # Brazil, the two heads of state ...": a person and the country he visits
            sent = self.sent_of(token.i)
            for _ in range(2):
                if sent.start:
                    sent = self.sent_of(sent.start - 1)
            names: list[str] = []
            for k in range(i - 1, -1, -1):
                if self._person_at[k] < sent.start:
                    break
                if self._person_name[k] not in names:
                    names.append(self._person_name[k])
                if len(names) == 2:
                    return names[::-1]
            if len(names) == 1:
                own = self.persons.get(names[0], {}).get("country")
                own = self.g.country_names.get(own) if own else None
                lo = bisect.bisect_left(self._country_at, self.sent_of(token.i).start)
                hi = bisect.bisect_left(self._country_at, self.sent_of(token.i).end)
                other = [n for n in self._country_name[lo:hi] if n != own]
                if other:
                    return names + other[:1]
        elif lemma in self.pair_countries:
            names = []
            for k in range(i - 1, max(-1, i - 12), -1):
                country = self._person_country[k]
                name = self.g.country_names.get(country) if country else None
                if name and name not in names:
                    names.append(name)
                if len(names) == 2:
                    return names[::-1]
            names = []
            j = bisect.bisect_left(self._country_at, token.i)
            for k in range(j - 1, max(-1, j - 12), -1):
                if self._country_name[k] not in names:
                    names.append(self._country_name[k])
                if len(names) == 2:
                    return names[::-1]
        return [PAIR]

    def _former_or_latter(self, token: Token, latter: bool) -> list[str]:
        """ "the latter": the last of the parties named before it, in its sentence or the one
        before ("China's measures against Australia for the latter's refusal": Australia);
        "the former": the one named before that."""
        if not token.i or self.doc[token.i - 1].lower_ != "the":
            return []
        sent = self.sent_of(token.i)
        start = self.sent_of(sent.start - 1).start if sent.start else sent.start
        names: list[str] = []
        for i in range(start, token.i):
            ent = self.by_token.get(i)
            if (
                ent is None
                or ent["label"] not in {"PERSON", "ORG", "GPE", "NORP"}
                or self.by_token.get(i - 1) is ent
            ):
                continue
            name = self.name(ent)
            if name in names:
                names.remove(name)
            names.append(name)
        if len(names) < 2:
            return []
        return [names[-1] if latter else names[-2]]

    def last_org(self, word: str, before: int) -> list[str]:
        """The last organisation named before token ``before`` whose name has ``word``."""
        for i in range(before - 1, -1, -1):
            ent = self.by_token.get(i)
            if ent and ent["label"] == "ORG" and word in ent["canonical"].lower().split():
                return [ent["canonical"]]
        return []

    def titled_person(self, country: str | None, role: str, before: int) -> list[str]:
        best = None
        for at, name in zip(self._person_at, self._person_name):
            if at >= before:
                break
            info = self.persons.get(name, {})
            if role in info.get("titles", ()) and (country is None or info.get("country") == country):
                best = name
        return [best] if best else []

    def _counted_countries(self, token: Token, lemma: str, children) -> list[str]:
        """ "the three nations", "the five countries": the last that many countries named."""
        if lemma not in self.pair_countries:
            return []
        count = next((COUNT_WORDS.get(c.lower_) for c in children if c.dep_ == "nummod"), None)
        if not count or count < 3:
            return []
        names: list[str] = []
        j = bisect.bisect_left(self._country_at, token.i)
        for k in range(j - 1, -1, -1):
            if self._country_name[k] not in names:
                names.append(self._country_name[k])
            if len(names) == count:
                return names[::-1]
        return []

    def _modifiers(self, token: Token, lemma: str, mods) -> Optional[list[str]]:
        """A named modifier: "Xi's visit", "the Chinese president", "Chinese officials",
        "Palestinian factions", "Hamas militants"."""
        for mod in mods:
            ent = self.by_token[mod.i]
            if ent["label"] == "PERSON" and mod.dep_ == "poss":
                if self._names_people(lemma):  # "Zamora's legal team" is not Zamora
                    return [self._owned_group(ent, token)]
                return [ent["canonical"]]
            if ent["label"] in {"GPE", "NORP"}:
                if lemma in self.g.title_words:
                    person = self.titled_person(ent.get("country"), lemma, token.i)
                    if person:
                        return person
                if lemma in self.service_nouns and len(mods) == 1:
                    # "the Israeli army", "Turkish police": the state's forces, not its
                    # government (the coder gives them their country and sector)
                    group = self._actor_noun(token, self.tree.children(token))
                    if mod.dep_ == "poss":  # "Ivory Coast's air force": named with its state
                        start, end = self.bounds_at[ent["start"]]
                        return [f"{self.tree.text(start, end)}'s {group[0]}"]
                    return group
                if lemma in self.group_nouns or ent["label"] == "GPE":
                    # "Senior Hungarian and Romanian officials": the demonym's conjuncts too
                    names = [self.name(ent)] + [
                        self.name(self.by_token[c.i])
                        for c in self.tree.conjuncts(mod)
                        if c.i in self.by_token and self.by_token[c.i]["label"] in {"GPE", "NORP"}
                    ]
                    return list(dict.fromkeys(names))
                if token.tag_ in {"NNS", "NNPS"}:  # "Palestinian factions", "Central European populists"
                    return [self.tree.text(min(self.bounds_at[ent["start"]][0], token.i), token.i + 1)]
            if ent["label"] == "ORG" and (lemma in self.group_nouns or lemma in self.actor_nouns):
                # "Hamas militants", "BLA insurgents": the organisation's own
                return [ent["canonical"]]
        return None

    def _owned_group(self, owner: dict, token: Token) -> str:
        """ "Zamora's legal team" named after its owner's full name: "Jose Ruben Zamora's
        legal team"."""
        end = self.bounds_at[owner["start"]][1]
        while end <= token.i and self.doc[end].tag_ == "POS":
            end += 1  # the possessive ending, written "'s" in the name
        rest = self.tree.text(end, token.i + 1) if end <= token.i else ""
        return f"{owner['canonical']}'s {rest}".strip()

    def _names_people(self, lemma: str) -> bool:
        """The noun names a group or people by their role ("team", "lawyers", "spokesman")."""
        return (
            lemma in self.group_nouns
            or lemma in self.actor_nouns
            or lemma in self.g.title_words
            or lemma in self.discourse.lex.person_nouns
        )

    def _group_noun(self, token: Token, lemma: str, children, mods) -> Optional[list[str]]:
        """A group noun or title: "leaders of India and Japan", "the minister" (the role's
        holder), "the council" (the institution told of before)."""
        found = []
        by_token = self.by_token
        for child in children:
            if child.dep_ == "prep" and child.lower_ in {"of", "from"}:
                found += [
                    self.name(by_token[t.i])
                    for t in self.tree.subtree(child)
                    if t.i in by_token
                    and by_token[t.i]["label"] in {"GPE", "ORG", "NORP"}
                    and (t.i == 0 or t.i - 1 not in by_token or by_token[t.i - 1] is not by_token[t.i])
                ]
        if found:
            return list(dict.fromkeys(found))
        if lemma in self.g.title_words and any(c.lower_ == "the" for c in children):
            one = token.tag_ in {"NN", "NNP"}  # "the minister", not "the leaders'"
            found = self.discourse.role(token) if one and lemma in self.discourse.lex.roles else None
            people = [found] if found else self.titled_person(None, lemma, token.i)
            if not people and one:  # "A DHS spokesperson said ... the spokesperson added": as quotes read it
                described = self.discourse.introduced_as(token)
                people = [described] if described else []
            described = any(  # "protest leaders", "the military and protest leaders"
                c.dep_ in {"compound", "amod"} or c.dep_ == "nmod" and c.pos_ == "NOUN" for c in children
            )
            if people or one or not described:
                return people
            return None  # "the protest leaders" no one was titled so: a group of them
        if any(c.lower_ == "the" for c in children) and not mods:
            found = self.discourse.institution(token) if lemma in self.discourse.lex.institutions else None
            named = (
                [found] if found else self.last_org(lemma, token.i)
            )  # "the council" → the Security Council
            if named:
                return named
        plural = token.tag_ in {"NNS", "NNPS"} and lemma != "authority"  # "governments" are many
        if lemma in STATE_NOUNS and not mods and not plural and not any(c.dep_ == "prep" for c in children):
            country = self._salient_country(token.i)  # "authorities arrested Zamora" in Guatemala
            if country:
                return [country]
        return None

    def _salient_country(self, before: int) -> Optional[str]:
        """The country the article is about so far (the discourse layer's one answer)."""
        return self.discourse.salient_country(before)
