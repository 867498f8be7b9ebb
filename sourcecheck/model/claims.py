"""The records of an article and its claims: what the claims stage makes, the warehouse stores and retrieval reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    article_id: str            # stable across edits: front-matter `id`, else publication + title, else its path
    path: str
    title: str | None
    publication: str | None
    published: dt.date | None
    body: str
    content_hash: str          # changes whenever the body or front matter changes


@dataclass(frozen=True)
class Sentence:
    sentence_id: str
    article_id: str
    paragraph_index: int
    sentence_index: int        # position in the article, 0-based
    start: int                 # character offsets in Article.body
    end: int
    text: str


@dataclass(frozen=True)
class Citation:
    """One credit as written: `(Interfax, Xinhua, June 18)`, `Krasnaya Zvezda reported that`, `observers told`."""

    citation_id: str
    sentence_id: str
    kind: str                  # the citation form that found it: parenthetical | inline | unnamed | ...
    raw: str
    outlets: tuple[str, ...]   # canonical names (unregistered outlets keep their written name)
    outlet_names: tuple[str, ...]  # as written
    date_start: dt.date | None
    date_end: dt.date | None
    cut: tuple[int, int] | None = None  # characters of the sentence that are the credit, not the claim


@dataclass(frozen=True)
class Quantity:
    """A number as a text states it and the interval of values it allows, on which claims and passages are
    compared: `around 2,000 personnel` -> 2000, approximator `around`, unit `personnel`, 1,800 to 2,200."""

    written: str
    value: float               # the number stated, in the unit's terms (a range's first number)
    approximator: str | None   # as written, lower case: around | close to | up to | more than | около | 约 | ...
    unit: str                  # a kind of thing counted: personnel | km | exercise | vehicle | usd | percent | ...
    low: float                 # the values the text allows; high is inf for "more than 1,000"
    high: float


@dataclass(frozen=True)
class DateSlot:
    """Days a claim names, placed in its article's year (the comparison reads them without a year)."""

    written: str
    start: dt.date | None      # None when the year cannot be known
    end: dt.date | None


@dataclass(frozen=True)
class ClaimSlots:
    """The checkable parts of a claim (stored in `claim_slots`). Its quantities, dates, people and places are
    exactly those its verdicts compare (sourcecheck.slots reads both); organisations and quotes are recorded
    for queries, compared by no verdict."""

    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateSlot, ...] = ()
    people: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    venues: tuple[str, ...] = ()   # the places named as where something happened: compared, not only named
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reference:
    """A pronoun or short reference rewritten so the claim reads on its own: `he` -> `Ci Guowei`."""

    mention: str
    resolved: str


@dataclass(frozen=True)
class Claim:
    claim_id: str
    article_id: str
    sentence_id: str
    sentence_index: int
    claim_index: int           # position within its sentence
    text: str
    span: tuple[int, int]      # character span of the claim in its sentence
    citation_id: str | None
    assigned_by: str           # parenthetical | inherited | inline | unnamed | none
    cited_outlets: tuple[str, ...]
    date_start: dt.date | None
    date_end: dt.date | None
    checkworthy: bool          # false for opinion and analysis: verdict `uncheckable`
    checkworthy_reason: str = ""
    claim_type: str = "factual"  # factual | quote | opinion | prediction
    slots: ClaimSlots = ClaimSlots()
    references: tuple[Reference, ...] = ()
    written_on: dt.date | None = None  # the article's date: "on Tuesday" in the claim is read against it


@dataclass(frozen=True)
class ExtractedArticle:
    """One article read by the claims stage: everything the warehouse records of it."""

    article: Article
    sentences: list[Sentence]
    citations: list[Citation]
    claims: list[Claim]
