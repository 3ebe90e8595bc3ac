"""A clickable timeline of a replay: where you are among all the commands."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class Timeline(Widget, can_focus=False):
    """A bar from turn 0 to the last command; click to jump."""

    position: reactive[int] = reactive(0)
    total: reactive[int] = reactive(0)

    class Jump(Message):
        """The player clicked a point of the timeline."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def render(self) -> Content:
        """The bar: played part, marker, rest."""
        width = max(1, self.size.width)
        if self.total <= 0:
            return Content.styled("─" * width, "$text-muted")
        done = round(self.position / self.total * (width - 1))
        return Content.assemble(
            ("━" * done, "$primary"),
            ("●", "bold $accent"),
            ("─" * (width - 1 - done), "$text-muted"),
        )

    def on_click(self, event: events.Click) -> None:
        """Jump to the clicked point."""
        width = max(2, self.size.width)
        index = round(event.x / (width - 1) * self.total)
        self.post_message(self.Jump(max(0, min(self.total, index))))
