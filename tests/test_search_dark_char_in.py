"""The winnability search plays the real engine: it obeys a conditional `dark:` and `char_in`,
finds the order they demand, and proves a world unwinnable when they can never be met."""

from __future__ import annotations

from pathlib import Path

from game.authoring.winnable import search
from game.model import load_world

WORLD = """
game: {title: Cellar}
player: {start: hall}
rooms:
  hall:
    name: Hall
    description: A bare hall. Stairs go down; the gate is east.
    exits:
      down: cellar
      east:
        to: gate
        when: {char_in: {who: guard, place: barracks}}
        refuse: The guard at the gate shakes his head.
  cellar:
    name: Cellar
    description: Shelves and damp.
    dark: {not: {flag: lights}}
    exits: {up: hall}
  gate:
    name: Gate
    description: The open road.
  barracks:
    name: Barracks
    description: Bunks.
items:
  switch:
    name: light switch
    description: A brass switch.
    location: hall
    portable: false
    on:
      push: {say: Somewhere below a bulb buzzes on., do: [{set: lights}]}
  bell:
    name: bell
    description: A hand bell.
    location: cellar
    on:
      swing:
        say: The guard runs off towards the barracks.
        do: [{move_character: {who: guard, to: barracks}}]
characters:
  guard:
    name: guard
    pronoun: him
    description: Bored.
    location: gate
endings:
  out: {title: Out, text: You walk out.}
events:
  leave:
    on: {enter: gate}
    do: [{end: out}]
"""


def world_from(tmp_path: Path, text: str):
    """A world from one file."""
    folder = tmp_path / "w"
    folder.mkdir()
    (folder / "w.yaml").write_text(text, encoding="utf-8")
    return load_world([folder])


def test_the_search_lights_the_cellar_and_sends_the_guard_away_first(tmp_path):
    """The only way out: the switch (the cellar is dark until then), the bell, then east."""
    result = search(world_from(tmp_path, WORLD), max_states=20_000)
    assert result.complete and result.winnable
    path = result.endings["out"]
    assert path.index("push switch") < path.index("down") < path.index("swing bell")
    assert path[-1] == "east"


def test_a_cellar_that_never_lights_makes_the_world_unwinnable(tmp_path):
    """Without the switch the bell is never seen, the guard never leaves: proven unwinnable."""
    text = WORLD.replace("do: [{set: lights}]", "do: []")
    result = search(world_from(tmp_path, text), max_states=20_000)
    assert result.complete and not result.winnable


def test_a_guard_who_never_leaves_makes_the_world_unwinnable(tmp_path):
    """With the bell moving the guard to the hall instead, char_in never holds."""
    text = WORLD.replace("{who: guard, to: barracks}", "{who: guard, to: hall}")
    result = search(world_from(tmp_path, text), max_states=20_000)
    assert result.complete and not result.winnable
