"""Names and numbers of a claim that its source never writes: a detail the model may pass over, read off the page.

The NLI model reads a claim against a sentence or a few; it often entails "Daktronics was founded in 1968 by A and
B" from a sentence that names only A. A name or number that appears nowhere in the whole source document is
plain evidence that the source does not state the claim in full (WiCE's "partially supported"). Counted: each
name (a run of proper nouns: "Collective Security Treaty Organization" is one) and each token with a digit,
accents folded. A name is found when all its words are among the document's words, or when its initials are
(the document writes "CSTO"), or, for a name in capitals, when the document spells it out. Number words
("one of three") are left out: sources write them in other forms as often as not.
On WiCE dev's even rows this count, fused with the model's entailment (scoring/nli_slots.py), took the claim
scores' ROC-AUC from 0.791 to 0.823 (counting words instead of names: 0.8195, but "Collective Security Treaty
Organization" cost four where the source writes "CSTO"; model card).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from sourcecheck.claims.nlp import nlp
from sourcecheck.slots.events import event_of

_WORD = re.compile(r"\w+")
_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w'’-]*\s+(?:(?:of|and|for|the|on)\s+)?)+[A-Z][\w'’-]*")


def unconfirmed_terms(claim: str, document: str) -> tuple[str, ...]:
    """The claim's names and numbers (in the claim's order) that the document does not write; an edition's
    year the document never writes is no missing detail but another event (unwritten_editions)."""
    words, initials = _read(document)
    years = {str(year) for _, year in _unwritten(claim, words)}
    return tuple(t for t in _terms_of(claim) if not _found(t, words, initials)
                 and not any(year in t for year in years))


def unwritten_editions(claim: str, document: str) -> tuple[str, ...]:
    """The claim's named editions ("Vostok-2018", "Peace Mission 2012") whose year the document never writes:
    a source that never writes the year is reporting another event (or another edition) than the claim's."""
    return tuple(f"{name} {year}" for name, year in _unwritten(claim, _read(document)[0]))


def _unwritten(claim: str, words: frozenset[str]) -> list[tuple[str, int]]:
    return sorted(e for e in event_of(claim).editions if not any(str(e[1]) in w for w in words))


def _found(term: str, words: frozenset[str], initials: frozenset[str]) -> bool:
    folded = _folded(term)
    if set(_WORD.findall(folded.lower())) <= words:
        return True
    capitals = [p for p in _WORD.findall(folded) if p[:1].isupper()]
    if len(capitals) > 1 and "".join(p[0] for p in capitals).lower() in words:
        return True
    return term.isupper() and term.lower() in initials


@lru_cache(maxsize=256)
def _terms_of(claim: str) -> tuple[str, ...]:
    terms, run = [], []
    for token in nlp()(claim):
        number = any(ch.isdigit() for ch in token.text)
        if token.pos_ == "PROPN" and not number:
            run.append(token.text)
            continue
        if run:
            terms.append(" ".join(run))
            run = []
        if number:
            terms.append(token.text)
    if run:
        terms.append(" ".join(run))
    return tuple(dict.fromkeys(t for t in terms if _WORD.search(t)))


@lru_cache(maxsize=64)  # a claim's candidates mostly share one document: it is read once
def _read(document: str) -> tuple[frozenset[str], frozenset[str]]:
    """The document's words, and the initials of its runs of capitalised words ("Rapid Reaction Forces": rrf)."""
    folded = _folded(document)
    initials = {"".join(w[0] for w in _WORD.findall(run) if w[:1].isupper()).lower()
                for run in _CAPITALISED_RUN.findall(folded)}
    return frozenset(_WORD.findall(folded.lower())), frozenset(initials)


def _folded(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
