"""What every rule works on: the ``Draft`` of a day's suggestion, the day's context ``Ctx``, the table of
rule IDs and legday's own thresholds (S6: no cut-off is validated, so each is named and commented)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from legday.core.catalogue import traits
from legday.core.evidence import reason
from legday.core.model import CheckIn, Goal, LegSession, Level, Profile
from legday.core.plan import HARD_INTENSITIES, INTENSITIES, Reason
from legday.core.readiness import HOUR, LegIndex, Readiness
from legday.core.values import MutableValue

# The evidence IDs the planner applies as rules (each can be switched off by ID in the tests, and each
# has a test named after it). S2 (the scale's words) lives in talk.py, S4 is not used: the planner looks
# a week ahead, where the fitness-fatigue model's 42-day fitness says little. S10 is cited by P5 and R4.
RULES: tuple[str, ...] = (
    "E1",
    "E2",
    "E3",
    "E4",
    "E5",
    "E6",
    "E7",
    "E8",
    "G1",
    "G2",
    "G3",
    "G4",
    "G5",
    "G6",
    "P1",
    "P2",
    "P3",
    "P4",
    "P5",
    "M1",
    "M2",
    "R1",
    "R2",
    "R3",
    "R4",
    "S1",
    "S3",
    "S5",
    "S6",
    "S7",
    "S9",
    "S11",
    "S12",
)

# The endurance athlete's own sport, in the words that name it (one, many, doing): running when it is
# on their list, else what the plan's runs become on it (the order legday substitutes for a run, see
# modality.NEAREST). A cyclist's key sessions are rides and their long session a long ride; "your key
# runs" said to them is not true of anything they do.
SPORT_WORDS: dict[str, tuple[str, str, str]] = {
    "run": ("run", "runs", "running"),
    "elliptical": ("elliptical session", "elliptical sessions", "elliptical work"),
    "bike": ("ride", "rides", "riding"),
    "row": ("row", "rows", "rowing"),
    "stairs": ("stair session", "stair sessions", "stair climbing"),
    "hike": ("hike", "hikes", "hiking"),
    "swim": ("swim", "swims", "swimming"),
    "walk": ("walk", "walks", "walking"),
}
NO_SPORT = ("session", "sessions", "cardio")


def sport(profile: Profile) -> str | None:
    """The modality the plan's endurance sessions (the key ones, the long one) are done on: run when the
    list has it, else the first of the run's substitutes on the list; None with only yoga or pilates."""
    return next((m for m in SPORT_WORDS if profile.can_do(m)), None)


def sport_words(profile: Profile) -> tuple[str, str, str]:
    """("ride", "rides", "riding") for a cyclist: see SPORT_WORDS."""
    found = sport(profile)
    return SPORT_WORDS[found] if found else NO_SPORT


# CR-10 effort range for each intensity class (S1, S2). "easy" is 3-4: comfortable talking (S1).
EFFORT: dict[str, tuple[int, int]] = {
    "recovery": (1, 2),
    "easy": (3, 4),
    "moderate": (4, 5),
    "tempo": (6, 7),
    "intervals": (7, 8),
    "sprints": (8, 9),
}
RANK = {name: n for n, name in enumerate(INTENSITIES)}

# legday's own thresholds (S6: none is validated). Readiness is 0-100.
READY_FOR_HARD = 55  # below this, a free day gets steady work instead of a hard session
READY_FOR_E3 = 65  # E3 needs low soreness: reported <= 3, or an estimate this good
LOW_SORENESS = 3
RECOVERY_BELOW = 40  # P4: very tired -> active recovery
REST_BELOW = 20  # P4: exhausted -> rest
VERY_SORE, TOO_SORE = 6, 8  # P4 on the reported 0-10 soreness
SAME_DAY_GAP = 6  # E5: hours between same-day strength and endurance
NEXT_DAY_GAP = 24  # E3, E4, E5: hours between legs and a hard run
HARD_AFTER_LEGS = 48  # E2
FLUSH_MINUTES = 20  # a post-leg spin this short and easy may follow the lift straight away (G1)
EARLIEST, LATEST = dt.time(5, 30), dt.time(22, 0)
MORNING_RUN = dt.time(7, 0)
IMPACT = ("run", "sprints", "plyometrics")


