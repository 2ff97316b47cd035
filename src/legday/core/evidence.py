"""The evidence behind every suggestion, in legday's own words.

Each entry has the ID used across code, tests and the app (E1 .. S12, from the project's evidence notes),
a short title, a summary and the short names of its sources. A suggestion's ``Reason`` points at one of
these IDs; the help screen lists them all, with ``SOURCES`` saying what each short name is.
"""

from __future__ import annotations

from legday.core.plan import Reason
from legday.core.values import Value

# The source named for legday's own thresholds and choices (evidence notes: "credit honestly").
LEGDAY = "legday"


class Evidence(Value):
    id: str
    title: str
    summary: str
    sources: tuple[str, ...]


# Short name -> what it is. Reasons cite these names; the help screen expands them.
SOURCES: dict[str, str] = {
    "Spartan": 'Spartan Race training blog: "Cardio After Leg Day: Why You Should Never Spend the Next '
    'Day on the Couch"',
    "TravelRunner": 'Kyle Cash, The Travel Runner: "Should You Run After Leg Day?"',
    "Well+Good": 'Well+Good: "Can You Do Cardio After Leg Day?", with trainer Dan Churchill and '
    "exercise physiologist Luke Carlson",
    "Sayer": 'Amber Sayer, running coach: "Running After Leg Day: Beast Your Legs For Powerful Gains"',
    "Alex": '"Running After Leg Workout: Benefits, Risks, and Optimal Strategies"',
    "Schumann 2022": "Schumann et al. 2022, Sports Med 52:601-612: meta-analysis of concurrent training",
    "Robineau 2016": "Robineau et al. 2016, J Strength Cond Res 30:672-683: rest between strength and "
    "endurance sessions",
    "ACSM": "American College of Sports Medicine: cool-down advice; at least 8 h of sleep",
    "ACSM/AND/DC 2016": "ACSM, Academy of Nutrition and Dietetics and Dietitians of Canada 2016 position "
    "stand: protein 1.2-2.0 g/kg/day",
    "Dupuy 2018": "Dupuy et al. 2018, Front Physiol: meta-analysis of recovery techniques",
    "CDC": "US Centers for Disease Control: the 0-10 effort scale and the talk test",
    "Foster 2009": "Foster et al. 2009, J Strength Cond Res 23:2425: talk test and exercise intensity",
    "Foster 2008": "Foster et al. 2008, J Cardiopulm Rehabil Prev 28:24: talk test as a training guide",
    "Persinger 2004": "Persinger et al. 2004, Med Sci Sports Exerc 36:1632: consistency of the talk test",
    "Borg 1982": "Borg 1982, Med Sci Sports Exerc 14:377: the CR-10 effort scale",
    "Day 2004": "Day et al. 2004, J Strength Cond Res 18:353: session effort works for lifting",
    "Foster 2021": "Foster et al. 2021, Int J Sports Physiol Perform 16:612: session-RPE, 25 years on",
    "Foster 2001": "Foster et al. 2001, J Strength Cond Res 15:109: session load, monotony and strain",
    "Banister": "Morton, Fitz-Clarke & Banister 1990, J Appl Physiol 69:1171: the fitness-fatigue model",
    "Williams 2017": "Williams et al. 2017, Br J Sports Med 51:209: exponentially weighted workload ratio",
    "Gabbett 2016": "Gabbett 2016, Br J Sports Med 50:273: the training-injury prevention paradox",
    "Lolli 2019": "Lolli et al. 2019, Br J Sports Med 53:921: the workload ratio questioned",
    "Impellizzeri 2021": "Impellizzeri et al. 2021, Sports Med: the workload ratio and injury, a critique",
    "Hooper 1995": "Hooper & Mackinnon 1995, Sports Med 20:321: a simple wellness questionnaire",
    "Saw 2016": "Saw, Main & Gastin 2016, Br J Sports Med 50:281: self-reports track training load",
    "Tufano 2012": "Tufano et al. 2012, J Strength Cond Res 26:2777: how leg soreness runs its course",
    "Cheung 2003": "Cheung, Hume & Maxwell 2003, Sports Med 33:145: delayed onset muscle soreness",
    "Marcora 2007": "Marcora & Bosio 2007, Scand J Med Sci Sports 17:662: muscle damage slows running",
    "Doma 2017": "Doma, Deakin & Bentley 2017, Sports Med 47:2187: lifting fatigue carries over",
    "Lundberg 2022": "Lundberg et al. 2022, Sports Med 52:2391: running, not cycling, blunts fibre growth",
    "Zainuddin 2006": "Zainuddin et al. 2006, Appl Physiol Nutr Metab 31:126: light exercise and soreness",
    "Seiler 2010": "Seiler 2010, Int J Sports Physiol Perform 5:276: the 80/20 intensity mix",
    "WHO 2020": "World Health Organization guidelines (Bull et al. 2020, Br J Sports Med 54:1451)",
    "Bosquet 2007": "Bosquet, Montpetit, Arvisais & Mujika 2007, Med Sci Sports Exerc 39:1358: "
    "meta-analysis of tapering",
    # Not a publication: a threshold or a choice legday made itself, where no source gives one.
    LEGDAY: "legday's own choice: a threshold or rule the app set itself where no source gives one",
}


