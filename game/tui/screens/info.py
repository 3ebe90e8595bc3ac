"""Modal pages that only show things: help, hints and the full map."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, ScrollableContainer, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Collapsible, Footer, Label, Static

from game.tui.mapgrid import draw, layout

HELP_VERBS = (
    ("Moving", "north south east west (n s e w), ne nw se sw, up down, in out, go to …"),
    ("Looking", "look (l), examine (x) thing, search, listen, smell, read"),
    (
        "Things",
        "take, drop, put X in/on Y, open, close, unlock X with Y, use X on Y, wear, eat, drink",
    ),
    ("People", "talk to X, ask X about Y, tell X about Y, give X to Y, X, follow me"),
    ("Danger", "flee, hide, fight"),
    (
        "The game",
        "inventory (i), wait (z), again (g), undo, save, restore, hint, score, map, "
        "script (a transcript file), restart, quit",
    ),
)
HELP_KEYS = (
    ("enter", "send the command"),
    ("↑ ↓", "walk through earlier commands (also in a conversation)"),
    ("1-9, ctrl+↑ ↓", "pick or move through a conversation's choices (enter picks)"),
    ("tab", "complete a word (verbs and the things around you)"),
    ("→", "accept the grey suggestion"),
    ("pgup pgdn", "scroll the story"),
    ("click", "an underlined exit, thing or person: go there or examine it"),
    ("F1", "this help"),
    ("F2", "the full map"),
    ("F3", "a hint"),
    ("F4", "show or hide the side panel"),
    ("F5", "reload the world's YAML (for authors)"),
    ("ctrl+s / ctrl+o", "save / load"),
    ("ctrl+z", "undo the last command"),
    ("F10", "next colour theme (remembered)"),
    ("ctrl+p", "all commands, themes included"),
    ("ctrl+q", "quit"),
)


BODY_SCROLL = (
    Binding("pagedown,down", "scroll_body(1)", "Scroll", show=False),
    Binding("pageup,up", "scroll_body(-1)", show=False),
)


def scroll_body(screen, direction: int) -> None:
    """Scroll a dialog's body a page (keys work whatever has the focus)."""
    body = screen.query_one(".dialog-body")
    body.scroll_page_down() if direction > 0 else body.scroll_page_up()


def help_rows() -> list[tuple[str, str, bool]]:
    """(name, text, is_heading) rows of the help page."""
    rows = [(name, text, False) for name, text in HELP_VERBS]
    rows.append(("Keys", "(they work while you type)", True))
    rows += [(key, text, False) for key, text in HELP_KEYS]
    return rows


