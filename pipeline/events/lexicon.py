"""The event trigger lexicon (``patterns/triggers.jsonl``) and the CAMEO refinements
(``patterns/events_cameo.json``): finding trigger candidates in one vectorised pass
and choosing the most specific entry that a candidate's parse satisfies.

An entry is ``{lemma | phrase, pos, type, mode, cameo}`` plus optional constraints:
``object`` (a direct object with one of these lemmas: "impose sanctions"),
``object_label`` (an object that is an entity of these labels: "received Putin"),
``prep`` ("call on", "called for"), ``subject_lemma`` ("workers went on strike"),
``requires_light`` / ``requires_prep`` (a noun that is an event only as the object of
these verbs: "declared a curfew"), ``needs_args`` (a definite noun without arguments is an
anaphor: "during the visit"), ``role`` (intent/appeal/refuse/threat/demand governors that
absorb a triggered complement, verbal or nominal: "agreed to meet" = AGREE 036, "called for
talks" = REQUEST 026), ``complement_aux`` (a speech verb whose ``that`` clause carries one of
these modals: "said Sudan must return the helicopter" = a demand), ``joint`` (the type and
code when two parties do it together: a military exercise is a show of force, MOBILIZE 150,
held by two states or with another one cooperation, COOPERATE 062, as PLOVER codes them),
``bare`` (the noun, or the object, has no noun compound: "launched an operation", not
"launched relief operations"). A noun's ``prep`` needs that preposition, on the noun or its
verb, with a party as its object (``prep_object`` words, ``prep_object_label`` entities, a
pronoun): "had lunch with Wang Yi".

A list may name a class of ``patterns/events_classes.json`` as ``"@name"``: the objects
that a family of verbs shares ("lifted", "eased", "scrapped" ``@economic_sanctions``), the
light verbs of a family of nouns, entity labels.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from typing import Optional

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.matcher import PhraseMatcher
from spacy.parts_of_speech import AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Token

from pipeline.discourse.mentions import Mentions
from pipeline.discourse.tree import Tree
from pipeline.patterns import PATTERNS_DIR, read_json

PATTERNS = PATTERNS_DIR
OBJECT_DEPS = {"dobj", "obj", "attr", "dative", "oprd"}
RELATIVE_TAGS = {"WDT", "WP"}  # "which", "that", "who", "whom" opening a relative clause


@dataclass
class Entry:
    key: str  # lemma or phrase
    pos: str
    type: str
    cameo: str
    mode: Optional[str] = None
    object: frozenset = frozenset()
    object_label: frozenset = frozenset()
    prep: Optional[str] = None
    subject_lemma: frozenset = frozenset()
    requires_light: frozenset = frozenset()
    requires_prep: frozenset = frozenset()
    light: bool = False
    needs_args: bool = False
    strict_args: bool = False
    intransitive: bool = False
    requires_xcomp: bool = False
    not_object: frozenset = frozenset()
    complement_aux: frozenset = frozenset()
    role: Optional[str] = None
    prep_object: frozenset = frozenset()
    prep_object_label: frozenset = frozenset()
    passive: bool = False
    adjacent: bool = False
    joint: Optional[tuple[str, str]] = None  # (type, cameo) when two parties do it together
    bare: bool = False  # the noun (or object) without a compound ("relief operations" is another act)
    order: int = 0

    @property
    def specificity(self) -> int:
        return (
            3
            if self.object or self.prep_object
            else 2
            if (
                self.object_label
                or self.prep
                or self.subject_lemma
                or self.requires_light
                or self.requires_prep
                or self.complement_aux
            )
            else 1
        )


@dataclass
class Lexicon:
    verbs: dict = field(default_factory=dict)  # lemma -> [Entry]
    nouns: dict = field(default_factory=dict)  # lemma or phrase -> [Entry]
    cameo: dict = field(default_factory=dict)

    def finder(self, vocab) -> "TriggerFinder":
        return TriggerFinder(self, vocab)


class TriggerFinder:
    """Trigger candidates ``(kind, start, end)`` in one pass: single words by hash lookup
    over the doc's LEMMA/LOWER/POS arrays (numpy picks the verbs and nouns, a set lookup
    tests their few hashes), multiword phrases ("phone call", "state of emergency") with a
    PhraseMatcher on lemmas."""

    # uint64 like the doc array: comparing with a plain int makes numpy convert the array
    VERBAL = (numpy.uint64(VERB), numpy.uint64(AUX))
    NOMINAL = (numpy.uint64(NOUN), numpy.uint64(PROPN))

    def __init__(self, lex: Lexicon, vocab):
        strings = vocab.strings
        self.verbs = frozenset(strings.add(k) for k in lex.verbs)
        self.nouns = frozenset(strings.add(k) for k in lex.nouns if " " not in k)
        self.phrases = PhraseMatcher(vocab, attr="LEMMA")
        for key in (k for k in lex.nouns if " " in k):
            words = key.split()
            self.phrases.add("PHRASE", [Doc(vocab, words=words, lemmas=words)])

    def __call__(self, doc: Doc, tree: Tree) -> list[tuple[str, int, int]]:
        if not len(doc):
            return []
        lemmas, lowers, pos = tree.column(LEMMA), tree.column(LOWER), tree.column(POS)
        idx = numpy.flatnonzero((pos == self.VERBAL[0]) | (pos == self.VERBAL[1]))
        out = [
            ("VERB", i, i + 1) for i, lemma in zip(idx.tolist(), lemmas[idx].tolist()) if lemma in self.verbs
        ]
        idx = numpy.flatnonzero((pos == self.NOMINAL[0]) | (pos == self.NOMINAL[1]))
        out += [
            ("NOUN", i, i + 1)
            for i, lemma, lower in zip(idx.tolist(), lemmas[idx].tolist(), lowers[idx].tolist())
            if lemma in self.nouns or lower in self.nouns
        ]
        out += [("PHRASE", start, end) for _, start, end in self.phrases(doc)]
        return out


def classes(data: Optional[dict] = None) -> dict[str, list[str]]:
    """The named word classes (``events_classes.json``, or ``data`` in its layout): nouns,
    verbs and entity labels in one namespace."""
    data = read_json("events_classes.json") if data is None else data
    out: dict[str, list[str]] = {}
    for group, named in data.items():
        if group.startswith("_"):
            continue
        for name, words in named.items():
            if name in out:
                raise ValueError(f"events_classes.json: class {name!r} is defined twice")
            out[name] = words
    return out


def expand(row: dict, named: dict[str, list[str]]) -> dict:
    """The row with each ``"@name"`` in its lists replaced by that class's members."""
    out = dict(row)
    for key, value in row.items():
        if isinstance(value, list) and any(str(v).startswith("@") for v in value):
            words = []
            for v in value:
                if not str(v).startswith("@"):
                    words.append(v)
                elif v[1:] in named:
                    words += named[v[1:]]
                else:
                    raise ValueError(
                        f"triggers.jsonl: unknown class {v!r} in {row.get('lemma') or row.get('phrase')!r}"
                    )
            out[key] = words
    return out


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lex = Lexicon()
    lex.cameo = json.loads((PATTERNS / "events_cameo.json").read_text(encoding="utf-8"))
    named = classes()
    lines = (PATTERNS / "triggers.jsonl").read_text(encoding="utf-8").splitlines()
    for order, line in enumerate(lines):
        row = json.loads(line) if line.strip() else {}
        if "type" not in row:
            continue
        row = expand(row, named)
        key = row.get("lemma") or row["phrase"]
        entry = Entry(
            key=key,
            pos=row["pos"],
            type=row["type"],
            cameo=row["cameo"],
            mode=row.get("mode"),
            object=frozenset(row.get("object", ())),
            object_label=frozenset(row.get("object_label", ())),
            prep=row.get("prep"),
            subject_lemma=frozenset(row.get("subject_lemma", ())),
            requires_light=frozenset(row.get("requires_light", ())),
            requires_prep=frozenset(row.get("requires_prep", ())),
            light=row.get("light", False),
            needs_args=row.get("needs_args", False),
            strict_args=row.get("strict_args", False),
            intransitive=row.get("intransitive", False),
            requires_xcomp=row.get("requires_xcomp", False),
            not_object=frozenset(row.get("not_object", ())),
            complement_aux=frozenset(row.get("complement_aux", ())),
            role=row.get("role"),
            prep_object=frozenset(row.get("prep_object", ())),
            prep_object_label=frozenset(row.get("prep_object_label", ())),
            passive=row.get("passive", False),
            adjacent=row.get("adjacent", False),
            joint=tuple(row["joint"]) if row.get("joint") else None,
            bare=row.get("bare", False),
            order=order,
        )
        table = lex.verbs if entry.pos == "VERB" else lex.nouns
        table.setdefault(key, []).append(entry)
    return lex


