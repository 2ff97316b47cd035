"""What a week says beside its days (warnings and notes), shared by the totals and the suggestion pane.

Apart from the pane's module so that the week's first frame (the totals name the warnings) does not
import the pane, which is mounted after it.
"""

from __future__ import annotations

from legday.core.plan import Reason
from legday.core.values import Value


class WeekNotes(Value):
    """What the week says beside its days: its warnings (each shown in full at the top of the pane,
    safety first) and its notes (why the week is short of its minutes; at the bottom)."""

    warnings: tuple[Reason, ...] = ()
    notes: tuple[Reason, ...] = ()


NO_NOTES = WeekNotes()


def safety_first(warnings: tuple[Reason, ...]) -> tuple[Reason, ...]:
    """Pain and soreness (P: the injury and recovery evidence) before the rest, each kept in order."""
    return tuple(sorted(warnings, key=lambda r: not r.id.startswith("P")))
