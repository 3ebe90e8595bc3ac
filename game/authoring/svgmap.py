"""`hyosan map --format svg`: a picture of the world drawn without Graphviz.

Rooms are laid on a grid by the compass (north is up), walked outwards from the start; a
room whose place is taken goes to the nearest free cell. Dark rooms are filled dark, locked
exits dashed red, one-way exits end in an arrow, and each expansion folder's rooms have a
colour of their own (the first --world folder's rooms stay white).
"""

from __future__ import annotations

from collections import deque
from html import escape
from pathlib import Path

from game.authoring.mapping import Link, links
from game.model import World

STEP = {
    "north": (0, -1),
    "south": (0, 1),
    "east": (1, 0),
    "west": (-1, 0),
    "northeast": (1, -1),
    "northwest": (-1, -1),
    "southeast": (1, 1),
    "southwest": (-1, 1),
    "up": (1, -1),
    "down": (-1, 1),
    "in": (1, 1),
    "out": (-1, -1),
}
CELL_W, CELL_H, BOX_W, BOX_H, MARGIN = 190, 110, 150, 54, 40
LAYER_COLOURS = ("#ffffff", "#d8ecff", "#ffe3c2", "#dff5d8", "#f3dcf7", "#fff6b8")


def layout(world: World) -> dict[str, tuple[int, int]]:
    """A grid cell for every room: by the compass from the start, free cells for clashes."""
    cells: dict[str, tuple[int, int]] = {}
    taken: set[tuple[int, int]] = set()
    order = [world.player.start, *(r for r in world.rooms if r != world.player.start)]
    for seed in order:
        if seed in cells:
            continue
        start = _free(taken, (0, max((y for _, y in taken), default=-2) + 2))
        _place(cells, taken, seed, start)
        queue = deque([seed])
        while queue:
            room = queue.popleft()
            x, y = cells[room]
            for ex in world.rooms[room].exits:
                if ex.to in cells or ex.to not in world.rooms:
                    continue
                dx, dy = STEP.get(ex.direction, (1, 1))
                _place(cells, taken, ex.to, _free(taken, (x + dx, y + dy)))
                queue.append(ex.to)
    return cells


def _place(cells: dict, taken: set, room: str, cell: tuple[int, int]) -> None:
    """Put a room in a cell."""
    cells[room] = cell
    taken.add(cell)


def _free(taken: set[tuple[int, int]], want: tuple[int, int]) -> tuple[int, int]:
    """The wanted cell, or the nearest free one around it (ring by ring)."""
    if want not in taken:
        return want
    x, y = want
    for ring in range(1, 1000):
        for dx in range(-ring, ring + 1):
            for dy in (-ring, ring) if abs(dx) != ring else range(-ring, ring + 1):
                if (x + dx, y + dy) not in taken:
                    return (x + dx, y + dy)
    raise ValueError("no free cell")  # pragma: no cover - a world has fewer rooms than that


def layers(world: World) -> dict[str, int]:
    """Each room's layer: 0 for the first folder's rooms, 1, 2… for each expansion folder."""
    folders: list[Path] = []
    for name in world.files:
        folder = Path(name).parent
        if folder not in folders:
            folders.append(folder)
    result = {}
    for room in world.rooms.values():
        folder = Path(room.where.path).parent if room.where else None
        result[room.id] = folders.index(folder) if folder in folders else 0
    return result


