"""Document structure stays linear on hostile input: work counted, never timed."""

from __future__ import annotations

from work_counting import calls_of, growth, repeated


def test_many_heading_lines_check_for_a_parse_once(nlp):
    # spaCy's is_sent_start setter scans the whole doc for a parse (Doc.has_annotation)
    # on every call: one call per heading or line break was quadratic
    for size in (2000, 4000):
        text = repeated("HEAD-OF-STATE DIPLOMACY\n", size)
        assert calls_of(nlp, text, "communique_structure", "has_annotation") <= 2


def test_many_heading_lines_cost_linear_work(nlp):
    assert growth(nlp, "HEAD-OF-STATE DIPLOMACY\n", 4000, "communique_structure") < 2.5


def test_the_preset_sentence_starts_are_those_of_the_setter(nlp):
    text = "TITLE LINE HERE\n\nBEIJING, Feb. 11 (Xinhua) -- A said so.\nHEAD-OF-STATE DIPLOMACY\nMore."
    doc = nlp(text)
    starts = [t.i for t in doc if t.is_sent_start]
    heading = next(iter(doc.spans["communique_headings"]))
    assert heading.start in starts and not any(heading.start < i < heading.end for i in starts)
