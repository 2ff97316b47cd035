"""FIT activity files (Garmin and other watches), through the MIT-licensed ``fitdecode`` (extra
``legday[fit]``, imported only here and only when a FIT file is read).

- Strength sessions: the ``set`` messages of the session (active sets only; reps, weight in kg) and
  each set's exercise: the watch records a list of candidate categories (numbers, often a tuple such
  as ``(28, 17, 65534)``) with subtypes; the first category it could name is used, turned into a name
  through the FIT profile (28 -> ``squat``, with subtype 0 of ``deadlift`` -> ``barbell deadlift``).
  Categories of leg work (squat, lunge, deadlift, calf raise, leg curl, hip raise, Olympic lifts,
  plyometrics, sled...) are leg sets; the workout is then judged like any other (``workouts``: leg
  work a third of the named sets). A set the watch could not name is not counted either way, and a
  session is "upper body only" only when every set was named and none is leg work.
- A strength session's effort is its recorded RPE (``workout_rpe``), else legday's estimate: heart
  rate says little about lifting.
- Other sessions become cardio: the sport (running -> run, cycling -> bike...), the start, the
  moving time (``total_timer_time``), and the effort from the recorded RPE or, without one, from the
  average heart rate. A multisport file gives one session per sport; its transitions (T1, T2) are
  not sessions. Sports that are not exercise (driving, flying, fishing...) are left out.
"""

from __future__ import annotations

import datetime as dt
import io

from legday.core.errors import InputError
from legday.transfer.errors import FileFormatError
from legday.transfer.reading import Cancelled, Reading
from legday.transfer.workouts import SetRow, Workout, check_set

NEEDS_EXTRA = "reading FIT files needs the fit extra; accepted: pip install 'legday[fit]', then import again"

# FIT exercise categories whose name alone would not tell legday they are leg work.
_CATEGORY_NAMES = {
    "hip_raise": "glute bridge",
    "olympic_lift": "power clean",
    "plyo": "box jump",
    "hip_swing": "kettlebell swing",
    "sled": "sled push",
}

_SPORTS = {
    "running": "run",
    "cycling": "bike",
    "e_biking": "bike",
    "swimming": "swim",
    "walking": "walk",
    "rowing": "row",
    "hiking": "hike",
    "cross_country_skiing": "ski",
    "jump_rope": "jump rope",
}
_SUB_SPORTS = {
    "treadmill": "run",
    "indoor_cycling": "bike",
    "spin": "bike",
    "indoor_rowing": "row",
    "elliptical": "elliptical",
    "stair_climbing": "stairs",
    "yoga": "yoga",
    "pilates": "pilates",
    "indoor_walking": "walk",
}
# legday's heart-rate bands where no RPE was recorded: share of a maximum heart rate (190 bpm, or
# the file's own maximum if higher) -> effort 0-10.
_HR_BANDS = ((0.60, 2), (0.70, 3), (0.78, 4), (0.85, 6), (0.92, 7))
ASSUMED_MAX_HR = 190


def effort_from_heart_rate(average: float, maximum: float | None) -> int:
    top = max(ASSUMED_MAX_HR, maximum or 0)
    share = average / top
    for limit, effort in _HR_BANDS:
        if share < limit:
            return effort
    return 8


# Exercise categories (FIT profile names) that are leg work.
LEG_CATEGORIES = frozenset(
    {
        "calf_raise",
        "deadlift",
        "hip_raise",
        "hip_stability",
        "hip_swing",
        "leg_curl",
        "lunge",
        "olympic_lift",
        "plyo",
        "squat",
        "sled",
    }
)
UNKNOWN_CATEGORY = 65534
NOT_EXERCISE = frozenset(
    {
        "flying",
        "motorcycling",
        "boating",
        "driving",
        "sky_diving",
        "hunting",
        "fishing",
        "meditation",
        "snowmobiling",
        "jumpmaster",
        "hang_gliding",
    }
)


