"""Synthetic NLI pairs for the errors that matter in news claims (the FactCC / MiniCheck recipe).

From a page of real sentences, for an anchor sentence s inside a premise window of 1-3 consecutive sentences:
- entailment: s itself, or a sub-claim of s (one optional dependency subtree dropped: an appositive, a relative
  clause, a prepositional or adverbial modifier, a coordinated clause);
- contradiction: s or its sub-claim with one slot changed (a number, a date, a place, a person, an organisation)
  or its negation flipped;
- neutral: another sentence of the same page outside the window, preferring one that shares a named entity with
  the window (the hard case: same topic, different fact).
Unstated details (`unstated_detail_pairs_for_page`) are the inverse of a sub-claim: the whole sentence read
against its copy with one detail dropped is neutral.
Composite claims (`composite_pairs_for_page`) are shaped like WiCE's: one long claim joining two facts of a page,
read against a set of 2-5 sentences of it in any order (what the scorer reads as "the top passages together"):
entailment when both facts are in the set, neutral when one is missing (WiCE's "partially supported", 55% of its
dev rows), contradiction when one of them has a slot changed.
Every generated pair records which recipe made it, so the training log can report accuracy per recipe.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

SWAPPABLE = {"GPE": "place", "LOC": "place", "PERSON": "person", "ORG": "organisation", "NORP": "group"}
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "fifteen", "twenty", "thirty", "forty", "fifty", "hundred"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DROPPABLE = {"appos", "relcl", "advcl", "prep", "npadvmod", "acl", "conj", "parataxis"}
NEGATABLE_AUX = {"is", "was", "are", "were", "has", "have", "had", "can", "will", "would", "could", "should", "did",
                 "does", "do"}


@dataclass(frozen=True)
class Pair:
    premise: str
    hypothesis: str
    label: str
    recipe: str


def usable(sentence: str) -> bool:
    words = sentence.split()
    return 6 <= len(words) <= 60 and not sentence.startswith("(meta data)") and sum(c.isalpha() for c in sentence) > 25


def sub_claim(doc, rng: random.Random) -> str | None:
    """The sentence with one optional subtree dropped; None when nothing droppable keeps a verb and subject."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in {"VERB", "AUX"} or any(t.dep_ == "neg" for t in doc):
        return None  # dropping a modifier under a negation does not keep entailment
    options = [t for t in doc if t.dep_ in DROPPABLE and t.head.i != t.i and root not in t.subtree
               and (t.dep_ != "prep" or t.head.pos_ in {"VERB", "NOUN", "PROPN"})]
    rng.shuffle(options)
    for token in options:
        span = list(token.subtree)
        start, end = span[0].i, span[-1].i + 1
        if end - start >= len(doc) - 4:
            continue
        if token.dep_ == "conj":  # drop the conjunction too
            start = next((t.i for t in doc[max(0, start - 2):start] if t.dep_ in {"cc", "punct"}), start)
        kept = doc[:start].text_with_ws + doc[end:].text_with_ws
        gap = " " if token.dep_ in {"appos", "relcl", "acl"} else ","  # "X, who ..., is" -> "X is"
        kept = re.sub(r"\s+([,.;:])", r"\1", re.sub(r",\s*,", gap, kept)).strip().rstrip(",;:")
        kept = re.sub(r"\s{2,}", " ", kept)
        if len(kept.split()) >= 5 and not kept.endswith(("the", "a", "of", "and")):
            return kept if kept.endswith((".", "!", "?", '"')) else kept + "."
    return None


def changed_number(text: str, rng: random.Random) -> str | None:
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    if digits:
        raw = digits.group()
        value = float(raw.replace(",", ""))
        if 1900 <= value <= 2100 and "," not in raw and "." not in raw:  # a year
            new = str(int(value) + rng.choice([-7, -3, -2, -1, 1, 2, 3, 5]))
        else:
            factor = rng.choice([0.4, 0.5, 0.6, 0.75, 1.3, 1.5, 2, 3])
            new_value = value * factor
            new = (f"{new_value:,.0f}" if "," in raw else f"{new_value:.0f}") if "." not in raw else f"{new_value:.1f}"
            if new == raw:
                new = str(int(value) + rng.randint(2, 9))
        return text[:digits.start()] + new + text[digits.end():]
    words = [w for w in NUMBER_WORDS if re.search(rf"\b{w}\b", text, re.I)]
    if words:
        word = words[0]
        other = rng.choice([w for w in NUMBER_WORDS if w != word])
        return re.sub(rf"\b{word}\b", other, text, count=1, flags=re.I)
    return None


