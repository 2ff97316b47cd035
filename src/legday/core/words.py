"""legday's own wording, shared by the command line and the app so that both say the same thing:
status marks, effort ranges, "hours after legs", session names, soreness words, and one-line
summaries of logged records (``legday log``, the app's edit and delete lists, undo labels).

Plain strings only; how they are coloured is the app's business (tui/legend.py).
"""

from __future__ import annotations

import datetime as dt

from legday.core.model import CardioSession, CheckIn, LegSession, Skip
from legday.core.plan import Session

# One mark per status: filled for what happened, hollow for what is planned, an arrow for what is
# suggested, a cross for a skip. The CLI's table and the app's grid both use these.
STATUS_MARK = {"done": "✓", "planned": "○", "suggested": "→", "skipped": "✗"}
MARKS_LEGEND = "✓ done  ○ planned  → suggested  ✗ skipped"

# The app's own words for how sore the legs are (0-10). Not a validated scale: a reading aid (S6).
SORENESS_WORDS = (
    "none",
    "barely there",
    "mild",
    "noticeable",
    "moderate",
    "sore",
    "quite sore",
    "very sore",
    "hurts to move",
    "severe",
    "worst",
)


def soreness_words(level: int) -> str:
    return SORENESS_WORDS[max(0, min(level, len(SORENESS_WORDS) - 1))]


def effort_range(effort: tuple[int, int] | None) -> str:
    """``(3, 4)`` -> ``"3-4"``, ``(8, 8)`` -> ``"8"``, None -> ``""``."""
    if not effort:
        return ""
    low, high = effort
    return f"{low}" if low == high else f"{low}-{high}"


def suggested_effort(session: Session) -> int | None:
    """The effort to log a suggestion at when it was done as suggested: the top of its range, which
    is what the planner counts it at (so logging it changes nothing ahead), unless that would log as
    another intensity (a moderate run at 4 would read easy); None without a range."""
    from legday.core.plan import logged_intensity

    if not session.effort:
        return None
    low, high = session.effort
    minutes = session.minutes or 0
    keeps = [e for e in range(high, low - 1, -1) if logged_intensity(e, minutes) == session.intensity]
    return keeps[0] if keeps else high


def hours_text(hours: float) -> str:
    """0.5 -> "30 min", 6.5 -> "6.5 h", 30 -> "30 h", 143 -> "6 days": as a person would say it."""
    if abs(hours) < 1:
        return f"{round(hours * 60)} min"
    if abs(hours) < 10:
        return f"{round(hours, 1):g} h"
    if abs(hours) < 72:
        return f"{round(hours)} h"
    return f"{round(hours / 24)} days"


def after_legs(hours: float) -> str:
    """``"23 h after legs"``."""
    return f"{hours_text(hours)} after legs"


def session_name(session: Session) -> str:
    """The short name the grid shows: ``legs``, ``rest``, ``bike``."""
    if session.kind in ("legs", "rest"):
        return session.kind
    return session.modality or session.kind


def session_title(session: Session) -> str:
    """The longer name: ``easy bike``, ``tempo run``, ``run intervals``, ``recovery walk``."""
    if session.kind in ("legs", "rest"):
        return session.kind
    modality = session.modality or session.kind
    if not session.intensity or session.intensity == modality:
        words = modality
    elif session.intensity in ("intervals", "sprints"):
        words = f"{modality} {session.intensity}"
    else:
        words = f"{session.intensity} {modality}"
    if session.kind == "recovery" and "recovery" not in words:
        words = f"recovery {words}"
    return words


def status_words(session: Session) -> str:
    if session.status in ("done", "skipped"):
        return session.status
    return "planned" if session.kind == "legs" else "suggested"


# -- logged records -----------------------------------------------------------------------------

Record = LegSession | CardioSession | CheckIn | Skip


def record_kind(record: Record) -> str:
    """ "legs", "cardio", "check-in" or "skip": the words a person reads (not the JSON kind)."""
    if isinstance(record, LegSession):
        return "legs"
    if isinstance(record, CardioSession):
        return record.modality
    if isinstance(record, CheckIn):
        return "check-in"
    return "skip"


def record_line(record: Record) -> str:
    """One line saying what was logged, without the date:
    ``legs 18:00 · 70 min · effort 8 · back squat 5x5@100kg, box jump 4x5``,
    ``bike 07:15 · 25 min · effort 3``, ``soreness 6/10 quite sore · slept 7 h · pain``,
    ``skipped run``."""
    if isinstance(record, LegSession):
        parts = [f"legs {record.start:%H:%M}", f"{record.minutes} min", f"effort {record.effort}"]
        if record.exercises:
            parts.append(", ".join(str(e) for e in record.exercises))
        return " · ".join(parts)
    if isinstance(record, CardioSession):
        head = record.modality + (f" {record.start:%H:%M}" if record.start else "")
        return " · ".join([head, f"{record.minutes} min", f"effort {record.effort}"])
    if isinstance(record, CheckIn):
        parts = [f"soreness {record.soreness}/10 {soreness_words(record.soreness)}"]
        if record.sleep_hours is not None:
            parts.append(f"slept {record.sleep_hours:g} h")
        if record.regions:
            parts.append(", ".join(f"{r} {v}" for r, v in record.regions))
        if record.pain:
            parts.append("pain")
        return " · ".join(parts)
    if isinstance(record, Skip):
        return f"skipped {record.modality}"
    raise TypeError(f"not a logged record: {type(record).__name__}")


def day_text(day: dt.date) -> str:
    """``Mon 16 Nov``: how notifications and undo labels name a day."""
    return f"{day:%a} {day.day} {day:%b}"


def change_label(verb: str, record: Record) -> str:
    """What a change did, for notifications and the undo history: ``logged legs Mon 16 Nov``,
    ``deleted bike Tue 17 Nov``, ``edited check-in Thu 19 Nov``, ``skipped run Fri 20 Nov``."""
    if isinstance(record, Skip) and verb == "logged":
        return f"skipped {record.modality} {day_text(record.date)}"
    return f"{verb} {record_kind(record)} {day_text(record.date)}"


# -- shared by the app and the command line: read once, said the same way -------------------------


def intensity_legend() -> list[tuple[str, str]]:
    """(intensity, what it means) for every intensity the planner plans, from the planner's own effort
    table and the talk test at the top of each range, so a legend cannot contradict the plan:
    ``("easy", "effort 3-4: somewhat strong: you can still talk in full sentences, comfortably")``."""
    from legday.core.plan import INTENSITIES
    from legday.core.rules.base import EFFORT
    from legday.core.talk import talk_words

    return [
        (name, f"effort {effort_range(EFFORT[name])}: {talk_words(EFFORT[name][1])}") for name in INTENSITIES
    ]


MINUTES = (1, 600)  # how long a logged session can be, in minutes


def minutes_value(text: str) -> int:
    """A session's minutes as typed: a whole number, 1 to 600 (InputError says what is accepted)."""
    from legday.core.parse import parse_int

    return parse_int(text, *MINUTES, "minutes")


def modality_name(text: str) -> str:
    """A cardio modality as typed: spaces tidied, lower case; any name is kept (a name legday does
    not know is planned as generic cardio). Empty: InputError naming the known ones."""
    from legday.core.errors import InputError
    from legday.core.model import MODALITIES

    name = " ".join(text.split()).lower()
    if not name:
        raise InputError(f"modality is empty; accepted: {', '.join(MODALITIES)} or any name")
    return name
