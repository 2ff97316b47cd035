"""Drafts: what the person's goal wants on a day (G1-G5, G6), the exceptions the day after legs (E3, E4),
and what the body says first (P4, with the gentle options of M1 and the honesty of R4)."""

from __future__ import annotations

import datetime as dt

from legday.core.evidence import reason
from legday.core.model import Goal, Level
from legday.core.plan import Reason
from legday.core.readiness import HARD_LEG_EFFORT, Readiness
from legday.core.rules.base import (
    DAY,
    LOW_SORENESS,
    NEXT_DAY_GAP,
    READY_FOR_E3,
    READY_FOR_HARD,
    RECOVERY_BELOW,
    REST_BELOW,
    STEADY,
    TOO_SORE,
    VERY_SORE,
    Ctx,
    Draft,
    cardio_draft,
    explosive,
    hours_between,
    readiness_words,
    sport_words,
)
from legday.core.rules.modality import noun
from legday.core.rules.volume import ceiling

# Every goal starts from running; S9, M2, P1 and P2 then move it to something kinder where they apply.
BASE_MODALITY = "run"


def leg_day_draft(ctx: Ctx) -> tuple[Draft | None, list[Reason]]:
    """Cardio on a leg day, by goal. Returns the draft (or None) and notes for the leg session itself."""
    notes: list[Reason] = []
    r = ctx.readiness
    score = r.score
    if ctx.on("P4") and (
        r.pain or score < RECOVERY_BELOW or (r.soreness is not None and r.soreness >= VERY_SORE)
    ):
        # P4: the legs are already being asked for a lot today; no extra cardio on top.
        today = ctx.checkins.get(ctx.day)
        why = (
            (
                "You flagged pain this morning"
                if today is not None and today.pain
                else "Pain flagged and not yet cleared"
            )
            if r.pain
            else f"Soreness {r.soreness}/10"
            if r.soreness is not None and r.soreness >= VERY_SORE
            else readiness_words(r)
        )
        notes.append(
            reason(
                "P4",
                f"{why}: just the leg session today, no cardio after it; the "
                "cool-down is enough. Stop if anything hurts sharply.",
                "TravelRunner",
            )
        )
        return None, notes
    if ctx.beginner and ctx.on("P1"):
        # P1: no cardio straight after legs while the person is new to lifting.
        notes.append(
            reason(
                "P1",
                "New to lifting: no cardio after legs today. Rest between and build form on separate days.",
                "Well+Good",
            )
        )
        return None, notes
    goal = ctx.goal
    d: Draft | None = None
    if goal is Goal.STRENGTH and ctx.on("G1"):
        d = cardio_draft(ctx.day, "post_legs", "run", "easy", 20, (15, 20), score)
        d.add(
            "G1",
            "After legs, cardio is recovery, not a workout: 15-20 minutes easy. It won't blunt "
            "strength or size.",
            "Schumann 2022",
        )
    elif goal is Goal.GENERAL and ctx.on("G5"):
        d = cardio_draft(ctx.day, "post_legs", "run", "easy", 20, (15, 25), score)
        d.add(
            "G5",
            lambda d: (
                "A light run stacked after lifting adds energy burned; fine for general fitness."
                if d.modality == "run"
                else f"Light cardio stacked after lifting adds energy burned ({noun(d)} here; the "
                "sources say it of a light run): fine for general fitness."
            ),
            "Sayer",
        )
    elif goal is Goal.ENDURANCE and ctx.on("G3"):
        d = cardio_draft(ctx.day, "post_legs", "run", "easy", 20, (15, 25), score)
        lift_end = max(s.ended for s in ctx.legs_today)

        def after_lift(d: Draft) -> bool:
            return d.start is not None and d.start >= lift_end

        def fat_use(d: Draft) -> bool:
            # Sayer ties the fat-use benefit to running *after* the lift, on low glycogen.
            return after_lift(d) and d.modality == "run" and d.intensity in ("recovery", "easy")

        d.add(
            "G3",
            "An easy run after the lift, on low glycogen, trains your body to use fat; easy only.",
            "Sayer",
            holds=fat_use,
        )
        d.add(
            "E6",
            lambda d: (
                f"{noun(d).capitalize()} on leg day: your key {sport_words(ctx.profile)[1]} go on days "
                "away from legs."
            ),
            "Well+Good",
            holds=lambda d: not fat_use(d) and not d.hard,
        )
    elif goal is Goal.POWER and ctx.on("G2"):
        d = cardio_draft(ctx.day, "post_legs", "bike", "easy", 15, (10, 20), score)
        d.add(
            "G2", "Just a short easy spin: hard cardio next to explosive work costs power.", "Schumann 2022"
        )
    elif goal is Goal.HYBRID and ctx.on("G4"):
        # Not for the injury-prone (P2: no running on a leg day) nor without a run on the list.
        rehearse = not (ctx.profile.injury_prone and ctx.on("P2")) and ctx.profile.can_do("run")
        if ctx.profile.level is Level.ADVANCED and not ctx.g4_used and rehearse and ctx.exceptions:
            d = cardio_draft(ctx.day, "post_legs", "run", "tempo", 20, (15, 20), score)
            d.exception = "G4"
            d.add(
                "G4",
                "Race rehearsal: a tempo run straight after legs, to practise running on tired "
                "legs. Once a week, not every leg day.",
                "Well+Good",
                holds=lambda d: d.modality == "run" and d.hard,
            )
            d.choices.append(
                "G4 over E1/E5: for an advanced hybrid racer, running hard on tired legs is "
                "the training itself; everyone else keeps it easy and apart."
            )
        else:
            d = cardio_draft(ctx.day, "post_legs", "run", "easy", 20, (15, 20), score)
            why = (
                "that is for advanced athletes only"
                if ctx.profile.level is not Level.ADVANCED
                else ctx.lost_words()
                if not ctx.exceptions
                else "once a week is enough, and you did it in the last 6 days"
                if ctx.g4_used
                else "not with your injury history"
                if ctx.profile.injury_prone
                else "not without running on your list"
            )

            def easy_words(d: Draft, why: str = why) -> str:
                return f"{noun(d).capitalize()} after legs; running hard on tired legs rehearses racing, but {why}."

            d.add(
                "G4",
                easy_words,
                "Well+Good",
            )
            d.choices.append(f"E1 over G4: racing on tired legs is worth it, but {why}; this one stays easy.")
    return d, notes


