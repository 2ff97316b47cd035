"""Every use of a private name of Textual or textual-serve, in one place.

legday pins both (pyproject.toml) to versions whose private names are listed here; each entry says
why it is needed and what public API would replace it, and ``tests/test_private_api.py`` fails when the
pinned version no longer has it. Nothing else in legday may touch a name that starts with ``_`` in
either package: the layer test enforces it.

This module imports neither package at module level (``legday serve`` must not load Textual, the
command line loads neither): each helper imports what it needs when it is called.
"""

from __future__ import annotations

from typing import Any

# -- Textual ---------------------------------------------------------------------------------------


# -- textual-serve ---------------------------------------------------------------------------------

# The version pyproject.toml pins (both in the ``web`` and ``test`` extras); tests/web checks that the
# three agree with what is installed. ``legday serve`` names it when its guard check fails.
TEXTUAL_SERVE_TESTED = "1.1.3"


def textual_serve_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("textual-serve")
    except PackageNotFoundError:
        return "none"


async def serve_app(server: Any) -> Any:
    """textual-serve's aiohttp ``Application`` for ``server``: its routes (the page, the WebSocket,
    downloads, static files) and its startup and shutdown hooks, not yet running.

    Why the private ``Server._make_app``: the public ``Server.serve()`` builds this application and
    runs it in one call, binding, printing and handling signals its own way, and nothing public hands
    the application out. legday needs it to put the token guard in front of every route before any
    request is answered (web.start), to print the address only once the port is bound, and to stop
    within seconds. It is called here, not overridden: a version without it raises (and
    ``legday serve`` refuses to start) instead of serving without the guard, which is what an
    override of a renamed method would do. tests/web/test_private_api.py fails when the pinned
    version no longer has it or it no longer returns an application with those routes.
    """
    make = getattr(server, "_make_app", None)
    if make is None:
        raise AttributeError(
            f"textual-serve {textual_serve_version()} has no Server._make_app "
            f"(legday is tested with {TEXTUAL_SERVE_TESTED})"
        )
    return await make()
