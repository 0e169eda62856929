"""Names the small model splits, made whole; organisations by their initials.

The model often ends a name early or cuts it in two entities: "Ursula von" + "Leyen" (a
GPE), "Bilawal Bhutto" + "Zardari", "Lionel" left out of "Bethune de Moro", "Borders" for
"Reporters Without Borders", nothing at all for "Media watchdog Reporters Without Borders".
:func:`name_bounds` extends an entity's tokens over the
words that the parse joins to it as one flat name: compounds of title-case proper nouns,
name particles ("von der", "bin", "da"), title-case connectors ("Without", "Of") and an
office's "for the Coordination of Humanitarian Affairs", never over a title
("President"), a date or a comma; :func:`described_organisations` reads a name after a
noun that says an organisation follows ("watchdog", "group"). :func:`acronyms` maps initials to the
organisation spelled out ("Immigration and Customs Enforcement (ICE)", or an organisation
whose capitalised words give "DHS").

>>> acronym_definitions("agents of Immigration and Customs Enforcement (ICE) said")
{'ICE': 'Immigration and Customs Enforcement'}
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

NOT_NAME_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
_ACRONYM = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")
_WORD = re.compile(r"[\w’'&.-]+")
_ACRONYM_SKIP = {"and", "of", "for", "the", "on", "in", "&"}


def _title_word(tok: Token) -> bool:
    return (
        tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha or tok.text.isupper() and len(tok) > 1
    )


def _capitalised_noun(tok: Token, lex) -> bool:
    """``Reporters`` in "watchdog Reporters Without Borders": a capitalised common noun
    inside a sentence (the model tags name words as nouns too)."""
    return (
        tok.pos_ == "NOUN" and tok.is_title and not tok.is_sent_start and tok.lower_ not in lex.person_words
    )


def name_bounds(doc: Doc, start: int, end: int, label: str, ent_at: dict, lex) -> tuple[int, int]:
    """The token bounds of the whole name of the entity ``doc[start:end]`` (``ent_at``:
    the entity of each token; ``lex``: the discourse lexicon, for titles and particles)."""
    stop = lex.person_words | lex.name_stop_words

    def joinable(tok: Token) -> bool:
        ent = ent_at.get(tok.i)
        return (
            _title_word(tok)
            and tok.lower_ not in stop
            and not (ent is not None and ent["label"] in NOT_NAME_LABELS)
            and not (label == "ORG" and ent is not None and ent["label"] == "PERSON")
        )

    if label == "PERSON":
        while end < len(doc):  # "Ursula von" + "der Leyen", "Bilawal Bhutto" + "Zardari"
            last, j = doc[end - 1], end
            while j < len(doc) and j < end + 2 and doc[j].lower_ in lex.name_particles:
                j += 1
            if j >= len(doc) or not joinable(doc[j]):
                break
            if j == end and not (last.dep_ == "compound" and last.head.i >= end):
                break  # a proper noun right after: only when the parse makes them one name
            end = j + 1
    if label == "ORG" and doc[end - 1].lower_ in lex.institutions:
        end = _organisation_tail(doc, end)  # "U.N. Office" + "for the Coordination of ..."
    while start > 0:  # "Lionel" + "Bethune de Moro"; "Reporters Without" + "Borders"
        tok = doc[start - 1]
        if joinable(tok) and tok.i not in ent_at and tok.dep_ == "compound" and start <= tok.head.i < end:
            start -= 1
            continue
        if (
            label == "ORG"
            and start >= 2
            and tok.text[:1].isupper()
            and tok.lower_ in lex.name_connectors
            and (joinable(doc[start - 2]) or _capitalised_noun(doc[start - 2], lex))
        ):
            start -= 2
            continue
        break
    return start, end


_TAIL_OPENERS = {"for", "of", "on"}
_TAIL_JOINERS = {"and", "of", "for", "on", "the", "&"}


def _organisation_tail(doc: Doc, end: int) -> int:
    """``U.N. Office`` + ``for the Coordination of Humanitarian Affairs``: the name of an
    office goes on over ``for``/``of`` and title-case words joined by ``and``/``of``."""
    if end >= len(doc) or doc[end].lower_ not in _TAIL_OPENERS:
        return end
    j, last = end + 1, end
    while j < len(doc) and doc[j].ent_type_ not in NOT_NAME_LABELS:  # "Council on Wednesday"
        if doc[j].is_title and doc[j].is_alpha and doc[j].pos_ in ("PROPN", "NOUN", "ADJ"):
            last = j
        elif doc[j].lower_ not in _TAIL_JOINERS or j + 1 >= len(doc) or not doc[j + 1].is_title:
            break
        j += 1
    return last + 1 if last > end else end


_NAME_JOINERS = {"to", "for", "of", "the", "and", "on", "without", "de", "&"}
_NAME_LABELS_TAKEN = {"ORG", "PERSON", "GPE", "NORP", "LOC", "FAC"}


def described_organisations(doc: Doc, ent_at: dict, lex) -> list[tuple[int, int, int]]:
    """``Media watchdog Reporters Without Borders``, ``press freedom group Committee to
    Protect Journalists``: title-case words right after a noun that says an organisation
    follows (``lex.organisation_nouns``), that the model left out or tagged only in part,
    are its name. Each as (the description's first token, the name's start, its end)."""
    found = []
    for d in range(len(doc) - 2):
        tok = doc[d]
        if tok.lower_ not in lex.organisation_nouns or not tok.is_lower:
            continue
        start, j, last, words = d + 1, d + 1, d, 0
        while j < len(doc) and doc[j].ent_type_ not in NOT_NAME_LABELS:
            word = doc[j]
            if word.is_title and word.is_alpha and (words or word.lower_ not in lex.person_words):
                last, words = j, words + 1
            elif not (word.lower_ in _NAME_JOINERS and j + 1 < len(doc) and doc[j + 1].is_title):
                break
            j += 1
        end = last + 1
        if words < 2 or _tagged_whole(ent_at, start, end):
            continue
        first = d  # "Media watchdog", "press freedom group": the description
        while (
            first > 0
            and doc[first - 1].head.i in range(first, d + 1)
            and doc[first - 1].dep_
            in (
                "compound",
                "amod",
                "nsubj",
            )
        ):
            first -= 1
        found.append((first, start, end))
    return found


def _tagged_whole(ent_at: dict, start: int, end: int) -> bool:
    """The model tagged the words as one name already (or as a person or a place)."""
    ents = [ent_at.get(i) for i in range(start, end)]
    if ents[0] is not None and all(e is ents[0] for e in ents):
        return True
    return all(e is not None and e["label"] in _NAME_LABELS_TAKEN for e in ents)


def acronym_definitions(text: str) -> dict[str, str]:
    """``Immigration and Customs Enforcement (ICE)``: initials defined in the text."""
    out: dict[str, str] = {}
    for m in _ACRONYM.finditer(text):
        letters = m.group(1).replace("&", "")
        words = _WORD.findall(text[max(0, m.start() - 120) : m.start()])
        picked: list[str] = []
        k = len(letters)
        for word in reversed(words):
            if k == 0:
                break
            if word.lower() in _ACRONYM_SKIP and picked:
                picked.append(word)
                continue
            if word[:1] != letters[k - 1]:
                break
            picked.append(word)
            k -= 1
        if k == 0:
            while picked and picked[-1].lower() in _ACRONYM_SKIP:
                picked.pop()
            out.setdefault(m.group(1), " ".join(reversed(picked)))
    return out


def acronyms(text: str, org_names: list[str]) -> dict[str, str]:
    """Initials → the organisation: defined in the text, else an organisation whose
    capitalised words give them ("Department of Homeland Security" is "DHS")."""
    out = acronym_definitions(text)
    for name in org_names:
        words = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
        if len(words) >= 2 and not name.isupper():
            out.setdefault("".join(w[0] for w in words), name)
    return out


def unlabelled_speakers(doc: Doc, subjects: list[int], ent_at: dict, cue_lemmas, lex) -> list[Span]:
    """``Imran Hayat, the divisional railway superintendent, told VOA``: a name of two
    title-case words or more that is the subject (token indices ``subjects``) of a verb of
    saying and that the model left out is a person of the article (``Hayat`` later is him)."""
    found = []
    for j in subjects:
        tok = doc[j]
        if tok.pos_ != "PROPN" or j in ent_at or tok.head.lemma_.lower() not in cue_lemmas:
            continue
        start = j  # "Solo Mayor Hadi Rudyatmo said": the name after the title
        while (
            start > 0
            and doc[start - 1].dep_ == "compound"
            and doc[start - 1].head.i == j
            and doc[start - 1].lower_ not in lex.person_words
        ):
            start -= 1
        words = doc[start : j + 1]
        if len(words) >= 2 and all(
            w.is_title and w.pos_ == "PROPN" and w.i not in ent_at and w.lower_ not in lex.person_words
            for w in words
        ):
            found.append(words)
    return found


def titled_person(doc: Doc, span: Span, ent: dict, lex) -> bool:
    """``Solo Mayor Hadi Rudyatmo`` tagged a place: a name of two title-case words or more,
    right after a person's title, with no country code nor an institution's word, is a
    person's."""
    if ent["label"] not in ("GPE", "ORG") or ent.get("country") or len(span) < 2 or span.start == 0:
        return False
    if doc[span.start - 1].lower_ not in lex.titles:
        return False
    return all(t.is_title and t.pos_ == "PROPN" and t.lower_ not in lex.institutions for t in span)


def surname_person(span: Span, ent: dict, surnames: set[str], lex) -> bool:
    """``Lydia Rosasi, 29, works at ...`` tagged an organisation, ``Morgan Kehr`` a place,
    and later ``Kehr said`` a person: a name of two or three title-case words with no
    country code nor an institution's word, whose last word the model tags a person alone
    elsewhere in the article (``surnames``) or that an age follows (``, 29,``), is a
    person's."""
    if ent["label"] not in ("GPE", "ORG", "LOC") or ent.get("country") or not 2 <= len(span) <= 3:
        return False
    doc = span.doc
    aged = span.end + 2 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].like_num
    aged = aged and doc[span.end + 2].text == ","
    return (span[-1].text in surnames or aged) and all(
        t.is_title
        and t.pos_ == "PROPN"
        and t.lower_ not in lex.institutions
        and t.lower_ not in lex.person_words
        for t in span
    )
