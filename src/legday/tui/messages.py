"""Messages a view sends up to the app. Here, not in a screen module, so that the app can handle
them without the views and the app importing each other."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual.message import Message


# Messages are never compared, and Message has its own repr: no need to compile either at start-up.
@dataclass(eq=False, repr=False)
class DaySelected(Message):
    """A view selected ``date``: what w, s and c log for, when it has come."""

    date: dt.date
