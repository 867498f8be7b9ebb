"""The challenge set (tests/fixtures/challenge/, issue 24) through the real pipeline.

Every case is a short article in the genre with the sources it cites. For each case the article is written to a
Markdown file with its `published` date and read as `verify` reads it; the sources become a JSONL file read,
split, embedded and stored by the same code as `sources add`, in a warehouse of that case alone; then
`pipeline.article.verify_article_claims` extracts the claims (with slots), retrieves, scores with the default
scorer and decides with its verdict rule, as a `verify` run does. Models are loaded once for all cases, and
every passage text is embedded once (vectors depend on the text only).

An expect item picks claims by a case-insensitive substring and holds when at least one claim matches and every
matching claim has the expected status (and, for a contradiction, names the slot; and contains `explain`). An
atomic-claim item names a sentence and the exact claims it must yield. A case is right when all its items hold.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from sourcecheck.claims.articles import read_article
from sourcecheck.claims.outlets import load_registry
from sourcecheck.model.runs import ArticleResult, PriorScores
from sourcecheck.model.sources import Passage, SourceDocument
from sourcecheck.pipeline.article import verify_article_claims
from sourcecheck.pipeline.keys import settings_key
from sourcecheck.pipeline.settings import VerifySettings
from sourcecheck.scoring.registry import load_scorer
from sourcecheck.sources.documents import read_source_file
from sourcecheck.sources.duplicates import drop_duplicates
from sourcecheck.sources.embeddings import load_embedder
from sourcecheck.sources.passages import passages_of
from sourcecheck.sources.spaces import ENGLISH
from sourcecheck.warehouse import Warehouse

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "challenge"
CLASSES = ("negation", "event", "person", "relative_date", "source_missing", "atomic", "analysis",
           "control_supported", "control_contradicted")
# Issue 25's cross-lingual classes, in the same format: an English claim against one Russian or Chinese source.
CROSSLINGUAL_FIXTURE = FIXTURE.parent / "crosslingual-challenge"
CROSSLINGUAL_CLASSES = ("paraphrase", "number", "date", "place", "person", "silent", "other_event")
STATUSES = ("supported", "contradicted", "misattributed", "not_found", "source_missing", "uncheckable")
NOT_SUPPORTED = ("contradicted", "not_found", "source_missing", "misattributed", "uncheckable")
CASE_FIELDS = ("id", "class", "article", "sources", "expect", "note")


@dataclass(frozen=True)
class Case:
    case_id: str
    case_class: str
    published: str
    text: str
    sources: list[dict]
    expect: list[dict]
    note: str


@dataclass(frozen=True)
class ClaimOutcome:
    text: str
    status: str
    explanation: str


@dataclass
class ItemResult:
    expect: dict
    matched: list[ClaimOutcome]
    holds: bool
    why: str = ""                       # what went wrong, in words, when it does not hold
    produced: list[str] = field(default_factory=list)   # atomic items: the claims the sentence yielded


@dataclass
class CaseResult:
    case: Case
    items: list[ItemResult]
    claims: list[ClaimOutcome]
    seconds: float
    detail: ArticleResult | None = None   # kept only when asked for (one case in full)

    @property
    def right(self) -> bool:
        return all(item.holds for item in self.items)


def load_cases(directory: Path = FIXTURE, classes: tuple[str, ...] = CLASSES) -> list[Case]:
    """Every case of every *.jsonl file, validated: fields present, class among `classes` (another fixture in
    this format has its own), ids unique, expect items well formed. A malformed case is an error naming its
    file and line, not a case counted wrong."""
    cases: list[Case] = []
    seen: dict[str, str] = {}
    for path in sorted(directory.glob("*.jsonl")):
        for number, line in enumerate(path.read_text("utf-8").split("\n"), start=1):
            if line.strip():
                where = f"{path.name}:{number}"
                case = _case(json.loads(line), where, classes)
                if case.case_id in seen:
                    raise ValueError(f"{where}: duplicate id {case.case_id!r} (first at {seen[case.case_id]})")
                seen[case.case_id] = where
                cases.append(case)
    return cases


def _case(row: dict, where: str, classes: tuple[str, ...]) -> Case:
    missing = [f for f in CASE_FIELDS if f not in row]
    if missing:
        raise ValueError(f"{where}: missing {', '.join(missing)}")
    if row["class"] not in classes:
        raise ValueError(f"{where}: unknown class {row['class']!r}")
    article = row["article"]
    if not article.get("text", "").strip() or not article.get("published"):
        raise ValueError(f"{where}: the article needs `published` and `text`")
    for source in row["sources"]:
        if not all(source.get(f) for f in ("outlet", "published", "text")):
            raise ValueError(f"{where}: every source needs `outlet`, `published` and `text`")
    if not row["expect"]:
        raise ValueError(f"{where}: no expect items")
    for item in row["expect"]:
        if "sentence" in item:
            if not isinstance(item.get("claims"), list) or not item["claims"]:
                raise ValueError(f"{where}: an atomic item needs `sentence` and a list of `claims`")
        elif not item.get("claim") or item.get("status") not in STATUSES:
            raise ValueError(f"{where}: an item needs `claim` and a `status` among {', '.join(STATUSES)}")
        elif item.get("slot") and item["status"] != "contradicted":
            raise ValueError(f"{where}: `slot` is for contradicted items only")
    return Case(row["id"], row["class"], str(article["published"]), article["text"], row["sources"],
                row["expect"], row["note"])


def run_cases(cases: list[Case], settings: VerifySettings | None = None, keep_detail: bool = False) -> list[CaseResult]:
    """Every case through the pipeline, each in its own temporary warehouse."""
    settings = settings or VerifySettings()
    registry = load_registry()
    key = settings_key(settings, load_scorer(settings.scorer))
    results = []
    with tempfile.TemporaryDirectory(prefix="sourcecheck-challenge-") as tmp:
        workdir = Path(tmp)
        documents = {case.case_id: _documents(case, workdir / _safe(case.case_id), registry) for case in cases}
        vectors = _embed_all([p for docs in documents.values() for d in docs for p in passages_of(d)],
                             [d for docs in documents.values() for d in docs], settings)
        for case in cases:
            started = time.perf_counter()
            case_dir = workdir / _safe(case.case_id)
            index = _store(documents[case.case_id], vectors, case_dir / "challenge.duckdb", settings)
            article = read_article(_write_article(case, case_dir))
            result = verify_article_claims(article, case.case_id, index, settings, key, PriorScores())
            results.append(_judge(case, result, time.perf_counter() - started, keep_detail))
    return results


def _safe(case_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", case_id)


def _write_article(case: Case, case_dir: Path) -> Path:
    path = case_dir / "article.md"
    path.write_text(f"---\npublished: {case.published}\n---\n{case.text}\n", "utf-8")
    return path


def _documents(case: Case, case_dir: Path, registry) -> list[SourceDocument]:
    """The case's sources read as `sources add` reads a JSONL file, duplicates dropped as it drops them."""
    case_dir.mkdir(parents=True)
    if not case.sources:
        return []
    path = case_dir / "sources.jsonl"
    path.write_text("".join(json.dumps({"id": f"s{i}"} | source, ensure_ascii=False) + "\n"
                            for i, source in enumerate(case.sources)), "utf-8")
    return drop_duplicates(read_source_file(path, registry), [])


