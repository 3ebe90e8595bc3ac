"""The ending: what you reached, how long it took, the choices that mattered."""

from __future__ import annotations

import attrs
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Label, Static

from game.tui.screens.info import BODY_SCROLL, scroll_body

KIND_WORDS = {
    "victory": "Victory",
    "bittersweet": "Bittersweet",
    "tragic": "Tragedy",
    "death": "Death",
}


@attrs.frozen
class EndingSummary:
    """What the ending screen shows."""

    title: str
    kind: str
    text: str
    turns: int
    score: int
    max_score: int
    moments: tuple[tuple[int, str, str], ...]  # (turn, command, what changed)


class EndingScreen(ModalScreen[str]):
    """Dismisses with what to do next: undo, replay, load, new, title."""

    BINDINGS = [  # noqa: RUF012
        Binding("escape", "pick('stay')", "Back to the story"),
        Binding("ctrl+z", "pick('undo')", "Undo"),
        *BODY_SCROLL,
    ]
    AUTO_FOCUS = "#stay"  # a stray enter only closes the screen

    def __init__(self, summary: EndingSummary) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        """Title, kind, numbers, moments, buttons."""
        s = self.summary
        with Vertical(id="ending-dialog", classes=f"dialog wide -{s.kind}"):
            yield Label(s.title, id="ending-title")
            yield Label(KIND_WORDS.get(s.kind, s.kind.title()), id="ending-kind")
            with VerticalScroll(classes="dialog-body"):
                yield Static(self._body(), id="ending-body")
            with Horizontal(classes="buttons"):
                yield Button("Close", id="stay", variant="primary")
                yield Button("Undo", id="undo")
                yield Button("Replay", id="replay")
                yield Button("Load", id="load")
                yield Button("New game", id="new")
                yield Button("Title", id="title")
        yield Footer()

    def _body(self) -> Content:
        """Numbers and the choices that mattered."""
        s = self.summary
        score = f"{s.score} of {s.max_score}" if s.max_score else str(s.score)
        parts = [
            Content.styled(f"{s.text}\n\n", "italic") if s.text else Content(""),
            Content.assemble(
                ("Turns ", "bold $text-muted"),
                str(s.turns),
                ("   Score ", "bold $text-muted"),
                score,
                "\n",
            ),
        ]
        if s.moments:
            parts.append(Content.styled("\nThe choices that mattered\n", "bold $accent"))
            for turn, command, change in s.moments:
                parts.append(
                    Content.assemble(
                        (f"turn {turn:<4} ", "$text-muted"),
                        (f"> {command}", "bold"),
                        "\n",
                        (f"{'':10}{change}\n", "$accent"),
                    )
                )
        return Content("").join(parts)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Dismiss with the button's id."""
        self.dismiss(event.button.id or "stay")

    def action_scroll_body(self, direction: int) -> None:
        """PgUp/PgDn scroll the body."""
        scroll_body(self, direction)

    def action_pick(self, what: str) -> None:
        """Dismiss with a key's choice."""
        self.dismiss(what)
