"""plan_week: the week containing "today", as of today.

Days before today show what was logged. From today on: the leg sessions (logged, or planned from the
profile's usual days), and for every day a suggestion built by the rules in ``rules.py`` - cardio,
active recovery or rest, each with its reasons. Then the week is balanced as a whole (S11, P5, G6).

Cost: history is cut to ``history_window`` once and indexed by date, so each day's questions are
bisections and dictionary look-ups; more history than the window costs one cheap slice.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence

from legday.core.evidence import reason
from legday.core.model import CardioSession, CheckIn, History, LegSession, Profile
from legday.core.plan import HARD_INTENSITIES, DayPlan, Reason, Session, Totals, WeekPlan
from legday.core.readiness import (
    DANGER_RATIO,
    LegIndex,
    Readiness,
    acwr,
    daily_loads,
    day_readiness,
)
from legday.core.rules import (
    EFFORT,
    TOO_SORE,
    Ctx,
    Draft,
    WeekView,
    add_ons,
    apply_state,
    apply_timing,
    balance,
    choose_modality,
    free_day_draft,
    hours_between,
    leg_addons,
    leg_day_draft,
    leg_reasons,
    place,
    target,
)
from legday.core.talk import talk_words

DAY = dt.timedelta(days=1)
# History the planner looks at before the week: 8 weeks covers the 28-day ratio (S5) twice over, the
# 28-day novelty look-back (P5) and the 4-day fatigue tail (S7).
LOOKBACK_DAYS = 56
# A planned leg session copies the last logged one; with none logged, a typical hard hour.
DEFAULT_LEG_MINUTES, DEFAULT_LEG_EFFORT = 60, 7
# Days before an event that count as race week (G3 taper).
TAPER_DAYS = 7


def week_of(today: dt.date, week_start: int = 0) -> dt.date:
    return today - dt.timedelta(days=(today.weekday() - week_start) % 7)


def history_window(today: dt.date, week_start: int = 0, *,
                   week: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The dates (both included) of history plan_week needs; storage loads only these."""
    start = week_of(week or today, week_start)
    return start - dt.timedelta(days=LOOKBACK_DAYS), start + dt.timedelta(days=6)


def plan_week(profile: Profile, history: History, today: dt.date, week_start: int = 0, *,
              week: dt.date | None = None) -> WeekPlan:
    """The week (7 days from weekday ``week_start``, Monday = 0) containing ``week`` (default: today),
    as of ``today``: a past week shows only what was logged, a future one is planned from its first
    day. Deterministic."""
    return build_week(profile, history, today, week_start, week=week)


def build_week(profile: Profile, history: History, today: dt.date, week_start: int = 0,
               disabled: frozenset[str] = frozenset(), *, week: dt.date | None = None) -> WeekPlan:
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
        if all(a.date <= b.date for a, b in zip(part, part[1:])):
            return list(part)
    return sorted((i for i in items if first <= i.date <= last), key=lambda i: i.date)


