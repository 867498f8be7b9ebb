"""Is a claim a checkable report of fact, or opinion and analysis (`uncheckable`)?

Read from the dependency parse and an extendable word list (`claims/data/analysis_cues.txt`, plus the file
SOURCECHECK_ANALYSIS_CUES names): hedges (`probably`, `whether`, a modal `may` on the claim's predicate),
interpretive predicates with an abstract subject (`the move underscores ...`, `this marks ...`, a named event:
`Vostok-2018 showed ...`, as `the drills suggest` reads once its reference is resolved), evaluative
words as what the claim predicates (`was a diplomatic success`), the author's conclusions (`in short`), and
questions. What a named or unnamed source said stays checkable (the claim is that it was said): a cue after a
verb of saying or inside a quotation does not count. Conservative by design: a missed opinion is checked and
usually ends `not_found`, which a reviewer sees; a fact wrongly called opinion would never be checked at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from sourcecheck.claims.coreference import is_event_name
from sourcecheck.claims.nlp import nlp
from sourcecheck.core.settings import current_settings

_SAID = re.compile(r"\b(?:said|says|say|told|tells|stated|noted|emphasi[sz]ed|explained|announced|declared|warned|"
                   r"insisted|argued|added|claimed|stressed|reported|wrote|according to|called)\b", re.I)
_QUOTES = {"“": 1, "”": -1}
# Subjects that make an interpretive verb a report: people and bodies act (`Rahmon signaled`), records show.
_REPORTING_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
_RECORDS = frozenset({"image", "photo", "photograph", "footage", "video", "data", "figure", "statistic", "document",
                      "record", "survey", "poll", "map", "census", "chart", "table", "report", "test", "analysis"})
_PERSONAL = frozenset({"he", "she", "they", "we", "i", "you"})
_AGENTS = frozenset({"troop", "soldier", "official", "officer", "unit", "force", "army", "navy", "ministry",
                     "government", "diplomat", "leader", "delegation", "side", "president", "minister", "spokesman",
                     "spokeswoman", "company", "police", "guard", "sailor", "pilot", "crew", "analyst", "expert",
                     "commander", "authority", "parliament", "court", "committee", "envoy", "ambassador"})


@dataclass(frozen=True)
class Cues:
    phrases: re.Pattern | None
    modals: frozenset[str]
    interpretive: frozenset[tuple[str, bool, str]]  # (verb lemma, needs an object, particle/preposition or "")
    evaluative: frozenset[str]


def checkworthiness(text: str) -> tuple[bool, str]:
    """(checkworthy, reason when not)."""
    if text.rstrip().endswith("?"):
        return False, "a question, not a statement"
    cues = _cues(current_settings().analysis_cues)
    for start, word, what in _found(text, cues):
        if not _reported(text, start):
            return False, f"{what} (“{word}”)"
    return True, ""


def _found(text: str, cues: Cues):
    """(character offset, word as written, kind) of each cue in the text, in order."""
    found = []
    if cues.phrases is not None:
        found += [(m.start(), m.group(0), "opinion or analysis") for m in cues.phrases.finditer(text)]
    if cues.modals.intersection(text.lower().split()) or cues.interpretive or cues.evaluative:
        for token in nlp()(text):
            found += [(token.idx, token.text, what) for what in _token_cue(token, cues)]
    return sorted(found)


def _token_cue(token, cues: Cues) -> list[str]:
    lemma = token.lemma_.lower()
    if token.tag_ == "MD" and token.lower_ in cues.modals and token.head.dep_ == "ROOT":  # the claim's own verb
        return ["a hedge"]
    if token.pos_ == "VERB" and _interpretive(token, lemma, cues) and not _reporting_subject(token):
        return ["an interpretation"]
    if lemma in cues.evaluative and _predicated(token):
        return ["an evaluation"]
    return []


def _interpretive(token, lemma: str, cues: Cues) -> bool:
    particles = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "dative")} | {""}
    has_object = any(c.dep_ == "dobj" for c in token.children)
    return any((lemma, needs, p) in cues.interpretive for p in particles for needs in {False, has_object})


def _reporting_subject(verb) -> bool:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return True  # no subject of its own (a participle, an infinitive): not the claim's reading
    head = subjects[0]
    if is_event_name(head.doc[head.left_edge.i:max(head.right_edge.i + 1, verb.i)].text):
        return False  # `Joint Sea-2019 suggests` reads a meaning into the event, as `the drills suggest` does
    return (head.ent_type_ in _REPORTING_ENTITIES or head.lower_ in _PERSONAL
            or head.lemma_.lower() in _RECORDS | _AGENTS or head.pos_ == "PROPN")


def _predicated(token) -> bool:
    """The word is what the claim says its subject is (`was a success`, `is understandable`)."""
    if token.dep_ in ("acomp", "attr"):
        return True
    return token.dep_ == "amod" and token.head.dep_ == "attr" or (
        token.dep_ == "advmod" and token.head.dep_ == "acomp")


def _reported(text: str, start: int) -> bool:
    """The cue belongs to what a source said: after a verb of saying, or inside a quotation."""
    before = text[:start]
    inside_quote = sum(_QUOTES.get(ch, 0) for ch in before) > 0 or before.count('"') % 2 == 1
    return inside_quote or bool(_SAID.search(before))


def _interpretive_entry(line: str) -> tuple[str, bool, str]:
    """`suggest`, `amount to`, `turn _ into` (`_`: only with an object, so `the convoy turned into` is not)."""
    words = line.split()
    rest = words[1:]
    needs_object = bool(rest) and rest[0] == "_"
    rest = rest[1:] if needs_object else rest
    return words[0], needs_object, rest[0] if rest else ""


@lru_cache(maxsize=4)
def _cues(extra_path: str) -> Cues:
    text = resources.files("sourcecheck.claims").joinpath("data/analysis_cues.txt").read_text("utf-8")
    if extra_path:
        text += "\n[phrases]\n" + Path(extra_path).read_text(encoding="utf-8")
    sections: dict[str, list[str]] = {"phrases": [], "modals": [], "interpretive": [], "evaluative": []}
    section = "phrases"
    for raw in text.splitlines():
        line = raw.strip().lower()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            if section not in sections:
                raise ValueError(f"unknown section [{section}] in the analysis cues (known: {', '.join(sections)})")
            continue
        sections[section].append(line)
    phrases = sections["phrases"]
    pattern = re.compile(r"\b(" + "|".join(re.escape(c) for c in phrases) + r")\b", re.I) if phrases else None
    interpretive = frozenset(_interpretive_entry(w) for w in sections["interpretive"])
    return Cues(pattern, frozenset(sections["modals"]), interpretive, frozenset(sections["evaluative"]))
