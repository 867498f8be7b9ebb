"""The verdict of a claim from its scored candidates. The rule, in order:

1. `uncheckable`    - the claim is opinion or analysis (claims/checkworthiness.py); it is not scored.
2. `source_missing` - the claim names outlets, and none of them has a passage in the store within the date window
                      of the cited days: the claim cannot be judged against its source, so it is never supported,
                      contradicted or misattributed (another outlet saying it is not the cited source saying it).
                      It is a flag: add the source. What the rest of the store says is kept as context (the best
                      passage elsewhere is the verdict's evidence, its scores the verdict's), and the verdict
                      records cited_source_in_store = false. When one of two cited outlets is in the store, it
                      decides by the rules below.
3. `supported`      - the best support among cited candidates >= support_min and >= the best contradiction
                      among them (for a claim without a named citation: any candidate in the store).
4. `contradicted`   - the best contradiction among cited candidates >= contradiction_min and above the best
                      support (a passage silent on the differing slot does not outweigh one that contradicts
                      it: silence costs support, see scoring/similarity_slots.py); also when the cited source is
                      silent, no source supports the claim and another source contradicts it (the flag matters
                      more than whose flag it is; the evidence outlet says who).
5. `misattributed`  - the cited source does not support it, a candidate from elsewhere in the store does.
6. `not_found`      - nothing in the store supports or contradicts it.
A verdict's support score is the strongest support found among the candidates it was decided on, also when a
contradiction overrules it (the score of the contradicting passage itself is capped by its differing slot and
says nothing about the claim); its contradiction score is the strongest contradiction. Measured on WiCE dev
(`sourcecheck bench wice`), ROC-AUC of supported vs not: even rows 0.756 with the contradicting passage's
support, 0.786 with the strongest support. Thresholds are stored with every run (runs.parameters).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sourcecheck.model.claims import Claim
from sourcecheck.model.scores import PairScore, Status, Verdict
from sourcecheck.model.sources import Candidate


@dataclass(frozen=True)
class VerdictRule:
    support_min: float = 0.5
    contradiction_min: float = 0.5

    def decide_all(self, claims: list[Claim], candidates: list[Candidate], scores: list[PairScore]) -> list[Verdict]:
        """The verdict of every claim, in the claims' order."""
        by_claim: dict[str, list[tuple[Candidate, PairScore]]] = {}
        for pair in zip(candidates, scores, strict=True):
            by_claim.setdefault(pair[0].claim_id, []).append(pair)
        pairs_of = {claim_id: ([p[0] for p in pairs], [p[1] for p in pairs]) for claim_id, pairs in by_claim.items()}
        return [self.decide(c, *pairs_of.get(c.claim_id, ([], []))) for c in claims]

    def decide(self, claim: Claim, candidates: list[Candidate], scores: list[PairScore]) -> Verdict:
        if not claim.checkworthy:
            return Verdict(claim.claim_id, Status.UNCHECKABLE, None, None, None, None, claim.checkworthy_reason)
        pairs = list(zip(candidates, scores, strict=True))
        if claim.cited_outlets and not any(c.scope == "cited" for c in candidates):
            return self._source_missing(claim, pairs)
        return replace(self._decide(claim, pairs), cited_source_in_store=True if claim.cited_outlets else None)

    def _source_missing(self, claim: Claim, pairs: list) -> Verdict:
        """The flag "add this source", with what the rest of the store says (judged as an uncited claim would
        be) as context: its passage and scores, its reading named as another source's."""
        context = self._decide(claim, pairs)
        reading = f"{_CONTEXT_READINGS[context.status]}: " if context.status in _CONTEXT_READINGS else ""
        return replace(context, status=Status.SOURCE_MISSING, cited_source_in_store=False, explanation=(
            f"the cited source ({', '.join(claim.cited_outlets)}{_days(claim)}) has nothing in the store"
            f"{' for those days' if claim.date_start else ''}: add it to check the claim. Context only, not the "
            f"cited source: {reading}{context.explanation}"))

    def _decide(self, claim: Claim, pairs: list) -> Verdict:
        cited = [p for p in pairs if p[0].scope == "cited"]
        store = [p for p in pairs if p[0].scope == "store"]
        if not cited:  # nothing named (or, as context, nothing of the named source): the whole store decides
            cited, store = store, []
        best_support = max(cited, key=lambda p: (p[1].support, -p[1].contradiction), default=None)
        best_contra = max(cited, key=lambda p: p[1].contradiction, default=None)
        elsewhere = max(store, key=lambda p: p[1].support, default=None)
        elsewhere_contra = max(store, key=lambda p: p[1].contradiction, default=None)

        top_contra = best_contra[1].contradiction if best_contra else 0.0
        if best_support and best_support[1].support >= self.support_min and best_support[1].support >= top_contra:
            return self._verdict(claim, Status.SUPPORTED, best_support, best_contra)
        if best_contra and best_contra[1].contradiction >= self.contradiction_min:
            assert best_support is not None   # both are maxima over the same non-empty list
            return self._verdict(claim, Status.CONTRADICTED, best_contra, best_contra, support=best_support[1].support)
        if elsewhere and elsewhere[1].support >= self.support_min:
            return self._verdict(claim, Status.MISATTRIBUTED, elsewhere, best_contra, prefix=self._silent(claim))
        if elsewhere_contra and elsewhere_contra[1].contradiction >= self.contradiction_min:
            return self._verdict(claim, Status.CONTRADICTED, elsewhere_contra, elsewhere_contra,
                                 prefix=self._silent(claim), support=max(p[1].support for p in pairs))
        shown = best_support or elsewhere
        explanation = "no passage in the store supports or contradicts the claim"
        if shown:
            explanation += f" (closest: {shown[0].outlet}, {shown[1].explanation})"
        return Verdict(claim.claim_id, Status.NOT_FOUND,
                       shown[1].support if shown else None,
                       best_contra[1].contradiction if best_contra else None,
                       shown[0].passage_id if shown else None, shown[0].outlet if shown else None, explanation)

    @staticmethod
    def _silent(claim: Claim) -> str:
        return f"the cited source ({', '.join(claim.cited_outlets)}) does not support it; "

    @staticmethod
    def _verdict(claim: Claim, status: Status, evidence, contra, prefix: str = "",
                 support: float | None = None) -> Verdict:
        candidate, score = evidence
        contradiction = max(score.contradiction, contra[1].contradiction if contra else 0.0)
        return Verdict(claim.claim_id, status, score.support if support is None else support, contradiction,
                       candidate.passage_id, candidate.outlet,
                       f"{prefix}{candidate.outlet} ({candidate.published:%Y-%m-%d}): {score.explanation}")


_CONTEXT_READINGS = {Status.SUPPORTED: "another source supports it",
                     Status.CONTRADICTED: "another source contradicts it"}


def _days(claim: Claim) -> str:
    if not claim.date_start:
        return ""
    if claim.date_end and claim.date_end != claim.date_start:
        return f", {claim.date_start:%Y-%m-%d} to {claim.date_end:%Y-%m-%d}"
    return f", {claim.date_start:%Y-%m-%d}"
