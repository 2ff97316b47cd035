"""Make the README's screenshots: SVGs of the main screens, from the same fixtures as the tests.

    .venv/bin/python screenshots/make_screenshots.py

Each shot: a scenario from tests/fixtures.py written into a scratch data dir, the app from the same
``build_app`` factory as ``legday`` (fixed clock, no animation), some keys, then an SVG.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # for tests.fixtures when run from anywhere

from legday.storage import Settings, save_settings  # noqa: E402
from legday.tui.app import build_app  # noqa: E402
from tests.fixtures import SCENARIOS, fixed_clock  # noqa: E402


@dataclass(frozen=True)
class Shot:
    name: str
    title: str
    scenario: str = "typical"
    size: tuple[int, int] = (120, 40)
    keys: tuple[str, ...] = ()
    theme: str | None = None


SHOTS = (
    Shot("week-120x40", "legday: the week"),
    Shot("week-80x24", "legday at 80x24", size=(80, 24)),
    Shot("why-80x24", "legday at 80x24: Enter shows why", size=(80, 24), keys=("enter",)),
    Shot("very-sore", "legday: a very sore morning", scenario="very_sore"),
    Shot(
        "very-sore-80x24",
        "legday at 80x24: a very sore morning, the warning in full",
        scenario="very_sore",
        size=(80, 24),
    ),
    Shot("soreness", "legday: morning check-in", keys=("s",), size=(100, 30)),
    # The form as a lifter types: each line's border shows last time as the name is typed, and
    # "rom" offers the name logged before (→ takes it).
    Shot(
        "log-workout",
        "legday: log a leg workout (last time on each line, names completed)",
        keys=("w", *"back squat 5x5@102.5", "enter", *"rom"),
        size=(100, 30),
    ),
    Shot(
        "log-workout-repeat",
        "legday: ctrl+r repeats last Thursday's session",
        keys=("w", "ctrl+r"),
        size=(100, 30),
    ),
    Shot("help", "legday: help", keys=("question_mark",), size=(100, 30)),
    Shot("welcome", "legday: first run", scenario="first_run", size=(100, 30)),
    Shot("week-light", "legday in legday-light", theme="legday-light"),
    Shot("week-contrast", "legday in legday-contrast", theme="legday-contrast"),
    Shot("trends", "legday: trends, the last 12 weeks (g)", scenario="three_months",
         keys=("g", *["left"] * 7)),
)


async def take(shot: Shot, scratch: Path) -> str:
    data = scratch / shot.name / "data"
    config = scratch / shot.name / "config"
    SCENARIOS[shot.scenario](data)
    if shot.theme:
        config.mkdir(parents=True)
        save_settings(config, Settings(theme=shot.theme))
    app = build_app(data, config, fixed_clock, steady=True)
    async with app.run_test(size=shot.size) as pilot:
        await pilot.pause()
        for key in shot.keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.2)
        return app.export_screenshot(title=shot.title)


def main(names: list[str]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        for shot in SHOTS:
            if names and shot.name not in names:
                continue
            svg = asyncio.run(take(shot, Path(scratch)))
            (HERE / f"{shot.name}.svg").write_text(svg, encoding="utf-8")
            print(f"screenshots/{shot.name}.svg")


if __name__ == "__main__":
    main(sys.argv[1:])
