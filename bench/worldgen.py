"""Generate large, valid worlds for benchmarks: a grid of rooms with items, doors and events."""

from __future__ import annotations

import sys
from pathlib import Path

ROOMS_PER_FILE = 500


def room_yaml(i: int, width: int, total: int) -> str:
    """One room with exits to its grid neighbours, scenery and a listen response."""
    exits = []
    if i % width and i - 1 >= 0:
        exits.append(f"      west: r{i - 1}")
    if (i + 1) % width and i + 1 < total:
        exits.append(f"      east: r{i + 1}")
    if i - width >= 0:
        exits.append(f"      north: r{i - width}")
    if i + width < total:
        exits.append(
            f"      south: {{to: r{i + width}, when: {{turn_at_least: 0}}, refuse: Not yet.}}"
        )
    return (
        f"  r{i}:\n"
        f"    name: Ruined Room {i}\n"
        f"    region: Sector {i // 100}\n"
        f"    description: Room {i} of the generated ruins. Ash drifts through a broken window.\n"
        f"    exits:\n" + "\n".join(exits) + "\n"
        "    scenery:\n"
        "      window: {words: [window, glass], description: Broken glass edged with soot.}\n"
    )


def item_yaml(i: int) -> str:
    """One item per room: alternately a plain thing and a container."""
    if i % 2:
        return (
            f"  box{i}:\n    name: crate {i}\n    words: [crate]\n    adjectives: [wooden]\n"
            f"    description: A wooden crate.\n    location: r{i}\n    portable: false\n"
            f"    container: {{open: false, capacity: 3}}\n"
        )
    return (
        f"  tag{i}:\n    name: tag {i}\n    words: [tag]\n    adjectives: [bloody]\n"
        f"    description: A bloody ID tag.\n    location: r{i}\n    points: 1\n"
    )


def write_world(folder: Path, rooms: int) -> Path:
    """Write a world of `rooms` rooms into a folder; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    width = max(1, int(rooms**0.5))
    (folder / "game.yaml").write_text(
        "game: {title: Generated, release: 1, intro: A generated world.}\n"
        "player: {start: r0}\n"
        "endings:\n  done: {title: Done, text: You reached the end., kind: victory}\n"
        "events:\n"
        "  first_step: {on: {enter: r1}, say: Your footsteps echo., do: [{set: moved}]}\n"
        "  tick: {on: {every: 50}, once: false, say: A siren winds up and down.}\n"
        f"  finish: {{on: {{enter: r{rooms - 1}}}, do: [{{end: done}}]}}\n",
        encoding="utf-8",
    )
    for start in range(0, rooms, ROOMS_PER_FILE):
        stop = min(rooms, start + ROOMS_PER_FILE)
        text = "rooms:\n" + "".join(room_yaml(i, width, rooms) for i in range(start, stop))
        text += "items:\n" + "".join(item_yaml(i) for i in range(start, stop))
        (folder / f"part{start // ROOMS_PER_FILE:03d}.yaml").write_text(text, encoding="utf-8")
    return folder


if __name__ == "__main__":
    write_world(Path(sys.argv[1]), int(sys.argv[2]))
