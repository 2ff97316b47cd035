"""The planner's rules, one function per piece of evidence, each named by its ID.

A day's suggestion starts as a ``Draft`` and passes through the rules in a fixed order:

    draft       what the goal wants on this day       G1-G5, E3, E4, P4, G3 (event), G6
    modality    what to do it on                      S9, M2, P1, P2, M1
    placement   when, around the leg sessions         E6, E5
    timing      how hard, given the hours since legs  E1, E2, S1, E6
    state       sleep                                 P3
    add-ons     warm-up, cool-down, recovery          E7, R1, R3, R4

and then the week as a whole (``weekly``): S11 (hard sessions ~20 %), P5 (a day off), G6 (2-3 h).

Each rule writes a ``Reason`` with its ID when it changes or explains something. ``Ctx.on(id)`` is how
the tests switch a single rule off to prove that its test fails without it; in the app every rule is on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from legday.core.evidence import reason
from legday.core.model import Goal, LegSession, Level, Profile
from legday.core.plan import HARD_INTENSITIES, INTENSITIES, Reason
from legday.core.readiness import HARD_LEG_EFFORT, HOUR, LegIndex, Readiness
from legday.core.catalogue import traits

# The evidence IDs the planner applies as rules (each can be switched off by ID in the tests, and each
# has a test named after it). S2 (the scale's words) lives in talk.py, S4 is not used: the planner looks
# a week ahead, where the fitness-fatigue model's 42-day fitness says little. S10 is cited by P5 and R4.
RULES: tuple[str, ...] = (
    "E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8",
    "G1", "G2", "G3", "G4", "G5", "G6",
    "P1", "P2", "P3", "P4", "P5",
    "M1", "M2",
    "R1", "R2", "R3", "R4",
    "S1", "S3", "S5", "S6", "S7", "S9", "S11",
)

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
READY_FOR_HARD = 60  # below this, a free day gets steady work instead of a hard session
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
LOW_IMPACT = ("bike", "swim", "elliptical", "walk", "hike", "yoga", "pilates", "stairs", "row")
IMPACT = ("run", "sprints", "plyometrics")


STEADY = "Steady zone-2 cardio towards 2-3 hours this week."


@dataclass
class Draft:
    """A suggestion being worked on; the planner turns it into a ``Session`` at the end."""

    day: dt.date
    role: str  # post_legs | hard | long | zone2 | recovery | rest | event
    kind: str = "cardio"
    modality: str | None = None
    intensity: str | None = None
    minutes: int | None = None
    span: tuple[int, int] = (0, 0)  # the minutes G6 may scale between
    start: dt.datetime | None = None
    reasons: list[Reason] = field(default_factory=list)
    addons: list[Reason] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)
    exception: str | None = None  # E3, E4 or G4: the rule that allows hard work close to legs
    locked: bool = False  # the weekly pass leaves it alone (P4 rest, race week)
    reduced: bool = False  # P3 or taper cut it: G6 must not grow it back
    readiness: int = 100
    status: str = "suggested"
    detail: str | None = None
    pitch: list[Reason] = field(default_factory=list)

    def add(self, id: str, text: str, source: str | None = None) -> None:
        if not any(r.id == id and r.text == text for r in self.reasons):
            self.reasons.append(reason(id, text, source))

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
                self.role, self.span = "zone2", (25, 60)
                self.minutes = max(self.minutes or 40, 30)
            self.reasons = [r for r in self.reasons if r not in self.pitch]
            self.choices = [c for c in self.choices if not c.startswith(("E3", "E4"))]
            self.pitch = []
            self.exception = None if self.exception in ("E3", "E4") else self.exception
            self.add("G6", STEADY, "Well+Good")
        return True

    def pitch_hard(self, id: str, text: str, source: str | None = None) -> None:
        """A reason that argues for the hard session; dropped if a later rule makes it steady."""
        self.add(id, text, source)
        self.pitch.append(self.reasons[-1])

    def rest(self, id: str, text: str, source: str | None = None, locked: bool = True) -> Draft:
        """Turn this draft into a rest day with one reason (earlier reasons no longer apply)."""
        self.role, self.kind = "rest", "rest"
        self.modality = self.intensity = self.minutes = self.start = None
        self.exception = None
        self.reasons, self.addons, self.choices = [], [], []
        self.locked = locked
        self.add(id, text, source)
        return self


@dataclass
class Ctx:
    """Everything a rule may look at for one day."""

    day: dt.date
    profile: Profile
    readiness: Readiness
    legs: LegIndex  # logged and planned leg sessions, in and before this week
    legs_today: list[LegSession]
    disabled: frozenset[str] = frozenset()
    g4_used: bool = False  # G4 already placed this week ("not overdone")
    long_done: bool = False  # a long run is already in this week
    event_days: int | None = None  # days from this day to the event, when it is 0-7 days away

    def on(self, rule: str) -> bool:
        return rule not in self.disabled

    @property
    def goal(self) -> Goal:
        return self.profile.goal

    @property
    def beginner(self) -> bool:
        return self.profile.level is Level.BEGINNER

    @property
    def slot(self) -> dt.datetime:
        """The usual training time on this day."""
        return dt.datetime.combine(self.day, self.profile.leg_time)

    def at(self, t: dt.time) -> dt.datetime:
        return dt.datetime.combine(self.day, t)


def hours_between(earlier: dt.datetime, later: dt.datetime) -> float:
    return (later - earlier) / HOUR


def _explosive(session: LegSession | None) -> bool:
    return bool(session) and any(traits(e.name).explosive for e in session.exercises)


def _cardio(day: dt.date, role: str, modality: str, intensity: str, minutes: int,
            span: tuple[int, int], readiness: int) -> Draft:
    return Draft(day, role, "cardio", modality, intensity, minutes, span, readiness=readiness)


# ---------------------------------------------------------------------------------------------------
# Drafts: what the goal wants today.
# ---------------------------------------------------------------------------------------------------

def leg_day_draft(ctx: Ctx) -> tuple[Draft | None, list[Reason]]:
    """Cardio on a leg day, by goal. Returns the draft (or None) and notes for the leg session itself."""
    notes: list[Reason] = []
    r = ctx.readiness
    score = r.score
    if ctx.on("P4") and (r.pain or score < RECOVERY_BELOW
                         or (r.soreness is not None and r.soreness >= VERY_SORE)):
        # P4: the legs are already being asked for a lot today; no extra cardio on top.
        why = "You flagged pain" if r.pain else f"Readiness {score}/100"
        notes.append(reason("P4", f"{why}: just the leg session today, no cardio after it; the "
                                  "cool-down is enough. Stop if anything hurts sharply.", "TravelRunner"))
        return None, notes
    if ctx.beginner and ctx.on("P1"):
        # P1: no cardio straight after legs while the person is new to lifting.
        notes.append(reason("P1", "New to lifting: no cardio after legs today. Rest between and build "
                                  "form on separate days.", "Well+Good"))
        return None, notes
    goal = ctx.goal
    d: Draft | None = None
    if goal is Goal.STRENGTH and ctx.on("G1"):
        d = _cardio(ctx.day, "post_legs", "run", "easy", 20, (15, 20), score)
        d.add("G1", "After legs, cardio is recovery, not a workout: 15-20 minutes easy. It won't blunt "
                    "strength or size.", "Schumann 2022")
    elif goal is Goal.GENERAL and ctx.on("G5"):
        d = _cardio(ctx.day, "post_legs", "run", "easy", 20, (15, 25), score)
        d.add("G5", "A light run stacked after lifting adds energy burned; fine for general fitness.",
              "Sayer")
    elif goal is Goal.ENDURANCE and ctx.on("G3"):
        d = _cardio(ctx.day, "post_legs", "run", "easy", 30, (20, 40), score)
        d.add("G3", "An easy run on leg day trains your body to use fat; easy effort only.", "Sayer")
    elif goal is Goal.POWER and ctx.on("G2"):
        d = _cardio(ctx.day, "post_legs", "bike", "easy", 15, (10, 20), score)
        d.add("G2", "Just a short easy spin: hard cardio next to explosive work costs power.",
              "Schumann 2022")
    elif goal is Goal.HYBRID and ctx.on("G4"):
        if ctx.profile.level is Level.ADVANCED and not ctx.g4_used:
            d = _cardio(ctx.day, "post_legs", "run", "tempo", 20, (15, 20), score)
            d.exception = "G4"
            d.add("G4", "Race rehearsal: a tempo run straight after legs, to practise running on tired "
                        "legs. Once this week, not every leg day.", "Well+Good")
            d.choices.append("G4 over E1/E5: for an advanced hybrid racer, running hard on tired legs is "
                             "the training itself; everyone else keeps it easy and apart.")
        else:
            d = _cardio(ctx.day, "post_legs", "run", "easy", 20, (15, 20), score)
            why = ("once a week is enough" if ctx.g4_used else "that is for advanced athletes only")
            d.add("G4", f"An easy run after legs; running hard on tired legs rehearses racing, but {why}.",
                  "Well+Good")
    return d, notes


def free_day_draft(ctx: Ctx) -> Draft:
    """Cardio on a day without legs: rest or recovery when the body says so (P4), the E4/E3 exceptions
    the day after legs, a long run on rested legs (G3), otherwise hard or steady work (G6)."""
    r = ctx.readiness
    score = r.score
    d = _cardio(ctx.day, "zone2", _base_modality(ctx), "moderate", 40, (25, 60), score)
    sore = r.soreness

    # P4: listen to your body. Pain stops everything; very sore or exhausted -> rest or move gently.
    if ctx.on("P4"):
        if r.pain:
            return d.rest("P4", "You flagged pain: rest today, and stop any session that hurts sharply.",
                          "TravelRunner")
        if score < REST_BELOW or (sore is not None and sore >= TOO_SORE):
            return d.rest("P4", f"{_readiness_words(r)}: very tired or very sore legs need rest, not "
                                "more work.", "TravelRunner")
        if score < RECOVERY_BELOW or (sore is not None and sore >= VERY_SORE):
            return recovery_draft(ctx, d)

    last = ctx.legs.last_before(ctx.slot)
    yesterday = last is not None and last.date == ctx.day - dt.timedelta(days=1)

    # E4: after an explosive leg day, a power athlete pairs it with short explosive work - or rests.
    if ctx.on("E4") and ctx.goal is Goal.POWER and yesterday and _explosive(last):
        if score >= READY_FOR_HARD:
            start = max(ctx.slot, last.ended + dt.timedelta(hours=NEXT_DAY_GAP if ctx.on("E5") else 0))
            if start.date() == ctx.day and start.time() <= LATEST:
                d = _cardio(ctx.day, "hard", "sprints", "sprints", 20, (15, 25), score)
                d.exception, d.start = "E4", start
                d.pitch_hard("E4", "Explosive pairs with explosive: 6-10 short sprints (100-200 m) or bounds, "
                            "full rest between. Not a HIIT class.", "Spartan")
                d.choices.append("E4 over E2: after explosive legs, short explosive work keeps you "
                                 "sharp; anything long and hard would still wait 48 h.")
                return d
        else:
            return d.rest("E4", f"Readiness {score}/100: not bounced back from yesterday's explosive "
                                "session, so rest instead of sprints.", "Spartan")

    # E3: the runner's exception to E2.
    if (ctx.on("E3") and ctx.goal is Goal.ENDURANCE and not ctx.beginner and yesterday
            and _low_soreness(r)):
        start = max(ctx.slot, last.ended + dt.timedelta(hours=NEXT_DAY_GAP if ctx.on("E5") else 0))
        if start.date() == ctx.day and start.time() <= LATEST:
            d = _cardio(ctx.day, "hard", "run", "intervals", 40, (30, 45), score)
            d.exception, d.start = "E3", start
            d.pitch_hard("E3", "Runner's exception: your legs feel good, so intervals (e.g. 6-8 x 400 m) today, "
                        "a full day after legs.", "Spartan")
            d.choices.append("E3 over E2: you run for endurance, aren't a beginner and report low "
                             "soreness, so the hard run goes a day after legs instead of two.")
            return d

    # G3: the long steady run goes to the weekend, on rested legs.
    rested = last is None or hours_between(last.ended, ctx.slot) >= HARD_AFTER_LEGS
    if (ctx.on("G3") and ctx.goal is Goal.ENDURANCE and ctx.day.weekday() >= 5 and rested
            and not ctx.long_done and score >= READY_FOR_HARD and ctx.event_days is None):
        d = _cardio(ctx.day, "long", "run", "moderate", 75, (60, 90), score)
        d.add("G3", "The long steady run: weekend, on rested legs.", "Spartan")
        return d

    # G6: a harder effort when the legs are ready (S11 keeps these to about one in five), else steady.
    if score >= READY_FOR_HARD:
        d = _cardio(ctx.day, "hard", _base_modality(ctx), "intervals", 40, (30, 45), score)
        if ctx.goal is Goal.POWER and ctx.on("G2"):
            d.modality, d.intensity, d.minutes, d.span = "sprints", "sprints", 20, (15, 25)
            d.pitch_hard("G2", "Your hard effort is short and explosive (sprints with full rest), not long "
                        "intervals, which cost power.", "Schumann 2022")
        else:
            d.pitch_hard("G6", "A harder effort: your legs are ready, and the week wants a few high-intensity "
                        "sessions besides the steady ones.", "Well+Good")
        return d
    d.add("G6", STEADY, "Well+Good")
    return d


def recovery_draft(ctx: Ctx, d: Draft) -> Draft:
    """P4 with M1 and R4: move gently, low impact, and be honest about what it does."""
    modality = d.modality  # without M1 the plan would know no gentler option than its usual one
    if ctx.on("M1"):
        modality = "swim" if ctx.profile.injury_prone else "walk"
    d.role, d.kind, d.modality, d.intensity, d.minutes, d.span = (
        "recovery", "recovery", modality, "recovery", 20, (20, 20))
    d.add("P4", f"{_readiness_words(ctx.readiness)}: very sore or tired, so move gently today instead "
                "of training.", "TravelRunner")
    if ctx.on("M1"):
        d.add("M1", f"{modality.capitalize()}: low impact, kind to sore legs"
                    + (" (swimming is kindest to an injury)." if modality == "swim" else "."), "Alex")
    return d


def _readiness_words(r: Readiness) -> str:
    if r.soreness is None:
        # No check-in for this day yet: the number is the model's projection, and says so.
        return (f"Readiness projected at {r.score}/100 from your leg sessions (your morning check-in "
                "will update it)")
    return f"Readiness {r.score}/100"


def _low_soreness(r: Readiness) -> bool:
    if r.soreness is not None:
        return r.soreness <= LOW_SORENESS
    return r.score >= READY_FOR_E3


def _base_modality(ctx: Ctx) -> str:
    return "run"


# ---------------------------------------------------------------------------------------------------
# Modality: what to do it on.
# ---------------------------------------------------------------------------------------------------

def choose_modality(d: Draft, ctx: Ctx) -> None:
    if d.kind != "cardio" or d.modality in ("sprints", "plyometrics") or d.exception == "G4":
        return
    after = _hours_since_legs(ctx, d)
    recent = after is not None and after < HARD_AFTER_LEGS and not d.role == "long"
    size = ctx.goal is Goal.STRENGTH
    # S9: for a size goal, cycle: running (not cycling) blunts fibre growth.
    if size and ctx.on("S9") and d.modality == "run":
        d.modality = "bike"
        d.add("S9", "Bike rather than run: running, not cycling, blunts muscle growth.", "Lundberg 2022")
    # M2: running doubles down on the legs you trained, so the day after goes low impact -
    # except for runners (it is their sport) and the light run G5 stacks straight after lifting.
    if (recent and d.modality == "run" and ctx.on("M2") and d.role != "post_legs"
            and ctx.goal in (Goal.STRENGTH, Goal.POWER, Goal.GENERAL)):
        d.modality = "elliptical" if ctx.goal is Goal.GENERAL else "bike"
        d.add("M2", f"{d.modality.capitalize()} instead of a run: running loads the same muscles you "
                    "trained, this works them without the impact.", "Sayer")
    # P1: beginners don't run right after leg training.
    if recent and d.modality == "run" and ctx.beginner and ctx.on("P1"):
        d.modality = "bike"
        d.add("P1", "New to lifting: no running this close to leg day; an easy bike instead.", "Alex")
    # P2: injury-prone -> low impact after leg day, and swimming is kindest (M1).
    if recent and ctx.profile.injury_prone and ctx.on("P2") and d.modality != "swim":
        d.modality = "swim"
        d.add("P2", "Injury-prone: low impact after leg day, and swimming is the kindest (M1).", "Alex")


# ---------------------------------------------------------------------------------------------------
# Placement: when, around the day's leg sessions (E6, E5).
# ---------------------------------------------------------------------------------------------------

def place(d: Draft, ctx: Ctx) -> None:
    if d.kind == "rest" or d.start is not None:
        return
    if not ctx.legs_today:
        d.start = _clear_of_legs(ctx.slot, ctx, d)
        return
    first = min(s.started for s in ctx.legs_today)
    last_end = max(s.ended for s in ctx.legs_today)
    length = dt.timedelta(minutes=d.minutes or 0)
    flush = (d.intensity in ("recovery", "easy") and (d.minutes or 0) <= FLUSH_MINUTES
             and d.exception is None)
    gap = dt.timedelta(hours=SAME_DAY_GAP if ctx.on("E5") and not flush and d.exception != "G4" else 0)

    if ctx.goal is Goal.ENDURANCE and ctx.on("E6"):
        # E6: the runner's run comes before the leg session.
        start = ctx.at(MORNING_RUN)
        if start + length + gap > first:
            start = first - gap - length
        if start >= ctx.at(EARLIEST) and ctx.legs.last_before(start) == ctx.legs.last_before(first):
            d.start = start
            d.add("E6", "Running is your priority, so run before the leg session, not after it.",
                  "Well+Good")
            if gap:
                d.add("E5", f"At least {SAME_DAY_GAP} h between the run and the lift.", "Robineau 2016")
            return
    start = last_end + max(gap, dt.timedelta(minutes=10))
    if start.date() == ctx.day and (start + length).time() <= LATEST and start + length > start:
        d.start = start
        if gap:
            d.add("E5", f"{SAME_DAY_GAP} h after the lift: same-day sessions go well apart (lift in the "
                        "morning, cardio at night).", "Robineau 2016")
        elif flush and ctx.on("E5"):
            d.choices.append("E5 vs G1: same-day sessions are best 6 h apart, but something this short and "
                             "easy right after the lift doesn't blunt strength, so it follows as a "
                             "cool-down.")
        return
    # No room to keep 6 h apart: make it a short easy flush straight after the lift.
    d.start = last_end + dt.timedelta(minutes=10)
    d.minutes = min(d.minutes or FLUSH_MINUTES, FLUSH_MINUTES)
    d.span = (min(d.span[0], d.minutes), d.minutes)
    if d.exception is None:
        d.cap("easy")
    if ctx.on("E5"):
        d.add("E5", "No room for 6 h between lift and cardio today, so keep it short and easy, straight "
                    "after.", "Robineau 2016")


def _clear_of_legs(start: dt.datetime, ctx: Ctx, d: Draft) -> dt.datetime:
    """Don't start in the middle of a leg session (odd logs can put one there)."""
    running = ctx.legs.running_at(start)
    if running is not None:
        return running.ended + dt.timedelta(minutes=10)
    return start


