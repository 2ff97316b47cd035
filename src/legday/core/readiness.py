"""How ready the legs are, as a 0-100 number that explains itself.

The model, step by step (each step is a line of ``why`` the app shows):
1. Every session leaves fatigue in proportion to its load, effort x minutes (S3): a leg session in full,
   cardio by what it does to the legs (impact and lowering against easy pedalling: ``strain.py``).
   Exercises new to the person, or lowering-heavy ones, leave more (P5, S7); the leg work a person does
   every week leaves less (S7: the unaccustomed hurts most).
2. Readiness is a morning number, counted by the day: a session's fatigue is whole the first morning
   after it, 90 % the second, 60 % the third, 20 % the fourth, gone the fifth (S7: soreness at 24 h is
   about the same as at 48 h, less at 72 h, less again at 96 h; S8: running is still slower at 48 h).
   A race-like effort fades over its own recovery days instead. What is done today counts from tomorrow:
   moving a session by an hour within its day never changes a morning.
3. A morning check-in overrides the estimate: people's own ratings track load better than models do
   (S6); without one, a rating from a day or two before still counts for part of it.
4. Short sleep takes points off (R1: 8 h; P3: under 6 h is limited recovery); pain caps it (P4), and a
   pain flag stands until a later check-in without it.
Days ahead are projections: the sessions the plan suggests count as if done, so doing them as suggested
changes nothing. The cut-offs are legday's own: no validated threshold exists (S6), and the last why line
says so.

The acute:chronic ratio (S5) lives here too, but only ever as a warning.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property

from legday.core.catalogue import traits
from legday.core.model import CardioSession, CheckIn, LegSession
from legday.core.strain import COURSE_DAYS, POINTS_PER_LOAD, Strain
from legday.core.values import Value

HOUR = dt.timedelta(hours=1)
# Readiness is a morning number: how the legs are going into the day.
MORNING = dt.time(7, 0)
# Fatigue points per unit of session load (S3). A hard hour of legs (7 x 60 = 420) costs 42: the
# morning after, readiness is 58 - "tired, train easy" - not yet "rest", which is the person's call (S6).
# (POINTS_PER_LOAD, in strain.py, which turns every session into points.)
# Without S3 (tests switch rules off) every leg session would cost the same flat amount.
FLAT_POINTS = 40.0
FATIGUE_CAP = 85.0
# P5, S7: unaccustomed and lowering-heavy work leaves more soreness.
NOVEL_FACTOR = 1.25
ECCENTRIC_FACTOR = 1.15
NOVEL_LOOKBACK = dt.timedelta(days=28)
# ...and work done every week leaves less (S7: soreness is worst after unaccustomed exercise): nothing
# new in it, and four leg sessions or more in the four weeks before (legday's own line and number).
ACCUSTOMED_FACTOR, ACCUSTOMED_SESSIONS = 0.8, 4
# How much of an earlier soreness rating still counts 1, 2 days later (S6: the person's word beats the
# model; P5: soreness eases over 24-48 h). legday's own choice.
CARRY = {1: 0.6, 2: 0.3}
# R1, P3 (legday's own cut-offs, S6).
GOOD_SLEEP = 8.0
SHORT_SLEEP = 6.0
PAIN_CAP = 10
# A leg session this hard or harder counts as a "hard leg workout" (E2). legday's own cut-off.
HARD_LEG_EFFORT = 7

On = Callable[[str], bool]


def _all_on(rule: str) -> bool:
    return True


class LegIndex:
    """Leg sessions sorted by end, searched by bisection: the planner asks "what came before t" per day
    and must not scan the whole history each time."""

    def __init__(self, sessions: Iterable[LegSession]):
        self.sessions: list[LegSession] = sorted(sessions, key=lambda s: (s.ended, s.started))
        self.ends: list[dt.datetime] = [s.ended for s in self.sessions]
        self._by_date: dict[dt.date, list[LegSession]] = {}
        for s in sorted(self.sessions, key=lambda s: s.started):
            self._by_date.setdefault(s.date, []).append(s)
        self._days = sorted(self._by_date)  # the days with a session, for "the 28 days before"
        hard = [s for s in self.sessions if s.effort >= HARD_LEG_EFFORT]
        self._hard_ends = [s.ended for s in hard]
        self._hard = hard
        # By id: hashing a session hashes all its exercises; the sessions live as long as the index.
        self._novel: dict[int, tuple[LegSession, tuple[str, ...]]] = {}

    def add(self, session: LegSession) -> None:
        """Add one session (the planner adds each planned leg day as it goes, instead of indexing the
        whole history again for every one)."""
        key = (session.ended, session.started)
        i = bisect.bisect_right(self.sessions, key, key=lambda s: (s.ended, s.started))
        self.sessions.insert(i, session)
        self.ends.insert(i, session.ended)
        if session.date not in self._by_date:
            bisect.insort(self._days, session.date)
        same_day = self._by_date.setdefault(session.date, [])
        same_day.insert(bisect.bisect_right(same_day, session.started, key=lambda s: s.started), session)
        if session.effort >= HARD_LEG_EFFORT:
            j = bisect.bisect_right(self._hard, key, key=lambda s: (s.ended, s.started))
            self._hard.insert(j, session)
            self._hard_ends.insert(j, session.ended)
        # What counts as new depends on the days before: forget answers for later days.
        self._novel = {k: v for k, v in self._novel.items() if v[0].date <= session.date}

    def on(self, day: dt.date) -> list[LegSession]:
        return self._by_date.get(day, [])

    def last_before(self, t: dt.datetime) -> LegSession | None:
        """The leg session that ended last at or before ``t``."""
        i = bisect.bisect_right(self.ends, t)
        return self.sessions[i - 1] if i else None

    def last_hard_before(self, t: dt.datetime) -> LegSession | None:
        i = bisect.bisect_right(self._hard_ends, t)
        return self._hard[i - 1] if i else None

    def ended_within(self, t: dt.datetime, hours: float) -> list[LegSession]:
        """Sessions that ended in the ``hours`` before ``t``, oldest first."""
        lo = bisect.bisect_left(self.ends, t - dt.timedelta(hours=hours))
        hi = bisect.bisect_right(self.ends, t)
        return self.sessions[lo:hi]

    def running_at(self, t: dt.datetime) -> LegSession | None:
        """A session under way at ``t`` (started before, not yet ended), if any."""
        i = bisect.bisect_right(self.ends, t)
        for s in self.sessions[i : i + 8]:  # only the next few can have started already
            if s.started <= t < s.ended:
                return s
        return None

    def next_after(self, t: dt.datetime) -> LegSession | None:
        """The first session that starts after ``t``."""
        later = [s for s in self.sessions[bisect.bisect_right(self.ends, t) :] if s.started > t]
        return min(later, key=lambda s: s.started) if later else None

    def _days_before(self, day: dt.date) -> list[dt.date]:
        """The days with a session in the NOVEL_LOOKBACK days before ``day`` (by bisection)."""
        lo = bisect.bisect_left(self._days, day - NOVEL_LOOKBACK)
        return self._days[lo : bisect.bisect_left(self._days, day, lo=lo)]

    def accustomed(self, session: LegSession) -> bool:
        """Leg work the person does every week: ACCUSTOMED_SESSIONS or more in the 28 days before its
        day (and nothing in it new: see ``novel``)."""
        count = sum(len(self._by_date[day]) for day in self._days_before(session.date))
        return count >= ACCUSTOMED_SESSIONS and bool(session.exercises) and not self.novel(session)

    def novel(self, session: LegSession) -> tuple[str, ...]:
        """Exercises in ``session`` not done in the 28 days before its day (P5; by the day, so an hour
        earlier or later never changes it). Nothing counts as new until there is some earlier history
        to compare with."""
        found = self._novel.get(id(session))
        if found is None or found[0] is not session:
            seen: set[str] = set()
            earlier = False
            for day in self._days_before(session.date):
                for s in self._by_date[day]:
                    earlier = True
                    seen.update(e.name.lower() for e in s.exercises)
            names = [e.name.lower() for e in session.exercises]
            new = tuple(dict.fromkeys(n for n in names if n not in seen)) if earlier else ()
            found = self._novel[id(session)] = (session, new)
        return found[1]


class Readiness(Value):
    date: dt.date
    score: int
    why: tuple[str, ...]
    # The model's fatigue estimate in points (0..FATIGUE_CAP), before the check-in overrides it.
    fatigue: float
    soreness: int | None = None
    sleep_hours: float | None = None
    pain: bool = False

    @property
    def rated(self) -> bool:
        """Whether this morning has its own check-in (otherwise the number is a projection)."""
        return self.soreness is not None

    @cached_property
    def soreness_estimate(self) -> int:
        """Reported soreness when there is a check-in, otherwise the model's guess on the same 0-10."""
        if self.soreness is not None:
            return self.soreness
        return round(self.fatigue / 10)


