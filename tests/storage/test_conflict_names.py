"""Conflict-copy names: each sync tool's scheme, for each of legday's files, and names that look like
copies but are not (those must be left alone: a wrong match would merge a stranger's file)."""

from __future__ import annotations

import unicodedata
from pathlib import PurePosixPath, PureWindowsPath

import pytest

from legday.storage.conflicts import (
    DROPBOX,
    NEXTCLOUD,
    OWNCLOUD,
    SYNCTHING,
    ConflictCopy,
    conflict_copies,
    conflict_copy,
    legday_file,
)

MONTH = "log/2027/2027-01.toml"

# (copy, original, tool, stamp, device)
COPIES = [
    # Syncthing: NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.EXT, the marker before the last extension.
    (
        "log/2027/2027-01.sync-conflict-20270112-101010-ABCDEFG.toml",
        MONTH,
        SYNCTHING,
        "2027-01-12 10:10:10",
        "ABCDEFG",
    ),
    (
        "profile.sync-conflict-20261231-235959-Q2W3E4R.toml",
        "profile.toml",
        SYNCTHING,
        "2026-12-31 23:59:59",
        "Q2W3E4R",
    ),
    (
        "config/settings.sync-conflict-20270101-000000-ZZZZZZZ.toml",
        "config/settings.toml",
        SYNCTHING,
        "2027-01-01 00:00:00",
        "ZZZZZZZ",
    ),
    (
        "settings.sync-conflict-20270101-000000-ZZZZZZZ.toml",
        "settings.toml",
        SYNCTHING,
        "2027-01-01 00:00:00",
        "ZZZZZZZ",
    ),
    (
        "undo/000042.sync-conflict-20270112-101010-ABCDEFG.toml",
        "undo/000042.toml",
        SYNCTHING,
        "2027-01-12 10:10:10",
        "ABCDEFG",
    ),
    (
        "undo/pending.sync-conflict-20270112-101010-ABCDEFG.toml",
        "undo/pending.toml",
        SYNCTHING,
        "2027-01-12 10:10:10",
        "ABCDEFG",
    ),
    # Step files named per device (a name the undo history may come to use) are found too.
    (
        "undo/laptop/000007.sync-conflict-20270112-101010-ABCDEFG.toml",
        "undo/laptop/000007.toml",
        SYNCTHING,
        "2027-01-12 10:10:10",
        "ABCDEFG",
    ),
    # Syncthing before the device part was added to the name.
    ("log/2027/2027-01.sync-conflict-20270112-101010.toml", MONTH, SYNCTHING, "2027-01-12 10:10:10", None),
    # Dropbox: NAME (WHO's conflicted copy YYYY-MM-DD).EXT; WHO is a person or a computer.
    ("log/2027/2027-01 (Jo's conflicted copy 2027-01-12).toml", MONTH, DROPBOX, "2027-01-12", "Jo"),
    (
        "log/2027/2027-01 (Greg's MacBook Air's conflicted copy 2027-01-12).toml",
        MONTH,
        DROPBOX,
        "2027-01-12",
        "Greg's MacBook Air",
    ),
    ("profile (James' conflicted copy 2027-01-12).toml", "profile.toml", DROPBOX, "2027-01-12", "James"),
    ("profile (Jo’s conflicted copy 2027-01-12).toml", "profile.toml", DROPBOX, "2027-01-12", "Jo"),
    (
        "profile (DESKTOP-X's Conflicted Copy 2027-01-12).toml",
        "profile.toml",
        DROPBOX,
        "2027-01-12",
        "DESKTOP-X",
    ),
    # Maestral (a Dropbox client): no owner, and a number when the name is taken.
    ("profile (conflicted copy 2027-01-12).toml", "profile.toml", DROPBOX, "2027-01-12", None),
    ("profile (Jo's conflicted copy 2027-01-12 1).toml", "profile.toml", DROPBOX, "2027-01-12", "Jo"),
    # The Dropbox server's own rename has no date.
    ("undo/000042 (conflicted copy).toml", "undo/000042.toml", DROPBOX, None, None),
    ("undo/000042 (Panda's conflicted copy).toml", "undo/000042.toml", DROPBOX, None, "Panda"),
    # Dropbox in other languages.
    (
        "profile (Jochens in Konflikt stehende Kopie 2027-01-12).toml",
        "profile.toml",
        DROPBOX,
        "2027-01-12",
        "Jochens",
    ),
    (
        "profile (In Konflikt stehende Kopie von Jochen 2027-01-12).toml",
        "profile.toml",
        DROPBOX,
        "2027-01-12",
        "Jochen",
    ),
    (f"{MONTH[:-5]} (Copie en conflit de Léa 2027-01-12).toml", MONTH, DROPBOX, "2027-01-12", "Léa"),
    (f"{MONTH[:-5]} (Copia en conflicto de D SM 2027-01-12).toml", MONTH, DROPBOX, "2027-01-12", "D SM"),
    (f"{MONTH[:-5]} (Copia conflictiva de Ana 2027-01-12).toml", MONTH, DROPBOX, "2027-01-12", "Ana"),
    (
        f"{MONTH[:-5]} (Copia in conflitto di MBP-di-Marco.fritz.box 2027-01-12).toml",
        MONTH,
        DROPBOX,
        "2027-01-12",
        "MBP-di-Marco.fritz.box",
    ),
    (
        f"{MONTH[:-5]} (Cópia em conflito de pc-saito 2027-01-12).toml",
        MONTH,
        DROPBOX,
        "2027-01-12",
        "pc-saito",
    ),
    # Nextcloud: NAME (conflicted copy [USER ]YYYY-MM-DD HHMMSS).EXT
    (
        "log/2027/2027-01 (conflicted copy 2027-01-12 101010).toml",
        MONTH,
        NEXTCLOUD,
        "2027-01-12 10:10:10",
        None,
    ),
    (
        "log/2027/2027-01 (conflicted copy Jo Smith 2027-01-12 101010).toml",
        MONTH,
        NEXTCLOUD,
        "2027-01-12 10:10:10",
        "Jo Smith",
    ),
    (
        "config/settings (conflicted copy jo.smith 2027-01-12 235959).toml",
        "config/settings.toml",
        NEXTCLOUD,
        "2027-01-12 23:59:59",
        "jo.smith",
    ),
    # ownCloud clients before 2.5: NAME_conflict[_USER]-YYYYMMDD-HHMMSS.EXT
    ("log/2027/2027-01_conflict-20270112-101010.toml", MONTH, OWNCLOUD, "2027-01-12 10:10:10", None),
    ("profile_conflict_jo-20270112-101010.toml", "profile.toml", OWNCLOUD, "2027-01-12 10:10:10", "jo"),
    # A copy of a copy belongs to the file under both markers; the outer marker names the tool.
    (
        "profile (Jo's conflicted copy 2027-01-12) (Al's conflicted copy 2027-01-13).toml",
        "profile.toml",
        DROPBOX,
        "2027-01-13",
        "Al",
    ),
    (
        "profile (conflicted copy 2027-01-12 101010) (conflicted copy 2027-01-12 111111).toml",
        "profile.toml",
        NEXTCLOUD,
        "2027-01-12 11:11:11",
        None,
    ),
    (
        "profile (Jo's conflicted copy 2027-01-12).sync-conflict-20270113-090000-ABCDEFG.toml",
        "profile.toml",
        SYNCTHING,
        "2027-01-13 09:00:00",
        "ABCDEFG",
    ),
]


