"""The Choice widget: moving is choosing, digits pick, a click picks, options wrap when narrow."""

from __future__ import annotations

from textual.app import App, ComposeResult

from legday.tui.widgets.choice import Choice

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class ChoiceApp(App):
    def __init__(self) -> None:
        super().__init__()
        self.animation_level = "none"
        self.changes: list[str] = []

    def compose(self) -> ComposeResult:
        yield Choice(DAYS, "wed")

    def on_choice_changed(self, message: Choice.Changed) -> None:
        self.changes.append(message.value)


async def test_keys_digits_and_clicks_choose():
    app = ChoiceApp()
    async with app.run_test(size=(80, 5)) as pilot:
        choice = app.query_one(Choice)
        assert choice.value == "wed"
        await pilot.press("right", "l", "left", "h", "h")
        assert choice.value == "tue"
        await pilot.press("left", "left")  # stops at the first
        assert choice.value == "mon"
        await pilot.press("7")
        assert choice.value == "sun"
        await pilot.press("9")  # no ninth option: nothing happens
        assert choice.value == "sun"
        text = choice.render().plain
        x = text.index("fri") + choice.gutter.left
        await pilot.click(Choice, offset=(x, 0))
        assert choice.value == "fri"
        await pilot.pause()
        assert app.changes == ["thu", "fri", "thu", "wed", "tue", "mon", "sun", "fri"]


async def test_options_wrap_onto_more_lines_when_narrow():
    app = ChoiceApp()
    async with app.run_test(size=(24, 8)) as pilot:
        choice = app.query_one(Choice)
        lines = choice.render().plain.split("\n")
        assert len(lines) == choice.size.height > 1
        assert all(len(line) <= choice.content_size.width for line in lines)
        # A click on the second line picks an option there.
        second = lines[1].split()
        x = lines[1].index(second[1]) + choice.gutter.left
        await pilot.click(Choice, offset=(x, 1))
        assert choice.value == second[1]
