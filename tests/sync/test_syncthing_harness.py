"""The Syncthing harness works: two real instances on loopback sync a file, and two machines writing the
same file apart leave a conflict copy that legday recognises. Skipped where Syncthing is not installed
(Debian: ``apt-get install syncthing``; ``.ci/run`` installs it)."""

from __future__ import annotations

import gc
import os
import subprocess

import pytest

from legday.storage.conflicts import SYNCTHING, conflict_copy
from tests.sync.syncthing import SyncthingPair, installed, snapshot

pytestmark = pytest.mark.skipif(
    installed() is None,
    reason="syncthing is not installed (Debian: apt-get install syncthing); the two-machine sync tests need it",
)

MONTH = "log/2027/2027-01.toml"


def gone(pids, root) -> bool:
    """No process with these ids, and none running with a home under ``root``."""
    for pid in pids:
        try:
            os.kill(pid, 0)
            return False
        except ProcessLookupError:
            pass
    ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True, check=False).stdout
    return str(root) not in ps


@pytest.fixture
def pair(tmp_path):
    with SyncthingPair.start(tmp_path) as started:
        pids = [instance.process.pid for instance in started.instances]
        yield started
    assert gone(pids, tmp_path), "a syncthing process outlived its test"


def write(folder, relative, text):
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_a_file_written_on_one_machine_appears_on_the_other(pair):
    write(pair.a.folder, MONTH, 'schema = 1\nlegs = [\n    "2027-01-11 18:00 60min effort 8",\n]\n')
    pair.wait_in_sync()
    assert (pair.b.folder / MONTH).read_text() == (pair.a.folder / MONTH).read_text()
    # and back
    write(pair.b.folder, "profile.toml", 'schema = 1\ngoal = "general"\n')
    pair.wait_in_sync()
    assert (pair.a.folder / "profile.toml").read_text() == 'schema = 1\ngoal = "general"\n'


def test_both_writing_the_same_file_apart_leaves_a_conflict_copy(pair):
    start = 'schema = 1\nlegs = [\n    "2027-01-11 18:00 60min effort 8",\n]\n'
    write(pair.a.folder, MONTH, start)
    pair.wait_in_sync()
    on_a = start.replace("]\n", '    "2027-01-12 18:00 45min effort 7",\n]\n')
    on_b = start + 'cardio = [\n    "2027-01-12 07:00 bike 30min effort 3",\n]\n'
    with pair.apart():
        write(pair.a.folder, MONTH, on_a)
        write(pair.b.folder, MONTH, on_b)
    pair.wait_in_sync()

    files = snapshot(pair.a.folder)
    assert files == snapshot(pair.b.folder)  # the copy is synced to both machines like any file
    copies = [name for name in files if name != MONTH and name.startswith("log/")]
    assert len(copies) == 1, files.keys()
    found = conflict_copy(copies[0])
    assert found is not None and found.tool == SYNCTHING and found.original == MONTH
    # One version kept the name, the other is in the copy: nothing is lost yet, only set aside.
    versions = {files[MONTH].decode(), files[copies[0]].decode()}
    assert versions == {on_a, on_b}
    # The copy is made on the machine whose version lost, and its name carries the short ID of the
    # device that made the version that won (the change it conflicted with), not its own.
    winner = pair.a if files[MONTH].decode() == on_a else pair.b
    assert found.device == winner.short_id


def test_the_same_bytes_written_on_both_make_no_copy(pair):
    """Two machines that write identical bytes (a deterministic merge run on both) do not conflict."""
    write(pair.a.folder, MONTH, "schema = 1\n")
    pair.wait_in_sync()
    merged = 'schema = 1\nskip = [\n    "2027-01-13 run",\n]\n'
    with pair.apart():
        write(pair.a.folder, MONTH, merged)
        write(pair.b.folder, MONTH, merged)
    pair.wait_in_sync()
    assert snapshot(pair.a.folder) == snapshot(pair.b.folder) == {MONTH: merged.encode()}


def test_a_pair_left_open_is_stopped_by_its_finalizer(tmp_path):
    """A test that forgets to close the pair (or dies before it can) leaves no syncthing behind."""
    pair = SyncthingPair(tmp_path)
    pair.launch()
    pids = [instance.process.pid for instance in pair.instances]
    assert not gone(pids, tmp_path)
    del pair
    gc.collect()
    assert gone(pids, tmp_path)
