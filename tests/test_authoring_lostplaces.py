"""Items left where the player can never come back are all alike to the search: lost."""

from __future__ import annotations

from game.authoring.lostplaces import reachable_rooms
from game.authoring.winnable import search
from game.model import load_world

WORLD = """
game: {title: T}
player: {start: top}
endings:
  out: {title: Out, kind: victory}
  proud: {title: Proud, kind: victory}
rooms:
  top: {name: Top, description: A hilltop., exits: {east: side, down: {to: pit, one_way: true}}}
  side: {name: Side, description: A slope., exits: {west: top}}
  pit: {name: Pit, description: A pit., exits: {north: gate}}
  gate: {name: Gate, description: A gate., on: {jump: {do: [{end: out}]}}}
items:
  stone: {name: stone, description: A stone., location: top}
  pebble: {name: pebble, description: A pebble., location: top}
  flag: {name: flag, description: A flag., location: top}
"""
PROUD = """
events:
  proud: {on: {enter: gate}, when: {item_in: {item: flag, place: side}}, do: [{end: proud}]}
"""


def _world(tmp_path, text: str):
    (tmp_path / "w.yaml").write_text(text, encoding="utf-8")
    return load_world([tmp_path])


def test_rooms_behind_a_one_way_exit_are_out_of_reach(tmp_path):
    reach = reachable_rooms(_world(tmp_path, WORLD))
    assert reach["pit"] == {"pit", "gate"}
    assert reach["top"] == {"top", "side", "pit", "gate"}


def test_things_left_behind_are_one_state_not_one_per_room(tmp_path):
    """Three things in two rooms up top, or carried: below, only what is carried counts.

    Carried or left (2 each) below the drop, not carried, on top or on the side (3 each):
    a search keying the exact rooms would see 27 combinations in each room below.
    """
    result = search(_world(tmp_path, WORLD), seconds=60)
    assert result.complete and "out" in result.endings
    below = 2 * 2**3  # two rooms below, each thing carried or lost
    above = 2 * 3**3  # two rooms above, each thing on top, on the side or carried
    assert result.states <= above + below + 1, result.states


def test_a_thing_whose_place_a_condition_reads_keeps_it(tmp_path):
    """The collapse must not hide where a condition looks: the flag left on the side wins."""
    result = search(_world(tmp_path, WORLD + PROUD), seconds=60)
    assert result.complete
    assert "proud" in result.endings, result.endings
