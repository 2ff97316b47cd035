"""The weeks behind you, as numbers: one row per week for the trends view and ``legday trends``.

Every number is the one the rest of legday already uses, not a second definition of it:
- cardio minutes, hard, easy and moderate sessions and the target band are what ``plan_week``'s
  totals say for that week planned as of the day after it: the cardio logged in it, hard or moderate by
  the intensity its effort falls in (S1, S2; ``easy`` counts every session that is not hard, moderate
  among them, as the totals do), and the band the plan aims at;
- leg and cardio load are session effort x minutes (S3), ``LegSession.load`` / ``CardioSession.load``;
- soreness and readiness are the means of the mornings you rated: a rated morning's readiness is its
  check-in's (``readiness.rated_score``: the rating, sleep and pain, as the week grid shows it); an
  unrated morning's number would be the model's guess, so it is left out of the mean;
- the acute:chronic ratio is ``readiness.acwr`` over the same window the planner gives it (S5).
Fitness and fatigue (S4) are a model and labelled so wherever they are shown.

Cost: a planned week costs a few milliseconds (every rule, every day), and 52 of them held the view for
several frames. So the numbers are worked out from the logged records directly, in one pass over the
window; the full plan of a week is made only when its words are asked for (``WeekTrend.plan``: what was
missed, which warnings fired). A test holds the two ways equal on random histories.

The week containing ``end`` counts only up to ``end``: what was logged so far, never the plan ahead.
``trends_window`` says which dates to read, so ten years of history cost no more than the weeks shown.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from dataclasses import field
from functools import cached_property

from legday.core.evidence import reason
from legday.core.model import CardioSession, CheckIn, History, LegSession, Profile
from legday.core.plan import HARD_INTENSITIES, Reason, Session, WeekPlan, logged_intensity
from legday.core.planner import LOOKBACK_DAYS, plan_week, week_of
from legday.core.readiness import DANGER_RATIO, acwr, daily_loads, rated_score
from legday.core.rules import target
from legday.core.values import Value

DAY = dt.timedelta(days=1)
DEFAULT_WEEKS, MAX_WEEKS = 12, 52
# S4: the time constants of fitness (chronic) and fatigue (acute), in days.
FITNESS_DAYS, FATIGUE_DAYS = 42, 7
# S5: the band called the "sweet spot". Disputed (Lolli 2019, Impellizzeri 2021): shown, never enforced.
SWEET_SPOT = (0.8, 1.3)
# legday's own: a week this much heavier than the average of the weeks shown is called heavy.
HEAVY_SHARE = 1.3


class WeekTrend(Value):
    week_start: dt.date
    # The last day counted: the week's Sunday (or its last day), or ``end`` for the week under way.
    last_day: dt.date
    leg_load: int
    cardio_load: int
    cardio_minutes: int
    hard: int
    easy: int
    leg_sessions: int
    # Mean of the mornings rated (0-10); None when no morning of the week was rated.
    soreness: float | None
    # Mean readiness (0-100) of the mornings rated up to ``last_day``; None when nothing was rated
    # (an unrated morning's number is the model's guess alone, so it never counts).
    readiness: float | None
    acwr: float | None
    target_minutes: tuple[int, int]
    # S4 model values on ``last_day`` (a model: see fitness_fatigue).
    fitness: float
    fatigue: float
    # Of ``easy`` (every cardio session that is not hard, S11's easy side, as the plan's totals count
    # it), those labelled moderate: "1 hard, 1 moderate, 4 easy", as the week's totals say it.
    moderate: int = 0
    # Makes the week's full plan when its words are first asked for (see ``plan``).
    planner: Callable[[], WeekPlan] | None = field(default=None, compare=False, repr=False)
    # The week ends before the first log the window holds (nothing logged in it nor in the eight
    # weeks of look-back before the first week shown): not a week with nothing done, a week before
    # the history. Left out of the average week, and said so.
    # (Not part of equality: the numbers above are the same either way.)
    before_history: bool = field(default=False, compare=False)
    # The first log, when the window starts before it: a usual leg day before it was not missed.
    history_from: dt.date | None = field(default=None, compare=False)

    @cached_property
    def plan(self) -> WeekPlan:
        """The week planned as of the day after it (every day past: what was logged, and the
        warnings), made on first use: the numbers above never need it."""
        if self.planner is None:
            raise ValueError("this week was made without its history: no plan to show")
        return self.planner()

    @property
    def load(self) -> int:
        return self.leg_load + self.cardio_load

    @property
    def days(self) -> int:
        return (self.last_day - self.week_start).days + 1


class Trends(Value):
    end: dt.date
    week_start: int
    weeks: tuple[WeekTrend, ...]
    profile: Profile


def mean_load(weeks) -> float:
    """The average weekly load of the whole weeks among ``weeks`` since the first log (all of those
    if none is whole): the weeks before the history count for nothing, not for zero."""
    logged = [w for w in weeks if not w.before_history]
    full = [w.load for w in logged if w.days == 7] or [w.load for w in logged]
    return sum(full) / len(full) if full else 0.0


def check_weeks(weeks: int) -> int:
    from legday.core.errors import InputError

    if isinstance(weeks, bool) or not isinstance(weeks, int) or not 1 <= weeks <= MAX_WEEKS:
        raise InputError(f"weeks {weeks!r} is out of range; accepted: 1 to {MAX_WEEKS}")
    return weeks


def first_week(end: dt.date, weeks: int, week_start: int = 0) -> dt.date:
    return week_of(end, week_start) - dt.timedelta(days=7 * (weeks - 1))


def trends_window(end: dt.date, weeks: int = DEFAULT_WEEKS, week_start: int = 0) -> tuple[dt.date, dt.date]:
    """The dates (both included) ``weekly_trends`` reads: the weeks shown and, before the first, the
    planner's look-back (the 28-day ratio twice over). Nothing after ``end``."""
    return first_week(end, weeks, week_start) - dt.timedelta(days=LOOKBACK_DAYS), end


