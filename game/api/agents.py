"""Baseline agents (random, walkthrough) and a runner that plays episodes and sums them up."""

from __future__ import annotations

import random
from collections.abc import Callable

import attrs

from game.api.env import Env
from game.engine import new_game, step
from game.model import World

Agent = Callable[[Env, random.Random], str | None]


def walkthroughs(world: World) -> list[tuple[str, tuple[str, ...], str]]:
    """The world's tests that end the game: (test id, commands, ending id), in file order."""
    found = []
    for test in world.tests:
        state, _ = new_game(world, 0)
        for command in test.commands:
            state = step(world, state, command).state
        if state.ending is not None:
            found.append((test.id, test.commands, state.ending))
    return found


def random_agent(env: Env, rng: random.Random) -> str | None:
    """Pick one of the valid actions at random (None when there is none)."""
    actions = env.get_valid_actions()
    return rng.choice(actions) if actions else None


@attrs.define
class Episode:
    """What one episode did."""

    score: int = 0
    moves: int = 0
    steps: int = 0
    ending: str | None = None
    rooms: set[str] = attrs.field(factory=set)


@attrs.define
class Summary:
    """What a run of episodes did, for the command line's table."""

    episodes: list[Episode] = attrs.field(factory=list)
    room_count: int = 0

    def endings(self) -> dict[str, int]:
        """How often each ending was reached."""
        counts: dict[str, int] = {}
        for episode in self.episodes:
            if episode.ending:
                counts[episode.ending] = counts.get(episode.ending, 0) + 1
        return dict(sorted(counts.items()))

    def coverage(self) -> float:
        """The share of the world's rooms that some episode entered."""
        seen = set().union(*(e.rooms for e in self.episodes)) if self.episodes else set()
        return len(seen) / self.room_count if self.room_count else 0.0


def play_random(env: Env, episodes: int, max_steps: int, seed: int) -> Summary:
    """Play `episodes` games choosing valid actions at random."""
    summary = Summary(room_count=len(env.world.rooms))
    for number in range(episodes):
        env.reset(seed + number)
        rng = random.Random(seed + number)
        episode = Episode(rooms={env.state.location})
        while episode.steps < max_steps and not env.is_done():
            action = random_agent(env, rng)
            if action is None:
                break
            _play(env, action, episode)
        summary.episodes.append(_close(env, episode))
    return summary


def play_walkthroughs(env: Env, episodes: int) -> Summary:
    """Play the world's winning tests, one per episode, cycling through them."""
    summary = Summary(room_count=len(env.world.rooms))
    routes = walkthroughs(env.world)
    for number in range(episodes if routes else 0):
        _, commands, _ = routes[number % len(routes)]
        env.reset(0)
        episode = Episode(rooms={env.state.location})
        for command in commands:
            _play(env, command, episode)
        summary.episodes.append(_close(env, episode))
    return summary


def _play(env: Env, action: str, episode: Episode) -> None:
    """One step of an episode."""
    env.step(action)
    episode.steps += 1
    episode.rooms.add(env.state.location)


def _close(env: Env, episode: Episode) -> Episode:
    """Record how an episode finished."""
    episode.score, episode.moves, episode.ending = (
        env.get_score(),
        env.get_moves(),
        env.state.ending,
    )
    return episode
