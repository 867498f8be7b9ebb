"""Documents into passages: one sentence each, with a window of neighbours for context."""

from __future__ import annotations

from sourcecheck.core.ids import content_id
from sourcecheck.core.sentences import split_sentences
from sourcecheck.model.sources import Passage, SourceDocument

CONTEXT_WINDOW = 1  # sentences either side; enough to resolve "the drill" or "he" when a reviewer reads it


def passages_of(document: SourceDocument) -> list[Passage]:
    sentences = [s for s in split_sentences(document.text, document.language) if any(ch.isalnum() for ch in s[2])]
    passages = []
    for i, (start, end, text) in enumerate(sentences):
        lo, hi = context_rows(i, len(sentences))
        context = " ".join(s[2] for s in sentences[lo:hi])
        passages.append(Passage(
            passage_id=content_id("passage", document.source_id, i),
            source_id=document.source_id, passage_index=i, text=text, context=context,
            start=start, end=end, text_hash=content_id("text", text),
        ))
    return passages


def context_rows(i: int, n: int) -> tuple[int, int]:
    """The sentences [lo, hi) of passage i's context in a document of n passages (the passage index rebuilds a
    context from its neighbouring rows with this, so it never holds the contexts themselves)."""
    return max(0, i - CONTEXT_WINDOW), min(n, i + CONTEXT_WINDOW + 1)
