"""The journal merges the conflict copies a sync tool leaves: when it opens (the command line prints
the notice) and whenever it notices an outside change (the app shows the notice), saying what came in
("Merged a copy from another device: 1 leg session added.") and any real conflict as the warning.
``checkup`` (``legday doctor``) lists copies and unreadable files, and merges on request."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from legday.core.model import CardioSession, CheckIn, Exercise, Goal, LegSession, Profile
from legday.core.settings import Settings
from legday.journal import journal_at
from tests.journal.conftest import TODAY

SQUAT = LegSession(TODAY - dt.timedelta(days=3), dt.time(18), 60, 8, (Exercise("back squat", 5, 5, 100.0),))
RUN = CardioSession(TODAY - dt.timedelta(days=1), "run", 30, 4, dt.time(7))
BIKE = CardioSession(TODAY - dt.timedelta(days=2), "bike", 30, 3, dt.time(7))
COPY = "log/2026/2026-11.sync-conflict-20261119-070000-ABCDEFG.toml"


def other_machine(data: Path, tmp_path: Path, clock, *records) -> bytes:
    """November as another machine has it after logging ``records`` on a copy of ``data``; its undo
    steps arrive in ``data`` (as a sync tool brings them), its November is returned for the copy."""
    there = tmp_path / "there"
    shutil.copytree(data, there)
    j = journal_at(there, tmp_path / "there-config", clock, machine="bbbb2222")
    for record in records:
        j.log(record)
    bring_steps(there, data)
    return (there / "log/2026/2026-11.toml").read_bytes()


def bring_steps(there: Path, data: Path) -> None:
    for step in (there / "undo").glob("*-bbbb2222*.toml"):
        if not (data / "undo" / step.name).exists():
            arrive(data, f"undo/{step.name}", step.read_bytes())


def arrive(data: Path, rel: str, payload: bytes) -> None:
    """A file put in place as a sync tool does: a temp file renamed into place."""
    path = data / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(".syncthing." + path.name + ".tmp")
    temp.write_bytes(payload)
    temp.rename(path)


def test_a_copy_found_on_opening_is_merged_and_the_notice_is_handed_to_the_command_line(
    journal, data, tmp_path, clock
):
    j = journal()
    j.log(SQUAT)
    arrive(data, COPY, other_machine(data, tmp_path, clock, RUN))
    opened = journal()
    assert set(opened.records()) == {SQUAT, RUN}
    [notice] = opened.take_notices()
    assert notice.message == "Merged a copy from another device: 1 cardio session added."
    assert notice.outside and notice.warning == ""
    assert opened.take_notices() == []  # once
    assert not (data / COPY).exists() and (data / "merged-copies" / COPY).exists()


def test_the_app_hears_of_a_merge_made_on_opening_at_its_first_look_outside(
    journal, data, tmp_path, clock, notices
):
    journal().log(SQUAT)
    arrive(data, COPY, other_machine(data, tmp_path, clock, RUN))
    app = journal()
    seen = notices(app)
    assert app.check_outside() is True
    assert [c.message for c in seen] == ["Merged a copy from another device: 1 cardio session added."]
    assert app.check_outside() is False


def test_a_copy_arriving_while_the_app_runs_is_merged_at_the_next_look(
    journal, data, tmp_path, clock, notices
):
    app = journal()
    app.log(SQUAT)
    app.week_plan(TODAY)
    seen = notices(app)
    assert app.check_outside() is False
    arrive(data, COPY, other_machine(data, tmp_path, clock, RUN, BIKE))
    assert app.check_outside() is True  # the stamp saw the copy renamed into the year folder
    [change] = seen
    assert change.outside and change.message == "Merged a copy from another device: 2 cardio sessions added."
    assert not app.is_planned(TODAY)
    assert set(app.records()) == {SQUAT, RUN, BIKE}
    assert app.undo_labels()[0] == "merged a copy from another device: 2 cardio sessions added"


def test_a_real_conflict_is_the_notices_warning(journal, data, tmp_path, clock, notices):
    app = journal()
    app.log(CheckIn(TODAY, 3))
    there = other_machine(data, tmp_path, clock)  # (the same November, before either changes it)
    app.log(CheckIn(TODAY, 5))  # replaces this morning's check-in here
    there_dir = tmp_path / "there"
    j = journal_at(there_dir, tmp_path / "there-config", clock, machine="bbbb2222")
    j.log(CheckIn(TODAY, 7))  # and there
    del there
    bring_steps(there_dir, data)
    arrive(data, COPY, (there_dir / "log/2026/2026-11.toml").read_bytes())
    seen = notices(app)
    app.check_outside()
    [change] = seen
    # (This machine's edit is in the file already: what comes in is the other version.)
    assert change.message == "Merged a copy from another device: 1 check-in added."
    assert change.warning.startswith(
        "Check-in Thu 19 Nov was edited differently on both devices: both versions kept"
    )
    assert {c.soreness for c in app.records() if isinstance(c, CheckIn)} == {5, 7}


def test_a_copy_that_came_just_before_our_own_write_is_not_lost_in_it(journal, data, tmp_path, clock):
    app = journal()
    app.log(SQUAT)
    arrive(data, COPY, other_machine(data, tmp_path, clock, RUN))
    app.log(BIKE)  # before the app looked outside
    assert set(app.records()) == {SQUAT, RUN, BIKE}
    [notice] = app.take_notices()
    assert notice.message == "Merged a copy from another device: 1 cardio session added."


def test_profile_and_settings_copies_are_merged_and_read_again(
    journal, data, config, tmp_path, clock, notices
):
    app = journal()
    app.save_profile(Profile(goal=Goal.STRENGTH), Settings(week_start=2))
    # Another machine changed its leg days; this one its goal, since.
    there = journal_at(data, tmp_path / "x", clock, machine="bbbb2222")
    there.save_profile(Profile(goal=Goal.STRENGTH, leg_days=(1, 4)))
    copy = (data / "profile.toml").read_bytes()
    there.undo()
    app.save_profile(Profile(goal=Goal.POWER))
    arrive(data, "profile.sync-conflict-20261119-070000-ABCDEFG.toml", copy)
    arrive(
        config,
        "settings.sync-conflict-20261119-070000-ABCDEFG.toml",
        b'schema = 1\ncalendar_file = "/x/a.ics"\n',
    )
    seen = notices(app)
    assert app.check_outside() is True
    assert app.profile == Profile(goal=Goal.POWER, leg_days=(1, 4))
    assert app.settings == Settings(week_start=2, calendar_file="/x/a.ics")
    [change] = seen
    assert change.settings
    assert change.message == (
        "Merged 2 copies from another device: profile: leg days from the other device, "
        "settings: calendar file from the other device."
    )


def test_a_copy_that_cannot_be_read_is_a_problem_said_once_and_left(journal, data):
    journal().log(SQUAT)
    arrive(data, COPY, b"schema = 1\nlegs = [\n")
    app = journal()
    [problem] = app.take_problems()
    assert COPY.split("/")[-1] in problem and "not merged" in problem and "not valid TOML" in problem
    assert (data / COPY).exists()
    assert app.take_notices() == []


# -- checkup (legday doctor) ------------------------------------------------------------------------


def test_checkup_lists_copies_and_what_a_merge_would_do_then_merges_on_request(data, config, tmp_path, clock):
    journal_at(data, config, clock).log(SQUAT)
    arrive(data, COPY, other_machine(data, tmp_path, clock, RUN))
    arrive(data, "log/2026/2026-10.toml", b"schema = 1\ncardio = [\n")  # a month that cannot be read
    doctor = journal_at(data, config, clock, merge=False)
    assert (data / COPY).exists()  # opened without merging
    first = doctor.checkup()
    [copy] = first.copies
    assert (copy.path, copy.belongs_to) == (data / COPY, data / "log/2026/2026-11.toml")
    assert (copy.tool, copy.made, copy.state, copy.summary) == (
        "Syncthing",
        "2026-11-19 07:00:00",
        "would merge",
        "1 cardio session added",
    )
    [problem] = first.unreadable
    assert "2026-10.toml" in problem and not first.healthy
    assert (data / COPY).exists()  # a look changes nothing
    merged = doctor.checkup(merge=True)
    assert [c.state for c in merged.copies] == ["merged"]
    assert RUN in doctor.records()
    (data / "log/2026/2026-10.toml").unlink()
    assert doctor.checkup().healthy and doctor.checkup().copies == ()


def test_a_copy_waits_for_its_history_and_is_merged_when_the_steps_arrive(
    journal, data, tmp_path, clock, notices
):
    """Syncthing brings a machine's files in any order: a copy whose undo steps have not arrived
    yet is left (merging it then would bring back what the other machine deleted) until they do."""
    app = journal()
    app.log(SQUAT)
    app.log(BIKE)
    there = tmp_path / "there"
    shutil.copytree(data, there)
    other = journal_at(there, tmp_path / "there-config", clock, machine="bbbb2222")
    other.remove(BIKE)
    other.log(RUN)
    app.log(CheckIn(TODAY, 2))
    seen = notices(app)
    arrive(data, COPY, (there / "log/2026/2026-11.toml").read_bytes())  # the copy first
    assert app.check_outside() is True  # (the copy came: an outside change, nothing merged yet)
    assert [c.message for c in seen] == [""] and (data / COPY).exists()
    bring_steps(there, data)  # then the steps
    assert app.check_outside() is True
    assert (
        seen[-1].message
        == "Merged a copy from another device: 1 cardio session added, 1 cardio session deleted."
    )
    assert set(app.records()) == {SQUAT, RUN, CheckIn(TODAY, 2)}  # the bike stays deleted


def test_a_copy_whose_history_never_comes_is_merged_keeping_everything_after_a_while(
    journal, data, tmp_path, clock, notices, monkeypatch
):
    from legday.storage import merging

    app = journal()
    app.log(SQUAT)
    arrive(data, COPY, other_machine(data, tmp_path, clock, RUN))
    for step in (data / "undo").glob("*-bbbb2222.toml"):
        step.unlink()  # (pruned, or lost)
    seen = notices(app)
    assert app.check_outside() is True and (data / COPY).exists()
    monkeypatch.setattr(merging, "GRACE", 0)  # the copy is old enough now
    assert app.check_outside() is True  # looked again although nothing changed on disk
    assert seen[-1].message == "Merged a copy from another device: 1 cardio session added."
    assert "may be back" in seen[-1].warning
    assert RUN in app.records()
