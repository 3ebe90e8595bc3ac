"""Each noun gets its own thing's text: no word answers with a neighbour's description."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import new_game, step
from game.model import load_world

ROOT = Path(__file__).resolve().parent.parent
WORLD = load_world([ROOT / "world"])
ROAD = [
    c
    for c in (ROOT / "tests" / "walkthroughs" / "the_long_road.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if c.strip() and not c.startswith("#")
]


def _last(commands: list[str]) -> str:
    state, _ = new_game(WORLD, seed=1)
    text = ""
    for command in commands:
        turn = step(WORLD, state, command)
        state, text = turn.state, " ".join(p.text for p in turn.output)
    return text


def _before(command: str) -> list[str]:
    return ROAD[: ROAD.index(command)]


CASES = [
    ([], "x pen", "biro", "folding table"),
    (["n", "e"], "x water", "bottled water", "most of them empty"),
    (["n", "e"], "x bleach", "bleach", "most of them empty"),
    (["n", "e"], "x padlock", "padlock", "SUPPLY — TOOLS"),
    (["n", "up"], "x school", "Hyosan High", "shifting is people"),
    (["n", "up"], "x crane", "crane", "shifting is people"),
    (_before("open drawer"), "x desk", "Marking is still stacked on it", "in the neat hand"),
    (_before("open drawer"), "x coffee", "cup of coffee", "electric kettle"),
    (_before("read plan"), "x train", "commuter train", "The handbag is open"),
    (_before("open cabinet"), "read rules", "NO SECRETS", "nothing written"),
    (_before("open cabinet"), "read door", "NO SECRETS", "nothing written"),
]


@pytest.mark.parametrize(("prefix", "command", "wanted", "unwanted"), CASES)
def test_the_noun_names_its_own_thing(prefix, command, wanted, unwanted) -> None:
    text = _last([*prefix, command])
    assert wanted in text and unwanted not in text, text
