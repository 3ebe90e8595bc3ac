"""Save, load and confirmation dialogs."""

from __future__ import annotations

import re

import attrs
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.validation import Regex
from textual.widgets import Button, Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

SLOT_PATTERN = r"[A-Za-z0-9_-]{1,32}"


@attrs.frozen
class SaveInfo:
    """What the load dialog shows about one save."""

    slot: str
    location: str
    turn: int
    created: str
    last_lines: tuple[str, ...] = ()
    problem: str = ""


class SaveScreen(ModalScreen[str | None]):
    """Ask for a slot name; dismiss with it, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]  # noqa: RUF012
    AUTO_FOCUS = "#slot"

    def __init__(self, suggested: str = "") -> None:
        super().__init__()
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        """Title, name field, error line, buttons."""
        with Vertical(classes="dialog", id="save-dialog"):
            yield Label("Save the game", classes="dialog-title")
            yield Static("Name it (letters, digits, - and _; up to 32).", classes="dialog-help")
            slot = Input(
                value=self.suggested,
                placeholder="slot name",
                id="slot",
                validators=[
                    Regex(
                        f"^{SLOT_PATTERN}$",
                        failure_description="Use letters, digits, - or _ (1–32).",
                    )
                ],
                valid_empty=False,
            )
            slot.cursor_blink = self.app.config.cursor_blink
            yield slot
            yield Static("", id="slot-error", classes="dialog-error")
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")
        yield Footer()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Say what is wrong with the name as it is typed."""
        result = event.validation_result
        message = "" if result is None or result.is_valid else " ".join(result.failure_descriptions)
        self.query_one("#slot-error", Static).update(message if event.value else "")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter saves when the name is good."""
        self._finish(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel."""
        if event.button.id == "ok":
            self._finish(self.query_one("#slot", Input).value)
        else:
            self.dismiss(None)

    def _finish(self, value: str) -> None:
        """Dismiss with a valid name, or explain."""
        if re.fullmatch(SLOT_PATTERN, value):
            self.dismiss(value)
        else:
            self.query_one("#slot-error", Static).update("Use letters, digits, - or _ (1–32).")

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)


class LoadScreen(ModalScreen[str | None]):
    """Pick a save; shows where, when and the last lines of each."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]  # noqa: RUF012
    AUTO_FOCUS = "#saves"

    def __init__(self, saves: list[SaveInfo], title: str = "Load a game") -> None:
        super().__init__()
        self.saves = saves
        self.heading = title

    def compose(self) -> ComposeResult:
        """List on the left, preview on the right."""
        with Vertical(classes="dialog wide", id="load-dialog"):
            yield Label(self.heading, classes="dialog-title")
            if not self.saves:
                yield Static("No saves yet. Save with ctrl+s, or type SAVE.", classes="dialog-help")
            with Horizontal(id="load-body"):
                yield OptionList(*[_option(info) for info in self.saves], id="saves")
                yield Static("", id="preview")
            with Horizontal(classes="buttons"):
                yield Button("Load", variant="primary", id="ok", disabled=not self.saves)
                yield Button("Cancel", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        """Preview the first save."""
        if self.saves:
            self._preview(0)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Preview the highlighted save."""
        self._preview(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or a double click loads."""
        self.dismiss(self.saves[event.option_index].slot)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Load the highlighted save, or cancel."""
        index = self.query_one("#saves", OptionList).highlighted
        if event.button.id == "ok" and index is not None:
            self.dismiss(self.saves[index].slot)
        else:
            self.dismiss(None)

    def _preview(self, index: int) -> None:
        """Show the last lines of a save."""
        info = self.saves[index]
        body = info.problem or "\n".join(info.last_lines) or "(no story text)"
        self.query_one("#preview", Static).update(
            f"{info.location} · turn {info.turn}\n{info.created}\n\n{body}"
        )

    def action_cancel(self) -> None:
        """Close without loading."""
        self.dismiss(None)


def _option(info: SaveInfo) -> Option:
    """One line of the save list."""
    where = "damaged" if info.problem else f"{info.location}, turn {info.turn}"
    return Option(f"{info.slot:<14} {where}", id=info.slot)


class ConfirmScreen(ModalScreen[bool]):
    """Ask before leaving or restarting a game; the focused default is the harmless 'No'."""

    BINDINGS = [  # noqa: RUF012
        Binding("escape,n", "answer(False)", "Keep playing"),
        Binding("y", "answer(True)", "Yes"),
    ]
    AUTO_FOCUS = "#no"

    def __init__(self, question: str, detail: str, yes: str) -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes = yes

    def compose(self) -> ComposeResult:
        """Question, what it means, and the two answers."""
        with Vertical(classes="dialog", id="confirm-dialog"):
            yield Label(self.question, classes="dialog-title")
            yield Static(self.detail, classes="dialog-help")
            with Horizontal(classes="buttons"):
                yield Button(self.yes, variant="warning", id="yes")
                yield Button("Keep playing", variant="primary", id="no")
        yield Footer()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Either answer closes the dialog."""
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        """y, n or escape."""
        self.dismiss(yes)
