"""`hyosan map`: the world's rooms and exits by region, as text, Graphviz dot or Mermaid."""

from __future__ import annotations

import attrs

from game.model import Exit, World


@attrs.frozen
class Link:
    """One exit, with what a map should say about it."""

    room: str
    direction: str
    to: str
    locked: bool  # a locked door or a condition on the way
    one_way: bool  # no exit back (on purpose or not)
    hidden: str  # the flag that reveals it, or ''
    door: str  # the door's name, or ''


def links(world: World) -> list[Link]:
    """Every exit of every room, in file order."""
    result = []
    for room in world.rooms.values():
        for exit_ in room.exits:
            result.append(_link(world, room.id, exit_))
    return result


def _link(world: World, room_id: str, exit_: Exit) -> Link:
    """What a map shows for one exit."""
    door = world.items.get(exit_.door) if exit_.door else None
    spec = door.door if door is not None else None
    locked = bool(exit_.when) or bool(spec and spec.locked)
    back = world.exits.get(exit_.to, {}).values()
    one_way = exit_.one_way or not any(e.to == room_id for e in back)
    return Link(
        room_id,
        exit_.direction,
        exit_.to,
        locked,
        one_way,
        exit_.hidden_until,
        door.name if door else "",
    )


def regions(world: World) -> dict[str, list[str]]:
    """Room ids by region, regions in order of first appearance."""
    result: dict[str, list[str]] = {}
    for room in world.rooms.values():
        result.setdefault(room.region, []).append(room.id)
    return result


def _marks(link: Link) -> str:
    """The bracketed notes of a text-map exit."""
    notes = []
    if link.door:
        notes.append(f"door: {link.door}")
    if link.locked:
        notes.append("locked")
    if link.one_way:
        notes.append("one-way")
    if link.hidden:
        notes.append(f"hidden until {link.hidden}")
    return f"  [{', '.join(notes)}]" if notes else ""


def text_map(world: World) -> str:
    """A plain-text map: regions, rooms, and each exit with its marks."""
    by_room: dict[str, list[Link]] = {}
    for link in links(world):
        by_room.setdefault(link.room, []).append(link)
    out = []
    for region, room_ids in regions(world).items():
        out.append(f"== {region} ==")
        for room_id in room_ids:
            start = "  (start)" if room_id == world.player.start else ""
            out.append(f"{world.rooms[room_id].name} [{room_id}]{start}")
            for link in by_room.get(room_id, []):
                target = world.rooms.get(link.to)
                name = target.name if target else link.to
                elsewhere = f" ({target.region})" if target and target.region != region else ""
                out.append(f"  {link.direction:<9} -> {name} [{link.to}]{elsewhere}{_marks(link)}")
        out.append("")
    out.append("Marks: locked = a locked door or a condition; one-way = no exit back.")
    return "\n".join(out) + "\n"


def _quote(text: str) -> str:
    """A double-quoted dot string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot_map(world: World) -> str:
    """A Graphviz digraph, one cluster per region; locked exits dashed, one-way exits bold."""
    out = ["digraph world {", "  rankdir=LR;", "  node [shape=box, style=rounded];"]
    for n, (region, room_ids) in enumerate(regions(world).items()):
        out.append(f"  subgraph cluster_{n} {{")
        out.append(f"    label={_quote(region)};")
        for room_id in room_ids:
            extra = ", peripheries=2" if room_id == world.player.start else ""
            out.append(f"    {room_id} [label={_quote(world.rooms[room_id].name)}{extra}];")
        out.append("  }")
    for link in links(world):
        label = link_label(link)
        style = []
        if link.locked:
            style.append("style=dashed, color=red")
        if link.one_way:
            style.append("penwidth=2")
        attrs_text = ", ".join([f"label={_quote(label)}", *style])
        out.append(f"  {link.room} -> {link.to} [{attrs_text}];")
    out.append("}")
    return "\n".join(out) + "\n"


def link_label(link) -> str:
    """`north (locked) (one-way)`: an exit's direction and marks, as both graph formats show it."""
    return (
        link.direction
        + (" (locked)" if link.locked else "")
        + (" (one-way)" if link.one_way else "")
    )


def _mermaid_text(text: str) -> str:
    """Text safe inside a Mermaid label."""
    return text.replace('"', "#quot;")


def mermaid_map(world: World) -> str:
    """A Mermaid flowchart, one subgraph per region; locked exits dotted."""
    out = ["flowchart LR"]
    for n, (region, room_ids) in enumerate(regions(world).items()):
        out.append(f'  subgraph region_{n}["{_mermaid_text(region)}"]')
        for room_id in room_ids:
            name = _mermaid_text(world.rooms[room_id].name)
            shape = f'(["{name}"])' if room_id == world.player.start else f'["{name}"]'
            out.append(f"    {room_id}{shape}")
        out.append("  end")
    for link in links(world):
        label = link_label(link)
        arrow = "-.->" if link.locked else "-->"
        out.append(f'  {link.room} {arrow}|"{_mermaid_text(label)}"| {link.to}')
    return "\n".join(out) + "\n"


def _svg(world: World) -> str:
    """The SVG picture (game/authoring/svgmap.py)."""
    from game.authoring.svgmap import svg_map

    return svg_map(world)


FORMATS = {"text": text_map, "dot": dot_map, "mermaid": mermaid_map, "svg": _svg}
