"""The selected day in full: each session with its when, how hard, how long, add-ons, and why.

Every reason shows its evidence ID and source; where the sources disagree, the "sources disagree"
line says which way the plan went and why. Read-only: marking done or skipped is the screen's job.

Text is laid out here as blocks with hanging indents (a reason's wrapped lines stay under its text,
not under its ID), wrapped to the pane's width and drawn line by line: cheap to redo on every
keystroke.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.visual import Visual

from legday import private_api
from legday.core import words
from legday.core.plan import DayPlan, Reason, Session
from legday.core.values import Value
from legday.tui import legend
from legday.tui.widgets.looks import RemembersLooks, Same
from legday.tui.widgets.week_notes import NO_NOTES, WeekNotes, safety_first


class Block(Value):
    """``marker`` then ``text``; wrapped lines of ``text`` line up after the marker."""

    text: Content
    marker: Content = Content("")
    indent: int = 0


BLANK = Block(Content(""))


def _reason(reason: Reason) -> Block:
    text = Content.assemble(reason.text, (f"  {reason.source}", "$foreground-muted") if reason.source else "")
    return Block(text, Content.styled(f"{reason.id:<4}", "$accent bold"), indent=2)


def _week_block(reason: Reason, mark: str, style: str) -> Block:
    text = Content.assemble(
        reason.text,
        (f"  {reason.id}", "$accent"),
        (f" {reason.source}", "$foreground-muted") if reason.source else "",
    )
    return Block(text, Content.styled(mark, style), indent=0)


def moved_text(session: Session) -> str:
    """Where a dropped leg day went: ``the leg session moves to Sat 21`` on the day it left, ``moved
    here from Thu 19`` on the day it went to; "" for any other session."""
    if session.moved_to is not None:
        return f"the leg session moves to {session.moved_to:%a %d}"
    if session.moved_from is not None:
        return f"moved here from {session.moved_from:%a %d}"
    return ""


def describe_session(session: Session) -> list[Block]:
    """All the blocks for one session, most important first."""
    style = legend.session_style(session)
    if session.status == "skipped":
        style = "$foreground-muted strike"
    facts = [words.status_words(session)]
    if session.intensity and session.kind != "legs":
        facts.append(session.intensity)
    if session.minutes:
        facts.append(f"{session.minutes} min")
    if session.start:
        facts.append(f"at {session.start:%H:%M}")
    if session.hours_after_legs is not None:
        facts.append(words.after_legs(session.hours_after_legs))
    if moved_text(session):
        facts.append(moved_text(session))
    blocks = [
        Block(
            Content.assemble((words.session_name(session), f"{style} bold"), ("  " + " · ".join(facts), "")),
            Content.styled(f"{words.STATUS_MARK.get(session.status, '·')} ", f"{style} bold"),
        )
    ]
    if session.effort:
        effort = Content.assemble(
            (words.effort_range(session.effort), f"{legend.session_style(session)} bold"),
            ("/10", "$foreground-muted"),
            (f"  {session.talk}" if session.talk else "", ""),
        )
        blocks.append(Block(effort, Content.styled("effort  ", "$foreground-muted"), indent=2))
    if session.detail:
        blocks.append(Block(Content.styled(session.detail, "$foreground-muted"), indent=2))
    for addon in session.addons:
        text = Content.assemble(
            addon.text,
            (f"  {addon.id}", "$accent"),
            (f" {addon.source}", "$foreground-muted") if addon.source else "",
        )
        blocks.append(Block(text, Content.styled("+ ", "$secondary bold"), indent=2))
    if session.reasons:
        blocks.append(Block(Content.styled("why", "$foreground-muted italic"), indent=2))
        blocks.extend(_reason(r) for r in session.reasons)
    if session.choice:
        blocks.append(
            Block(Content(session.choice), Content.styled("sources disagree: ", "$warning bold"), indent=2)
        )
    return blocks


def describe_day(day: DayPlan, today: dt.date, week: WeekNotes = NO_NOTES) -> list[Block]:
    soreness = (
        (f"{day.soreness}/10 {words.soreness_words(day.soreness)}", legend.soreness_style(day.soreness))
        if day.soreness is not None
        else ("not rated", "$foreground-muted")
    )
    header = Content.assemble(
        (f"{day.date:%A %d %b}", "bold"),
        ("  today" if day.date == today else "", "$accent bold"),
        ("  · soreness ", "$foreground-muted"),
        soreness,
        ("  · ready ", "$foreground-muted"),
        (f"{day.readiness}", legend.readiness_style(day.readiness)),
        ("/100", "$foreground-muted"),
    )
    blocks = [Block(header)]
    for warning in safety_first(week.warnings):  # in full, before anything else
        blocks.append(_week_block(warning, "! ", "$warning bold"))
    if day.sleep_hours is not None or day.pain:
        extra = []
        if day.sleep_hours is not None:
            extra.append(f"slept {day.sleep_hours:g} h")
        if day.pain:
            extra.append("pain reported: stop if it is sharp (P4)")
        blocks.append(
            Block(Content.styled(" · ".join(extra), "$warning" if day.pain else "$foreground-muted"))
        )
    hinted = False
    # What to do comes first: the suggestions you can act on, then the rest in the day's order.
    ordered = sorted(day.sessions, key=lambda s: not legend.is_actionable(s))
    for session in ordered:
        blocks.append(BLANK)
        session_blocks = describe_session(session)
        if legend.is_actionable(session) and not hinted:
            # The keys act on the day's first suggestion: say so right under its headline.
            hinted = True
            keys = ("d", " mark done  ") if day.date <= today else ("", "")
            hint = Content.assemble(
                (keys[0], "$accent bold"),
                (keys[1], "$foreground-muted"),
                ("x", "$accent bold"),
                (" skip", "$foreground-muted"),
            )
            session_blocks.insert(1, Block(hint, indent=2))
        blocks.extend(session_blocks)
    if not day.sessions:
        blocks += [BLANK, Block(Content.styled("nothing planned", "$foreground-muted"))]
    if week.notes:
        blocks += [BLANK, Block(Content.styled("this week", "$foreground-muted italic"))]
        blocks += [_week_block(note, "· ", "$foreground-muted") for note in week.notes]
    if day.readiness_why:
        blocks.append(BLANK)
        blocks.append(
            Block(Content.styled(f"readiness {day.readiness}: how it came about", "$foreground-muted italic"))
        )
        blocks.extend(
            Block(
                Content.styled(step, "$foreground-muted"), Content.styled("· ", "$foreground-muted"), indent=2
            )
            for step in day.readiness_why
        )
    return blocks


def layout(blocks: list[Block], width: int) -> list[Content]:
    """Wrap every block to ``width`` with its hanging indent."""
    lines: list[Content] = []
    for block in blocks:
        lead = block.indent + block.marker.cell_length
        room = max(8, width - lead)
        wrapped = block.text.wrap(room) or [Content("")]
        lines.append(Content(" " * block.indent) + block.marker + wrapped[0])
        lines.extend(Content(" " * lead) + line for line in wrapped[1:])
    return lines


class PaneScrollBar(RemembersLooks, ScrollBar):
    """The pane's scrollbar, its lines remembered per thumb: moving through the week shows days of a
    few different lengths, and Textual drew the bar again (through Rich, a line at a time) for every
    one of them, about as much as the rest of the move's frame."""

    def look(self) -> tuple:
        # What ScrollBar.render reads: the thumb, the pointer, and the pane's scrollbar colours.
        styles = self.parent.styles if self.parent is not None else self.styles
        return (
            self.window_virtual_size,
            self.window_size,
            self.position,
            self.thickness,
            self.grabbed is not None,
            self.mouse_over,
            styles.scrollbar_background,
            styles.scrollbar_color,
            styles.scrollbar_background_hover,
            styles.scrollbar_color_hover,
            styles.scrollbar_background_active,
            styles.scrollbar_color_active,
            self.screen.styles.scrollbar_color.a == 0,
        )


