"""Long articles: cut into parts within the limit, run part by part, merged with exact offsets."""

from __future__ import annotations

import json

import pytest

from pipeline.io.reading import Article
from pipeline.run.chunking import merge_records, split_points


@pytest.mark.parametrize(
    "text, limit",
    [
        ("One.\n\nTwo.\n\nThree.", 8),
        ("a b c d e f g h", 4),
        ("x" * 50, 10),
        ("Para one is here.\r\n\r\nPara two is here.", 20),
    ],
    ids=["paragraphs", "spaces-only", "no-boundary-at-all", "crlf-paragraphs"],
)
def test_split_points_cover_the_text_within_the_limit(text, limit):
    parts = split_points(text, limit)
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(parts, parts[1:]))
    assert all(0 < end - start <= limit for start, end in parts)


def test_merged_records_keep_offsets_exact():
    from models import ArticleExtraction, Figure

    text = "First part has 5 ships.\n\nSecond part has 7 ships."
    (a, b) = split_points(text, 30)
    part_records = []
    for start, end in (a, b):
        chunk = text[start:end]
        i = chunk.index(next(c for c in chunk if c.isdigit()))
        part_records.append(
            (
                start,
                ArticleExtraction(
                    id="p",
                    text=chunk,
                    figures=[Figure(text=chunk[i], start=i, end=i + 1, value=float(chunk[i]))],
                ),
            )
        )
    merged = merge_records(ArticleExtraction(id="full", text=text), part_records)
    assert [(f.text, text[f.start : f.end]) for f in merged.figures] == [("5", "5"), ("7", "7")]


def test_long_article_is_processed_in_parts_with_exact_offsets(nlp, monkeypatch):
    import pipeline.run.batch as batch

    monkeypatch.setattr(batch, "CHUNK_CHARS", 400)
    paragraph = (
        "Chinese President Xi Jinping met Kenyan President William Ruto on Monday. "
        "The two countries signed {n} agreements worth $3 billion."
    )
    text = "NAIROBI, May 14 (Xinhua) -- " + "\n\n".join(paragraph.format(n=n) for n in range(5, 25))
    (record,) = batch.extract_articles([Article(id="long", text=text)], nlp, reference_date="2024-05-20")
    assert not record.errors and "parts" in record.warnings[-1]
    assert record.dateline.place == "NAIROBI"
    numbers = sorted(f.value for f in record.figures if f.kind == "count" and f.counted == "agreements")
    assert numbers == [float(n) for n in range(5, 25)]
    for kind in ("entities", "dates", "quotes", "figures", "events"):
        for item in getattr(record, kind):
            assert text[item.start : item.end] == item.text
    assert {d.value for d in record.dates} == {"2024-05-13"}


def test_an_article_with_a_failed_part_has_errors_and_empty_lists(nlp, monkeypatch):
    import pipeline.run.batch as batch
    from pipeline.io.reading import Article

    monkeypatch.setattr(batch, "CHUNK_CHARS", 200)
    paragraph = "Xi Jinping met Vladimir Putin in Moscow on Tuesday. The two leaders held talks."
    text = "\n\n".join([paragraph] * 8)
    real = batch.extract_chunk

    def failing_second_part(nlp_, pieces, *args):
        records = real(nlp_, pieces, *args)
        if len(pieces) > 1:
            records[1] = records[1].model_copy(update={"errors": ["part 2: processing failed"]})
        return records

    monkeypatch.setattr(batch, "extract_chunk", failing_second_part)
    record = batch._process_long(nlp, Article(id="long", text=text), "2025-03-12")
    assert record.errors == ["part 2: processing failed"]
    assert (record.entities, record.dates, record.events) == ([], [], [])


def test_a_refused_article_does_not_store_its_text(monkeypatch):
    import pipeline.io.reading as reading

    monkeypatch.setattr(reading, "MAX_ARTICLE_CHARS", 50)
    (article,) = reading.read_jsonl_lines([json.dumps({"id": "big", "text": "x" * 80})], "in.jsonl")
    assert "above the limit" in article.errors[0] and article.text == ""


def test_a_long_article_keeps_one_part_doc_alive_at_a_time(nlp, monkeypatch):
    """Memory is bounded by the part, not the article: the parts go through nlp.pipe one
    by one, so a part's Doc (and the parser's arrays) is gone before the next is made
    (a batch of parts kept all of them alive: 7.4 GB at 2.2 M characters)."""
    import gc
    import weakref

    import pipeline.run.batch as batch

    monkeypatch.setattr(batch, "CHUNK_CHARS", 200)
    made, alive_at_record = weakref.WeakSet(), []
    real_prepare, real_record = batch.prepare_doc, batch.to_record

    def prepare(*args):
        doc = real_prepare(*args)
        made.add(doc)
        return doc

    def record(article, doc):
        gc.collect()
        alive_at_record.append(len(made))
        return real_record(article, doc)

    monkeypatch.setattr(batch, "prepare_doc", prepare)
    monkeypatch.setattr(batch, "to_record", record)
    paragraph = "Xi Jinping met Vladimir Putin in Moscow on Tuesday. The two leaders held talks."
    text = "\n\n".join([paragraph] * 12)
    (result,) = batch.extract_articles([Article(id="long", text=text)], nlp, reference_date="2025-03-12")
    assert not result.errors and len(alive_at_record) >= 6
    assert max(alive_at_record) == 1


def test_a_component_that_fails_leaves_no_doc_in_the_discourse_cache(nlp, monkeypatch):
    """The discourse that quotes and events share holds its Doc: a failure between them
    must not keep the Doc (and its arrays) alive."""
    import pipeline.events.component as events
    from pipeline.discourse import article as discourse

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(events, "candidates", broken)
    before = dict(discourse._CACHE)
    doc = nlp.make_doc("Xi Jinping met Vladimir Putin. He said the talks went well.")
    with pytest.raises(RuntimeError):
        nlp(doc)
    assert id(doc) not in discourse._CACHE and discourse._CACHE.keys() <= before.keys()


def test_a_long_article_that_runs_out_of_memory_has_errors_and_empty_lists(nlp, monkeypatch):
    """A MemoryError while merging the parts (a 4.9 M-character article) loses that article
    only, and its record has the error and no half-made lists."""
    import pipeline.run.batch as batch

    def out_of_memory(*args):
        raise MemoryError()

    monkeypatch.setattr(batch, "CHUNK_CHARS", 200)
    monkeypatch.setattr(batch, "merge_records", out_of_memory)
    text = "\n\n".join(["Xi Jinping met Vladimir Putin in Moscow on Tuesday."] * 8)
    articles = [Article(id="long", text=text), Article(id="short", text="Xi met Putin on Monday.")]
    long, short = batch.extract_articles(articles, nlp, reference_date="2025-03-12")
    assert "MemoryError" in long.errors[-1] and long.text == text
    assert all(getattr(long, kind) == [] for kind in ("entities", "dates", "quotes", "figures", "events"))
    assert not short.errors and short.entities
