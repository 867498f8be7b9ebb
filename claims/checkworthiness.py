"""Is a claim a checkable report of fact, or opinion and analysis (`uncheckable`)?

First version: an extendable list of hedging and evaluative cues (`claims/data/analysis_cues.txt`) plus
questions. Conservative by design: a missed opinion is checked and usually ends `not_found`, which a reviewer
sees; a fact wrongly called opinion would never be checked at all.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_SAID = re.compile(r"\b(?:said|says|told|stated|noted|emphasi[sz]ed|explained|announced|declared|warned|"
                   r"insisted|argued|added|claimed|stressed|according to)\b", re.I)


@lru_cache(maxsize=1)
def _cues() -> re.Pattern:
    lines = resources.files("sourcecheck.claims").joinpath("data/analysis_cues.txt").read_text("utf-8").splitlines()
    cues = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return re.compile(r"\b(" + "|".join(re.escape(c) for c in cues) + r")\b", re.I)


def checkworthiness(text: str) -> tuple[bool, str]:
    """(checkworthy, reason when not)."""
    if text.rstrip().endswith("?"):
        return False, "a question, not a statement"
    for match in _cues().finditer(text):
        if not _SAID.search(text[: match.start()]):
            return False, f"opinion or analysis (“{match.group(0)}”)"
    return True, ""
