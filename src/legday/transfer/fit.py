"""FIT activity files (Garmin and other watches), through the MIT-licensed ``fitdecode`` (extra
``legday[fit]``, imported only here and only when a FIT file is read).

- Strength activities: the ``set`` messages (active sets only; reps, weight in kg, the exercise
  category such as squat or lunge) become a leg session when any set is leg work.
- Other activities become cardio: the sport (running -> run, cycling -> bike...), the start, the
  moving time (``total_timer_time``), and the effort from the recorded RPE (``workout_rpe``) or,
  without one, from the average heart rate.
"""

from __future__ import annotations

import datetime as dt
import io

from legday.core.errors import InputError
from legday.transfer.errors import FileFormatError
from legday.transfer.workouts import Parsed, SetRow, Workout, to_records

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


def _name(value) -> str:
    if isinstance(value, (tuple, list)):
        value = next((v for v in value if v is not None), None)
    if value is None or isinstance(value, int):
        return "strength exercise"
    return _CATEGORY_NAMES.get(str(value), str(value).replace("_", " "))


def _modality(sport, sub_sport) -> str:
    if isinstance(sub_sport, str) and sub_sport in _SUB_SPORTS:
        return _SUB_SPORTS[sub_sport]
    if isinstance(sport, str):
        return _SPORTS.get(sport, sport.replace("_", " "))
    return "cardio"


def _effort(session) -> tuple[int | None, str]:
    rpe = session.get("workout_rpe")
    if isinstance(rpe, (int, float)) and rpe > 0:
        # Recorded as 10 x RPE by newer devices (0-100); plain 0-10 by others.
        value = rpe / 10 if rpe > 10 else rpe
        return max(0, min(10, round(value))), "rpe"
    hr = session.get("avg_heart_rate")
    if isinstance(hr, (int, float)) and hr > 0:
        return effort_from_heart_rate(hr, session.get("max_heart_rate")), "heart rate"
    return None, ""


def _messages(data: bytes, name: str):
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
                if isinstance(frame, fitdecode.FitDataMessage) and frame.name in (
                    "file_id",
                    "session",
                    "set",
                    "activity",
                ):
                    found.setdefault(frame.name, []).append(
                        {f.name: f.value for f in frame.fields if f.value is not None}
                    )
    except fitdecode.FitError as err:
        raise FileFormatError(
            name,
            None,
            f"cannot read this FIT file ({' '.join(str(err).split())}; "
            "a truncated or damaged file?); accepted: an activity file as the "
            "watch or its app exported it",
        ) from None
    return found


def parse(data: bytes, name: str, units: str, leg_time: dt.time) -> Parsed:
    found = _messages(data, name)
    kinds = {m.get("type") for m in found.get("file_id", [])}
    if "activity" not in kinds:
        raise FileFormatError(
            name,
            None,
            "this FIT file is not an activity (it holds "
            f"{', '.join(str(k) for k in kinds) or 'no file type'}); accepted: an "
            "activity file",
        )
    # Watches record UTC; the activity message's local_timestamp gives the offset to local time.
    offset = None
    for activity in found.get("activity", []):
        stamp, local = activity.get("timestamp"), activity.get("local_timestamp")
        if isinstance(stamp, dt.datetime) and isinstance(local, dt.datetime):
            offset = local.replace(tzinfo=None) - stamp.replace(tzinfo=None)

    def local(moment: dt.datetime) -> dt.datetime:
        if offset is not None:
            return moment.replace(tzinfo=None) + offset
        return moment.astimezone().replace(tzinfo=None)

    parsed = Parsed("fit")
    workouts = []
    sessions = found.get("session", [])
    if not sessions:
        raise FileFormatError(
            name,
            None,
            "this FIT file has no session (an activity still being recorded?); accepted: a finished activity",
        )
    for session in sessions:
        start = session.get("start_time")
        if not isinstance(start, dt.datetime):
            raise FileFormatError(
                name, None, "a session without a start time; accepted: an activity as the watch recorded it"
            )
        begin = local(start)
        seconds = session.get("total_timer_time") or session.get("total_elapsed_time") or 0
        effort, how = _effort(session)
        strength = session.get("sub_sport") == "strength_training" or (
            session.get("sport") == "training" and found.get("set")
        )
        workout = Workout(
            0,
            begin.date(),
            begin.time().replace(second=0, microsecond=0),
            seconds / 60 if seconds else None,
            effort=effort,
            effort_from=how,
        )
        if strength:
            for s in found.get("set", []):
                if s.get("set_type") != "active":
                    continue
                reps = s.get("repetitions")
                weight = s.get("weight")
                category = _name(s.get("category"))
                workout.sets.append(
                    SetRow(
                        line=0,
                        exercise=category,
                        reps=int(reps) if reps else None,
                        load=round(float(weight), 1) if weight else None,
                        unit="kg",
                        seconds=s.get("duration"),
                        warmup=category == "warm up",
                    )
                )
        else:
            modality = _modality(session.get("sport"), session.get("sub_sport"))
            workout.sets.append(SetRow(line=0, exercise=modality, seconds=seconds, category="cardio"))
        workouts.append(workout)
    try:
        to_records(workouts, parsed, name, leg_time)
    except FileFormatError as err:
        raise FileFormatError(name, None, err.message) from None
    return parsed