class _Week:
    def __init__(self, profile: Profile, history: History, today: dt.date, week_start: int,
                 disabled: frozenset[str], week: dt.date | None = None):
        self.profile, self.today, self.disabled = profile, today, disabled
        self.start = week_of(week or today, week_start)
        self.days = [self.start + n * DAY for n in range(7)]
        first, last = history_window(today, week_start, week=week)
        legs: list[LegSession] = _slice(history.legs, first, last)
        self.cardio: list[CardioSession] = _slice(history.cardio, first, last)
        # Check-ins from two days before the week: a recent rating carries over (readiness.CARRY).
        self.checkins: dict[dt.date, CheckIn] = {
            c.date: c for c in _slice(history.checkins, self.start - 2 * DAY, last)}
        self.skips: set[tuple[dt.date, str]] = {
            (s.date, s.modality) for s in _slice(history.skips, self.start, last)}
        self.logged_legs = legs
        self.cardio_by_day: dict[dt.date, list[CardioSession]] = {}
        for c in self.cardio:
            if c.date >= self.start:
                self.cardio_by_day.setdefault(c.date, []).append(c)
        self.event = profile.event_date
        # Planned leg sessions: the profile's usual days from today on, unless logged already.
        logged_days = {s.date for s in legs}
        template = max(legs, key=lambda s: s.started) if legs else None
        self.planned: dict[dt.date, LegSession] = {}
        # Usual leg days the plan leaves out, with the reason (shown as that day's rest).
        self.dropped: dict[dt.date, Reason] = {}
        for day in self.days:
            if day < today or day in logged_days or day.weekday() not in profile.leg_days:
                continue
            event_days = self._event_days(day)
            if event_days is not None and event_days <= 2:
                if event_days > 0:  # on the day itself the event says it all
                    self.dropped[day] = reason(
                        "G3", f"No leg session {event_days} day{'s' if event_days > 1 else ''} before your "
                              "event: legs stay fresh for it.", "Spartan")
                continue
            said = self.checkins.get(day)
            if said is not None and self.on("P4") and (said.pain or said.soreness >= TOO_SORE):
                why = "You flagged pain" if said.pain else f"Soreness {said.soreness}/10"
                self.dropped[day] = reason(
                    "P4", f"{why}: skip today's leg session and rest; pick it up when your legs have "
                          "come back.", "TravelRunner")
                continue
            self.planned[day] = LegSession(
                day, profile.leg_time,
                template.minutes if template else DEFAULT_LEG_MINUTES,
                template.effort if template else DEFAULT_LEG_EFFORT,
                template.exercises if template else (),
            )
        self.index = LegIndex([*legs, *self.planned.values()])

    def on(self, rule: str) -> bool:
        return rule not in self.disabled

    def _earlier(self, day: dt.date) -> CheckIn | None:
        for back in (1, 2):
            found = self.checkins.get(day - back * DAY)
            if found is not None:
                return found
        return None

    def _event_days(self, day: dt.date) -> int | None:
        if self.event is None or not self.on("G3"):
            return None
        n = (self.event - day).days
        return n if 0 <= n <= TAPER_DAYS else None

    # -- per day -----------------------------------------------------------------------------------

    def build(self) -> WeekPlan:
        readiness = {d: day_readiness(d, self.index, self.checkins.get(d), self.on, self._earlier(d))
                     for d in self.days}
        drafts: dict[dt.date, Draft] = {}
        leg_sessions: dict[dt.date, list[Session]] = {}
        g4_used = False
        long_done = any(c.minutes >= 60 for cs in self.cardio_by_day.values() for c in cs)
        for day in self.days:
            ctx = Ctx(day, self.profile, readiness[day], self.index, self.index.on(day),
                      self.disabled, g4_used, long_done, self._event_days(day))
            leg_sessions[day] = self._leg_sessions(ctx)
            if day < self.today or day in self.cardio_by_day:
                continue
            d = self._draft(ctx, leg_sessions[day])
            if d is None:
                continue
            drafts[day] = d
            g4_used = g4_used or d.exception == "G4"
            long_done = long_done or d.role == "long"
        balance(WeekView(self.days, self.today, drafts, self.cardio_by_day, lambda d: bool(self.index.on(d)),
                         self.profile.goal, self.skips, self.on))
        return self._assemble(readiness, drafts, leg_sessions)

    def _draft(self, ctx: Ctx, legs: list[Session]) -> Draft | None:
        event_days = ctx.event_days
        if event_days == 0:
            d = Draft(ctx.day, "event", "cardio", modality="event", status="planned", locked=True,
                      detail="event day")
            d.add("G3", "Event day: you arrive on rested legs.", "Spartan")
            return d
        if event_days == 1:
            return Draft(ctx.day, "rest").rest("G3", "The day before your event: rest.", "Spartan")
        if ctx.day in self.dropped:
            return Draft(ctx.day, "rest", "rest", locked=True, reasons=[self.dropped[ctx.day]])
        if ctx.legs_today:
            d, notes = leg_day_draft(ctx)
            if legs and notes:
                legs[-1] = _with_reasons(legs[-1], notes)
            if d is None:
                return None
        else:
            d = free_day_draft(ctx)
        if event_days is not None and d.kind != "rest":
            # G3: race week. Nothing hard, and less of it, so the legs arrive fresh. First, so that the
            # timing rules still see the session as it will be.
            d.cap("moderate")
            d.minutes = max(10, int(round((d.minutes or 0) * 0.6 / 5)) * 5)
            d.span, d.reduced = (d.minutes, d.minutes), True
            d.add("G3", f"Race week ({event_days} days to go): less and easier, to arrive fresh.",
                  "Spartan")
        choose_modality(d, ctx)
        place(d, ctx)
        apply_timing(d, ctx)
        apply_state(d, ctx)
        add_ons(d, ctx)
        return d

    def _leg_sessions(self, ctx: Ctx) -> list[Session]:
        out = []
        for s in ctx.legs_today:
            planned = self.planned.get(ctx.day) is s
            if ctx.day < self.today and planned:
                continue
            addons = leg_addons(ctx) if ctx.day >= self.today else []
            reasons = leg_reasons(ctx, s, planned)
            out.append(Session(
                kind="legs", status="planned" if planned else "done", start=s.started,
                modality=None, intensity=None, effort=(s.effort, s.effort), minutes=s.minutes,
                hours_after_legs=None, reasons=tuple(reasons), talk=talk_words(s.effort),
                addons=tuple(addons),
                detail=", ".join(str(e) for e in s.exercises) or None,
            ))
        return out

    # -- output ------------------------------------------------------------------------------------

    def _assemble(self, readiness: dict[dt.date, Readiness], drafts: dict[dt.date, Draft],
                  leg_sessions: dict[dt.date, list[Session]]) -> WeekPlan:
        days = []
        cardio_minutes = hard = easy = legs = 0
        for day in self.days:
            sessions: list[Session] = list(leg_sessions[day])
            legs += len(sessions)
            for c in self.cardio_by_day.get(day, []):
                sessions.append(self._logged_cardio(c))
            if day < self.today:
                sessions.extend(Session(kind="cardio", status="skipped", modality=m)
                                for (d, m) in sorted(self.skips) if d == day)
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
        ratio = acwr(daily_loads(self.logged_legs, self.cardio), min(self.today, self.days[-1])) if self.on("S5") else None
        warnings: list[Reason] = []
        if ratio is not None and ratio >= DANGER_RATIO:
            warnings.append(reason("S5", f"This week's load is {ratio:g}x your monthly average. Above 1.5 "
                                         "is called a danger zone, but that claim is disputed: a warning, "
                                         "not a rule; the plan is unchanged.", "Gabbett 2016"))
        warnings.extend(self._lingering(readiness))
        totals = Totals(cardio_minutes, hard, easy, legs, target(self.on), ratio)
        return WeekPlan(self.start, self.today, tuple(days), totals, tuple(warnings))

    def _lingering(self, readiness: dict[dt.date, Readiness]) -> list[Reason]:
        """P5: still sore days after a hard session means it was too much or too new."""
        if not self.on("P5"):
            return []
        for day in self.days:
            r = readiness[day]
            if r.soreness is None or r.soreness < 5:
                continue
            last = self.index.last_before(dt.datetime.combine(day, dt.time(0)))
            if last is not None and (day - last.date).days >= 4:
                return [reason("P5", f"Still sore ({r.soreness}/10) {(day - last.date).days} days after "
                                     "your last leg session: it was probably too much or too new. Ease "
                                     "in next time.", "Spartan")]
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
            kind=d.kind, status=status, start=d.start, modality=d.modality, intensity=d.intensity,
            effort=effort, minutes=d.minutes, hours_after_legs=self._hours_after(d.start),
            reasons=tuple(d.final_reasons()), talk=talk_words(effort[1]) if effort else None,
            addons=tuple(d.addons), choice=" | ".join(d.final_choices()) or None, detail=d.detail,
        )

    def _logged_cardio(self, c: CardioSession) -> Session:
        start = dt.datetime.combine(c.date, c.start) if c.start else None
        return Session(
            kind="cardio", status="done", start=start, modality=c.modality,
            intensity=_intensity_for(c.effort), effort=(c.effort, c.effort), minutes=c.minutes,
            hours_after_legs=self._hours_after(start), talk=talk_words(c.effort),
        )


def _intensity_for(effort: int) -> str:
    """The intensity class a logged effort falls in (S1, S2)."""
    if effort <= 2:
        return "recovery"
    if effort <= 4:
        return "easy"
    if effort <= 6:
        return "moderate"
    if effort == 7:
        return "tempo"
    return "intervals" if effort <= 9 else "sprints"


def _with_reasons(s: Session, extra: list[Reason]) -> Session:
    from dataclasses import replace

    return replace(s, reasons=s.reasons + tuple(extra))