STEADY = "Steady zone-2 cardio towards this week's minutes."

# Walking and hiking at up to a moderate effort count towards the weekly aim but not against its top:
# the top is where the plan stops adding training, not a limit on how much anyone walks (legday's reading
# of S11: WHO's 300 minutes are no ceiling, and more activity brings more benefit).
ON_FOOT = ("walk", "hike")
ON_FOOT_EFFORT = 5


def on_foot(modality: str | None, effort: int) -> bool:
    """Easy walking or hiking: minutes the aim's top does not count (see ON_FOOT)."""
    return (modality or "").lower() in ON_FOOT and effort <= ON_FOOT_EFFORT


# What a line of "why" may say about the session it sits on. Rules decide as they go; the words are
# checked against the final session at the end (``Draft.final_reasons``), so a later rule can never leave
# a stale line behind ("an easy bike" on intervals, a cap reason on a hard session).
Holds = Callable[["Draft"], bool]


def not_hard(d: Draft) -> bool:
    return d.kind != "rest" and not d.hard


def easy_or_less(d: Draft) -> bool:
    return d.intensity in ("recovery", "easy")


def hard(d: Draft) -> bool:
    return d.hard


def not_run(d: Draft) -> bool:
    return d.modality not in IMPACT


def moving(d: Draft) -> bool:
    return d.kind != "rest"


@dataclass(eq=False)
class Note:
    """A reason (or a disagreement line) as a rule wrote it: ``text`` may be a function of the final
    draft, so numbers and names are read off the session as it ends up; ``holds`` says when the line is
    still true of it."""

    id: str
    text: str | Callable[[Draft], str]
    source: str | None = None
    holds: Holds | None = None

    def words(self, d: Draft) -> str:
        return self.text(d) if callable(self.text) else self.text

    def true_of(self, d: Draft) -> bool:
        return self.holds is None or bool(self.holds(d))


