"""The sidebar: where you are, the ways out, what you carry, your condition, turn and score."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from game.tui.widgets.minimap import Minimap


def link(label: str, command: str) -> Content:
    """Clickable text that sends `command` to the game."""
    action = f"screen.send({command!r})"
    return Content.assemble((label, Style.from_meta({"@click": action}))).stylize("underline")


def joined(parts: list[Content], sep: str) -> Content:
    """Contents joined by a separator."""
    return Content(sep).join(parts) if parts else Content("—")


class Sidebar(VerticalScroll, can_focus=False):
    """The right-hand panel of the play screen."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: Any = None
        self._contents: dict[str, Content] = {}

    def compose(self) -> ComposeResult:
        """Sections, top to bottom."""
        yield Static(id="where", classes="section")
        yield Static(id="exits", classes="section")
        yield Static(id="inventory", classes="section")
        yield Static(id="condition", classes="section")
        yield Static(id="tally", classes="section")
        yield Minimap(id="minimap")

    def show(self, status: Any) -> None:
        """Fill every section from the engine's status (only the sections that changed)."""
        if status == self._shown:
            return
        self._shown = status
        self.query_one("#condition").display = status.has_condition
        for name, build in SECTIONS:
            content = build(status)
            old = self._contents.get(name)
            if old != content:
                self._contents[name] = content
                section = self.query_one(f"#{name}", Static)
                section.update(content, layout=_shape_changes(old, content, section.size.width))


def _shape_changes(old: Content | None, new: Content, width: int) -> bool:
    """Whether new content may need a different height (so a layout pass is worth it)."""
    if old is None:
        return True
    longest = max((len(line) for line in (old.plain + "\n" + new.plain).splitlines()), default=0)
    return old.plain.count("\n") != new.plain.count("\n") or longest >= width


def where_content(status: Any) -> Content:
    """Room name and region."""
    return Content.assemble(
        (status.location, "bold $accent"), "\n", (status.region or "", "italic $text-muted")
    )


def exits_content(status: Any) -> Content:
    """The ways out, each one clickable."""
    parts = [link(direction, direction) for direction in status.exits]
    return Content.assemble(("Exits ", "bold $text-muted"), joined(parts, " · "))


def inventory_content(status: Any) -> Content:
    """What the player carries; clicking examines."""
    lines = [Content("  ").append(link(name, f"examine {name}")) for name in status.inventory]
    body = Content("\n").join(lines) if lines else Content("  nothing", "italic $text-muted")
    return Content.assemble(("Carrying\n", "bold $text-muted"), body)


def condition_content(status: Any) -> Content:
    """The player's condition, with turns left when something is counting down."""
    style = "bold $success" if is_healthy(status) else "bold $error"
    left = status.turns_left
    tail = f"\n  {left} turn{'s' if left != 1 else ''} until it worsens" if left is not None else ""
    clock = f"\nTime {getattr(status, 'time', '')}" if getattr(status, "time", "") else ""
    return Content.assemble(
        ("Condition ", "bold $text-muted"),
        (status.condition_label, style),
        (tail, "$warning"),
        (clock, "$warning"),
    )


def is_healthy(status: Any) -> bool:
    """Whether the condition is the ordinary, unhurt one."""
    return status.condition == "healthy"


def tally_content(status: Any) -> Content:
    """Turn, and score when the world has points to score."""
    turn = Content.assemble(("Turn ", "bold $text-muted"), str(status.turn))
    if not status.has_score:
        return turn
    score = f"{status.score}/{status.max_score}" if status.max_score else str(status.score)
    return turn.append(Content.assemble(("   Score ", "bold $text-muted"), score))


SECTIONS = (
    ("where", where_content),
    ("exits", exits_content),
    ("inventory", inventory_content),
    ("condition", condition_content),
    ("tally", tally_content),
)
