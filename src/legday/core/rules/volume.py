"""How long a session may be, from what the person has done lately: legday's own rule, its reading of
P5's "too much too fast" (Carlson). A plan that offers a beginner 90 minutes after one 30-minute run
asks for three times what the legs know.

    the longest session of the last 4 weeks (effort 3 or more: easy strolls, mobility and the plan's
    own recovery sessions don't count as training volume) sets the ceiling: about a fifth longer, at
    least 5 minutes more; never below the floor for the person's level: 45 minutes for a beginner, 75
    for an intermediate, 90 for the advanced. So a short session logged (the plan's own 20-minute spin,
    say) never makes the ceiling lower than logging nothing would; back after a break of two weeks or
    more, the first week stays at the beginner's 45 minutes.

The ceiling also bounds what the weekly aim (G6) may grow a session to.

A base for hard work (``Recent.base``): three steady sessions of half an hour or more in the last 4
weeks besides walks, for a beginner, for anyone whose 4 weeks hold walks (walks are no base for
intervals) and for anyone who skipped suggestions in them (a skip says no cardio was done); with
nothing logged at all, legday can't tell a seasoned runner who doesn't log from a new one, so only a
beginner waits.

"The last 4 weeks" are the timeline's: what was logged, and from today on what the plan put on the days
before (a suggestion counts as done) - so doing what legday suggests, and logging it, changes nothing.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence

from legday.core.evidence import LEGDAY
from legday.core.model import CardioSession
from legday.core.rules.base import Ctx, Draft
from legday.core.strain import race_like

# legday's own numbers (S6: none is validated).
GROWTH = 1.2  # about a fifth longer than the longest recent session
LEAST_STEP = 5  # ... and always at least this many minutes more
LOOKBACK = dt.timedelta(days=28)
COUNTS_FROM_EFFORT = 3  # CR-10 "moderate" (S2): easier sessions are not training volume
BEGINNER_CEILING = 45  # a beginner with nothing logged lately
FLOOR = {"beginner": BEGINNER_CEILING, "intermediate": 75, "advanced": 90}
NOT_A_BASE = ("walk", "yoga", "pilates")
BASE_SESSIONS = 3  # steady sessions in the last 4 weeks: a base for hard work ...
BASE_MINUTES = 30  # ... of half an hour or more


class Recent:
    """The cardio of the timeline that counts as training volume (effort 3 or more), by date: "the
    longest in the 4 weeks before this day" and "a base" by bisection. Logged sessions at first; the
    planner adds each day's suggestion as the day is decided."""

    def __init__(self, cardio: Sequence[CardioSession] = (), skipped: Sequence[dt.date] = ()):
        self._skipped = sorted(skipped)  # days a suggestion was skipped: the person said no cardio
        self._dates: list[dt.date] = []
        self._minutes: list[int] = []
        self._usual: list[tuple[dt.date, int]] = []  # the same, without races and matches
        self._usual_runs: list[tuple[dt.date, int]] = []  # ... and of those, the runs
        self._steady: list[dt.date] = []
        self._walks: list[dt.date] = []
        for c in sorted(cardio, key=lambda c: c.date):
            self.add(c.date, c.modality, c.minutes, c.effort)

    def add(self, day: dt.date, modality: str, minutes: int, effort: int) -> None:
        if effort < COUNTS_FROM_EFFORT:
            return
        i = bisect.bisect_right(self._dates, day)
        self._dates.insert(i, day)
        self._minutes.insert(i, minutes)
        if not race_like(effort, minutes):
            bisect.insort(self._usual, (day, minutes))
            if modality.lower() == "run":
                bisect.insort(self._usual_runs, (day, minutes))
        if modality.lower() in NOT_A_BASE:
            bisect.insort(self._walks, day)
        elif minutes >= BASE_MINUTES:
            bisect.insort(self._steady, day)

    def longest(self, day: dt.date) -> int | None:
        lo = bisect.bisect_left(self._dates, day - LOOKBACK)
        hi = bisect.bisect_left(self._dates, day)
        return max(self._minutes[lo:hi]) if hi > lo else None

    def longest_usual(self, day: dt.date) -> int | None:
        """The longest run of the 4 weeks before ``day`` that was not a race or a match (a long hard
        effort, strain.race_like), or of any cardio when no run was logged: what "the long runs you do"
        are, for the weekend's long one (G3). A race is no template for training (a marathon is not next
        month's long run), nor is a long ride for a long run."""
        for found in (self._usual_runs, self._usual):
            lo = bisect.bisect_left(found, (day - LOOKBACK, 0))
            hi = bisect.bisect_left(found, (day, 0))
            if hi > lo:
                return max(m for _, m in found[lo:hi])
        return None

    def base(self, day: dt.date, beginner: bool) -> bool:
        """A base for hard work in the 4 weeks before ``day`` (see the module's docstring)."""
        return self.no_base(day, beginner) is None

    def no_base(self, day: dt.date, beginner: bool) -> str | None:
        """Why the 4 weeks before ``day`` hold no base for hard work ("beginner", "walks", "skips"),
        or None when they do. Without a log legday can't tell a runner who doesn't log from a new one;
        walks (no base for intervals) or skipped suggestions (the person said they did no cardio) tell
        it, and then three steady sessions are the base."""
        if _count(self._steady, day) >= BASE_SESSIONS:
            return None
        if beginner:
            return "beginner"
        if _count(self._walks, day):
            return "walks"
        if _count(self._skipped, day):
            return "skips"
        return None


def _count(days: list[dt.date], day: dt.date) -> int:
    return bisect.bisect_left(days, day) - bisect.bisect_left(days, day - LOOKBACK)


def ceiling(longest: int | None, level: str = "intermediate", back: bool = False) -> int:
    floor = BEGINNER_CEILING if back else FLOOR[level]
    if longest is None or back:
        return floor
    return max(floor, longest + LEAST_STEP, int(longest * GROWTH) // 5 * 5)


def fit_to_volume(d: Draft, ctx: Ctx) -> None:
    """Cut the session to the ceiling (with the reason) and keep the weekly pass from growing it past."""
    if d.kind not in ("cardio", "recovery") or d.role == "event" or not ctx.on("P5"):
        return
    back = ctx.back_day is not None
    most = ceiling(ctx.longest_recent, ctx.profile.level.value, back)
    d.ceiling = most  # a later rule that makes a hard session steady must not grow it past this
    if d.span[1] <= most and (d.minutes or 0) <= most:
        return
    d.span = (min(d.span[0], most), min(d.span[1], most))
    if (d.minutes or 0) <= most:
        return
    d.held_back = d.held_back or "building up from your recent sessions"  # a cut that bit
    d.minutes = most
    if back:
        text = (
            f"Back after {ctx.break_days} days off: {most} minutes at most in the first week, so you "
            "don't do too much too fast (legday's rule)."
        )
    elif ctx.longest_recent is None or most == FLOOR[ctx.profile.level.value]:
        text = (
            f"{most} minutes at most until your log shows longer sessions ({ctx.profile.level.value}s "
            "start there), so you don't do too much too fast (legday's rule)."
        )
    else:
        text = (
            f"Your longest session in the last 4 weeks (logged or planned) was {ctx.longest_recent} min: "
            f"{most} at most today. Build about a fifth at a time, not too much too fast (legday's rule)."
        )

    # True while the ceiling is what sets the length (a later cut, the taper say, has its own words).
    def sets_the_length(d: Draft) -> bool:
        return d.minutes == most

    d.add("P5", text, LEGDAY, holds=sets_the_length)
