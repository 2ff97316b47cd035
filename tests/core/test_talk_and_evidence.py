"""Effort words (S1, S2) and the evidence table the help screen lists."""

from __future__ import annotations

import pathlib
import re

import pytest

from legday.core.evidence import EVIDENCE, SOURCES, reason
from legday.core.talk import effort_words, talk_words

# The project's evidence sheet, beside the repository (``../shared`` from its root), as on the
# project's machines; a clone elsewhere has no sheet, and these two tests say so and skip.
ROOT = pathlib.Path(__file__).resolve().parents[2]
EVIDENCE_MD = ROOT / ".." / "shared" / "evidence.md"
NO_SHEET = f"no evidence sheet at {EVIDENCE_MD} (../shared beside the repository)"
REQUIRED = (
    [f"E{n}" for n in range(1, 9)]
    + [f"G{n}" for n in range(1, 7)]
    + [f"P{n}" for n in range(1, 6)]
    + ["M1", "M2"]
    + [f"R{n}" for n in range(1, 5)]
    + [f"S{n}" for n in range(1, 12)]
)


def test_talk_words_follow_the_talk_test():
    assert talk_words(3) == "moderate: you can talk in full sentences"
    assert "full sentences" in talk_words(4)  # comfortable speech lasts to ~4 (S1)
    assert "no singing" in talk_words(6)  # ~6: speech no longer comfortable (S1)
    assert "cannot talk" in talk_words(10)


@pytest.mark.parametrize(
    "effort, anchor",
    [
        (0, "nothing at all"),
        (1, "very weak"),
        (2, "weak"),
        (3, "moderate"),
        (5, "strong"),
        (7, "very strong"),
        (10, "extremely strong"),
    ],
)
def test_effort_words_are_the_borg_anchors(effort, anchor):
    assert effort_words(effort) == anchor
    assert talk_words(effort).startswith(anchor + ":")


def test_words_never_fail_on_odd_numbers():
    assert effort_words(-3) == effort_words(0) and effort_words(42) == effort_words(10)


def test_every_evidence_id_is_present_with_known_sources():
    assert set(REQUIRED) <= set(EVIDENCE)
    for e in EVIDENCE.values():
        assert e.title and len(e.summary) > 20 and e.sources
        assert all(s in SOURCES for s in e.sources), e.id


@pytest.mark.skipif(not EVIDENCE_MD.exists(), reason=NO_SHEET)
def test_every_id_in_the_evidence_notes_is_in_the_table():
    ids = set(re.findall(r"\*\*([EGPMRS]\d{1,2})\b", EVIDENCE_MD.read_text()))
    assert ids and ids <= set(EVIDENCE)


def test_summaries_are_written_in_our_own_words():
    # Not a copy of the notes: no summary repeats a long run of the notes' words.
    if not EVIDENCE_MD.exists():
        pytest.skip(NO_SHEET)
    notes = " ".join(EVIDENCE_MD.read_text().split()).lower()
    for e in EVIDENCE.values():
        words = e.summary.lower().split()
        runs = {" ".join(words[i : i + 9]) for i in range(len(words) - 8)}
        assert not [r for r in runs if r in notes], e.id


def test_reason_defaults_its_source_and_rejects_a_wrong_one():
    assert reason("E2", "x").source == "TravelRunner"
    with pytest.raises(ValueError):
        reason("E2", "x", "Spartan")
    with pytest.raises(KeyError):
        reason("Z9", "x")
