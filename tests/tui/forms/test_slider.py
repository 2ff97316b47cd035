"""The Slider widget on its own: keys, digits, mouse, words, colours and its Changed messages."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from legday.core.talk import effort_words
from legday.core.words import SORENESS_WORDS, soreness_words
from legday.tui.widgets import slider as slider_module
from legday.tui.widgets.slider import Slider


class SliderApp(App):
    def __init__(self, **kwargs) -> None:
        super().__init__()
        self.animation_level = "none"
        self.kwargs = kwargs
        self.changes: list[int] = []

    def compose(self) -> ComposeResult:
        yield Slider(**self.kwargs)

    def on_slider_changed(self, message: Slider.Changed) -> None:
        self.changes.append(message.value)


def the_slider(app: App) -> Slider:
    return app.query_one(Slider)


async def test_arrows_and_hl_step_and_stop_at_the_ends():
    app = SliderApp(value=5)
    async with app.run_test(size=(80, 6)) as pilot:
        slider = the_slider(app)
        assert slider.has_focus
        await pilot.press("right", "l")
        assert slider.value == 7
        await pilot.press("left", "h", "h")
        assert slider.value == 4
        await pilot.press(*["right"] * 12)
        assert slider.value == 10
        await pilot.press(*["left"] * 12)
        assert slider.value == 0
        await pilot.press("end")
        assert slider.value == 10
        await pilot.press("home")
        assert slider.value == 0


async def test_a_digit_jumps_and_one_then_zero_makes_ten():
    app = SliderApp(value=2)
    async with app.run_test(size=(80, 6)) as pilot:
        slider = the_slider(app)
        await pilot.press("6")
        assert slider.value == 6
        await pilot.press("0")
        assert slider.value == 0
        await pilot.press("1", "0")
        assert slider.value == 10
        # After 10 the next digit starts afresh (no 100, no 0 by accident).
        await pilot.press("3")
        assert slider.value == 3


async def test_one_then_zero_slowly_is_zero(monkeypatch):
    monkeypatch.setattr(slider_module, "DOUBLE_DIGIT_SECONDS", -1.0)
    app = SliderApp(value=5)
    async with app.run_test(size=(80, 6)) as pilot:
        await pilot.press("1", "0")
        assert the_slider(app).value == 0


async def test_two_digits_never_pass_the_maximum():
    app = SliderApp(value=0, maximum=5)
    async with app.run_test(size=(80, 6)) as pilot:
        await pilot.press("9")
        assert the_slider(app).value == 5
        await pilot.press("1", "2")  # 12 > 5: the second digit counts alone
        assert the_slider(app).value == 2


async def test_changed_messages_carry_each_new_value():
    app = SliderApp(value=3)
    async with app.run_test(size=(80, 6)) as pilot:
        await pilot.press("right", "8", "8", "left")
        await pilot.pause()
        # Setting the same value again (8, 8) is not a change.
        assert app.changes == [4, 8, 7]


async def test_click_on_the_track_sets_the_level_under_the_mouse():
    app = SliderApp(value=0)
    async with app.run_test(size=(80, 6)) as pilot:
        slider = the_slider(app)
        gutter = slider.gutter.left
        width = slider._track_width
        for level in (10, 3, 7, 0):
            x = gutter + round(level * (width - 1) / 10)
            await pilot.click(Slider, offset=(x, 1))
            assert slider.value == level
        # A click on the numbers under the track works too.
        await pilot.click(Slider, offset=(gutter + round(5 * (width - 1) / 10), 2))
        assert slider.value == 5


async def test_drag_follows_the_mouse_until_release():
    app = SliderApp(value=0)
    async with app.run_test(size=(80, 6)) as pilot:
        slider = the_slider(app)
        x_of = lambda level: slider.gutter.left + round(level * (slider._track_width - 1) / 10)  # noqa: E731
        await pilot.mouse_down(Slider, offset=(x_of(2), 1))
        assert slider.value == 2
        await pilot.hover(Slider, offset=(x_of(6), 1))
        assert slider.value == 6
        await pilot.hover(Slider, offset=(x_of(9), 1))
        assert slider.value == 9
        await pilot.mouse_up(Slider, offset=(x_of(9), 1))
        await pilot.hover(Slider, offset=(x_of(1), 1))
        assert slider.value == 9  # released: moving no longer drags


@pytest.mark.parametrize("width", [30, 57, 80, 133])
async def test_every_level_has_its_own_column(width):
    app = SliderApp(value=0)
    async with app.run_test(size=(width, 6)):
        slider = the_slider(app)
        w = slider._track_width
        assert w <= slider.content_size.width
        for level in range(11):
            assert slider.value_at(slider._x_of(level, w)) == level


async def test_shows_the_words_and_the_handle_where_the_value_is():
    app = SliderApp(value=6)
    async with app.run_test(size=(80, 6)):
        slider = the_slider(app)
        words, track, scale = slider.render().plain.split("\n")
        assert words.startswith("6 quite sore")
        handle = track.index("◆" if not slider.has_focus else "●")
        assert slider.value_at(handle) == 6
        assert set(track[:handle]) == {"━"} and set(track[handle + 1 :]) == {"─"}
        assert scale.split() == [str(n) for n in range(11)]


async def test_effort_words_come_from_the_cr10_anchors():
    app = SliderApp(value=7, words=effort_words)
    async with app.run_test(size=(80, 6)) as pilot:
        slider = the_slider(app)
        assert slider.render().plain.startswith(f"7 {effort_words(7)}")
        await pilot.press("1", "0")
        assert slider.words_now == effort_words(10)


async def test_each_level_has_its_own_colour_from_calm_to_alarm():
    app = SliderApp(value=0)
    async with app.run_test(size=(80, 6)):
        styles = the_slider(app)._level_styles()
        colours = [style.color for style in styles]
        assert len(set(colours)) == 11
        # The ends are the theme's own success and error colours, so every theme reads the same way.
        variables = app.theme_variables
        assert colours[0].triplet.hex.lower() == variables["success"].lower()
        assert colours[10].triplet.hex.lower() == variables["error"].lower()


async def test_focus_is_visible():
    app = SliderApp(value=4)
    async with app.run_test(size=(80, 6)) as pilot:
        slider = the_slider(app)
        focused = (slider.styles.border_left, slider.styles.background)
        slider.blur()
        await pilot.pause()
        assert (slider.styles.border_left, slider.styles.background) != focused
        assert "◆" in slider.render().plain and "●" not in slider.render().plain


def test_soreness_words_cover_0_to_10_and_clamp():
    assert len(SORENESS_WORDS) == 11
    assert soreness_words(0) == "none" and soreness_words(10) == "worst"
    assert soreness_words(-3) == "none" and soreness_words(42) == "worst"


async def test_an_unset_slider_says_so_until_the_first_key_even_at_the_same_level():
    app = SliderApp(value=0, unset="not rated")
    async with app.run_test(size=(80, 6)) as pilot:
        slider = the_slider(app)
        assert not slider.is_set
        assert slider.render().plain.startswith("not rated")
        await pilot.press("left")  # stays at 0, but now it is a rating of 0
        await pilot.pause()
        assert slider.is_set and slider.value == 0
        assert slider.render().plain.startswith("0 none")
        assert app.changes == [0]