def changed_date(text: str, rng: random.Random) -> str | None:
    month = re.search(r"\b(" + "|".join(MONTHS) + r")\b", text)
    if month:
        other = rng.choice([m for m in MONTHS if m != month.group()])
        return text[:month.start()] + other + text[month.end():]
    return changed_number(text, rng)


def changed_entity(text: str, entity, pool: list[str], rng: random.Random) -> str | None:
    candidates = [p for p in pool if p.lower() not in text.lower() and entity.text.lower() not in p.lower()]
    if not candidates:
        return None
    other = rng.choice(candidates)
    return text.replace(entity.text, other)


def flipped_negation(doc) -> str | None:
    for token in doc:
        if token.dep_ == "neg" and token.head.dep_ == "ROOT":
            kept = (doc[:token.i].text_with_ws + doc[token.i + 1:].text_with_ws).replace("  ", " ")
            return kept.replace("n't", "").strip() if token.text == "n't" else kept.strip()
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    aux = [t for t in (root.children if root is not None else []) if t.dep_ in {"aux", "auxpass"}
           and t.text.lower() in NEGATABLE_AUX]
    if root is not None and root.text.lower() in {"is", "was", "are", "were"}:
        aux = [root]
    if not aux:
        return None
    token = aux[0]
    return (doc[:token.i + 1].text_with_ws.rstrip() + " not " + doc[token.i + 1:].text_with_ws).strip()