def _hours_since_legs(ctx: Ctx, d: Draft) -> float | None:
    t = d.start or ctx.slot
    last = ctx.legs.last_before(t)
    return None if last is None else hours_between(last.ended, t)


# ---------------------------------------------------------------------------------------------------
# Timing: how hard, given the hours since legs (E1, E2, S1) and the leg day ahead (E6).
# ---------------------------------------------------------------------------------------------------

def apply_timing(d: Draft, ctx: Ctx) -> None:
    if d.kind == "rest" or d.start is None or d.exception == "G4":
        return
    start = d.start
    yesterday = ctx.day - dt.timedelta(days=1)
    recent = [s for s in ctx.legs.ended_within(start, 48) if s.date in (ctx.day, yesterday)]
    excepted = d.exception in ("E3", "E4")
    in_e1 = bool(recent) and ctx.on("E1")
    if in_e1 and not excepted:
        if d.cap("moderate"):
            d.add("E1", "Legs were trained today or yesterday, so cardio stays at 6/10 or below.",
                  "Well+Good")
        elif d.role != "post_legs":
            d.add("E1", "Close to leg day: low to moderate effort only.", "Well+Good")
    hard_leg = ctx.legs.last_hard_before(start)
    in_e2 = (ctx.on("E2") and hard_leg is not None
             and hours_between(hard_leg.ended, start) < HARD_AFTER_LEGS)
    if in_e2 and not excepted and d.hard:
        # "About 48 h": when the usual slot falls an hour or two short, start a little later instead.
        later = hard_leg.ended + dt.timedelta(hours=HARD_AFTER_LEGS)
        end = later + dt.timedelta(minutes=d.minutes or 0)
        if not in_e1 and later.date() == ctx.day and end.date() == ctx.day and end.time() <= LATEST:
            d.start, in_e2 = later, False
            d.pitch_hard("E2", f"Starts at {later:%H:%M}, a full 48 h after your hard leg session.",
                         "TravelRunner")
        elif d.cap("moderate"):
            h = hours_between(hard_leg.ended, start)
            d.add("E2", f"Hard leg session {h:.0f} h before: no sprints or intervals until about 48 h.",
                  "TravelRunner")
    if (in_e1 or in_e2) and not excepted and ctx.on("S1") and d.cap("easy"):
        # Easy after legs is also short: an easy 2 km run, 20 min bike, 30 min swim (G1).
        d.span = (min(d.span[0], 20), min(d.span[1], 40))
        d.minutes = min(d.minutes or 30, d.span[1])
        d.add("S1", "Easy after legs means 3-4/10, talking comfortably: 6 is the ceiling, not the "
                    "target.", "Foster 2009")
    # E6: strength, power and general fitness put legs first - don't tire them the day before.
    if ctx.on("E6") and ctx.goal in (Goal.STRENGTH, Goal.POWER, Goal.GENERAL) and d.hard:
        nxt = ctx.legs.next_after(start)
        if nxt is not None and hours_between(start, nxt.started) < 30 and d.cap("moderate"):
            d.add("E6", "Legs come first for your goal: nothing hard the day before a leg session.",
                  "Well+Good")


