"""plan_week: a window of seven days onto one timeline.

The planner works on time, not on calendar weeks. It reads the history (eight weeks back), then goes
day by day from today to the last day asked for, deciding each day once, in order:

    1. the morning's readiness, from every session before it - logged, and from today on the ones the
       plan itself put on the days before (a suggestion counts as if done: doing it as suggested
       changes nothing ahead) - and the person's check-ins (readiness.py);
    2. the day's leg session: logged, or planned on a usual leg day (or moved here from a dropped
       one), shaped by the legs as they will be (rules/legs.py);
    3. the day's cardio: the rules of rules/ in a fixed order, then the rolling week (rules/week.py:
       any seven days, never the calendar week), then the words, written last from the final session.

Days before today show what was logged. The week on screen is a window onto this timeline, so a day's
sessions are the same whichever weekday the week starts on. Every line about time is counted in days
(the leg day, the day after, the second day after), so moving a session by an hour within its day
moves the plan's start times, never what it suggests.

Cost: history is cut to ``history_window`` once; each day's questions are dictionary look-ups over the
three weeks a session can weigh on the legs, so ten years of history cost what one does.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import statistics
from collections.abc import Sequence
from dataclasses import replace

from legday.core.catalogue import regions_loaded
from legday.core.evidence import LEGDAY, reason
from legday.core.model import (
    MODALITIES,
    REGIONS,
    CardioSession,
    CheckIn,
    Goal,
    History,
    LegSession,
    Profile,
    Skip,
)
from legday.core.plan import HARD_INTENSITIES, DayPlan, Reason, Session, Totals, WeekPlan, logged_intensity
from legday.core.readiness import (
    CARRY,
    DANGER_RATIO,
    HARD_LEG_EFFORT,
    LegIndex,
    Pain,
    Readiness,
    acwr,
    daily_loads,
    day_readiness,
    leg_strain,
)
from legday.core.rules import (
    EFFORT,
    IMPACT,
    TOO_SORE,
    Ctx,
    Draft,
    LegDay,
    Recent,
    add_ons,
    apply_state,
    apply_timing,
    choose_modality,
    disagreements,
    fit_to_volume,
    free_day_draft,
    guard,
    hours_between,
    leg_addons,
    leg_day_draft,
    leg_reasons,
    loads_hard,
    place,
    plan_leg_session,
    runners_leg_day,
    settle,
    sport_words,
    target,
)
from legday.core.rules.base import RECOVERY_BELOW, VERY_SORE, on_foot
from legday.core.rules.checks import heads_ups
from legday.core.rules.legs import (
    DELOAD_DAYS,
    SORE_REGION,
    TAPER_DAYS,
    Deload,
    Template,
    deload_of,
    lighter_reasons,
    taper_share,
    template_for,
    verdict,
)
from legday.core.rules.week import (
    FULL_WEEK,
    HARD_CARDIO_EFFORT,
    RACING,
    Behind,
    day_off,
    give_share,
    hard_cap,
    rest_pick,
    share,
    trim,
)
from legday.core.strain import (
    COURSE_DAYS,
    LONGEST_COURSE,
    POINTS_PER_LOAD,
    Strain,
    cardio_strain,
    fraction_left,
    kind_factor,
    race_like,
    recovery_days,
)
from legday.core.talk import talk_words
from legday.core.values import MutableValue

DAY = dt.timedelta(days=1)
# History the planner reads before the first day it looks at: 8 weeks covers the 28-day ratio (S5)
# twice over, four weeks of leg sessions to plan from with the four weeks before them (what was new),
# and the three weeks a race can weigh on the legs.
LOOKBACK_DAYS = 56
ACCUSTOMED_DAYS = 3  # days with a modality in the 6 weeks before: it is no longer new to the person
USUAL_LONG = 75  # minutes: a session this long, kept on one weekday, is the person's long easy day
# Leg days past the window the rules must know of (E6, P1: nothing hard the day before legs).
HORIZON_DAYS = 7
# A week starting more than three weeks ahead is planned from two weeks before it (not from today): a
# projection that far is a sketch, and a sketch needn't cost a month of planning.
FAR_AHEAD = 21
FAR_LEAD = 14
# P5: still this sore this many days after the session that most likely caused it means it was too
# much or too new. legday's own lines: 5+ from the fourth day on; and 7+ already on the third, when the
# 24-48 h peak has passed (S7: soreness is lower at 72 h than at 48 h) and it should be easing.
LINGERING_SORENESS, LINGERING_DAYS = 5, 4
EARLY_LINGERING_SORENESS, EARLY_LINGERING_DAYS = 7, 3
# ...but soreness two weeks after anything is not that session's doing.
LINGERING_MAX_DAYS = 14
CAUSE_DAYS = 14
# A pain flag this old with no check-in since says little (legday's own).
PAIN_DAYS = 42
# An event date that passed without a log (legday's own estimate): a meet for the strength and power
# goals, heavy singles after warm-ups; for the others a race about as long as the longest session of
# the four weeks before it.
MEET_EFFORT, MEET_MINUTES, MEET_RECOVERY = 9, 90, 4
RACE_EFFORT, RACE_DEFAULT_MINUTES = 8, 60
RACE_MINUTES = (30, 240)
# The usual cardio time of a weekday is read from this many sessions on it, at least (legday's own).
USUAL_TIME_FROM = 2
SIX_HOURS = dt.timedelta(hours=6)  # E5: same-day sessions 6 h apart
# A leg session dropped for soreness is offered two days on at the soonest (legday's own).
OFFER_AFTER = 2
# A race-like effort with a like one 5 to 14 days before it is routine (a weekly match), not a race.
ROUTINE_DAYS = (5, 14)
# The shortest session the taper leaves (legday's own: less is not worth going out for).
TAPER_LEAST = 15
# After a race the volume comes back as a taper run backwards (legday's reading of G3 and S12): over
# twice the race's recovery days (three weeks at most), each session from about half its usual minutes
# on the day after to all of them at the end; the long run waits until it is over.
COMEBACK_PER_RECOVERY_DAY, COMEBACK_MOST, COMEBACK_FIRST = 2, 21, 0.5
# Back after a break (legday's own): two weeks without a leg session or cardio at 3+, after some
# training in the seven weeks before; the first week back is lighter: its minutes come back as after a
# race, from about half of each session on the day back to nearly all of it at the end of the week (so
# the first week holds less than a usual week before the break, not the aim's full floor).
BREAK_DAYS, BACK_DAYS, BREAK_LOOKBACK = 14, 7, 49
BACK_FIRST = 0.5

# The rule behind each thing that holds a day back, for the week's shortfall note (the first one named).
HELD_BACK_BY = {
    "pain": "P4",
    "sore or tired legs": "P4",
    "recovering from a competition": "G3",
    "race week's taper": "S12",
    "the taper": "S12",
    "building up from your recent sessions": "P5",
    "a short night": "P3",
    "coming back from a break": "P5",
    FULL_WEEK: "G6",
}


def week_of(today: dt.date, week_start: int = 0) -> dt.date:
    return today - dt.timedelta(days=(today.weekday() - week_start) % 7)


def _anchor(today: dt.date, shown: dt.date) -> dt.date:
    """The first day the timeline plans: today, or for a week far ahead two weeks before it. Depends
    on the day asked for, never on the weekday the week starts on."""
    return shown - dt.timedelta(days=FAR_LEAD) if (shown - today).days > FAR_AHEAD else today


def history_window(
    today: dt.date, week_start: int = 0, *, week: dt.date | None = None
) -> tuple[dt.date, dt.date]:
    """The dates (both included) of history plan_week needs; storage loads only these."""
    shown = week or today
    start = week_of(shown, week_start)
    first = min(start, _anchor(today, shown))
    return first - dt.timedelta(days=LOOKBACK_DAYS), start + dt.timedelta(days=6 + HORIZON_DAYS)


def plan_week(
    profile: Profile, history: History, today: dt.date, week_start: int = 0, *, week: dt.date | None = None
) -> WeekPlan:
    """The week (7 days from weekday ``week_start``, Monday = 0) containing ``week`` (default: today),
    as of ``today``: days before today show what was logged, the rest is planned. Deterministic."""
    return build_week(profile, history, today, week_start, week=week)


def build_week(
    profile: Profile,
    history: History,
    today: dt.date,
    week_start: int = 0,
    disabled: frozenset[str] = frozenset(),
    *,
    week: dt.date | None = None,
) -> WeekPlan:
    """plan_week with some rules switched off: only the tests use ``disabled``, to prove that each
    rule's test fails without it."""
    return _Timeline(profile, history, today, week_start % 7, frozenset(disabled), week).week()


