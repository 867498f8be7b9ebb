"""Real text for the throughput benchmarks: stores of any size built from the sentences of the cited web pages
in WiCE dev (`../shared/data/wice/dev.jsonl`), and articles made of its real claims.

- Sentences: every distinct evidence sentence of WiCE dev that reads as prose (40-300 characters, mostly
  letters, not page furniture such as "(meta data)" or headings): 13,339. Past those, new sentences are
  made by recombination, never from random words: the opening clause of one real sentence (up to its first
  comma) joined to the rest of another (from its first comma), each pair used once.
- Documents: 12 consecutive sentences of that stream, each document from one of 20 outlets of the registry and
  a day in 2012-2013, as JSONL records (the format `sourcecheck sources add` reads).
- Articles: the 349 WiCE claims, each credited to an outlet and day of the store, 40 claims to an article.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WICE = ROOT.parent / "shared" / "data" / "wice" / "dev.jsonl"
SENTENCES_PER_DOCUMENT = 12
CLAIMS_PER_ARTICLE = 40
OUTLETS = ["Interfax", "Xinhua", "TASS", "Krasnaya Zvezda", "Renmin Ribao", "RIA Novosti", "Kommersant",
           "Izvestiya", "Vedomosti", "Global Times", "China Daily", "Reuters", "Associated Press",
           "Agence France-Presse", "BBC", "Nezavisimaya Gazeta", "PLA Daily", "Sputnik", "Kazinform", "AKIpress"]
FIRST_DAY = dt.date(2012, 1, 1)
DAYS = 731
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def require_wice() -> None:
    if not WICE.is_file():
        raise SystemExit(f"skipped: {WICE} is absent (the benchmarks build their stores from WiCE dev's real text)")


def real_sentences() -> list[str]:
    seen: dict[str, None] = {}
    for line in WICE.read_text(encoding="utf-8").splitlines():
        for sentence in json.loads(line)["evidence"]:
            text = " ".join(sentence.split())
            letters = sum(ch.isalpha() or ch == " " for ch in text)
            if 40 <= len(text) <= 300 and letters >= 0.85 * len(text) and text[0].isupper() \
                    and text[-1] in ".!?\"'" and not text.startswith(("(meta data)", "#")):
                seen.setdefault(text, None)
    return list(seen)


def sentence_stream(seed: int = 9) -> Iterator[tuple[str, tuple[int, ...]]]:
    """(sentence, the real sentences it comes from): the real sentences (shuffled), then recombined ones, each
    distinct. Indices point into `real_sentences()` shuffled with the same seed (`shuffled_sentences`)."""
    rng = random.Random(seed)
    sentences = shuffled_sentences(seed)
    yield from ((s, (i,)) for i, s in enumerate(sentences))
    split = [i for i, s in enumerate(sentences) if ", " in s]
    used = set(sentences)
    while True:
        head, tail = rng.choice(split), rng.choice(split)
        text = sentences[head][: sentences[head].index(", ")] + sentences[tail][sentences[tail].index(", "):]
        if text not in used:
            used.add(text)
            yield text, (head, tail)


def shuffled_sentences(seed: int = 9) -> list[str]:
    sentences = real_sentences()
    random.Random(seed).shuffle(sentences)
    return sentences


def documents(passages: int, seed: int = 9, first: int = 0) -> Iterator[tuple[dict, list[tuple[str, tuple[int, ...]]]]]:
    """(JSONL record, its sentences with their origins) for about `passages` sentences in all, starting at the
    `first`-th sentence of the stream (so a batch ingested into a store holds new text)."""
    rng = random.Random(seed + 1 + first)
    stream = sentence_stream(seed)
    for _ in range(first):
        next(stream)
    for number in range(-(-passages // SENTENCES_PER_DOCUMENT)):
        count = min(SENTENCES_PER_DOCUMENT, passages - number * SENTENCES_PER_DOCUMENT)
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        sentences = [next(stream) for _ in range(count)]
        yield ({"id": f"bench-{first}-{number}", "outlet": rng.choice(OUTLETS), "published": day.isoformat(),
                "title": f"Benchmark document {first}-{number}", "text": " ".join(s for s, _ in sentences)}, sentences)


def write_documents(folder: Path, passages: int, per_file: int = 2000, first: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files, handle = [], None
    for i, (record, _) in enumerate(documents(passages, first=first)):
        if i % per_file == 0:
            if handle:
                handle.close()
            files.append(folder / f"documents-{len(files):04d}.jsonl")
            handle = files[-1].open("w", encoding="utf-8")
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    if handle:
        handle.close()
    return files


def claim_articles(folder: Path, seed: int = 9) -> list[Path]:
    """Articles of WiCE's real claims, each credited to an outlet and a day of the store: "... (Xinhua, June 18)."."""
    rng = random.Random(seed + 2)
    claims = [json.loads(line)["claim"] for line in WICE.read_text(encoding="utf-8").splitlines()]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for start in range(0, len(claims), CLAIMS_PER_ARTICLE):
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        paragraphs = []
        for claim in claims[start: start + CLAIMS_PER_ARTICLE]:
            cited = day + dt.timedelta(days=rng.randrange(-20, 1))
            body = claim.rstrip().rstrip(".")
            paragraphs.append(f"{body} ({rng.choice(OUTLETS)}, {MONTHS[cited.month - 1]} {cited.day}).")
        path = folder / f"claims-{start // CLAIMS_PER_ARTICLE:02d}.md"
        path.write_text(f"---\ntitle: WiCE claims {start // CLAIMS_PER_ARTICLE}\npublished: {day.isoformat()}\n---\n"
                        + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
