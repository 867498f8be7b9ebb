"""Every atomic claim is a sentence (issue 24, class 6): the well-formedness check, the splits it guards, and the
atomic items of the challenge set (tests/fixtures/challenge/atomic.jsonl) through the claims stage."""

import json
import re

import pytest
from conftest import ROOT

from sourcecheck.claims.articles import read_article
from sourcecheck.claims.extract import extract_claims
from sourcecheck.claims.outlets import load_registry
from sourcecheck.claims.segments import parse, why_not_a_sentence
from sourcecheck.claims.well_formed import why_malformed

pytestmark = pytest.mark.model   # loads spaCy: not in `make check`

CASES = [json.loads(line) for line in (ROOT / "tests/fixtures/challenge/atomic.jsonl").read_text("utf-8").splitlines()
         if line.strip()]


@pytest.mark.parametrize("sentence", [
    "Kazakhstan and Uzbekistan signed a water-sharing agreement on March 2.",
    "Sooronbay Jeenbekov is the Kyrgyz president.",
    "The Kyrgyz delegation numbered 12 officers.",
    "Sergei Lavrov said that Moscow would keep its base in Tajikistan.",
    "Last year the base hosted 400 troops.",
    "Whether Bishkek will keep its side of the bargain remains to be seen.",
    "“Our border guards will stay,” the minister said.",
])
def test_sentences_are_well_formed(sentence):
    assert why_malformed(parse(sentence)) is None


@pytest.mark.parametrize("fragment, why", [
    ("This newspaper that Kazakhstan had postponed the purchase of fighters.", "no verb"),
    ("The author that Tashkent had rejected the offer.", "no verb"),
    ("Signed a joint statement on border security in Dushanbe.", "no subject"),
    ("Reporters the base would close by December.", "no role before the subject"),
    ("The brigade was formed in 2016 and which is based in Osh.", "refers to nothing"),
    ("That the brigade is based in Osh.", "subordinate clause"),
    ("The defense ministers of the five states.", "no verb"),
])
def test_fragments_are_named_with_what_they_lack(fragment, why):
    assert why in (why_malformed(parse(fragment)) or "")


def _claims(text: str, published: str = "2019-03-06", tmp_path=None) -> tuple:
    path = tmp_path / "article.md"
    path.write_text(f"---\npublished: {published}\n---\n{text}\n", "utf-8")
    return extract_claims(read_article(path), load_registry())


def test_a_told_credit_whose_cut_leaves_a_fragment_stays_whole_and_unnamed(tmp_path):
    [claim] = _claims("Officials told reporters the base would close by December.", tmp_path=tmp_path).claims
    assert claim.text == "Officials told reporters the base would close by December."
    assert claim.assigned_by == "unnamed"


def test_an_unnamed_source_telling_this_newspaper_is_the_credit_not_the_claim(tmp_path):
    [claim] = _claims("Diplomats told this newspaper that Minsk had driven a hard bargain over the gas price.",
                      tmp_path=tmp_path).claims
    assert claim.text == "Minsk had driven a hard bargain over the gas price."
    assert claim.assigned_by == "unnamed"


def test_a_subject_with_relative_clauses_is_not_cut_at_its_comma_and(tmp_path):
    texts = [c.text for c in _claims("Tokayev, who met Putin in Sochi, and Mirziyoyev, who stayed home, signed "
                                     "the treaty.", tmp_path=tmp_path).claims]
    assert texts == ["Tokayev met Putin in Sochi.", "Mirziyoyev stayed home.",
                     "Tokayev and Mirziyoyev signed the treaty."]


def test_coordinated_relative_clauses_each_name_the_antecedent(tmp_path):
    texts = [c.text for c in _claims("The brigade, which was formed in 2016 and which is based in Osh, took part "
                                     "in the drill.", tmp_path=tmp_path).claims]
    assert texts == ["The brigade was formed in 2016.", "The brigade is based in Osh.",
                     "The brigade took part in the drill."]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(".").lower()


def test_challenge_atomic_items_and_every_claim_is_a_sentence(tmp_path):
    """The atomic items of the challenge set: at least 90% exact, and no emitted claim is a fragment."""
    right, wrong, fragments = 0, [], []
    for case in CASES:
        case_dir = tmp_path / case["id"]
        case_dir.mkdir()
        extracted = _claims(case["article"]["text"], case["article"]["published"], case_dir)
        fragments += [c.text for c in extracted.claims if why_not_a_sentence(c.text)]
        for item in [i for i in case["expect"] if "sentence" in i]:
            sentences = [s for s in extracted.sentences if item["sentence"].lower() in s.text.lower()]
            got = [c.text for s in sentences for c in extracted.claims if c.sentence_id == s.sentence_id]
            if [_norm(g) for g in got] == [_norm(c) for c in item["claims"]]:
                right += 1
            else:
                wrong.append((case["id"], got))
    assert len(CASES) >= 25
    assert right / (right + len(wrong)) >= 0.90, wrong
    assert fragments == []