class Draft(MutableValue):
    """A suggestion being worked on; the planner turns it into a ``Session`` at the end."""

    day: dt.date
    role: str  # post_legs | hard | long | zone2 | recovery | rest | event
    kind: str = "cardio"
    modality: str | None = None
    intensity: str | None = None
    minutes: int | None = None
    span: tuple[int, int] = (0, 0)  # the minutes G6 may scale between
    start: dt.datetime | None = None
    reasons: list[Note | Reason] = field(default_factory=list)
    addons: list[Reason] = field(default_factory=list)
    choices: list[str | Note] = field(default_factory=list)
    exception: str | None = None  # E3, E4 or G4: the rule that allows hard work close to legs
    locked: bool = False  # the weekly pass leaves it alone (P4 rest, race week)
    reduced: bool = False  # P3 or taper cut it: G6 must not grow it back
    held_back: str | None = (
        None  # what kept it short (soreness, pain, a race, the taper): the week may fall short
    )
    readiness: int = 100
    status: str = "suggested"
    detail: str | None = None
    pitch: list[Note] = field(default_factory=list)
    moved_from: dt.datetime | None = None  # the usual start, when E2-E4 moved a hard session later
    ceiling: int | None = None  # minutes it may never exceed, from recent volume (volume.py)
    # An exception (E3, E4, G4) a later rule took away, and that rule's line: the day is then decided
    # again without it (planner), so nothing the exception let through (no gap after the lift, no E1
    # cap the day after legs) outlives it.
    lost: str | None = None
    lost_by: Note | None = None

    def add(
        self,
        id: str,
        text: str | Callable[[Draft], str],
        source: str | None = None,
        holds: Holds | None = None,
    ) -> None:
        """A line of why. ``holds``: when it stays true of the final session (checked at the end)."""
        reason(id, "", source)  # an unknown ID or a source that isn't the evidence's own fails here
        if not any(r.id == id and r.text == text for r in self.reasons):
            note = Note(id, text, source, holds)
            self.reasons.append(note)
            if self.lost is not None and self.lost_by is None and text != STEADY:
                self.lost_by = note  # the first line after an exception was lost: the rule that took it

    def choose(self, text: str | Callable[[Draft], str], holds: Holds | None = None, id: str = "") -> None:
        """A line saying which way the plan went where sources disagree."""
        self.choices.append(Note(id, text, None, holds))

    def final_reasons(self) -> list[Reason]:
        """The reasons that are true of the session as it ended up, in legday's words for it."""
        out: list[Reason] = []
        for n in self.reasons:
            if isinstance(n, Reason):  # written whole by a rule that ends the day's decisions (P4 rest)
                if n not in out:
                    out.append(n)
            elif n.true_of(self):
                r = reason(n.id, n.words(self), n.source)
                if r not in out:
                    out.append(r)
        return out

    def final_choices(self) -> list[str]:
        out = []
        for c in self.choices:
            text = c if isinstance(c, str) else (c.words(self) if c.true_of(self) else None)
            if text and text not in out:
                out.append(text)
        return out

    def addon(self, id: str, text: str, source: str | None = None) -> None:
        if not any(r.id == id for r in self.addons):
            self.addons.append(reason(id, text, source))

    @property
    def hard(self) -> bool:
        return self.intensity in HARD_INTENSITIES

    def cap(self, intensity: str) -> bool:
        """Lower the intensity to at most ``intensity``; True if it changed. A hard session that is
        no longer hard becomes steady work: explosive modalities make no sense slow, and the lines that
        pitched the hard session no longer apply."""
        if self.intensity is None or RANK[self.intensity] <= RANK[intensity]:
            return False
        was_hard = self.hard
        self.intensity = intensity
        if was_hard and not self.hard:
            if self.modality in ("sprints", "plyometrics"):
                self.modality = "bike"
            if self.role == "hard":
                most = self.ceiling or 60
                self.role, self.span = "zone2", (min(25, most), min(60, most))
                if self.reduced:  # cut on purpose (the taper, a race, a short night): it stays cut
                    self.minutes = min(self.minutes or most, most)
                    self.span = (min(self.span[0], self.minutes), self.minutes)
                else:
                    self.minutes = min(max(self.minutes or 40, 30), most)
            self.reasons = [r for r in self.reasons if r not in self.pitch]
            if self.moved_from is not None:  # moved later only to clear 48 h (E2): back to the usual time
                self.start, self.moved_from = self.moved_from, None
            # The exceptions (E3, E4, G4) were about working hard close to legs: a session no longer
            # hard is none of them, and the lines that chose them go with them.
            self.choices = [
                c
                for c in self.choices
                if not (c if isinstance(c, str) else c.words(self)).startswith(("E3", "E4", "G4"))
            ]
            self.pitch = []
            if self.exception is not None:
                self.lost = self.exception
            self.exception = None
            self.add("G6", STEADY, "Well+Good", holds=_steady)
        return True

    def pitch_hard(self, id: str, text: str | Callable[[Draft], str], source: str | None = None) -> None:
        """A reason that argues for the hard session; dropped if a later rule makes it steady."""
        self.add(id, text, source, holds=hard)
        note = self.reasons[-1]
        assert isinstance(note, Note)  # add() always appends a Note
        self.pitch.append(note)

    def rest(self, id: str, text: str, source: str | None = None, locked: bool = True) -> Draft:
        """Turn this draft into a rest day with one reason (earlier reasons no longer apply)."""
        self.role, self.kind = "rest", "rest"
        self.modality = self.intensity = self.minutes = self.start = None
        self.exception = None
        self.reasons, self.addons, self.choices = [], [], []
        self.locked = locked
        self.add(id, text, source)
        return self


def _steady(d: Draft) -> bool:
    return d.kind == "cardio" and d.intensity in ("easy", "moderate")


