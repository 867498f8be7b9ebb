"""The report as a reader's browser shows it: headless Chromium loads the single HTML file, logs no error,
its filters change what is visible, and hostile source text stays text."""

import json
from pathlib import Path

import pytest
from conftest import ROOT, rows

from sourcecheck.cli import main

SCREENSHOT = ROOT / "tests" / "artifacts" / "report.png"

VISIBLE_CARDS = "Array.from(document.querySelectorAll('article.claim')).filter(c => c.checkVisibility())"


@pytest.fixture(scope="module")
def demo_report(demo_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "report.html"
    assert main(["--db", str(demo_db), "report", "--out", str(out)]) == 0
    return out


@pytest.fixture
def page(chromium, demo_report):
    page = chromium.open(demo_report)
    yield page
    page.close()


def visible(page, attribute: str) -> list[str]:
    return page.evaluate(f"{VISIBLE_CARDS}.map(c => c.dataset.{attribute})")


def test_demo_report_renders_without_console_errors_and_is_photographed(page, demo_db):
    assert page.console_errors() == []
    shot = page.screenshot(SCREENSHOT)
    print(f"report screenshot: {shot}")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    counts = dict(rows(demo_db, "SELECT status, count(*) FROM claim_status GROUP BY status"))
    shown = page.evaluate("document.getElementById('verdict-counts').innerText").lower()
    for status, count in counts.items():
        assert f"{count}\n{status.replace('_', ' ')}" in shown
    assert len(visible(page, "claim")) == sum(counts.values())
    assert page.evaluate("document.querySelectorAll('svg.chart rect').length") > 0


def test_verdict_filter_hides_claims_and_dims_their_highlights(page, demo_db):
    total = len(visible(page, "claim"))
    supported = rows(demo_db, "SELECT count(*) FROM claim_status WHERE status = 'supported'")[0][0]
    page.click("input[name=status][value=supported]")
    assert "supported" not in visible(page, "status")
    assert len(visible(page, "status")) == total - supported
    assert page.evaluate("document.getElementById('shown-count').textContent") == \
        f"{total - supported} of {total} claims shown"
    dimmed = page.evaluate("Array.from(document.querySelectorAll('a.hl.dim')).map(a => a.className)")
    assert len(dimmed) == supported and all("supported" in c for c in dimmed)
    page.click("#show-all")
    assert len(visible(page, "claim")) == total


def test_outlet_filter_keeps_only_claims_citing_the_checked_outlet(page, demo_db):
    outlets = page.evaluate("Array.from(document.querySelectorAll('input[name=outlet]')).map(i => i.value)")
    for outlet in outlets:
        if outlet != "Interfax":
            page.click(f"input[name=outlet][value='{outlet}']")
    expected = rows(demo_db, "SELECT count(*) FROM claim_status WHERE list_contains(cited_outlets, 'Interfax')")[0][0]
    shown = page.evaluate(f"{VISIBLE_CARDS}.map(c => JSON.parse(c.dataset.outlets))")
    assert len(shown) == expected > 0 and all("Interfax" in o for o in shown)


def test_score_range_filter_shows_claims_in_the_range(page, demo_db):
    page.click("input[name=score-kind][value=contradiction]")
    page.type_into("input[name=score-min]", "0.5")
    expected = rows(demo_db, "SELECT count(*) FROM claim_status WHERE contradiction_score >= 0.5")[0][0]
    scores = [float(s) for s in visible(page, "contradiction")]
    assert len(scores) == expected > 0 and min(scores) >= 0.5


def test_review_filter_shows_only_flags(page, demo_db):
    page.click("input[name=review][value=not_flagged]")
    flagged = rows(demo_db, "SELECT count(*) FROM claim_status WHERE flagged")[0][0]
    assert len(visible(page, "review")) == flagged and set(visible(page, "review")) == {"pending"}


def test_clicking_a_highlighted_claim_goes_to_its_evidence(page):
    claim = page.evaluate("document.querySelector('a.hl.contradicted').dataset.claim")
    page.click(f"a.hl[data-claim='{claim}']")
    assert page.evaluate("location.hash") == f"#claim-{claim}"
    assert page.evaluate("document.querySelector(':target').dataset.status") == "contradicted"


HOSTILE_TITLE = "<img src=x onerror=\"document.title='pwned-title'\">"
HOSTILE_SCRIPT = "<script>window.pwned = true; document.title = 'pwned';</script>"


def test_hostile_source_renders_as_text_and_runs_no_script(chromium, db, tmp_path):
    hostile = tmp_path / "hostile.md"
    hostile.write_text(f"---\noutlet: Krasnaya Zvezda\npublished: 2012-06-18\ntitle: {json.dumps(HOSTILE_TITLE)}\n---\n"
                       f"About 1,300 servicemen took part in Peace Mission 2012 {HOSTILE_SCRIPT}.\n")
    article = tmp_path / "article.md"
    article.write_text("---\ntitle: Drill\npublished: 2012-06-20\n---\n"
                       f"Around 2,000 personnel took part in Peace Mission 2012 {HOSTILE_SCRIPT} "
                       "(Krasnaya Zvezda, June 18).\n")
    assert main(["--db", str(db), "sources", "add", str(hostile)]) == 0
    assert main(["--db", str(db), "verify", str(article)]) == 0
    out = tmp_path / "report.html"
    assert main(["--db", str(db), "report", "--out", str(out)]) == 0
    page = chromium.open(out)
    try:
        assert page.evaluate("document.title") == "sourcecheck: Drill"
        assert page.evaluate("window.pwned") is None
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        assert page.evaluate("document.scripts.length") == 1          # the report's own
        text = page.evaluate("document.body.innerText")
        assert HOSTILE_SCRIPT in text and HOSTILE_TITLE in text       # shown, as text
        assert page.console_errors() == []                            # and nothing was even blocked
    finally:
        page.close()
