"""Verification of the seed article against the demo sources: verdicts, the claim_status view, re-runs."""

import json

import pytest
from conftest import EXAMPLE, rows, warehouse_fingerprint

from sourcecheck.cli import main
from sourcecheck.scoring.registry import load_scorer

CONTRACT_COLUMNS = ["claim_id", "article_id", "sentence_index", "sentence_text", "claim_text", "cited_outlets",
                    "status", "support_score", "contradiction_score", "evidence_outlet", "evidence_text", "run_id"]


def _status(db) -> dict[tuple[int, int], tuple]:
    found = rows(db, """SELECT sentence_index, claim_index, status, evidence_outlet, explanation FROM claim_status""")
    return {(s, c): (status, outlet, explanation) for s, c, status, outlet, explanation in found}


@pytest.mark.parametrize("sentence, claim, slot", [
    (6, 0, "number (personnel)"),   # around 2,000 personnel; Krasnaya Zvezda says about 1,300
    (12, 1, "number (km)"),         # a 400-kilometer march (the second claim of the sentence); Krasnaya Zvezda says 300
    (16, 0, "date"),                # June 7; Krasnaya Zvezda says June 5
    (34, 1, "place"),               # refuelling in southern Kazakhstan (second claim); Interfax: southern Kyrgyzstan
])
def test_cited_source_with_a_different_slot_contradicts(demo_db, sentence, claim, slot):
    status, outlet, explanation = _status(demo_db)[(sentence, claim)]
    assert status == "contradicted"
    assert f"differs on {slot}" in explanation


@pytest.mark.parametrize("sentence, outlet", [(10, "Interfax"), (19, "Xinhua")])
def test_claim_found_only_in_another_outlet_is_misattributed(demo_db, sentence, outlet):
    status, evidence_outlet, explanation = _status(demo_db)[(sentence, 0)]
    assert (status, evidence_outlet) == ("misattributed", outlet)
    assert "the cited source (Krasnaya Zvezda) does not support it" in explanation


# the Arab Spring; the SCO's interests beyond Central Asia; Moscow keen on the military dimension: no source covers
# them; no source says Uzbekistan stayed away (Interfax only calls it a sceptic: misattributed until the scorer
# counted "Uzbekistan", which Krasnaya Zvezda's report never writes)
@pytest.mark.parametrize("key", [(7, 0), (17, 0), (18, 0), (18, 1), (33, 0)])
def test_claim_no_source_covers_is_not_found(demo_db, key):
    assert _status(demo_db)[key][0] == "not_found"


@pytest.mark.parametrize("key, outlet", [
    ((0, 0), "Interfax"), ((2, 0), "Interfax"), ((5, 0), "Krasnaya Zvezda"), ((8, 0), "Krasnaya Zvezda"),
    ((9, 0), "Krasnaya Zvezda"), ((12, 0), "Krasnaya Zvezda"), ((12, 2), "Krasnaya Zvezda"),
    ((20, 0), "Krasnaya Zvezda"), ((21, 0), "Krasnaya Zvezda"), ((22, 1), "Xinhua"), ((22, 2), "Xinhua"),
    ((22, 3), "Xinhua"), ((23, 1), "Xinhua"), ((26, 0), "Xinhua"), ((28, 0), "Xinhua"),
    ((29, 0), "Renmin Ribao"), ((29, 1), "Renmin Ribao"), ((30, 0), "Renmin Ribao"), ((30, 1), "Renmin Ribao"),
    ((31, 0), "Renmin Ribao"), ((34, 3), "Interfax"),
])
def test_paraphrase_in_the_cited_source_supports(demo_db, key, outlet):
    assert _status(demo_db)[key][:2] == ("supported", outlet)


