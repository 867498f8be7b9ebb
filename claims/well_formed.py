"""Is a claim a sentence an editor can read and a scorer can judge: a finite verb with its subject?

Decomposition rewrites a clause into claims (atomic.py); a rewrite that leaves a fragment (`This newspaper that
Minsk had driven a hard bargain`, a predicate without its subject, a clause opening on `that`) must not be
emitted. The check reads the parse of the claim's own text, as a reader meets it, not the tokens of the sentence
it came from. The small parser misreads some sound sentences (`The base hosts ...` with `hosts` a noun), so a
caller compares with the clause the claim came from rather than trusting one verdict alone.
"""

from __future__ import annotations

from spacy.tokens import Doc

_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")
_FINITE = ("VBD", "VBZ", "VBP", "MD")
_RELATIVES = {"which", "who", "whom", "whose"}


def why_malformed(doc: Doc) -> str | None:
    """None for a well-formed sentence, else what is missing, in words."""
    root = next(iter(doc.sents)).root
    verbs = [root] + [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if root.pos_ not in ("VERB", "AUX") and not any(v.tag_ in _FINITE for v in verbs[1:]):
        return f"no verb: the sentence is built on {root.pos_.lower()} `{root.text}`"
    if not any(v.tag_ in _FINITE for v in verbs):
        return f"no finite verb: `{root.text}` has no tense of its own"
    subject = next((c for c in root.children if c.dep_ in _SUBJECTS
                    or c.dep_ == "compound" and c.i < root.i and c.pos_ in ("NOUN", "PROPN")), None)
    if subject is None:
        return f"no subject for `{root.text}`"  # (one read as a compound of the verb is the parser's slip)
    first = next((t for t in doc if not t.is_punct), None)
    if first is not None and first.dep_ == "mark" and first.head.i == root.i:
        return f"a subordinate clause opening on `{first.text}`"
    stray = next((c for c in root.children if c.dep_ in ("npadvmod", "dep") and c.i < subject.i
                  and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ not in ("DATE", "TIME")), None)
    if stray is not None:  # `Reporters the base would close`: what was left of `told reporters`
        return f"`{stray.text}` has no role before the subject"
    relative = next((t for t in doc if t.lower_ in _RELATIVES and t.dep_ in _SUBJECTS
                     and (t.head.i == root.i or t.head.dep_ == "conj" and t.head.head.i == root.i)), None)
    if relative is not None:  # `X was formed in 2016 and which is based in Osh`
        return f"`{relative.text}` refers to nothing in the sentence"
    return None