class Window:
    """What every week's numbers are made from, prepared once: the history from the look-back before
    the first week to ``end``, in date order, and its daily loads (S3); the look-ups the weeks share
    (records by day, check-ins, cardio by when it ended) are built on first use. ``week(ws)`` then
    costs one pass over that week's days and no planning; ``plan(ws)`` plans the week in full."""

    def __init__(
        self,
        profile: Profile,
        history: History,
        end: dt.date,
        weeks: int = DEFAULT_WEEKS,
        week_start: int = 0,
    ) -> None:
        check_weeks(weeks)
        self.profile, self.end, self.weeks, self.week_start = profile, end, weeks, week_start % 7
        first, _ = trends_window(end, weeks, week_start)
        # Nothing after ``end`` counts, not even a session logged ahead of time. In date order, so
        # that a week's part of it is a bisection.
        kept = history.between(first, end)
        self.history = History(
            tuple(sorted(kept.legs, key=lambda i: i.date)),
            tuple(sorted(kept.cardio, key=lambda i: i.date)),
            tuple(sorted(kept.checkins, key=lambda i: i.date)),
            tuple(sorted(kept.skips, key=lambda i: i.date)),
        )
        self.loads = daily_loads(self.history.legs, self.history.cardio)
        start = first_week(end, weeks, week_start)
        self.starts: tuple[dt.date, ...] = tuple(start + dt.timedelta(days=7 * n) for n in range(weeks))
        # The first day anything was logged, when it falls inside the weeks shown (the look-back
        # before them empty): the weeks before it are before the history.
        dates = [
            r.date
            for kind in (self.history.legs, self.history.cardio, self.history.checkins)
            for r in kind[:1]
        ]
        first_log = min(dates, default=None)
        self.first_log: dt.date | None = first_log if first_log is not None and first_log >= start else None

    def week(self, ws: dt.date) -> WeekTrend:
        """The week starting ``ws``, from the records (the same numbers its plan would give)."""
        last = min(ws + 6 * DAY, self.end)
        days = list(_days(ws, last))
        legs = [s for d in days for s in self._legs_on.get(d, ())]
        cardio = [c for d in days for c in self._cardio_on.get(d, ())]
        labels = [logged_intensity(c.effort, c.minutes) for c in cardio]
        hard = sum(1 for label in labels if label in HARD_INTENSITIES)
        checkins = self._checkins
        rated = [checkins[d].soreness for d in days if d in checkins]
        soreness = readiness = None
        if rated:  # only rated mornings: the model's guess alone would say more than it knows
            soreness = round(sum(rated) / len(rated), 1)
            scores = [_rated_readiness(checkins[d]) for d in days if d in checkins]
            readiness = round(sum(scores) / len(scores), 1)
        # S5 exactly as the planner computes it: loads from its look-back window, as of the last day.
        window = ws - dt.timedelta(days=LOOKBACK_DAYS)
        ratio = acwr(self._loads_between(window, last), last)
        fitness, fatigue = fitness_fatigue(self.loads, window, last)
        return WeekTrend(
            ws,
            last,
            sum(s.load for s in legs),
            sum(c.load for c in cardio),
            sum(c.minutes for c in cardio),
            hard,
            len(cardio) - hard,
            len(legs),
            soreness,
            readiness,
            ratio,
            target(lambda rule: True, self.profile.goal),
            round(fitness, 1),
            round(fatigue, 1),
            labels.count("moderate"),
            planner=lambda: self.plan(ws),
            before_history=self.first_log is not None and last < self.first_log,
            history_from=self.first_log,
        )

    def trends(self) -> Trends:
        """Every week of the window, oldest first."""
        return Trends(self.end, self.week_start, tuple(self.week(ws) for ws in self.starts), self.profile)

    def plan(self, ws: dt.date) -> WeekPlan:
        """The week starting ``ws`` planned as of the day after it: every day is past, so it holds
        what was logged, the warnings and nothing suggested."""
        return plan_week(self.profile, self.history, ws + 7 * DAY, self.week_start, week=ws)

    # -- the records, indexed once (on first use) ----------------------------------------------------

    @cached_property
    def _legs_on(self) -> dict[dt.date, list[LegSession]]:
        return _by_day(self.history.legs)

    @cached_property
    def _cardio_on(self) -> dict[dt.date, list[CardioSession]]:
        return _by_day(self.history.cardio)

    def _loads_between(self, first: dt.date, last: dt.date) -> dict[dt.date, int]:
        days = self._load_days
        lo = bisect.bisect_left(days, first)
        return {d: self.loads[d] for d in days[lo : bisect.bisect_right(days, last, lo=lo)]}

    @cached_property
    def _load_days(self) -> list[dt.date]:
        return sorted(self.loads)

    @cached_property
    def _checkins(self) -> dict[dt.date, CheckIn]:
        # As the planner keeps them: one a day, the later of two for the same day.
        return {c.date: c for c in sorted(self.history.checkins, key=lambda c: c.date)}


