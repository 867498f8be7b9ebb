"""How close extracted claims come to a hand-made gold file: citation attribution accuracy, atomic-claim
precision and recall, claim-type accuracy.

A gold file lists, per sentence, the citation (assigned_by, outlets, dates) and the atomic claims a careful
human writes down (tests/fixtures/gold/). An extracted claim matches a gold claim of the same sentence when
their texts are close: rapidfuzz `ratio` >= 85 after case-folding and reducing punctuation to spaces; each gold
claim matches at most one extracted claim (best pairs first).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from sourcecheck.claims.extract import ExtractedArticle

MATCH_AT = 85.0


@dataclass(frozen=True)
class GoldScore:
    sentences: int
    citations_correct: int
    gold_claims: int
    extracted_claims: int
    matched: int
    types_correct: int
    citation_errors: tuple[str, ...]
    missed: tuple[str, ...]
    spurious: tuple[str, ...]

    @property
    def citation_accuracy(self) -> float:
        return self.citations_correct / self.sentences

    @property
    def precision(self) -> float:
        return self.matched / self.extracted_claims if self.extracted_claims else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold_claims

    @property
    def type_accuracy(self) -> float:
        return self.types_correct / self.matched if self.matched else 0.0

    def figures(self) -> dict:
        return {"sentences": self.sentences, "citation_attribution_accuracy": round(self.citation_accuracy, 4),
                "gold_claims": self.gold_claims, "extracted_claims": self.extracted_claims, "matched": self.matched,
                "claim_precision": round(self.precision, 4), "claim_recall": round(self.recall, 4),
                "claim_type_accuracy": round(self.type_accuracy, 4)}


def normalise(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def score_against_gold(extracted: ExtractedArticle, gold_path: Path) -> GoldScore:
    gold = json.loads(gold_path.read_text("utf-8"))["sentences"]
    correct, matched, types, errors, missed, spurious = 0, 0, 0, [], [], []
    for row in gold:
        claims = [c for c in extracted.claims if c.sentence_index == row["index"]]
        expected = (row["assigned_by"], tuple(row["outlets"]), row["date_start"], row["date_end"])
        got = {(c.assigned_by, tuple(c.cited_outlets), c.date_start and c.date_start.isoformat(),
                c.date_end and c.date_end.isoformat()) for c in claims}
        if extracted.sentences[row["index"]].text.startswith(row["starts"]) and got == {expected}:
            correct += 1
        else:
            errors.append(f"{row['index']}: expected {expected}, got {sorted(got, key=str)}")
        pairs = sorted(((fuzz.ratio(normalise(g[0]), normalise(c.text)), gi, ci)
                        for gi, g in enumerate(row["claims"]) for ci, c in enumerate(claims)), reverse=True)
        used_gold, used_claims = set(), set()
        for score, gi, ci in pairs:
            if score >= MATCH_AT and gi not in used_gold and ci not in used_claims:
                used_gold.add(gi)
                used_claims.add(ci)
                types += row["claims"][gi][1] == claims[ci].claim_type
        matched += len(used_gold)
        missed += [f"{row['index']}: {g[0]}" for gi, g in enumerate(row["claims"]) if gi not in used_gold]
        spurious += [f"{row['index']}: {c.text}" for ci, c in enumerate(claims) if ci not in used_claims]
    return GoldScore(len(gold), correct, sum(len(r["claims"]) for r in gold), len(extracted.claims), matched, types,
                     tuple(errors), tuple(missed), tuple(spurious))