class InfoScreen(ModalScreen[None]):
    """A closable page of text."""

    BINDINGS = [  # noqa: RUF012
        Binding("escape", "close", "Close"),
        Binding("f1", "close", show=False),
        *BODY_SCROLL,
    ]
    AUTO_FOCUS = "#close"

    def __init__(self, heading: str, body: Content | str, dialog_id: str) -> None:
        super().__init__()
        self.heading = heading
        self.body = body
        self.dialog_id = dialog_id

    def compose(self) -> ComposeResult:
        """Heading, scrolling body, close button."""
        with Vertical(classes="dialog wide", id=self.dialog_id):
            yield Label(self.heading, classes="dialog-title")
            with ScrollableContainer(classes="dialog-body"):
                yield from self.body_widgets()
            with Horizontal(classes="buttons"):
                yield from self.extra_buttons()
                yield Button("Close", id="close")
        yield Footer()

    def body_widgets(self) -> ComposeResult:
        """What the page shows."""
        yield Static(self.body, id="info-body")

    def extra_buttons(self) -> ComposeResult:
        """Buttons a subclass adds before Close."""
        yield from ()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Close."""
        if event.button.id == "close":
            self.dismiss(None)

    def action_close(self) -> None:
        """Close."""
        self.dismiss(None)

    def action_scroll_body(self, direction: int) -> None:
        """PgUp/PgDn scroll the body."""
        scroll_body(self, direction)


class HelpScreen(InfoScreen):
    """Verbs and keys, in two columns so long lines wrap under their own column."""

    def __init__(self) -> None:
        super().__init__("How to play", "", "help-dialog")

    def body_widgets(self) -> ComposeResult:
        """An intro line and a grid of names and explanations."""
        yield Static(
            Content.styled("Talk to the game in short commands.", "italic"), classes="help-intro"
        )
        with Grid(id="help-grid"):
            for name, text, heading in help_rows():
                if heading:
                    yield Static(" ")
                    yield Static(" ")
                yield Static(name, classes="help-key -heading" if heading else "help-key")
                yield Static(text, classes="help-text -heading" if heading else "help-text")


class HintsScreen(InfoScreen):
    """The game's hints for where you are; another press asks for a stronger one."""

    BINDINGS = [Binding("f3", "more", "Another hint")]  # noqa: RUF012

    def __init__(self, ask: Callable[[], list[str]]) -> None:
        self.ask = ask
        self.lines: list[str] = ask()
        super().__init__("Hints", self._body(), "hints-dialog")

    def _body(self) -> str:
        """Every hint asked for so far."""
        return "\n\n".join(_for_the_dialog(line) for line in self.lines) or "No hints here."

    def extra_buttons(self) -> ComposeResult:
        """The button for a stronger hint."""
        yield Button("Another hint (F3)", id="another-hint", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Another hint, or close."""
        if event.button.id == "another-hint":
            self.action_more()
        else:
            super().on_button_pressed(event)

    def action_more(self) -> None:
        """Ask the game for the next hint."""
        self.lines.extend(self.ask())
        self.query_one("#info-body", Static).update(self._body())


def _for_the_dialog(hint: str) -> str:
    """A hint as the dialog shows it: 'type HINT again' becomes the dialog's own key."""
    return AGAIN.sub("(Press F3 for another.)", hint).strip()


AGAIN = re.compile(r"\((?:Type|type) HINT again[^)]*\)")


class ProblemsScreen(InfoScreen):
    """F5's problems: the root causes first, the errors they cause folded under them."""

    def __init__(self, causes: list[str], knock_on: list[str]) -> None:
        self.causes = causes
        self.knock_on = knock_on
        super().__init__("The world has problems", "", "reload-problems")

    def body_widgets(self) -> ComposeResult:
        """Causes, the folded rest, and what happens now."""
        yield Static("\n".join(self.causes) or "The world could not be read.", id="info-body")
        if self.knock_on:
            count = len(self.knock_on)
            with Collapsible(
                title=f"{count} more that probably follow from the above", collapsed=True
            ):
                yield Static("\n".join(self.knock_on), id="knock-on")
        yield Static(
            "\nThe game goes on with the world as it was. Fix the files and press F5 again.",
            classes="dialog-help",
        )


class MapScreen(InfoScreen):
    """Every visited room, named, around the player."""

    BINDINGS = [Binding("f2", "close", show=False)]  # noqa: RUF012

    def __init__(
        self,
        links: Mapping[str, Mapping[str, str]],
        visited: set[str],
        current: str,
        names: Mapping[str, str],
        region: str,
    ) -> None:
        pos = layout(links, current, visited | {current})
        cx, cy = pos.get(current, (0, 0))
        cell = min(26, max([len(names.get(room, room)) for room in pos] or [8]) + 5)
        reach_x = max([abs(x - cx) for x, _ in pos.values()] or [0]) + 1
        reach_y = max([abs(y - cy) for _, y in pos.values()] or [0]) + 1
        drawing = draw(
            pos, links, current, 2 * reach_x * (cell + 2) + cell, 4 * reach_y + 1, names, cell
        )
        text = Content("\n").join(_styled_rows(drawing))
        heading = f"Map — {names.get(current, current)}" + (f", {region}" if region else "")
        super().__init__(heading, text, "map-dialog")


def _styled_rows(drawing) -> list[Content]:
    """Map rows with the player's room highlighted."""
    rows = []
    for y, row in enumerate(drawing.rows):
        content = Content(row)
        for line, col, size, tag in drawing.spans:
            if line == y:
                content = content.stylize(
                    "bold reverse $accent" if tag == "here" else "$foreground", col, col + size
                )
        rows.append(content)
    while rows and not rows[-1].plain.strip():
        rows.pop()
    while rows and not rows[0].plain.strip():
        rows.pop(0)
    margin = min((len(r.plain) - len(r.plain.lstrip()) for r in rows if r.plain.strip()), default=0)
    return [r[margin:] for r in rows]
