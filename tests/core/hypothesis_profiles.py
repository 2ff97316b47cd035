"""How many examples the property tests draw.

``ci`` (the default): each test's own count, sized so the whole suite stays quick. ``deep``
(``HYPOTHESIS_PROFILE=deep python -m pytest tests/core``): every property test draws
``HYPOTHESIS_EXAMPLES`` (default 2000) examples, for a long hunt before a release or after a planner
change. The profiles are registered and the chosen one loaded in ``tests/core/conftest.py``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
DEEP_EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "2000"))
RELAXED = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}

settings.register_profile("ci", **RELAXED)
settings.register_profile("deep", max_examples=DEEP_EXAMPLES, **RELAXED)


def examples(n: int, **kw) -> settings:
    """Settings for a property test: ``n`` examples under ``ci``, the deep count under ``deep``."""
    return settings(max_examples=DEEP_EXAMPLES if PROFILE == "deep" else n, **{**RELAXED, **kw})
