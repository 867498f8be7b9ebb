"""The passage index (sorted by outlet and date, vectors streamed into place) and the batched exact search
give what a plain scan of every passage gives."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from conftest import EXAMPLE

from sourcecheck.cli import main
from sourcecheck.core.sentences import split_sentences
from sourcecheck.sources.embeddings import DEFAULT_MODEL, load_embedder
from sourcecheck.sources.retrieval import ClaimQuery, retrieve_all
from sourcecheck.warehouse import Warehouse

pytestmark = pytest.mark.model   # loads a model or runs the pipeline: not in `make check`

SHARED = "The exercise ended with a live-fire drill at the Chorukh-Dayron range."


@pytest.fixture(scope="module")
def stored_index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("store")
    db = folder / "warehouse.duckdb"
    # the same sentence in two outlets' documents: one vector, two passages
    for outlet, day in (("Xinhua", "2012-06-19"), ("Interfax", "2012-06-11")):
        (folder / f"{outlet}.md").write_text(f"---\noutlet: {outlet}\npublished: {day}\n---\nA first sentence about "
                                             f"{outlet}. {SHARED} A last sentence.\n")
    assert main(["--db", str(db), "sources", "add", str(EXAMPLE / "sources"), str(folder)]) == 0
    with Warehouse.open(db, read_only=True) as wh:
        stored = wh.con.execute("SELECT p.passage_id, p.source_id, p.passage_index, p.context FROM passages p "
                                "WHERE p.retired_at IS NULL").fetchall()
        return wh.passage_index(DEFAULT_MODEL, 384), {row[0]: row[1:] for row in stored}


def test_index_is_sorted_by_outlet_then_date_and_every_row_has_its_vector(stored_index):
    index, stored = stored_index
    outlets = [index.outlet_at(r) for r in range(len(index))]
    ids = index.passage_ids.to_pylist()
    keys = list(zip(outlets, index.published.tolist(), index.documents.tolist(), [stored[i][1] for i in ids],
                    strict=True))
    assert keys == sorted(keys) and len(set(outlets)) == len(index.outlets) > 3
    # one document number per source, its passages consecutive and complete
    pairs = {(d, stored[i][0]) for d, i in zip(index.documents.tolist(), ids, strict=True)}
    assert len(pairs) == len({d for d, _ in pairs}) == len({s for _, s in pairs}) > 5
    texts = index.texts.to_pylist()
    shared = [r for r, t in enumerate(texts) if t == SHARED]
    assert len(shared) == 2 and np.array_equal(index.vectors[shared[0]], index.vectors[shared[1]])
    fresh = load_embedder(DEFAULT_MODEL).encode(texts)
    assert np.abs(fresh - index.vectors).max() < 1e-5          # each row holds the vector of its own text
    lo, hi = index.rows_of("Xinhua", np.datetime64("2012-06-14"), np.datetime64("2012-06-16"))
    assert hi > lo and all(outlets[r] == "Xinhua" and dt.date(2012, 6, 14) <= index.published[r].astype(dt.date)
                           <= dt.date(2012, 6, 16) for r in range(lo, hi))
    assert index.rows_of("No Such Outlet") == (0, 0)


def test_each_rows_context_is_the_one_ingest_stored(stored_index):
    index, stored = stored_index
    contexts = [index.context_at(r) for r in range(len(index))]
    assert contexts == [stored[i][2] for i in index.passage_ids.to_pylist()]
    with_neighbours = sum(c != t for c, t in zip(contexts, index.texts.to_pylist(), strict=True))
    assert with_neighbours > len(index) // 2


def test_a_candidate_carries_its_whole_document(stored_index):
    """What the source says anywhere (scoring/coverage.py reads it): every sentence of the passage's own
    document in reading order, none of another document's, even one holding the same sentence."""
    index, _ = stored_index
    query = ClaimQuery("c", load_embedder(DEFAULT_MODEL).encode([SHARED])[0], ("Xinhua",), None, None)
    found = retrieve_all(index, [query], k_cited=3, k_store=5)
    [cited] = [c for c in found if c.scope == "cited" and c.text == SHARED]
    assert cited.document == f"A first sentence about Xinhua. {SHARED} A last sentence."
    [elsewhere] = [c for c in found if c.scope == "store" and c.text == SHARED]
    assert elsewhere.document == f"A first sentence about Interfax. {SHARED} A last sentence."
    assert all(c.context in c.document for c in found)


def test_batched_search_equals_a_scan_of_every_passage(stored_index, monkeypatch):
    index, _ = stored_index
    import sourcecheck.sources.retrieval

    monkeypatch.setattr(sourcecheck.sources.retrieval, "BLOCK_ROWS", 37)   # many blocks: the running top-k is exercised
    article = (EXAMPLE / "article.md").read_text()
    sentences = [s for _, _, s in split_sentences(article)][:40]
    vectors = load_embedder(DEFAULT_MODEL).encode(sentences)
    cited = [("Krasnaya Zvezda",), ("Xinhua", "Interfax"), (), ("Interfax",)]
    queries = [ClaimQuery(f"c{i}", v, cited[i % 4], dt.date(2012, 6, 18) if i % 3 else None, None)
               for i, v in enumerate(vectors)]
    got = retrieve_all(index, queries, window_days=3, k_cited=3, k_store=4)
    outlets = np.array([index.outlet_at(r) for r in range(len(index))])
    scores = vectors @ index.vectors.T
    for query, row_scores in zip(queries, scores, strict=True):
        in_window = np.isin(outlets, list(query.cited_outlets))
        if query.date_start:
            in_window &= (index.published >= np.datetime64("2012-06-15")) \
                & (index.published <= np.datetime64("2012-06-21"))
        expected = []
        for scope, mask, k in (("cited", in_window, 3), ("store", ~in_window, 4)):
            rows = np.flatnonzero(mask)
            best = rows[np.lexsort((rows, -row_scores[rows]))][:k] if query.cited_outlets or scope == "store" else []
            expected += [(scope, index.passage_ids[int(r)].as_py(), float(row_scores[r])) for r in best]
        found = [c for c in got if c.claim_id == query.claim_id]
        # the same scores in the same order; passages whose texts are the same tie, and which of them comes
        # first may differ with the rounding of a block-wise matrix product
        assert [c.scope for c in found] == [e[0] for e in expected]
        assert [c.similarity for c in found] == pytest.approx([e[2] for e in expected], abs=1e-6)
        row_of = {pid: r for r, pid in enumerate(index.passage_ids.to_pylist())}
        # each found passage scores what the scan's does there
        for c, (_, _, score) in zip(found, expected, strict=True):
            assert float(row_scores[row_of[c.passage_id]]) == pytest.approx(score, abs=1e-6)
