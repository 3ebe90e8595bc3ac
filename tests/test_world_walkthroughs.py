"""Every ending of the shipped world is played from a new game by its walkthrough."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import new_game, step
from game.model import load_world

ROOT = Path(__file__).resolve().parent.parent
WALKTHROUGHS = sorted((ROOT / "tests" / "walkthroughs").glob("*.txt"))


@pytest.fixture(scope="module")
def world():
    """The shipped world, loaded once."""
    return load_world([ROOT / "world"])


def read_walkthrough(path: Path) -> tuple[str, list[str]]:
    """The ending a walkthrough promises (its first line) and its commands."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ending:"), f"{path.name} must start with '# ending: <id>'"
    ending = lines[0].split(":", 1)[1].strip()
    commands = [line for line in lines[1:] if line.strip() and not line.startswith("#")]
    return ending, commands


def test_every_ending_has_a_walkthrough(world):
    """Each ending the world defines is reached by at least one walkthrough."""
    promised = {read_walkthrough(path)[0] for path in WALKTHROUGHS}
    assert set(world.endings) <= promised


@pytest.mark.parametrize("path", WALKTHROUGHS, ids=lambda p: p.stem)
def test_walkthrough_reaches_its_ending(world, path):
    """Playing the walkthrough from a new game (seed 1) ends the game with its ending."""
    ending, commands = read_walkthrough(path)
    state, _ = new_game(world, 1)
    for number, command in enumerate(commands, 1):
        assert state.ending is None, (
            f"the game ended ({state.ending}) before line {number}: {command}"
        )
        state = step(world, state, command).state
    assert state.ending == ending