def _listed(value) -> list:
    return list(value) if isinstance(value, (tuple, list)) else [value]


def exercise(category, subtype) -> tuple[str, bool | None, str]:
    """(name, leg work?, category) of a set from its category and subtype fields, as fitdecode
    gives them (a name, a number, or a tuple of either); ("", None, "") when the watch could not
    name it."""
    from fitdecode.profile import FIELD_TYPES

    categories, subtypes = _listed(category), _listed(subtype)
    enum = FIELD_TYPES["exercise_category"].enum
    for i, value in enumerate(categories):
        if isinstance(value, int) and not isinstance(value, bool):
            value = enum.get(value)
        if not isinstance(value, str) or value == "unknown":
            continue
        sub = subtypes[i] if i < len(subtypes) else None
        names = FIELD_TYPES.get(f"{value}_exercise_name")
        named = names.enum.get(sub) if names is not None and isinstance(sub, int) else None
        if isinstance(named, str):
            name = named.replace("_", " ")
        else:
            name = _CATEGORY_NAMES.get(value, value.replace("_", " "))
        return name, value in LEG_CATEGORIES, value
    return "", None, ""


def _modality(sport, sub_sport) -> str:
    if isinstance(sub_sport, str) and sub_sport in _SUB_SPORTS:
        return _SUB_SPORTS[sub_sport]
    if isinstance(sport, str):
        return _SPORTS.get(sport, sport.replace("_", " "))
    return "cardio"


def _effort(session, strength: bool) -> tuple[int | None, str]:
    rpe = session.get("workout_rpe")
    if isinstance(rpe, (int, float)) and 0 < rpe <= 100:
        # Recorded as 10 x RPE by newer devices (0-100); plain 0-10 by others.
        value = rpe / 10 if rpe > 10 else rpe
        return max(0, min(10, round(value))), "rpe"
    if strength:
        return None, ""  # legday's estimate, not heart rate
    hr = session.get("avg_heart_rate")
    if isinstance(hr, (int, float)) and 0 < hr < 300:
        top = session.get("max_heart_rate")
        return effort_from_heart_rate(hr, top if isinstance(top, (int, float)) else None), "heart rate"
    return None, ""


_WANTED = ("file_id", "session", "set", "activity")


def _messages(data: bytes, reading: Reading) -> dict[str, list[dict]]:
    try:
        import fitdecode
    except ImportError:
        raise InputError(NEEDS_EXTRA) from None
    found: dict[str, list[dict]] = {}
    try:
        with fitdecode.FitReader(
            io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE, error_handling=fitdecode.ErrorHandling.RAISE
        ) as reader:
            for frame in reader:
                if not isinstance(frame, fitdecode.FitDataMessage):
                    continue
                reading.tick()
                if frame.name in _WANTED:
                    found.setdefault(frame.name, []).append(
                        {f.name: f.value for f in frame.fields if f.value is not None}
                    )
    except (Cancelled, FileFormatError):
        raise
    except Exception as err:  # a decoder fed damaged bytes fails in many ways; each is one line
        detail = " ".join(str(err).split())[:120] or type(err).__name__
        raise FileFormatError(
            reading.name,
            None,
            f"cannot read this FIT file ({detail}; a truncated or damaged file?); accepted: an "
            "activity file as the watch or its app exported it",
        ) from None
    return found


def _moment(value) -> dt.datetime | None:
    return value if isinstance(value, dt.datetime) else None


