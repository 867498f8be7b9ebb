"""An article into sentences, citations and atomic claims: the `claims` stage end to end.

The stages, per paragraph: sentences (pysbd) -> credits and their scope (citation_forms, citations) -> clauses
without credits (segments) -> references resolved (coreference) -> atomic claims (atomic) -> type (claim_types)
of each claim. Their slots are read one floor up, by the reading the verdicts compare
(sourcecheck.slots.claim_slots.with_slots, which the pipeline applies to what this returns).
"""

from __future__ import annotations

from sourcecheck.claims.articles import paragraphs
from sourcecheck.claims.atomic import TokenClaim, render, token_claims
from sourcecheck.claims.citations import attribute_citations
from sourcecheck.claims.claim_types import claim_type
from sourcecheck.claims.coreference import ReferenceResolver, Resolution
from sourcecheck.claims.outlets import OutletRegistry
from sourcecheck.claims.segments import Segment, segments
from sourcecheck.core.ids import content_id
from sourcecheck.core.sentences import split_sentences
from sourcecheck.model.claims import Article, Citation, Claim, ExtractedArticle, Reference, Sentence


def extract_claims(article: Article, registry: OutletRegistry) -> ExtractedArticle:
    sentences: list[Sentence] = []
    citations: dict[str, Citation] = {}
    claims: list[Claim] = []
    resolver = ReferenceResolver()
    for p_index, (offset, paragraph) in enumerate(paragraphs(article.body)):
        resolver.new_paragraph()
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
        for sentence, assignment in zip(paragraph_sentences, assignments, strict=True):
            for credit in (*assignment.credits, assignment.citation):
                if credit:
                    citations[credit.citation_id] = credit
            found = []
            resolver.new_sentence()
            for segment in segments(sentence.text, assignment.cuts):
                resolution = resolver.resolve(segment.doc)
                found += [(segment, c, resolution) for c in token_claims(segment.doc, resolution.replaced)]
                resolver.observe(segment.doc, resolution)
            # `2,000 troops and 2,000 troops` reads as the same claim twice, with one id: it is one claim
            kept: dict[str, Claim] = {}
            for segment, token_claim, resolution in found:
                claim = _claim(article, sentence, assignment, len(kept), segment, token_claim, resolution)
                kept.setdefault(claim.claim_id, claim)
            claims += kept.values()
    return ExtractedArticle(article, sentences, list(citations.values()), claims)


def _claim(article: Article, sentence: Sentence, assignment, c_index: int, segment: Segment,
           token_claim: TokenClaim, resolution: Resolution) -> Claim:
    references = _keep_references(token_claim, resolution)
    text = render(token_claim)
    span = segment.span(sorted(token_claim.tokens))
    citation = assignment.citation_for(span)
    kind, reason = claim_type(text, token_claim.frame, token_claim.speech,
                              " ".join(c.raw for c in assignment.credits if c.kind not in ("parenthetical", "unnamed")))
    checkworthy = kind != "opinion"
    return Claim(
        # what a claim says includes whom it cites: a changed credit makes a new claim
        claim_id=content_id("claim", sentence.sentence_id, span[0], span[1], text,
                            citation.citation_id if citation else None, assignment.assigned_by, checkworthy, kind),
        article_id=article.article_id, sentence_id=sentence.sentence_id,
        sentence_index=sentence.sentence_index, claim_index=c_index, text=text, span=span,
        citation_id=citation.citation_id if citation else None,
        assigned_by=assignment.assigned_by,
        cited_outlets=citation.outlets if citation else (),
        date_start=citation.date_start if citation else None,
        date_end=citation.date_end if citation else None,
        checkworthy=checkworthy, checkworthy_reason=reason, claim_type=kind,
        references=references,
    )


def _keep_references(claim: TokenClaim, resolution: Resolution) -> tuple[Reference, ...]:
    """Apply to the claim only the rewrites it needs: none whose antecedent the claim already names, and `its`
    only when the claim has no singular subject of its own before it (`officials ... its route` is not theirs)."""
    doc = claim.doc
    own_text = " ".join(doc[i].text for i in sorted(claim.tokens)).lower()
    kept = []
    for i, resolved in sorted(resolution.replaced.items()):
        if i not in claim.tokens or not resolved:
            continue
        named = resolved.removeprefix("the ").removesuffix("’s").removesuffix("’").lower()
        has_subject = any(j < i and doc[j].dep_ in ("nsubj", "nsubjpass") and doc[j].tag_ in ("NN", "NNP")
                          for j in claim.tokens)
        if named in own_text.replace(doc[i].lower_, "", 1) or i in resolution.conditional and has_subject:
            claim.replaced.pop(i, None)
            for det in doc[i].children:
                if det.dep_ == "det" and resolution.replaced.get(det.i) == "":
                    claim.replaced.pop(det.i, None)
            continue
        mention = " ".join(t.text for t in doc[i].children if t.dep_ == "det" and
                           resolution.replaced.get(t.i) == "") + " " + doc[i].text
        kept.append(Reference(mention.strip(), resolved))
    return tuple(kept)
