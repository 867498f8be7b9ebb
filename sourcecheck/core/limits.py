"""Size limits on what sourcecheck reads, checked before the work starts, each with a clear refusal.

Text from the open web can be any size; a job that meets a 50 MB "article" or a 100,000-sentence "source"
should say so in a second, not parse it for an hour or run out of memory. Each limit is far above real
news copy (a long feature is 50 kB and 400 sentences) and can be raised with its environment variable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sourcecheck.core.errors import InputError, SourcecheckError
from sourcecheck.core.settings import PREFIX, current_settings


@dataclass(frozen=True)
class Limit:
    variable: str      # the environment variable that overrides it
    default: int
    what: str          # "an article file", ...
    unit: str          # "bytes" | "sentences"

    def value(self) -> int:
        raw = getattr(current_settings(), self.variable.removeprefix(PREFIX).lower())
        if not raw.strip():
            return self.default
        try:
            value = int(raw.replace("_", ""))
        except ValueError:
            value = 0
        if value < 1:
            raise SourcecheckError(f"${self.variable}: expected a positive whole number of {self.unit}, got {raw!r}")
        return value

    def check(self, amount: int, path: str | Path, where: str = "", about: bool = False) -> None:
        limit = self.value()
        if amount > limit:
            raise InputError(path, f"{where}{self.what} of {'about ' * about}{_amount(amount, self.unit)} is over "
                                   f"the limit of {_amount(limit, self.unit)} (raise it with {self.variable})")


def _amount(n: int, unit: str) -> str:
    if unit == "bytes":
        return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n:,} bytes"
    return f"{n:,} {unit}"


# ~170,000 words: claims, parse and retrieval of an article this long take minutes
ARTICLE_BYTES = Limit("SOURCECHECK_MAX_ARTICLE_BYTES", 1_000_000, "an article file", "bytes")
# a JSONL feed holds many documents, so the file may be large; each document is limited below
SOURCE_FILE_BYTES = Limit("SOURCECHECK_MAX_SOURCE_FILE_BYTES", 200_000_000, "a source file", "bytes")
# a book is ~10,000 sentences; every sentence is a passage that is embedded and searched
DOCUMENT_SENTENCES = Limit("SOURCECHECK_MAX_DOCUMENT_SENTENCES", 20_000, "a source document", "sentences")
# one document of a source file (a JSONL record, or a Markdown file's body): 20,000 sentences are ~2 MB, and
# the sentence count cannot bound text without sentence ends, which pysbd splits at ~15 s a MB all the same
DOCUMENT_BYTES = Limit("SOURCECHECK_MAX_DOCUMENT_BYTES", 2_000_000, "a source document", "bytes")

_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?:\s|$)|[。！？]")


def check_document_sentences(text: str, path: str | Path, where: str = "") -> None:
    """Refuse a source document with too many sentences before it is split (pysbd takes ~0.5 ms a sentence and
    each passage is embedded): the count of sentence ends is close enough to say so at once."""
    DOCUMENT_SENTENCES.check(len(_SENTENCE_END.findall(text)), path, where, about=True)