# The default scorer (nli-slots) fixed similarity-slots' mistakes on these atomic claims: Xinhua's naming of Ci
# Guowei supports (22, 0), and the two loose paraphrases of Xinhua's quotes (23, 0), (24, 1) are supported since
# the support threshold was fitted on WiCE dev's even rows with each verdict's strongest support (0.25; 0.45 since
# the count of unconfirmed names and numbers joined the fusion).
@pytest.mark.parametrize("key, right", [
    ((22, 0), ("supported", "Xinhua")),    # Xinhua names Ci Guowei deputy director of the Foreign Affairs Office
    ((23, 0), ("supported", "Xinhua")),    # Xinhua quotes "There is no best; just better": cautious terms
    ((24, 1), ("supported", "Xinhua")),    # Xinhua: the main goal was to build political trust
])
def test_verdicts_the_similarity_scorer_got_wrong(demo_db, key, right):
    status, outlet, _ = _status(demo_db)[key]
    assert (status, outlet if status == "supported" else None) == right


# What the fitted threshold costs on the demo: support carried by the similarity reading of a related sentence.
@pytest.mark.xfail(strict=True, reason="nli-slots: a related sentence's similarity reaches the fitted threshold")
@pytest.mark.parametrize("key, right", [
    ((32, 1), "not_found"),   # "brought these distinctions to the fore": no source says so (misattributed to Xinhua)
])
def test_known_scorer_mistakes_on_atomic_claims(demo_db, key, right):
    assert _status(demo_db)[key][0] == right


def test_analysis_is_uncheckable_and_not_scored(demo_db):
    statuses = _status(demo_db)
    for key in [(1, 0), (4, 1), (11, 0), (15, 0), (15, 1), (15, 2), (15, 3), (32, 0), (34, 2), (36, 0), (38, 0),
                (38, 1)]:
        assert statuses[key][0] == "uncheckable", key
    assert rows(demo_db, """SELECT count(*) FROM matches JOIN claim_status USING (claim_id, run_id)
                            WHERE status = 'uncheckable'""") == [(0,)]


def test_claim_status_has_the_contract_columns_first(demo_db):
    columns = [r[0] for r in rows(demo_db, "DESCRIBE claim_status")]
    assert columns[: len(CONTRACT_COLUMNS)] == CONTRACT_COLUMNS
    types = dict(rows(demo_db, "SELECT column_name, column_type FROM (DESCRIBE claim_status)"))
    assert types["cited_outlets"] == "VARCHAR[]"
    assert types["support_score"] == types["contradiction_score"] == "DOUBLE"


def test_run_records_models_parameters_and_counts(demo_db):
    [(model, scorer, params, claims, counts)] = rows(
        demo_db, "SELECT embedding_model, scorer, parameters, claims, status_counts FROM runs")
    assert model == "all-MiniLM-L6-v2" and scorer == "nli-slots"
    recorded = json.loads(params)
    assert recorded["date_window_days"] == 3
    assert recorded["verdict_rule"]["support_min"] == load_scorer("nli-slots").support_min != 0.5  # calibrated
    assert claims == rows(demo_db, "SELECT count(*) FROM claim_status")[0][0]
    assert '"contradicted": 4' in counts


@pytest.mark.model
def test_reverifying_makes_a_new_run_without_duplicate_rows(db, capsys):
    article = str(EXAMPLE / "article.md")
    assert main(["--db", str(db), "sources", "add", str(EXAMPLE / "sources")]) == 0
    assert main(["--db", str(db), "verify", article]) == 0
    tables = "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sentences), " \
             "(SELECT count(*) FROM claims), (SELECT count(*) FROM citations), (SELECT count(*) FROM claim_status)"
    first = rows(db, tables)
    first_status = rows(db, "SELECT claim_id, status FROM claim_status ORDER BY claim_id")
    assert main(["--db", str(db), "verify", article]) == 0
    assert rows(db, tables) == first
    assert rows(db, "SELECT count(*) FROM runs") == [(2,)]
    assert rows(db, "SELECT claim_id, status FROM claim_status ORDER BY claim_id") == first_status
    assert rows(db, "SELECT count(DISTINCT run_id) FROM claim_status") == [(1,)]
    assert rows(db, "SELECT count(*) FROM claim_status_history") == [(2 * first[0][4],)]


