"""The choice menu under the story (conversations, encounters): number keys, arrows or click."""

from __future__ import annotations

from textual.widgets import OptionList
from textual.widgets.option_list import Option


class DialogueMenu(OptionList, can_focus=False):
    """Numbered choices; the command line keeps the focus and sends what is chosen."""

    touched = False

    def show_choices(
        self, title: str, choices: list[tuple[str, str, str]], danger: bool = False
    ) -> None:
        """Fill and show the menu with (number, label, command to send) entries."""
        self._choices = {number: (label, command) for number, label, command in choices}
        self.clear_options()
        self.add_options(Option(f"{number}. {label}", id=number) for number, label, _ in choices)
        self.border_title = title
        self.border_subtitle = "1–9 · ctrl+↑↓ enter · click · or type"
        self.set_class(danger, "-danger")
        self.highlighted = 0
        self.touched = False
        self.display = True

    def hide(self) -> None:
        """Hide the menu (the conversation or the danger is over)."""
        self.display = False
        self._choices = {}
        self.clear_options()

    def move(self, delta: int) -> None:
        """Move the highlight up or down."""
        if self.option_count:
            current = self.highlighted if self.highlighted is not None else 0
            self.highlighted = (current + delta) % self.option_count
            self.touched = True

    def chosen(self) -> str | None:
        """The highlighted choice's command, once the player has moved the highlight (a stray
        enter picks nothing)."""
        if not self.touched or self.highlighted is None or not self.option_count:
            return None
        return self.command_of(self.get_option_at_index(self.highlighted).id or "")

    def numbers(self) -> frozenset[str]:
        """The numbers of the choices on offer."""
        return frozenset(getattr(self, "_choices", {}))

    def command_of(self, number: str) -> str | None:
        """What choosing `number` sends, or None when there is no such choice."""
        entry = getattr(self, "_choices", {}).get(number)
        return entry[1] if entry else None

    def label_of(self, command: str) -> str:
        """The words of the choice that sends `command` (for the story's echo), or ""."""
        for label, sent in getattr(self, "_choices", {}).values():
            if sent == command and sent.isdigit():
                return label
        return ""
