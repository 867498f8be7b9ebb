"""One passage index over the two embedding spaces (sources/spaces.py), each passage keeping its own vector."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from sourcecheck.sources.retrieval import PassageIndex


def joined_index(english: PassageIndex, crosslingual: PassageIndex, crosslingual_model: str) -> PassageIndex:
    """One index over both spaces, in the index's order (outlet, date, document): each passage keeps its vector
    of its own space. English rows get no cross-lingual vector and the others a zero English one, so a million
    English passages beside a few Russian ones cost no second million-row array."""
    if not len(crosslingual):
        return english
    n, m = len(english), len(crosslingual)
    row_outlets = [np.repeat(np.array(i.outlets, dtype=object), np.diff(i.outlet_starts))
                   for i in (english, crosslingual)]
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