def free_day_draft(ctx: Ctx) -> Draft:
    """The day's draft, plus the E2-over-E3 line when a runner the day after legs doesn't get the
    exception: sources disagree there, and the plan says which way it went."""
    d = _free_day_draft(ctx)
    runner = ctx.on("E3") and ctx.goal is Goal.ENDURANCE and d.kind == "cardio" and d.exception is None
    if runner and ctx.legs_on(ctx.day - DAY):
        if not ctx.exceptions:
            why = f"{ctx.lost_words()}, so the hard run waits"
        elif ctx.race_days_ago is not None and ctx.on("G3"):
            # What binds first: a race's recovery holds anything hard whatever the legs' readiness says
            # (the guard would take the exception away), so it is named, not the readiness.
            why = (
                f"day {ctx.race_days_ago} of about {max(ctx.race_recovery, 2)} to come back from "
                f"{ctx.race_what or 'your race'}, nothing hard until they are over (G3), so the hard run waits"
            )
        elif ctx.back_day is not None and ctx.on("P5"):
            why = f"back after {ctx.break_days} days off, nothing hard in the first week (P5), so the hard run waits"
        elif ctx.beginner:
            why = "the runner's exception is for experienced runners, so the hard run waits"
        elif ctx.profile.injury_prone and ctx.on("P2"):
            why = (
                "with your injury history there is no running the day after legs (P2), so the hard run waits"
            )
        elif not ctx.profile.can_do("run"):
            why = "the runner's exception is a hard run, and running is not on your list"
        else:
            why = f"{_not_ready_words(ctx.readiness)} for a hard run a day after legs, so it waits"
        d.choices.append(f"{_over(ctx)} over E3: {why}.")
    elif ctx.lost is not None and ctx.goal is Goal.POWER and d.kind != "rest":
        d.choices.append(f"{_over(ctx)} over E4: {ctx.lost_words()}, so the explosive work waits.")
    return d


def _over(ctx: Ctx) -> str:
    """The line an exception the day after legs stands against: E2 after a hard leg session, E1 after
    any other (E2 is about hard leg workouts only)."""
    hard = any(s.effort >= HARD_LEG_EFFORT for s in ctx.legs_on(ctx.day - DAY))
    return "E2" if hard or not ctx.on("E1") else "E1"