def objects(token: Token, tree: Tree) -> list[Token]:
    """Direct objects of a verb (conjuncts too; 'rounds of talks' gives 'talks'); the noun a
    relative clause or participle without an object of its own modifies ('the sanctions
    Washington has imposed'), or whose relative pronoun is the object ('the controls, which
    they imposed', 'Gachagua, who was impeached')."""
    out = []
    children = tree.children(token)
    labels = [c.dep_ for c in children]
    deps = OBJECT_DEPS | ({"nsubjpass"} if "auxpass" in labels else set())
    for child, dep in zip(children, labels):
        if dep in deps:
            if token.dep_ == "relcl" and child.tag_ in RELATIVE_TAGS and token.head.pos_ in {"NOUN", "PROPN"}:
                child = token.head  # the relative pronoun stands for the noun the clause modifies
            for obj in (child, *tree.conjuncts(child)):
                out.append(obj)
                out += [c for c in tree.children(obj) if c.dep_ == "compound"]  # "aid deliveries"
                for p in tree.children(obj):  # "part of a military aid program"
                    if p.dep_ == "prep" and p.lower_ == "of":
                        for gc in tree.children(p):
                            if gc.dep_ == "pobj":
                                out.append(gc)
                                out += [c for c in tree.children(gc) if c.dep_ == "compound"]
        # a "prt" child is passed over: "broke off talks", the object hangs on the verb
    if not out and token.dep_ in {"relcl", "acl"} and token.head.pos_ in {"NOUN", "PROPN"}:
        head = token.head  # "the sanctions Washington has imposed", "tariffs imposed on Canada"
        if token.dep_ == "relcl" or token.tag_ == "VBN":
            out.append(head)
    return out


