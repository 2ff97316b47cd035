"""``legday doctor [--merge] [--json]``: what needs looking after in the data folder.

Lists the conflict copies a sync tool (Syncthing, Dropbox, Nextcloud) left beside legday's files, with
what merging each would do, and every file legday cannot read (file and line). ``--merge`` merges the
copies, each as one undo step (``legday undo`` takes one back), and moves each into ``merged-copies/``.
Every other command (and the app) merges copies by itself as it opens the data folder; this one opens
it without merging, so that it can show them first.

Exit status: 0 when nothing is left to look after, 1 when something is (copies not merged, files that
cannot be read), 2 for bad arguments, as every command.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from legday.core.names import escaped


def command_parser(name: str, make) -> argparse.ArgumentParser:
    p = make(
        "doctor",
        "[--merge] [--json]",
        "List the conflict copies a sync tool left beside legday's files (Syncthing, Dropbox,\n"
        "Nextcloud), what merging each would do, and the files legday cannot read. --merge merges\n"
        "the copies, each as one undo step; the copy goes to merged-copies/ in the data folder.\n"
        "Exit status 1 while something is left to look after.",
    )
    p.add_argument("--merge", action="store_true", help="merge the conflict copies now")
    p.add_argument("--json", action="store_true", help="print the checkup as JSON")
    return p


def _shown(path: Path, data_dir: Path) -> str:
    try:
        return escaped(path.relative_to(data_dir).as_posix())
    except ValueError:
        return escaped(str(path))


def _json(checkup) -> dict:
    return {
        "data_dir": str(checkup.data_dir),
        "copies": [
            {
                "path": str(c.path),
                "belongs_to": str(c.belongs_to),
                "tool": c.tool,
                "made": c.made or None,
                "state": c.state,
                "summary": c.summary,
                "conflicts": list(c.conflicts),
                "note": c.note,
            }
            for c in checkup.copies
        ],
        "unreadable": list(checkup.unreadable),
        "healthy": checkup.healthy,
    }


_DONE = {
    "merged": "merged",
    "would merge": "a merge would bring in",
    "nothing new": "nothing new in it",
    "kept as a step": "kept",
    "waiting": "not merged yet",
    "unreadable": "cannot be merged",
}


def cmd_doctor(ns: argparse.Namespace, now: dt.datetime) -> int:
    from legday.journal import open_journal

    journal = open_journal(ns.data_dir, lambda: now, merge=False)
    checkup = journal.checkup(merge=ns.merge)
    if ns.json:
        print(json.dumps(_json(checkup), indent=2))
        return 0 if checkup.healthy else 1
    data_dir = checkup.data_dir
    print(f"data folder: {escaped(str(data_dir))}")
    print(f"conflict copies: {len(checkup.copies) or 'none'}")
    for copy in checkup.copies:
        print(f"  {_shown(copy.path, data_dir)}")
        made = f", made {copy.made}" if copy.made else ""
        print(f"    {copy.tool}'s copy of {_shown(copy.belongs_to, data_dir)}{made}")
        what = _DONE.get(copy.state, copy.state)
        detail = copy.summary if copy.state in ("merged", "would merge", "kept as a step") else copy.note
        print(f"    {what}{': ' + escaped(detail) if detail else ''}")
        if copy.note and detail != copy.note:
            print(f"    note: {escaped(copy.note)}")
        for conflict in copy.conflicts:
            print(f"    conflict: {escaped(conflict)}")
    print(f"unreadable files: {len(checkup.unreadable) or 'none'}")
    for problem in checkup.unreadable:
        print(f"  {escaped(problem)}")
    if any(c.state == "would merge" for c in checkup.copies):
        print("run `legday doctor --merge` to merge them (each merge is one step `legday undo` takes back)")
    elif ns.merge and any(c.state in ("merged", "nothing new", "kept as a step") for c in checkup.copies):
        print("the copies are kept in merged-copies/ in the data folder")
    return 0 if checkup.healthy else 1