# ---------------------------------------------------------------------------------------------------
# State and add-ons.
# ---------------------------------------------------------------------------------------------------

def apply_state(d: Draft, ctx: Ctx) -> None:
    sleep = ctx.readiness.sleep_hours
    if d.kind == "rest" or sleep is None:
        return
    if ctx.on("P3") and sleep < 6:
        d.cap("moderate")
        d.minutes = max(10, int(round((d.minutes or 0) * 2 / 3 / 5)) * 5)
        d.span = (min(d.span[0], d.minutes), d.minutes)
        d.reduced = True
        d.add("P3", f"Only {sleep:g} h of sleep: a shorter, easier session today.", "Alex")


def add_ons(d: Draft, ctx: Ctx) -> None:
    if d.kind == "rest":
        return
    after = _hours_since_legs(ctx, d)
    recent = after is not None and after < HARD_AFTER_LEGS
    runner = ctx.goal in (Goal.ENDURANCE, Goal.HYBRID)
    if ctx.on("E7") and d.modality in IMPACT and (recent or runner):
        text = ("Dynamic warm-up first, then start slower than usual and cut it short if the legs "
                "complain." if recent else "Dynamic warm-up first.")
        if runner:
            text += " Runners: about 20 reps of glute activation (banded clamshells) before you go."
        d.addon("E7", text, "TravelRunner")
    if ctx.on("R3") and recent and d.intensity in ("recovery", "easy"):
        d.addon("R3", "Afterwards: stretch (10-20 s holds) and foam roll; a massage eases soreness "
                      "most.", "Dupuy 2018")
    if ctx.on("R1") and ctx.readiness.sleep_hours is not None and ctx.readiness.sleep_hours < 8:
        d.addon("R1", "Aim for 8 h of sleep tonight.", "ACSM")
    if d.kind == "recovery" and ctx.on("R4"):
        d.choices.append("R4: this is for blood flow and as a cool-down; whether light cardio eases "
                         "soreness is disputed (Well+Good vs Spartan, Sayer), so don't expect a cure.")
        d.addon("R4", "Gentle movement gets blood flowing; it won't speed recovery (S10).", "Well+Good")