def _e(id: str, title: str, summary: str, *sources: str) -> Evidence:
    return Evidence(id, title, summary, sources)


_ALL = (
    # Intensity and timing
    _e(
        "E1",
        "Easy after legs",
        "On leg day and the day after, cardio stays low to moderate: 6 out of 10 at most, a pace where you "
        "can still talk but could not sing.",
        "Well+Good",
        "CDC",
    ),
    _e(
        "E2",
        "No hard running for about two days",
        "Sprints, intervals and hard classes wait about 48 hours after a hard leg session.",
        "TravelRunner",
        "Alex",
    ),
    _e(
        "E3",
        "The runner's exception",
        "A runner whose priority is running can do intervals or a tempo run the day after a structured leg "
        "session, as long as 24 hours separate them; long steady runs go to the weekend on rested legs. "
        "legday only takes this path for non-beginner endurance athletes with low soreness.",
        "Spartan",
    ),
    _e(
        "E4",
        "Explosive pairs with explosive",
        "After an explosive leg day (cleans, snatches, jumps) a power athlete can do short explosive work "
        "the next day (short sprints, starts, bounds) with full rest between efforts, never an hour of "
        "HIIT. Not bounced back? Rest instead.",
        "Spartan",
    ),
    _e(
        "E5",
        "Keep the sessions apart",
        "Strength and endurance on the same day: at least 6 hours apart (lift in the morning, run at "
        "night); separate days are better. With one workout a day, a full 24 hours between leg day and a "
        "hard run.",
        "Robineau 2016",
        "Well+Good",
        "Alex",
        "Spartan",
    ),
    _e(
        "E6",
        "Your priority goes first",
        "Do first what matters most to you. Endurance: your most important run goes ahead of the lift, "
        "or on a day with no legs at all. Strength: legs first, cardio after or later, so don't tire "
        "your legs the day before.",
        "Well+Good",
        "Sayer",
        "Alex",
    ),
    _e(
        "E7",
        "Warm up tired legs",
        "Tired legs? Warm up with leg swings and skips, set off slower than usual and keep it shorter. "
        "Runners: about 20 reps of glute activation (banded clamshells or side steps) before every run.",
        "TravelRunner",
        "Spartan",
    ),
    _e(
        "E8",
        "Cool down",
        "Finish every leg session with a few minutes of easy aerobic movement.",
        "ACSM",
        "Well+Good",
    ),
    # By goal
    _e(
        "G1",
        "Strength and size",
        "Extra cardio leaves muscle size and top-end strength alone, even done in the same session. "
        "After legs it is recovery, not a workout: 15-20 minutes easy. Eat enough: extra running can "
        "push you into a deficit.",
        "Schumann 2022",
        "Spartan",
        "Alex",
        "Sayer",
    ),
    _e(
        "G2",
        "Power",
        "Concurrent training slightly blunts explosive gains, so hard cardio stays away from explosive "
        "sessions; short explosive work is the exception (see E4).",
        "Schumann 2022",
    ),
    _e(
        "G3",
        "Endurance and races",
        "An easy run after leg day can train fat use, at easy effort only. Long runs go on rested legs, "
        "and the days after a race or any competition are active recovery.",
        "Sayer",
        "Spartan",
    ),
    _e(
        "G4",
        "Hybrid racing",
        "For Hyrox, obstacle racing or CrossFit, running right after strength work rehearses racing on "
        "tired legs. Advanced athletes only, and not every session.",
        "Well+Good",
        "Alex",
    ),
    _e(
        "G5",
        "General fitness",
        "A light run stacked after lifting adds energy burned and is fine for general fitness.",
        "Sayer",
        "Alex",
    ),
    _e(
        "G6",
        "Weekly volume",
        "Aim for 2-3 hours a week of steady zone-2 cardio plus a few harder efforts.",
        "Well+Good",
    ),
    # By person and state
    _e(
        "P1",
        "Beginners",
        "If you are new to lifting, don't run straight after leg training: rest between and build form "
        "separately.",
        "Well+Good",
        "Alex",
    ),
    _e(
        "P2",
        "Injury-prone",
        "With a history of lower-body or running injuries, pick low-impact cardio after leg day; swimming "
        "is kindest.",
        "Alex",
    ),
    _e(
        "P3",
        "Limited recovery",
        "Short sleep, poor eating or high stress: do less, or skip the extra session.",
        "Alex",
    ),
    _e(
        "P4",
        "Listen to your body",
        "Very tired or very sore: rest or move gently. Sharp pain: stop.",
        "TravelRunner",
        "Alex",
    ),
    _e(
        "P5",
        "How soreness runs",
        "Soreness builds over a day or two after a hard leg day, and recovery takes 24-48 hours or more. "
        "Soreness lasting many days means the session was too much or too new, and hard training without "
        "enough recovery leads to overreaching.",
        "Spartan",
        "Sayer",
        "Well+Good",
        "Alex",
    ),
    # Modalities
    _e(
        "M1",
        "Low-impact options",
        "Swap the run for a ride, a swim, the elliptical, a walk or a hike, yoga, pilates or the stair "
        "machine. For an injury, swimming is kindest. Which one, from the cardio you can do, is legday's "
        "choice by what the legs need.",
        "TravelRunner",
        "Alex",
        "Spartan",
        "Well+Good",
        "legday",
    ),
    _e(
        "M2",
        "Running doubles down",
        "Running loads the same glutes, quads, hamstrings and calves you just trained; cycling and "
        "swimming use them too, without the impact. legday spares a sore region (quads, hamstrings, glutes, "
        "calves) the cardio that loads it hardest.",
        "Sayer",
        "legday",
    ),
    # Recovery
    _e("R1", "Sleep", "Sleep 8 hours or more.", "ACSM"),
    _e("R2", "Protein", "Eat 1.2-2.0 g of protein per kg of body weight a day.", "ACSM/AND/DC 2016"),
    _e(
        "R3",
        "After easy cardio",
        "Stretch (10-20 s holds) and foam roll; massage eases soreness most. Cold water, contrast baths "
        "and compression also help some.",
        "Dupuy 2018",
        "Spartan",
        "Well+Good",
    ),
    _e(
        "R4",
        "Active recovery, honestly",
        "Whether light cardio eases soreness is disputed: weak evidence says little (Well+Good), others "
        "say it helps (Spartan, Sayer). legday offers it for blood flow and as a cool-down, not as a cure.",
        "Well+Good",
        "Spartan",
        "Sayer",
    ),
    # The science layer
    _e(
        "S1",
        "Talk test",
        "Comfortable talking sits near 4 out of 10; one step below is a good training pace. When speech "
        "stops being comfortable you are near 6. So 'easy after leg day' means 3-4 with easy talking; 6 "
        "is the ceiling, not the target.",
        "Foster 2009",
        "Foster 2008",
        "Persinger 2004",
    ),
    _e(
        "S2",
        "Effort scale",
        "The words on the 0-10 scale: nothing at all (0), very weak (1), weak (2), moderate (3), "
        "somewhat strong (4), strong (5), very strong (7), extremely strong (10).",
        "Borg 1982",
    ),
    _e(
        "S3",
        "Session load",
        "Load = session effort (0-10) x minutes. It works for lifting too, and the rating holds whenever "
        "you give it.",
        "Day 2004",
        "Foster 2021",
        "Foster 2001",
    ),
    _e(
        "S4",
        "Fitness and fatigue",
        "Fitness and fatigue are running averages of daily load over about 6 weeks and 1 week; form is "
        "the difference.",
        "Banister",
    ),
    _e(
        "S5",
        "Acute:chronic ratio, with caveats",
        "This week's load against the last month's (weighted averages). Above 1.5 is called a danger "
        "zone, but its power to predict injury is disputed, so legday only warns and never changes a "
        "plan because of it.",
        "Williams 2017",
        "Gabbett 2016",
        "Lolli 2019",
        "Impellizzeri 2021",
    ),
    _e(
        "S6",
        "Your own rating counts",
        "How you say you feel tracks training load better than lab markers, which is why your morning "
        "soreness rating overrides the estimate. No cut-off has been validated: the thresholds legday "
        "uses are its own choice.",
        "Saw 2016",
        "Hooper 1995",
    ),
    _e(
        "S7",
        "Soreness over days",
        "After hard eccentric leg work soreness is about as bad at 24 h as at 48 h, less at 72 h, less "
        "again at 96 h. Sore muscles absorb shock worse and produce less force, so coming back too early "
        "raises injury risk.",
        "Tufano 2012",
        "Cheung 2003",
    ),
    _e(
        "S8",
        "Damaged legs run slower",
        "Two days after a hard jumping session a 30-minute run was 4% slower, mostly because it felt "
        "harder. Lifting fatigue carries over for hours to days.",
        "Marcora 2007",
        "Doma 2017",
    ),
    _e(
        "S9",
        "Interference, precisely",
        "Cardio barely touches maximal strength or size but does blunt explosive strength, mostly in the "
        "same session; 3 hours apart removes most of it. Running, not cycling, blunts fibre growth: for "
        "size, cycle.",
        "Schumann 2022",
        "Lundberg 2022",
        "Robineau 2016",
    ),
    _e(
        "S10",
        "Light exercise and soreness",
        "Light exercise eases soreness for a while but does not speed recovery.",
        "Zainuddin 2006",
        "Dupuy 2018",
    ),
    _e(
        "S11",
        "Weekly mix",
        "About 80% of sessions easy and 20% hard; and, for health, 150-300 minutes of moderate activity a "
        "week plus strength work.",
        "Seiler 2010",
        "WHO 2020",
    ),
    _e(
        "S12",
        "Tapering before a race",
        "In the two weeks or so before a competition, cutting the amount of training by about half while "
        "keeping its intensity and how often you train works best. No article on leg day covers tapering: "
        "how legday applies it day by day (the rest the day before, no legs in the last two days) is its "
        "own call.",
        "Bosquet 2007",
        LEGDAY,
    ),
)

EVIDENCE: dict[str, Evidence] = {e.id: e for e in _ALL}


def reason(id: str, text: str, source: str | None = None) -> Reason:
    """A Reason citing evidence ``id``; ``source`` defaults to its first source. An unknown ID, or a
    source that is not one of the evidence's own, is a bug in the rules: fail loudly."""
    evidence = EVIDENCE[id]
    source = source or evidence.sources[0]
    if source not in evidence.sources and source != LEGDAY:  # legday may apply any fact its own way
        raise ValueError(f"{source!r} is not a source of {id}")
    return Reason(id, text, source)
