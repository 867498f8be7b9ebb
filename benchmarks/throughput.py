"""Ingest and verification throughput against a store of N passages of real text (benchmarks/corpus.py).

    .venv/bin/python benchmarks/throughput.py --passages 10000      # also 100000, 1000000; --profile

- Stores: up to 20k passages, built by a real `sources add` (that is the ingest measurement); larger ones are
  built directly (passages from the known sentences, not pysbd) with vectors made once and cached in
  ~/.cache/sourcecheck-bench/: each real sentence is embedded with the configured model, and a recombined
  sentence's vector is the normalised sum of the vectors of the two real sentences it is cut from (embedding
  100k-1M sentences here would take hours of a shared 2-core machine; retrieval costs the same on any values).
- ingest: `sources add` of 10k passages (new documents, every sentence embedded) in a process that has
  ingested once already (Prefect started, model loaded), into a new warehouse for a small N, into a copy of
  the N-passage store for N = 100k; then the same files again (nothing changed). Passages per second.
- verify: WiCE's 349 real claims in 9 articles, credited to outlets and days of the store, through
  `verify_article_claims` (the function each verification task runs): claims per second of retrieval plus
  scoring (embedding the claims, cited and store search, scores, verdicts; claim extraction is timed apart),
  the exact retrieval alone in ms per claim, then one whole `verify` flow run (index load, 9 articles, records).

Best of --repeat attempts, each with its load average. Each phase runs in its own process, so its peak memory
is its own. JSON to benchmarks/results/throughput-N-SCORER.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import corpus
from measure import CACHE, best_of, load_average, peak_memory_mb, profiled, write_result

if TYPE_CHECKING:   # numpy is imported where it is used: the driver process stays light
    import numpy as np

CORPUS_VERSION = 1   # bump when corpus.py changes what it generates: cached stores are rebuilt
BUILT_DIRECTLY_FROM = 20_001
INGEST_PASSAGES = 10_000
INGEST_INTO_UP_TO = 200_000   # ingest into a copy of the store up to this size (copying 1M passages: 2.5 GB)


def store_path(passages: int) -> Path:
    return CACHE / f"store-{passages}-v{CORPUS_VERSION}.duckdb"


# -- phases (each in its own process) ------------------------------------------------------------------------

def ingest_phase(passages: int, repeats: int, profile: bool) -> dict:
    """10k passages of new documents into a new warehouse (small N: it becomes the N-passage store) or into a
    copy of the directly built N-passage store."""
    from sourcecheck.flows import set_quiet_offline_defaults
    set_quiet_offline_defaults()   # before Prefect is imported
    from sourcecheck.flows import local_run_settings
    from sourcecheck.flows.ingest import ingest_sources
    from sourcecheck.pipeline.settings import VerifySettings

    model = VerifySettings.from_env().embedding_model
    into_store = passages >= BUILT_DIRECTLY_FROM
    with tempfile.TemporaryDirectory() as tmp, local_run_settings():
        work = Path(tmp)
        files = corpus.write_documents(work / "documents", INGEST_PASSAGES if into_store else passages,
                                       first=passages if into_store else 0)
        warm_up = corpus.write_documents(work / "warm-up", 24, first=passages + INGEST_PASSAGES)
        ingest_sources([str(f) for f in warm_up], str(work / "warm-up.duckdb"), model)
        attempt = iter(range(repeats))

        def ingest():
            db = work / f"store-{next(attempt)}.duckdb"
            if into_store:
                shutil.copy(store_path(passages), db)
            with profiled(f"ingest-{passages}" if profile else None):
                return db, ingest_sources([str(f) for f in files], str(db), model)

        seconds, attempts, (db, summary) = best_of(repeats, ingest)
        again, again_attempts, _ = best_of(repeats, lambda: ingest_sources([str(f) for f in files], str(db), model))
        if not into_store:
            store_path(passages).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(db, store_path(passages))
    return {"ingest_into": f"a copy of the {passages}-passage store" if into_store else "a new warehouse",
            "ingest_documents": summary.documents, "ingest_passages": summary.passages,
            "ingest_vectors_embedded": summary.embedded,
            "ingest_seconds": seconds, "ingest_passages_per_second": round(summary.passages / seconds, 1),
            "ingest_attempts": attempts, "unchanged_reingest_seconds": again,
            "unchanged_reingest_attempts": again_attempts, "ingest_peak_memory_mb": peak_memory_mb()}


def build_phase(passages: int) -> dict:
    """A store of `passages` real-text passages written directly (for 1M: pysbd and MiniLM over a million
    sentences would take hours here), with cached vectors."""
    import numpy as np

    from sourcecheck.claims.outlets import load_registry
    from sourcecheck.core.ids import content_id
    from sourcecheck.model.sources import Passage
    from sourcecheck.pipeline.settings import VerifySettings
    from sourcecheck.sources.documents import read_source_file
    from sourcecheck.sources.embeddings import load_embedder
    from sourcecheck.warehouse import Warehouse

    started = time.perf_counter()
    model = VerifySettings.from_env().embedding_model
    embedder = load_embedder(model)
    real = real_sentence_vectors(embedder)
    target = store_path(passages)
    partial = target.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    registry = load_registry()
    with tempfile.TemporaryDirectory() as tmp, Warehouse.open(partial) as wh:
        records = list(corpus.documents(passages))
        jsonl = Path(tmp) / "documents.jsonl"
        jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r, _ in records), encoding="utf-8")
        documents = read_source_file(jsonl, registry)
        passage_rows, vectors = [], {}
        for document, (_, sentences) in zip(documents, records, strict=True):
            texts = [s for s, _ in sentences]
            offset = 0
            for i, (text, origin) in enumerate(sentences):
                context = " ".join(texts[max(0, i - 1): i + 2])
                text_hash = content_id("text", text)
                passage_rows.append(Passage(content_id("passage", document.source_id, i), document.source_id, i,
                                            text, context, offset, offset + len(text), text_hash))
                offset += len(text) + 1
                vector = real[list(origin)].sum(axis=0)
                vectors[text_hash] = vector / np.linalg.norm(vector)
        with wh.transaction():
            wh.sync_outlets(registry, {d.outlet for d in documents})
            wh.store_sources(documents, passage_rows)
        hashes = list(vectors)
        for start in range(0, len(hashes), 100_000):
            with wh.transaction():
                wh.store_vectors(model, embedder.dimension, {h: vectors[h] for h in hashes[start: start + 100_000]})
    partial.rename(target)
    return {"store_built_seconds": round(time.perf_counter() - started, 1), "store_passages": len(passage_rows),
            "real_sentences_embedded": len(real), "build_peak_memory_mb": peak_memory_mb()}


def real_sentence_vectors(embedder) -> np.ndarray:
    import numpy as np

    cache = CACHE / f"real-sentences-{CORPUS_VERSION}-{embedder.model_id.replace('/', '_')}.npy"
    if cache.is_file():
        return np.load(cache)
    vectors = embedder.encode(corpus.shuffled_sentences(), "embedding the real sentences")
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.save(cache, vectors)
    return vectors


def verify_phase(passages: int, repeats: int, profile: bool) -> dict:
    import sourcecheck.flows  # noqa: F401
    from sourcecheck.claims.extract import extract_claims
    from sourcecheck.claims.outlets import load_registry
    from sourcecheck.flows.verify import run_verification
    from sourcecheck.model.runs import PriorScores
    from sourcecheck.pipeline.article import verify_article_claims
    from sourcecheck.pipeline.plan import read_articles
    from sourcecheck.pipeline.settings import VerifySettings
    from sourcecheck.slots import people, reading
    from sourcecheck.sources.embeddings import load_embedder
    from sourcecheck.sources.retrieval import ClaimQuery, retrieve_all
    from sourcecheck.warehouse import Warehouse

    settings = VerifySettings.from_env()
    embedder = load_embedder(settings.embedding_model)
    db = store_path(passages)
    started = time.perf_counter()
    with Warehouse.open(db, read_only=True) as wh:
        index = wh.passage_index(settings.embedding_model, embedder.dimension)
    load_seconds, store_passages = round(time.perf_counter() - started, 2), len(index)
    with tempfile.TemporaryDirectory() as tmp:
        paths = [str(p) for p in corpus.claim_articles(Path(tmp))]
        articles = read_articles(paths)
        started = time.perf_counter()
        extracted = [extract_claims(a, load_registry()) for a in articles]
        claims_seconds = round(time.perf_counter() - started, 2)
        checkable = [c for e in extracted for c in e.claims if c.checkworthy]

        def verify_all(index) -> dict[str, float]:
            # every attempt reads the passages afresh: the slot caches would make a repeat of the same claims
            # cheaper than any first verification (measured: 0.6 s of scoring warm against 24 s cold at 100k)
            reading._slots_of.cache_clear()
            people._people_in.cache_clear()
            stages: dict[str, float] = {}
            for article in articles:
                result = verify_article_claims(article, "", index, settings, "", PriorScores())
                for stage, seconds in result.stage_seconds.items():
                    stages[stage] = stages.get(stage, 0.0) + seconds
            return stages

        verify_article_claims(articles[0], "", index, settings, "", PriorScores())   # warm: models loaded
        with profiled(f"verify-{passages}-{settings.scorer}" if profile else None):
            _, attempts, stages = best_of(repeats, partial(verify_all, index))
        retrieval_scoring = stages["retrieve"] + stages["score"] + stages["decide"]
        vectors = embedder.encode([c.text for c in checkable], "embedding claims")
        queries = [ClaimQuery(c.claim_id, v, c.cited_outlets, c.date_start, c.date_end)
                   for c, v in zip(checkable, vectors, strict=True)]
        retrieval, retrieval_attempts, _ = best_of(repeats, partial(retrieve_all, index, queries))
        del index   # the flow run below loads its own
        work = Path(tmp) / "flow.duckdb"
        shutil.copy(db, work)
        flow_seconds, flow_attempts, outcome = best_of(1, lambda: run_verification(paths, str(work), settings))
    return {
        "store_passages": store_passages,
        "index_load_seconds": load_seconds,
        "articles": len(articles), "claims": sum(len(e.claims) for e in extracted), "checkable_claims": len(checkable),
        "claim_extraction_seconds": claims_seconds,
        "retrieval_and_scoring_seconds": round(retrieval_scoring, 3),
        "claims_per_second": round(len(checkable) / retrieval_scoring, 1),
        "stage_seconds_best_attempt": {k: round(v, 3) for k, v in stages.items()},
        "verify_attempts": attempts,
        "exact_retrieval_ms_per_claim": round(1000 * retrieval / len(checkable), 2),
        "exact_retrieval_attempts": retrieval_attempts,
        "verify_flow_seconds": flow_seconds, "verify_flow_attempts": flow_attempts,
        "verify_flow_runs_recorded": len(outcome.runs),
        "verify_peak_memory_mb": peak_memory_mb(),
    }


# -- driver --------------------------------------------------------------------------------------------------

def in_child(phase: str, args: argparse.Namespace) -> dict:
    command = [sys.executable, __file__, "--passages", str(args.passages), "--repeat", str(args.repeat),
               "--phase", phase] + (["--profile"] if args.profile else [])
    done = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="attempts per measurement; the best is kept")
    parser.add_argument("--profile", action="store_true", help="pyinstrument profiles to results/profile-*.txt")
    parser.add_argument("--rebuild", action="store_true", help="rebuild a cached directly-built store")
    parser.add_argument("--phase", choices=["ingest", "build", "verify"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    corpus.require_wice()
    sys.setrecursionlimit(10_000)
    if args.phase:
        result = {"ingest": lambda: ingest_phase(args.passages, args.repeat, args.profile),
                  "build": lambda: build_phase(args.passages),
                  "verify": lambda: verify_phase(args.passages, args.repeat, args.profile)}[args.phase]()
        print(json.dumps(result))
        return 0
    result: dict = {"passages_requested": args.passages, "load_average_at_start": load_average()}
    if args.passages >= BUILT_DIRECTLY_FROM:
        if args.rebuild or not store_path(args.passages).is_file():
            result |= in_child("build", args)
        else:
            result["store"] = f"cached: {store_path(args.passages)}"
    if args.passages <= INGEST_INTO_UP_TO:
        result |= in_child("ingest", args)
    result |= in_child("verify", args)
    result["load_average_at_end"] = load_average()
    from sourcecheck.pipeline.settings import VerifySettings

    scorer = VerifySettings.from_env().scorer   # verification throughput depends on it: named in the file
    write_result(f"throughput-{args.passages}-{scorer}", result | {"scorer": scorer})
    return 0


if __name__ == "__main__":
    sys.exit(main())