def _embed_all(passages: list[Passage], documents: list[SourceDocument],
               settings: VerifySettings) -> dict[str, dict[str, np.ndarray]]:
    """model -> text hash -> vector, for every passage text in that model's space (sources/spaces.py)."""
    language = {d.source_id: d.language for d in documents}
    vectors: dict[str, dict[str, np.ndarray]] = {}
    for model, english in settings.spaces.spaces():
        texts = {p.text_hash: p.text for p in passages
                 if english is None or (language[p.source_id] == ENGLISH) == english}
        encoded = list(load_embedder(model).encode(list(texts.values()))) if texts else []
        vectors[model] = dict(zip(texts, encoded, strict=True))
    return vectors


def _store(documents: list[SourceDocument], vectors: dict[str, dict[str, np.ndarray]], db: Path,
           settings: VerifySettings):
    passages = [p for d in documents for p in passages_of(d)]
    hashes = {p.text_hash for p in passages}
    spaces = []
    with Warehouse.open(db) as wh, wh.transaction():
        wh.sync_outlets(load_registry(), {d.outlet for d in documents})
        wh.store_sources(documents, passages)
        for model, english in settings.spaces.spaces():
            dimension = load_embedder(model).dimension
            wh.store_vectors(model, dimension, {h: v for h, v in vectors[model].items() if h in hashes})
            spaces.append((model, dimension, english))
    with Warehouse.open(db, read_only=True) as wh:
        return wh.passage_index_of(spaces)


def _judge(case: Case, result: ArticleResult, seconds: float, keep_detail: bool) -> CaseResult:
    verdicts = {v.claim_id: v for v in result.verdicts}
    claims = result.extracted.claims
    outcomes = [ClaimOutcome(c.text, str(verdicts[c.claim_id].status), verdicts[c.claim_id].explanation)
                for c in claims]
    items = []
    for item in case.expect:
        if "sentence" in item:
            items.append(_atomic_item(item, result))
        else:
            matched = [o for o in outcomes if item["claim"].lower() in o.text.lower()]
            items.append(judge_status_item(item, matched))
    return CaseResult(case, items, outcomes, round(seconds, 3), result if keep_detail else None)


def judge_status_item(item: dict, matched: list[ClaimOutcome]) -> ItemResult:
    """An expect item against the claims its substring picked (also the rule of the gold verdict files)."""
    if not matched:
        return ItemResult(item, matched, False, f"no claim contains {item['claim']!r}")
    for outcome in matched:
        if outcome.status != item["status"]:
            return ItemResult(item, matched, False, f"{outcome.status}, expected {item['status']}")
        if item.get("slot") and f"differs on {item['slot']}" not in outcome.explanation:
            return ItemResult(item, matched, False, f"contradicted without 'differs on {item['slot']}'")
        if item.get("explain") and item["explain"].lower() not in outcome.explanation.lower():
            return ItemResult(item, matched, False, f"explanation lacks {item['explain']!r}")
    return ItemResult(item, matched, True)


