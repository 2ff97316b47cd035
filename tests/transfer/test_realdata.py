"""Every real export in ``../shared/realdata`` (files people published, byte for byte as the apps wrote
them; see its README), read where it lies, never copied into the project: each imports, or is
refused for its documented reason with one line; importing it twice adds nothing; one undo takes
the import back. Skipped, saying so, when the folder is not there.

``LEGDAY_REALDATA`` may point at the folder when the checkout does not sit beside it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from legday.core.model import CardioSession, LegSession

from .conftest import all_records, snapshot

REALDATA = Path(
    os.environ.get("LEGDAY_REALDATA") or Path(__file__).resolve().parents[2].parent / "shared" / "realdata"
)
pytestmark = pytest.mark.skipif(
    not REALDATA.is_dir(),
    reason=f"no real exports at {REALDATA} (the shared test data is not beside this checkout)",
)

# What each file is, what legday should make of it, and how to import it: (options, refused without
# them because..., a check on what was imported).
FILES: dict[str, tuple[list[str], str | None, str]] = {
    "strong-hipml-lb.csv": ([], None, "lb by evidence"),
    "strong-sinjin-nonotes.csv": ([], None, "lb by evidence"),
    "strong-cmccorkle-workoutnum.csv": (["--skip-bad-rows"], "reps 1000 in one set of", "bad rows listed"),
    "strong-mlahoz-2016.csv": ([], None, "kg columns"),
    "strong-eliah-german.csv": (["--units", "kg"], "does not say whether its weights are kg or lb", "german"),
    "hevy-si2aung.csv": ([], None, "kg"),
    "hevy-dakheera-rpe.csv": ([], None, "rpe"),
    "fitnotes-bilallb-kgs.csv": ([], None, "commas rebuilt"),
    "fit-strength-20474406937.fit": ([], None, "little leg work"),
    "fit-multisport-bike-strength-20744294788.fit": ([], None, "bike then legs"),
    "fit-indoorbike-20747700969.fit": ([], None, "cardio rpe"),
    "fit-run-2013-02-06.fit": ([], None, "cardio"),
    "fit-rowing-20170518.fit": ([], None, "cardio"),
    "fit-swim-event_timestamp.fit": ([], None, "cardio"),
    "fit-bike-edge810.fit": ([], None, "cardio"),
    "fit-triathlon-multiheader.fit": ([], None, "triathlon"),
    "fit-settings-notactivity.fit": ([], "this FIT file is not an activity (it holds settings)", "refused"),
    "fit-weightscale.fit": ([], "this FIT file is not an activity (it holds weight)", "refused"),
    "fit-truncated-eof.fit": ([], "cannot read this FIT file", "refused"),
}


def present() -> list[str]:
    if not REALDATA.is_dir():
        return sorted(FILES)
    return sorted(p.name for p in REALDATA.iterdir() if p.suffix in (".csv", ".fit", ".json"))


def test_every_file_there_is_described_here():
    """A file added to the shared folder needs its line above (what it is, what legday does)."""
    assert set(present()) <= set(FILES), sorted(set(present()) - set(FILES))


def _added(out: str) -> int:
    match = re.search(r": ([\d,]+) (?:sessions?|records?) added", out)
    assert match, out
    return int(match[1].replace(",", ""))


def _check(what: str, out: str, records: list) -> None:
    legs = [r for r in records if isinstance(r, LegSession)]
    cardio = [r for r in records if isinstance(r, CardioSession)]
    units = {e.unit for s in legs for e in s.exercises if e.load is not None}
    if what == "lb by evidence":
        assert "weights in lb (the file does not say; " in out and units == {"lb"}
        assert "timer" in out  # each has workouts whose timer ran for a day or more
    elif what == "kg columns":
        assert "weights in kg as the file says" in out and units == {"kg"} and legs
    elif what == "bad rows listed":
        assert "6 bad rows left out" in out
        assert len(re.findall(r"^  left out: strong-cmccorkle-workoutnum\.csv:\d+: ", out, re.M)) == 6
        assert units == {"kg"}
    elif what == "german":
        assert len(legs) == 2 and "weights in kg (--units)" in out
    elif what == "commas rebuilt":
        assert "bad row" not in out and legs
    elif what == "little leg work":
        assert "1 left out (1 little leg work)" in out and records == []
    elif what == "bike then legs":
        assert [type(r) for r in sorted(records, key=lambda r: r.start)] == [CardioSession, LegSession]
        [session] = legs
        assert session.minutes == 64 and session.effort == 4  # the watch's RPE (40), not heart rate
        assert {e.name for e in session.exercises} >= {"barbell deadlift"}
    elif what == "cardio rpe":
        [session] = cardio
        assert session.modality == "bike" and session.minutes == 30 and session.effort == 2
    elif what == "cardio":
        assert len(cardio) == 1 and not legs
    elif what == "triathlon":
        assert [c.modality for c in sorted(cardio, key=lambda r: r.start)] == ["swim", "bike", "run"]
    elif what in ("kg", "rpe"):
        assert legs and units == {"kg"}
    else:  # pragma: no cover - every name above is handled
        raise AssertionError(what)


@pytest.mark.parametrize("name", present())
def test_a_real_export_imports_once_and_undoes_in_one_step(cli, data_dir, capsys, name):
    path = REALDATA / name
    options, refused, what = FILES.get(name, ([], None, ""))
    if refused is not None:
        assert cli("import", str(path)) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and refused in err, err
        assert snapshot(data_dir / "log") == {}
        if not options:
            return
    assert cli("import", str(path), *options) == 0
    out = capsys.readouterr().out
    records = all_records(data_dir)
    assert _added(out) == len(records)
    _check(what, out, records)
    files = snapshot(data_dir / "log")
    assert cli("import", str(path), *options) == 0
    again = capsys.readouterr().out
    assert _added(again) == 0 and f", {len(records):,} already there" in again
    assert snapshot(data_dir / "log") == files
    if records:
        assert cli("undo") == 0
        assert capsys.readouterr().out.startswith(f"undid: imported {name}")
        assert all_records(data_dir) == []