@pytest.mark.parametrize(("copy", "original", "tool", "stamp", "device"), COPIES)
def test_each_tools_copy_maps_to_its_original(copy, original, tool, stamp, device):
    found = conflict_copy(copy)
    assert found == ConflictCopy(copy, original, tool, legday_file(original), stamp, device)
    assert found.file in ("month", "profile", "settings", "undo")
    assert legday_file(copy) is None  # a copy is never read as one of legday's own files


NOT_COPIES = [
    # legday's own files
    MONTH,
    "profile.toml",
    "config/settings.toml",
    "undo/000042.toml",
    "undo/pending.toml",
    # copies some tools make that are not conflicts, or that are too vague to merge
    "log/2027/2027-01 (1).toml",
    "log/2027/2027-01 copy.toml",
    "log/2027/2027-01 - Copy.toml",
    "profile (Case Conflict).toml",
    "profile (Selective Sync Conflict).toml",
    "profile (my conflicted copy notes).toml",
    "profile(conflicted copy 2027-01-12 101010).toml",
    "profile_conflict.toml",
    # temp files of the sync tools and of legday itself
    "log/2027/.syncthing.2027-01.toml.tmp",
    "log/2027/~syncthing~2027-01.toml.tmp",
    "log/2027/.2027-01.toml.legday-4242-0.tmp",
    # dates and times that are not real, and devices that are not Syncthing's short IDs
    "log/2027/2027-01.sync-conflict-2027011-101010-ABCDEFG.toml",
    "log/2027/2027-01.sync-conflict-20271312-101010-ABCDEFG.toml",
    "log/2027/2027-01.sync-conflict-20270112-246060-ABCDEFG.toml",
    "log/2027/2027-01.sync-conflict-20270112-101010-abcdefg.toml",
    "log/2027/2027-01.sync-conflict-20270112-101010-ABCDEF.toml",
    "profile (Jo's conflicted copy 2027-02-30).toml",
    "profile (conflicted copy 2027-01-12 251010).toml",
    "profile_conflict-20270132-101010.toml",
    # copies of files that are not legday's (or not where legday reads them)
    "notes.sync-conflict-20270112-101010-ABCDEFG.txt",
    "log/2027/2027-01.sync-conflict-20270112-101010-ABCDEFG.md",
    "log/2026/2027-01.sync-conflict-20270112-101010-ABCDEFG.toml",
    "2027-01.sync-conflict-20270112-101010-ABCDEFG.toml",
    "log/2027/2027-13 (Jo's conflicted copy 2027-01-12).toml",
    "Profile (Jo's conflicted copy 2027-01-12).toml",
    "undo/000042 (Jo's conflicted copy 2027-01-12).txt",
    ".sync-conflict-20270112-101010-ABCDEFG.lock",
]