def leg_strain(session: LegSession, index: LegIndex, on: On = _all_on, status: str = "done") -> Strain:
    """A leg session as the legs feel it: its load in full (S3), more for new or lowering-heavy work
    (P5, S7). ``index`` holds the sessions before it (what counts as new)."""
    notes: list[str] = []
    points = session.load * POINTS_PER_LOAD if on("S3") else FLAT_POINTS
    factor = 1.0
    if on("P5"):
        new = index.novel(session)
        if new:
            factor *= NOVEL_FACTOR
            notes.append(
                f"New to you this month ({', '.join(new)}), so it counts {_more(NOVEL_FACTOR)}: new work "
                "leaves more soreness (P5, S7)."
            )
        elif index.accustomed(session):
            factor *= ACCUSTOMED_FACTOR
            notes.append(
                f"Work you do every week, so it counts {_more(ACCUSTOMED_FACTOR)}: the unaccustomed is what "
                "leaves the most soreness (S7; the share is legday's)."
            )
    if on("S7") and any(traits(e.name).eccentric_heavy for e in session.exercises):
        factor *= ECCENTRIC_FACTOR
        notes.append(
            f"Lowering-heavy exercises, so it counts {_more(ECCENTRIC_FACTOR)}: lowering work leaves the most "
            "soreness (S7)."
        )
    return Strain(
        session.date,
        points * factor,
        COURSE_DAYS,
        "legs",
        session.effort,
        session.minutes,
        1.0,
        status,
        0,
        tuple(notes),
    )


