"""`heard:` and `heard_from:` — a character's change or move heard from another room."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import new_game, step
from game.model import load_world
from game.model.problems import WorldError

ROOT = Path(__file__).resolve().parents[1]
TUTORIAL = ROOT / "tests" / "worlds" / "authoring" / "tutorial"

LAYER = """
rooms:
  lane:
    name: Back Lane
    region: Pump Station
    description: A lane behind the yard.
    exits: {east: pump_yard, south: far_field}
  far_field:
    name: Far Field
    region: Elsewhere
    description: Grass to the horizon.
    exits: {north: lane}
  pump_yard:
    extend: true
    exits: {west: lane}
characters:
  pigeon:
    name: pigeon
    pronoun: it
    description: Grey, with one white feather.
    location: pump_house
    initial: roosting
    states:
      roosting: {present: A pigeon roosts on a pipe.}
      flapping: {present: A pigeon beats about in a panic.}
    transitions:
      - from: roosting
        to: flapping
        when: {flag: scare}
        say: The pigeon explodes off its pipe.
        heard: Somewhere close, wings clatter against metal.
  cat:
    name: cat
    pronoun: it
    description: Thin.
    location: lane
    initial: still
    states:
      still: {present: A cat sits on the wall.}
      prowling:
        route: [lane, far_field]
        heard_from: next_door
    transitions:
      - {from: still, to: prowling, when: {flag: prowl}}
  pump_hum:
    name: hum
    pronoun: it
    description: Low.
    location: pump_house
    initial: low
    states: {low: {}, high: {}}
    transitions:
      - from: low
        to: high
        when: {flag: loud}
        heard: The hum rises to a whine.
        heard_from: anywhere
items:
  whistle:
    name: whistle
    description: Tin.
    location: player
    on:
      blow: {say: You blow., do: [{set: scare}]}
      push: {say: You hiss at nothing., do: [{set: prowl}]}
      pull: {say: You wind it., do: [{set: loud}]}
"""


def layered(tmp_path: Path, text: str = LAYER):
    """The tutorial world with one more layer."""
    (tmp_path / "layer").mkdir(exist_ok=True)
    (tmp_path / "layer" / "x.yaml").write_text(text, encoding="utf-8")
    return load_world([TUTORIAL, tmp_path / "layer"])


def after(world, lines: list[str]) -> str:
    """The text of the last of some lines, played from the start."""
    state, _ = new_game(world, 1)
    text = ""
    for line in lines:
        turn = step(world, state, line)
        state, text = turn.state, turn.text
    return text


def test_a_change_next_door_is_heard_and_not_seen(tmp_path):
    """From the yard (an exit from the pump house) the pigeon is heard, not seen."""
    text = after(layered(tmp_path), ["blow whistle"])
    assert "wings clatter" in text and "explodes" not in text


def test_a_change_in_the_same_room_is_seen_and_not_heard(tmp_path):
    """In the pump house the player sees the pigeon go; the heard text is not added."""
    lines = ["talk to mrs oh", "1", "unlock door with brass key", "north", "blow whistle"]
    text = after(layered(tmp_path), lines)
    assert "explodes" in text and "wings clatter" not in text


def test_out_of_earshot_nothing_is_heard(tmp_path):
    """Two rooms away (the lane) the pigeon is silent; 'anywhere' still carries."""
    world = layered(tmp_path)
    assert "wings clatter" not in after(world, ["west", "blow whistle"])
    assert "rises to a whine" in after(world, ["west", "south", "pull whistle"])


def test_moves_heard_next_door_use_the_library_message(tmp_path):
    """The prowling cat leaving the lane is heard from the yard; a world can reword it."""
    world = layered(tmp_path)
    assert "You hear someone moving about" in after(world, ["push whistle", "wait", "wait"])
    reworded = LAYER + "messages:\n  heard_moves: Claws skitter on a wall nearby.\n"
    text = after(layered(tmp_path, reworded), ["push whistle", "wait", "wait"])
    assert "Claws skitter" in text


@pytest.mark.parametrize(
    ("text", "needle", "line"),
    [
        (
            "player:\n  start: pump_yard\n  condition:\n    states: {well: {}, ill: {}}\n"
            "    transitions:\n      - {from: well, to: ill, heard: You cough.}\n",
            "nothing hears it from elsewhere",
            6,
        ),
        (
            "characters:\n  mrs_oh:\n    replace: true\n    name: Mrs Oh\n    location: pump_yard\n"
            "    states: {a: {}, b: {}}\n    transitions:\n"
            "      - {from: a, to: b, heard_from: region}\n",
            "'heard_from' goes only with 'heard'",
            8,
        ),
        (
            "characters:\n  mrs_oh:\n    replace: true\n    name: Mrs Oh\n    location: pump_yard\n"
            "    states: {a: {heard_from: nearby}}\n",
            "heard_from 'nearby' is not one of next_door, region, anywhere",
            6,
        ),
    ],
)
def test_mistakes_are_refused_where_they_are(tmp_path, text, needle, line):
    """`heard` on the player's condition, `heard_from` alone, an unknown reach: errors at the place."""
    with pytest.raises(WorldError) as error:
        layered(tmp_path, text)
    shown = str(error.value)
    assert needle in shown and f"x.yaml:{line}:" in shown


AGREE = [
    (
        "characters:\n  bird:\n    name: bird\n    location: pump_house\n"
        "    states: {a: {}, b: {heard_from: region}}\n"
        "    transitions:\n      - {from: a, to: b, heard: Wings., heard_from: anywhere}\n",
        True,
    ),
    (
        "characters:\n  bird:\n    name: bird\n    location: pump_house\n"
        "    states: {a: {}, b: {}}\n    transitions:\n      - {from: a, to: b, heard_from: region}\n",
        False,
    ),
    (
        "characters:\n  bird:\n    name: bird\n    location: pump_house\n"
        "    states: {a: {heard_from: far}}\n",
        False,
    ),
]


@pytest.mark.parametrize(("text", "valid"), AGREE)
def test_loader_and_schema_agree_on_heard(tmp_path, text, valid):
    """The loader and the schema both accept or both refuse each fragment."""
    from tests.test_authoring_schema import validate, yaml12
    from tests.test_loader_schema_agree import loader_accepts

    assert loader_accepts(tmp_path, text) is valid
    assert (validate(yaml12(text)) == []) is valid


def test_check_coverage_counts_heard_texts(tmp_path):
    """`check --coverage` lists a heard text among the texts the game prints."""
    from game.authoring.coverage import world_texts

    texts = {t.text for t in world_texts(layered(tmp_path))}
    assert "Somewhere close, wings clatter against metal." in texts
