"""Change notices (subscribe, unsubscribe), changes made by another legday noticed with two stats,
and problems handed out once each."""

from __future__ import annotations

import datetime as dt

from legday.core.model import CardioSession, CheckIn
from legday.core.settings import Settings
from tests.journal.conftest import TODAY

RUN = CardioSession(TODAY, "run", 30, 4, dt.time(7, 0))


def test_subscribers_hear_every_change_until_they_leave(journal):
    j = journal()
    heard: list[str] = []
    leave = j.subscribe(lambda change: heard.append(change.message))
    j.log(RUN)
    leave()
    j.log(CheckIn(TODAY, 3))
    j.subscribe(heard.append)
    j.unsubscribe(heard.append)
    j.undo()
    assert heard == ["Logged run Thu 19 Nov."]


def test_a_change_by_another_legday_is_noticed_once(journal, notices):
    app, command = journal(), journal()
    app.week_plan(TODAY)
    seen = notices(app)
    assert app.check_outside() is False  # nothing yet
    command.log(RUN)
    assert app.check_outside() is True
    assert [(c.outside, c.settings) for c in seen] == [(True, False)]
    assert not app.is_planned(TODAY)  # the plans were dropped, and re-read from disk:
    assert any(s.status == "done" for s in app.week_plan(TODAY).day(TODAY).sessions)
    assert app.check_outside() is False and len(seen) == 1


def test_our_own_change_is_not_taken_for_another_legdays(journal, notices):
    j = journal()
    j.log(RUN)
    j.save_settings(Settings(week_start=3))
    seen = notices(j)
    assert j.check_outside() is False and seen == []


def test_settings_changed_elsewhere_are_read_again(journal, notices):
    app, command = journal(), journal()
    seen = notices(app)
    command.save_settings(Settings(theme="legday-light", week_start=6))
    assert app.check_outside() is True
    assert app.settings == Settings(theme="legday-light", week_start=6)
    assert [(c.outside, c.settings) for c in seen] == [(True, True)]
    assert app.week_plan(TODAY).week_start == dt.date(2026, 11, 15)


def test_a_profile_changed_elsewhere_is_read_again(journal):
    from legday.core.model import Goal, Profile

    app, command = journal(), journal()
    assert app.first_run
    command.save_profile(Profile(goal=Goal.ENDURANCE))
    app.check_outside()
    assert app.profile.goal is Goal.ENDURANCE and not app.first_run


def test_problems_are_handed_out_once(journal, data, config):
    j = journal()
    j.log(RUN)
    month = data / "log" / "2026" / "2026-11.toml"
    month.write_text("schema = 1\ncardio = [\n")
    config.mkdir(exist_ok=True)
    (config / "settings.toml").write_text("schema = 1\nweek_start = 12\n")
    fresh = journal()
    fresh.week_plan(TODAY)
    problems = fresh.take_problems()
    assert any("settings.toml:2" in p for p in problems)
    assert any(str(month) in p for p in problems)
    assert [str(p) for p in fresh.file_problems] == [p for p in problems if str(month) in p]
    fresh.week_plan(TODAY - dt.timedelta(days=7))  # reading the same bad file again...
    assert fresh.take_problems() == []  # ...is not news
    fresh.add_problem("Theme file skipped: mine.toml:3: not a colour")
    assert fresh.take_problems() == ["Theme file skipped: mine.toml:3: not a colour"]
    assert fresh.take_problems() == []
