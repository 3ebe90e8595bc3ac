"""`dark:` as a condition and `char_in`: loaded, checked, and obeyed by the engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import new_game, step
from game.model import load_world
from game.model.problems import WorldError

TUTORIAL = Path(__file__).resolve().parents[1] / "tests" / "worlds" / "authoring" / "tutorial"

LAYER = """
rooms:
  pump_yard:
    extend: true
    dark: {flag: cut}
    on:
      jump: {say: Snap., do: [{set: cut}]}
events:
  oh_hears:
    on: {enter: pump_house}
    when: {char_in: {who: mrs_oh, place: [pump_yard, nowhere]}}
    say: Mrs Oh hears it too.
"""


def layered(tmp_path: Path, text: str):
    """The tutorial world with one more layer."""
    (tmp_path / "layer").mkdir(exist_ok=True)
    (tmp_path / "layer" / "x.yaml").write_text(text, encoding="utf-8")
    return load_world([TUTORIAL, tmp_path / "layer"])


def test_dark_follows_its_condition_and_undo(tmp_path):
    """The yard is lit until the flag is set, dark after, lit again after UNDO."""
    world = layered(tmp_path, LAYER)
    assert not world.rooms["pump_yard"].dark and world.rooms["pump_yard"].dark_when
    state, _ = new_game(world, 1)
    assert "Pump Yard" in step(world, state, "look").text
    state = step(world, state, "jump").state
    dark = step(world, state, "look").text
    assert "pitch dark" in dark and "Pump Yard" not in dark
    assert "Pump Yard" in step(world, step(world, state, "undo").state, "look").text


def test_char_in_reads_where_a_character_is_from_elsewhere(tmp_path):
    """The event fires while Mrs Oh is in the yard, not once she has gone."""
    world = layered(tmp_path, LAYER)
    lines = ["talk to mrs oh", "1", "unlock door with brass key", "north"]
    state, _ = new_game(world, 1)
    for line in lines:
        turn = step(world, state, line)
        state = turn.state
    assert "Mrs Oh hears it too." in turn.text
    gone = LAYER.replace("[pump_yard, nowhere]", "pump_house")
    world2 = layered(tmp_path, gone)
    state, _ = new_game(world2, 1)
    for line in lines:
        turn = step(world2, state, line)
        state = turn.state
    assert "hears it too" not in turn.text


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (
            "rooms:\n  pump_yard:\n    extend: true\n    dark: {chance: 50}\n",
            "cannot depend on 'chance'",
        ),
        (
            "rooms:\n  pump_yard:\n    extend: true\n    dark: {any: [{not: {chance: 5}}]}\n",
            "chance",
        ),
        ("rooms:\n  pump_yard:\n    extend: true\n    dark: {flg: x}\n", "unknown condition 'flg'"),
        (
            "events:\n  e:\n    when: {char_in: {who: mrs_oh}}\n    say: x\n",
            "needs 'who' and 'place'",
        ),
        (
            "events:\n  e:\n    when: {char_in: {who: mrs_ho, place: pump_yard}}\n    say: x\n",
            "mrs_ho",
        ),
        ("events:\n  e:\n    when: {char_in: {who: mrs_oh, place: moon}}\n    say: x\n", "moon"),
    ],
)
def test_mistakes_are_refused_with_the_reason(tmp_path, text, needle):
    """A chance in `dark:`, an unknown op, a missing or unknown id: each a load error."""
    with pytest.raises(WorldError) as caught:
        layered(tmp_path, text)
    assert needle in str(caught.value)
