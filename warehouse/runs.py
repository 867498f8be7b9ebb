"""Recording one article's run: the article, its sentences, citations and claims (with their types, slots and
rewritten references), and the run with its matches and verdicts. Content-hash ids: an unchanged sentence or
claim is stored once, whichever runs it appears in."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import socket
from collections import Counter

import pyarrow as pa

from sourcecheck.core.faults import crash_point
from sourcecheck.model.claims import Citation, Claim, ExtractedArticle, Sentence
from sourcecheck.model.runs import ArticleResult, RunContext
from sourcecheck.model.scores import PairScore, Verdict
from sourcecheck.model.sources import Candidate
from sourcecheck.warehouse.arrow import CHARACTER_SPAN, records_to_arrow, side_by_side
from sourcecheck.warehouse.connection import WarehouseConnection

# the fields of a record that are columns of its table (the rest are stored elsewhere or not at all)
_CITATION_FIELDS = ("citation_id", "sentence_id", "kind", "raw", "outlets", "outlet_names", "date_start", "date_end")
_CLAIM_FIELDS = ("claim_id", "article_id", "sentence_id", "claim_index", "text", "citation_id", "assigned_by",
                 "cited_outlets", "date_start", "date_end", "checkworthy", "checkworthy_reason")
_MATCH_FIELDS = ("claim_id", "passage_id", "scope", "rank", "similarity")
_SCORE_COLUMNS = {"support": "support_score", "contradiction": "contradiction_score", "explanation": "explanation"}


class RunRecords(WarehouseConnection):
    def record_run(self, run_id: str, result: ArticleResult, context: RunContext,
                   record_seconds: float = 0.0) -> dict[str, int]:
        """The article, its sentences, citations and claims, and the run's matches and verdicts (call it inside
        one transaction). Returns the run's count of claims per status."""
        extracted, candidates, verdicts = result.extracted, result.candidates, result.verdicts
        a = extracted.article
        now = dt.datetime.now()
        self.con.execute("""
            INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (article_id) DO UPDATE SET path = excluded.path, title = excluded.title,
                publication = excluded.publication, published = excluded.published,
                content_hash = excluded.content_hash, body = excluded.body, updated_at = excluded.updated_at""",
            [a.article_id, a.path, a.title, a.publication, a.published, a.content_hash, a.body, now])
        self._insert_new("sentences", "sentence_id",
                         records_to_arrow(extracted.sentences, Sentence, renamed=CHARACTER_SPAN))
        self._insert_new("citations", "citation_id",
                         records_to_arrow(extracted.citations, Citation, fields=_CITATION_FIELDS))
        cl = extracted.claims
        spans = pa.table({"span_start": pa.array([c.span[0] for c in cl], pa.int32()),
                          "span_end": pa.array([c.span[1] for c in cl], pa.int32())})
        self._insert_new("claims", "claim_id", side_by_side(records_to_arrow(cl, Claim, fields=_CLAIM_FIELDS), spans))
        self._store_claim_structure(extracted)
        counts = dict(Counter(str(v.status) for v in verdicts))
        self._insert("runs", _run_row(run_id, result, context, counts, now, record_seconds))
        match_rows = side_by_side(
            _run_column(run_id, len(candidates)), records_to_arrow(candidates, Candidate, fields=_MATCH_FIELDS),
            records_to_arrow(result.scores, PairScore, fields=list(_SCORE_COLUMNS), renamed=_SCORE_COLUMNS))
        self._insert("matches", match_rows)
        verdict_rows = side_by_side(_run_column(run_id, len(verdicts)), records_to_arrow(verdicts, Verdict), pa.table({
            "score_key": pa.array([result.score_keys.get(v.claim_id) for v in verdicts], pa.string()),
            "scored_in_run": pa.array([result.reused_from.get(v.claim_id, run_id) if v.claim_id in result.score_keys
                                       else None for v in verdicts], pa.string()),
        }))
        self._insert("verdicts", verdict_rows)
        crash_point("record_run")
        return counts

    def _store_claim_structure(self, extracted: ExtractedArticle) -> None:
        """Each claim's type, slots and rewritten references (content-hash ids: stored once per claim)."""
        cl = extracted.claims
        text_of = {s.sentence_id: s.text for s in extracted.sentences}
        self._insert_new("claim_details", "claim_id", pa.table({
            "claim_id": [c.claim_id for c in cl], "claim_type": [c.claim_type for c in cl],
            "source_text": [text_of[c.sentence_id][c.span[0]: c.span[1]] for c in cl],
        }))
        slots = [(c.claim_id, *slot) for c in cl for slot in enumerate(claim_slot_rows(c))]
        self._insert_new("claim_slots", "claim_id", pa.table({
            "claim_id": [s[0] for s in slots], "slot_index": pa.array([s[1] for s in slots], pa.int32()),
            **{name: pa.array([s[2][k] for s in slots], kind) for k, (name, kind) in enumerate(_SLOT_COLUMNS)},
        }))
        references = [(c.claim_id, i, r) for c in cl for i, r in enumerate(c.references)]
        self._insert_new("claim_references", "claim_id", pa.table({
            "claim_id": [r[0] for r in references], "reference_index": pa.array([r[1] for r in references], pa.int32()),
            "mention": [r[2].mention for r in references], "resolved": [r[2].resolved for r in references],
        }))


