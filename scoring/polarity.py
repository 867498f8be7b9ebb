"""Whether a claim and a passage differ in polarity: one negates the predicate the other asserts.

The NLI model's contradiction alone is a weak flag on news claims (it calls a near-verbatim sentence a
contradiction now and then; see the model card), so an NLI contradiction that no slot explains is only
counted when the polarity differs: then the flag can say why ("negation: only the source is negated (“not”)").

Polarity is read from the dependency parse, not from words anywhere in the text: the claim's predicate is
aligned with one predicate of the passage (the same lemma or a synonym, the one sharing most of the claim's
words; else the root of the passage sentence closest to the claim), and only negation attached to those two
counts. A `not` about another clause ("regions still not connected") or another object ("but did not send
aircraft") is not the claim's. Lexical negatives negate their complement (`refused to send`, `failed to pay`)
or themselves when they have none (`stayed away`, `was absent`, `denied reports`, `ended without a deal`), so
"refused to send troops" and "did not take part" agree. Antonyms ("rose" / "fell") are left to the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sourcecheck.claims.nlp import nlp

# Verbs and adjectives that negate their complement (`declined to join`) or, without one, themselves.
_NEGATIVE_LEMMAS = frozenset({
    "decline", "refuse", "fail", "deny", "reject", "stop", "cease", "avoid", "boycott", "forgo", "abandon",
    "absent", "unable", "skip", "halt", "suspend", "withdraw", "quit", "dismiss", "refute", "rebuff"})
_NEGATIVE_PARTICLES = {"stay": "away", "turn": "down", "pull": "out", "keep": "away", "rule": "out"}  # phrasal
_SYNTACTIC_NEGATORS = frozenset({"not", "n't", "n’t", "never", "no", "neither", "nor", "cannot"})
_SPEECH = frozenset({"say", "tell", "state", "report", "announce", "add", "note", "claim", "confirm", "write"})
_SYNONYMS = ({"take", "participate", "join", "attend"}, {"sign", "conclude", "ink"}, {"send", "dispatch", "deploy"},
             {"recognize", "recognise", "acknowledge"}, {"approve", "endorse", "adopt"}, {"hold", "conduct", "stage"})
_NEGATOR_HINT = re.compile(
    r"\b(?:not|never|no|none|nobody|nothing|neither|nor|without|cannot|longer|away|down|out|absent|unable|"
    r"declin\w*|refus\w*|fail\w*|den(?:y|ies|ied|ying)|reject\w*|stop\w*|ceas\w*|avoid\w*|boycott\w*|forgo\w*|"
    r"abandon\w*|skip\w*|halt\w*|suspend\w*|withdr\w*|quit\w*|dismiss\w*|refut\w*|rebuff\w*)\b|n['’]t\b", re.I)
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "NUM", "ADJ"})
_CLAUSES = frozenset({"advcl", "ccomp", "conj", "relcl", "acl", "parataxis", "xcomp", "csubj"})


@dataclass(frozen=True)
class Predicate:
    lemma: str        # the content predicate after lexical negatives are unwound (`refused to send` -> send)
    negators: tuple[str, ...]  # the words that negate it, as written; an odd count negates
    words: frozenset[str]      # content lemmas of its own arguments (not of other clauses)
    depth: int

    @property
    def negated(self) -> bool:
        return len(self.negators) % 2 == 1


@dataclass(frozen=True)
class PolarityDifference:
    explanation: str     # "negation: only the source is negated (“declined”)"
    same_predicate: bool  # aligned by lemma or synonym with a shared word, not by the closest sentence's root
    lexical: bool = False  # negated by a word the model misreads (refused, stayed away, without), not by `not`


def polarity_differs(claim: str, passage: str) -> str | None:
    """A short explanation when exactly one of the aligned predicates is negated, else None."""
    difference = polarity_difference(claim, passage)
    return difference.explanation if difference else None


def polarity_difference(claim: str, passage: str) -> PolarityDifference | None:
    """The difference, and whether the passage's predicate is surely the claim's (then it is a slot)."""
    if not (_NEGATOR_HINT.search(claim) or _NEGATOR_HINT.search(passage)):
        return None
    claimed = _main_predicate(_parsed(claim))
    if claimed is None:
        return None
    aligned, same = _aligned(claimed, _parsed(passage))
    if aligned is None or claimed.negated == aligned.negated:
        return None
    side, words = ("claim", claimed.negators) if claimed.negated else ("source", aligned.negators)
    lexical = any(w.lower() not in _SYNTACTIC_NEGATORS for w in words)
    return PolarityDifference(f"negation: only the {side} is negated (“{words[0]}”)", same, lexical)


@lru_cache(maxsize=2048)
def _parsed(text: str):
    """A claim meets the same passages again and again (each claim's candidates, the evidence group)."""
    return nlp()(text)


def _main_predicate(doc) -> Predicate | None:
    """The claim's predicate: the root, or what a verb of saying reports (`X said Y did not ...`)."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if not roots:
        return None
    root = roots[0]
    reported = [c for c in root.children if c.dep_ == "ccomp"]
    if reported and not _is_lexical_negative(root):  # `X emphasized that Y will not ...`: what is reported
        root = reported[0]
    return _predicate(root)


def _aligned(claimed: Predicate, doc) -> tuple[Predicate | None, bool]:
    """The passage's predicate aligned with the claim's: same lemma or synonym sharing a word, most shared
    words first (True); else the root of the passage sentence sharing most words with the claim (False)."""
    predicates = [_predicate(t) for t in doc if (t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT")
                  and not (t.dep_ in ("xcomp", "ccomp") and _is_lexical_negative(t.head))]  # read via its head
    same = [p for p in predicates if (p.lemma == claimed.lemma or _synonyms(p.lemma, claimed.lemma))
            and p.words & claimed.words]
    if same:
        return max(same, key=lambda p: (len(p.words & claimed.words), -p.depth)), True
    sentences = list(doc.sents)
    if not sentences:
        return None, False
    closest = max(sentences, key=lambda s: len({t.lemma_.lower() for t in s} & claimed.words))
    return _main_predicate(closest.as_doc()), False


def _synonyms(a: str, b: str) -> bool:
    return any(a in group and b in group for group in _SYNONYMS)


def _predicate(token) -> Predicate:
    """Unwind lexical negatives down to the predicate they negate, counting every negator on the way."""
    negators: list[str] = []
    while True:
        negators += _own_negators(token)
        if _is_lexical_negative(token):
            complement = [c for c in token.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
            negators.append(_phrase(token))
            if complement:
                token = complement[0]
                continue
        break
    return Predicate(token.lemma_.lower(), tuple(negators), _own_words(token), _depth(token))


def _is_lexical_negative(token) -> bool:
    lemma = token.lemma_.lower()
    if lemma in _NEGATIVE_LEMMAS:
        return True
    particle = _NEGATIVE_PARTICLES.get(lemma)
    return particle is not None and any(c.lower_ == particle and c.dep_ in ("prt", "advmod") for c in token.children)


def _phrase(token) -> str:
    particle = _NEGATIVE_PARTICLES.get(token.lemma_.lower())
    return f"{token.text} {particle}" if particle and token.lemma_.lower() not in _NEGATIVE_LEMMAS else token.text


def _own_negators(token) -> list[str]:
    """`not`/`never`, `no longer`, `without ...`, `no` on its subject or object, an adjective of absence."""
    found = []
    for child in token.children:
        if child.dep_ == "neg":
            found.append(child.text)
        elif child.dep_ == "advmod" and child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
            found.append("no longer")
        elif child.dep_ == "prep" and child.lower_ == "without":
            found.append(child.text)
        elif child.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
                d.dep_ == "det" and d.lower_ == "no" for d in child.children):
            found.append("no")
        elif child.dep_ == "acomp" and child.lemma_.lower() in _NEGATIVE_LEMMAS and not any(
                c.dep_ == "xcomp" for c in child.children):
            found.append(child.text)
    return found


def _own_words(token) -> frozenset[str]:
    """Content lemmas of the predicate's own arguments, leaving out the clauses hanging off it."""
    words = set()
    stack = [c for c in token.children if c.dep_ not in _CLAUSES]
    while stack:
        t = stack.pop()
        if t.pos_ in _CONTENT_POS:
            words.add(t.lemma_.lower())
        stack += [c for c in t.children if c.dep_ not in _CLAUSES]
    return frozenset(words)


def _depth(token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth
