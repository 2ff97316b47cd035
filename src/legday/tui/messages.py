"""Messages a view sends up to the app. Here, not in a screen module, so that the app can handle
them without the views and the app importing each other."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual.message import Message


@dataclass
class DaySelected(Message):
    """A view selected ``date``: what w, s and c log for, when it has come."""

    date: dt.date
