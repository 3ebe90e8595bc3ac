"""A generated family of small worlds, each with one planted softlock the search must find.

Each world is a short corridor of `pad` plain rooms between the start and the puzzle, so the
same softlock is found at different depths; the path the search reports is checked exactly.
"""

from __future__ import annotations

import pytest

from game.authoring.winnable import search
from game.model import load_world

HEAD = """
game: {title: T}
player: {start: start, inventory: [%(inventory)s]}
endings:
  won: {title: Won, kind: victory}
  dead: {title: Dead, kind: death}
events:
  out: {on: {enter: goal}, do: [{end: won}]}
"""


def _corridor(pad: int, last: str) -> tuple[str, list[str]]:
    """`pad` rooms from `start` east to `last`, and the commands that walk them."""
    names = ["start", *(f"pad{n}" for n in range(pad))]
    rooms = ""
    for here, there in zip(names, [*names[1:], last], strict=True):
        rooms += f"  {here}:\n    name: {here.title()}\n    description: A room.\n"
        rooms += (
            f"    exits: {{east: {there}}}\n"
            if here == "start"
            else (f"    exits: {{east: {there}, west: {names[names.index(here) - 1]}}}\n")
        )
    return rooms, ["east"] * len(names)


def _prev(pad: int) -> str:
    """The room west of the puzzle."""
    return f"pad{pad - 1}" if pad else "start"


def _world(tmp_path, text: str):
    """Write and load one world."""
    (tmp_path / "w.yaml").write_text(text, encoding="utf-8")
    return load_world([tmp_path])


def key_in_the_dark(pad: int) -> tuple[str, tuple[str, ...]]:
    """The only key dropped in a dark cellar cannot be found again."""
    rooms, walk = _corridor(pad, "hall")
    text = (
        HEAD % {"inventory": "key"}
        + "rooms:\n"
        + rooms
        + """
  hall:
    name: Hall
    description: A hall. A door north, stairs down.
    exits:
      west: PREV
      north: {to: goal, door: door}
      down: cellar
  cellar:
    name: Cellar
    dark: true
    description: A cellar.
    exits: {up: hall}
  goal: {name: Goal, description: Out.}
items:
  key: {name: iron key, description: A key.}
  door: {name: door, description: A door., door: {open: false, locked: true, key: key}}
"""
    ).replace("PREV", _prev(pad))
    return text, (*walk, "down", "drop key")


def consumable(pad: int) -> tuple[str, tuple[str, ...]]:
    """The only bread, eaten, cannot bribe the guard any more."""
    rooms, _ = _corridor(pad, "hall")
    text = (
        HEAD % {"inventory": "bread"}
        + "rooms:\n"
        + rooms
        + """
  hall:
    name: Hall
    description: A guard by the north door.
    exits:
      west: PREV
      north: {to: goal, when: {flag: bribed}, refuse: The guard blocks you.}
  goal: {name: Goal, description: Out.}
items:
  bread: {name: bread, description: Bread., edible: {say: You eat it.}}
characters:
  guard:
    name: guard
    proper: false
    description: A guard.
    location: hall
    on:
      give: {when: {has: bread}, say: He takes it., do: [{remove: bread}, {set: bribed}]}
"""
    ).replace("PREV", _prev(pad))
    return text, ("eat bread",)


def one_way_past(pad: int) -> tuple[str, tuple[str, ...]]:
    """A one-way drop leaves the needed key behind."""
    rooms, walk = _corridor(pad, "ledge")
    text = (
        HEAD % {"inventory": ""}
        + "rooms:\n"
        + rooms
        + """
  ledge:
    name: Ledge
    description: A ledge over a pit. A key glints here.
    exits:
      west: PREV
      down: {to: pit, one_way: true}
  pit:
    name: Pit
    description: A pit with a locked door north.
    exits:
      north: {to: goal, door: door}
  goal: {name: Goal, description: Out.}
items:
  key: {name: key, description: A key., location: ledge}
  door: {name: door, description: A door., door: {open: false, locked: true, key: key}}
"""
    ).replace("PREV", _prev(pad))
    return text, (*walk, "down")


