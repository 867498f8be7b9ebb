"""Articles into atomic claims tied to their citations (`claims.extract.extract_claims`).

Nothing heavy is imported here: reading an article (`claims.articles`) must not load spaCy, so a run that
finds nothing changed stays cheap. spaCy itself loads without torch (`claims/thinc_torch.py`).
"""

from sourcecheck.claims import thinc_torch

thinc_torch.install()