@pytest.mark.model
def test_edited_article_keeps_its_identity_and_shows_only_the_latest_claims(db, tmp_path):
    article = tmp_path / "article.md"
    article.write_text("---\ntitle: Drill\npublished: 2012-06-20\n---\n"
                       "About 1,300 servicemen took part in Peace Mission 2012 (Krasnaya Zvezda, June 18).\n")
    assert main(["--db", str(db), "sources", "add", str(EXAMPLE / "sources")]) == 0
    assert main(["--db", str(db), "verify", str(article)]) == 0
    assert rows(db, "SELECT status FROM claim_status") == [("supported",)]
    article.write_text(article.read_text().replace("1,300", "2,000"))
    assert main(["--db", str(db), "verify", str(article)]) == 0
    assert rows(db, "SELECT count(*) FROM articles") == [(1,)]
    assert rows(db, "SELECT status, claim_text FROM claim_status") == [
        ("contradicted", "About 2,000 servicemen took part in Peace Mission 2012.")]


@pytest.mark.model
def test_uncited_claim_is_checked_against_the_whole_store(db, tmp_path):
    article = tmp_path / "article.md"
    article.write_text("---\ntitle: Drill\npublished: 2012-06-20\n---\n"
                       "The foreign ministers put a missile defense clause into the final communique of the Beijing "
                       "summit.\n")
    assert main(["--db", str(db), "sources", "add", str(EXAMPLE / "sources")]) == 0
    assert main(["--db", str(db), "verify", str(article)]) == 0
    assert rows(db, "SELECT status, evidence_outlet, cited_outlets FROM claim_status") == [("supported", "Xinhua", [])]


BAD_ARTICLES = {  # the catalogue of bad files is tests/test_bad_input.py
    "article.docx": (b"PK\x03\x04", "unknown article type '.docx'"),
}


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(BAD_ARTICLES))
def test_bad_article_gives_one_line_error_and_leaves_the_warehouse_unchanged(name, db, tmp_path, capsys):
    assert main(["--db", str(db), "sources", "add", str(EXAMPLE / "sources" / "xinhua-2012-06-14-ci-guowei.md")]) == 0
    before = warehouse_fingerprint(db)
    content, message = BAD_ARTICLES[name]
    bad = tmp_path / name
    bad.write_bytes(content)
    capsys.readouterr()
    assert main(["--db", str(db), "verify", str(EXAMPLE / "article.md"), str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err and message in err
    assert warehouse_fingerprint(db) == before


def test_flagged_list_is_published_as_a_prefect_artifact(demo_db, capsys):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    [run_id] = [r[0] for r in rows(demo_db, "SELECT run_id FROM runs")]
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["verification-summary"])))
    [artifact] = [a for a in artifacts if run_id in a.data]
    assert artifact.type == "markdown"
    assert "| contradicted | 4 |" in artifact.data
    capsys.readouterr()
    assert main(["--db", str(demo_db), "report", "--format", "markdown"]) == 0
    assert artifact.data == capsys.readouterr().out     # the same summary as the Markdown export


@pytest.mark.model
def test_changed_credit_makes_a_new_claim_with_the_new_outlet(db, tmp_path):
    article = tmp_path / "article.md"
    article.write_text("---\ntitle: Drill\npublished: 2012-06-20\n---\n"
                       "The SCO summit was held in Beijing (Interfax, June 18).\n")
    assert main(["--db", str(db), "sources", "add", str(EXAMPLE / "sources")]) == 0
    assert main(["--db", str(db), "verify", str(article)]) == 0
    article.write_text(article.read_text().replace("Interfax", "Xinhua"))
    assert main(["--db", str(db), "verify", str(article)]) == 0
    assert rows(db, "SELECT cited_outlets FROM claim_status") == [(["Xinhua"],)]


