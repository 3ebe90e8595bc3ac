"""A small map of the visited rooms around the player."""

from __future__ import annotations

from collections.abc import Mapping

from rich.segment import Segment
from textual.strip import Strip
from textual.widget import Widget

from game.tui.mapgrid import Drawing, draw, layout


class Minimap(Widget, can_focus=False):
    """Visited rooms drawn as boxes, centred on the player; redrawn when the player moves."""

    COMPONENT_CLASSES = {"minimap--here", "minimap--room", "minimap--line"}  # noqa: RUF012

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._links: Mapping[str, Mapping[str, str]] = {}
        self._pos: dict[str, tuple[int, int]] = {}
        self._current = ""
        self._drawing = Drawing((), ())
        self._strips: list[Strip] = []
        self.border_title = "Map"
        self._shown: tuple[str, frozenset[str]] | None = None

    def show(self, links: Mapping[str, Mapping[str, str]], visited: set[str], current: str) -> None:
        """Lay out the visited rooms and redraw (nothing to do when nothing changed)."""
        key = (current, frozenset(visited))
        if key == self._shown and links == self._links:
            return
        self._shown = key
        self._links = links
        self._pos = layout(links, current, visited | {current})
        self._current = current
        self._redraw()

    def on_resize(self) -> None:
        """Redraw at the new size."""
        self._redraw()

    def _redraw(self) -> None:
        """Draw into the widget's current size (all rows at once: the map is small)."""
        width, height = self.size
        drawing = draw(self._pos, self._links, self._current, width, height)
        if drawing == self._drawing and len(self._strips) == height:
            return
        self._drawing = drawing
        base = self.rich_style
        styles = {
            tag: base + self.get_component_rich_style(f"minimap--{tag}")
            for tag in ("line", "here", "room")
        }
        self._strips = [self._row(drawing, y, width, base, styles) for y in range(height)]
        self.refresh()

    @staticmethod
    def _row(drawing: Drawing, y: int, width: int, base, styles) -> Strip:
        """One row of the map as a strip."""
        text = drawing.rows[y] if y < len(drawing.rows) else ""
        row_styles = [styles["line"]] * len(text)
        for row, col, size, tag in drawing.spans:
            if row == y:
                row_styles[col : col + size] = [styles[tag]] * len(row_styles[col : col + size])
        segments = [Segment(ch, st) for ch, st in zip(text, row_styles, strict=True)]
        return Strip(Segment.simplify(segments)).extend_cell_length(width, base)

    def notify_style_update(self) -> None:
        """Redraw in the new colours."""
        super().notify_style_update()
        self._strips = []
        if self.is_mounted:
            self._redraw()

    def render_line(self, y: int) -> Strip:
        """One row of the map."""
        if y < len(self._strips):
            return self._strips[y]
        return Strip.blank(self.size.width, self.rich_style)


def links_of(world, flags: Mapping[str, int]) -> dict[str, dict[str, str]]:
    """Exits of every room as direction -> room, leaving out hidden exits not yet found."""
    return {
        room_id: {
            direction: ex.to
            for direction, ex in exits.items()
            if not ex.hidden_until or flags.get(ex.hidden_until)
        }
        for room_id, exits in world.exits.items()
    }
