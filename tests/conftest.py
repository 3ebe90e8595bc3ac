"""Shared test set-up: hypothesis profiles, the mini test world, and a play helper."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, settings

from game.engine import GameState, Paragraph, new_game, step
from game.model import World, load_world

TESTS = Path(__file__).resolve().parent
MINI = TESTS / "worlds" / "mini"

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=50,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI", "").lower() == "true" else "dev")


@attrs.frozen
class Played:
    """The result of playing commands: the final state, every turn's paragraphs, all text."""

    state: GameState = attrs.field(repr=False)
    turns: tuple[tuple[Paragraph, ...], ...] = attrs.field(repr=False)
    opening: tuple[Paragraph, ...] = attrs.field(repr=False)

    @property
    def text(self) -> str:
        """Every paragraph of every turn (opening included), blank-line separated."""
        paragraphs = [*self.opening, *(p for turn in self.turns for p in turn)]
        return "\n\n".join(p.text for p in paragraphs)

    @property
    def last(self) -> str:
        """The text of the last turn only."""
        return "\n\n".join(p.text for p in self.turns[-1]) if self.turns else ""

    @property
    def last_kinds(self) -> tuple[str, ...]:
        """The paragraph kinds of the last turn."""
        return tuple(p.kind for p in self.turns[-1]) if self.turns else ()


_worlds: dict[Path, World] = {}


def world_at(path: Path) -> World:
    """A world loaded once per test session."""
    if path not in _worlds:
        _worlds[path] = load_world([path])
    return _worlds[path]


def play(
    world: World, commands: Iterable[str], seed: int = 1, state: GameState | None = None
) -> Played:
    """Play commands from a new game (or from a state) and keep everything that was said."""
    opening: tuple[Paragraph, ...] = ()
    if state is None:
        state, opening = new_game(world, seed=seed)
    turns = []
    for command in commands:
        turn = step(world, state, command)
        state = turn.state
        turns.append(turn.output)
    return Played(state, tuple(turns), opening)


@pytest.fixture(scope="session")
def mini_world() -> World:
    """The small purpose-built test world in tests/worlds/mini."""
    return world_at(MINI)


@pytest.fixture(autouse=True)
def _saves_in_tmp(tmp_path_factory, monkeypatch):
    """Every test saves into a temporary folder, never into the project's saves/."""
    monkeypatch.setenv("HYOSAN_SAVES", str(tmp_path_factory.mktemp("saves")))
    monkeypatch.setenv("HYOSAN_CACHE", str(tmp_path_factory.mktemp("cache")))