def _repeats(minutes: int | None) -> str:
    """How many 400 m repeats fit the session (Spartan's example, sized by legday: about 3 minutes a
    repeat with its rest, after the warm-up)."""
    m = minutes or 0
    return "6-8" if m >= 30 else "4-5" if m >= 20 else "3-4"


def _not_ready_words(r: Readiness) -> str:
    if r.soreness is not None:
        return f"soreness {r.soreness}/10 is not low enough"
    return f"projected readiness {r.score}/100 (no check-in yet) is not high enough"


def _free_day_draft(ctx: Ctx) -> Draft:
    """Cardio on a day without legs: rest or recovery when the body says so (P4), the E4/E3 exceptions
    the day after legs, a long run on rested legs (G3), otherwise hard or steady work (G6)."""
    r = ctx.readiness
    score = r.score
    d = cardio_draft(ctx.day, "zone2", BASE_MODALITY, "moderate", 40, (25, 60), score)
    sore = r.soreness

    # P4: listen to your body. Pain stops everything; very sore or exhausted -> rest or move gently.
    if ctx.on("P4"):
        if r.pain or score < RECOVERY_BELOW or (sore is not None and sore >= VERY_SORE):
            d.held_back = "pain" if r.pain else "sore or tired legs"
        if r.pain:
            today = ctx.checkins.get(ctx.day)
            said = (
                "You flagged pain this morning"
                if today is not None and today.pain
                else "Pain flagged and not yet cleared by a check-in without it"
            )
            return d.rest(
                "P4", f"{said}: rest today, and stop any session that hurts sharply.", "TravelRunner"
            )
        # Rest is the person's call (S6): only their own rating turns a day into rest. A low number
        # that is only the model's projection (after a race, say: G3, active recovery, not the couch)
        # moves gently instead.
        if (score < REST_BELOW and r.rated) or (sore is not None and sore >= TOO_SORE):
            return d.rest(
                "P4",
                f"{_readiness_words(r)}: very tired or very sore legs need rest, not more work.",
                "TravelRunner",
            )
        if score < RECOVERY_BELOW or (sore is not None and sore >= VERY_SORE):
            return recovery_draft(ctx, d)

    before = ctx.legs_on(ctx.day - DAY)
    last = max(before, key=lambda s: s.ended) if before else None
    # The exceptions run or jump the day after legs: not for the injury-prone (P2).
    impact_ok = not (ctx.profile.injury_prone and ctx.on("P2"))

    # E4: after an explosive leg day, a power athlete pairs it with short explosive work - or rests.
    if (
        ctx.on("E4")
        and ctx.exceptions
        and ctx.goal is Goal.POWER
        and last is not None
        and impact_ok
        and any(explosive(s) for s in before)
    ):
        if score >= READY_FOR_HARD:
            start = _a_day_after(ctx, last, 20)
            if start is not None:
                d = cardio_draft(ctx.day, "hard", "sprints", "sprints", 20, (15, 25), score)
                d.exception, d.start, d.moved_from = "E4", start, ctx.slot
                d.pitch_hard(
                    "E4",
                    lambda d: (
                        "Explosive pairs with explosive: 6-10 short sprints (100-200 m) or bounds, full "
                        "rest between. Not a HIIT class."
                        if d.modality in ("sprints", "plyometrics")
                        else "Explosive pairs with explosive: short all-out efforts, full rest between. "
                        "Not a HIIT class."
                    ),
                    "Spartan",
                )
                d.choices.append(
                    f"E4 over {_over(ctx)}: after explosive legs, short explosive work keeps you sharp; "
                    + (
                        "anything long and hard would still wait 48 h."
                        if _over(ctx) == "E2"
                        else "anything long and hard would wait."
                    )
                )
                return d
        elif r.soreness is not None:
            # "Bounced back" is the person's call (S6): only their check-in turns this into rest.
            return d.rest(
                "E4",
                f"Readiness {score}/100: not bounced back from yesterday's explosive "
                "session, so rest instead of sprints.",
                "Spartan",
            )

    # E3: the runner's exception to E2.
    if (
        ctx.on("E3")
        and ctx.exceptions
        and ctx.goal is Goal.ENDURANCE
        and not ctx.beginner
        and last is not None
        and impact_ok
        and _low_soreness(r)
        and ctx.profile.can_do("run")
    ):
        start = _a_day_after(ctx, last, 40)
        if start is not None:
            d = cardio_draft(ctx.day, "hard", "run", "intervals", 40, (30, 45), score)
            d.exception, d.start, d.moved_from = "E3", start, ctx.slot

            def exception_words(d: Draft, end: dt.datetime = last.ended) -> str:
                at = d.start or start
                return (
                    f"Runner's exception: your legs are ready, so intervals (e.g. {_repeats(d.minutes)} "
                    f"x 400 m) today, {hours_between(end, at):.0f} h after legs: at least a full day."
                )

            d.pitch_hard("E3", exception_words, "Spartan")
            d.pitch[-1].holds = lambda d: d.hard and d.modality == "run"
            feel = (
                "report low soreness"
                if r.soreness is not None
                else f"your legs project as ready ({r.score}/100; no check-in yet)"
            )
            over = _over(ctx)
            d.choices.append(
                f"E3 over {over}: you run for endurance, aren't a beginner and {feel}, so "
                + (
                    "the hard run goes a day after legs instead of two."
                    if over == "E2"
                    else "the run a day after legs may be hard (E1 keeps cardio close to legs easy)."
                )
            )
            return d

    # G3: the long steady run goes to the weekend, on rested legs - an hour at least, so not while the
    # log allows less (volume.py). For the endurance goal, and for a hybrid racer who runs long (G4's
    # races are runs between stations: a Hyrox is 8 km of running), whose long run would otherwise
    # vanish from any week its usual day follows legs.
    most = ceiling(ctx.longest_recent, ctx.profile.level.value, ctx.back_day is not None)
    if (
        ctx.on("G3")
        and (ctx.goal is Goal.ENDURANCE or _runs_long(ctx))
        and ctx.day.weekday() >= 5
        and rested(ctx)
        and not ctx.long_done
        and (ctx.event_days is None or ctx.event_days >= TAPER_LONG_LAST)
        and (most >= LONG_SPAN[0] or not ctx.on("P5"))
    ):
        # As long as the long sessions you do (the longest of the last 4 weeks that was not a race or a
        # match), within what the log allows; 75 minutes when nothing is logged.
        length = max(LONG_MINUTES, ctx.longest_usual or 0)
        d = cardio_draft(ctx.day, "long", "run", "moderate", length, (LONG_SPAN[0], max(90, most)), score)
        d.add(
            "G3",
            lambda d: f"The long steady {_bare(d)}: weekend, on rested legs.",
            "Spartan",
            holds=lambda d: d.role == "long" and not d.hard and (d.minutes or 0) >= LONG_SPAN[0],
        )
        return d

    # The person's own long easy day (a Sunday hike, a long walk) stays theirs: not intervals.
    kept = _usual_long(ctx, score)
    if kept is not None:
        return kept

    # G6: a harder effort when the legs are ready (S11 keeps these to about one in five), else steady.
    if score >= READY_FOR_HARD:
        d = cardio_draft(ctx.day, "hard", BASE_MODALITY, "intervals", 40, (30, 45), score)
        if ctx.goal is Goal.POWER and ctx.on("G2"):
            d.modality, d.intensity, d.minutes, d.span = "sprints", "sprints", 20, (15, 25)
            d.pitch_hard(
                "G2",
                "Your hard effort is short and explosive (sprints with full rest), not "
                "long intervals, which cost power.",
                "Schumann 2022",
            )
        else:
            d.pitch_hard(
                "G6",
                "A harder effort: the week wants a few high-intensity sessions besides the steady ones.",
                "Well+Good",
            )
        # Whether the legs are ready for it is legday's own line, not the article's (S6: no validated
        # cut-off exists), and it says the number it read, projected or rated.
        d.pitch_hard(
            "S6",
            (f"Readiness {score}/100" if r.rated else f"Readiness projected at {score}/100 (no check-in yet)")
            + f": at or over {READY_FOR_HARD}, legday's own line for a hard session.",
            "legday",
        )
        return d
    d.add("G6", STEADY, "Well+Good")
    return d


