"""The textual-serve names legday relies on, in the version pyproject.toml pins. Each test fails when
the installed textual-serve no longer has what legday uses, before a user could meet it: the private
``Server._make_app`` (legday/private_api.py says why), and the public methods legday/web.py
overrides (an override of a renamed method would silently stop taking)."""

from __future__ import annotations

import asyncio
import inspect
import re
import tomllib
from pathlib import Path

import pytest

from legday import private_api, web

pytest.importorskip("textual_serve")

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def _pins(name: str) -> set[str]:
    project = tomllib.loads(PYPROJECT.read_text("utf-8"))["project"]
    specs = list(project["dependencies"]) + [
        s for extra in project["optional-dependencies"].values() for s in extra
    ]
    return {spec for spec in specs if re.match(rf"{re.escape(name)}\s*[=<>!~]", spec)}


def test_textual_serve_is_pinned_to_the_version_tested_and_installed():
    assert _pins("textual-serve") == {f"textual-serve=={private_api.TEXTUAL_SERVE_TESTED}"}
    assert private_api.textual_serve_version() == private_api.TEXTUAL_SERVE_TESTED


def test_textual_is_pinned_to_the_version_installed():
    from importlib.metadata import version

    [pin] = _pins("textual")
    assert pin == f"textual=={version('textual')}"


def test_make_app_still_builds_the_routes_legday_guards():
    from textual_serve.server import Server

    assert inspect.iscoroutinefunction(Server._make_app)
    server = Server("true", host="127.0.0.1", port=0)
    app = asyncio.run(private_api.serve_app(server))
    routes = {(route.method, route.resource.canonical) for route in app.router.routes()}
    assert {("GET", "/"), ("GET", "/ws"), ("GET", "/download/{key}"), ("GET", "/static")} <= routes
    assert app.middlewares == []  # the guard is legday's to add; nothing of textual-serve's runs first
    handlers = {getattr(route.handler, "__func__", None) for route in app.router.routes()}
    assert {Server.handle_index, Server.handle_websocket} <= handlers


@pytest.mark.parametrize("name", ["handle_index", "handle_websocket", "on_startup", "initialize_logging"])
def test_what_legday_overrides_is_still_there(name):
    from textual_serve.server import Server

    assert callable(getattr(Server, name, None)), name
    legday_server = web.build_server("true", "127.0.0.1", 0, "token")
    assert name in type(legday_server).__dict__  # legday's own, in front of textual-serve's
