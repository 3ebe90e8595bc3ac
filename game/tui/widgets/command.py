"""The command line: history with up/down, tab completion, an inline suggestion."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from textual.binding import Binding
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input

from game.tui.complete import Cycle, suggest, tab

HISTORY_LIMIT = 500


class ScopeSuggester(Suggester):
    """Suggests from the command history, then from the words in scope."""

    def __init__(self, history: list[str], words: Callable[[], tuple[str, ...]]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._history = history
        self._words = words

    async def get_suggestion(self, value: str) -> str | None:
        """The suggestion shown greyed after the cursor."""
        return suggest(value, self._history, self._words())


class CommandInput(Input):
    """Where the player types. Enter sends, up/down walk history, tab completes.

    Up and down mean history always, also while a conversation's menu is open: the focus is in
    a command line, where they recall lines in every shell and interpreter, and a key that
    changes meaning with a mode is one a keyboard or screen-reader user cannot predict. The menu
    takes its numbers (one key, read out with each choice), ctrl+up/down and a click."""

    BINDINGS = [  # noqa: RUF012
        Binding("up", "history(-1)", "Previous command", show=False),
        Binding("down", "history(1)", "Next command", show=False),
        Binding("ctrl+up", "menu(-1)", "Previous choice", show=False),
        Binding("ctrl+down", "menu(1)", "Next choice", show=False),
        Binding("tab", "complete", "Complete", show=False, priority=True),
    ]

    class MenuKey(Message):
        """An arrow or number key meant for the conversation menu."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    class Completions(Message):
        """Several words could complete the line: the UI shows them."""

        def __init__(self, options: list[str]) -> None:
            super().__init__()
            self.options = options

    def __init__(
        self, words: Callable[[], tuple[str, ...]], cursor_blink: bool = True, **kwargs: Any
    ) -> None:
        self.history: list[str] = []
        self._words = words
        self._cursor = 0
        self._draft = ""
        self._cycle: Cycle | None = None  # where repeated tab presses are
        self.menu_numbers: frozenset[str] = frozenset()  # the conversation menu's choices
        super().__init__(
            placeholder="What do you do?  (help · tab completes · ↑ history)",
            suggester=ScopeSuggester(self.history, words),
            **kwargs,
        )
        self.cursor_blink = cursor_blink

    def load_history(self, lines: Iterable[str]) -> None:
        """Start the history from a restored game's lines (so it survives quitting)."""
        self.history.clear()
        for line in lines:
            if line and (not self.history or self.history[-1] != line):
                self.history.append(line)
        del self.history[:-HISTORY_LIMIT]
        self._cursor = len(self.history)

    def remember(self, line: str) -> None:
        """Add a sent line to the history (no immediate repeats)."""
        if line and (not self.history or self.history[-1] != line):
            self.history.append(line)
            del self.history[:-HISTORY_LIMIT]
        self._cursor = len(self.history)
        self._draft = ""

    def on_key(self, event) -> None:
        """A number key on an empty line picks a conversation choice at once."""
        if not self.value and event.character and event.character in self.menu_numbers:
            event.prevent_default()
            event.stop()
            self.post_message(self.MenuKey(event.character))

    def action_menu(self, delta: int) -> None:
        """Move the conversation menu's highlight (enter on an empty line picks it)."""
        if self.menu_numbers:
            self.post_message(self.MenuKey("up" if delta < 0 else "down"))

    def action_history(self, delta: int) -> None:
        """Walk the history of sent lines (also while a menu is open)."""
        if not self.history:
            return
        if self._cursor == len(self.history):
            self._draft = self.value
        self._cursor = max(0, min(len(self.history), self._cursor + delta))
        self.value = (
            self._draft if self._cursor == len(self.history) else self.history[self._cursor]
        )
        self.cursor_position = len(self.value)

    def action_complete(self) -> None:
        """Complete the word before the cursor: the first press extends it as far as the choices
        agree, further presses cycle through them; the choices are listed when there are several."""
        before = self._cycle
        continuing = before is not None and before.line == self.value
        line, self._cycle = tab(self.value, self._words(), self._cycle)
        self.value = line
        self.cursor_position = len(line)
        if self._cycle is not None and not continuing:
            self.post_message(self.Completions(list(self._cycle.options)))