# legday's own length for the weekend's long steady session before the weekly aim trims it, and its
# span: an hour at least.
LONG_MINUTES = 75
LONG_SPAN = (60, 90)
# The taper keeps the long run, shorter, until this many days before the event (S12 keeps how often you
# train; the last long one a week out is legday's call).
TAPER_LONG_LAST = 6
# The day's last minute a session after a late lift may run to (E3, E4 need a full day after legs).
LATE_END = dt.time(23, 30)


def _usual_long(ctx: Ctx, score: int) -> Draft | None:
    """This weekday's usual long easy session (Ctx.usual_long), as the person does it, when the legs
    are rested for it (as for G3's long run) and the event is not days away: legday's
    choice, a long easy day kept week after week is the person's, and the plan does not swap it for
    intervals or a short steady session."""
    if ctx.usual_long is None or not ctx.on("G6") or not rested(ctx):
        return None
    if ctx.event_days is not None and ctx.event_days < TAPER_LONG_LAST:
        return None
    modality, minutes, effort, weeks = ctx.usual_long
    intensity = "easy" if effort <= 4 else "moderate"
    d = cardio_draft(
        ctx.day, "long", modality, intensity, minutes, (min(LONG_SPAN[0], minutes), minutes), score
    )
    day = f"{ctx.day:%A}"

    def words(d: Draft) -> str:
        return (
            f"Your usual long {noun(d).removeprefix('an easy ').removeprefix('a ')} on a {day} "
            f"({weeks} of the last 4 weeks), kept at the pace you do it: the week's long easy day "
            "stays yours (legday's choice)."
        )

    d.add(
        "G6",
        words,
        "legday",
        holds=lambda d: d.role == "long" and not d.hard and d.modality == modality,
    )
    return d


