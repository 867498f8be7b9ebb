"""Reading runs back: a run with its claims, matches and spans for the reports, the runs of an article in
order, and what planning an incremental run needs (the store's key, the articles' input keys, prior scores)."""

from __future__ import annotations

from sourcecheck.core.errors import SourcecheckError
from sourcecheck.model.runs import PriorScores
from sourcecheck.model.scores import PairScore
from sourcecheck.warehouse.connection import WarehouseConnection


class RunReads(WarehouseConnection):
    def latest_run_id(self) -> str | None:
        row = self._first("SELECT run_id FROM runs ORDER BY finished_at DESC, run_id DESC LIMIT 1")
        return row[0] if row else None

    def run(self, run_id: str) -> dict:
        rows = self._dicts("""SELECT r.*, a.title, a.publication, a.published AS article_published, a.path
                              FROM runs r JOIN articles a USING (article_id) WHERE run_id = ?""", [run_id])
        if not rows:
            raise SourcecheckError(f"{self.path}: no run {run_id!r}")
        return rows[0]

    def claims_of_run(self, run_id: str) -> list[dict]:
        return self._dicts("SELECT * FROM claim_status_history WHERE run_id = ? ORDER BY sentence_index, claim_index",
                           [run_id])

    def matches_of_run(self, run_id: str) -> list[dict]:
        return self._dicts("""
            SELECT m.*, p.text, p.context, s.outlet, s.published, s.title, s.illustrative, s.language, s.url
            FROM matches m JOIN passages p USING (passage_id) JOIN sources s USING (source_id)
            WHERE m.run_id = ? ORDER BY m.claim_id, m.scope, m.rank""", [run_id])

    def claim_spans_of_run(self, run_id: str) -> list[dict]:
        """Where each claim of the run sits in the article: its sentence (with paragraph) and its span there."""
        return self._dicts("""
            SELECT c.claim_id, c.span_start, c.span_end, s.sentence_id, s.paragraph_index, s.sentence_index, s.text
            FROM verdicts v JOIN claims c USING (claim_id) JOIN sentences s ON s.sentence_id = c.sentence_id
            WHERE v.run_id = ? ORDER BY s.sentence_index, c.claim_index""", [run_id])

    def previous_run_id(self, run_id: str) -> str | None:
        """The run of the same article just before this one."""
        row = self._first("""
            SELECT p.run_id FROM runs r JOIN runs p ON p.article_id = r.article_id
                AND (p.finished_at, p.run_id) < (r.finished_at, r.run_id)
            WHERE r.run_id = ? ORDER BY p.finished_at DESC, p.run_id DESC LIMIT 1""", [run_id])
        return row[0] if row else None

    def latest_run_ids(self) -> list[str]:
        """The latest run of each article, newest first."""
        return [r[0] for r in self.con.execute(
            "SELECT run_id FROM latest_runs ORDER BY finished_at DESC, run_id DESC").fetchall()]

    def store_key(self) -> str:
        """A hash of the current source versions (content-hash ids): it changes when any source does."""
        return self._value("SELECT coalesce(md5(string_agg(source_id, ',' ORDER BY source_id)), '') "
                           "FROM sources WHERE retired_at IS NULL")

    def latest_input_keys(self, article_ids: list[str]) -> dict[str, str | None]:
        """article id -> input key of its latest run (None for a run recorded before schema version 4)."""
        return dict(self.con.execute("SELECT article_id, input_key FROM latest_runs WHERE list_contains(?, article_id)",
                                     [article_ids]).fetchall())

    def prior_scores(self, article_id: str) -> PriorScores:
        """The scores of the latest run of the article, with the key each was computed for."""
        verdicts = self.con.execute("""
            SELECT v.claim_id, v.score_key, v.scored_in_run FROM verdicts v JOIN latest_runs l USING (run_id)
            WHERE l.article_id = ? AND v.score_key IS NOT NULL""", [article_id]).fetchall()
        matches = self.con.execute("""
            SELECT m.claim_id, m.passage_id, m.support_score, m.contradiction_score, m.explanation
            FROM matches m JOIN latest_runs l USING (run_id) WHERE l.article_id = ?""", [article_id]).fetchall()
        return PriorScores(score_keys={claim: key for claim, key, _ in verdicts},
                           scored_in_run={claim: run for claim, _, run in verdicts},
                           scores={(m[0], m[1]): PairScore(*m) for m in matches})