def _slice(items: Sequence, first: dt.date, last: dt.date) -> list:
    """Items dated first..last. History is kept in date order, so a long one is bisected (cheap
    however many years it holds); a short or out-of-order one is simply scanned."""
    if len(items) >= 64 and items[0].date <= items[-1].date:
        lo = bisect.bisect_left(items, first, key=lambda i: i.date)
        hi = bisect.bisect_right(items, last, key=lambda i: i.date)
        part = items[lo:hi]
        if all(a.date <= b.date for a, b in itertools.pairwise(part)):
            return list(part)
    return sorted((i for i in items if first <= i.date <= last), key=lambda i: i.date)


class _Ledger(MutableValue):
    """One day as the rolling week sees it."""

    minutes: int = 0
    sessions: int = 0
    hard: bool = False
    busy: bool = False  # any training (a leg session, or cardio at 3+ or planned as training)
    g4: bool = False
    long: bool = False
    on_foot: int = 0  # of the minutes, easy walking and hiking (rules.base.ON_FOOT)


class _Dropped(MutableValue):
    reason: Reason
    moved_to: dt.date | None = None


class _Lingering(MutableValue):
    date: dt.date
    soreness: int
    gap: int
    cause: str
    legs: bool  # the likely cause was a leg session
    running: bool = False  # rated too sore (8+) two mornings running: "can't walk for days"
    eased: int | None = None  # the lower rating since the session, when it had eased and came back