def particle(token: Token, word: str, tree: Tree) -> Optional[Token]:
    for child in tree.children(token):
        if child.dep_ in {"prep", "prt", "agent", "advmod"} and child.lower_ == word:
            return child
    return None


def choose_verb(token: Token, lex: Lexicon, m: Mentions) -> Optional[tuple[Entry, Optional[Token]]]:
    """The most specific verb entry the token's parse satisfies, and the object or
    particle token that satisfied it."""
    best = None
    objs = None
    deps = None
    tree = m.tree
    for entry in lex.verbs.get(token.lemma_, ()):
        hit: Optional[Token] = None
        objs = objects(token, tree) if objs is None else objs
        deps = [c.dep_ for c in tree.children(token)] if deps is None else deps
        if entry.intransitive and objs:
            continue
        if entry.not_object and any(o.lemma_.lower() in entry.not_object for o in objs):
            continue
        if entry.requires_xcomp and "xcomp" not in deps and "ccomp" not in deps:
            continue
        if entry.object or entry.object_label:
            hit = next((o for o in objs if o.lemma_.lower() in entry.object), None)
            if hit is None and entry.object_label:
                hit = next((o for o in objs if m.label(o) in entry.object_label), None)
            if hit is None or (entry.bare and _compounded(hit, tree)):
                continue
        if entry.passive and "auxpass" not in deps:
            continue
        if entry.prep:
            part = particle(token, entry.prep, tree)
            if part is None and entry.prep_object:  # "challenged the ban in court": the
                # phrase that names where the act goes, hung on the object by the parse
                part = next((p for o in objs if (p := particle(o, entry.prep, tree)) is not None), None)
            if part is None or (entry.adjacent and not _adjacent(token, part, tree)):
                continue
            if entry.prep_object and not any(
                c.dep_ == "pobj" and c.lemma_.lower() in entry.prep_object for c in tree.children(part)
            ):
                continue
            if entry.prep_object_label and not any(
                c.dep_ == "pobj" and m.label(c) in entry.prep_object_label for c in tree.children(part)
            ):
                continue  # "spoke with Scholz", not "spoke with one voice"
            hit = hit or part  # "called off the strike": the object is the hit
        if entry.complement_aux and complement(token, entry.complement_aux, tree) is None:
            continue
        if entry.subject_lemma and not any(
            c.dep_.startswith("nsubj") and c.lemma_ in entry.subject_lemma for c in tree.children(token)
        ):
            continue
        rank = (entry.specificity, -entry.order)
        if best is None or rank > best[0]:
            best = (rank, entry, hit)
    return (best[1], best[2]) if best else None


def _adjacent(verb: Token, part: Token, tree: Tree) -> bool:
    """'called on the Global South to ...': the particle follows the verb (an adverb between
    at most) and does not introduce a date ('called Putin on Friday')."""
    between = verb.doc[verb.i + 1 : part.i]
    if part.i < verb.i or any(t.pos_ not in {"ADV", "PART"} for t in between):
        return False
    pobj = next((c for c in tree.children(part) if c.dep_ == "pobj"), None)
    return pobj is None or pobj.ent_type_ not in {"DATE", "TIME"}