class Pain(Value):
    """A pain flag still standing: the latest check-in, on ``since``, flagged it."""

    since: dt.date


def rated_score(checkin: CheckIn, on: On = _all_on) -> tuple[float, list[str]]:
    """A morning's readiness from its own check-in alone (S6, R1, P3, P4), with its why lines: the
    number trends averages over the rated mornings."""
    why: list[str] = []
    score = 100.0
    if on("S6"):
        score = 100.0 - 10 * checkin.soreness
        why.append(
            f"You rated soreness {checkin.soreness}/10 this morning, and your own rating replaces "
            f"the estimate (S6): {score:.0f}."
        )
    score = _sleep(checkin, score, why, on)
    if checkin.pain and on("P4"):
        score = _pain_cap(score, "You flagged pain this morning", why)
    return score, why


def _sleep(checkin: CheckIn, score: float, why: list[str], on: On) -> float:
    sleep = checkin.sleep_hours
    if sleep is None:
        return score
    cut = 0
    if on("R1") and sleep < GOOD_SLEEP:
        cut += 5
    if on("P3") and sleep < SHORT_SLEEP:
        cut += 10
    if cut:
        short = sleep < SHORT_SLEEP and on("P3")
        why.append(
            f"You slept {sleep:g} h, under the {GOOD_SLEEP:g} h to aim for (R1)"
            + (f", and under {SHORT_SLEEP:g} h is a short night (P3)" if short else "")
            + f": -{cut}."
        )
    return score - cut


def _pain_cap(score: float, said: str, why: list[str]) -> float:
    if score > PAIN_CAP:
        why.append(f"{said}, so readiness is capped at {PAIN_CAP} (P4): {PAIN_CAP}.")
        return PAIN_CAP
    why.append(f"{said}; readiness is under {PAIN_CAP} already (P4).")
    return score


# How a readiness line names a session by its status: "Thu 19's planned leg session".
_STATUS_WORDS = {
    "planned": "planned ",
    "suggested": "suggested ",
}
# What the legs do in each kind of cardio, for "legday's factor for running at this effort".
_ACTIVITY = {
    "run": "running",
    "bike": "cycling",
    "swim": "swimming",
    "walk": "walking",
    "row": "rowing",
    "hike": "hiking",
    "elliptical": "the elliptical",
    "stairs": "the stair machine",
    "plyometrics": "jumps",
    "event": "racing",
}


