"""The reference: a bare Textual app (Header, a Label, Footer) on the same pinned Textual.

Cold start and memory are compared against this, measured in the same run, so the figures say what
legday adds on top of Textual itself, whatever the machine's speed.
"""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Label

MARKER = "bare reference ready"


class BareApp(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(MARKER)
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