def _rated_readiness(checkin: CheckIn) -> int:
    """A rated morning's readiness as the week grid shows it (its own check-in decides it, S6)."""
    score, _ = rated_score(checkin)
    return max(0, min(100, round(score)))


def _days(first: dt.date, last: dt.date):
    day = first
    while day <= last:
        yield day
        day += DAY


def _between(items, first: dt.date, last: dt.date) -> list:
    """Items dated ``first`` to ``last``, in date order (the window's records are sorted once)."""
    lo = bisect.bisect_left(items, first, key=lambda i: i.date)
    return list(items[lo : bisect.bisect_right(items, last, lo=lo, key=lambda i: i.date)])


def _by_day(items) -> dict[dt.date, list]:
    out: dict[dt.date, list] = {}
    for item in sorted(items, key=lambda i: i.date):
        out.setdefault(item.date, []).append(item)
    return out


def weekly_trends(
    profile: Profile, history: History, end: dt.date, weeks: int = DEFAULT_WEEKS, week_start: int = 0
) -> Trends:
    """``weeks`` weeks ending with the one containing ``end``, oldest first."""
    return Window(profile, history, end, weeks, week_start).trends()


def fitness_fatigue(loads: dict[dt.date, int], first: dt.date, last: dt.date) -> tuple[float, float]:
    """S4 on ``last``: daily load averaged with time constants 42 and 7 days, from zero on ``first``.
    Each week starts its run the planner's look-back before it (as the ratio does), so a week's
    numbers do not depend on how many weeks are shown."""
    fitness = fatigue = 0.0
    day = first
    while day <= last:
        load = loads.get(day, 0)
        fitness += (load - fitness) / FITNESS_DAYS
        fatigue += (load - fatigue) / FATIGUE_DAYS
        day += DAY
    return fitness, fatigue


