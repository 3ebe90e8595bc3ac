"""Lay out visited rooms on a grid by their compass exits and draw them as text (no textual)."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping

import attrs

VECTORS = {
    "north": (0, -1),
    "south": (0, 1),
    "east": (1, 0),
    "west": (-1, 0),
    "northeast": (1, -1),
    "northwest": (-1, -1),
    "southeast": (1, 1),
    "southwest": (-1, 1),
}
_RINGS = [(dx, dy) for r in (1, 2, 3) for dx in range(-r, r + 1) for dy in range(-r, r + 1)]


@attrs.frozen
class Drawing:
    """Rows of map text plus (row, column, width, tag) spans for styling."""

    rows: tuple[str, ...]
    spans: tuple[tuple[int, int, int, str], ...]


def layout(
    links: Mapping[str, Mapping[str, str]], start: str, rooms: set[str]
) -> dict[str, tuple[int, int]]:
    """Grid positions of `rooms` connected to `start` (compass exits first; others nearby)."""
    pos = {start: (0, 0)}
    taken = {(0, 0)}
    queue = deque([start])
    while queue:
        room = queue.popleft()
        x, y = pos[room]
        for direction, target in sorted(
            links.get(room, {}).items(), key=lambda kv: kv[0] not in VECTORS
        ):
            if target in pos or target not in rooms:
                continue
            spot = _free_spot(x, y, VECTORS.get(direction), taken)
            if spot is None:
                continue
            pos[target] = spot
            taken.add(spot)
            queue.append(target)
    return pos


def _free_spot(
    x: int, y: int, vector: tuple[int, int] | None, taken: set
) -> tuple[int, int] | None:
    """Where a neighbour goes: along the exit's direction when free, else the nearest free cell."""
    if vector is not None and (x + vector[0], y + vector[1]) not in taken:
        return (x + vector[0], y + vector[1])
    if vector is not None:
        return None
    for dx, dy in _RINGS:
        if (x + dx, y + dy) not in taken:
            return (x + dx, y + dy)
    return None


def draw(
    pos: Mapping[str, tuple[int, int]],
    links: Mapping[str, Mapping[str, str]],
    current: str,
    width: int,
    height: int,
    labels: Mapping[str, str] | None = None,
    cell: int = 3,
) -> Drawing:
    """Draw the laid-out rooms in a width×height box centred on `current`."""
    step_x, step_y = cell + 2, 2
    cx, cy = pos.get(current, (0, 0))
    origin_x = width // 2 - (cx * step_x + cell // 2)
    origin_y = height // 2 - cy * step_y
    grid = [[" "] * width for _ in range(height)]
    spans: list[tuple[int, int, int, str]] = []

    def put(row: int, col: int, text: str) -> bool:
        if not 0 <= row < height:
            return False
        for i, ch in enumerate(text):
            if 0 <= col + i < width:
                grid[row][col + i] = ch
        return True

    for room, (gx, gy) in pos.items():
        left, row = origin_x + gx * step_x, origin_y + gy * step_y
        for direction, target in links.get(room, {}).items():
            _connector(put, left, row, cell, direction, target in pos)
    for room, (gx, gy) in pos.items():
        left, row = origin_x + gx * step_x, origin_y + gy * step_y
        inner = _label(room, current, labels, cell - 2, links.get(room, {}))
        if put(row, left, f"[{inner}]"):
            tag = "here" if room == current else "room"
            spans.append((row, max(0, left), min(cell, width - max(0, left)), tag))
    return Drawing(tuple("".join(r).rstrip() for r in grid), tuple(spans))


def _label(room: str, current: str, labels: Mapping[str, str] | None, size: int, exits) -> str:
    """What goes inside a room's brackets."""
    if labels is not None:
        arrows = ("↑" if "up" in exits else "") + ("↓" if "down" in exits else "")
        text = labels.get(room, room)
        room_size = size - len(arrows) - (1 if arrows else 0)
        text = text if len(text) <= room_size else text[: room_size - 1] + "…"
        return f"{text} {arrows}".strip().center(size)
    if room == current:
        return "@"
    vertical = {"up", "down"} & set(exits)
    return (
        "↕" if vertical == {"up", "down"} else "↑" if "up" in vertical else "↓" if vertical else "·"
    )


def _connector(put, left: int, row: int, cell: int, direction: str, known: bool) -> None:
    """Draw the line from a room's box toward one exit (a stub when the far room is unknown)."""
    mid = left + cell // 2
    line = "──" if known else "─ "
    if direction == "east":
        put(row, left + cell, line)
    elif direction == "west":
        put(row, left - 2, line[::-1])
    elif direction == "north":
        put(row - 1, mid, "│")
    elif direction == "south":
        put(row + 1, mid, "│")
    elif direction == "northeast":
        put(row - 1, left + cell, "╱")
    elif direction == "southwest":
        put(row + 1, left - 2, "╱")
    elif direction == "northwest":
        put(row - 1, left - 2, "╲")
    elif direction == "southeast":
        put(row + 1, left + cell, "╲")