def contradiction_of(doc, pools: dict[str, list[str]], rng: random.Random) -> tuple[str, str] | None:
    """(changed text, recipe) with one slot of the sentence changed, or None when it has no changeable slot."""
    text = doc.text
    entities = [e for e in doc.ents if e.label_ in SWAPPABLE or e.label_ in {"DATE", "CARDINAL", "QUANTITY",
                                                                             "MONEY", "PERCENT"}]
    rng.shuffle(entities)
    if rng.random() < 0.5:  # numbers and dates are what news claims most often get wrong: favour them
        entities.sort(key=lambda e: e.label_ not in {"DATE", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
    for entity in entities:
        if entity.label_ == "DATE":
            changed, recipe = changed_date(entity.text, rng), "date"
            changed = changed and text.replace(entity.text, changed, 1)
        elif entity.label_ in {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}:
            changed, recipe = changed_number(entity.text, rng), "number"
            changed = changed and text.replace(entity.text, changed, 1)
        else:
            recipe = SWAPPABLE[entity.label_]
            changed = changed_entity(text, entity, pools[recipe], rng)
        if changed and changed != text:
            return changed, recipe
    negated = flipped_negation(doc)
    return (negated, "negation") if negated and negated != text else None


def entity_pools(docs: Iterable) -> dict[str, list[str]]:
    pools: dict[str, set[str]] = {kind: set() for kind in set(SWAPPABLE.values())}
    for doc in docs:
        for entity in doc.ents:
            if entity.label_ in SWAPPABLE and 2 < len(entity.text) < 40 and "\n" not in entity.text:
                pools[SWAPPABLE[entity.label_]].add(entity.text)
    return {kind: sorted(names) for kind, names in pools.items()}


def window_around(i: int, count: int, rng: random.Random) -> tuple[int, int]:
    """[start, end) of a window of 1-3 consecutive sentences (of `count`) that holds sentence i."""
    start = rng.randint(max(0, i - 2), i)
    end = min(count, start + rng.randint(1, 3), i + 3)
    return start, max(end, i + 1)


def pairs_for_page(docs: list, pools: dict[str, list[str]], rng: random.Random, anchors: int) -> Iterator[Pair]:
    """Pairs anchored on up to `anchors` usable sentences of one page (`docs`: its parsed sentences, in order)."""
    usable_at = [i for i, doc in enumerate(docs) if usable(doc.text)]
    for i in rng.sample(usable_at, min(anchors, len(usable_at))):
        start, end = window_around(i, len(docs), rng)
        premise = " ".join(d.text for d in docs[start:end])
        anchor = docs[i]
        recipe_roll = rng.random()
        sub = sub_claim(anchor, rng) if recipe_roll < 0.6 else None
        yield Pair(premise, sub or anchor.text, "entailment", "sub-claim" if sub else "same sentence")
        changed = contradiction_of(anchor, pools, rng)
        if changed:
            yield Pair(premise, changed[0], "contradiction", changed[1])
        outside = [j for j in usable_at if j < start - 1 or j > end]
        if outside:
            window_names = {e.text for d in docs[start:end] for e in d.ents}
            shared = [j for j in outside if window_names & {e.text for e in docs[j].ents}]
            j = rng.choice(shared or outside)
            yield Pair(premise, docs[j].text, "neutral", "same page, shared entity" if shared else "same page")


def words_of(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def restates(sentence: str, fact: str) -> bool:
    """Whether `sentence` carries most of `fact`'s words (pages repeat themselves: menus, captions, summaries)."""
    fact_words = words_of(fact)
    return len(fact_words & words_of(sentence)) >= 0.5 * len(fact_words)


def unstated_detail_pairs_for_page(docs: list, rng: random.Random, anchors: int) -> Iterator[Pair]:
    """Neutral pairs in the commonest form of WiCE's "partially supported": the claim is a whole sentence of the
    page, the premise is its window with that sentence's copy missing one detail (an appositive, a modifier, a
    clause: the inverse of a sub-claim). Kept only when the detail has at least two content words that the rest
    of the premise does not state."""
    usable_at = [i for i, doc in enumerate(docs) if usable(doc.text)]
    for i in rng.sample(usable_at, min(anchors, len(usable_at))):
        sub = sub_claim(docs[i], rng)
        if sub is None:
            continue
        start, end = window_around(i, len(docs), rng)
        premise = " ".join(sub if k == i else docs[k].text for k in range(start, end))
        detail = {w for w in words_of(docs[i].text) - words_of(sub) if len(w) > 3 or w.isdigit()}
        if len(detail) >= 2 and len(detail & words_of(premise)) <= len(detail) / 2:
            yield Pair(premise, docs[i].text, "neutral", "detail left out")


def joined(first: str, second_doc, second: str, rng: random.Random) -> str:
    """One claim of two facts: "A, and b." / "A; b." / "A, while b." / "A and b." """
    head = second if second_doc[0].pos_ == "PROPN" or second_doc[0].text == "I" else second[:1].lower() + second[1:]
    return first.rstrip(" .!?") + rng.choice([", and ", "; ", ", while ", " and "]) + head


def composite_pairs_for_page(docs: list, pools: dict[str, list[str]], rng: random.Random, count: int,
                             max_words: int = 100) -> Iterator[Pair]:
    """Up to `count` composite claims of one page, each with its entailed, partial and (when a slot of the
    second fact can change) contradicted reading."""
    short = [i for i, doc in enumerate(docs) if usable(doc.text) and len(doc.text.split()) <= 30]
    if len(short) < 3:
        return
    names = [{e.text for e in docs[i].ents} for i in range(len(docs))]
    for _ in range(count):
        i = rng.choice(short)
        others = [j for j in short if j != i and not restates(docs[j].text, docs[i].text)]
        if not others:
            continue
        j = rng.choice([j for j in others if names[i] & names[j]] or others)
        first = sub_claim(docs[i], rng) if rng.random() < 0.5 else None
        second = sub_claim(docs[j], rng) if rng.random() < 0.5 else None
        first, second = first or docs[i].text, second or docs[j].text
        claim = joined(first, docs[j], second, rng)
        fillers = [k for k in short if k not in (i, j) and not restates(docs[k].text, docs[i].text)
                   and not restates(docs[k].text, docs[j].text)]
        chosen = [i, j] + rng.sample(fillers, min(len(fillers), rng.randint(0, 3)))
        words = [len(docs[k].text.split()) for k in chosen]
        while len(chosen) > 2 and sum(words) + len(claim.split()) > max_words:
            chosen.pop(), words.pop()
        if sum(words) + len(claim.split()) > max_words:
            continue
        rng.shuffle(chosen)
        premise = " ".join(docs[k].text for k in chosen)
        yield Pair(premise, claim, "entailment", "composite, both stated")
        missing = rng.choice([i, j])  # the partial reading: either fact may be the one left out
        stand_in = [k for k in fillers if k not in chosen and names[k] & names[missing]] or \
                   [k for k in fillers if k not in chosen]
        partial = [rng.choice(stand_in) if k == missing else k for k in chosen] if stand_in else \
                  [k for k in chosen if k != missing]
        yield Pair(" ".join(docs[k].text for k in partial), claim, "neutral", "composite, one fact missing")
        changed = contradiction_of(docs[j], pools, rng)
        if changed:
            yield Pair(premise, joined(first, docs[j], changed[0], rng), "contradiction",
                       f"composite, {changed[1]} changed")
