"""The model's entity spans corrected: possessives, titles and function words trimmed, a
titled name made a person, and the gazetteer's matches merged in (a country the model
tagged ORG becomes GPE, an organisation's full name wins over a summit-name span).
"""

from __future__ import annotations

from typing import Optional

from spacy.parts_of_speech import PROPN
from spacy.tokens import Doc, Span

from pipeline.entities.aliases import MEETING_WORDS, TRAILING_POS_IDS, is_title_word
from pipeline.entities.tokens import TokenArrays


class SpanCorrections:
    """Span corrections of :class:`pipeline.entities.component.EntityExtractor`, which
    sets the gazetteer ``g`` and the word ids they test."""

    def _clean(self, doc: Doc, ent: Span, v: TokenArrays) -> Optional[Span]:
        start, end = ent.start, ent.end
        # possessives and a trailing function word: "the Great Hall of the People on"
        while end > start and (v.orth[end - 1] in self._possessive_ids or v.pos[end - 1] in TRAILING_POS_IDS):
            end -= 1
        label = ent.label_
        if label != "PERSON":
            label, start = self._titled_name(doc, start, end, label, v)
        if label == "PERSON":
            for i in range(end - 1, start, -1):  # "Nauru's President David Adeang"
                if v.orth[i] in self._possessive_ids:
                    start = i + 1
                    break
            while end - start > 1 and (v.title[start] or v.orth[start] in self._place_word_ids):
                start += 1
        while end - start > 1 and v.lower[start] == self._the_id and label != "PERSON":
            start += 1
        if end <= start:
            return None
        if all(v.title[i] or v.lower[i] in self._of_the_ids for i in range(start, end)):
            text = doc[start:end].text
            if text not in self.g.orgs and text not in self.g.countries:
                return None  # a title alone is no name: "Secretary of State", "State Councilor"
        if (start, end, label) == (ent.start, ent.end, ent.label_):
            return ent  # as the model found it (it sets no kb_id or id)
        return Span(doc, start, end, label=label)

    def _titled_name(self, doc: Doc, start: int, end: int, label: str, v: TokenArrays) -> tuple[str, int]:
        """'Kazakh President Kassym-Jomart Tokayev' tagged ORG: a demonym or country and a
        title before proper names make a person (the name starts after the last title)."""
        k = start
        titled = False
        while k < end and (v.title[k] or v.orth[k] in self._place_word_ids):
            titled = titled or v.title[k]
            k += 1
        if titled and k > start and k < end:
            rest = range(k, end)
            if all(
                v.pos[i] == PROPN
                and (v.is_title[i] or v.orth[i] == self._hyphen_id)
                or v.orth[i] == self._hyphen_id
                for i in rest
            ) and not any(v.lower[i] in self._meeting_ids for i in rest):
                text = doc[k:end].text
                if text not in self.g.orgs and text not in self.g.countries:
                    return "PERSON", k
        return label, start

    def _is_title(self, token) -> bool:
        return is_title_word(token.lower_, self.g) and token.pos_ != "VERB"

    def _merge(self, doc: Doc, model: list[Span], gaz: list[Span], v: TokenArrays) -> list[Span]:
        """The model's spans corrected by the gazetteer's. Spans never overlap here (the
        model's do not, and a gazetteer span joins where no span is or replaces all those
        it overlaps), so each token has at most one span: ``owner`` maps tokens to their
        span's place in ``spans``, where a removed span leaves None."""
        spans: list[Optional[Span]] = list(model)
        owner = {i: k for k, s in enumerate(spans) for i in range(s.start, s.end)}
        for g in gaz:
            label = g.label_
            g_start, g_end = g.start, g.end
            hits = sorted({owner[i] for i in range(g_start, g_end) if i in owner})
            if not hits:
                if label != "CITY" or g.root.pos_ == "PROPN":
                    owner.update((i, len(spans)) for i in range(g_start, g_end))
                    spans.append(Span(doc, g_start, g_end, label="GPE" if label == "CITY" else label))
                continue
            same = [k for k in hits if spans[k].start == g_start and spans[k].end == g_end]
            if same:
                s = spans[same[0]]
                new = label
                if label == "CITY":
                    new = "GPE" if s.label_ in {"ORG", "PERSON", "NORP"} else s.label_
                elif label == "GPE" and s.label_ == "LOC":
                    new = "GPE"
                elif label == "NORP" and s.label_ == "PERSON" and len(g) == 1:
                    new = "NORP"
                if new != s.label_:
                    spans[same[0]] = Span(doc, g_start, g_end, label=new)
                continue
            if label == "ORG" and all(self._org_wins(g, spans[k]) for k in hits):
                for k in hits:
                    for i in range(spans[k].start, spans[k].end):
                        del owner[i]
                    spans[k] = None
                owner.update((i, len(spans)) for i in range(g_start, g_end))
                spans.append(Span(doc, g_start, g_end, label=self.g.orgs[v.text_of(g)][1]))
        return [s for s in spans if s is not None]

    def _org_wins(self, g: Span, s: Span) -> bool:
        if s.label_ == "PERSON" and len(s) > len(g):
            return False
        if s.start <= g.start and g.end <= s.end and s.label_ == "ORG":
            extra = [t for t in s if t.i < g.start or t.i >= g.end]
            return all(
                t.lower_ in MEETING_WORDS
                or t.lower_ == "the"
                or not t.is_alpha
                or t.like_num
                or t.tag_ == "JJ"
                or t.text in self.g.cities
                or t.text in self.g.countries
                for t in extra
            )
        return True

    def _after_lower_hyphen(self, doc: Doc, start: int, v: TokenArrays) -> bool:
        """A hyphen and a lower-case word before token ``start``: "the one-China principle"."""
        return start > 1 and v.orth[start - 1] == self._hyphen_id and doc[start - 2].is_lower
