"""GIVE, SHOW and PUT act on the object the player named, never on another one carried."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.engine import new_game, step
from game.model import load_world

FOODS = ("apple", "bread", "cheese")

GAME = """\
game: {title: Names, release: 1, author: T, intro: You arrive.}
player: {start: hall, inventory: [apple, bread, cheese]}
endings: {out: {title: Out, text: You leave., kind: victory}}
rooms:
  hall: {name: Hall, description: A bare hall.}
characters:
  friend:
    name: Mo
    words: [mo, friend]
    pronoun: her
    description: Mo waits.
    location: hall
    initial: here
    states: {here: {}}
    on:
      give: {say: Mo shakes her head.}
      show: {say: Mo looks politely.}
items:
  box:
    name: box
    description: A box.
    location: hall
    portable: false
    container: {open: true, capacity: 5}
"""


def _item(food: str) -> str:
    """A food item with a rule for giving it to Mo."""
    return f"""\
  {food}:
    name: {food}
    description: A {food}.
    location: player
    use:
      - on: friend
        say: Mo takes the {food}.
        do: [{{move: {{item: {food}, to: nowhere}}}}]
"""


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):
    folder: Path = tmp_path_factory.mktemp("names")
    text = GAME + "".join(_item(food) for food in FOODS)
    (folder / "world.yaml").write_text(text, encoding="utf-8")
    return load_world([folder])


@given(named=st.sampled_from(FOODS), verb=st.sampled_from(["give", "show", "put"]))
def test_the_verb_acts_on_the_object_named(world, named: str, verb: str) -> None:
    state, _ = new_game(world, seed=1)
    line = f"put {named} in box" if verb == "put" else f"{verb} {named} to mo"
    turn = step(world, state, line)
    text = " ".join(p.text for p in turn.output)
    others = [food for food in FOODS if food != named]
    for food in others:
        assert food not in text
        assert turn.state.places.get(food) == "player"
    if verb == "put":
        assert turn.state.places.get(named) == "box"
    else:
        assert f"the {named}" in text
