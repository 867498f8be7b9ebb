"""Documents into passages: one sentence each, with a window of neighbours for context."""

from __future__ import annotations

from sourcecheck.sentences import split_sentences
from sources.records import Passage, SourceDocument
from sourcecheck.ids import content_id

CONTEXT_WINDOW = 1  # sentences either side; enough to resolve "the drill" or "he" when a reviewer reads it


def passages_of(document: SourceDocument) -> list[Passage]:
    sentences = [s for s in split_sentences(document.text, document.language) if any(ch.isalnum() for ch in s[2])]
    passages = []
    for i, (start, end, text) in enumerate(sentences):
        lo, hi = max(0, i - CONTEXT_WINDOW), min(len(sentences), i + CONTEXT_WINDOW + 1)
        context = " ".join(s[2] for s in sentences[lo:hi])
        passages.append(Passage(
            passage_id=content_id("passage", document.source_id, i),
            source_id=document.source_id, passage_index=i, text=text, context=context,
            start=start, end=end, text_hash=content_id("text", text),
        ))
    return passages
