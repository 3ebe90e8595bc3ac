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
  altar:
    name: altar
    description: An altar.
    location: hall
    portable: false
    supporter: {capacity: 5}
    on:
      put: {say: Nothing happens on the altar.}
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
      - on: altar
        say: The {food} glows on the altar.
        do: [{{move: {{item: {food}, to: altar}}}}]
"""


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):
    folder: Path = tmp_path_factory.mktemp("names")
    text = GAME + "".join(_item(food) for food in FOODS)
    (folder / "world.yaml").write_text(text, encoding="utf-8")
    return load_world([folder])


@given(named=st.sampled_from(FOODS), verb=st.sampled_from(["give", "show", "put", "altar"]))
def test_the_verb_acts_on_the_object_named(world, named: str, verb: str) -> None:
    state, _ = new_game(world, seed=1)
    line = {"put": f"put {named} in box", "altar": f"put {named} on altar"}.get(
        verb, f"{verb} {named} to mo"
    )
    turn = step(world, state, line)
    text = " ".join(p.text for p in turn.output)
    others = [food for food in FOODS if food != named]
    for food in others:
        assert food not in text
        assert turn.state.places.get(food) == "player"
    if verb == "put":
        assert turn.state.places.get(named) == "box"
    elif verb == "altar":
        assert f"The {named} glows" in text
        assert turn.state.places.get(named) == "altar"
    else:
        assert f"the {named}" in text


def test_an_item_description_follows_its_state(tmp_path: Path) -> None:
    (tmp_path / "w.yaml").write_text(
        """\
game: {title: T, release: 1, author: A, intro: Hi.}
player: {start: room}
endings: {out: {title: Out, text: Bye., kind: victory}}
rooms:
  room: {name: Room, description: A room.}
items:
  kit:
    name: kit
    description: A kit with a shot inside.
    variants:
      - when: {not: {item_in: {item: shot, place: kit}}}
        text: An empty kit.
    location: room
    portable: false
    container: {open: true, capacity: 2}
  shot:
    name: shot
    description: A shot.
    location: kit
""",
        encoding="utf-8",
    )
    world = load_world([tmp_path])
    state, _ = new_game(world, seed=1)
    assert "with a shot inside" in step(world, state, "x kit").output[0].text
    state = step(world, state, "take shot").state
    assert step(world, state, "x kit").output[0].text == "An empty kit."
