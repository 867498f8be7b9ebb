"""A sentence as the parser should see it: credits removed, cut into independent clauses, one spaCy `Doc` each.

The small English model misreads long sentences (a second ROOT mid-sentence, a clause after `;` hung on the
wrong verb), so the cuts the punctuation makes certain are made before parsing: at top-level semicolons, and at
`, and` / `, but` / `, while` / `, though` when what follows parses as a clause with its own subject and what
precedes is no subject still waiting for its verb (`Tokayev, who met Putin, and Mirziyoyev signed` is one clause).
Each `Segment` maps its characters back to the sentence, so every claim keeps its span in the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from sourcecheck.claims.nlp import nlp
from sourcecheck.claims.well_formed import why_malformed

_MIN_WORDS = 4
_OPENING, _CLOSING = "“«‘(", "”»’)"
_CLAUSE_JOINT = re.compile(r",\s+(?:and|but|while|whereas|though|although)\s+|;\s+(?:and\s+|but\s+)?")


@dataclass(frozen=True)
class Segment:
    doc: Doc
    offsets: tuple[int, ...]   # offsets[i]: the sentence character of the segment's character i

    def span(self, tokens: list[int]) -> tuple[int, int]:
        """The sentence span from the first to the last of these tokens."""
        first, last = self.doc[min(tokens)], self.doc[max(tokens)]
        return self.offsets[first.idx], self.offsets[last.idx + len(last.text) - 1] + 1


def segments(sentence: str, cuts: list[tuple[int, int]]) -> list[Segment]:
    """The sentence minus its credits, split into independent clauses, each parsed as one sentence. A credit
    written into the clause (`Officials told reporters the base would close`) whose removal leaves no sentence
    (`reporters the base would close`) is put back: the clause stays whole. A parenthetical credit never is."""
    found = _segments(sentence, cuts)
    for cut in [c for c in cuts if not sentence[c[0]:c[1]].startswith("(")]:
        if not _malformed(found):
            break
        kept = [c for c in cuts if c != cut]
        trial = _segments(sentence, kept)
        if _malformed(trial) < _malformed(found):
            found, cuts = trial, kept
    return found


def _malformed(found: list[Segment]) -> int:
    return sum(why_not_a_sentence(s.doc.text, s.doc) is not None for s in found)


def why_not_a_sentence(text: str, doc: Doc | None = None) -> str | None:
    """What keeps `text` from reading as a sentence (claims/well_formed.py), or None. Parsed with and without its
    full stop, since the small parser reads `500 troops left.` with `left` a participle and `500 troops left` with
    it a verb: both readings must fail."""
    why = why_malformed(doc if doc is not None else parse(text))
    if why is None:
        return None
    bare = text.rstrip(" .!?")
    return why_malformed(parse(bare if bare != text else text + ".")) and why


def _segments(sentence: str, cuts: list[tuple[int, int]]) -> list[Segment]:
    text, offsets = _without(sentence, cuts)
    pieces, start = [], 0
    joints = _top_level(text, _CLAUSE_JOINT)
    for joint, following in zip(joints, [*joints[1:], None], strict=False):
        left, right = text[start: joint.start()], text[joint.end(): following.start() if following else len(text)]
        if len(left.split()) < _MIN_WORDS or len(right.split()) < 2:
            continue
        if joint.group().startswith(";") or _is_clause(right) and not _open_subject(left):
            pieces.append((start, joint.start()))
            start = joint.end()
    pieces.append((start, len(text)))
    found = []
    for a, b in pieces:
        while a < b and text[a] in " ,;":
            a += 1
        while b > a and text[b - 1] in " ,;":
            b -= 1
        if any(ch.isalnum() for ch in text[a:b]):
            found.append(Segment(parse(text[a:b]), tuple(offsets[a:b])))
    return found


def parse(text: str) -> Doc:
    """One sentence, parsed as one sentence (the parser may not start a new one inside it)."""
    pipeline = nlp()
    doc = pipeline.make_doc(text)
    for token in doc[1:]:
        token.is_sent_start = False
    for _name, component in pipeline.pipeline:
        doc = component(doc)
    return doc


def _is_clause(text: str) -> bool:
    root = next(iter(parse(text).sents)).root
    return root.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)


def _open_subject(text: str) -> bool:
    """`Tokayev, who met Putin in Sochi`: a subject with a phrase set off by commas, its verb still to come."""
    return "," in text and not _is_clause(text)


def _without(sentence: str, cuts: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """The sentence with the cut spans (and the space before each) removed, and each kept character's offset."""
    drop: set[int] = set()
    for a, b in cuts:
        while a > 0 and sentence[a - 1] == " ":
            a -= 1
        drop.update(range(a, b))
    kept = [i for i in range(len(sentence)) if i not in drop]
    text = "".join(sentence[i] for i in kept)
    lead = len(text) - len(text.lstrip(" ,"))
    return text[lead:], kept[lead:]


def _top_level(text: str, pattern: re.Pattern) -> list[re.Match]:
    """Matches outside quotes and parentheses."""
    depth, straight, inside = 0, False, []
    for ch in text:
        inside.append(depth > 0 or straight)
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING:
            depth = max(0, depth - 1)
        elif ch == '"':
            straight = not straight
    return [m for m in pattern.finditer(text) if not inside[m.start()]]