def leg_addons(ctx: Ctx) -> list[Reason]:
    out = []
    if ctx.on("E8"):
        out.append(reason("E8", "Cool down: 5-10 minutes of easy spinning or walking after the last set.",
                          "ACSM"))
    if ctx.on("R2"):
        extra = " Running after lifting can leave you short: eat enough." if ctx.goal is Goal.STRENGTH else ""
        out.append(reason("R2", "Protein today: 1.2-2.0 g per kg of body weight." + extra,
                          "ACSM/AND/DC 2016"))
    return out


def leg_reasons(ctx: Ctx, session: LegSession, planned: bool) -> list[Reason]:
    """Why a leg session sits where it does (planned), or what it cost (logged)."""
    if not planned:
        return [reason("S3", f"Logged: effort {session.effort} x {session.minutes} min = load "
                             f"{session.load}.", "Foster 2001")] if ctx.on("S3") else []
    if ctx.goal in (Goal.STRENGTH, Goal.POWER, Goal.GENERAL):
        text = "Legs first for your goal: today's cardio comes after the lift, easy."
    elif ctx.goal is Goal.ENDURANCE:
        text = "Running first for your goal: key runs go on days away from legs."
    else:
        text = "Strength and running both matter for racing: legs today, running around it."
    out = [reason("E6", text, "Well+Good")] if ctx.on("E6") else []
    if planned:
        out.append(reason("S3", "Planned like your last leg session; log it with its effort so the plan "
                                "can follow how hard it really was.", "Foster 2021"))
    return out


def is_hard_leg(session: LegSession) -> bool:
    return session.effort >= HARD_LEG_EFFORT
