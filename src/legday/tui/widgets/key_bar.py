"""The week's footer: its keys in one line, drawn by one widget.

Textual's Footer builds a widget per key and rebuilds them all whenever the bindings change; with a
dozen keys that was a visible part of legday's start-up. This bar reads the same active bindings,
draws "key description" pairs as one line of text, and maps a click back to its key, so the mouse
still works. Keys of a binding group share one description ("[ ] week"). The palette key goes on
the right when there is room for it. The bindings are Textual's, so a key remapped by settings.toml's
[keymap] shows as remapped.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # (first cell, last cell + 1, key) for every key drawn, for clicks.
        self._spans: list[tuple[int, int, str]] = []
        # What the bar was last drawn from: the keys, and the palette key on the right.
        self._drawn: object = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_updated)

    def _bindings_updated(self, _screen: object) -> None:
        # Textual signals every focus change (twice: at once and again a moment later), and the keys
        # shown rarely change with it: a redraw only when they do. (A redraw that missed the Tab's
        # own frame cost a second frame of its own.)
        if self._shown() != self._drawn:
            self.refresh()

    def _shown(self) -> object:
        """Everything the bar's text is made from (its width aside: a resize redraws anyway)."""
        return self._made_from(self._items(), self._palette())

    @staticmethod
    def _made_from(items: list[tuple[list[tuple[str, str]], str]], palette: object) -> object:
        return tuple((tuple(keys), description) for keys, description in items), palette

    def _items(self) -> list[tuple[list[tuple[str, str]], str]]:
        """[([(key, shown key), ...], description), ...] in binding order, groups merged."""
        items: list[tuple[list[tuple[str, str]], str]] = []
        groups: dict[object, int] = {}
        seen_actions: set[str] = set()
        for _node, binding, _enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in seen_actions:
                continue
            seen_actions.add(binding.action)
            shown = self.app.get_key_display(binding)
            if binding.group is not None and binding.group in groups:
                items[groups[binding.group]][0].append((binding.key, shown))
                continue
            if binding.group is not None:
                groups[binding.group] = len(items)
            description = binding.group.description if binding.group else binding.description
            items.append(([(binding.key, shown)], description))
        return items

    def render(self) -> Content:
        parts: list[tuple[str, str]] = []
        spans: list[tuple[int, int, str]] = []
        x = 0
        key_style = "$footer-key-foreground bold"
        # (Each reading of the screen's active bindings walks its binding chain: once per draw.)
        items, palette = self._items(), self._palette()
        self._drawn = self._made_from(items, palette)
        for keys, description in items:
            for key, shown in keys:
                spans.append((x, x + len(shown), key))
                parts += [(shown, key_style), (" ", "")]
                x += len(shown) + 1
            if len(keys) == 1:  # a click on the description presses its key too
                spans[-1] = (spans[-1][0], x + len(description), keys[0][0])
            parts.append((description + " ", ""))
            x += len(description) + 1
        line = Content.assemble(*parts).rstrip()  # the last space could push the bar past 80
        if palette is not None and self.size.width >= x + len(palette[1]) + 2:
            key, shown, description = palette
            start = self.size.width - len(shown) - len(description) - 2
            line = line.pad_right(max(0, start - line.cell_length)) + Content.assemble(
                (shown, key_style), (f" {description} ", "")
            )
            spans.append((start, self.size.width, key))
        self._spans = spans
        return line

    def _palette(self) -> tuple[str, str, str] | None:
        if not self.app.ENABLE_COMMAND_PALETTE:
            return None
        # Found by its action, not its key: the key may be remapped.
        for key, (_node, binding, _enabled, _tooltip) in self.screen.active_bindings.items():
            if binding.action in ("command_palette", "app.command_palette"):
                return key, self.app.get_key_display(binding), binding.description
        return None

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
