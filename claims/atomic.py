"""One parsed clause into atomic claims, from its dependency parse.

A claim is a set of the clause's tokens (plus a few words put in: `is`, `numbered`, an antecedent), so its text
reads on its own while its span stays that of the source text it came from. Splits, in order:
- hedge and discourse frames: `It appears that X` -> X (the hedge is kept as the claim's frame: it makes the
  claim analysis); sentence-initial `However,`, `Curiously,`, `In other words` are dropped the same way;
- coordinated predicates and clauses: `was deployed ... and carried out ...` -> two claims sharing the subject,
  its auxiliaries and the adjuncts written before it; inside reported speech the speech frame is shared
  (`Guowei noted that X and Y` -> `Guowei noted that X`, `Guowei noted that Y`);
- lists of objects whose items are separately checkable (each of at least two words): `revealed X, and Y`;
- appositives: `Ci Guowei, the Deputy Director of ..., emphasized` -> `Ci Guowei is the Deputy Director of ...`;
- non-restrictive relative clauses: `X, which the parliament ratified on March 5,` -> `The parliament ratified X
  on March 5`;
- a measure inside the subject: `The contingent of about 400 personnel arrived ...` -> `The contingent numbered
  about 400 personnel` and `The contingent arrived ...` (a singular group and a counted, undetermined amount: `The
  ministers of the five states` is no head count).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from sourcecheck.claims.segments import why_not_a_sentence

_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
_FINITE = ("VBD", "VBZ", "VBP", "MD")
_HEDGE_VERBS = {"appear", "seem"}
_CONNECTIVES = {"however", "curiously", "moreover", "furthermore", "meanwhile", "nevertheless", "indeed",
                "interestingly", "notably", "still"}
_FRAME_PHRASES = {"in other words", "in short", "in sum", "in fact", "of course"}
_RELATIVE_WORDS = {"which", "who", "whom"}
_SPEECH_VERBS = {"say", "tell", "note", "emphasize", "emphasise", "explain", "stress", "add", "state", "announce",
                 "declare", "warn", "insist", "argue", "claim", "report", "write", "characterize", "refer"}


@dataclass
class TokenClaim:
    """A claim as tokens of one parsed clause; `inserted` puts words after a token, `dropped` hides tokens."""

    doc: Doc
    tokens: set[int]
    anchor: int                            # the token that makes it a claim of its own: its order in the sentence
    inserted: dict[int, str] = field(default_factory=dict)
    replaced: dict[int, str] = field(default_factory=dict)
    frame: str = ""                        # words dropped from the text that still qualify it (a hedge)
    speech: bool = False                   # a person's words: `X said that ...`, `In his view ...`

    def copy(self, tokens: set[int], anchor: int) -> TokenClaim:
        return TokenClaim(self.doc, tokens, anchor, dict(self.inserted), dict(self.replaced), self.frame, self.speech)


def token_claims(doc: Doc, replaced: dict[int, str]) -> list[TokenClaim]:
    """The atomic claims of one clause, in the order their anchors are written; `replaced` rewrites references.
    Every split is kept only when all it yields reads as a sentence (claims/well_formed.py); else the clause it
    would have split stays whole."""
    root = next(iter(doc.sents)).root
    claim = TokenClaim(doc, {t.i for t in doc}, root.i, replaced=dict(replaced))
    root = _drop_frames(claim, root)
    check = _Readability(claim)
    side = check.side(claim, _split_appositives) + check.side(claim, _split_relatives) \
        + check.side(claim, lambda c: _split_reported_addition(c, root)) + check.side(claim, _split_presupposed_facts)
    claims = check.parts(claim, lambda c: _split_coordination(c, root))
    claims = [c for part in claims for c in check.parts(part, lambda p: _split_objects(p, _predicate(p, root)))]
    claims += [p for part in list(claims) for p in check.side(part, _split_participle)]
    claims += side
    for part in list(claims):
        claims += check.side(part, _split_measure)
    claims = [c for c in claims if any(doc[i].is_alpha for i in c.tokens)]
    return sorted(claims, key=lambda c: c.anchor)


class _Readability:
    """Judges each split by whether what it yields reads as a sentence. Only when the whole clause does: when the
    parser cannot read the clause itself, a failed check says nothing about the split."""

    def __init__(self, whole: TokenClaim):
        self._known: dict[str, bool] = {}
        self._judging = self.reads(whole)

    def reads(self, claim: TokenClaim) -> bool:
        """Its text parses as a sentence, or its tokens hang together as one in the clause's own parse."""
        text = render(claim)
        if text not in self._known:
            self._known[text] = _holds_together(claim) or why_not_a_sentence(text) is None
        return self._known[text]

    def side(self, host: TokenClaim, split: Callable[[TokenClaim], list[TokenClaim]]) -> list[TokenClaim]:
        """A split that takes claims out of `host`; undone when the host or a claim taken out is no sentence."""
        before = set(host.tokens)
        found = split(host)
        if found and self._judging and not all(self.reads(c) for c in [host, *found]):
            host.tokens = before
            return []
        return found

    def parts(self, claim: TokenClaim, split: Callable[[TokenClaim], list[TokenClaim]]) -> list[TokenClaim]:
        """A split of `claim` into parts; the claim whole when one part is no sentence."""
        found = split(claim)
        if len(found) > 1 and self._judging and not all(self.reads(c) for c in found):
            return [claim]
        return found


