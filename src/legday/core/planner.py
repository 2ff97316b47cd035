"""plan_week: the week containing "today", as of today.

Days before today show what was logged. From today on: the leg sessions (logged, or planned from the
profile's usual days and shaped by how the legs will be), and for every day a suggestion built by the
rules in ``rules/`` - cardio, active recovery or rest, each with its reasons. Then the week is balanced as
a whole (S11, P5, G6). The planner looks a week past the week on screen (a rolling horizon), so rules
that look ahead see next week's first leg day whichever weekday the week starts on.

Cost: history is cut to ``history_window`` once and indexed by date (once per plan: planned leg
sessions are added to the index as they are planned), so each day's questions are bisections and
dictionary look-ups; more history than the window costs one cheap slice.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Sequence

from legday.core.catalogue import regions_loaded
from legday.core.evidence import LEGDAY, reason
from legday.core.model import REGIONS, CardioSession, CheckIn, Goal, History, LegSession, Level, Profile, Skip
from legday.core.plan import HARD_INTENSITIES, DayPlan, Reason, Session, Totals, WeekPlan, logged_intensity
from legday.core.readiness import (
    CARDIO_DEFAULT_START,
    DANGER_RATIO,
    HARD_LEG_EFFORT,
    LegIndex,
    Pain,
    Readiness,
    acwr,
    cardio_loads,
    daily_loads,
    day_readiness,
)
from legday.core.rules import (
    EFFORT,
    Ctx,
    Draft,
    LegDay,
    Recent,
    WeekView,
    add_ons,
    apply_state,
    apply_timing,
    balance,
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
    target,
)
from legday.core.rules.base import HARD_AFTER_LEGS, IMPACT
from legday.core.rules.legs import TAPER_SHARE
from legday.core.talk import talk_words

DAY = dt.timedelta(days=1)
# History the planner looks at before the week: 8 weeks covers the 28-day ratio (S5) twice over, the
# 28-day novelty look-back (P5) and the 4-day fatigue tail (S7).
LOOKBACK_DAYS = 56
# A planned leg session starts from the last one logged in this many days (legday's own choice).
TEMPLATE_DAYS = 42
# Days before an event that count as race week (S12 taper).
TAPER_DAYS = 7
# Next week's leg days the rules see (E6, P1: nothing hard the day before legs), days past the week.
HORIZON_DAYS = 7
# A logged session this hard and this long counts as a race (G3: active recovery after it). legday's own.
RACE_EFFORT, RACE_MINUTES = 7, 75
# P5: still this sore this many days after legs means it was too much or too new. legday's own lines:
# 5+ from the fourth day on; and 7+ already on the third, when the 24-48 h peak has passed (S7:
# soreness is lower at 72 h than at 48 h) and it should be easing, not this bad.
LINGERING_SORENESS, LINGERING_DAYS = 5, 4
EARLY_LINGERING_SORENESS, EARLY_LINGERING_DAYS = 7, 3
# ...but soreness weeks after the last leg session is not that session's doing.
LINGERING_MAX_DAYS = 14


# The rule behind each thing that holds a day back, for the week's shortfall note (the first one named).
HELD_BACK_BY = {
    "pain": "P4",
    "sore or tired legs": "P4",
    "recovering from a race": "G3",
    "race week's taper": "S12",
    "building up from your recent sessions": "P5",
    "a short night": "P3",
}


def week_of(today: dt.date, week_start: int = 0) -> dt.date:
    return today - dt.timedelta(days=(today.weekday() - week_start) % 7)


def history_window(
    today: dt.date, week_start: int = 0, *, week: dt.date | None = None
) -> tuple[dt.date, dt.date]:
    """The dates (both included) of history plan_week needs; storage loads only these."""
    start = week_of(week or today, week_start)
    return start - dt.timedelta(days=LOOKBACK_DAYS), start + dt.timedelta(days=6 + HORIZON_DAYS)


def plan_week(
    profile: Profile, history: History, today: dt.date, week_start: int = 0, *, week: dt.date | None = None
) -> WeekPlan:
    """The week (7 days from weekday ``week_start``, Monday = 0) containing ``week`` (default: today),
    as of ``today``: a past week shows only what was logged, a future one is planned from its first
    day. Deterministic."""
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
    return _Week(profile, history, today, week_start % 7, frozenset(disabled), week).build()


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


class _Week:
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
        self.start = week_of(week or today, week_start)
        self.days = [self.start + n * DAY for n in range(7)]
        first, last = history_window(today, week_start, week=week)
        legs: list[LegSession] = _slice(history.legs, first, last)
        self.cardio: list[CardioSession] = _slice(history.cardio, first, last)
        self.loads = cardio_loads(self.cardio)
        self.recent = Recent(self.cardio)
        checkins = _slice(history.checkins, first, last)
        self.checkins: dict[dt.date, CheckIn] = {c.date: c for c in checkins}
        self._pain = _pain_streaks(checkins)
        self.skips: set[tuple[dt.date, str]] = {
            (s.date, s.modality) for s in _slice(history.skips, self.start, self.days[-1])
        }
        self.logged_legs = legs
        self.logged_index = LegIndex(legs)
        self.cardio_by_day: dict[dt.date, list[CardioSession]] = {}
        for c in self.cardio:
            if self.start <= c.date <= self.days[-1]:
                self.cardio_by_day.setdefault(c.date, []).append(c)
        self.event = profile.event_date
        # Hard days that call for active recovery after them (G3): races and very hard long sessions
        # logged, and the event date itself, logged or not (it can be logged or skipped like any day).
        self.race_days = {
            c.date for c in self.cardio if c.effort >= RACE_EFFORT and c.minutes >= RACE_MINUTES
        }
        if self.event is not None:
            self.race_days.add(self.event)
        # Hard days of any kind, for "a third hard day running" (legs or cardio at 7+).
        self.hard_days = {c.date for c in self.cardio if c.effort >= HARD_LEG_EFFORT}
        self.hard_days |= {s.date for s in legs if s.effort >= HARD_LEG_EFFORT}
        self.lingering_from = self._lingering_days(checkins)
        self._plan_legs(legs)

    def on(self, rule: str) -> bool:
        return rule not in self.disabled

    # -- the rolling horizon: readiness and planned leg sessions, day by day --------------------------

    def _plan_legs(self, legs: list[LegSession]) -> None:
        """Readiness day by day, planning each usual leg day from today on as the legs will be then.
        The horizon runs a week past this one, so the rules see next week's first leg day (E6, P1)."""
        logged_days = {s.date for s in legs}
        self.planned: dict[dt.date, LegSession] = {}
        self.shaped: dict[dt.date, list[Reason]] = {}
        # Usual leg days the plan leaves out, with the reason (shown as that day's rest).
        self.dropped: dict[dt.date, Reason] = {}
        self.readiness: dict[dt.date, Readiness] = {}
        first = max(min(self.start, self.today), self.start - 7 * DAY)
        last = self.days[-1] + HORIZON_DAYS * DAY
        # Indexed once: each planned session is added to it, so the days after it feel it.
        index = LegIndex(legs)
        day = first
        while day <= last:
            in_week = self.start <= day <= self.days[-1]
            usual = day >= self.today and day not in logged_days and day.weekday() in self.profile.leg_days
            if in_week or usual:
                r = self._readiness(day, index)
                # Shaped from the last session logged before this day (never one logged after it).
                template = self.logged_index.last_before(dt.datetime.combine(day, dt.time(0)))
                if template is not None and (day - template.date).days > TEMPLATE_DAYS:
                    template = None  # six weeks old says little about today (and keeps week starts alike)
                if in_week:
                    self.readiness[day] = r
                if usual:
                    session, notes = plan_leg_session(
                        LegDay(
                            day,
                            self.profile,
                            r,
                            template,
                            self._event_days(day),
                            self._race_days_ago(day),
                            self._hard_run(day),
                            self._lingering(day),
                            self.logged_index.novel(template) if template else (),
                            self.disabled,
                        )
                    )
                    if session is None:
                        if notes:
                            self.dropped[day] = notes[0]
                    else:
                        self.planned[day] = session
                        self.shaped[day] = notes
                        if session.effort >= HARD_LEG_EFFORT:
                            self.hard_days.add(day)
                        index.add(session)
            day += DAY
        self.index = index

    def _readiness(self, day: dt.date, index: LegIndex) -> Readiness:
        return day_readiness(
            day,
            index,
            self.checkins.get(day),
            self.on,
            self._earlier(day),
            self.loads,
            self._pain_before(day),
        )

    def _pain_before(self, day: dt.date) -> Pain | None:
        i = bisect.bisect_left(self._pain, (day,)) - 1
        if i < 0 or self._pain[i][1] is None or (day - self._pain[i][0]).days > TEMPLATE_DAYS:
            return (
                None  # a flag six weeks old with no check-in since says little (and keeps week starts alike)
            )
        return Pain(self._pain[i][0])

    def _earlier(self, day: dt.date) -> CheckIn | None:
        for back in (1, 2):
            found = self.checkins.get(day - back * DAY)
            if found is not None:
                return found
        return None

    def _event_days(self, day: dt.date) -> int | None:
        if self.event is None or not self.on("S12"):
            return None
        n = (self.event - day).days
        return n if 0 <= n <= TAPER_DAYS else None

    def _race_days_ago(self, day: dt.date) -> int | None:
        for n in (1, 2):
            if day - n * DAY in self.race_days:
                return n
        return None

    def _hard_run(self, day: dt.date) -> int:
        n = 0
        while day - (n + 1) * DAY in self.hard_days and n < 7:
            n += 1
        return n

    def _lingering_days(self, checkins: list[CheckIn]) -> list[tuple[dt.date, int, int]]:
        """P5: check-ins still sore days after the last leg session (see ``lingers``): (date, soreness,
        days since legs)."""
        out = []
        for c in checkins:
            if c.soreness < LINGERING_SORENESS:
                continue
            last = self.logged_index.last_before(dt.datetime.combine(c.date, dt.time(0)))
            if last is not None and lingers(c.soreness, (c.date - last.date).days):
                out.append((c.date, c.soreness, (c.date - last.date).days))
        return out

    def _lingering(self, day: dt.date) -> bool:
        """A P5 warning stands for a week after it, and for the first leg session after it."""
        if not self.on("P5"):
            return False
        return any(0 <= (day - d).days < 7 for d, _, _ in self.lingering_from)

    # -- per day -----------------------------------------------------------------------------------

    def build(self) -> WeekPlan:
        readiness = self.readiness
        drafts: dict[dt.date, Draft] = {}
        leg_sessions: dict[dt.date, list[Session]] = {}
        g4_used = False
        long_done = any(c.minutes >= 60 for cs in self.cardio_by_day.values() for c in cs)
        contexts: dict[dt.date, Ctx] = {}
        for day in self.days:
            before = self.checkins.get(day - DAY)
            ctx = contexts[day] = Ctx(
                day,
                self.profile,
                readiness[day],
                self.index,
                self.index.on(day),
                self.disabled,
                g4_used,
                long_done,
                self._event_days(day),
                sore_yesterday=before.soreness if before is not None else None,
                race_days_ago=self._race_days_ago(day),
                lingering=self._lingering(day),
                checkins=self.checkins,
                longest_recent=self.recent.longest(day),
            )
            leg_sessions[day] = self._leg_sessions(ctx)
            if day < self.today or day in self.cardio_by_day:
                continue
            d = self._draft(ctx, leg_sessions[day])
            if d is None:
                continue
            drafts[day] = d
            g4_used = g4_used or d.exception == "G4"
            long_done = long_done or d.role == "long"
        balance(
            WeekView(
                self.days,
                self.today,
                drafts,
                self.cardio_by_day,
                lambda d: bool(self.index.on(d)),
                self.profile.goal,
                self.skips,
                self.on,
            )
        )
        for day, d in drafts.items():  # balancing may have changed a session: still one the person can do
            settle(d, contexts[day])
        return self._assemble(readiness, drafts, leg_sessions)

    def _draft(self, ctx: Ctx, legs: list[Session]) -> Draft | None:
        event_days = ctx.event_days
        if event_days == 0:
            d = Draft(
                ctx.day,
                "event",
                "cardio",
                modality="event",
                status="planned",
                locked=True,
                detail="event day",
            )
            d.add(
                "S12",
                "Event day: the taper was for this. Log what you really did afterwards; the days "
                "after it are active recovery.",
                LEGDAY,
            )
            return d
        if event_days == 1:
            return Draft(ctx.day, "rest").rest(
                "S12", "The day before your event: rest (legday's rule; no article covers tapering).", LEGDAY
            )
        dropped = self.dropped.get(ctx.day)
        if dropped is not None and dropped.id != "G3":
            return Draft(ctx.day, "rest", "rest", locked=True, reasons=[dropped])
        if dropped is not None:
            # The day after a race: no leg session, and the day is active recovery (G3), planned as a
            # free day; the guards keep it easy, low impact and short.
            d = free_day_draft(ctx)
            d.reasons.insert(0, dropped)
        elif ctx.legs_today:
            d, notes = leg_day_draft(ctx)
            if legs and notes:
                legs[-1] = _with_reasons(legs[-1], notes)
            if d is None:
                return None
        else:
            d = free_day_draft(ctx)
        fit_to_volume(d, ctx)
        if event_days is not None and d.kind != "rest":
            # S12: race week cuts volume by about half and keeps intensity and frequency - for those who
            # train hard; a beginner keeps it moderate (legday's call). First, so that the timing rules
            # still see the session as it will be.
            if ctx.beginner:
                d.cap("moderate")
            d.minutes = max(10, round((d.minutes or 0) * TAPER_SHARE / 5) * 5)
            d.span, d.reduced, d.held_back = (d.minutes, d.minutes), True, "race week's taper"
            d.add(
                "S12",
                lambda d, n=event_days: (
                    f"Race week ({n} days to go): about half the usual minutes"
                    + (", same intensity: a taper cuts volume, not intensity." if d.hard else ".")
                ),
                "Bosquet 2007",
            )
        choose_modality(d, ctx)
        place(d, ctx)
        apply_timing(d, ctx)
        apply_state(d, ctx)
        guard(d, ctx)
        disagreements(d, ctx)
        add_ons(d, ctx)
        return d

    def _leg_sessions(self, ctx: Ctx) -> list[Session]:
        out = []
        for s in ctx.legs_today:
            planned = self.planned.get(ctx.day) is s
            if ctx.day < self.today and planned:
                continue
            addons = leg_addons(ctx) if ctx.day >= self.today else []
            if planned:
                runners = runners_leg_day(ctx)
                if runners is not None:
                    addons.insert(0, runners)
            reasons = leg_reasons(ctx, s, planned, self.shaped.get(ctx.day, []) if planned else [])
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
                )
            )
        return out

    # -- output ------------------------------------------------------------------------------------

    def _assemble(
        self,
        readiness: dict[dt.date, Readiness],
        drafts: dict[dt.date, Draft],
        leg_sessions: dict[dt.date, list[Session]],
    ) -> WeekPlan:
        days = []
        cardio_minutes = hard = easy = legs = 0
        for day in self.days:
            sessions: list[Session] = list(leg_sessions[day])
            legs += len(sessions)
            for c in self.cardio_by_day.get(day, []):
                sessions.append(self._logged_cardio(c))
            if day < self.today:
                sessions.extend(
                    Session(kind="cardio", status="skipped", modality=m, record=Skip(d, m))
                    for (d, m) in sorted(self.skips)
                    if d == day
                )
            if day in drafts:
                sessions.append(self._session(drafts[day]))
            sessions.sort(key=lambda s: (s.start is None, s.start or dt.datetime.min))
            for s in sessions:
                if s.kind in ("cardio", "recovery") and s.status in ("done", "suggested", "planned"):
                    cardio_minutes += s.minutes or 0
                    if s.intensity in HARD_INTENSITIES:
                        hard += 1
                    elif s.intensity is not None:
                        easy += 1
            r = readiness[day]
            days.append(DayPlan(day, r.soreness, r.score, r.why, tuple(sessions), r.pain, r.sleep_hours))
        ratio = (
            acwr(daily_loads(self.logged_legs, self.cardio), min(self.today, self.days[-1]))
            if self.on("S5")
            else None
        )
        warnings: list[Reason] = []
        if ratio is not None and ratio >= DANGER_RATIO:
            warnings.append(
                reason(
                    "S5",
                    f"This week's load is {ratio:g}x your monthly average. Above 1.5 "
                    "is called a danger zone, but that claim is disputed: a warning, "
                    "not a rule; the plan is unchanged.",
                    "Gabbett 2016",
                )
            )
        warnings.extend(self._lingering_warning())
        low, high = target(self.on)
        aim, *notes = self._target_notes(low, high, cardio_minutes, drafts)
        totals = Totals(
            cardio_minutes, hard, easy, legs, (low, high), ratio, max(0, low - cardio_minutes), aim
        )
        return WeekPlan(self.start, self.today, tuple(days), totals, tuple(warnings), tuple(notes))

    def _target_notes(
        self, low: int, high: int, minutes: int, drafts: dict[dt.date, Draft]
    ) -> list[Reason | None]:
        """S11 vs G6: which weekly target the plan aims at (first); then, when it falls short, why."""
        out: list[Reason | None] = [None]
        if self.on("S11"):
            out[0] = reason(
                "S11",
                f"Weekly aim {low}-{high} min: G6's 2-3 hours (Well+Good) and WHO's "
                "150-300 minutes differ, so the plan aims where they overlap, from "
                "WHO's 150 up to G6's 3 hours.",
                "WHO 2020",
            )
        elif self.on("G6"):
            out[0] = reason("G6", f"Weekly aim {low}-{high} min: 2-3 hours of steady cardio.", "Well+Good")
        if minutes < low and any(d.day >= self.today for d in drafts.values()):
            held: dict[str, list[str]] = {}
            for d in sorted(drafts.values(), key=lambda d: d.day):
                if d.held_back and d.day >= self.today:
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
        return out

    def _lingering_warning(self) -> list[Reason]:
        """P5: still sore days after a hard session means it was too much or too new."""
        if not self.on("P5"):
            return []
        for day, sore, gap in self.lingering_from:
            if self.start <= day <= self.days[-1]:
                return [
                    reason(
                        "P5",
                        f"Still sore ({sore}/10) {gap} days after your last leg session: it "
                        "was probably too much or too new. Nothing hard for the rest of the "
                        "week, and the next leg session is lighter and sticks to what you "
                        "know.",
                        "Well+Good",
                    )
                ]
        return []

    def _hours_after(self, start: dt.datetime | None) -> float | None:
        if start is None:
            return None
        last = self.index.last_before(start)
        return None if last is None else round(hours_between(last.ended, start), 1)

    def _session(self, d: Draft) -> Session:
        effort = EFFORT[d.intensity] if d.intensity else None
        status = d.status
        if d.kind != "rest" and (d.day, d.modality) in self.skips:
            status = "skipped"
        return Session(
            kind=d.kind,
            status=status,
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
        )

    def _logged_cardio(self, c: CardioSession) -> Session:
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
            reasons=tuple(self._heads_up(c, start)),
            regions=loads_hard(c.modality),
            record=c,
        )

    def _heads_up(self, c: CardioSession, start: dt.datetime | None) -> list[Reason]:
        """Logged cardio that went against a rule: a heads-up for next time, never a block."""
        at = start or dt.datetime.combine(c.date, CARDIO_DEFAULT_START)
        out: list[Reason] = []
        hard = c.effort >= HARD_LEG_EFFORT
        last = self.index.last_before(at)
        since = hours_between(last.ended, at) if last is not None else None
        last_hard = self.index.last_hard_before(at)
        since_hard = hours_between(last_hard.ended, at) if last_hard is not None else None
        nxt = self.index.next_after(at)
        until = hours_between(at, nxt.started) if nxt is not None else None
        if hard and since_hard is not None and since_hard < HARD_AFTER_LEGS and self.on("E2"):
            out.append(
                reason(
                    "E2",
                    f"Heads-up: hard ({c.effort}/10) {since_hard:.0f} h after a hard leg "
                    "session; hard cardio is best left for about 48 h.",
                    "TravelRunner",
                )
            )
        elif (
            hard
            and self.profile.level is Level.BEGINNER
            and self.on("P1")
            and ((since is not None and since < HARD_AFTER_LEGS) or (until is not None and until < 24))
        ):
            out.append(
                reason(
                    "P1",
                    "Heads-up: new to lifting, hard cardio this close to a leg session is "
                    "best avoided; build each separately first.",
                    "Alex",
                )
            )
        if (
            self.profile.injury_prone
            and c.modality in IMPACT
            and self.on("P2")
            and (self.index.on(c.date) or (since is not None and since < 24))
        ):
            out.append(
                reason(
                    "P2",
                    "Heads-up: with your injury history, running or jumping on a leg day "
                    "(or the day after) raises the risk of it coming back; low impact is "
                    "safer.",
                    "Alex",
                )
            )
        if (
            hard
            and self.profile.goal in (Goal.STRENGTH, Goal.POWER, Goal.GENERAL)
            and self.on("E6")
            and until is not None
            and until < 30
        ):
            out.append(
                reason(
                    "E6",
                    "Heads-up: a hard session the day before legs; for your goal the leg "
                    "session comes first, so keep the day before it easy.",
                    "Well+Good",
                )
            )
        race = self._race_days_ago(c.date)
        if hard and race is not None and self.on("G3"):
            out.append(
                reason(
                    "G3",
                    f"Heads-up: hard, {race} day{'s' if race > 1 else ''} after a race; the "
                    "days after one are for active recovery.",
                    "Spartan",
                )
            )
        return out


def lingers(soreness: int, days: int) -> bool:
    """P5: is soreness this high, this many days after the last leg session, a sign it was too much?"""
    if days > LINGERING_MAX_DAYS:
        return False
    if days >= LINGERING_DAYS:
        return soreness >= LINGERING_SORENESS
    return days >= EARLY_LINGERING_DAYS and soreness >= EARLY_LINGERING_SORENESS


def _pain_streaks(checkins: list[CheckIn]) -> list[tuple[dt.date, dt.date | None]]:
    """After each check-in: since when pain has been flagged without a clean check-in (None: no pain)."""
    out, since = [], None
    for c in checkins:
        since = (since or c.date) if c.pain else None
        out.append((c.date, since))
    return out


def _in_order(regions) -> tuple[str, ...]:
    return tuple(r for r in REGIONS if r in regions)


def _with_reasons(s: Session, extra: list[Reason]) -> Session:
    from dataclasses import replace

    return replace(s, reasons=s.reasons + tuple(extra))
