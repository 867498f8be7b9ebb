"""The flagged list as Markdown: what an editor pastes into a ticket."""

import re

from conftest import rows

from sourcecheck.cli import main
from sourcecheck.reports.markdown import md


def test_markdown_export_lists_every_flag_with_its_evidence_and_nothing_else(demo_db, tmp_path, capsys):
    out = tmp_path / "flags.md"
    assert main(["--db", str(demo_db), "report", "--format", "markdown", "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    text = out.read_text()
    claims = rows(demo_db, "SELECT claim_id, status FROM claim_status")
    flagged = [c for (c,) in rows(demo_db, "SELECT claim_id FROM claim_status WHERE flagged")]
    assert f"## Flagged claims ({len(flagged)}: {len(flagged)} awaiting review, 0 confirmed, 0 dismissed)" in text
    assert sorted(re.findall(r"claim `(\w{8})`", text)) == sorted(c[:8] for c in flagged)
    for status in ("supported", "contradicted", "not_found"):
        assert f"| {status} | {sum(s == status for _, s in claims)} |" in text
    # the differing slots in bold on both sides, the scores read out, the way to decide
    assert "**Around 2,000 personnel** from China" in text and "“**About 1,300 servicemen** from China" in text
    assert re.search(r"contradiction (0\.\d\d|1\.00): clearly contradicts the claim", text)
    assert all(f"`sourcecheck review {c[:8]} --decision confirm|dismiss`" in text for c in flagged)


def test_markdown_to_standard_output_is_only_the_list(demo_db, capsys):
    assert main(["--db", str(demo_db), "report", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# sourcecheck: China Leads SCO Peace Mission 2012") and "report:" not in out


def test_source_text_stays_text_in_markdown():
    assert md("<script>alert(1)</script> **x** [a](b) |") == r"\<script\>alert(1)\</script\> \*\*x\*\* \[a\](b) \|"
    assert md("two\n  lines") == "two lines"