def read(data: bytes, reading: Reading) -> list[Workout]:
    name = reading.name
    found = _messages(data, reading)
    kinds = {m.get("type") for m in found.get("file_id", [])}
    if "activity" not in kinds:
        held = ", ".join(sorted(str(k) for k in kinds)) or "no file type"
        raise FileFormatError(
            name, None, f"this FIT file is not an activity (it holds {held[:60]}); accepted: an activity file"
        )
    # Watches record UTC; the activity message's local_timestamp gives the offset to local time.
    offset = None
    for activity in found.get("activity", []):
        stamp, local_stamp = _moment(activity.get("timestamp")), _moment(activity.get("local_timestamp"))
        if stamp is not None and local_stamp is not None:
            offset = local_stamp.replace(tzinfo=None) - stamp.replace(tzinfo=None)
            if abs(offset) > dt.timedelta(hours=15):
                offset = None  # not a time zone: a clock that was never set

    def local(moment: dt.datetime) -> dt.datetime:
        if offset is not None:
            return moment.replace(tzinfo=None) + offset
        return moment.astimezone().replace(tzinfo=None)

    sessions = found.get("session", [])
    if not sessions:
        raise FileFormatError(
            name,
            None,
            "this FIT file has no session (an activity still being recorded?); accepted: a finished activity",
        )
    sets = found.get("set", [])
    workouts: list[Workout] = []
    for session in sessions:
        start = _moment(session.get("start_time"))
        if start is None:
            raise FileFormatError(
                name, None, "a session without a start time; accepted: an activity as the watch recorded it"
            )
        sport, sub_sport = session.get("sport"), session.get("sub_sport")
        if sport == "transition" or sub_sport == "transition":
            continue  # T1, T2 of a multisport race: the time between two sports, not a session
        try:
            begin = local(start)
        except (OverflowError, ValueError):
            raise FileFormatError(
                name, None, "a session starts at an impossible time; accepted: a real activity"
            ) from None
        seconds = session.get("total_timer_time") or session.get("total_elapsed_time") or 0
        if not isinstance(seconds, (int, float)) or not 0 <= seconds < 10**7:
            seconds = 0
        elapsed = session.get("total_elapsed_time")
        end = start + dt.timedelta(
            seconds=(elapsed if isinstance(elapsed, (int, float)) and 0 <= elapsed < 10**7 else seconds) + 60
        )
        mine = [s for s in sets if _within(s, start, end)] if len(sessions) > 1 else sets
        strength = sub_sport == "strength_training" or (sport == "training" and bool(mine))
        effort, how = _effort(session, strength)
        workout = Workout(
            0,
            begin.date(),
            begin.time().replace(second=0, microsecond=0),
            seconds / 60 if seconds else None,
            effort=effort,
            effort_from=how,
            strength=strength,
        )
        if strength:
            _strength_sets(workout, mine, reading)
        elif isinstance(sport, str) and sport in NOT_EXERCISE:
            workout.left_out = f"not exercise ({sport.replace('_', ' ')})"
        else:
            modality = _modality(sport, sub_sport)
            workout.sets.append(SetRow(line=0, exercise=modality, seconds=seconds, category="cardio"))
        workouts.append(workout)
    return workouts


def _within(s: dict, start: dt.datetime, end: dt.datetime) -> bool:
    moment = _moment(s.get("start_time")) or _moment(s.get("timestamp"))
    return moment is None or start <= moment <= end


def _strength_sets(workout: Workout, sets: list[dict], reading: Reading) -> None:
    for number, s in enumerate(sets, start=1):
        if s.get("set_type") != "active":
            continue
        reps, weight = s.get("repetitions"), s.get("weight")
        name, leg, category = exercise(s.get("category"), s.get("category_subtype"))
        duration = s.get("duration")
        row = SetRow(
            line=0,
            exercise=name or "strength exercise",
            reps=int(reps) if isinstance(reps, (int, float)) and reps > 0 else None,
            load=round(float(weight), 1) if isinstance(weight, (int, float)) and weight > 0 else None,
            unit="kg",
            seconds=duration if isinstance(duration, (int, float)) and duration >= 0 else None,
            warmup=category == "warm_up",
            known=bool(name),
            leg=leg,
        )
        try:
            check_set(row, reading.name)
        except FileFormatError as err:
            reading.bad_row(None, f"set {number}: {err.message}")
            continue
        workout.sets.append(row)