# -- words for one week ------------------------------------------------------------------------------


def _when(s) -> str:
    return f"{s.date:%a %d %b}"


def week_words(profile: Profile, w: WeekTrend, weeks=()) -> list[Reason]:
    """Week ``w`` in words, each line citing its evidence (or ``legday`` for legday's own judgement):
    what was heavy, what was missed, which warnings fired. ``weeks``: the weeks shown beside it, for
    "heavier than your average"."""
    out: list[Reason] = []
    so_far = " so far" if w.days < 7 else ""
    if w.before_history:
        first = next((x.week_start for x in weeks if not x.before_history), None)
        since = f" (your history here starts the week of {first:%d %b})" if first else ""
        return [
            Reason(
                "",
                f"Before your first log{since}: nothing to count, and left out of your average week.",
                "legday",
            )
        ]
    if w.load == 0 and w.cardio_minutes == 0:
        out.append(reason("S3", f"Nothing logged this week{so_far}: no load to show.", "Day 2004"))
    else:
        mean = mean_load(weeks)
        share = w.load / mean if mean else 0
        text = f"Load {w.load}{so_far} (effort x minutes): legs {w.leg_load}, cardio {w.cardio_load}."
        logged = [x for x in weeks if not x.before_history]
        if mean and len(logged) > 1:
            since = f" since your first log, {len(logged)} weeks" if len(logged) < len(weeks) else " here"
            text += f" That is {round(share * 100)}% of your average week{since} ({round(mean)})."
        out.append(reason("S3", text, "Day 2004"))
        heavy = _heaviest(w)
        if heavy:
            out.append(Reason("S3", heavy, "legday"))
        if w.days == 7 and mean and share >= HEAVY_SHARE:
            out.append(
                Reason(
                    "S3",
                    f"A heavy week: more than {round(HEAVY_SHARE * 100) - 100}% above "
                    "your average. Expect more soreness the week after.",
                    "legday",
                )
            )
    low, high = w.target_minutes
    if w.cardio_minutes < low:
        gap = f"{low - w.cardio_minutes} min short of the {low}-{high} min band"
    elif w.cardio_minutes > high:
        gap = f"{w.cardio_minutes - high} min over the {low}-{high} min band"
    else:
        gap = f"inside the {low}-{high} min band"
    out.append(reason("G6", f"Cardio {w.cardio_minutes} min{so_far}: {gap}.", "Well+Good"))
    sessions = w.hard + w.easy
    if sessions:
        easy = round(100 * w.easy / sessions)
        verdict = "about right" if easy >= 75 else "more hard than the mix suggests"
        out.append(
            reason(
                "S11",
                f"{w.hard} hard, {w.moderate} moderate, {w.easy - w.moderate} easy: {easy}% not hard "
                f"against about 80%: {verdict}.",
                "Seiler 2010",
            )
        )
    out.extend(_missed(profile, w))
    if w.acwr is not None:
        lo, hi = SWEET_SPOT
        if w.acwr >= DANGER_RATIO:
            out.append(
                reason(
                    "S5",
                    f"Load ratio {w.acwr:.2f}: above 1.5, the zone called dangerous. "
                    "That claim is disputed: a warning, not a rule.",
                    "Gabbett 2016",
                )
            )
        elif not lo <= w.acwr <= hi:
            side = "below" if w.acwr < lo else "above"
            out.append(
                reason(
                    "S5",
                    f"Load ratio {w.acwr:.2f}, {side} the 0.8-1.3 band some call the sweet spot (disputed).",
                    "Gabbett 2016",
                )
            )
    for warning in w.plan.warnings:
        if warning.id != "S5":  # the ratio is said above, as of the week's last day
            out.append(warning)
    if w.soreness is not None:
        out.append(
            reason(
                "S6",
                f"Mean soreness {w.soreness:g}/10 and readiness {w.readiness:g}/100 "
                f"on the mornings up to {w.last_day:%a %d %b}.",
                "Saw 2016",
            )
        )
    else:
        out.append(
            reason(
                "S6",
                "No morning rated: soreness and readiness stay blank (a guess from the "
                "model alone would say more than it knows).",
                "Saw 2016",
            )
        )
    return out