def _holds_together(claim: TokenClaim) -> bool:
    """In the clause's parse, the claim's tokens hang from one finite predicate that has its subject among them
    (or shares it: a conjunct, a participle written as a finite verb). A claim built around a word put in (`is`,
    `numbered`, the antecedent after its verb) is a sentence by construction."""
    doc = claim.doc
    if claim.inserted:
        return True
    tokens = {i for i in claim.tokens if not doc[i].is_punct}
    tops = [doc[i] for i in sorted(tokens) if doc[i].head.i not in tokens or doc[i].head.i == i]
    verbs = [t for t in tops if t.pos_ in ("VERB", "AUX")]
    if len(verbs) != 1:
        return False
    verb = verbs[0]
    heads = [verb, verb.head] if verb.dep_ in ("conj", "advcl") and verb.head.i != verb.i else [verb]
    around = [c for h in heads for c in h.children if c.i in tokens]
    subject = verb.i in claim.replaced or any(c.dep_ in _SUBJECTS for c in around)
    finite = verb.tag_ in _FINITE or verb.i in claim.replaced or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in around)
    return subject and finite and all(t.i == verb.i or t.head.i in {h.i for h in heads} for t in tops)


def _subtree(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _drop_frames(claim: TokenClaim, root: Token) -> Token:
    """Drop hedge frames and connectives, keeping them as the claim's frame; returns the clause's predicate."""
    doc = claim.doc
    words = []
    if root.lemma_ in _HEDGE_VERBS and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in root.children):
        inner = next((c for c in root.children if c.dep_ == "ccomp"), None)
        if inner is not None:
            keep = _subtree(inner) - {c.i for c in inner.children if c.dep_ == "mark"}
            words.append(" ".join(doc[i].text for i in sorted(claim.tokens - keep - _punct(doc))))
            claim.tokens &= keep | {doc[-1].i} if doc[-1].is_punct else keep
            root = inner
    for child in root.children:
        if child.i > root.i:
            break
        if child.lower_ in _CONNECTIVES:
            words.append(child.lower_)
            commas = {i for i in (child.i - 1, child.i + 1) if 0 <= i < len(doc) and doc[i].text == ","}
            claim.tokens -= _subtree(child) | commas
    opening = doc.text.lower()
    phrase = next((p for p in _FRAME_PHRASES if opening.startswith(p)), None)
    if phrase:
        words.append(phrase)
        claim.tokens -= {t.i for t in doc if t.idx < len(phrase) or t.idx == len(phrase) and t.is_punct}
    claim.frame = " ".join(words)
    claim.anchor = root.i
    claim.speech = root.lemma_ in _SPEECH_VERBS and any(
        c.dep_ in _SUBJECTS and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN" or c.lower_ in ("he", "she"))
        for c in root.children)
    if any(c.dep_ == "prep" and c.lower_ in ("in", "for") and
           any(g.dep_ == "pobj" and any(p.dep_ == "poss" and p.pos_ in ("PRON", "PROPN") for p in g.children)
               for g in c.children) for c in root.children):
        claim.speech = True  # "In his view ...", "For Guowei's part ..."
    return root


def _punct(doc: Doc) -> set[int]:
    return {t.i for t in doc if t.is_punct}


def _predicate(claim: TokenClaim, root: Token) -> Token:
    token = claim.doc[claim.anchor]
    return token if token.i in claim.tokens else root


