"""The claims stage against the hand-made gold files: the targets of issue 3, and the article formats."""

import pytest
from conftest import ROOT

from sourcecheck.claims.articles import paragraphs, read_article
from sourcecheck.claims.extract import extract_claims
from sourcecheck.claims.gold import score_against_gold
from sourcecheck.claims.outlets import load_registry

GOLD = ROOT / "tests/fixtures/gold"
ARTICLES = {"peace-mission-2012": ROOT / "examples/peace-mission-2012/article.md",
            "kant-2013": ROOT / "tests/fixtures/articles/kant-2013.md"}


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_gold_targets(name):
    score = score_against_gold(extract_claims(read_article(ARTICLES[name]), load_registry()), GOLD / f"{name}.json")
    assert score.citation_accuracy == 1.0, score.citation_errors
    assert score.recall >= 0.90, score.missed
    assert score.precision >= 0.85, score.spurious


def test_html_article_reads_like_its_markdown_without_navigation_scripts_or_footer():
    html = read_article(ROOT / "tests/fixtures/articles/kant-2013.html")
    markdown = read_article(ARTICLES["kant-2013"])
    assert [t for _, t in paragraphs(html.body)] == [t for _, t in paragraphs(markdown.body)]
    assert (html.title, html.published) == (markdown.title, markdown.published)
    assert "Subscribe" not in html.body and "tracking" not in html.body and "Home" not in html.body


@pytest.mark.model
def test_dateline_gives_the_publication_date_and_is_no_claim(tmp_path):
    article = tmp_path / "dispatch.txt"
    article.write_text("BISHKEK, March 28, 2013 — Russia is extending its lease on Kant (TASS, March 27).\n")
    read = read_article(article)
    assert read.published.isoformat() == "2013-03-28"
    [claim] = extract_claims(read, load_registry()).claims
    assert (claim.text, claim.date_start.isoformat()) == ("Russia is extending its lease on Kant.", "2013-03-27")