def _heaviest(w: WeekTrend) -> str | None:
    sessions = [
        s
        for d in w.plan.days
        if d.date <= w.last_day
        for s in d.sessions
        if s.status == "done" and s.minutes and s.effort
    ]
    if not sessions:
        return None
    top = max(sessions, key=_session_load)
    what = "legs" if top.kind == "legs" else (top.modality or top.kind)
    day = top.start.strftime("%a %d %b") if top.start else ""
    if not day:
        for d in w.plan.days:
            if top in d.sessions:
                day = f"{d.date:%a %d %b}"
    return (
        f"Heaviest session: {what} on {day}, {top.minutes} min at effort {_top_effort(top)} "
        f"(load {_session_load(top)})."
    )


def _top_effort(s: Session) -> int:
    return s.effort[1] if s.effort else 0


def _session_load(s: Session) -> int:
    return _top_effort(s) * (s.minutes or 0)


def _missed(profile: Profile, w: WeekTrend) -> list[Reason]:
    out = []
    leg_dates = {d.date for d in w.plan.days for s in d.sessions if s.kind == "legs"}
    # In the week under way the last day may still bring its session: only days before it count.
    missed = [
        d.date
        for d in w.plan.days
        if (d.date < w.last_day or w.days == 7)
        and (w.history_from is None or d.date >= w.history_from)
        and d.date.weekday() in profile.leg_days
        and d.date not in leg_dates
    ]
    if missed:
        names = ", ".join(f"{d:%a %d}" for d in missed)
        out.append(
            Reason(
                "",
                f"No leg session on your usual leg day{'s' if len(missed) > 1 else ''}: {names}.",
                "legday",
            )
        )
    skipped = [
        (d.date, s.modality or s.kind)
        for d in w.plan.days
        for s in d.sessions
        if s.status == "skipped" and d.date <= w.last_day
    ]
    if skipped:
        names = ", ".join(f"{m} {d:%a %d}" for d, m in skipped)
        out.append(Reason("", f"Skipped: {names}.", "legday"))
    return out


# -- JSON (``legday trends --json``: a contract, keep these names) -----------------------------------


def to_json(trends: Trends) -> dict:
    return {
        "end": trends.end.isoformat(),
        "weeks": [
            {
                "week_start": w.week_start.isoformat(),
                "leg_load": w.leg_load,
                "cardio_load": w.cardio_load,
                "cardio_minutes": w.cardio_minutes,
                "hard": w.hard,
                "easy": w.easy,
                "moderate": w.moderate,
                "soreness": w.soreness,
                "readiness": w.readiness,
                "acwr": w.acwr,
                "leg_sessions": w.leg_sessions,
                "days": w.days,
                "before_history": w.before_history,
                "target_minutes": list(w.target_minutes),
                "model": {"fitness": w.fitness, "fatigue": w.fatigue},
            }
            for w in trends.weeks
        ],
    }
