"""Articles into atomic claims tied to their citations."""

from claims.extract import extract_claims
from claims.records import Article, Citation, Claim, Sentence

__all__ = ["Article", "Citation", "Claim", "Sentence", "extract_claims"]
