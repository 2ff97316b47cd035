"""Two machines' copies of one data folder, and a sync tool played by hand between them.

    pair = TwoMachines(tmp_path)          # machines a and b, each its own folder, synced
    pair.a_store().add_cardio(...)        # each logs while apart
    pair.b_store().add_legs(...)
    copies = pair.sync(winner="a")        # like a sync tool: the winner's version keeps the name

``sync`` compares each folder with the state both had at the last sync: a file changed on one side
goes to the other (a deletion too); a file changed on both keeps the winner's version under its name,
and the loser's becomes a conflict copy named by ``scheme`` (on both machines, as Syncthing and Dropbox
do, or only on the loser's, as Nextcloud does); a change beats a deletion. Files arrive the way sync
tools write them: a temp file renamed into place. legday's lock and pending files are left out, as the
README's ignore patterns say. (tests/sync does the same with two real Syncthing instances.)
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from legday.storage import Store
from legday.storage.conflicts import conflict_copy

STAMP = ("20270112", "101010")


def copy_name(rel: str, scheme: str) -> str:
    """The name ``scheme``'s tool gives a conflict copy of ``rel`` (a path with / separators)."""
    folder, _, name = rel.rpartition("/")
    stem, dot, ext = name.rpartition(".")
    ext = dot + ext
    day, time = STAMP
    date = f"{day[:4]}-{day[4:6]}-{day[6:]}"
    named = {
        "syncthing": f"{stem}.sync-conflict-{day}-{time}-ABCDEFG{ext}",
        "dropbox": f"{stem} (Jo's conflicted copy {date}){ext}",
        "dropbox-de": f"{stem} (In Konflikt stehende Kopie von Jo {date}){ext}",
        "nextcloud": f"{stem} (conflicted copy {date} {time}){ext}",
        "owncloud": f"{stem}_conflict-{day}-{time}{ext}",
    }[scheme]
    return f"{folder}/{named}" if folder else named


def files(folder: Path) -> dict[str, bytes]:
    """Every file a sync tool would carry (not the lock, pending files or temp files)."""
    out = {}
    for path in folder.rglob("*"):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and not _ignored(path.name):
            out[rel] = path.read_bytes()
    return out


def _ignored(name: str) -> bool:
    return name == ".lock" or name.startswith("pending-") or name.endswith(".tmp")


def put(folder: Path, rel: str, data: bytes | None) -> None:
    """Write (or delete) a file as a sync tool does: a temp file, renamed over it."""
    path = folder / rel
    if data is None:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".syncing.{path.name}.tmp")
    temp.write_bytes(data)
    os.replace(temp, path)


class TwoMachines:
    def __init__(self, root: Path, start: Path | None = None):
        self.a, self.b = root / "a", root / "b"
        if start is not None:
            shutil.copytree(start, self.a)
        self.a.mkdir(parents=True, exist_ok=True)
        self.b.mkdir(parents=True, exist_ok=True)
        self.last: dict[str, bytes] = {}
        self.sync()

    def a_store(self) -> Store:
        return Store(self.a, machine="aaaa1111")

    def b_store(self) -> Store:
        return Store(self.b, machine="bbbb2222")

    def sync(self, winner: str = "a", scheme: str = "syncthing", copy_on: str = "both") -> list[str]:
        """Bring both folders together; returns the conflict copies made (relative paths).
        ``copy_on="loser"``: the copy is made on the losing machine only and never carried (as
        Nextcloud does by default)."""
        carry = copy_on == "both"
        a, b = self._files(self.a, carry), self._files(self.b, carry)
        made = []
        for rel in sorted(set(a) | set(b) | set(self.last)):
            va, vb, was = a.get(rel), b.get(rel), self.last.get(rel)
            if va == vb:
                continue
            if vb == was:
                put(self.b, rel, va)
            elif va == was:
                put(self.a, rel, vb)
            elif va is None or vb is None:  # a change beats a deletion
                put(self.a, rel, va or vb)
                put(self.b, rel, va or vb)
            else:
                won, lost = (va, vb) if winner == "a" else (vb, va)
                copy = copy_name(rel, scheme)
                put(self.a, rel, won)
                put(self.b, rel, won)
                loser = self.b if winner == "a" else self.a
                for folder in (self.a, self.b) if copy_on == "both" else (loser,):
                    put(folder, copy, lost)
                made.append(copy)
        self.last = self._files(self.a, carry)
        return made

    @staticmethod
    def _files(folder: Path, carry: bool) -> dict[str, bytes]:
        found = files(folder)
        return found if carry else {k: v for k, v in found.items() if conflict_copy(k) is None}
