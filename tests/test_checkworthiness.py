"""Opinion and analysis are uncheckable; what a named or unnamed source said stays checkable."""

import pytest

from sourcecheck.claims import checkworthiness as module
from sourcecheck.claims.checkworthiness import checkworthiness

pytestmark = pytest.mark.model   # parses with spaCy


@pytest.mark.parametrize("text, cue", [
    ("The pipeline probably gives Baku more leverage over Tbilisi.", "probably"),
    ("The new port might change the balance in the Caspian.", "might"),
    ("Whether the garrison stays depends on the budget.", "Whether"),
    ("The agreement turns Baku into a transit hub for Chinese goods.", "turns"),
    ("The visit signals a thaw between Ankara and Yerevan.", "signals"),
    ("This underscores how isolated Minsk has become.", "underscores"),
    ("The referendum was a defeat for the opposition's strategy.", None),
    ("The summit was a symbolic victory for Ashgabat.", "symbolic"),
    ("Baku's restraint is understandable.", "understandable"),
    ("In short, the corridor serves Ankara first.", "In short"),
])
def test_analysis_is_uncheckable(text, cue):
    checkable, reason = checkworthiness(text)
    if cue is None:   # an evaluative word the bundled list lacks is checked: conservative by design
        assert checkable
        return
    assert not checkable and f"“{cue}”" in reason


@pytest.mark.parametrize("text", [
    "Aliyev said the pipeline may be extended to Turkmenistan.",
    "The ministry told reporters that the garrison could stay until 2030.",
    "Diplomats said the talks might resume in June.",
    "“The corridor will probably open next year,” Erdogan said.",
    "Aliyev signaled readiness to resume the talks.",
    "Satellite images showed new trenches near the border.",
    "The convoy turned into the valley at dawn.",
    "The new ferry line opened on May 3.",
    "Erdogan called the visit important.",
])
def test_reports_and_reported_speech_stay_checkable(text):
    assert checkworthiness(text) == (True, "")


def test_a_users_cue_file_extends_the_list(tmp_path, monkeypatch):
    extra = tmp_path / "cues.txt"
    extra.write_text("# our house style\nto all appearances\n[evaluative]\ndefeat\n", encoding="utf-8")
    assert checkworthiness("To all appearances the ceasefire holds.")[0] is True
    monkeypatch.setenv("SOURCECHECK_ANALYSIS_CUES", str(extra))
    assert checkworthiness("To all appearances the ceasefire holds.")[0] is False
    assert checkworthiness("The referendum was a defeat for the opposition.")[0] is False


def test_an_unknown_section_is_refused_by_name(tmp_path, monkeypatch):
    extra = tmp_path / "cues.txt"
    extra.write_text("[adverbs]\nsurely\n", encoding="utf-8")
    monkeypatch.setenv("SOURCECHECK_ANALYSIS_CUES", str(extra))
    module._cues.cache_clear()
    with pytest.raises(ValueError, match=r"\[adverbs\]"):
        checkworthiness("Surely the ceasefire holds.")


@pytest.mark.parametrize("text, checkable", [
    # a named event reads a meaning into itself as `the drills suggest` does: the reference resolved keeps it
    ("Joint Sea-2019 suggest that Beijing treats the Pacific Fleet as a partner.", False),
    ("Vostok-2018 showed that Moscow can move a large force east.", False),
    ("The Peace Mission 2012 exercise signals a Chinese lead in the SCO.", False),
    # a plain fact about an event stays checkable, and so does what an outlet suggested
    ("Joint Sea-2019 involved thirteen surface ships.", True),
    ("Xinhua suggested that Beijing treats the Pacific Fleet as a partner.", True),
    ("Peace Mission 2012 took place in Tajikistan.", True),
])
def test_a_named_event_is_not_a_reporting_subject(text, checkable):
    assert checkworthiness(text)[0] is checkable
