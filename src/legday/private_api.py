"""Every use of a private name of Textual or textual-serve, in one place.

legday pins both (pyproject.toml) to versions whose private names are listed here; each entry says
why it is needed and what public API would replace it, and ``tests/test_private_api.py`` fails when the
pinned version no longer has it. Nothing else in legday may touch a name that starts with ``_`` in
either package: the layer test enforces it.

This module imports neither package at module level (``legday serve`` must not load Textual, the
command line loads neither): each helper imports what it needs when it is called.
"""

from __future__ import annotations

# -- Textual ---------------------------------------------------------------------------------------


# -- textual-serve ---------------------------------------------------------------------------------