def _runs_long(ctx: Ctx) -> bool:
    """A hybrid athlete whose log holds long runs (a run of LONG_SPAN[0] minutes or more in the 4
    weeks before, not a race: Ctx.longest_usual, when it is a run's), on a day that is not already
    their own usual long day (that one is kept as they do it, _usual_long)."""
    return (
        ctx.goal is Goal.HYBRID
        and ctx.usual_long is None
        and "run" in ctx.logged
        and ctx.profile.can_do("run")
        and (ctx.longest_usual or 0) >= LONG_SPAN[0]
    )


def rested(ctx: Ctx) -> bool:
    """Legs rested enough for the long session (G3: "when legs are rested"): no leg session yesterday
    or today, not in the weeks after a race while its volume comes back (its recovery days and as many
    again: a long run a week after a half marathon is more than its legs are back for, legday's call),
    and readiness at least READY_FOR_HARD (legday's line)."""
    return (
        not ctx.legs_on(ctx.day - DAY)
        and not ctx.legs_today
        and ctx.race_days_ago is None
        and (ctx.comeback is None or not ctx.on("G3"))
        and ctx.readiness.score >= READY_FOR_HARD
    )


def _a_day_after(ctx: Ctx, last, minutes: int) -> dt.datetime | None:
    """A start a full day (E5: 24 h) after yesterday's lift, at the usual time or later: late lifters
    run late (up to LATE_END). None when even that won't fit today."""
    gap = dt.timedelta(hours=NEXT_DAY_GAP if ctx.on("E5") else 0)
    start = max(ctx.slot, last.ended + gap)
    end = start + dt.timedelta(minutes=minutes)
    if start.date() != ctx.day or end.date() != ctx.day or end.time() > LATE_END:
        return None
    return start


def _bare(d: Draft) -> str:
    """ "run", "ride", "hike": the session's noun without its article."""
    word = noun(d)
    for article in ("an easy ", "a ", "an ", "the "):
        if word.startswith(article):
            return word[len(article) :]
    return word


def recovery_draft(ctx: Ctx, d: Draft) -> Draft:
    """P4 with M1 and R4: move gently, low impact, and be honest about what it does."""
    modality = d.modality  # without M1 the plan would know no gentler option than its usual one
    if ctx.on("M1"):
        modality = "swim" if ctx.profile.injury_prone else "walk"
    d.role, d.kind, d.modality, d.intensity, d.minutes, d.span = (
        "recovery",
        "recovery",
        modality,
        "recovery",
        20,
        (20, 20),
    )
    d.add(
        "P4",
        f"{_readiness_words(ctx.readiness)}: very sore or tired, so move gently today instead of training.",
        "TravelRunner",
    )
    if ctx.on("M1"):
        d.add(
            "M1",
            f"{(modality or 'cardio').capitalize()}: low impact, kind to sore legs"
            + (" (swimming is kindest to an injury)." if modality == "swim" else "."),
            "Alex",
        )
    return d


def _readiness_words(r: Readiness) -> str:
    return readiness_words(r)


def _low_soreness(r: Readiness) -> bool:
    if r.soreness is not None:
        return r.soreness <= LOW_SORENESS
    return r.score >= READY_FOR_E3


# ---------------------------------------------------------------------------------------------------