class SuggestionPane(RemembersLooks, ScrollView, can_focus=False):
    """A scrolling view drawn line by line (Textual's line API). Showing another day redraws the
    pane alone: no layout of the rest of the screen, which keeps moving through the week fast, and
    a day shown again has its finished lines ready (RemembersLooks)."""

    DEFAULT_CSS = """
    SuggestionPane {
        overflow-x: hidden;
        overflow-y: scroll;
    }
    """

    @dataclass(eq=False, repr=False)  # (see tui/messages.py)
    class Ready(Message):
        """Mounted (it is built lazily): time to show the selected day."""

        pane: SuggestionPane

    # Days drawn recently (this week's and, drawn ahead, both neighbours'), kept so that moving back
    # and forth through the weeks redraws nothing.
    CACHE_DAYS = 24

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.day: DayPlan | None = None
        self._blocks: list[Block] | None = []  # None: not made yet (see blocks)
        self._lines: tuple[int, list[Content]] | None = None
        self._strips: list[Strip] | None = None
        # (day, today, week notes, width) -> (lines, strips or None), most recent last. The day by
        # identity (Same): hashing a whole DayPlan on every look-up cost more than the look-up saved.
        self._drawn: dict[
            tuple[Same[DayPlan], dt.date, WeekNotes, int], tuple[list[Content], list[Strip] | None]
        ] = {}
        self._today: dt.date | None = None
        self._week = NO_NOTES

    def on_mount(self) -> None:
        self.post_message(self.Ready(self))

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        return private_api.vertical_scrollbar_of(self, PaneScrollBar)

    def look(self) -> tuple:
        return Same(self.day), self._today, self._week, self.scroll_offset

    def show(self, day: DayPlan | None, today: dt.date, week: WeekNotes = NO_NOTES) -> None:
        if day is self.day and week == self._week:
            return
        self._keep()
        self.day, self._today, self._week = day, today, week
        # Made when first wanted: a day drawn ahead (or shown before) is placed from its lines, and
        # describing it again cost about a millisecond of every move through the week.
        self._blocks = None if day else []
        self._lines = self._strips = None
        width = self.scrollable_content_region.width
        if day is not None and (Same(day), today, week, width) in self._drawn:
            lines, self._strips = self._drawn.pop((Same(day), today, week, width))
            self._lines = (width, lines)
        self._measure()
        self.scroll_to(y=0, animate=False)
        self.refresh()

    def prepare(self, day: DayPlan, today: dt.date, week: WeekNotes = NO_NOTES) -> bool:
        """Wrap, then (called again) draw ``day`` ahead of time (when idle), so that showing it later
        costs only its placing; each step is one small job, so a key pressed meanwhile waits little.
        False if there was nothing left to do."""
        width = self.scrollable_content_region.width
        key = (Same(day), today, week, width)
        if width <= 0 or day is self.day:
            return False
        made = self._drawn.get(key)
        if made is None:
            self._drawn[key] = (layout(describe_day(day, today, week), width), None)
            self._trim()
            return True
        lines, strips = made
        if strips is None:
            self._drawn[key] = (lines, self._draw(lines, width))
            return True
        return False

    def _keep(self) -> None:
        """Remember what the day on show looks like, for when it comes back."""
        if self.day is None or self._lines is None or self._today is None:
            return
        self._drawn[(Same(self.day), self._today, self._week, self._lines[0])] = (
            self._lines[1],
            self._strips,
        )
        self._trim()

    def _trim(self) -> None:
        while len(self._drawn) > self.CACHE_DAYS:
            del self._drawn[next(iter(self._drawn))]

    @property
    def blocks(self) -> list[Block]:
        """The day on show, described (before wrapping)."""
        if self._blocks is None:
            self._blocks = (
                describe_day(self.day, self._today, self._week)
                if self.day is not None and self._today is not None
                else []
            )
        return self._blocks

    def lines(self, width: int) -> list[Content]:
        """The pane's text wrapped to ``width`` (cached for the last width)."""
        if self._lines is None or self._lines[0] != width:
            self._lines = (width, layout(self.blocks, width))
            self._strips = None
        return self._lines[1]

    def _measure(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        size = Size(width, len(self.lines(width)))
        if size != self.virtual_size:
            # Assigning virtual_size asks for a layout of the whole screen. The pane's place does
            # not change (its scrollbar is always shown), so only its scrollbar and lines need
            # redrawing: a fraction of the cost on every move through the week.
            self.set_reactive(ScrollView.virtual_size, size)
            bar = self.vertical_scrollbar
            if 0 < size.height <= bar.window_size and bar.window_virtual_size <= bar.window_size:
                # The day fits, as did the last one: the scrollbar stays an empty track, and
                # drawing it again would cost as much as the pane's own lines.
                bar.set_reactive(ScrollBar.window_virtual_size, size.height)
                self.scroll_y = self.validate_scroll_y(self.scroll_y)
            else:
                # What Textual does after a layout, by hand: the scrollbar is always shown
                # (overflow-y: scroll) and there is none across (overflow-x: hidden).
                bar.window_virtual_size = size.height
                bar.window_size = self.container_size.height
                self.scroll_y = self.validate_scroll_y(self.scroll_y)

    def on_resize(self) -> None:
        self._measure()

    def notify_style_update(self) -> None:
        # A theme change: the drawn lines hold the old colours.
        self._strips = None
        self._drawn.clear()
        super().notify_style_update()

    def _draw(self, lines: list[Content], width: int) -> list[Strip]:
        # All lines at once, padded to the width: each line is then just handed out.
        strips = Visual.to_strips(
            self, Content("\n").join(lines), width, len(lines), self.visual_style, pad=True
        )
        strips.append(Strip.blank(width, self.rich_style))
        return strips

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        lines = self.lines(width)
        if self._strips is None:
            self._strips = self._draw(lines, width)
        index = self.scroll_offset.y + y
        return self._strips[index] if 0 <= index < len(lines) else self._strips[-1]
