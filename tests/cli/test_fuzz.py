"""Every command's arguments, fuzzed (hypothesis), in-process: whatever the argv, legday ends with exit
0, 1 or 2 and never a traceback; a bad input (exit 2) is exactly one ``legday: error:`` line and leaves
the data folder as it was; nothing printed carries a terminal control code.

The arguments are built from each command's own parser (its options, in any order and number) and
values that have broken legday before or could: extreme dates, digits that are not ASCII, control
and bidi characters, bytes that are not UTF-8, very long strings, ids of records that exist. Each case
runs under a timer (a hang fails the case instead of the suite). The data folder is shared by a
command's cases, so later cases meet what earlier ones logged.

``legday serve`` is run up to the point where it would start serving: ``web.serve`` is replaced by a
recorder here (the server itself has its own tests in tests/web). No name is looked up on the network:
the resolver answers only numeric addresses and localhost.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from legday.cli import run
from legday.cli.args import COMMANDS, command_parser

from .conftest import NOW, snapshot

CASE_LIMIT = 60  # seconds: a hang, not a slow case (no case comes near it)

EXTREME = [
    "9999-12-31",
    "0001-01-01",
    "1899-12-31",
    "2200-01-01",
    "2026-02-29",
    "2026-W47-4",
    "20261119",
    "2026-11-19T10:00",
    "2026-11-19",
    "2026-11-16",
]
NUMBERS = [
    "0",
    "1",
    "10",
    "600",
    "601",
    "-1",
    "+5",
    "1_0",
    "１０",
    "١٠",
    "٣",
    "1e3",
    "nan",
    "inf",
    "7,5",
    ".5",
    "9" * 5000,
]
NAMES = [
    "back squat 5x5@100kg",
    "squat 5x5@2001kg",
    "box jump 4x5",
    "run",
    "bike",
    "\x1b]0;pwned\x07 5x5",
    "run\x1b[2J",
    "\u202eevil",
    "walk\u2028",
    "x" * 300,
    "lunge 3x10@20lb",
    "squat 0x5",
    "squat ５x5",
]
HOSTILE = [
    "",
    " ",
    "-",
    "none",
    "all",
    "mon,thu",
    "kg",
    "lb",
    "strength",
    "beginner",
    "ics",
    "json",
    "csv",
    "08:00",
    "25:00",
    "\udcff\udcfe",
    "\x00",
    "--",
    "-x",
    "a" * 300,
    "127.0.0.1",
    "::1",
    "0.0.0.0",
    "::::",
    "out.ics",
    "out.json",
]
# Text without path separators or a home folder: every path a case names lands in its own folder.
FREE_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="/\\~", exclude_categories=("Cs",)), max_size=20
)


def options(name: str) -> tuple[list[str], list[str], int]:
    """(options taking a value, flags, positionals) of a command, from its parser. Help is left
    out: it prints and exits 0 whatever else is given, which would hide the rest of the case."""
    valued, flags, positionals = [], [], 0
    for action in command_parser(name)._actions:
        if not action.option_strings:
            positionals += 1
        elif "--help" in action.option_strings:
            continue
        elif action.nargs == 0:
            flags += action.option_strings
        elif "--data-dir" not in action.option_strings:
            valued += action.option_strings
    return valued, flags, positionals


# What an option is most likely to be fed, besides anything at all.
LIKELY = {
    ("--date", "--from", "--to", "--event-date"): EXTREME,
    ("--effort", "--minutes", "--sleep", "--soreness", "--weeks", "--port", "--max-tabs"): NUMBERS,
    ("--exercise", "--modality", "--modalities", "--calendar-file", "--theme"): NAMES + HOSTILE,
    ("--host",): HOSTILE,
}


def _likely(option: str) -> list[str]:
    return next((values for names, values in LIKELY.items() if option in names), HOSTILE)


# What a command's positional arguments are most likely to be fed ("ids" for the record ids).
POSITIONAL = {
    "legs": NAMES,
    "cardio": NAMES,
    "sore": NUMBERS,
    "edit": ["ids"],
    "delete": ["ids"],
    "import": HOSTILE,
    "export": ["ics", "json", "csv", "ICS", " json ", "pdf"],
}


def argv_for(name: str, ids: list[str]):
    """Mostly a command line of the right shape (its positionals, then options with values), so that
    the values get to be read; now and then a stray value or option, so that parsing is tried too."""
    valued, flags, positionals = options(name)
    anything = st.one_of(
        *(st.sampled_from(group) for group in (EXTREME, NUMBERS, NAMES, HOSTILE, ids)), FREE_TEXT
    )
    likely = POSITIONAL.get(name, HOSTILE)
    positional = st.one_of(st.sampled_from(ids if likely == ["ids"] else likely), anything)
    option_and_value = (
        st.sampled_from(valued).flatmap(
            lambda o: st.tuples(st.just(o), st.one_of(st.sampled_from(_likely(o)), anything)).map(list)
        )
        if valued
        else st.nothing()
    )
    flag = st.sampled_from(flags).map(lambda f: [f]) if flags else st.nothing()
    stray = st.one_of(
        anything.map(lambda v: [v]),
        st.sampled_from([*valued, *flags, "--unknown", "--data-dir"]).map(lambda f: [f]),
    )
    piece = st.one_of(option_and_value, option_and_value, option_and_value, flag, stray)
    return st.tuples(
        st.one_of(
            st.lists(positional, min_size=positionals, max_size=positionals),
            st.lists(positional, max_size=positionals + 1),
        ),
        st.lists(piece, max_size=5),
    ).map(lambda parts: [name, *parts[0], *(a for p in parts[1] for a in p)])


@contextlib.contextmanager
def time_limit(seconds: float):
    def hung(signum, frame):
        raise TimeoutError(f"the case ran over {seconds} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# Controls but tab, line feed and carriage return (the calendar's lines end in CR LF), and bidi.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# Arguments that ended in a traceback, hung or spanned lines before (issue 16), tried in every run
# before the random ones. "ID" is replaced by the id of a logged record.
KNOWN = {
    "plan": [["--date", "9999-12-31"], ["--date", "0001-01-01"], ["--date", "2026-W47-4"]],
    "trends": [["--date", "9999-12-31"], ["--date", "0001-01-01", "--weeks", "52"]],
    "log": [["--to", "0001-01-05"], ["--from", "9999-12-31"]],
    "export": [["ics", "--date", "9999-12-28"], ["ics", "--date", "0001-01-01"], ["ics", "--weeks", "1_0"]],
    "profile": [["--event-date", "9999-12-31"], ["--leg-time", "１２:００"]],
    "serve": [["--host", "a" * 300], ["--host", "a" * 250], ["--host", "-"], ["--port", "99999"]],
    "sore": [["1_0"], ["１０"], ["١٠"], ["5", "--sleep", "1e1"]],
    "legs": [
        ["squat ５x5", "--effort", "8", "--minutes", "60"],
        ["\x1b]0;pwned\x07 5x5", "--effort", "8", "--minutes", "60"],
    ],
    "cardio": [
        ["run\x1b[2J", "--minutes", "10", "--effort", "3"],
        ["\u202erun", "--minutes", "1_0", "--effort", "3"],
    ],
    "edit": [["ID", "--date", "9999-12-31"], ["ID", "--minutes", "１０"], ["ID", "--modality", "\x1b[31m"]],
    "delete": [["\udcff"], ["ID\x00"]],
}


@pytest.fixture
def lived_in(tmp_path, monkeypatch, capsys):
    """A data folder with a profile and a week of logs, its folder the working directory; the ids
    of its records; ``legday serve`` recorded instead of served; names resolved offline only."""
    from legday import web

    data = tmp_path / "data"
    monkeypatch.chdir(tmp_path)
    served: list[tuple] = []
    monkeypatch.setattr(web, "serve", lambda *args: served.append(args) or 0)
    real = socket.getaddrinfo

    def offline(host, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name == "localhost" or re.fullmatch(r"[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*", name or "x"):
            return real(host, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known (the test is offline)")

    monkeypatch.setattr(socket, "getaddrinfo", offline)
    base = ["--data-dir", str(data)]
    assert run([*base, "profile", "--goal", "strength", "--leg-days", "mon,thu"], now=NOW) == 0
    assert run([*base, "legs", "back squat 5x5@100kg", "--effort", "8", "--minutes", "60"], now=NOW) == 0
    assert (
        run([*base, "cardio", "run", "--minutes", "30", "--effort", "3", "--date", "2026-11-17"], now=NOW)
        == 0
    )
    assert run([*base, "sore", "4", "--date", "2026-11-18"], now=NOW) == 0
    capsys.readouterr()
    assert run([*base, "log"], now=NOW) == 0
    ids = re.findall(r"^([0-9a-f]{8}) ", capsys.readouterr().out, re.M)
    assert len(ids) == 3
    return data, ids


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_any_arguments_end_in_0_1_or_2_and_bad_input_is_one_line(name, lived_in, capsys):
    data, ids = lived_in

    @settings(
        max_examples=int(os.environ.get("LEGDAY_FUZZ_EXAMPLES", "30")),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(argv=argv_for(name, ids))
    def case(argv):
        before = snapshot(data)
        with time_limit(CASE_LIMIT):
            code = run(["--data-dir", str(data), *argv], now=NOW)
        out, err = capsys.readouterr()
        assert code in (0, 1, 2), (argv, code, err)
        assert "Traceback" not in err + out, (argv, err)
        assert not CONTROL.search(out + err), (argv, out[-300:], err)
        if code == 2:
            lines = err.splitlines()
            assert len(lines) == 1 and lines[0].startswith("legday: error: "), (argv, err)
            assert snapshot(data) == before, argv  # a refused command wrote nothing

    for known in KNOWN.get(name, []):
        case = example(argv=[name, *(a.replace("ID", ids[0]) for a in known)])(case)
    case()


def test_the_fuzzer_reaches_every_option():
    """The strategy is built from the parsers: a command with options gets them all offered."""
    valued, flags, _ = options("edit")
    assert {"--date", "--time", "--minutes", "--effort", "--exercise", "--soreness", "--sleep"} <= set(valued)
    assert {"--pain", "--no-pain"} <= set(flags) and "--help" not in flags
    assert "--max-tabs" in options("serve")[0]
