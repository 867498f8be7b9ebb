"""Pronouns and short references rewritten to the entity named earlier, so each claim reads on its own.

Rules (the nearest earlier mention wins; people and named events are remembered across the article, the rest
within the paragraph; noun phrases and `its` as below):
- `he`, `him`, `his`, `she`, `her` -> the last person named in full (`he explained` -> `Ci Guowei explained`);
- a surname or given name alone -> the full name named earlier (`Guowei noted` -> `Ci Guowei noted`);
- `they`, `them`, `their` -> the subject of an earlier clause that names several (`Russian and Tajikistani forces`);
- `its` -> the subject of an earlier clause of the same sentence, only when the claim has no subject of its own
  before it;
- `the/this exercise`, `the event`, `the drill` -> the last named event of that kind (`Peace Mission 2010`,
  `Joint Sea-2019` whole, not `Sea-2019`): an event named with its kind noun (`the Army-2019 forum`) is an
  exercise only if that noun is one; `the event` takes any;
- `the/this battalion`, `the agreement`, `the base` -> the nearest earlier noun phrase with that head, in the
  same number (`this battalion` may be `one of the battalions`, `the navies` is not `the Chinese navy`), and its
  modifiers (`the battalion in the 201st Military Base in Tajikistan`; `base` matches `airbase`): of the
  paragraph for `this`/`these`, of the article for `the`; a plural (`the ships`) with two different earlier sets
  in reach (`seven warships`, `thirteen surface ships`) may mean them all: kept as written;
- `the former` / `the latter` -> the first / second of the last pair named (`Moscow and Beijing`).
A reference whose antecedent is already in the claim stays as written.
A flashback (`Two years earlier, Joint Sea-2017 had taken Chinese warships ...`: past perfect, or `N years
earlier/ago`) is a digression: the events and noun phrases it names are antecedents within its own sentence and
for later flashbacks, and for the main line only when nothing there matches (`the exercise` after it is still
the article's exercise).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from sourcecheck.claims.dates import MONTHS

_EVENT = re.compile(r"\b((?:[A-Z][\w’']+\s+)+(?:19|20)\d\d|(?:[A-Z][\w’']+\s+)*[A-Z][a-z]+-(?:19|20)\d\d)\b")
_NOT_IN_NAMES = {"During", "In", "At", "On", "For", "Since", "After", "Before", "Unlike", "The", "Despite", "Ahead",
                 "Of", "Until", "From", "By"}
_EVENT_NOUNS = {"exercise", "event", "drill", "maneuver", "manoeuvre", "war-game", "wargame"}
_ANTERIOR = {"earlier", "ago", "before", "previously"}
_SHORT_DETERMINERS = {"the", "this", "that", "these", "those"}
_PERSON_PRONOUNS = {"he": "", "him": "", "she": "", "his": "’s", "her": "’s"}
_PLURAL_PRONOUNS = {"they": "", "them": "", "their": "’"}


@dataclass
class Resolution:
    """Token replacements for one parsed clause; `conditional` ones apply only to claims without a subject
    of their own before them (`its`)."""

    replaced: dict[int, str] = field(default_factory=dict)
    conditional: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class Mention:
    """Something a later reference may name: `kind` is an event's kind noun (None when named bare), `lemma` and
    `head` a noun phrase's head; `background`: named in a flashback."""

    text: str
    paragraph: int
    sentence: int
    background: bool
    lemma: str = ""
    head: Token | None = None
    kind: str | None = None


