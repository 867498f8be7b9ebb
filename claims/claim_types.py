"""What kind of claim it is: factual, quote, opinion (opinion or analysis) or prediction.

- opinion: a hedge or evaluative cue (claims/data/analysis_cues.txt) in the claim or in the frame it was taken
  from (`It appears that ...`, `In other words ...`), unless the cue is inside reported speech (a named credit cut
  from the sentence included: `Analysts said the base might be expanded`); or a question.
  Opinion is `uncheckable`: never scored, never contradicted. Conservative by design: a missed opinion is
  checked and usually ends `not_found`, which a reviewer sees; a fact wrongly called opinion is never checked.
- quote: what a named person said, directly or reported (`Guowei noted that ...`, `"...," he explained`).
- prediction: about the future (`will`, `would`, `is to`, `plans to`, `next`); checkable against a source that
  reported the plan.
- factual: everything else.
"""

from __future__ import annotations

import re

from sourcecheck.claims.checkworthiness import checkworthiness

_FUTURE = re.compile(r"\b(?:will|would|shall|is to|are to|plans? to|planned to|is expected to|are expected to|"
                     r"intends? to|next)\b", re.I)


def claim_type(text: str, frame: str, speech: bool, credits: str = "") -> tuple[str, str]:
    """(type, reason when the claim is uncheckable). `credits`: the sentence's credits cut from the claim
    (`Analysts at the Carnegie Center said`): a hedge in what they said is theirs, and checkable."""
    checkable, reason = checkworthiness(f"{credits} {frame} {text}".strip())
    if not checkable:
        return "opinion", reason
    if speech:
        return "quote", ""
    if _FUTURE.search(text):
        return "prediction", ""
    return "factual", ""
