"""Pronouns and short references rewritten to the entity named earlier, so each claim reads on its own.

Rules (the nearest earlier mention wins; people and named events are remembered across the article, the rest
within the paragraph; noun phrases and `its` as below):
- `he`, `him`, `his`, `she`, `her` -> the last person named in full (`he explained` -> `Ci Guowei explained`);
- a surname or given name alone -> the full name named earlier (`Guowei noted` -> `Ci Guowei noted`);
- `they`, `them`, `their` -> the subject of an earlier clause that names several (`Russian and Tajikistani forces`);
- `its` -> the subject of an earlier clause of the same sentence, only when the claim has no subject of its own
  before it;
- `the/this exercise`, `the event`, `the drill` -> the last named event (`Peace Mission 2010`);
- `the/this battalion`, `the agreement`, `the base` -> the nearest earlier noun phrase with that head and its
  modifiers (`the battalion in the 201st Military Base in Tajikistan`; `base` matches `airbase`): of the
  paragraph for `this`/`these`, of the article for `the`;
- `the former` / `the latter` -> the first / second of the last pair named (`Moscow and Beijing`).
A reference whose antecedent is already in the claim stays as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

_EVENT = re.compile(r"\b((?:[A-Z][\w’']+\s+)+(?:19|20)\d\d|[A-Z][a-z]+-(?:19|20)\d\d)\b")
_NOT_IN_NAMES = {"During", "In", "At", "On", "For", "Since", "After", "Before", "Unlike", "The", "Despite", "Ahead",
                 "Of", "Until", "From", "By"}
_EVENT_NOUNS = {"exercise", "event", "drill", "maneuver", "manoeuvre", "war-game", "wargame"}
_SHORT_DETERMINERS = {"the", "this", "that", "these", "those"}
_PERSON_PRONOUNS = {"he": "", "him": "", "she": "", "his": "’s", "her": "’s"}
_PLURAL_PRONOUNS = {"they": "", "them": "", "their": "’"}


@dataclass
class Resolution:
    """Token replacements for one parsed clause; `conditional` ones apply only to claims without a subject
    of their own before them (`its`)."""

    replaced: dict[int, str] = field(default_factory=dict)
    conditional: set[int] = field(default_factory=set)


@dataclass
class ReferenceResolver:
    people: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    nouns: list[tuple[str, Token, str, int]] = field(default_factory=list)  # (lemma, head, phrase, paragraph)
    paragraph: int = 0
    plural_subjects: list[str] = field(default_factory=list)
    singular_subjects: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)

    def new_paragraph(self) -> None:
        self.paragraph += 1
        self.plural_subjects, self.singular_subjects, self.pairs = [], [], []

    def new_sentence(self) -> None:
        """`its` looks back only to the clauses of its own sentence."""
        self.singular_subjects = []

    def resolve(self, doc: Doc) -> Resolution:
        resolution = Resolution()
        for token in doc:
            lower = token.lower_
            if lower in _PERSON_PRONOUNS and token.tag_ in ("PRP", "PRP$") and self.people:
                resolution.replaced[token.i] = self.people[-1] + _PERSON_PRONOUNS[lower]
            elif lower in _PLURAL_PRONOUNS and self.plural_subjects:
                resolution.replaced[token.i] = self.plural_subjects[-1] + _PLURAL_PRONOUNS[lower]
            elif lower == "its" and self.singular_subjects:
                resolution.replaced[token.i] = self.singular_subjects[-1] + "’s"
                resolution.conditional.add(token.i)
            elif token.pos_ == "PROPN" and not _inside_name(token):
                full = next((p for p in reversed(self.people) if token.text in p.split() and token.text != p), None)
                if full:
                    resolution.replaced[token.i] = full
            elif token.pos_ in ("NOUN", "ADJ") and _is_short_reference(token):
                self._short_reference(token, resolution)
        return resolution

    def _short_reference(self, token: Token, resolution: Resolution) -> None:
        det = next(c for c in token.children if c.dep_ == "det")
        lemma = token.lemma_.lower()
        if lemma in ("former", "latter") and self.pairs:
            text = self.pairs[-1][0 if lemma == "former" else 1]
        elif lemma in _EVENT_NOUNS and self.events:
            text = self.events[-1]
        else:
            # a demonstrative (`this battalion`) points into its own paragraph; `the battalion` may reach further
            nearby = det.lower_ != "the"
            earlier = next((n for n in reversed(self.nouns) if _same_head(lemma, n[0])
                            and not (nearby and n[3] != self.paragraph)), None)
            if earlier is None:
                return
            _lemma, head, phrase, _paragraph = earlier
            text = phrase.replace(head.text, token.text, 1) if head.text in phrase else phrase
            text = "the " + text
        resolution.replaced[det.i] = ""
        resolution.replaced[token.i] = text

    def observe(self, doc: Doc, resolution: Resolution) -> None:
        """Remember what this clause names, as resolved (so `the base` named later is `the Kant airbase`)."""
        text = doc.text
        for match in _EVENT.finditer(text):
            words = match.group(1).split()
            while words and words[0] in _NOT_IN_NAMES:
                words.pop(0)
            if len(words) >= 2 or words and "-" in words[0]:
                self.events.append(" ".join(words))
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) >= 2 and not any(t.is_punct for t in ent):
                self.people.append(ent.text)
        for token in doc:
            phrase = _phrase(token, resolution)
            if token.pos_ == "NOUN" and token.dep_ != "compound" and not _is_short_reference(token) and \
                    any(c.dep_ in ("amod", "compound", "prep", "nummod", "acl", "nmod") for c in token.children):
                self.nouns.append((token.lemma_.lower(), token, _strip_det(phrase), self.paragraph))
            if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("NOUN", "PROPN", "PRON"):
                plural = token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children) \
                    or any(c.dep_ == "amod" and any(g.dep_ == "conj" for g in c.children) for c in token.children)
                if token.pos_ == "PRON" and token.i not in resolution.replaced:
                    continue
                if plural:
                    self.plural_subjects.append(phrase)
                elif token.ent_type_ != "PERSON" and resolution.replaced.get(token.i) not in self.people:
                    self.singular_subjects.append(_lower_det(phrase))
            conj = next((c for c in token.children if c.dep_ == "conj" and c.pos_ == "PROPN"), None)
            if token.pos_ == "PROPN" and conj is not None and token.ent_type_ != "PERSON":
                self.pairs.append((token.text, conj.text))


def _inside_name(token: Token) -> bool:
    """Part of a longer name as written (`Ci Guowei`), not a name used alone."""
    return any(c.dep_ == "compound" for c in token.children) or token.dep_ == "compound"


def _is_short_reference(token: Token) -> bool:
    children = [c for c in token.children if c.dep_ not in ("punct", "relcl", "appos")
                or c.dep_ == "relcl" and not _set_off_by_comma(c)]
    return (len(children) == 1 and children[0].dep_ == "det" and children[0].lower_ in _SHORT_DETERMINERS
            and token.dep_ not in ("compound", "npadvmod"))


def _set_off_by_comma(token: Token) -> bool:
    left = token.left_edge.i
    return left > 0 and token.doc[left - 1].text == ","


def _same_head(lemma: str, earlier: str) -> bool:
    return lemma == earlier or len(lemma) >= 4 and earlier.endswith(lemma)


def _phrase(token: Token, resolution: Resolution) -> str:
    """The noun phrase of `token` without relative clauses, appositives and conjoined phrases after it."""
    cut = set()
    for child in token.children:
        if child.dep_ in ("relcl", "appos", "cc", "punct") or child.dep_ == "conj" and token.pos_ != "NOUN":
            cut |= {t.i for t in child.subtree}
    indices = sorted({t.i for t in token.subtree} - cut)
    doc = token.doc
    words = [resolution.replaced.get(i, doc[i].text) + (doc[i].whitespace_ if j == i + 1 else " ")
             for i, j in zip(indices, [*indices[1:], None], strict=False)]
    return re.sub(r"\s+", " ", "".join(words)).strip(" ,")


def _strip_det(phrase: str) -> str:
    return re.sub(r"^(?:the|a|an|this|that)\s+", "", phrase, flags=re.I)


def _lower_det(phrase: str) -> str:
    return re.sub(r"^(The|A|An|This|That)\b", lambda m: m.group(1).lower(), phrase)
