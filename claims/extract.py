"""An article into sentences, citations and atomic claims: the `claims` stage end to end."""

from __future__ import annotations

from dataclasses import dataclass

from claims.articles import paragraphs
from claims.atomic import claim_spans, claim_text
from claims.checkworthiness import checkworthiness
from claims.citations import attribute_citations
from claims.outlets import OutletRegistry
from claims.records import Article, Citation, Claim, Sentence
from sourcecheck.sentences import split_sentences
from sourcecheck.ids import content_id


@dataclass(frozen=True)
class ExtractedArticle:
    article: Article
    sentences: list[Sentence]
    citations: list[Citation]
    claims: list[Claim]


def extract_claims(article: Article, registry: OutletRegistry) -> ExtractedArticle:
    sentences: list[Sentence] = []
    citations: dict[str, Citation] = {}
    claims: list[Claim] = []
    for p_index, (offset, paragraph) in enumerate(paragraphs(article.body)):
        paragraph_sentences = []
        for start, end, text in split_sentences(paragraph):
            index = len(sentences)
            sentence = Sentence(
                sentence_id=content_id("sentence", article.article_id, index, p_index, offset + start, text),
                article_id=article.article_id, paragraph_index=p_index, sentence_index=index,
                start=offset + start, end=offset + end, text=text,
            )
            sentences.append(sentence)
            paragraph_sentences.append(sentence)
        assignments = attribute_citations([(s.sentence_id, s.text) for s in paragraph_sentences], registry,
                                          article.published)
        for sentence, assignment in zip(paragraph_sentences, assignments):
            for _, credit in assignment.credits:
                citations[credit.citation_id] = credit
            if assignment.citation:
                citations[assignment.citation.citation_id] = assignment.citation
            holes = [span for span, _ in assignment.credits]
            for c_index, span in enumerate(claim_spans(sentence.text, holes)):
                citation = _own_credit(assignment, span) or assignment.citation
                text = claim_text(sentence.text, span, holes)
                checkworthy, reason = checkworthiness(text)
                claims.append(Claim(
                    # what a claim says includes whom it cites: a changed credit makes a new claim
                    claim_id=content_id("claim", sentence.sentence_id, span[0], span[1], text,
                                        citation.citation_id if citation else None, assignment.assigned_by,
                                        checkworthy),
                    article_id=article.article_id, sentence_id=sentence.sentence_id,
                    sentence_index=sentence.sentence_index, claim_index=c_index, text=text, span=span,
                    citation_id=citation.citation_id if citation else None,
                    assigned_by=assignment.assigned_by,
                    cited_outlets=citation.outlets if citation else (),
                    date_start=citation.date_start if citation else None,
                    date_end=citation.date_end if citation else None,
                    checkworthy=checkworthy, checkworthy_reason=reason,
                ))
    return ExtractedArticle(article, sentences, list(citations.values()), claims)


def _own_credit(assignment, span: tuple[int, int]):
    """In a sentence with several credits, the first credit inside the claim's span is its own."""
    if len(assignment.credits) < 2:
        return None
    return next((credit for (start, _end), credit in assignment.credits if start >= span[0]), None)
