"""Hypothesis profiles for the core property tests (see hypothesis_profiles.py): HYPOTHESIS_PROFILE
picks one; without it hypothesis keeps its own defaults for every other folder's tests."""

import os

from hypothesis import settings

from tests.core import hypothesis_profiles  # noqa: F401  (registers "ci" and "deep")

if "HYPOTHESIS_PROFILE" in os.environ:
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])
