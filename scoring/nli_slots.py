"""The default scorer: our NLI cross-encoder reads each passage, fused with the similarity reading; slot checks
and negation name what differs.

Premises per claim: each English candidate's sentence and its window (the sentence with a neighbour on each
side), and the top cited candidates read together (claims several sentences support together), answered for by
the best of them. A passage in another language is read as scoring/pair_reading.py says.
support       = sigmoid(a * logit(P(entailment) of the best premise) + s * similarity reading
                        - v * names and numbers of the claim the passage's document never writes + b),
                fitted on WiCE dev's even rows (training/calibrate_nli.py): the model misses plain paraphrases
                that similarity sees, similarity cannot tell "about the same thing" from "says the same thing",
                and both pass over a name the source leaves out (scoring/coverage.py);
contradiction = a differing slot (number, date, place) on a passage about the same thing (similarity >=
                topic_at), raised along the similarity ramp and named ("differs on number (personnel): ..."),
                or, when the parse negates exactly one of the aligned predicates (scoring/polarity.py), the
                model's P(contradiction) (the similarity ramp if higher, when the passage's predicate is the
                claim's own by lemma, not only the closest sentence's root). A model
                contradiction nothing explains is shown ("not counted") but never counted: on real news claims
                the model's unexplained contradictions are mostly false alarms (model card).
The verdict thresholds were chosen on the same fold and are parameters of the scorer, stored with every run.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sourcecheck.model.claims import Claim
from sourcecheck.model.scores import PairScore
from sourcecheck.model.sources import Candidate
from sourcecheck.scoring.coverage import unconfirmed_terms, unwritten_editions
from sourcecheck.scoring.decisive import unwritten_details
from sourcecheck.scoring.entailment import configured_model, load_entailment_model
from sourcecheck.scoring.pair_reading import SimilarityReading, read_crosslingual, reads_english, source_date
from sourcecheck.scoring.polarity import polarity_difference
from sourcecheck.scoring.scorer import register_scorer
from sourcecheck.slots import slots_of
from sourcecheck.slots.compare import SlotComparison, ramp
from sourcecheck.slots.relative import resolved_text


@dataclass(frozen=True)
class NliSlotScorer:
    model: str
    backend: str
    name: str = "nli-slots"
    version: str = "7"  # 3: reverted (1829b93); 5: events, roles, relative dates; 6: decisive details; 7: xnli head
    calibration_a: float = 1.0   # support = sigmoid(a * logit(p_entailment) + b), fitted on WiCE dev fold 0
    calibration_b: float = 0.0
    calibration_s: float = 0.0   # weight of the similarity reading's support (scoring/pair_reading.py)
    calibration_v: float = 0.0   # weight per name or number the passage's document never writes (coverage.py)
    topic_at: float = 0.45       # similarity from which a passage counts as about the same thing
    topic_full: float = 0.70     # similarity at which a differing slot is a certain contradiction
    slot_support_cap: float = 0.3  # support left when a slot or the negation differs on an on-topic passage
    support_min: float = 0.5     # verdict thresholds chosen on WiCE dev fold 0 (the verdict rule uses them)
    contradiction_min: float = 0.5
    set_size: int = 5            # passages of the evidence group read together as one premise
    similarity_reading: SimilarityReading = SimilarityReading()  # the English similarity reading it is fused with
    partial_min: float | None = None  # support from which a claim reads as partially supported (bench only)

    def score(self, claim: Claim, candidates: list[Candidate]) -> list[PairScore]:
        claim_slots = slots_of(claim.text, claim.written_on)
        # the model reads dates written out: "today" as the report's day, "Aug." as August (slots/relative.py)
        hypothesis = resolved_text(claim.text, claim.written_on)
        english = [c for c in candidates if reads_english(c)]  # the model reads English only (pair_reading.py)
        read = {c.passage_id: read_crosslingual(claim.claim_id, claim_slots, c) for c in candidates
                if not reads_english(c)}
        if english:
            group = _evidence_group(english)[:self.set_size]
            premises = [(resolved_text(c.text, source_date(c)), resolved_text(c.context, source_date(c)))
                        for c in english]
            together = " ".join(resolved_text(c.text, source_date(c)) for c in group)
            pairs = [(p, hypothesis) for ps in premises for p in ps] + [(together, hypothesis)]
            probabilities = load_entailment_model(self.model, self.backend).probabilities(pairs)
            by_candidate = probabilities[:-1].reshape(len(english), 2, 3)
            for c, p in zip(english, by_candidate, strict=True):
                if c is group[0] and len(group) > 1:  # the lead passage also answers for the group read together
                    p = np.concatenate([p, probabilities[-1:]])
                read[c.passage_id] = self._score_one(claim, claim_slots, c, p)
        return [read[c.passage_id] for c in candidates]

    def _score_one(self, claim: Claim, claim_slots, candidate: Candidate, probabilities: np.ndarray) -> PairScore:
        best = int(probabilities[:, 0].argmax())
        entailment, contradiction_p = float(probabilities[best, 0]), float(probabilities[:2, 2].max())
        similarity_support, _, slots = self.similarity_reading.read(claim_slots, candidate)
        document = resolved_text(candidate.document, source_date(candidate)) if candidate.document else ""
        hypothesis = resolved_text(claim.text, claim.written_on)
        unconfirmed = unconfirmed_terms(hypothesis, document) if document else ()
        if not slots.another_event and (unwritten := unwritten_editions(hypothesis, document) if document else ()):
            # a year or edition the document never writes: the source reports another event, so what differs
            # is no contradiction (coverage.py)
            slots = SlotComparison(slots.agreements, (), slots.missing,
                                   "about another event (the source never writes " + ", ".join(unwritten) + ")")
        support = self.calibrated(entailment, similarity_support, len(unconfirmed))
        on_topic = candidate.similarity >= self.topic_at
        contradiction, parts = 0.0, []
        decisive = unwritten_details(hypothesis, claim_slots, slots, document or candidate.context, unconfirmed)
        if decisive:
            # the source never gives the claim's count or place: topic, not support (decisive.py)
            support = min(support, self.slot_support_cap)
            parts.append("silent on the claim's decisive detail: " + ", ".join(f"“{d}”" for d in decisive))
        if slots.another_event:
            support = min(support, self.slot_support_cap)  # a passage on another event does not state the claim
        elif slots.mismatches and on_topic:
            contradiction = (1.0 if slots.same_event
                             else ramp(candidate.similarity, self.topic_at, self.topic_full))
            support = min(support, self.slot_support_cap)
        elif on_topic and (negation := polarity_difference(claim.text, candidate.text)):
            # the parse negates exactly one of the aligned predicates (polarity.py); on the claim's own predicate
            # it is a slot, read as one, since the model misreads lexical negatives ("stayed away from the
            # summit" entails "attended" at 0.93); on the closest sentence's root only the model's contradiction
            # counts, and a lexical negative there leaves the model's entailment no support
            if negation.same_predicate or contradiction_p >= self.contradiction_min or negation.lexical:
                support = min(support, self.slot_support_cap)
            if negation.same_predicate or contradiction_p >= self.contradiction_min:
                contradiction = (max(contradiction_p, ramp(candidate.similarity, self.topic_at, self.topic_full))
                                 if negation.same_predicate else contradiction_p)
                parts.append(f"differs on {negation.explanation}")
            elif negation.lexical:
                parts.append(f"{negation.explanation}, on a predicate aligned only by position: no support")
        parts = [f"entailment {entailment:.2f} ({PREMISES[best]})",
                 f"contradiction {contradiction_p:.2f}"
                 + ("" if contradiction or contradiction_p < self.contradiction_min
                    else " (not counted: no slot or negation differs)"),
                 f"similarity {candidate.similarity:.2f}"] + parts
        parts += slots.explanation_parts()
        if others := [t for t in unconfirmed if not any(t in d for d in decisive)]:
            parts.append("not in the source's document: " + ", ".join(f"“{t}”" for t in others))
        return PairScore(claim.claim_id, candidate.passage_id, round(support, 4), round(contradiction, 4),
                         "; ".join(parts))

    def calibrated(self, entailment: float, similarity_support: float, unconfirmed: int = 0) -> float:
        """P(supported) from the model's entailment, the similarity reading's support and the count of the
        claim's names and numbers the source never writes, fitted together."""
        p = min(max(entailment, 1e-6), 1 - 1e-6)
        z = (self.calibration_a * math.log(p / (1 - p)) + self.calibration_s * similarity_support
             - self.calibration_v * unconfirmed + self.calibration_b)
        return 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))


PREMISES = ("sentence", "window", "the top passages together")


def _evidence_group(candidates: list[Candidate]) -> list[Candidate]:
    """The passages read together: the cited ones when there are any, else the store's, best first."""
    cited = [c for c in candidates if c.scope == "cited"]
    return sorted(cited or candidates, key=lambda c: -c.similarity)


CALIBRATION_FILE = "sourcecheck-calibration.json"
CALIBRATED = ("calibration_a", "calibration_b", "calibration_s", "calibration_v", "support_min", "contradiction_min",
              "partial_min")


@register_scorer("nli-slots")
def _factory() -> NliSlotScorer:
    """The configured model with its calibration (a model folder may carry one, written by
    training/calibrate_nli.py); an uncalibrated model reads its raw P(entailment) against 0.5."""
    model, backend = configured_model()
    calibration = Path(model) / CALIBRATION_FILE
    fitted = json.loads(calibration.read_text(encoding="utf-8")) if calibration.is_file() else {}
    return NliSlotScorer(model=model, backend=backend, **{k: fitted[k] for k in CALIBRATED if k in fitted})
