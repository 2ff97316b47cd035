"""Effort in words: the Borg CR-10 anchors (S2) and what the talk test feels like at each level (S1).

S1 puts comfortable talking at about 4 out of 10 and the point where speech stops being comfortable at
about 6, so the words change exactly there.
"""

from __future__ import annotations

# Borg CR-10 verbal anchors (S2). 6, 8 and 9 have no anchor of their own on the scale.
_ANCHORS = (
    "nothing at all",  # 0
    "very weak",  # 1
    "weak",  # 2
    "moderate",  # 3
    "somewhat strong",  # 4
    "strong",  # 5
    "between strong and very strong",  # 6
    "very strong",  # 7
    "between very strong and extremely strong",  # 8
    "nearly extremely strong",  # 9
    "extremely strong",  # 10
)

# What talking feels like (S1): sentences are easy up to ~4, strained by ~6, gone near the top.
_TALK = (
    "resting",  # 0
    "you could chat or even sing",  # 1
    "you could chat or even sing",  # 2
    "you can talk in full sentences",  # 3
    "you can still talk in full sentences, comfortably",  # 4
    "you can talk, but not quite comfortably; no singing",  # 5
    "short sentences only; no singing",  # 6
    "a few words at a time",  # 7
    "a word or two at a time",  # 8
    "you cannot talk",  # 9
    "you cannot talk",  # 10
)


def _clamp(effort: float) -> int:
    # The app only ever passes 0-10; clamp rather than raise so a display never crashes on odd data.
    return max(0, min(10, round(effort)))


def effort_words(effort: int) -> str:
    """The CR-10 anchor for an effort level (S2): 7 -> "very strong"."""
    return _ANCHORS[_clamp(effort)]


def talk_words(effort: int) -> str:
    """Anchor and talk test together (S1, S2): 3 -> "moderate: you can talk in full sentences"."""
    e = _clamp(effort)
    return f"{_ANCHORS[e]}: {_TALK[e]}"
