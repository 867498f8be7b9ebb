"""What `claim_slots` stores is what the verdicts compared: the claims stage and the scorers read a claim's slots
with one reader (sourcecheck.slots), so a user querying the table sees the slots a verdict used."""

import datetime as dt

import pytest
from conftest import rows

from sourcecheck.slots import slots_of
from sourcecheck.slots.claim_slots import claim_slots

ARTICLE = """---
title: Tanks in Tajikistan
published: 2012-06-20
---
Close to 1,300 troops took part in Peace Mission 2012 (Krasnaya Zvezda, June 18).

A dozen tanks crossed into Tajikistan (Krasnaya Zvezda, June 18).
"""
QUANTITY_ROWS = """SELECT s.text, s.number, s.approximator, s.unit, s.number_low, s.number_high, c.text
                   FROM claim_slots s JOIN claims c USING (claim_id) WHERE s.kind = 'quantity' ORDER BY c.text"""


def test_claim_slots_rows_are_the_quantities_the_verdict_compared(small_store, tmp_path):
    """"Close to 1,300 troops" was stored as 1300 without its approximator while compared as 1,170-1,430;
    "A dozen tanks" was stored as nothing while compared as 12 vehicles."""
    article = tmp_path / "tanks.md"
    article.write_text(ARTICLE, "utf-8")
    assert small_store.run("verify", str(article)) == 0
    stored = [r[:6] for r in rows(small_store.db, QUANTITY_ROWS) if r[6].startswith(("Close", "A dozen"))]
    assert stored == [("dozen tanks", 12.0, None, "vehicle", 12.0, 12.0),
                      ("Close to 1,300 troops", 1300.0, "close to", "personnel", 1170.0, pytest.approx(1430.0))]
    [close_to] = slots_of("Close to 1,300 troops took part in Peace Mission 2012.").quantities
    assert (close_to.low, close_to.high) == stored[1][4:]
    # the verdict agrees with "About 1,300 servicemen" on the very slot stored, named as written
    [explanation] = rows(small_store.db, "SELECT explanation FROM claim_status WHERE claim_text LIKE 'Close to%'")[0]
    assert "agrees on number (personnel): “Close to 1,300 troops”" in explanation


def _compared(text: str) -> list[tuple]:
    """The slots the verdicts compare for a claim, as claim_slots rows hold them (a date as its month and days)."""
    read = slots_of(text)
    found = [("quantity", q.written, q.value, q.approximator, q.unit, q.low, q.high, None) for q in read.quantities]
    for d in read.dates:
        first, last = (dt.date(2000, 1, 1) + dt.timedelta(days=day - 1) for day in (d.start, d.end))
        found.append(("date", d.written, first.month, first.day, last.month, last.day, None, None))
    found += [("person", name, None, None, None, None, None, None) for name in read.people]
    found += [("place", name, None, None, None, None, None, name in read.venues) for name in read.places]
    return sorted(found, key=repr)


def test_stored_slots_of_the_demo_claims_equal_their_reading(demo_db):
    stored: dict[str, list[tuple]] = {}
    for claim_id, kind, text, number, approximator, unit, low, high, venue, start, end in rows(demo_db, """
            SELECT claim_id, kind, text, number, approximator, unit, number_low, number_high, venue,
                   date_start, date_end FROM claim_slots WHERE kind IN ('quantity', 'date', 'person', 'place')"""):
        if kind == "date":
            row = (kind, text, start.month, start.day, end.month, end.day, None, None)
        else:
            row = (kind, text, number, approximator, unit, low, high, venue)
        stored.setdefault(claim_id, []).append(row)
    assert {kind for found in stored.values() for kind, *_ in found} == {"quantity", "date", "person", "place"}
    for claim_id, text in rows(demo_db, "SELECT claim_id, text FROM claims"):
        assert sorted(stored.get(claim_id, []), key=repr) == _compared(text), text


@pytest.mark.model   # the organisations are spaCy's entities
@pytest.mark.parametrize("published, year", [
    (dt.date(2012, 6, 26), 2012),
    (dt.date(2013, 1, 5), 2012),     # a January article on June: the June before
])
def test_claim_dates_are_placed_in_the_article_year(published, year):
    [date] = claim_slots("The drill was held from June 8 to June 14.", published).dates
    assert (date.written, date.start, date.end) == ("June 8 to June 14", dt.date(year, 6, 8), dt.date(year, 6, 14))
    assert claim_slots("The drill was held from June 8 to June 14.", None).dates[0].start is None
