"""Every change goes through the journal: log, edit, delete, skip, undo. Each returns what was done
in words, drops the cached plans (the next week asked for shows the change), and publishes one
notice; a refusal raises and changes nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from legday.core.errors import DataError, InputError
from legday.core.model import CardioSession, CheckIn, Exercise, LegSession, Skip
from legday.core.plan import Session
from tests.journal.conftest import MONDAY, TODAY

LEGS = LegSession(MONDAY, dt.time(18, 0), 60, 8, (Exercise("back squat", 5, 5, 100.0),))
RUN = CardioSession(TODAY, "run", 30, 4, dt.time(7, 0))


def done(plan, day: dt.date) -> list[Session]:
    found = plan.day(day)
    return [s for s in found.sessions if s.status == "done"] if found else []


def test_log_saves_replans_and_says_so(journal, notices):
    j = journal()
    seen = notices(j)
    assert done(j.week_plan(TODAY), MONDAY) == []
    assert j.is_planned(TODAY)
    assert j.log(LEGS) == "logged legs Mon 16 Nov"
    assert not j.is_planned(TODAY)  # the cache went with the change
    assert [s.kind for s in done(j.week_plan(TODAY), MONDAY)] == ["legs"]
    assert j.records() == [LEGS]
    assert [(c.message, c.outside, c.settings, c.warning) for c in seen] == [
        ("Logged legs Mon 16 Nov.", False, False, "")
    ]
    assert journal().records() == [LEGS]  # on disk, for the next legday too


def test_a_check_in_replaces_that_days(journal):
    j = journal()
    j.log(CheckIn(TODAY, 6))
    j.log(CheckIn(TODAY, 2, sleep_hours=8.0))
    assert j.checkin(TODAY) == CheckIn(TODAY, 2, sleep_hours=8.0)
    assert j.records() == [CheckIn(TODAY, 2, sleep_hours=8.0)]


def test_the_same_session_logged_twice_is_refused_and_nothing_is_announced(journal, notices):
    j = journal()
    j.log(RUN)
    seen = notices(j)
    with pytest.raises(InputError, match="logged already"):
        j.log(RUN)
    assert seen == [] and j.records() == [RUN]
    assert j.undo_labels() == ["logged run Thu 19 Nov"]


def test_edit_puts_the_new_record_where_the_old_was(journal, notices):
    j = journal()
    j.log(RUN)
    seen = notices(j)
    longer = dataclasses.replace(RUN, minutes=45)
    assert j.replace(RUN, longer) == "edited run Thu 19 Nov"
    assert j.records() == [longer] and j.find(_id(longer)) == longer and j.find(_id(RUN)) is None
    assert [c.message for c in seen] == ["Edited run Thu 19 Nov."]
    assert j.replace(longer, longer) == "nothing to change in run Thu 19 Nov"
    with pytest.raises(TypeError):
        j.replace(longer, Skip(TODAY, "run"))
    with pytest.raises(DataError, match="no longer in the log"):
        j.replace(RUN, longer)  # the old one is gone: refused, nothing written
    assert j.records() == [longer] and len(seen) == 1


def test_delete_and_deleting_again(journal, notices):
    j = journal()
    j.log(LEGS)
    seen = notices(j)
    assert j.remove(LEGS) == "deleted legs Mon 16 Nov"
    assert j.records() == []
    with pytest.raises(DataError, match="no longer in the log"):
        j.remove(LEGS)
    assert [c.message for c in seen] == ["Deleted legs Mon 16 Nov."]


def test_skip_records_what_was_suggested(journal):
    j = journal()
    suggested = Session(kind="cardio", status="suggested", modality="bike")
    assert j.skip(TODAY, suggested) == "skipped bike Thu 19 Nov"
    assert j.skip(TODAY, suggested) == "skipped bike Thu 19 Nov"  # twice: recorded once
    assert j.records() == [Skip(TODAY, "bike")]
    rest = Session(kind="rest", status="suggested")
    j.skip(TODAY, rest)
    assert Skip(TODAY, "rest") in j.records()


def test_undo_reverses_the_newest_change_of_any_legday(journal, notices):
    first, second = journal(), journal()
    first.log(LEGS)
    second.log(RUN)  # another process, same folders
    seen = notices(first)
    assert first.undo_labels() == ["logged run Thu 19 Nov", "logged legs Mon 16 Nov"]
    assert first.undo() == "logged run Thu 19 Nov"
    assert first.records() == [LEGS]
    assert [c.message for c in seen] == ["Undid: logged run Thu 19 Nov."]
    assert first.undo() == "logged legs Mon 16 Nov"
    assert first.undo() is None and len(seen) == 2


def test_undo_of_a_record_changed_by_hand_since_is_refused(journal, notices, data):
    j = journal()
    j.log(RUN)
    month = data / "log" / "2026" / "2026-11.toml"
    month.write_text(month.read_text().replace("30min", "35min"))  # edited in a text editor
    seen = notices(j)
    with pytest.raises(DataError, match="changed or deleted since; nothing was changed"):
        j.undo()
    assert j.records() == [dataclasses.replace(RUN, minutes=35)] and seen == []
    assert j.undo_labels() == ["logged run Thu 19 Nov"]


def test_a_file_that_cannot_be_written_raises_and_announces_nothing(journal, notices, data):
    j = journal()
    j.log(RUN)
    month = data / "log" / "2026" / "2026-11.toml"
    month.write_text(month.read_text().replace("effort 4", "effort 44"))  # a bad hand edit
    seen = notices(j)
    with pytest.raises(DataError) as raised:
        j.log(LEGS)
    assert f"{month}:" in str(raised.value)
    assert seen == []


def _id(record) -> str:
    from legday.core.records import record_id

    return record_id(record)
