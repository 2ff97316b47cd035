"""A 0..max slider: a track with a handle, words and a colour for every level.

Used for the morning soreness (0 none .. 10 worst), the per-region soreness and a session's effort
(Borg CR-10 words, S2). Keyboard first: ←/→ (h/l) step, a digit jumps to that level ("1" then "0"
quickly gives 10), Home/End go to the ends; a mouse click or drag on the track sets the level.

Only the value is reactive and it does not touch layout, so a keypress repaints this widget alone
(the keystroke-to-frame budget is a few milliseconds).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.color import Color
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from legday.core.words import soreness_words
from legday.tui import keys

# Two digits typed within this many seconds ("1" then "0") make 10.
DOUBLE_DIGIT_SECONDS = 0.6


class Slider(Widget, can_focus=True):
    """A horizontal slider for whole numbers from 0 to ``maximum``."""

    DEFAULT_CSS = """
    Slider {
        width: 1fr;
        height: 3;
        padding: 0 1;
        border-left: outer $background 0%;
    }
    Slider:focus {
        border-left: outer $accent;
        background: $boost;
    }
    Slider:disabled {
        opacity: 0.6;
    }
    Slider > .slider--empty {
        color: $foreground 30%;
    }
    Slider > .slider--scale {
        color: $foreground 50%;
    }
    Slider > .slider--handle {
        text-style: bold;
    }
    """

    COMPONENT_CLASSES = {"slider--empty", "slider--scale", "slider--handle"}

    BINDINGS = keys.bindings("slider")  # the key table's rows (tui/keys.py)

    value: reactive[int] = reactive(0, layout=False)
    # Levels run from 0 (kept as a name so code reads "value <= slider.minimum").
    minimum = 0

    @dataclass(eq=False, repr=False)  # (see tui/messages.py)
    class Changed(Message):
        """The slider's value changed (by key, mouse or code)."""

        slider: Slider
        value: int

        @property
        def control(self) -> Slider:
            return self.slider

    def __init__(
        self,
        value: int = 0,
        maximum: int = 10,
        words: Callable[[int], str] = soreness_words,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
        tooltip: str | None = None,
        unset: str | None = None,
    ) -> None:
        """``unset``: start without a level, showing this text until the first key or click (an
        optional rating, where "not rated" and "0" mean different things)."""
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.unset_text = unset
        self.is_set = unset is None
        self.maximum = maximum
        self.words = words
        self._words = [words(level) for level in range(maximum + 1)]
        self._last_digit: tuple[int, float] | None = None
        self._colours: list[Style] | None = None
        self.set_reactive(Slider.value, self.validate_value(value))
        if tooltip:
            self.tooltip = tooltip

    # --- value -----------------------------------------------------------------------------

    def validate_value(self, value: int) -> int:
        return max(self.minimum, min(int(value), self.maximum))

    def watch_value(self, value: int) -> None:
        self.post_message(self.Changed(self, value))

    @property
    def words_now(self) -> str:
        """The words for the current level, e.g. "quite sore"."""
        return self._words[self.value]

    def _choose(self, value: int) -> None:
        """Set the value from a key or click; the first one also makes an unset slider set."""
        if self.is_set:
            self.value = value
            return
        self.is_set = True
        before = self.value
        self.value = value
        if self.value == before:
            self.post_message(self.Changed(self, self.value))  # rated, even if at the same level
        self.refresh()

    def action_step(self, delta: int) -> None:
        self._last_digit = None
        self._choose(self.value + delta)

    def action_jump(self, value: int) -> None:
        self._last_digit = None
        self._choose(value)

    def action_jump_end(self) -> None:
        self.action_jump(self.maximum)

    def action_digit(self, digit: int) -> None:
        now = time.monotonic()
        last = self._last_digit
        # A quick second digit after a non-zero first makes a two-digit level ("1", "0" -> 10).
        if last is not None and last[0] and now - last[1] <= DOUBLE_DIGIT_SECONDS:
            combined = last[0] * 10 + digit
            if combined <= self.maximum:
                self._choose(combined)
                self._last_digit = None
                return
        self._choose(digit)
        self._last_digit = (digit, now)

    # --- colours ---------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        self._colours = None
        self.refresh()

    def _level_styles(self) -> list[Style]:
        """One colour a level: success at 0, warning in the middle, error at the top (theme colours)."""
        if self._colours is None:
            variables = self.app.theme_variables
            low = Color.parse(variables.get("success", "#4EBF71"))
            mid = Color.parse(variables.get("warning", "#FFA62B"))
            high = Color.parse(variables.get("error", "#BA3C5B"))
            styles = []
            for level in range(self.maximum + 1):
                t = level / self.maximum if self.maximum else 0.0
                if t <= 0.5:
                    colour = low.blend(mid, t * 2) if t < 0.5 else mid
                else:
                    colour = mid.blend(high, (t - 0.5) * 2) if t < 1 else high
                styles.append(Style(color=colour.rich_color))
            self._colours = styles
        return self._colours

    # --- geometry --------------------------------------------------------------------------

    @property
    def _track_width(self) -> int:
        """The full width, trimmed so that every level is the same number of cells apart."""
        room = self.content_size.width
        if self.maximum and room > self.maximum:
            return (room - 1) // self.maximum * self.maximum + 1
        return max(self.maximum + 1, room)

    def _x_of(self, value: int, width: int) -> int:
        return round(value * (width - 1) / self.maximum) if self.maximum else 0

    def value_at(self, x: int) -> int:
        """The level under column ``x`` of the track (content coordinates)."""
        width = self._track_width
        return self.validate_value(round(x * self.maximum / max(1, width - 1)))

    # --- rendering -------------------------------------------------------------------------

    def render(self) -> Text:
        """Three lines: the level and its words, the track with its handle, the numbers under it."""
        width = self._track_width
        value = self.value
        empty = self.get_component_rich_style("slider--empty", partial=True)
        scale_style = self.get_component_rich_style("slider--scale", partial=True)
        level_style = self._level_styles()[value] if self.is_set else scale_style
        handle_style = self.get_component_rich_style("slider--handle", partial=True) + level_style

        words = Text(no_wrap=True, overflow="ellipsis", end="")
        if self.is_set:
            words.append(f"{value} ", handle_style)
            words.append(self._words[value], level_style)
        else:
            words.append(self.unset_text or "", scale_style)

        x = self._x_of(value, width)
        track = Text(no_wrap=True, overflow="crop", end="")
        track.append("━" * x, level_style)
        track.append("●" if self.has_focus else "◆", handle_style)
        track.append("─" * (width - x - 1), empty)

        # Each level's number below its place, the current one lit; numbers that would collide
        # on a narrow track are left out.
        chars = [" "] * width
        marks: list[tuple[int, int]] = []
        for level in range(self.maximum + 1):
            label = str(level)
            start = max(0, min(self._x_of(level, width), width - len(label)))
            if marks and start <= marks[-1][1]:
                continue
            chars[start : start + len(label)] = label
            marks.append((start, start + len(label)))
        scale = Text("".join(chars).rstrip(), style=scale_style, no_wrap=True, overflow="crop")
        label = str(value)
        start = max(0, min(x, width - len(label)))
        if self.is_set and (start, start + len(label)) in marks:
            scale.stylize(handle_style, start, start + len(label))
        return Text("\n", no_wrap=True).join([words, track, scale])

    # --- focus and mouse -------------------------------------------------------------------

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self._last_digit = None
        self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.x >= self._track_width:
            return
        self.focus()
        self.capture_mouse()
        self._choose(self.value_at(offset.x))
        event.stop()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self.app.mouse_captured is self:
            self.value = self.value_at(event.get_content_offset_capture(self).x)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        self.release_mouse()