def _atomic_item(item: dict, result: ArticleResult) -> ItemResult:
    sentences = [s for s in result.extracted.sentences if item["sentence"].lower() in s.text.lower()]
    if not sentences:
        return ItemResult(item, [], False, f"no sentence contains {item['sentence']!r}")
    ids = {s.sentence_id for s in sentences}
    produced = [c.text for c in sorted(result.extracted.claims, key=lambda c: (c.sentence_index, c.claim_index))
                if c.sentence_id in ids]
    holds = [_normal(c) for c in produced] == [_normal(c) for c in item["claims"]]
    return ItemResult(item, [], holds, "" if holds else "the sentence yields other claims", produced)


def _normal(text: str) -> str:
    return " ".join(text.split()).rstrip(".").strip().lower()


def measures(results: list[CaseResult]) -> dict:
    """Per class accuracy (cases right / cases), per item accuracy, the two headline rates, the failures."""
    by_class: dict[str, list[CaseResult]] = {}
    for result in results:
        by_class.setdefault(result.case.case_class, []).append(result)
    status_items = [(r, i) for r in results for i in r.items if "claim" in i.expect]
    not_contra = [i for _, i in status_items if i.expect["status"] != "contradicted"]
    not_support = [i for _, i in status_items if i.expect["status"] in NOT_SUPPORTED]
    false_contra = [i for i in not_contra if any(o.status == "contradicted" for o in i.matched)]
    false_support = [i for i in not_support if any(o.status == "supported" for o in i.matched)]
    items = [i for r in results for i in r.items]
    return {
        "cases": len(results),
        "classes": {name: {"cases": len(rs), "right": sum(r.right for r in rs),
                           "accuracy": _rate(sum(r.right for r in rs), len(rs)),
                           "items": sum(len(r.items) for r in rs),
                           "items_right": sum(i.holds for r in rs for i in r.items),
                           "item_accuracy": _rate(sum(i.holds for r in rs for i in r.items),
                                                  sum(len(r.items) for r in rs))}
                    for name, rs in sorted(by_class.items(), key=lambda kv: _class_order(kv[0]))},
        "accuracy": _rate(sum(r.right for r in results), len(results)),
        "item_accuracy": _rate(sum(i.holds for i in items), len(items)),
        "false_contradiction": {"rate": _rate(len(false_contra), len(not_contra)), "items": len(false_contra),
                                "of": len(not_contra)},
        "false_support": {"rate": _rate(len(false_support), len(not_support)), "items": len(false_support),
                          "of": len(not_support)},
        "failures": [failure(r) for r in results if not r.right],
        "seconds": {"cases": round(sum(r.seconds for r in results), 1),
                    "per_case_mean": round(sum(r.seconds for r in results) / max(len(results), 1), 3)},
    }


def failure(result: CaseResult) -> dict:
    """A wrong case in words: its trap, and each item that did not hold with what the pipeline said."""
    return {"id": result.case.case_id, "class": result.case.case_class, "note": result.case.note,
            "items": [{"expect": i.expect, "why": i.why,
                       "got": [{"claim": o.text, "status": o.status, "explanation": o.explanation}
                               for o in i.matched] or ({"produced": i.produced} if i.produced
                                                       else {"claims": [o.text for o in result.claims]})}
                      for i in result.items if not i.holds]}


def case_detail(result: CaseResult) -> dict:
    """One case in full: every claim with its verdict, and the passages it was scored against."""
    detail = result.detail
    out = failure(result) | {"right": result.right, "article": result.case.text, "seconds": result.seconds,
                             "items": [{"expect": i.expect, "holds": i.holds, "why": i.why, "produced": i.produced}
                                       for i in result.items]}
    if detail is None:
        return out
    scores = {(s.claim_id, s.passage_id): s for s in detail.scores}
    verdicts = {v.claim_id: v for v in detail.verdicts}
    out["claims"] = [{
        "claim": c.text, "cited": list(c.cited_outlets),
        "dates": [str(c.date_start), str(c.date_end)], "checkworthy": c.checkworthy,
        "status": str(verdicts[c.claim_id].status), "explanation": verdicts[c.claim_id].explanation,
        "candidates": [{"scope": k.scope, "outlet": k.outlet, "published": str(k.published), "text": k.text,
                        "support": round(scores[(c.claim_id, k.passage_id)].support, 3),
                        "contradiction": round(scores[(c.claim_id, k.passage_id)].contradiction, 3),
                        "explanation": scores[(c.claim_id, k.passage_id)].explanation}
                       for k in detail.candidates if k.claim_id == c.claim_id]}
        for c in detail.extracted.claims]
    return out


def _class_order(name: str) -> int:
    return CLASSES.index(name) if name in CLASSES else len(CLASSES)


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
