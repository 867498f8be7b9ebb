"""The article as written, cut into pieces: plain text, and each claim's span tied to its review, so the
report can highlight every claim in place (the template escapes each piece)."""

from __future__ import annotations

from dataclasses import dataclass

from sourcecheck.reports.run_review import ClaimReview, RunReview


@dataclass(frozen=True)
class ArticlePiece:
    text: str
    claim: ClaimReview | None      # None: text between claims (a credit, a gap)
    # text is empty for an atomic claim whose span lies inside another claim's: it is shown as its tag alone


def article_paragraphs(review: RunReview) -> list[list[ArticlePiece]]:
    """The run's sentences in order, grouped by paragraph, each claim's span a piece of its own."""
    claims = {c.claim_id: c for c in review.claims}
    sentences: dict[str, tuple[int, str, list[dict]]] = {}
    for span in review.claim_spans:
        sentences.setdefault(span["sentence_id"], (span["paragraph_index"], span["text"], []))[2].append(span)
    paragraphs: dict[int, list[ArticlePiece]] = {}
    for paragraph_index, text, spans in sentences.values():
        pieces = paragraphs.setdefault(paragraph_index, [])
        if pieces:
            pieces.append(ArticlePiece(" ", None))
        at = 0
        for span in sorted(spans, key=lambda s: (s["span_start"], -s["span_end"])):
            claim = claims[span["claim_id"]]
            if span["span_end"] <= at:  # an atomic claim inside one already shown: its own tag right after it
                pieces.append(ArticlePiece("", claim))
                continue
            start = max(at, span["span_start"])
            pieces += [ArticlePiece(text[at:start], None), ArticlePiece(text[start:span["span_end"]], claim)]
            at = span["span_end"]
        pieces.append(ArticlePiece(text[at:], None))
    return [[p for p in pieces if p.text or p.claim] for _, pieces in sorted(paragraphs.items())]