@dataclass
class ReferenceResolver:
    people: list[str] = field(default_factory=list)
    events: list[Mention] = field(default_factory=list)
    nouns: list[Mention] = field(default_factory=list)
    paragraph: int = 0
    sentence: int = 0
    plural_subjects: list[str] = field(default_factory=list)
    singular_subjects: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)

    def new_paragraph(self) -> None:
        self.paragraph += 1
        self.plural_subjects, self.singular_subjects, self.pairs = [], [], []

    def new_sentence(self) -> None:
        """`its` looks back only to the clauses of its own sentence."""
        self.singular_subjects = []
        self.sentence += 1

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
        elif lemma in _EVENT_NOUNS:
            events = self._in_reach([e for e in self.events if _of_kind(lemma, e.kind)], token.doc)
            if not events:
                return
            text = events[-1].text
        else:
            # a demonstrative (`this battalion`) points into its own paragraph; `the battalion` may reach further
            nearby = det.lower_ != "the"
            plural = token.tag_ in ("NNS", "NNPS")
            nouns = self._in_reach([n for n in self.nouns if _same_head(lemma, n.lemma) and n.head is not None
                                    and _number_agrees(plural, n.head)
                                    and not (nearby and n.paragraph != self.paragraph)], token.doc)
            if not nouns or plural and len({n.text.lower() for n in nouns}) > 1:
                return
            earlier = nouns[-1]
            head = earlier.head.text if earlier.head is not None else ""
            text = "the " + (earlier.text.replace(head, token.text, 1) if head and head in earlier.text
                             else earlier.text)
        resolution.replaced[det.i] = ""
        resolution.replaced[token.i] = text

    def _in_reach(self, mentions: list[Mention], doc: Doc) -> list[Mention]:
        """The main line does not reach into a flashback of another sentence, unless nothing else matches."""
        if _anterior(doc):
            return mentions
        main = [m for m in mentions if not m.background or m.sentence == self.sentence]
        return main or mentions

    def observe(self, doc: Doc, resolution: Resolution) -> None:
        """Remember what this clause names, as resolved (so `the base` named later is `the Kant airbase`)."""
        text = doc.text
        background = _anterior(doc)
        for match in _EVENT.finditer(text):
            name = _event_name(match.group(1))
            if name:
                span = doc.char_span(match.end(1) - len(name), match.end(1), alignment_mode="expand")
                self.events.append(Mention(name, self.paragraph, self.sentence, background,
                                           kind=_kind_noun(span) if span is not None else None))
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) >= 2 and not any(t.is_punct for t in ent):
                self.people.append(ent.text)
        for token in doc:
            phrase = _phrase(token, resolution)
            if token.pos_ == "NOUN" and token.dep_ != "compound" and not _is_short_reference(token) and \
                    any(c.dep_ in ("amod", "compound", "prep", "nummod", "acl", "nmod") for c in token.children):
                self.nouns.append(Mention(_strip_det(phrase), self.paragraph, self.sentence, background,
                                          token.lemma_.lower(), token))
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


def is_event_name(text: str) -> bool:
    """A named edition of an event (`Joint Sea-2019`, `Peace Mission 2012`): a thing that happened, not an agent."""
    match = _EVENT.fullmatch(re.sub(r"^(?:the|The)\s+", "", text.strip()))
    return match is not None and _event_name(match.group(1)) is not None


def _event_name(written: str) -> str | None:
    """The name in an `_EVENT` match, without the words before it (`During`, `Russia's`); a month and year
    (`May 2019`, `since June 2014`) names no event."""
    words = written.split()
    while words and (words[0] in _NOT_IN_NAMES or words[0].endswith(("’s", "'s"))):
        words.pop(0)
    if not (len(words) >= 2 or words and "-" in words[0]) or words[0].casefold().rstrip(".") in MONTHS:
        return None
    return " ".join(words)


def _anterior(doc: Doc) -> bool:
    """A flashback: the clause's verb in the past perfect (`had taken`), or set `two years earlier`/`ago`."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    perfect = root is not None and root.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ == "had" for c in root.children)
    return perfect or any(t.lower_ in _ANTERIOR and any(c.dep_ == "npadvmod" for c in t.children) for t in doc)


def _number_agrees(plural: bool, head: Token) -> bool:
    """`the navies` is not `the Chinese navy`; `this battalion` may be `one of the battalions`."""
    if head.tag_ in ("NNS", "NNPS"):
        return plural or head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ == "one"
    return not plural


def _kind_noun(span) -> str | None:
    """The noun an event is named with (`the Joint Sea-2019 exercise`, `Joint Sea-2019, an exercise`)."""
    root = span.root
    if root.head.i not in range(span.start, span.end) and root.dep_ in ("compound", "amod", "nmod", "nummod") \
            and root.head.pos_ == "NOUN":
        return root.head.lemma_.lower()
    appos = next((c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
    return appos.lemma_.lower() if appos is not None else None


def _of_kind(lemma: str, kind: str | None) -> bool:
    """`the event` names any event; `the exercise`, `the drill` one named bare or as an exercise or drill."""
    return lemma == "event" or kind is None or kind in _EVENT_NOUNS


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