@pytest.mark.parametrize("path", NOT_COPIES)
def test_names_that_are_not_conflict_copies(path):
    assert conflict_copy(path) is None


def test_legday_files():
    assert legday_file(MONTH) == "month"
    assert legday_file("log/2027/2027-12.toml") == "month"
    assert legday_file("log/2026/2027-01.toml") is None  # the store does not read it there
    assert legday_file("log/2027/2027-13.toml") is None
    assert legday_file("log/2027/2027-1.toml") is None
    assert legday_file("profile.toml") == "profile"
    assert legday_file("settings.toml") == legday_file("config/settings.toml") == "settings"
    assert legday_file("undo/000042.toml") == legday_file("undo/laptop/000001.toml") == "undo"
    assert legday_file("undo/pending.toml") == "undo"
    assert legday_file("undo/notes.txt") is None
    assert legday_file(".lock") is None
    assert legday_file("log/2027/profile.toml") is None


def test_paths_of_any_flavour():
    assert (
        conflict_copy(PurePosixPath("log/2027/2027-01 (Jo's conflicted copy 2027-01-12).toml")).original
        == MONTH
    )
    assert (
        conflict_copy(PureWindowsPath(r"log\2027\2027-01 (Jo's conflicted copy 2027-01-12).toml")).original
        == MONTH
    )


def test_decomposed_accents_from_macos_read_the_same():
    name = unicodedata.normalize("NFD", "profile (Cópia em conflito de Zé 2027-01-12).toml")
    assert name != unicodedata.normalize("NFC", name)
    found = conflict_copy(name)
    assert found is not None and found.original == "profile.toml" and found.device == "Zé"


def test_copies_listed_by_original_oldest_first():
    paths = [
        MONTH,
        "profile.toml",
        "log/2027/2027-01.sync-conflict-20270114-080000-BBBBBBB.toml",
        "profile (Jo's conflicted copy 2027-01-02).toml",
        "log/2027/2027-01.sync-conflict-20270112-101010-AAAAAAA.toml",
        "notes.txt",
        "log/2027/.syncthing.2027-01.toml.tmp",
    ]
    found = conflict_copies(paths)
    assert [c.path for c in found] == [
        "log/2027/2027-01.sync-conflict-20270112-101010-AAAAAAA.toml",
        "log/2027/2027-01.sync-conflict-20270114-080000-BBBBBBB.toml",
        "profile (Jo's conflicted copy 2027-01-02).toml",
    ]
    # The same list whatever order the folder was read in.
    assert conflict_copies(reversed(paths)) == found
