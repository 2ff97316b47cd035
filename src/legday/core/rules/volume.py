"""How long a session may be, from what the person has done lately: legday's own rule, its reading of
P5's "too much too fast" (Carlson). A plan that offers a beginner 90 minutes after one 30-minute run
asks for three times what the legs know.

    the longest session logged in the last 4 weeks (effort 3 or more: walks and mobility don't count
    as training volume) sets the ceiling: about a fifth longer, at least 5 minutes more;
    nothing logged lately: a beginner's sessions stay at 45 minutes until the log shows more; anyone
    else is planned as usual (legday can't tell a seasoned runner who doesn't log from a new one).

The ceiling also bounds what the weekly pass (G6) may grow a session to.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence

from legday.core.evidence import LEGDAY
from legday.core.model import CardioSession
from legday.core.rules.base import Ctx, Draft

# legday's own numbers (S6: none is validated).
GROWTH = 1.2  # about a fifth longer than the longest recent session
LEAST_STEP = 5  # ... and always at least this many minutes more
LOOKBACK = dt.timedelta(days=28)
COUNTS_FROM_EFFORT = 3  # CR-10 "moderate" (S2): easier sessions are not training volume
BEGINNER_CEILING = 45  # a beginner with nothing logged lately


class Recent:
    """The logged cardio that counts as training volume, by date, for "the longest in the 4 weeks
    before this day" by bisection."""

    def __init__(self, cardio: Sequence[CardioSession]):
        counted = sorted((c.date, c.minutes) for c in cardio if c.effort >= COUNTS_FROM_EFFORT)
        self._dates = [d for d, _ in counted]
        self._minutes = [m for _, m in counted]

    def longest(self, day: dt.date) -> int | None:
        lo = bisect.bisect_left(self._dates, day - LOOKBACK)
        hi = bisect.bisect_left(self._dates, day)
        return max(self._minutes[lo:hi]) if hi > lo else None


def ceiling(longest: int | None, beginner: bool) -> int | None:
    if longest is None:
        return BEGINNER_CEILING if beginner else None
    return max(longest + LEAST_STEP, int(longest * GROWTH) // 5 * 5)


def fit_to_volume(d: Draft, ctx: Ctx) -> None:
    """Cut the session to the ceiling (with the reason) and keep the weekly pass from growing it past."""
    if d.kind not in ("cardio", "recovery") or d.role == "event" or not ctx.on("P5"):
        return
    most = ceiling(ctx.longest_recent, ctx.beginner)
    if most is None:
        return
    d.ceiling = most  # a later rule that makes a hard session steady must not grow it past this
    if d.span[1] <= most and (d.minutes or 0) <= most:
        return
    d.held_back = d.held_back or "building up from your recent sessions"
    d.span = (min(d.span[0], most), min(d.span[1], most))
    if (d.minutes or 0) <= most:
        return
    d.minutes = most
    if ctx.longest_recent is None:
        text = (
            f"A beginner with no cardio logged in the last 4 weeks: {most} minutes at most until your "
            "log shows more, so you don't do too much too fast (legday's rule)."
        )
    else:
        text = (
            f"Your longest session in the last 4 weeks was {ctx.longest_recent} min: {most} at most "
            "today. Build about a fifth at a time, not too much too fast (legday's rule)."
        )
    # True while the ceiling is what sets the length (a later cut, the taper say, has its own words).
    d.add("P5", text, LEGDAY, holds=lambda d, most=most: d.minutes == most)
