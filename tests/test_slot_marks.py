"""Which slots differ between a claim and a passage, and where they are marked."""

import pytest

from sourcecheck.reports.slot_marks import Piece, differing_slots, marked_pieces


@pytest.mark.parametrize("claim, passage, in_claim, in_passage", [
    ("Around 2,000 personnel took part in the drill.", "About 1,300 servicemen took part in the drill.",
     ("Around 2,000 personnel",), ("About 1,300 servicemen",)),
    ("The company made a 400-kilometer march.", "The company made a 300-kilometre march.",
     ("400-kilometer",), ("300-kilometre",)),
    ("The ministers met in Beijing on June 7.", "The ministers met in Beijing on June 5.", ("June 7",), ("June 5",)),
    ("Jets refuelled during strikes in southern Kazakhstan.", "Jets refuelled during strikes in southern Kyrgyzstan.",
     ("Kazakhstan",), ("Kyrgyzstan",)),
    ("More than 1,000 personnel took part.", "About 1,300 servicemen took part.", (), ()),   # agree: nothing marked
    ("Around 2,000 personnel took part.", "The drill was held in Tajikistan.", (), ()),    # silent: nothing marked
])
def test_only_differing_slots_are_reported(claim, passage, in_claim, in_passage):
    found = differing_slots(claim, passage, passage)
    assert (found.in_claim, found.in_passage) == (in_claim, in_passage)


def test_marked_pieces_keep_the_text_and_mark_each_occurrence():
    text = "About 1,300  servicemen <b>took</b> part; about 1,300 servicemen."
    pieces = marked_pieces(text, ("About 1,300 servicemen",))
    assert "".join(p.text for p in pieces) == text
    assert [p.text for p in pieces if p.marked] == ["About 1,300  servicemen", "about 1,300 servicemen"]
    unmarked = [Piece("A 21,300 servicemen march", False)]
    assert marked_pieces("A 21,300 servicemen march", ("1,300 servicemen",)) == unmarked