# subjects of a "must" clause that make it advice or an exhortation, not a demand on a party
# ("you must liberate yourself", "one must wonder"); "we must" from a leader is an appeal
NOT_ADDRESSED = frozenset({"you", "i", "one", "someone", "anyone"})


def complement(token: Token, modals: frozenset, tree: Tree) -> Optional[Token]:
    """The ``that`` clause of a speech verb whose verb carries one of ``modals``, addressed
    to a party ("said China must quit intimidating Taiwan", not "said we must talk")."""
    for child in tree.children(token):
        if child.dep_ != "ccomp":
            continue
        grand = tree.children(child)
        if any(c.dep_ == "aux" and c.lower_ in modals for c in grand) and not any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in NOT_ADDRESSED for c in grand
        ):
            return child
    return None


def choose_noun(key: str, head: Token, lex: Lexicon, tree: Tree) -> Optional[Entry]:
    """The most specific noun entry whose light-verb and preposition needs hold."""
    best = None
    for entry in lex.nouns.get(key, ()):
        if entry.requires_light and not (
            (
                head.dep_ in OBJECT_DEPS | {"nsubjpass", "pobj", "conj"}
                and _governing_verb(head) in entry.requires_light
            )
            or any(  # "a lawsuit filed in February", "the controls which they imposed"
                c.lemma_ in entry.requires_light and _modifying_verb(c, tree) for c in tree.children(head)
            )
        ):
            continue
        if entry.bare and _compounded(head, tree):
            continue
        if entry.prep and not _party_phrase(head, entry, tree):
            continue  # "had dinner with Wang Yi", not "had dinner with his family"
        if entry.requires_prep and not any(
            c.dep_ == "prep" and c.lower_ in entry.requires_prep for c in tree.children(head)
        ):
            continue
        rank = (entry.specificity, -entry.order)
        if best is None or rank > best[0]:
            best = (rank, entry)
    return best[1] if best else None


def _party_phrase(noun: Token, entry: Entry, tree: Tree) -> bool:
    """The noun, or the verb it is the object of, has the entry's preposition with a party
    as its object: an entity of the entry's labels, a noun of its ``prep_object`` words ("with
    the prime minister"), a personal pronoun ("had lunch with him"); any object when the
    entry names neither."""
    holders = [noun]
    if noun.dep_ in OBJECT_DEPS and noun.head.pos_ in {"VERB", "AUX"}:
        holders.append(noun.head)  # "had dinner with Xi": the phrase hangs on the verb
    return any(
        c.dep_ == "prep"
        and c.lower_ == entry.prep
        and any(
            p.dep_ == "pobj"
            and (
                p.tag_ == "PRP"
                or p.ent_type_ in entry.prep_object_label
                or p.lemma_.lower() in entry.prep_object
                or not (entry.prep_object_label or entry.prep_object)
            )
            for p in tree.children(c)
        )
        for h in holders
        for c in tree.children(h)
    )


def _compounded(noun: Token, tree: Tree) -> bool:
    """The noun has a noun compound that makes it another act ("relief operations", "aid
    operation"); the compounds that make it the act have entries of their own ("rescue
    operation", "security operation")."""
    return any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in tree.children(noun))


def _modifying_verb(verb: Token, tree: Tree) -> bool:
    """A participle ("the curfew imposed on the city") or a relative clause whose object is
    the noun it modifies ("the border controls, which they imposed")."""
    if verb.dep_ == "acl":
        return verb.tag_ == "VBN"
    return verb.dep_ == "relcl" and any(
        c.dep_ in OBJECT_DEPS | {"nsubjpass"} and c.tag_ in RELATIVE_TAGS for c in tree.children(verb)
    )


def _governing_verb(token: Token) -> Optional[str]:
    head = token.head
    for _ in range(3):
        if head.pos_ in {"VERB", "AUX"}:
            return head.lemma_
        if head.head.i == head.i:
            break
        head = head.head
    return None


def refine(role: str, inner_type: str, inner_cameo: str, lex: Lexicon) -> tuple[str, str]:
    """Type and CAMEO code of a governor (``role``) that absorbs a triggered complement."""
    table = lex.cameo[role]
    other = table.get("redirect", {}).get(inner_type)
    if other:  # "vowed to fight on" is a threat, not an intent to cooperate
        table = lex.cameo[other]
    code = table["by_cameo"].get(inner_cameo) or table["by_type"].get(inner_type) or table["default"]
    return table["type"], code