def _no_legs(day: dt.date) -> list[LegSession]:
    return []


class Ctx(MutableValue):
    """Everything a rule may look at for one day.

    Time lines are counted in days (the leg day, the day after, the second day after), never in hours:
    hours only place a session's start. So moving a session by an hour within its day never changes
    what the rules decide (see README: bands, not cliffs)."""

    day: dt.date
    profile: Profile
    readiness: Readiness
    legs: LegIndex  # logged leg sessions, and those planned up to this day
    legs_today: list[LegSession]
    disabled: frozenset[str] = frozenset()
    g4_used: bool = False  # G4 already in the 6 days before ("once a week, not overdone")
    long_done: bool = False  # a long session in the 6 days before
    event_days: int | None = None  # days from this day to the event, when it is 0-TAPER_DAYS away
    sore_yesterday: int | None = None  # yesterday's reported soreness (P4: 5+ keeps today easy)
    race_days_ago: int | None = None  # this is day N of a race's recovery (1 = the day after it)
    lingering: bool = False  # a P5 "still sore days later" warning stands for this day
    checkins: Mapping[dt.date, CheckIn] = field(default_factory=dict)  # by date, this week and just before
    longest_recent: int | None = None  # minutes of the longest cardio logged in the 4 weeks before
    longest_usual: int | None = None  # ... of those that were not races or matches (the long run's length)
    # Leg sessions on any day: logged, planned, or (ahead) expected on the usual leg days.
    expected: Callable[[dt.date], list[LegSession]] = _no_legs
    race_recovery: int = 0  # the days that race takes to come back from (legday's scale)
    race_what: str = ""  # "Sat 21's run (effort 9 x 200 min)"
    # Day N of the weeks after a race in which the volume comes back (twice its recovery days, three
    # weeks at most: legday's), their length and what the race was; None outside them.
    comeback: tuple[int, int, str] | None = None
    back_day: int | None = None  # day N (0-6) of the first week back after a break
    break_days: int = 0  # how long that break was
    base: bool = True  # the log shows steady training besides walks (or nothing at all)
    no_base: str | None = None  # why not: "beginner", "walks", "skips" (volume.Recent.no_base)
    meet: bool = False  # the event is a strength meet (strength or power goal)
    share: int = 40  # the minutes a steady session gets so that a usual week lands in the aim (G6)
    # Decided again without the exceptions (E3, E4, G4): the rule that took one away, in its words
    # ("S11", "About 80% of sessions easy, ..."); None on the first pass.
    lost: tuple[str, str] | None = None
    # When this weekday's cardio usually starts (the planner's reading of the log), or None.
    cardio_time: dt.time | None = None
    # On a leg day: when the cardio logged on this weekday's leg days usually starts, when that was 6 h
    # or more after the lift (E5 kept: a shift worker's evening ride after a 06:00 lift), or None.
    after_legs_time: dt.time | None = None
    # The cardio logged in the six weeks before this day: a stand-in for a run is one of these when one
    # fits (the beginner who rides is offered the bike, not the elliptical they never use).
    logged: frozenset[str] = frozenset()
    accustomed: frozenset[str] = frozenset()  # ... and those done on 3 days or more: not new to them
    # This weekday's usual long easy session (modality, minutes, effort, weeks of the last 4), when the
    # person keeps one (see planner._usual_long), or None.
    usual_long: tuple[str, int, int, int] | None = None
    # A pain flag in the week before this day that a check-in has cleared since (no pain stands), and
    # the cardio done after it (logged, or suggested on a day before): the first hard session of a kind
    # waits for one of that kind since (guards.py, legday's call).
    pain_back: tuple[dt.date, frozenset[str]] | None = None

    def on(self, rule: str) -> bool:
        return rule not in self.disabled

    @property
    def exceptions(self) -> bool:
        """Whether E3, E4 and G4 may be offered: not when a later rule already took one away today."""
        return self.lost is None

    def lost_words(self) -> str:
        """Why the exception was taken away, as a clause: "about 80% of sessions easy, ... (S11)"."""
        if self.lost is None:
            return ""
        id, text = self.lost
        text = text.rstrip(".")
        head, colon, tail = _split_outside_brackets(text)
        # The lines say "cause: what follows" ("Soreness 6/10 today: an easy day..."), except S11's,
        # which says "rule: what it found" ("About 80% ... hard: the 6 days before already hold 2 ...").
        cause = (tail if id == "S11" else head) if colon and tail else text
        return f"{cause[:1].lower()}{cause[1:]} ({id})"

    @property
    def goal(self) -> Goal:
        return self.profile.goal

    @property
    def beginner(self) -> bool:
        return self.profile.level is Level.BEGINNER

    @property
    def slot(self) -> dt.datetime:
        """The usual cardio time on this day: when this weekday's cardio usually starts, else the
        profile's usual training time."""
        return dt.datetime.combine(self.day, self.cardio_time or self.profile.leg_time)

    def at(self, t: dt.time) -> dt.datetime:
        return dt.datetime.combine(self.day, t)

    # -- the days around this one ---------------------------------------------------------------------

    def legs_on(self, day: dt.date) -> list[LegSession]:
        """Leg sessions on ``day``: up to this day what is logged or planned, after it what is expected."""
        if day <= self.day:
            return self.legs.on(day)
        return self.expected(day)

    def legs_before(self, start: dt.datetime | None) -> list[LegSession]:
        """Today's leg sessions that ended by ``start`` (all of today's when there is no start)."""
        return [s for s in self.legs_today if start is None or s.ended <= start]

    def trained(self, start: dt.datetime | None) -> list[LegSession]:
        """Legs that make this session "after legs": yesterday's, or today's before it (E1, M2, P1, P2)."""
        return [*self.legs_on(self.day - DAY), *self.legs_before(start)]

    def legs_ahead(self, start: dt.datetime | None) -> list[LegSession]:
        """Legs this session comes before: later today, or tomorrow (E6, P1: "the day before legs")."""
        later = [s for s in self.legs_today if start is not None and s.started > start]
        return [*later, *self.legs_on(self.day + DAY)]

    def last_legs_day(self) -> dt.date | None:
        """The last day before this one with a leg session (up to four weeks back)."""
        for n in range(1, 29):
            if self.legs_on(self.day - n * DAY):
                return self.day - n * DAY
        return None