def day_readiness(
    day: dt.date,
    strains: Iterable[Strain],
    checkin: CheckIn | None,
    on: On = _all_on,
    earlier: CheckIn | None = None,
    pain: Pain | None = None,
    before_peak: bool = False,
    today: dt.date | None = None,
) -> Readiness:
    """Leg readiness on the morning of ``day``. ``strains``: sessions before ``day`` (logged, and ahead
    of today the ones planned and suggested); ``checkin`` that morning's; ``earlier`` the latest one a
    day or two before (it carries over); ``before_peak`` whether that earlier rating came the morning
    after a leg session, before soreness peaks; ``pain`` a pain flag not yet cleared by a check-in
    without it. ``on(rule_id)`` says whether a rule is switched on (always, except in the tests that
    prove each rule matters). ``today``: where ``day`` lies from it decides how a day without a
    check-in is worded (gone by, this morning, or ahead); None words it as today.

    Every line of ``why`` ends either in ``: -N.`` (a step down) or ``: N.`` (the number from there on),
    so the lines add up to the number shown."""
    why = ["Start at 100: fresh legs."]
    fatigue = 0
    for s in sorted(strains, key=lambda s: (s.date, s.what != "legs", s.what)):
        if s.date >= day:
            continue
        if s.what != "legs" and not on("S3"):
            continue  # without S3 only leg sessions count (a flat amount each)
        mornings = (day - s.date).days
        left = s.left(day) if on("S7") else (1.0 if mornings == 1 else 0.0)
        cost = round(s.points * left)
        if cost < 1:
            continue
        fatigue += cost
        why.append(_strain_line(s, day, mornings, left, cost, on))
        why.extend(f"  {n}" for n in s.notes)
    if fatigue > FATIGUE_CAP:
        fatigue = int(FATIGUE_CAP)
        why.append(
            f"Together that is more than {FATIGUE_CAP:.0f}, the most fatigue legday counts (capped, "
            f"legday's own line): {100 - fatigue}."
        )
    score = 100.0 - fatigue
    if fatigue:
        why.append(f"Estimate from your sessions: {score:.0f}.")

    if checkin is None and earlier is not None and on("S6"):
        # No rating for this day yet: a recent one still says more than the model alone. It fades
        # day by day (legday's own rate), and only ever lowers the estimate.
        days = (day - earlier.date).days
        share = CARRY.get(days, 0.0)
        early = days == 1 and on("P5") and before_peak
        if early:
            share = 1.0
        carried = 100.0 - round(10 * earlier.soreness * share)
        if share and carried < score:
            score = carried
            if early:
                why.append(
                    f"You rated soreness {earlier.soreness}/10 on {_on(earlier.date, day)}, the morning "
                    "after legs, before soreness peaks (S7, P5), so that rating still counts in full "
                    f"today (legday's rule): {score:.0f}."
                )
            else:
                why.append(
                    f"You rated soreness {earlier.soreness}/10 on {_on(earlier.date, day)}; {days} day"
                    f"{'s' if days > 1 else ''} on, that rating still counts {int(share * 100)}% (S6; the "
                    f"share is legday's): {score:.0f}."
                )

    soreness = sleep = None
    flagged = False
    if checkin is not None:
        soreness, sleep, flagged = checkin.soreness, checkin.sleep_hours, checkin.pain
        if on("S6"):
            score = 100.0 - 10 * checkin.soreness
            why.append(
                f"You rated soreness {checkin.soreness}/10 this morning, and your own rating replaces "
                f"the estimate (S6): {score:.0f}."
            )
        score = _sleep(checkin, score, why, on)
    carried_pain = checkin is None and pain is not None and on("P4")
    if flagged and on("P4"):
        score = _pain_cap(score, "You flagged pain this morning", why)
    elif carried_pain and pain is not None:
        said = f"You flagged pain on {pain.since:%a %-d %b} and haven't checked in without it since"
        score = _pain_cap(score, said, why)
    if score < 0:
        # The steps can take more than is left (a 9/10 rating and a short night): the floor gets its own
        # line, so the lines still add up to the number shown.
        why.append(f"Readiness stops at 0 (the steps above come to {score:.0f}): 0.")
        score = 0
    final = max(0, min(100, round(score)))
    if checkin is None and today is not None and day < today:
        # A day gone by: no check-in is coming for it, so nothing is "until" one.
        why.append(f"No check-in that morning: readiness {final}/100 from the above alone. {_OWN_CHOICE}")
    elif checkin is None and today is not None and day > today:
        why.append(f"Readiness projected at {final}/100 until that morning's check-in. {_OWN_CHOICE}")
    elif checkin is None:
        why.append(f"Readiness projected at {final}/100 until this morning's check-in. {_OWN_CHOICE}")
    else:
        why.append(f"Readiness {final}/100. {_OWN_CHOICE}")
    return Readiness(
        day, final, tuple(why), float(fatigue), soreness, sleep, (flagged and on("P4")) or carried_pain
    )


