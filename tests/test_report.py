"""The reviewer report: flagged claims first with their evidence, every piece of source text escaped."""

import json
import re

import pytest
from conftest import EXAMPLE, SMALL_ARTICLE, rows

from sourcecheck.cli import main
from sourcecheck.reports.readings import score_reading
from sourcecheck.reports.run_review import RunReview
from sourcecheck.scoring.registry import load_scorer


def test_demo_report_lists_flagged_claims_first_with_evidence(demo_db, tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["--db", str(demo_db), "report", "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    html = out.read_text()
    flagged, rest = html.split('<h2 id="flagged">')[1].split('<h2 id="others">')
    statuses = re.findall(r'<article class="claim (\w+)"', flagged)
    assert statuses and set(statuses) == {"contradicted", "misattributed", "not_found"}
    assert set(re.findall(r'<article class="claim (\w+)"', rest)) == {"supported", "uncheckable"}
    # the claim beside the cited passage, the differing slots marked in both, the scores read out
    assert '<mark class="slot">Around 2,000 personnel</mark>' in flagged
    assert '<mark class="slot">About 1,300 servicemen</mark>' in flagged
    assert "this passage clearly contradicts the claim" in flagged
    assert "differs on number (personnel)" in flagged   # and the explanation
    assert "not real reporting" in html                 # demo sources are marked as written for the demo


def test_the_article_is_shown_with_every_claim_highlighted_by_verdict_and_linked(demo_db, tmp_path):
    out = tmp_path / "report.html"
    assert main(["--db", str(demo_db), "report", "--out", str(out)]) == 0
    article = out.read_text().split('<div class="article">')[1].split("</div>")[0]
    claims = dict(rows(demo_db, "SELECT claim_id, status FROM claim_status"))
    highlighted = re.findall(r'<a class="hl (\w+)" href="#claim-(\w+)"[^>]*>.*?<span class="tag">\[([\w ]+)', article)
    assert {claim_id: status for status, claim_id, _ in highlighted} == claims
    assert all(label == status.replace("_", " ") for status, _, label in highlighted)   # a label, not only colour
    assert "(Krasnaya Zvezda, June 18)" in article                                      # citations as written


@pytest.mark.model
def test_hostile_source_text_is_escaped(db, tmp_path):
    hostile = tmp_path / "hostile.md"
    hostile.write_text(
        "---\noutlet: Krasnaya Zvezda\npublished: 2012-06-18\ntitle: \"<img src=x onerror=alert(1)>\"\n---\n"
        "About 1,300 servicemen took part in Peace Mission 2012 <script>alert('x')</script>.\n")
    article = tmp_path / "article.md"
    article.write_text("---\ntitle: \"<b>Drill</b>\"\npublished: 2012-06-20\n---\n"
                       "Around 2,000 personnel took part in Peace Mission 2012 <script>evil()</script> "
                       "(Krasnaya Zvezda, June 18).\n")
    assert main(["--db", str(db), "sources", "add", str(hostile)]) == 0
    assert main(["--db", str(db), "verify", str(article)]) == 0
    out = tmp_path / "report.html"
    assert main(["--db", str(db), "report", "--out", str(out)]) == 0
    html = out.read_text()
    assert html.count("<script") == 1 and "<img" not in html and "<b>Drill" not in html   # one: the report's own
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.model
def test_report_without_runs_is_a_clear_error(db, capsys):
    assert main(["--db", str(db), "sources", "add", str(EXAMPLE / "sources" / "xinhua-2012-06-14-ci-guowei.md")]) == 0
    assert main(["--db", str(db), "report", "--out", str(db.parent / "r.html")]) == 1
    assert "no verification run yet" in capsys.readouterr().err
    assert not (db.parent / "r.html").exists()


def test_report_to_a_missing_folder_is_a_clear_error(demo_db, tmp_path, capsys):
    assert main(["--db", str(demo_db), "report", "--out", str(tmp_path / "nodir" / "r.html")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert main(["--db", str(demo_db), "report", "--out", str(tmp_path)]) == 1
    assert "is a directory" in capsys.readouterr().err


@pytest.mark.model
def test_a_passage_not_in_english_is_shown_as_the_original_text(db, tmp_path):
    russian = tmp_path / "kz-ru.md"
    russian.write_text("---\noutlet: Krasnaya Zvezda\npublished: 2012-06-17\nlanguage: ru\n---\n"
                       "Около 1300 военнослужащих приняли участие в учениях «Мирная миссия-2012».\n")
    article = tmp_path / "article.md"
    article.write_text(SMALL_ARTICLE)
    assert main(["--db", str(db), "sources", "add", str(russian)]) == 0
    assert main(["--db", str(db), "verify", str(article)]) == 0
    out = tmp_path / "report.html"
    assert main(["--db", str(db), "report", "--out", str(out)]) == 0
    html = out.read_text()
    assert "Original text (ru)" in html and '<p class="context" lang="ru">' in html
    assert "Около 1300 военнослужащих" in html


def test_changes_since_the_previous_run_are_charted_and_listed(small_store, tmp_path):
    out = tmp_path / "report.html"
    assert small_store.run("report", "--out", str(out)) == 0
    assert "This is the first run of this article." in out.read_text()
    small_store.article.write_text(small_store.article.read_text()
                                   + "\nUzbekistan stayed away (Krasnaya Zvezda, June 18).\n")
    assert small_store.run("verify", str(small_store.article)) == 0
    assert small_store.run("report", "--out", str(out)) == 0
    html = out.read_text()
    assert 'aria-label="Verdicts in the previous run and in this run"' in html
    assert "1 claim changed verdict or is new" in html
    assert re.search(r"Uzbekistan stayed away\.</a>: new claim", html)


@pytest.mark.parametrize("parameters, thresholds", [
    ({"scorer": "nli-slots", "verdict_rule": {"support_min": 0.45, "contradiction_min": 0.5}}, (0.45, 0.5)),
    ({"scorer": "similarity-slots", "support_min": 0.45, "contradiction_min": 0.6}, (0.45, 0.6)),   # first release
])
def test_scores_are_read_against_the_thresholds_the_run_used(parameters, thresholds):
    review = RunReview({"parameters": json.dumps(parameters)}, [], None, {}, [])
    assert review.thresholds == thresholds
    assert score_reading(0.47, 0.02, *review.thresholds) == "supports the claim"   # as its verdict says


def test_a_supported_claim_reads_as_supported_beside_its_verdict(demo_db, tmp_path):
    """The demo's calibrated threshold is below 0.5: a claim supported at 0.488 must not read as 'neither'."""
    out = tmp_path / "report.html"
    assert main(["--db", str(demo_db), "report", "--out", str(out)]) == 0
    html = out.read_text()
    support_min = load_scorer("nli-slots").support_min
    assert re.search(rf"the run's\s+thresholds are support {support_min} and contradiction", html)
    cards = re.findall(r'<article class="claim supported".*?</article>', html, re.S)
    assert len(cards) == rows(demo_db, "SELECT count(*) FROM claim_status WHERE status = 'supported'")[0][0]
    low = [c for c in cards if re.search(r'data-support="0\.4\d*"', c)]
    assert low, "the demo has a claim supported below 0.5"
    assert all(re.search(r"this passage (clearly )?supports the claim", c) for c in cards)