class _Timeline:
    def __init__(
        self,
        profile: Profile,
        history: History,
        today: dt.date,
        week_start: int,
        disabled: frozenset[str],
        week: dt.date | None = None,
    ):
        self.profile, self.today, self.disabled = profile, today, disabled
        shown = week or today
        self.start = week_of(shown, week_start)
        self.end = self.start + 6 * DAY
        self.anchor = _anchor(today, shown)
        self.first = min(self.start, self.anchor)
        lo, hi = history_window(today, week_start, week=week)
        legs: list[LegSession] = _slice(history.legs, lo, hi)
        self.cardio: list[CardioSession] = _slice(history.cardio, lo, hi)
        # A morning not yet come has no rating: a check-in dated after today is not known as of today.
        checkins = _slice(history.checkins, lo, min(hi, today))
        self.checkins: dict[dt.date, CheckIn] = {c.date: c for c in checkins}
        self.checkin_days = sorted(self.checkins)
        self.skips: set[tuple[dt.date, str]] = {(s.date, s.modality) for s in _slice(history.skips, lo, hi)}
        self.logged_legs = legs
        self.legs_by_date: dict[dt.date, list[LegSession]] = {}
        for s in legs:
            self.legs_by_date.setdefault(s.date, []).append(s)
        self.cardio_by_date: dict[dt.date, list[CardioSession]] = {}
        self.suggested_modality: dict[dt.date, str] = {}  # what the plan put on a day, once decided
        for c in self.cardio:
            self.cardio_by_date.setdefault(c.date, []).append(c)
        self.index = LegIndex(legs)
        self.recent = Recent(self.cardio, [d for d, _ in self.skips])
        self.event = profile.event_date
        self.meet = profile.goal in (Goal.STRENGTH, Goal.POWER)
        self.share = share(profile, self.on)
        # Training days (for "back after a break"), hard days (for "a third hard day running").
        self.training = sorted({s.date for s in legs} | {c.date for c in self.cardio if c.effort >= 3})
        self.hard_days = {c.date for c in self.cardio if c.effort >= HARD_LEG_EFFORT}
        self.hard_days |= {s.date for s in legs if s.effort >= HARD_LEG_EFFORT}
        # Strains by day: logged sessions before the first planned day now; the rest as the days come.
        self.strains: dict[dt.date, list[Strain]] = {}
        for s in legs:
            if s.date < self.anchor:
                self.strains.setdefault(s.date, []).append(self._leg_strain(s))
        for c in self.cardio:
            if c.date < self.anchor:
                self.strains.setdefault(c.date, []).append(self._cardio_strain(c))
        if self.event is not None and self.event < self.anchor and self._unlogged(self.event):
            self.strains.setdefault(self.event, []).append(self._event_strain())
        self.lingering = self._lingering_days(checkins)
        # What the days hold, as they are decided.
        self.readiness: dict[dt.date, Readiness] = {}
        self.ctx: dict[dt.date, Ctx] = {}
        self.drafts: dict[dt.date, Draft] = {}
        self.suggestions: dict[dt.date, Session] = {}
        self.done: dict[dt.date, list[Session]] = {}
        self.planned: dict[dt.date, LegSession] = {}
        self.leg_notes: dict[dt.date, list[Reason]] = {}
        self.moved_in: dict[dt.date, tuple[dt.date, str]] = {}  # day -> (dropped from, why)
        self.matches: dict[dt.date, CardioSession] = {}  # the usual matches planned, as they would be logged
        self.dropped: dict[dt.date, _Dropped] = {}
        self.ledgers: dict[dt.date, _Ledger] = {}
        self._placeholders: dict[dt.date, list[LegSession]] = {}
        self._race_list: list[Strain] | None = None
        self._templates: dict[dt.date, Template | None] = {}
        self._deloads: dict[LegSession, Deload | None] = {}
        self._run()

    def on(self, rule: str) -> bool:
        return rule not in self.disabled

    # -- the timeline, day by day --------------------------------------------------------------------

    def _run(self) -> None:
        self._offers_from_missed_days()
        day = self.first
        while day <= self.end:
            if day < self.anchor:
                self._past(day)
            else:
                self._plan(day)
            day += DAY

    def _past(self, day: dt.date) -> None:
        self.readiness[day] = self._readiness(day)
        self.ctx[day] = self._ctx(day, self.index.on(day))
        self._log_done(day)

    def _log_done(self, day: dt.date) -> None:
        """Logged cardio as sessions, each with its heads-ups, asked as the day is decided: of what was
        known then, never of what later days turn out to hold."""
        ctx = self.ctx[day]
        self.done[day] = [self._logged_cardio(c, heads_ups(c, ctx)) for c in self.cardio_by_date.get(day, [])]

    def _plan(self, day: dt.date) -> None:
        r = self.readiness[day] = self._readiness(day)
        logged = self.legs_by_date.get(day, [])
        if not logged and (day in self.moved_in or self._usual(day)):
            self._plan_legs(day, r)
        ctx = self.ctx[day] = self._ctx(day, self.index.on(day))
        if day not in self.cardio_by_date:
            d = self._draft(ctx)
            if d is not None:
                self.drafts[day] = d
        self._settle_day(day)
        self._log_done(day)
        if day in self.drafts:
            # The words, written now from the final session: what is known once the day is decided,
            # never what later days turn out to hold.
            self.suggestions[day] = self._session(self.drafts[day])

    def _plan_legs(self, day: dt.date, r: Readiness) -> None:
        moved = self.moved_in.get(day)
        x = self._leg_day(day, r, moved)
        session, notes = plan_leg_session(x)
        if session is None:
            if notes:
                v = verdict(x)
                dropped = _Dropped(notes[0])
                if v.offer and moved is None:
                    target_day = self._offer_day(day)
                    if target_day is not None:
                        self.moved_in[target_day] = (day, _why(notes[0]))
                        dropped.moved_to = target_day
                self.dropped[day] = dropped
            return
        self.planned[day] = session
        self.leg_notes[day] = notes
        self.index.add(session)
        if session.effort >= HARD_LEG_EFFORT:
            self.hard_days.add(day)

    def _settle_day(self, day: dt.date) -> None:
        """The day is decided: its sessions become load for the days after it, and the rolling week's."""
        strains = self.strains.setdefault(day, [])
        ledger = _Ledger()
        for s in self.index.on(day):
            status = "planned" if self.planned.get(day) is s else "done"
            strains.append(self._leg_strain(s, status))
            ledger.busy = True
        for c in self.cardio_by_date.get(day, []):
            strains.append(self._cardio_strain(c))
            ledger.minutes += c.minutes
            ledger.on_foot += c.minutes if on_foot(c.modality, c.effort) else 0
            ledger.sessions += 1
            ledger.hard |= c.effort >= HARD_CARDIO_EFFORT
            ledger.busy |= c.effort >= 3
            ledger.long |= _long(c.minutes, c.effort)
            ledger.g4 |= self._g4_like(c)
        if day == self.event:
            # The event is a training day, and load for the days after it: as logged, or estimated
            # when nothing hard was logged that day (the same as it will be once the day has passed).
            ledger.busy = True
            if self._unlogged(day):
                strains.append(self._event_strain())
        d = self.drafts.get(day)
        if d is not None and d.kind in ("cardio", "recovery") and (day, d.modality) not in self.skips:
            if d.role == "event":
                match = self.matches.get(day)
                if match is not None:
                    strains.append(replace(self._cardio_strain(match), status="planned"))
                    ledger.minutes += match.minutes
                    ledger.sessions += 1
                    ledger.hard = ledger.busy = True
                    self.hard_days.add(day)
            elif d.minutes:
                top = EFFORT[d.intensity][1] if d.intensity else 3
                self.recent.add(day, d.modality or "cardio", d.minutes, top)
                if d.modality:
                    self.suggested_modality[day] = d.modality
                strains.append(
                    cardio_strain(
                        day, d.modality or "cardio", d.minutes, top, "suggested", scaled=self.on("S3")
                    )
                )
                ledger.minutes += d.minutes
                ledger.on_foot += d.minutes if on_foot(d.modality, top) else 0
                ledger.sessions += 1
                ledger.hard |= d.hard
                ledger.busy |= d.kind == "cardio"
                ledger.long |= _long(d.minutes, top)
                ledger.g4 |= d.exception == "G4"
                if d.hard:
                    self.hard_days.add(day)
                if top >= 3:
                    bisect.insort(self.training, day)
        if self.index.on(day):
            bisect.insort(self.training, day)
        self.ledgers[day] = ledger
        self._race_list = None

    # -- a day's questions ---------------------------------------------------------------------------

    def _readiness(self, day: dt.date) -> Readiness:
        checkin = self.checkins.get(day)
        earlier = None
        for back in (1, 2):
            earlier = self.checkins.get(day - back * DAY)
            if earlier is not None:
                break
        before_peak = earlier is not None and bool(self.index.on(earlier.date - DAY))
        return day_readiness(
            day,
            self._strains_before(day),
            checkin,
            self.on,
            earlier,
            self._pain_before(day),
            before_peak,
            today=self.today,
        )

    def _strains_before(self, day: dt.date) -> list[Strain]:
        out: list[Strain] = []
        for n in range(1, LONGEST_COURSE + 1):
            out.extend(self.strains.get(day - n * DAY, ()))
        return out

    def _pain_before(self, day: dt.date) -> Pain | None:
        """The latest check-in before ``day`` flagged pain, within six weeks: it stands (P4)."""
        i = bisect.bisect_left(self.checkin_days, day) - 1
        if i < 0:
            return None
        latest = self.checkins[self.checkin_days[i]]
        if not latest.pain or (day - latest.date).days > PAIN_DAYS:
            return None
        return Pain(latest.date)

    def _ctx(self, day: dt.date, legs_today: list[LegSession]) -> Ctx:
        before = self.checkins.get(day - DAY)
        race = self._race(day)
        back = self._back(day)
        comeback = self._comeback(day)
        behind_days = [self._ledger(day - n * DAY) for n in range(1, 7)]
        no_base = self.recent.no_base(day, self.profile.level.value == "beginner")
        done = self._done_days(day)
        return Ctx(
            day,
            self.profile,
            self.readiness[day],
            self.index,
            legs_today,
            self.disabled,
            g4_used=any(x.g4 for x in behind_days),
            long_done=any(x.long for x in behind_days),
            event_days=self._event_days(day),
            sore_yesterday=before.soreness if before is not None else None,
            race_days_ago=race[0] if race else None,
            lingering=self._lingering(day),
            checkins=self.checkins,
            longest_recent=self.recent.longest(day),
            longest_usual=self.recent.longest_usual(day),
            expected=self._expected,
            race_recovery=race[1] if race else 0,
            race_what=race[2] if race else "",
            comeback=comeback,
            back_day=back[0] if back else None,
            break_days=back[1] if back else 0,
            base=no_base is None,
            no_base=no_base,
            cardio_time=self._cardio_time(day),
            after_legs_time=self._after_legs_time(day) if legs_today else None,
            meet=self.meet,
            share=self.share,
            logged=frozenset(done),
            accustomed=frozenset(m for m, n in done.items() if n >= ACCUSTOMED_DAYS),
            usual_long=self._usual_long(day),
            pain_back=self._pain_back(day),
        )

    def _pain_back(self, day: dt.date) -> tuple[dt.date, frozenset[str]] | None:
        """The latest pain flag of the seven days before ``day``, when a check-in has cleared it since
        (none stands today), and the cardio done on the days after it (logged, or what the plan put
        there): ``Ctx.pain_back``."""
        if self.readiness[day].pain:
            return None
        for n in range(1, 8):
            c = self.checkins.get(day - n * DAY)
            if c is None or not c.pain:
                continue
            done: set[str] = set()
            for k in range(1, n):
                e = day - k * DAY
                done |= {x.modality for x in self.cardio_by_date.get(e, ())}
                if (m := self.suggested_modality.get(e)) is not None:
                    done.add(m)
            return c.date, frozenset(done)
        return None

    def _usual_long(self, day: dt.date) -> tuple[str, int, int, int] | None:
        """This weekday's usual long easy session: in 3 of the 4 weeks before, on a day without legs, a
        session of USUAL_LONG minutes or more at an effort of 2 to 5 that was not a race (the hiker's
        Sunday hike, a long Sunday walk). Its most usual modality, median minutes and effort, and in how
        many of the 4 weeks (legday's reading: what someone keeps doing week after week is their long
        easy day, and the plan keeps it)."""
        found = []
        for n in (7, 14, 21, 28):
            e = day - n * DAY
            if self.legs_by_date.get(e):
                continue
            longest = max(
                (
                    c
                    for c in self.cardio_by_date.get(e, ())
                    if c.minutes >= USUAL_LONG and 2 <= c.effort <= 5 and not race_like(c.effort, c.minutes)
                ),
                key=lambda c: c.minutes,
                default=None,
            )
            if longest is not None:
                found.append(longest)
        if len(found) < 3:
            return None
        names = [c.modality for c in found]
        modality = max(dict.fromkeys(names), key=names.count)
        same = [c for c in found if c.modality == modality]
        minutes = int(statistics.median(c.minutes for c in same)) // 5 * 5
        effort = round(statistics.median(c.effort for c in same))
        return modality, minutes, effort, len(found)

    def _usual_match(self, day: dt.date) -> tuple[str, int, int, int, dt.time | None] | None:
        """This weekday's usual match: in 3 of the 4 weeks before, a race-like session of something the
        plan cannot suggest (a match, a race simulation: not a run or a ride, which it plans itself).
        Its most usual name, median minutes, effort and start, and in how many of the 4 weeks. legday
        cannot plan a sport, but it must not plan something else on top of one the person plays every
        week (legday's reading)."""
        found = []
        for n in (7, 14, 21, 28):
            e = day - n * DAY
            hard = [
                c
                for c in self.cardio_by_date.get(e, ())
                if race_like(c.effort, c.minutes) and c.modality not in MODALITIES
            ]
            if hard:
                found.append(max(hard, key=lambda c: c.minutes * c.effort))
        if len(found) < 3:
            return None
        names = [c.modality for c in found]
        sport = max(dict.fromkeys(names), key=names.count)
        same = [c for c in found if c.modality == sport]
        if len(same) < 3:
            return None
        minutes = int(statistics.median(c.minutes for c in same))
        effort = round(statistics.median(c.effort for c in same))
        starts = [c.start for c in same if c.start is not None]
        return sport, minutes, effort, len(same), statistics.median_low(starts) if starts else None

    def _match_expected(self, day: dt.date) -> bool:
        """Will ``day`` be planned as the usual match? Not on a leg day, in the event's last days or a
        race's recovery, nor once anything is logged for it (then it is what was logged)."""
        return (
            day >= self.anchor
            and day not in self.cardio_by_date
            and not self._usual(day)
            and self._event_days(day) is None
            and self._race(day) is None
            and self._usual_match(day) is not None
        )

    def _match_draft(self, day: dt.date, sport: str, minutes: int, effort: int, weeks: int, start) -> Draft:
        """The usual match, planned as the person plays it: nothing added on the day, its load counted
        for the days after it (as routine: its load counts, a race's recovery days don't)."""
        d = Draft(
            day,
            "event",
            "cardio",
            modality=sport,
            minutes=minutes,
            status="planned",
            locked=True,
            detail=f"your usual {day:%A} {sport}",
            start=dt.datetime.combine(day, start) if start is not None else None,
        )
        d.add(
            "S3",
            f"Your usual {day:%A}: {sport} in {weeks} of the last 4 weeks ({minutes} min at {effort}/10). "
            "The day is kept for it, nothing added, and its load counts for the days after (legday's "
            "reading of your log). Log it when it's done.",
            LEGDAY,
        )
        r = self.readiness[day]
        if r.score < RECOVERY_BELOW or (r.soreness is not None and r.soreness >= VERY_SORE):
            if r.soreness is not None and r.soreness >= VERY_SORE:
                state = f"soreness {r.soreness}/10 this morning"
            else:
                state = f"readiness {'' if r.rated else 'projected at '}{r.score}/100"
            d.add(
                "P4",
                f"But {state}: very sore or tired legs. If that is how they feel, go easy or sit it "
                f"out (legday's line: soreness {VERY_SORE}+ or readiness under {RECOVERY_BELOW}).",
                LEGDAY,
            )
        self.matches[day] = CardioSession(day, sport, minutes, effort, start)
        return d

    def _done_days(self, day: dt.date) -> dict[str, int]:
        """On how many of the 42 days before ``day`` each modality was done: logged, and from today on
        what the plan put there (a suggestion counts as done, so logging it as suggested changes
        nothing). The timeline's, whatever the week."""
        found: dict[str, int] = {}
        for n in range(1, 43):
            e = day - n * DAY
            names = {c.modality for c in self.cardio_by_date.get(e, ())}
            if (m := self.suggested_modality.get(e)) is not None:
                names.add(m)
            for name in names:
                found[name] = found.get(name, 0) + 1
        return found

    def _cardio_time(self, day: dt.date) -> dt.time | None:
        """When cardio usually starts on ``day``'s weekday: the median start of the cardio logged on it
        in the four weeks before (on days without legs, two at least), so a Sunday-morning runner's long
        run is planned on Sunday morning, not at the evening leg time (legday's own reading)."""
        starts = [
            c.start
            for n in (7, 14, 21, 28)
            if not self.legs_by_date.get(day - n * DAY)
            for c in self.cardio_by_date.get(day - n * DAY, ())
            if c.start is not None
        ]
        return statistics.median_low(starts) if len(starts) >= USUAL_TIME_FROM else None

    def _after_legs_time(self, day: dt.date) -> dt.time | None:
        """When the cardio after this weekday's leg sessions usually starts, counting only what started
        6 h or more after the lift (E5 kept; a short flush straight after is the plan's own default):
        the median of the four weeks before, two sessions at least (legday's own reading)."""
        starts = []
        for n in (7, 14, 21, 28):
            legs = self.legs_by_date.get(day - n * DAY)
            if not legs:
                continue
            end = max(s.ended for s in legs)
            for c in self.cardio_by_date.get(day - n * DAY, ()):
                if c.start is not None and dt.datetime.combine(c.date, c.start) >= end + SIX_HOURS:
                    starts.append(c.start)
        return statistics.median_low(starts) if len(starts) >= USUAL_TIME_FROM else None

    def _usual(self, day: dt.date) -> bool:
        return day.weekday() in self.profile.leg_days

    def _event_days(self, day: dt.date) -> int | None:
        if self.event is None or not self.on("S12"):
            return None
        n = (self.event - day).days
        return n if 0 <= n <= TAPER_DAYS else None

    def _race(self, day: dt.date) -> tuple[int, int, str] | None:
        """(day N of its recovery, its recovery days, what it was) for the latest race-like effort whose
        recovery ``day`` falls in. A race inside an earlier one's recovery does not shorten it: the days
        are counted from the latest, as many as either needs (a 150-minute race and a hard hour the next
        day: the first days easy as after the longer one, the first day after the hour as after a race)."""
        active = [s for s in self._races() if 1 <= (day - s.date).days <= s.recovery]
        if not active:
            return None
        # The latest; of two on one day (a 10 k and then a half), the one needing longer.
        latest = max(active, key=lambda s: (s.date, s.recovery))
        binding = max(active, key=lambda s: (s.recovery - (latest.date - s.date).days, s.date))
        recovery = max(latest.recovery, binding.recovery - (latest.date - binding.date).days)
        what = _race_words(latest)
        if binding is not latest and recovery > latest.recovery:
            what = f"{what}, on top of {_race_words(binding)}"
        return (day - latest.date).days, recovery, what

    def _comeback(self, day: dt.date) -> tuple[int, int, str] | None:
        """(day N, the days it lasts, what the race was) when ``day`` falls in the weeks after the
        latest race in which its volume comes back (see COMEBACK_*)."""
        windows = [(s, min(COMEBACK_PER_RECOVERY_DAY * s.recovery, COMEBACK_MOST)) for s in self._races()]
        active = [(s, w) for s, w in windows if 1 <= (day - s.date).days <= w]
        if not active:
            return None
        # Counted from the latest race, as long as either needs (as _race counts recovery days).
        latest, window = max(active, key=lambda x: (x[0].date, x[1]))
        binding, longest = max(active, key=lambda x: (x[1] - (latest.date - x[0].date).days, x[0].date))
        lasts = max(window, longest - (latest.date - binding.date).days)
        what = _race_words(latest)
        if binding is not latest and lasts > window:
            what = f"{what}, on top of {_race_words(binding)}"
        return (day - latest.date).days, lasts, what

    def _races(self) -> list[Strain]:
        """The race-like strains so far (a handful: looked through, not searched day by day)."""
        if self._race_list is None:  # made again once a day is settled
            self._race_list = [s for found in self.strains.values() for s in found if s.race]
        return self._race_list

    def _back(self, day: dt.date) -> tuple[int, int] | None:
        """(day N of the first week back, the break's length in days) when ``day`` falls in the first
        week after two weeks or more without training that followed some training."""
        for k in range(BACK_DAYS):
            back = day - k * DAY
            i = bisect.bisect_left(self.training, back)
            trained_then = k == 0 or (i < len(self.training) and self.training[i] == back)
            if not trained_then:
                continue
            last = self.training[i - 1] if i > 0 else None
            if last is None or (back - last).days <= BREAK_DAYS:
                continue
            if (back - last).days > BREAK_LOOKBACK:
                return None  # nothing in the seven weeks before: a new start, not a comeback (can't tell)
            return k, (back - last).days - 1
        return None

    def _lingering(self, day: dt.date) -> bool:
        """A P5 warning stands for a week after it, and for the first leg session after it."""
        if not self.on("P5"):
            return False
        return any(0 <= (day - x.date).days < 7 for x in self.lingering)

    def _lingering_legs(self, day: dt.date) -> bool:
        return self._lingering(day) and any(0 <= (day - x.date).days < 7 and x.legs for x in self.lingering)

    def _lingering_days(self, checkins: list[CheckIn]) -> list[_Lingering]:
        """P5: check-ins still sore days after the session that most likely caused it (the hardest
        effort still weighing on the legs that morning, not always the last leg session) - still, not
        again: not when a rating since eased under the line, nor on a morning that flagged pain."""
        out = []
        for c in checkins:
            # Only a check-in from the week before the first day shown on can stand for a day in it.
            if c.soreness < LINGERING_SORENESS or c.date < self.first - 6 * DAY:
                continue
            if c.pain:  # sharp pain is P4's (rest, stop), not soreness that lingered
                continue
            cause = self._cause(c.date)
            if cause is None:
                continue
            gap = (c.date - cause.date).days
            # Soreness that eased (rated under the line since) and came back is not that session's: S7,
            # it peaks in the first 48 h and then fades; something else brought it back.
            # A rating of TOO_SORE or more that came back is still flagged (nothing hard while it
            # settles), but as what it is - not put down to the session.
            between = (self.checkins.get(c.date - n * DAY) for n in range(1, gap))
            eased = min((e.soreness for e in between if e is not None), default=LINGERING_SORENESS)
            if eased < LINGERING_SORENESS:
                if c.soreness >= TOO_SORE:
                    out.append(_Lingering(c.date, c.soreness, gap, _cause_words(cause), False, eased=eased))
                continue
            before = self.checkins.get(c.date - DAY)
            # P5 (Carlson): sore "to the point where you can't walk for days" is too much too fast -
            # legday's reading: rated TOO_SORE or more two mornings running.
            running = before is not None and min(before.soreness, c.soreness) >= TOO_SORE
            if lingers(c.soreness, gap) or (running and gap <= LINGERING_MAX_DAYS):
                out.append(
                    _Lingering(c.date, c.soreness, gap, _cause_words(cause), cause.what == "legs", running)
                )
        return out

    def _cause(self, day: dt.date) -> Strain | None:
        best: tuple[float, dt.date] | None = None
        found = None
        for n in range(1, CAUSE_DAYS + 1):
            for s in self.strains.get(day - n * DAY, ()):
                weight = s.points * max(s.left(day), 0.05)
                if best is None or (weight, s.date) > best:
                    best, found = (weight, s.date), s
        return found

    def _ledger(self, day: dt.date) -> _Ledger:
        found = self.ledgers.get(day)
        if found is not None:
            return found
        # The event day is a training day, logged or not (as it was when it was planned).
        x = _Ledger(busy=bool(self.legs_by_date.get(day)) or day == self.event)
        for c in self.cardio_by_date.get(day, []):
            x.minutes += c.minutes
            x.on_foot += c.minutes if on_foot(c.modality, c.effort) else 0
            x.sessions += 1
            x.hard |= c.effort >= HARD_CARDIO_EFFORT
            x.busy |= c.effort >= 3
            x.long |= _long(c.minutes, c.effort)
            x.g4 |= self._g4_like(c)
        if day < self.anchor:
            self.ledgers[day] = x
        return x

    def _g4_like(self, c: CardioSession) -> bool:
        """A hard run on a leg day (G4's race rehearsal, "once a week"), logged: by the day."""
        return c.modality == "run" and c.effort >= 6 and bool(self.index.on(c.date))

    def _expected(self, day: dt.date) -> list[LegSession]:
        """Leg sessions on a day after the one being decided: logged, moved there, or expected on a
        usual leg day unless what is known now already drops it (the event, a race, pain)."""
        if day in self.ledgers or day < self.anchor:
            return self.index.on(day)
        logged = self.legs_by_date.get(day)
        if logged:
            return logged
        if day in self.moved_in or (self._usual(day) and not self._known_drop(day)):
            found = self._placeholders.get(day)
            if found is None:
                found = self._placeholders[day] = [
                    LegSession(day, self.profile.leg_time, 60, HARD_LEG_EFFORT)
                ]
            return found
        return []

    def _known_drop(self, day: dt.date) -> bool:
        n = self._event_days(day)
        if n is not None and n <= 2:
            return True
        race = self._race(day)
        if race is not None and self.on("G3") and race[0] <= max(1, -(-race[1] // 4)):
            return True
        return self.on("P4") and self._pain_before(day) is not None and day > self.today

    # -- leg days ------------------------------------------------------------------------------------

    def _template(self, day: dt.date) -> Template | None:
        """The usual session for ``day`` from the four weeks before it: logged, and from today on the
        ones the plan put there (so logging a planned session as planned changes nothing ahead)."""
        if day not in self._templates:
            # The index holds what was logged and what the plan put on the days decided so far.
            before = [s for n in range(1, 29) for s in self.index.on(day - n * DAY)]
            self._templates[day] = template_for(day, before)
        return self._templates[day]

    def _leg_day(self, day: dt.date, r: Readiness, moved: tuple[dt.date, str] | None = None) -> LegDay:
        source = moved[0] if moved else day
        race = self._race(day)
        back = self._back(day)
        template = self._template(source) if back is None else self._before_break(source, back)
        before = self.checkins.get(day - DAY)
        novel: tuple[str, ...] = ()
        lingering = self._lingering_legs(day)
        if lingering:  # the exercises of the last session that were new then (P5: stick to what you know)
            last = self.index.last_before(dt.datetime.combine(day, dt.time(0)))
            if last is not None:
                novel = self.index.novel(last)
        return LegDay(
            day,
            self.profile,
            r,
            template,
            self._event_days(day),
            race[0] if race else None,
            self._hard_run(day),
            lingering,
            novel,
            self.disabled,
            race_recovery=race[1] if race else 0,
            race_what=race[2] if race else "",
            sore_yesterday=before.soreness if before is not None and r.soreness is None else None,
            sore_regions=self._sore_regions(day),
            back_day=back[0] if back else None,
            break_days=back[1] if back else 0,
            moved_from=moved,
            deload=self._deload(day),
            pain_cleared=self._pain_cleared(day),
        )

    def _pain_cleared(self, day: dt.date) -> dt.date | None:
        """The day of a pain flag in the week before ``day`` that a later check-in cleared, when no leg
        session came between (``day``'s session is the first back)."""
        for n in range(1, 8):
            c = self.checkins.get(day - n * DAY)
            if c is None:
                continue
            if not c.pain:
                continue
            if any(self.index.on(day - k * DAY) for k in range(1, n)):
                return None
            return c.date
        return None

    def _deload(self, day: dt.date) -> Deload | None:
        """The deload that began the week ``day`` falls in, if one did: the first leg session of the six
        days before it that the person made a deload (legs.py: a deload lasts the week)."""
        for n in range(DELOAD_DAYS, 0, -1):
            for s in self.index.on(day - n * DAY):
                found = self._deload_start(s)
                if found is not None:
                    return found
        return None

    def _deload_start(self, s: LegSession) -> Deload | None:
        """``s`` as the deload that begins a week: logged (a planned session's shape is legday's own),
        under 70 % of its usual load, and for no reason legday knows - not lighter for soreness, a race,
        a short night, the taper or a sore region, nor inside an earlier deload's week - so that logging
        a lighter session as legday planned it never starts one."""
        if s in self._deloads:
            return self._deloads[s]
        self._deloads[s] = None  # (a session is never its own cause)
        found = None
        if self.planned.get(s.date) is not s:
            found = deload_of(s, self._template(s.date))
            if found is not None:
                r = self.readiness.get(s.date) or self._readiness(s.date)
                x = self._leg_day(s.date, r)
                tapered = x.event_days is not None and x.on("S12")
                if x.deload is not None or x.sore_regions or tapered or lighter_reasons(x):
                    found = None
        self._deloads[s] = found
        return found

    def _before_break(self, day: dt.date, back: tuple[int, int]) -> Template | None:
        """Back after a break: the usual session from the weeks before it (lighter, by the rules), not
        from the sessions since - each first-week session starts from the same place."""
        returned = day - back[0] * DAY
        started = returned - (back[1] + 1) * DAY  # the last training day before the break
        floor = self.anchor - dt.timedelta(days=LOOKBACK_DAYS)  # the history every week start reads
        before = [s for s in self.logged_legs if floor <= s.date <= started]
        return template_for(day, before, started + DAY)

    def _sore_regions(self, day: dt.date) -> tuple[tuple[str, int, str], ...]:
        # This morning's or yesterday's ratings only. Not the cardio's projection of older ones
        # (modality.REGION_CARRY_DAYS): a leg session moved two days on from a very sore morning is
        # lighter already (P4), the morning's check-in then decides, and halving it again left one set
        # of each exercise, which a coach's read found useless.
        found: CheckIn | None = self.checkins.get(day)
        when = "this morning"
        if found is None:
            found, when = self.checkins.get(day - DAY), "yesterday"
        if found is None:
            return ()
        return tuple((r, v, when) for r, v in found.regions if v >= SORE_REGION)

    def _hard_run(self, day: dt.date) -> int:
        n = 0
        while day - (n + 1) * DAY in self.hard_days and n < 7:
            n += 1
        return n

    def _offer_day(self, dropped: dt.date) -> dt.date | None:
        """The next day a dropped leg session fits: two days on at the soonest (legs too sore for it are
        at or near their 24-48 h peak, S7), before the next leg day and not the day before one, not in
        the event's last days or a race's first."""
        # Whenever it is asked (the day after, or days later): the same day, which may have passed.
        day = dropped + OFFER_AFTER * DAY
        for between in range(1, (day - dropped).days + 1):  # a leg day in between: it comes first
            if self.legs_by_date.get(dropped + between * DAY) or self._usual(dropped + between * DAY):
                return None
        while day <= dropped + 6 * DAY:
            if self.legs_by_date.get(day) or (self._usual(day) and day > dropped):
                return None  # a leg session comes first: the dropped one is not added on top
            nxt = day + DAY
            if not (self.legs_by_date.get(nxt) or self._usual(nxt)) and not self._known_drop(day):
                n = self._event_days(day)
                if n is None or n > 2:
                    return day
            day += DAY
        return None

    def _offers_from_missed_days(self) -> None:
        """A usual leg day before today that its own check-in dropped (too sore, pain) and nothing was
        logged since: its session is still offered on the next day it fits, as that day's plan said -
        unless that day has passed."""
        for n in range(6, 0, -1):
            day = self.anchor - n * DAY
            if not self._usual(day) or self.legs_by_date.get(day) or day not in self.checkins:
                continue
            later = [day + k * DAY for k in range(1, n)]
            if any(self.legs_by_date.get(d) or self._usual(d) for d in later):
                continue
            x = self._leg_day(day, self._readiness(day))
            v = verdict(x)
            if v.reason is not None and v.offer:
                target_day = self._offer_day(day)
                # The day it was offered on has passed without it: it was not done, and is not offered
                # again (asked on Tuesday, Friday's session is where Friday's plan put it, not moved on).
                if target_day is not None and target_day >= self.anchor:
                    self.moved_in[target_day] = (day, _why(v.reason))

    # -- a day's cardio ------------------------------------------------------------------------------

    def _draft(self, ctx: Ctx) -> Draft | None:
        event_days = ctx.event_days
        day = ctx.day
        if event_days == 0:
            d = Draft(
                day, "event", "cardio", modality="event", status="planned", locked=True, detail="event day"
            )
            d.add(
                "S12",
                "Event day: the taper was for this. Log what you really did afterwards; the days "
                "after it are active recovery.",
                LEGDAY,
            )
            return d
        if event_days == 1:
            return Draft(day, "rest").rest(
                "S12", "The day before your event: rest (legday's rule; no article covers tapering).", LEGDAY
            )
        if self._match_expected(day) and not ctx.legs_today and not ctx.readiness.pain:
            match = self._usual_match(day)
            assert match is not None
            return self._match_draft(day, *match)
        dropped = self.dropped.get(day)
        # A leg day dropped for the event two days on (S12) is a free day in the taper, as the rest of
        # race week is (S12 keeps how often you train); one dropped for soreness or pain is rest.
        if dropped is not None and dropped.reason.id not in ("G3", "S12"):
            d = Draft(day, "rest", "rest", locked=True)
            d.add(dropped.reason.id, dropped.reason.text, dropped.reason.source)
            if dropped.moved_to is not None:
                d.add(
                    "P4",
                    f"The leg session moves to {dropped.moved_to:%a %-d}, the next day it fits (legday's rule).",
                    LEGDAY,
                )
            return d
        first = self._decide(ctx, dropped)
        if first is not None and first.lost is not None and first.exception is None and first.kind != "rest":
            # A later rule took the exception away (E3, E4, G4: hard work close to legs): decide the day
            # again without it, so that nothing it let through - no gap after the lift, no E1 cap the
            # day after legs - outlives it; the line that took it says why.
            by = first.lost_by
            lost = (by.id, by.words(first)) if by is not None else (first.lost, "another rule came first")
            return self._decide(replace(ctx, lost=lost), dropped)
        return first

    def _decide(self, ctx: Ctx, dropped: _Dropped | None) -> Draft | None:
        """The day's cardio through every rule, in order (see rules/__init__.py)."""
        day, event_days = ctx.day, ctx.event_days
        if dropped is not None:
            # The days after a race: no leg session, and the day is active recovery (G3), planned as a
            # free day; the guards keep it easy, low impact and short.
            d = free_day_draft(ctx)
            d.reasons.insert(0, dropped.reason)
        elif ctx.legs_today:
            found, notes = leg_day_draft(ctx)
            if notes and ctx.exceptions:  # the notes come once (a second pass finds the same)
                self.leg_notes.setdefault(day, []).extend(notes)
            if found is None:
                return None
            d = found
        else:
            d = free_day_draft(ctx)
        give_share(d, ctx)
        fit_to_volume(d, ctx)
        if ctx.comeback is not None and d.kind == "cardio" and d.role != "event" and ctx.on("G3"):
            self._coming_back(d, ctx, *ctx.comeback)
        if ctx.back_day is not None and d.kind == "cardio" and d.role != "event" and ctx.on("P5"):
            self._back_ramp(d, ctx, ctx.back_day)
        if event_days is not None and d.kind != "rest" and event_days >= 2:
            self._taper(d, ctx, event_days)
        choose_modality(d, ctx)
        place(d, ctx)
        apply_timing(d, ctx)
        apply_state(d, ctx)
        guard(d, ctx)
        self._week_rules(d, ctx)
        settle(d, ctx)
        disagreements(d, ctx)
        add_ons(d, ctx)
        return d

    def _coming_back(self, d: Draft, ctx: Ctx, k: int, window: int, what: str) -> None:
        """After a race the minutes come back over ``window`` days (legday's reading of G3 and S12: the
        taper run backwards), day ``k`` at about COMEBACK_FIRST of the usual on the first, rising to all
        of it; the long run waits until the window is over (goals.rested)."""
        fraction = COMEBACK_FIRST + (1 - COMEBACK_FIRST) * (k - 1) / window
        full = d.minutes or 0
        most = max(TAPER_LEAST, round(full * fraction / 5) * 5)
        if most >= full:
            return
        d.minutes = most
        d.span = (min(d.span[0], most), most)
        d.ceiling = min(d.ceiling or most, most)  # a later cap (hard to steady) must not grow it back
        d.reduced, d.held_back = True, "recovering from a competition"
        # In the race's recovery days its own line has said which day it is.
        head = "The minutes" if ctx.race_days_ago is not None else f"Day {k} after {what}: the minutes"
        # The long session waits too - said only to whom the plan gives one (G3's long steady session is
        # the endurance goal's), in the words of their sport.
        long = (
            f", and the long {sport_words(self.profile)[0]} waits until then"
            if self.profile.goal is Goal.ENDURANCE and ctx.on("G3")
            else ""
        )
        d.add(
            "G3",
            f"{head} come back over about {window} days, so {most} min today, {_share_words(most, full)}{long} "
            "(legday's call: a taper in reverse).",
            LEGDAY,
            holds=lambda d: d.minutes == most,
        )

    def _back_ramp(self, d: Draft, ctx: Ctx, k: int) -> None:
        """Back after a break, day ``k`` (0-6) of the first week: each session at about BACK_FIRST of its
        usual minutes on the day back, rising to nearly all of them by the week's end (legday's reading
        of P5's "too much too fast": the volume comes back as the effort does)."""
        fraction = back_share(k)
        full = d.minutes or 0
        most = max(TAPER_LEAST, round(full * fraction / 5) * 5)
        if most >= full:
            return
        d.minutes = most
        d.span = (min(d.span[0], most), most)
        d.ceiling = min(d.ceiling or most, most)
        d.reduced, d.held_back = True, "coming back from a break"
        d.add(
            "P5",
            f"Back after {ctx.break_days} days off: the minutes come back over the first week, so "
            f"{most} min today, {_share_words(most, full)} (legday's call: not too much too fast).",
            LEGDAY,
            holds=lambda d: d.minutes == most,
        )

    def _taper(self, d: Draft, ctx: Ctx, days: int) -> None:
        """S12: the last two weeks cut the volume (by about half overall) and keep intensity and how often
        - for those who train hard; a beginner's stays moderate (legday's call)."""
        if ctx.beginner:
            d.cap("moderate")
        fraction = taper_share(days)
        full = d.minutes or 0
        d.minutes = max(TAPER_LEAST, round(full * fraction / 5) * 5)
        d.span, d.reduced, d.held_back = (d.minutes, d.minutes), True, "the taper"
        d.add(
            "S12",
            lambda d: (
                f"Taper ({days} days to go): shorter sessions"
                + (", same intensity: a taper cuts volume, not intensity" if d.hard else "")
                + ". Over the last two weeks it cuts the volume by about half and keeps how hard and how "
                "often you train."
            ),
            "Bosquet 2007",
        )
        most = d.minutes
        if most < full:
            d.add(
                "S12",
                f"Today's share: {most} min, {_share_words(most, full)} (legday's day-by-day shape of "
                "the taper).",
                LEGDAY,
                holds=lambda d: d.minutes == most,
            )

    def _week_rules(self, d: Draft, ctx: Ctx) -> None:
        """S11, P5 and G6 over the seven days ending today (rules/week.py)."""
        if d.kind == "rest" or d.role == "event":
            return
        behind = self._behind(ctx.day)
        if ctx.on("S11"):
            hard_cap(d, ctx, behind)
        if (
            ctx.on("P5")
            and d.kind == "cardio"
            and d.role in ("zone2", "hard", "long")
            and not d.locked
            and d.exception is None
            and not ctx.legs_today
        ):
            why = rest_pick(
                ctx.day,
                behind,
                self._rest_candidates(ctx.day),
                self.profile.goal,
                lambda c: bool(self._expected(c)),
                # Today's own rating wins over the estimate (S6): "least ready" is said of what the
                # person sees, not of a number the check-in has replaced.
                lambda c: (
                    ctx.readiness.score if c == ctx.day and ctx.readiness.rated else self._fatigue(c, ctx.day)
                ),
                lambda c: self._event_days(c) == 1,
            )
            if why is not None:
                day_off(d, ctx, why)
                return
        trim(d, ctx, behind)

    def _behind(self, day: dt.date) -> Behind:
        minutes = sessions = walked = 0
        hard: set[dt.date] = set()
        last_free = None
        for n in range(6, 0, -1):
            e = day - n * DAY
            x = self._ledger(e)
            minutes += x.minutes
            walked += x.on_foot
            sessions += x.sessions
            if x.hard:
                hard.add(e)
            if not x.busy:
                last_free = e
        tomorrow = any(c.effort >= HARD_CARDIO_EFFORT for c in self.cardio_by_date.get(day + DAY, []))
        tomorrow |= self._match_expected(day + DAY)
        return Behind(minutes, sessions, frozenset(hard), last_free, tomorrow, walked)

    def _rest_candidates(self, day: dt.date) -> list[dt.date]:
        """Days from ``day`` on (a week at most) that could still be the day off: no leg session
        expected, nothing logged, not the event."""
        out = []
        for n in range(7):
            c = day + n * DAY
            if self._expected(c) if c > day else self.index.on(c):
                continue
            if self.cardio_by_date.get(c) or self._event_days(c) == 0:
                continue
            out.append(c)
        return out

    def _fatigue(self, day: dt.date, today: dt.date) -> float:
        """Readiness as far as known on ``today`` for ``day``, before check-ins: the sessions so far and
        the leg sessions expected from today on (for the day off: the least ready of the next few)."""
        fatigue = sum(s.points * s.left(day) for s in self._strains_before(day))
        e = today
        while e < day:
            for s in self._expected(e) if e > today else self.index.on(e):
                fatigue += s.load * POINTS_PER_LOAD * fraction_left((day - e).days)
            e += DAY
        return 100 - fatigue

    # -- strains -------------------------------------------------------------------------------------

    def _leg_strain(self, s: LegSession, status: str = "done") -> Strain:
        """A leg session's strain; on the event date of a lifter's meet (strength and power goals), a
        hard one is the meet as logged, with the days of recovery the unlogged meet is given: logging
        the meet must not make the plan forget it was one (legday's own, as MEET_RECOVERY)."""
        strain = leg_strain(s, self.index, self.on, status)
        if self.meet and s.date == self.event and s.effort >= HARD_LEG_EFFORT and status == "done":
            strain = replace(strain, recovery=MEET_RECOVERY, course=max(strain.course, MEET_RECOVERY))
        return strain

    def _cardio_strain(self, c: CardioSession) -> Strain:
        s = cardio_strain(c.date, c.modality, c.minutes, c.effort, scaled=self.on("S3"))
        if c.date == self.event and c.effort >= 7 and not s.race:
            kind = kind_factor(c.modality)
            s = replace(s, recovery=recovery_days(c.minutes, c.effort, kind), course=max(s.course, 4))
        elif s.race and c.date != self.event and self._routine(c):
            # A weekly match or race rehearsal is training the legs are used to (S7: it is the
            # unaccustomed that hurts): its load counts, the race's days of recovery don't.
            s = replace(s, recovery=0, course=COURSE_DAYS)
        return s

    def _routine(self, c: CardioSession) -> bool:
        """Was a like effort (the same kind, 7+, at least three quarters as long) logged 5 to 14 days
        before? Then this one is routine, not a race (legday's own line)."""
        for n in range(ROUTINE_DAYS[0], ROUTINE_DAYS[1] + 1):
            for other in self.cardio_by_date.get(c.date - n * DAY, ()):
                if other.modality == c.modality and other.effort >= 7 and other.minutes >= 0.75 * c.minutes:
                    return True
        return False

    def _unlogged(self, day: dt.date) -> bool:
        return not self.legs_by_date.get(day) and not any(
            c.effort >= 7 for c in self.cardio_by_date.get(day, [])
        )

    def _event_strain(self) -> Strain:
        """The event on its date, not logged: a meet or a race, estimated (legday's own, see the top)."""
        assert self.event is not None
        if self.meet:
            points = MEET_EFFORT * MEET_MINUTES / 10
            return Strain(
                self.event, points, 4, "event", MEET_EFFORT, MEET_MINUTES, 1.0, "projected", MEET_RECOVERY
            )
        # The longest session of the four weeks before it (logged, or planned from today on).
        longest = self.recent.longest(self.event) or RACE_DEFAULT_MINUTES
        minutes = max(RACE_MINUTES[0], min(RACE_MINUTES[1], longest))
        s = cardio_strain(self.event, "run", minutes, RACE_EFFORT, "projected", scaled=self.on("S3"))
        if not s.race:
            s = replace(s, recovery=recovery_days(minutes, RACE_EFFORT, kind_factor("run")))
        return replace(s, what="event")

    # -- the window: a week as the person sees it ----------------------------------------------------

    def week(self) -> WeekPlan:
        days = []
        cardio_minutes = hard = easy = moderate = legs = walked = 0
        warnings: list[Reason] = []
        for day in (self.start + n * DAY for n in range(7)):
            sessions = self._sessions(day, warnings)
            for s in sessions:
                if s.kind == "legs":
                    legs += 1
                elif s.kind in ("cardio", "recovery") and s.status in ("done", "suggested", "planned"):
                    cardio_minutes += s.minutes or 0
                    if on_foot(s.modality, s.effort[1] if s.effort else 3):
                        walked += s.minutes or 0
                    if s.intensity in HARD_INTENSITIES:
                        hard += 1
                    elif s.intensity is not None:
                        easy += 1
                        moderate += s.intensity == "moderate"
            r = self.readiness[day]
            days.append(DayPlan(day, r.soreness, r.score, r.why, tuple(sessions), r.pain, r.sleep_hours))
        ratio = (
            acwr(daily_loads(self.logged_legs, self.cardio), min(self.today, self.end))
            if self.on("S5")
            else None
        )
        head: list[Reason] = []
        if ratio is not None and ratio >= DANGER_RATIO:
            head.append(
                reason(
                    "S5",
                    f"This week's load is {ratio:g}x your monthly average. Above 1.5 "
                    "is called a danger zone, but that claim is disputed: a warning, "
                    "not a rule; the plan is unchanged.",
                    "Gabbett 2016",
                )
            )
        head.extend(self._lingering_warning())
        low, high = target(self.on, self.profile.goal)
        aim, *notes = self._target_notes(low, high, cardio_minutes, walked)
        notes.append(self._no_room_to_run(days))
        totals = Totals(
            cardio_minutes,
            hard,
            easy,
            legs,
            (low, high),
            ratio,
            max(0, low - cardio_minutes),
            aim,
            moderate_sessions=moderate,
        )
        return WeekPlan(
            self.start, self.today, tuple(days), totals, (*head, *warnings), tuple(n for n in notes if n)
        )

    def _sessions(self, day: dt.date, warnings: list[Reason]) -> list[Session]:
        ctx = self.ctx[day]
        out = list(self._leg_sessions(day, ctx))
        out.extend(self.done.get(day, []))
        if day < self.today:
            out.extend(
                Session(kind="cardio", status="skipped", modality=m, record=Skip(d, m))
                for (d, m) in sorted(self.skips)
                if d == day
            )
        found = self.suggestions.get(day)
        if found is not None and day >= self.today:
            out.append(found)
        out.sort(key=lambda s: (s.start is None, s.start or dt.datetime.min))
        # Every heads-up is in its session's reasons and in the week's warnings, in the same order.
        warnings.extend(
            r for s in out if s.status == "done" for r in s.reasons if r.text.startswith("Heads-up")
        )
        return out

    def _leg_sessions(self, day: dt.date, ctx: Ctx) -> list[Session]:
        out = []
        for s in self.index.on(day):
            planned = self.planned.get(day) is s
            if planned and day < self.today:
                continue
            addons = leg_addons(ctx, self._runs_after(day, s)) if day >= self.today else []
            if planned:
                runners = runners_leg_day(ctx)
                if runners is not None:
                    addons.insert(0, runners)
            reasons = leg_reasons(ctx, s, planned, self.leg_notes.get(day, []) if planned else [])
            moved = self.moved_in.get(day) if planned else None
            out.append(
                Session(
                    kind="legs",
                    status="planned" if planned else "done",
                    start=s.started,
                    modality=None,
                    intensity=None,
                    effort=(s.effort, s.effort),
                    minutes=s.minutes,
                    hours_after_legs=None,
                    reasons=tuple(reasons),
                    talk=talk_words(s.effort),
                    addons=tuple(addons),
                    detail=", ".join(str(e) for e in s.exercises) or None,
                    record=None if planned else s,
                    regions=_in_order(regions_loaded(e.name for e in s.exercises)) if s.exercises else (),
                    moved_from=moved[0] if moved else None,
                )
            )
        return out

    def _runs_after(self, day: dt.date, s: LegSession) -> bool:
        """A run (logged or suggested) follows leg session ``s`` on its day."""
        found = self.suggestions.get(day)
        after = [c.modality for c in self.done.get(day, []) if c.start is not None and c.start >= s.ended]
        if found is not None and found.status == "suggested" and found.start and found.start >= s.ended:
            after.append(found.modality)
        return any(m in IMPACT for m in after if m)

    def _no_room_to_run(self, days: list[DayPlan]) -> Reason | None:
        """A beginner racing (endurance, hybrid) whose leg days leave no day for a run: P1 keeps running
        off a leg day and the day after it, so with legs every other day the week holds none. Said, with
        what would make room, rather than left for the person to wonder where the running went."""
        p = self.profile
        if not (p.level.value == "beginner" and p.goal in RACING and p.can_do("run") and self.on("P1")):
            return None
        if any(s.modality in IMPACT for d in days for s in d.sessions if s.status != "skipped"):
            return None
        barred = any(
            r.id == "P1" and "no running" in r.text
            for d in days
            if d.date >= self.today
            for s in d.sessions
            for r in s.reasons
        )
        if not barred:
            return None
        legs = ", ".join(f"{d.date:%a}" for d in days if any(s.kind == "legs" for s in d.sessions))
        return reason(
            "P1",
            f"No run this week: new to lifting, you run only on days that are neither a leg day nor the "
            f"day after one (legday's reading of P1), and with legs on {legs} the plan found no such day. "
            "One leg day fewer, or two in a row, would make room for your running.",
            LEGDAY,
        )

    def _target_notes(self, low: int, high: int, minutes: int, walked: int = 0) -> list[Reason | None]:
        """S11 vs G6: which weekly target the plan aims at (first); then, when it falls short, why; and
        when easy walking or hiking takes it past the top, that those minutes don't count against it."""
        out: list[Reason | None] = [None]
        if self.on("S11") and high > 180:
            out[0] = reason(
                "S11",
                f"Weekly aim {low}-{high} min: G6's 2-3 hours (Well+Good) and WHO's 150-300 minutes "
                "differ; you train for racing, so the plan aims from G6's 3 hours up to WHO's 300 "
                "(legday's choice by goal).",
                "WHO 2020",
            )
        elif self.on("S11"):
            out[0] = reason(
                "S11",
                f"Weekly aim {low}-{high} min: G6's 2-3 hours (Well+Good) and WHO's "
                "150-300 minutes differ, so the plan aims where they overlap, from "
                "WHO's 150 up to G6's 3 hours.",
                "WHO 2020",
            )
        elif self.on("G6"):
            out[0] = reason("G6", f"Weekly aim {low}-{high} min: 2-3 hours of steady cardio.", "Well+Good")
        ahead = [
            self.drafts[d] for d in sorted(self.drafts) if self.today <= d <= self.end and d >= self.start
        ]
        if minutes > high and walked and minutes - walked <= high and self.on("G6"):
            out.append(
                reason(
                    "G6",
                    f"{minutes} min, past the aim's {high}: {walked} of them easy walking or hiking, which "
                    "count towards the aim but not against its top (legday's choice: the top is where the "
                    "plan stops adding training, not a limit on walking).",
                    LEGDAY,
                )
            )
        if minutes < low and ahead:
            held: dict[str, list[str]] = {}
            for d in ahead:
                if d.held_back:
                    held.setdefault(d.held_back, []).append(f"{d.day:%a}")
            if held:
                why = "; ".join(f"{what} ({', '.join(days)})" for what, days in held.items())
                out.append(
                    reason(
                        HELD_BACK_BY.get(next(iter(held)), "P4"),
                        f"{minutes} min, {low - minutes} short of {low}, on purpose: days held "
                        f"back by {why} stay short rather than stretched to fill the week "
                        "(legday's choice).",
                        LEGDAY,
                    )
                )
            else:
                out.append(
                    reason(
                        "G6",
                        f"{minutes} min, {low - minutes} short of {low}: the aim counts any 7 days, and "
                        "missed minutes are not crammed into the days left (legday's choice).",
                        LEGDAY,
                    )
                )
        return out

    def _lingering_warning(self) -> list[Reason]:
        """P5: still sore days after a hard session means it was too much or too new."""
        if not self.on("P5"):
            return []
        for x in self.lingering:
            if self.start <= x.date <= self.end:
                if x.eased is not None:
                    text = (
                        f"Very sore ({x.soreness}/10) on {x.date:%a %-d}, though it had eased to "
                        f"{x.eased}/10 since {x.cause}: soreness from a session peaks in the first two "
                        "days and fades, so something since brought it back. Nothing hard until it "
                        "settles; if a spot hurts sharply, flag pain in the check-in."
                    )
                    return [reason("P5", text, LEGDAY)]
                if x.running:
                    text = (
                        f"Sore {TOO_SORE}/10 or more two mornings running ({x.soreness}/10 on "
                        f"{x.date:%a %-d}) after {x.cause}: sore 'to the point where you can't walk for "
                        "days' is a sign of too much too fast. Nothing hard for the rest of the week"
                        + (
                            ", and the next leg session is lighter and sticks to what you know."
                            if x.legs
                            else "."
                        )
                    )
                elif x.legs:
                    text = (
                        f"Still sore ({x.soreness}/10) {x.gap} days after {x.cause}: it was probably too "
                        "much or too new. Nothing hard for the rest of the week, and the next leg session "
                        "is lighter and sticks to what you know."
                    )
                else:
                    text = (
                        f"Still sore ({x.soreness}/10) {x.gap} days after {x.cause}, your hardest recent "
                        "effort: a lot for the legs, or new to them. Nothing hard for the rest of the week."
                    )
                return [reason("P5", text, "Well+Good")]
        return []

    def _hours_after(self, start: dt.datetime | None) -> float | None:
        if start is None:
            return None
        last = self.index.last_before(start)
        # Two decimals: to the minute under an hour ("+10 min", not the 12 that 0.2 h would say).
        return None if last is None else round(hours_between(last.ended, start), 2)

    def _session(self, d: Draft) -> Session:
        effort = EFFORT[d.intensity] if d.intensity else None
        status = d.status
        if d.kind != "rest" and (d.day, d.modality) in self.skips:
            status = "skipped"
        dropped = self.dropped.get(d.day)
        return Session(
            kind=d.kind,  # type: ignore[arg-type]
            status=status,  # type: ignore[arg-type]
            start=d.start,
            modality=d.modality,
            intensity=d.intensity,
            effort=effort,
            minutes=d.minutes,
            hours_after_legs=self._hours_after(d.start),
            reasons=tuple(d.final_reasons()),
            talk=talk_words(effort[1]) if effort else None,
            addons=tuple(d.addons),
            choice=" | ".join(d.final_choices()) or None,
            detail=d.detail,
            regions=loads_hard(d.modality),
            moved_to=dropped.moved_to if dropped is not None else None,
        )

    def _logged_cardio(self, c: CardioSession, found: list[Reason]) -> Session:
        start = dt.datetime.combine(c.date, c.start) if c.start else None
        return Session(
            kind="cardio",
            status="done",
            start=start,
            modality=c.modality,
            intensity=logged_intensity(c.effort, c.minutes),
            effort=(c.effort, c.effort),
            minutes=c.minutes,
            hours_after_legs=self._hours_after(start),
            talk=talk_words(c.effort),
            reasons=tuple(found),
            regions=loads_hard(c.modality),
            record=c,
        )


def _share_words(minutes: int, full: int) -> str:
    """``"about 50% of the 40 min the day would otherwise hold"``: a cut said with its numbers.
    "The usual" would be untrue: what the day would hold is the plan's session (already capped after a
    break, by a race's recovery, by the aim), not what the person usually does that weekday (a
    cyclist's 150-minute Saturday)."""
    return f"about {round(minutes / full * 20) * 5}% of the {full} min the day would otherwise hold"


def back_share(k: int) -> float:
    """The share of a session's usual minutes on day ``k`` (0-6) of the first week back after a break."""
    return BACK_FIRST + (1 - BACK_FIRST) * k / BACK_DAYS


def _long(minutes: int, effort: int) -> bool:
    """A long session (G3's "long steady run", once a week), logged or planned: an hour or more, steady
    (3 to 6: a hard hour of intervals or a tempo ride is hard work, not the week's long steady session)."""
    return minutes >= 60 and 3 <= effort <= 6


def lingers(soreness: int, days: int) -> bool:
    """P5: is soreness this high, this many days after its likely cause, a sign it was too much?"""
    if days > LINGERING_MAX_DAYS:
        return False
    if days >= LINGERING_DAYS:
        return soreness >= LINGERING_SORENESS
    return days >= EARLY_LINGERING_DAYS and soreness >= EARLY_LINGERING_SORENESS


def _race_words(s: Strain) -> str:
    if s.status == "projected":
        return f"your event on {s.date:%a %-d %b} (not logged, so counted as about {s.minutes} min hard)"
    if s.what == "legs":  # only a meet, logged as the leg session it was, is a leg session with recovery
        return f"your meet on {s.date:%a %-d %b} ({s.minutes} min at {s.effort}/10)"
    return f"{s.date:%a %-d %b}'s {s.what} ({s.minutes} min at {s.effort}/10)"


def _cause_words(s: Strain) -> str:
    if s.what == "legs":
        return f"your leg session on {s.date:%a %-d %b}"
    if s.status == "projected":
        return f"your event on {s.date:%a %-d %b}"
    return f"{s.date:%a %-d %b}'s {s.what} ({s.minutes} min at {s.effort}/10)"


def _why(r: Reason) -> str:
    """ "soreness 8/10 that morning" from a drop reason's text ("Soreness 8/10 this morning: ...")."""
    head = r.text.split(":")[0].replace("this morning", "that morning")
    return head[:1].lower() + head[1:]


def _in_order(regions) -> tuple[str, ...]:
    return tuple(r for r in REGIONS if r in regions)


__all__ = [
    "BACK_DAYS",
    "CARRY",
    "HORIZON_DAYS",
    "LOOKBACK_DAYS",
    "RACE_EFFORT",
    "back_share",
    "build_week",
    "history_window",
    "lingers",
    "plan_week",
    "race_like",
    "week_of",
]