_OWN_CHOICE = (
    "How fast fatigue fades and where the sleep and soreness lines sit are legday's own choice: no "
    "validated threshold exists (S6)."
)


def _strain_line(s: Strain, day: dt.date, mornings: int, left: float, cost: int, on: On) -> str:
    """One session's share of the morning, in a lifter's words: "Sat 21's leg session, 60 min at 7/10:
    load 420 (S3). A day on, all of its fatigue is still there (S7, S8): -42." """
    when = _on(s.date, day)
    if s.status == "projected":
        name = f"Your event on {when} (not logged, so estimated)"
    elif s.what == "legs":
        name = f"{when}'s {_STATUS_WORDS.get(s.status, '')}leg session"
    else:
        name = f"{when}'s {_STATUS_WORDS.get(s.status, '')}{s.what}"
        if s.status == "suggested":
            name += " (counted as done)"
    if not on("S3"):
        head = f"{name}: a leg session, counted the same whatever its load."
    else:
        head = f"{name}, {s.minutes} min at {s.effort}/10: load {s.load} (S3)"
        if s.what != "legs" and s.factor != 1.0:  # (an unlogged meet is a leg session's like)
            activity = _ACTIVITY.get(s.what, s.what)
            head += (
                f"; on the legs it weighs {round(s.factor * 100)}% of a leg session of that load "
                f"(legday's factor for {activity} at this effort)"
            )
        head += "."
    still = "all of its fatigue is" if left >= 1 else f"{round(left * 100)}% of its fatigue is"
    when_said = "A day on" if mornings == 1 else f"{mornings} days on"
    course = ""
    if s.race and on("S7") and s.course != COURSE_DAYS:  # said only where it differs from the usual
        course = f"; a race-like effort takes {s.course} days to fade, not {COURSE_DAYS}: legday's scale"
    return f"{head} {when_said}, {still} still there (S7, S8{course}): -{cost}."


def _more(factor: float) -> str:
    """x1.25 -> "25% more", x0.8 -> "20% less"."""
    share = round(abs(factor - 1) * 100)
    return f"{share}% {'more' if factor > 1 else 'less'}"


# --- Acute:chronic workload ratio (S5): a warning, never a rule. ------------------------------------

ACUTE_DAYS, CHRONIC_DAYS = 7, 28
DANGER_RATIO = 1.5


def daily_loads(legs: Sequence[LegSession], cardio: Sequence[CardioSession]) -> dict[dt.date, int]:
    loads: dict[dt.date, int] = {}
    sessions: list[LegSession | CardioSession] = [*legs, *cardio]
    for s in sessions:
        loads[s.date] = loads.get(s.date, 0) + s.load
    return loads


def acwr(loads: dict[dt.date, int], today: dt.date, days: int = 56) -> float | None:
    """EWMA acute:chronic ratio as of ``today`` (S5: lambda = 2/(N+1), N = 7 and 28). None until there
    are four weeks of history, or when nothing was logged."""
    if not loads:
        return None
    first = min(loads)
    if (today - first).days < CHRONIC_DAYS:
        return None
    la, lc = 2 / (ACUTE_DAYS + 1), 2 / (CHRONIC_DAYS + 1)
    acute = chronic = 0.0
    for n in range(days - 1, -1, -1):
        load = loads.get(today - dt.timedelta(days=n), 0)
        acute = la * load + (1 - la) * acute
        chronic = lc * load + (1 - lc) * chronic
    if chronic < 1:
        return None
    return round(acute / chronic, 2)


def _on(when: dt.date, day: dt.date) -> str:
    """A past day as the readiness lines name it, with its date: a weekday alone is ambiguous ("Sun walk"
    on a Thursday could be last Sunday or read as this one)."""
    return f"{when:%a %-d}" if when.month == day.month else f"{when:%a %-d %b}"