def _verbal(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.dep_ in ("ROOT", "ccomp") and token.tag_.startswith("VB")


def _split_coordination(claim: TokenClaim, root: Token) -> list[TokenClaim]:
    """Coordinated predicates of the clause (or of the reported speech under a speech verb)."""
    head = root
    if root.lemma_ in _SPEECH_VERBS:
        inner = next((c for c in root.children if c.dep_ == "ccomp"), None)
        if inner is not None and any(_verbal(c) and c.dep_ == "conj" for c in inner.children):
            head = inner
    conjuncts = [c for c in head.children if c.dep_ == "conj" and _verbal(c) and c.i in claim.tokens]
    if not conjuncts:
        return [claim]
    connectors = {t.i for c in [head, *conjuncts] for t in c.children if t.dep_ in ("cc", "preconj")
                  or t.dep_ == "punct" and t.text in (",", ";") and head.i < t.i < conjuncts[-1].i}
    conj_parts = [_subtree(c) for c in conjuncts]
    first = claim.copy(claim.tokens - set().union(*conj_parts) - connectors, claim.anchor)
    subject = next((c for c in head.children if c.dep_ in _SUBJECTS), None)
    claims = [first]
    for conj in conjuncts:
        own = _subtree(conj) - connectors
        own_deps = {c.dep_ for c in conj.children}
        shared = set()
        if not own_deps & set(_SUBJECTS):
            for child in head.children:
                before_subject = subject is not None and child.i < subject.i and not child.is_punct
                if child.dep_ in _SUBJECTS or before_subject or _takes_auxiliary(child, conj, own_deps):
                    shared |= _subtree(child)
        relative = next((t for t in conj.subtree if t.lower_ in _RELATIVE_WORDS and t.i not in claim.replaced),
                        None)
        if relative is not None:  # "..., part of which relates to X": a relative clause the parser read as a conjunct
            obj = next((c for c in head.children if c.dep_ == "dobj"), None)
            if obj is None:
                continue
            part = claim.copy(own & claim.tokens, conj.i)
            part.replaced = {**claim.replaced, relative.i: _phrase(claim, _core(obj))}
            part.speech = False
            claims.append(part)
            continue
        part = claim.copy((claim.tokens - _subtree(head)) | (own & claim.tokens) | (shared & claim.tokens), conj.i)
        for other, other_part in zip(conjuncts, conj_parts, strict=True):
            if other is not conj and not other_part <= _subtree(conj):
                part.tokens -= other_part
        claims.append(part)
    return claims


def _takes_auxiliary(auxiliary: Token, conj: Token, own_deps: set[str]) -> bool:
    """`will not become A or fill B`: `fill` takes `will not`; `had ensured A and extended B`: `extended` takes
    `had`; `was deployed and carried out`: `carried` does not take `was` (active, not passive)."""
    if auxiliary.dep_ not in ("aux", "auxpass", "neg") or own_deps & {"aux", "auxpass"}:
        return False
    if auxiliary.dep_ == "auxpass":
        return conj.tag_ == "VBN"
    return conj.tag_ != "VBD" or auxiliary.lemma_ == "have" and conj.text.endswith("ed")


def _split_objects(claim: TokenClaim, predicate: Token) -> list[TokenClaim]:
    """`sent 1,200 troops, 40 vehicles and 12 helicopters to X` -> one claim per object when every object is two
    words or more; a phrase written after the whole list (`to X`) belongs to the verb, so every part keeps it."""
    for obj in [c for c in predicate.children if c.dep_ in ("dobj", "attr")] + \
               [g for c in predicate.children if c.dep_ in ("prep", "agent") and c.lower_ != "between"
                for g in c.children if g.dep_ == "pobj"]:
        if obj.pos_ not in ("NOUN", "PROPN") or obj.i not in claim.tokens:
            continue
        conjuncts = _conjunct_chain(obj)
        if obj.dep_ == "dobj":  # "revealed X, and the message ...": the parser hung the second object on the verb
            conjuncts += [c for c in predicate.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        if not conjuncts:
            continue
        items = [obj, *conjuncts]
        connectors = {t.i for c in (*items, predicate) for t in c.children
                      if t.dep_ in ("cc", "preconj") and t.i > obj.i or t.text == "," and obj.i < t.i < items[-1].i}
        connectors |= {t.i for c in items for d in c.children if d.dep_ == "cc" for t in d.children}  # "as well as"
        shared = _shared_after_list(items)
        parts = [_subtree(c) - _nested(c, items) - connectors - shared for c in conjuncts]
        own_first = _subtree(obj) - set().union(*(_subtree(c) for c in conjuncts)) - connectors - shared
        least = 2 if obj.dep_ in ("dobj", "attr") else 4
        if min(len([i for i in p if not claim.doc[i].is_punct]) for p in [own_first, *parts]) < least:
            continue
        claims = [claim.copy(claim.tokens - set().union(*parts) - connectors, claim.anchor)]
        for conj, part in zip(conjuncts, parts, strict=True):
            rest = claim.tokens - _subtree(obj) - connectors - set().union(*(_subtree(c) for c in conjuncts))
            claims.append(claim.copy(rest | part | (shared & claim.tokens), conj.i))
        return claims
    return [claim]


def _conjunct_chain(token: Token) -> list[Token]:
    """`A, B and C`: the parser hangs C on B; every noun conjunct of the chain, in order."""
    found = []
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN"):
            found += [child, *_conjunct_chain(child)]
    return sorted(found, key=lambda t: t.i)


def _nested(item: Token, items: list[Token]) -> set[int]:
    """The tokens of the later list items the parser put inside this one's subtree."""
    return {i for other in items if other.i > item.i and other.head.i in _subtree(item) for i in _subtree(other)}


def _shared_after_list(items: list[Token]) -> set[int]:
    """A prepositional phrase written after the last item, on the last item, belongs to the verb (`sent A and B to
    X`) when no other item has one of its own; an `of`-phrase always belongs to its noun (`the exchange of data`)."""
    last = items[-1]
    trailing = [c for c in last.children if c.dep_ == "prep" and c.i > last.i and c.lower_ != "of"]
    if len(trailing) != 1 or any(c.dep_ == "prep" for item in items[:-1] for c in item.children):
        return set()
    return _subtree(trailing[0])


def _core(token: Token, claim: TokenClaim | None = None) -> list[int]:
    """The noun phrase of `token` without its appositives, relative clauses and commas."""
    cut = set()
    for child in token.children:
        if child.dep_ in ("appos", "relcl", "acl") and _set_off(child) or child.dep_ in ("punct", "conj", "cc"):
            cut |= _subtree(child)
    return sorted(_subtree(token) - cut)


def _set_off(token: Token) -> bool:
    """Is the phrase of `token` set off by a comma before it (non-restrictive)?"""
    left = token.left_edge.i - 1
    while left > 0 and token.doc[left].text in ("”", "’", '"'):
        left -= 1
    return left >= 0 and token.doc[left].text in (",", "–", "—")


def _phrase(claim: TokenClaim, indices: list[int]) -> str:
    """Text of these tokens with the claim's replacements (an antecedent written into another claim)."""
    doc = claim.doc
    words = []
    for i in indices:
        words.append(claim.replaced.get(i, doc[i].text) + doc[i].whitespace_)
    text = "".join(words).strip(" ,")
    if doc[indices[0]].pos_ == "DET":  # "an agreement, which ..." -> "... ratified the agreement"
        text = re.sub(r"^(?:a|an|the)\b", "the", text, flags=re.I)
    return text


def _split_appositives(claim: TokenClaim) -> list[TokenClaim]:
    """`Ci Guowei, the Deputy Director ..., emphasized` -> `Ci Guowei is the Deputy Director ...`."""
    found = []
    for token in [claim.doc[i] for i in sorted(claim.tokens)]:
        if token.dep_ != "appos" or not _set_off(token) or token.head.pos_ not in ("PROPN", "NOUN"):
            continue
        if token.left_edge.lower_ not in ("the", "a", "an"):
            continue
        name = _name_before(token)
        if not name:
            continue
        copula = "was" if any(claim.doc[i].like_num and len(claim.doc[i].text) == 4 for i in name) else "is"
        part = claim.copy(set(name) | _subtree(token) - _trailing_commas(token), token.i)
        part.inserted = {**claim.inserted, name[-1]: copula}
        part.speech = False
        claim.tokens -= _subtree(token) | {token.left_edge.i - 1} | _trailing_commas(token)
        found.append(part)
    return found


def _name_before(appositive: Token) -> list[int]:
    """The proper name written just before the appositive's comma (`Peace Mission 2012, the smallest ...`)."""
    doc, i = appositive.doc, appositive.left_edge.i - 2
    name: list[int] = []
    while i >= 0 and (doc[i].pos_ == "PROPN"
                      or doc[i].like_num and name == [] and i > 0 and doc[i - 1].pos_ == "PROPN"):
        name.insert(0, i)
        i -= 1
    return name


def _trailing_commas(token: Token) -> set[int]:
    after = token.right_edge.i + 1
    return {after} if after < len(token.doc) and token.doc[after].text == "," else set()


def _split_relatives(claim: TokenClaim) -> list[TokenClaim]:
    """A non-restrictive relative clause as a claim about its antecedent: `X, which Y ratified` -> `Y ratified X`."""
    found = []
    for token in [claim.doc[i] for i in sorted(claim.tokens)]:
        if token.dep_ != "relcl" or not _set_off(token):
            continue
        relative = next((t for t in token.subtree if t.lower_ in _RELATIVE_WORDS), None)
        if relative is None:
            continue
        head = token.head
        while head.dep_ == "appos" and not _set_off(head):  # "The railway builder CRBC, which ..."
            head = head.head
        antecedent = _phrase(claim, [i for i in _core(head) if i < token.left_edge.i])
        part = claim.copy(_subtree(token) - _trailing_commas(token), token.i)
        part.speech = False
        if relative.dep_ in ("dobj",):
            part.tokens.discard(relative.i)
            part.inserted = {**claim.inserted, token.i: antecedent}
        else:  # `which was formed in 2016 and which is based in Osh`: each relative subject is the antecedent
            subjects = [t for v in (token, *_verb_conjuncts(token)) for t in v.children
                        if t.lower_ in _RELATIVE_WORDS and t.dep_ in _SUBJECTS]
            part.replaced = {**claim.replaced, **{t.i: antecedent for t in subjects or [relative]}}
        claim.tokens -= _subtree(token) | {token.left_edge.i - 1} | _trailing_commas(token)
        found += _split_coordination(part, token)
    return found


def _verb_conjuncts(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "conj" and _verbal(c)]


def _split_participle(claim: TokenClaim) -> list[TokenClaim]:
    """`carried out a march, passing through two passes` -> also `<subject> passed through two passes`.
    Only after an active predicate: after a passive one the participle's doer is seldom the subject."""
    doc = claim.doc
    predicate = doc[claim.anchor]
    if any(c.dep_ == "auxpass" for c in predicate.children):
        return []
    heads = (predicate, predicate.head) if predicate.dep_ == "conj" else (predicate,)
    subject = next((c for h in heads for c in h.children if c.dep_ in _SUBJECTS), None)
    for verb in predicate.children:
        if verb.dep_ != "advcl" or verb.tag_ != "VBG" or not _set_off(verb) or verb.i not in claim.tokens:
            continue
        if any(c.dep_ in _SUBJECTS + ("mark",) for c in verb.children) or verb.lemma_ in _SPEECH_VERBS:
            continue
        if subject is None or subject.i not in claim.tokens:
            return []
        before = {i for c in subject.head.children if c.i < subject.i and not c.is_punct for i in _subtree(c)}
        part = claim.copy(((_subtree(subject) | before) & claim.tokens) | _subtree(verb), verb.i)
        part.replaced = {**claim.replaced, verb.i: _past(verb.lemma_)}
        claim.tokens -= _subtree(verb) | {verb.left_edge.i - 1}
        return [part]
    return []


def _past(lemma: str) -> str:
    """The simple past of a regular verb (participle claims); the irregular ones the genre uses are listed."""
    irregular = {"take": "took", "make": "made", "go": "went", "send": "sent", "leave": "left", "hold": "held",
                 "bring": "brought", "show": "showed", "fly": "flew", "give": "gave", "lead": "led"}
    if lemma in irregular:
        return irregular[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def _split_presupposed_facts(claim: TokenClaim) -> list[TokenClaim]:
    """`showcase ... the fact that all hardware was domestically produced` -> also `All hardware was ...`:
    the writer presents it as fact, whatever the surrounding clause says about it."""
    found = []
    for token in claim.doc:
        if token.lower_ != "fact" or not any(c.lower_ == "the" for c in token.children):
            continue
        clause = next((c for c in token.children if c.dep_ in ("acl", "ccomp", "relcl")
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is not None:
            marks = {m.i for m in clause.children if m.dep_ == "mark"}
            part = claim.copy(_subtree(clause) - marks, clause.i)
            part.speech, part.frame = False, ""
            found.append(part)
    return found


_PAST = {"add": "added", "say": "said", "note": "noted", "stress": "stressed", "explain": "explained",
         "emphasize": "emphasized", "claim": "claimed", "insist": "insisted", "warn": "warned"}


def _split_reported_addition(claim: TokenClaim, root: Token) -> list[TokenClaim]:
    """`In his view "...," adding that X` -> also `<speaker> added that X`."""
    doc = claim.doc
    for verb in root.children:
        if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.lemma_ not in _PAST:
            continue
        if not any(c.dep_ == "ccomp" for c in verb.children):
            continue
        speaker = next((claim.replaced.get(c.i, c.text) for c in root.children if c.dep_ in _SUBJECTS
                        and (c.pos_ == "PROPN" or c.i in claim.replaced)), None)
        speaker = speaker or next((claim.replaced.get(p.i, "").removesuffix("’s") for p in doc
                                   if p.dep_ == "poss" and p.i in claim.replaced), None)
        if not speaker:
            continue
        part = claim.copy(_subtree(verb), verb.i)
        part.replaced = {**claim.replaced, verb.i: f"{speaker} {_PAST[verb.lemma_]}"}
        part.speech = True
        claim.tokens -= _subtree(verb) | {verb.left_edge.i - 1} & {t.i for t in doc if t.text == ","}
        return [part]
    return []


def _split_measure(claim: TokenClaim) -> list[TokenClaim]:
    """`The contingent of about 400 personnel arrived` -> also `The contingent numbered about 400 personnel`."""
    doc = claim.doc
    for noun in [doc[i] for i in sorted(claim.tokens)]:
        if noun.dep_ not in ("nsubj", "nsubjpass", "ROOT") or noun.tag_ != "NN":
            continue  # a group counts its members; `the ministers of five states` are not five states
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None:
            continue
        measure = next((g for g in of.children if g.dep_ == "pobj"), None)
        if measure is None or not any(c.dep_ == "nummod" for c in measure.children) or _determined(measure):
            continue
        verb = next((c for c in measure.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)
        amount = _subtree(measure) - (_subtree(verb) if verb is not None else set())
        name = _subtree(noun) - _subtree(of) - (_subtree(verb) if verb is not None else set()) - _punct(doc)
        if noun.dep_ == "ROOT" and verb is None:
            continue
        size = claim.copy((name | amount) & claim.tokens, of.i)
        size.inserted = {**claim.inserted, max(name): "numbered"}
        claim.tokens -= _subtree(of) - (_subtree(verb) if verb is not None else set())
        return [size]
    return []


def _determined(noun: Token) -> bool:
    """`the five states`, `its 40 members`: a known set named, not an amount counted."""
    return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "some") for c in noun.children)


def render(claim: TokenClaim) -> str:
    """The claim's text: its tokens in order, with replacements and insertions, tidy punctuation, a full stop."""
    doc = claim.doc
    kept = sorted(claim.tokens)
    out = []
    for i, following in zip(kept, [*kept[1:], None], strict=False):
        token = doc[i]
        out.append(claim.replaced.get(i, token.text))
        if i in claim.inserted:
            out.append(" " + claim.inserted[i])
        gap = following is not None and following != i + 1 and not doc[following].is_punct
        out.append(" " if gap else token.whitespace_)
    return tidy("".join(out))


def tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"\s+([.,;:!?)”’])", r"\1", text)
    text = re.sub(r"([(“‘])\s+", r"\1", text)
    text = re.sub(r"([,;:–—]\s*)+([,;:.])", r"\2", text)
    text = re.sub(r"^[\s,;:–—”’-]+|[\s,;:–—-]+$", "", text)
    text = re.sub(r"^(?:and|but|or|while|whereas|though|although)\s+", "", text)
    text = re.sub(r"[,;:]+([”’\"])\.?$", r".\1", text)
    text = re.sub(r"([^.!?])([”’\"])\.$", r"\1.\2", text)
    if text.count("“") > text.count("”"):
        text = text.rstrip(".") + ".”"
    text = text[:1].upper() + text[1:]
    if not text.endswith((".", "!", "?", ".”", "?”", "!”", '."')):
        text += "."
    return text