_SLOT_COLUMNS = [("kind", pa.string()), ("text", pa.string()), ("number", pa.float64()),
                 ("approximator", pa.string()), ("unit", pa.string()), ("date_start", pa.date32()),
                 ("date_end", pa.date32()), ("number_low", pa.float64()), ("number_high", pa.float64()),
                 ("venue", pa.bool_())]


def claim_slot_rows(claim: Claim) -> list[tuple]:
    """One row per slot, in _SLOT_COLUMNS' order: a quantity with the interval its verdicts compared, a date
    placed in the article's year, a place with whether it is named as where something happened."""
    slots = claim.slots
    rows: list[tuple] = [("quantity", q.written, q.value, q.approximator, q.unit, None, None, q.low, q.high, None)
                         for q in slots.quantities]
    rows += [("date", d.written, None, None, None, d.start, d.end, None, None, None) for d in slots.dates]
    for kind, names in (("person", slots.people), ("organisation", slots.organisations), ("place", slots.places),
                        ("quote", slots.quotes)):
        rows += [(kind, name, *[None] * 7, name in slots.venues if kind == "place" else None) for name in names]
    return rows


def _run_column(run_id: str, rows: int) -> pa.Table:
    return pa.table({"run_id": pa.array([run_id] * rows, pa.string())})


def _run_row(run_id: str, result: ArticleResult, context: RunContext, counts: dict[str, int],
             finished_at: dt.datetime, record_seconds: float) -> pa.Table:
    """The `runs` row: what ran, on what, by whom, with which settings, and how long each stage took."""
    a, settings = result.extracted.article, context.parameters
    stage_seconds = {"load_store": round(context.load_seconds, 4), **result.stage_seconds,
                     "record": round(record_seconds, 4)}
    return pa.table({
        "run_id": [run_id], "article_id": [a.article_id], "article_content_hash": [a.content_hash],
        "started_at": pa.array([result.started_at], pa.timestamp("us")),
        "finished_at": pa.array([finished_at], pa.timestamp("us")), "user_name": [login_name()],
        "host": [socket.gethostname()], "flow_run_id": pa.array([context.flow_run_id], pa.string()),
        "sourcecheck_version": [_version()], "embedding_model": [settings["embedding_model"]],
        "scorer": [settings["scorer"]], "scorer_version": [context.scorer_version],
        "parameters": [json.dumps(settings | {"scorer_parameters": context.scorer_parameters}, sort_keys=True)],
        "passages_in_store": pa.array([context.passages_in_store], pa.int32()),
        "claims": pa.array([len(result.extracted.claims)], pa.int32()),
        "status_counts": [json.dumps(counts, sort_keys=True)],
        "input_key": [result.input_key], "store_key": [context.store_key],
        "claims_scored": pa.array([result.claims_scored], pa.int32()),
        "claims_reused": pa.array([len(result.reused_from)], pa.int32()),
        "stage_seconds": [json.dumps(stage_seconds, sort_keys=True)], "task_runner": [context.task_runner],
    })


def login_name() -> str:
    """Who runs sourcecheck: recorded with each run and, by default, with each review decision."""
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def _version() -> str:
    from sourcecheck import __version__

    return __version__