DAY = dt.timedelta(days=1)


def hours_between(earlier: dt.datetime, later: dt.datetime) -> float:
    return (later - earlier) / HOUR


def explosive(session: LegSession | None) -> bool:
    return session is not None and any(traits(e.name).explosive for e in session.exercises)


def cardio_draft(
    day: dt.date,
    role: str,
    modality: str,
    intensity: str,
    minutes: int,
    span: tuple[int, int],
    readiness: int,
) -> Draft:
    return Draft(day, role, "cardio", modality, intensity, minutes, span, readiness=readiness)


# ---------------------------------------------------------------------------------------------------


def recently_trained(ctx: Ctx, d: Draft) -> bool:
    """The session comes on a leg day after the lift, or the day after legs (day-based: no hour line)."""
    return bool(ctx.trained(d.start))


def readiness_words(r: Readiness) -> str:
    """How a reason quotes the day's readiness: a projection says so until that morning's check-in."""
    if r.rated:
        return f"Readiness {r.score}/100"
    return f"Readiness projected at {r.score}/100 (your morning check-in will update it)"


# ---------------------------------------------------------------------------------------------------


def _split_outside_brackets(text: str) -> tuple[str, str, str]:
    """``text.partition(": ")`` at the first colon outside brackets: "Calves likely still sore (rated
    9/10 on Mon, no check-in since: projected ...): not a run" splits before "not", not inside."""
    depth = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif ch == ":" and depth == 0 and text.startswith(": ", i):
            return text[:i], ": ", text[i + 2 :]
    return text, "", ""