def npc_takes_key(pad: int) -> tuple[str, tuple[str, ...]]:
    """Giving the only key to a hoarder loses it for good."""
    rooms, walk = _corridor(pad, "hall")
    text = (
        HEAD % {"inventory": "key"}
        + "rooms:\n"
        + rooms
        + """
  hall:
    name: Hall
    description: A door north.
    exits:
      west: PREV
      north: {to: goal, door: door}
  goal: {name: Goal, description: Out.}
items:
  key: {name: key, description: A key.}
  door: {name: door, description: A door., door: {open: false, locked: true, key: key}}
characters:
  magpie:
    name: Magpie
    description: A hoarder.
    location: hall
    on:
      give: {say: Mine now., do: [{move: {item: key, to: nowhere}}]}
"""
    ).replace("PREV", _prev(pad))
    return text, (*walk, "give key to magpie")


def light_dropped_in_the_dark(pad: int) -> tuple[str, tuple[str, ...]]:
    """The issue's case: the only torch, unlit, dropped in a dark culvert where the way on needs light."""
    rooms, walk = _corridor(pad, "cage")
    text = (
        HEAD % {"inventory": "torch"}
        + "rooms:\n"
        + rooms
        + """
  cage:
    name: Cage
    description: A grate in the floor.
    exits:
      west: PREV
      down: culvert
  culvert:
    name: Culvert
    dark: true
    description: Water runs north.
    exits:
      up: cage
      north: {to: goal, when: {is_lit: torch}, refuse: You can't find the way in the dark.}
  goal: {name: Goal, description: Out.}
items:
  torch: {name: torch, description: A torch., light: {lit: false}}
"""
    ).replace("PREV", _prev(pad))
    return text, (*walk, "down", "drop torch")


PLANTED = [key_in_the_dark, consumable, one_way_past, npc_takes_key, light_dropped_in_the_dark]


@pytest.mark.parametrize("plant", PLANTED, ids=lambda p: p.__name__)
@pytest.mark.parametrize("pad", [0, 1, 3])
def test_planted_softlock_is_found_with_its_path(tmp_path, plant, pad):
    """The search proves the world winnable and finds the planted softlock, path and all."""
    text, path = plant(pad)
    result = search(_world(tmp_path, text), max_states=20_000, seconds=60)
    assert result.complete and result.winnable
    assert path in [lock.path for lock in result.softlocks], result.softlocks


def test_without_the_plant_there_is_no_softlock(tmp_path):
    """The control: a world where the key cannot be lost has no softlock."""
    text, _ = key_in_the_dark(1)
    text = text.replace("dark: true", "dark: false")
    result = search(_world(tmp_path, text), max_states=20_000, seconds=60)
    assert result.complete and result.winnable and result.softlocks == ()


def test_a_lost_key_is_proven_a_softlock_before_the_search_finishes(tmp_path):
    """Giving the only key away is proven hopeless by the rules at once, so a search cut
    short long before it has seen everything still reports that softlock."""
    text, path = npc_takes_key(3)
    stones = "".join(
        f"  stone{n}: {{name: stone {n}, description: A stone., location: start}}\n"
        for n in range(6)  # things to carry about and drop anywhere: the full search is large
    )
    world = _world(tmp_path, text.replace("items:\n", "items:\n" + stones, 1))
    result = search(world, max_states=3_000, seconds=60)
    assert not result.complete
    assert path in [lock.path for lock in result.softlocks]


@pytest.mark.parametrize("plant", PLANTED, ids=lambda p: p.__name__)
def test_two_workers_find_the_same_states_and_softlocks(tmp_path, plant):
    """Forked workers step the states; merged in order, the result is the one-process one."""
    text, path = plant(1)
    world = _world(tmp_path, text)
    alone = search(world, max_states=20_000, seconds=60)
    shared = search(world, max_states=20_000, seconds=60, workers=2)
    assert shared.complete and path in [lock.path for lock in shared.softlocks]
    assert (shared.states, shared.steps, shared.endings, shared.softlocks) == (
        alone.states,
        alone.steps,
        alone.endings,
        alone.softlocks,
    )


def test_two_workers_stop_at_the_same_state_as_one(tmp_path):
    """A bound on states cuts the search at the same place whatever the number of workers."""
    text, _ = npc_takes_key(3)
    stones = "".join(
        f"  stone{n}: {{name: stone {n}, description: A stone., location: start}}\n"
        for n in range(6)
    )
    world = _world(tmp_path, text.replace("items:\n", "items:\n" + stones, 1))
    alone = search(world, max_states=2_000, seconds=60)
    shared = search(world, max_states=2_000, seconds=60, workers=2)
    assert not shared.complete
    assert (shared.states, shared.explored, shared.frontier, shared.softlocks) == (
        alone.states,
        alone.explored,
        alone.frontier,
        alone.softlocks,
    )