@pytest.mark.model
def test_articles_with_the_same_file_name_in_two_folders_stay_apart(db, tmp_path):
    for folder, number in (("a", "1,300"), ("b", "2,000")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article.md").write_text(f"About {number} servicemen took part in Peace Mission 2012.\n")
    assert main(["--db", str(db), "sources", "add", str(EXAMPLE / "sources")]) == 0
    assert main(["--db", str(db), "verify", str(tmp_path / "a/article.md"), str(tmp_path / "b/article.md")]) == 0
    assert rows(db, "SELECT count(DISTINCT article_id), count(*) FROM claim_status") == [(2, 2)]


@pytest.mark.model
def test_hard_wrapped_crlf_article_keeps_its_sentences_and_credit_scope(db, tmp_path):
    article = tmp_path / "article.txt"
    article.write_bytes(b"Around 2,000 personnel took part in\r\nPeace Mission 2012. It was held in\r\n"
                        b"northern Tajikistan (Krasnaya Zvezda, June 18).\r\n\r\nA second paragraph.\r\n")
    assert main(["--db", str(db), "sources", "add", str(EXAMPLE / "sources")]) == 0
    assert main(["--db", str(db), "verify", str(article)]) == 0
    got = rows(db, "SELECT sentence_text, cited_outlets FROM claim_status ORDER BY sentence_index")
    assert got == [("Around 2,000 personnel took part in\nPeace Mission 2012.", ["Krasnaya Zvezda"]),
                   ("It was held in\nnorthern Tajikistan (Krasnaya Zvezda, June 18).", ["Krasnaya Zvezda"]),
                   ("A second paragraph.", [])]


@pytest.mark.model
def test_cited_outlet_missing_from_the_store_is_source_missing_with_the_other_outlet_as_context(db, tmp_path):
    article = tmp_path / "article.md"
    article.write_text("---\ntitle: Drill\npublished: 2012-06-20\n---\n"
                       "The foreign ministers put a missile defense clause into the final communique of the "
                       "Beijing summit (Kommersant, June 8).\n")
    assert main(["--db", str(db), "sources", "add", str(EXAMPLE / "sources")]) == 0
    assert main(["--db", str(db), "verify", str(article)]) == 0
    [(status, outlet, in_store, explanation)] = rows(
        db, "SELECT status, evidence_outlet, cited_source_in_store, explanation FROM claim_status")
    assert (status, outlet, in_store) == ("source_missing", "Xinhua", False)   # Xinhua says it: never "supported"
    assert explanation.startswith("the cited source (Kommersant, 2012-06-08) has nothing in the store for those days: "
                                  "add it to check the claim. Context only, not the cited source: another source "
                                  "supports it: Xinhua")


@pytest.mark.model
def test_verifying_against_an_empty_store_says_so(db, tmp_path, capsys):
    article = tmp_path / "article.md"
    article.write_text("About 1,300 servicemen took part in Peace Mission 2012 (Krasnaya Zvezda, June 18).\n")
    assert main(["--db", str(db), "verify", str(article)]) == 0
    assert "the source store is empty: every cited claim is source_missing" in capsys.readouterr().out
    assert rows(db, "SELECT status, cited_source_in_store, flagged FROM claim_status") == [
        ("source_missing", False, True)]


def test_unknown_scorer_is_refused_before_anything_is_written(db, monkeypatch, capsys):
    monkeypatch.setenv("SOURCECHECK_SCORER", "bogus")
    assert main(["--db", str(db), "verify", str(EXAMPLE / "article.md")]) == 1
    assert "SOURCECHECK_SCORER='bogus' is not a scorer; available: nli-slots, similarity-slots" \
        in capsys.readouterr().err
    assert not db.exists()


@pytest.mark.model
def test_sentence_spans_stay_true_after_an_edit(db, tmp_path):
    article = tmp_path / "article.md"
    article.write_text("Troops came. Russia sent 1,300 troops (TASS, June 3).\n")
    assert main(["--db", str(db), "verify", str(article)]) == 0
    article.write_text("Many more troops came from afar. Russia sent 1,300 troops (TASS, June 3).\n")
    assert main(["--db", str(db), "verify", str(article)]) == 0
    spans = rows(db, "SELECT s.text, substr(a.body, s.start_char + 1, s.end_char - s.start_char) FROM claim_status c "
                     "JOIN sentences s ON s.sentence_id = (SELECT sentence_id FROM claims WHERE claim_id = c.claim_id) "
                     "JOIN articles a ON a.article_id = c.article_id")
    assert len(spans) == 2 and all(text == from_body for text, from_body in spans)