def svg_map(world: World) -> str:
    """The whole map as one SVG document."""
    cells = layout(world)
    xs = [x for x, _ in cells.values()] or [0]
    ys = [y for _, y in cells.values()] or [0]
    left, top = min(xs), min(ys)
    width = max((max(xs) - left + 1) * CELL_W + 2 * MARGIN, 620)  # room for the legend
    height = (max(ys) - top + 1) * CELL_H + 2 * MARGIN + 40

    def centre(room: str) -> tuple[float, float]:
        x, y = cells[room]
        return (MARGIN + (x - left) * CELL_W + BOX_W / 2, MARGIN + (y - top) * CELL_H + BOX_H / 2)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f"<title>{escape(world.info.title)}: map</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="#444"/></marker></defs>',
        f'<rect width="{width}" height="{height}" fill="#fafafa"/>',
    ]
    drawn: set[frozenset[str]] = set()
    for link in sorted(links(world), key=lambda k: not k.locked):  # a locked side is the one drawn
        if link.to in cells and link.room in cells:
            out.append(_exit(link, centre(link.room), centre(link.to), drawn))
    layer_of = layers(world)
    for room_id in cells:
        out.append(_room(world, room_id, centre(room_id), layer_of[room_id]))
    out.append(_legend(height))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _exit(link: Link, a: tuple[float, float], b: tuple[float, float], drawn: set) -> str:
    """One exit as a line: dashed red when locked, an arrow when one-way; two-way pairs once."""
    pair = frozenset((link.room, link.to))
    if not link.one_way and pair in drawn:
        return ""
    drawn.add(pair)
    style = 'stroke="#c0392b" stroke-dasharray="6 4"' if link.locked else 'stroke="#444"'
    arrow = ' marker-end="url(#arrow)"' if link.one_way else ""
    title = escape(
        f"{link.room} {link.direction} -> {link.to}" + (" (locked)" if link.locked else "")
    )
    return (
        f'<line x1="{a[0]:.0f}" y1="{a[1]:.0f}" x2="{b[0]:.0f}" y2="{b[1]:.0f}" {style} '
        f'stroke-width="2"{arrow}><title>{title}</title></line>'
    )


def _room(world: World, room_id: str, c: tuple[float, float], layer: int) -> str:
    """One room as a box with its name: dark rooms dark, expansion rooms in their colour."""
    room = world.rooms[room_id]
    dark = room.dark or bool(room.dark_when)
    fill = "#2c2c3a" if room.dark else LAYER_COLOURS[layer % len(LAYER_COLOURS)]
    ink = "#ffffff" if room.dark else "#111111"
    border = ' stroke-dasharray="4 3"' if room.dark_when else ""
    width = 3 if room_id == world.player.start else 1.5
    x, y = c[0] - BOX_W / 2, c[1] - BOX_H / 2
    name = escape(room.name if len(room.name) <= 24 else room.name[:23] + "…")
    note = "dark" if room.dark else ("dark at times" if dark else escape(room.region[:24]))
    return (
        f'<g class="room{" dark" if dark else ""}" data-id="{room_id}" data-layer="{layer}">'
        f"<title>{escape(room_id)}</title>"
        f'<rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" height="{BOX_H}" rx="8" fill="{fill}" '
        f'stroke="#333" stroke-width="{width}"{border}/>'
        f'<text x="{c[0]:.0f}" y="{c[1] - 4:.0f}" text-anchor="middle" fill="{ink}" '
        f'font-weight="bold">{name}</text>'
        f'<text x="{c[0]:.0f}" y="{c[1] + 14:.0f}" text-anchor="middle" fill="{ink}" '
        f'font-size="10">{note}</text></g>'
    )


def _legend(height: int) -> str:
    """What the marks mean, along the bottom."""
    y = height - 20
    return (
        f'<g class="legend" font-size="11"><rect x="{MARGIN}" y="{y - 11}" width="14" '
        f'height="14" fill="#2c2c3a"/><text x="{MARGIN + 20}" y="{y}">dark</text>'
        f'<line x1="{MARGIN + 70}" y1="{y - 4}" x2="{MARGIN + 110}" y2="{y - 4}" '
        f'stroke="#c0392b" stroke-dasharray="6 4" stroke-width="2"/>'
        f'<text x="{MARGIN + 116}" y="{y}">locked</text>'
        f'<rect x="{MARGIN + 170}" y="{y - 11}" width="14" height="14" fill="{LAYER_COLOURS[1]}" '
        f'stroke="#333"/><text x="{MARGIN + 190}" y="{y}">expansion</text>'
        f'<text x="{MARGIN + 260}" y="{y}">thick border: start; arrow: one-way</text></g>'
    )
