"""The reviewer report: flagged claims first with their evidence, every piece of source text escaped."""

import re

from conftest import EXAMPLE
from sourcecheck.cli import main


def test_demo_report_lists_flagged_claims_first_with_evidence(demo_db, tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["--db", str(demo_db), "report", "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    html = out.read_text()
    flagged, rest = html.split("<h2>All other claims")
    statuses = re.findall(r'<div class="claim (\w+)"', flagged)
    assert statuses and set(statuses) == {"contradicted", "misattributed", "not_found"}
    assert set(re.findall(r'<div class="claim (\w+)"', rest)) == {"supported", "uncheckable"}
    assert "About 1,300 servicemen" in flagged          # the cited passage beside the contradicted claim
    assert "differs on number (personnel)" in flagged   # and the explanation
    assert "not real reporting" in html                 # demo sources are marked as written for the demo


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
    assert "<script" not in html and "<img" not in html and "<b>Drill" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


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
