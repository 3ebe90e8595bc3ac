"""`check --coverage N`: seeded random play, and what it never reached."""

from __future__ import annotations

import random

import attrs

from game.authoring.moves import MoveMaker, readable
from game.engine import new_game, step
from game.model import World

EXTRA = ("look", "inventory", "wait")


@attrs.frozen
class Coverage:
    """What N random games never reached."""

    games: int
    turns: int
    rooms: tuple[str, ...]  # never visited
    items: tuple[str, ...]  # portable, never carried
    topics: tuple[str, ...]  # "character.topic", reply never shown
    events: tuple[str, ...]  # never fired (text never shown)
    endings: dict[str, int]  # ending id -> how many games ended there


def random_play(world: World, games: int, max_turns: int = 300, seed: int = 1) -> Coverage:
    """Play `games` seeded random games of at most `max_turns` commands each."""
    maker = MoveMaker(world, everything=True)
    chooser = random.Random(seed)
    visited: set[str] = set()
    held: set[str] = set()
    seen_text: list[str] = []
    fired: set[str] = set()
    endings: dict[str, int] = {}
    turns = 0
    for game in range(games):
        state, _ = new_game(world, seed + game)
        for _ in range(max_turns):
            choices = maker.moves(state) or list(EXTRA)
            turn = step(world, state, readable(world, chooser.choice(choices)))
            state = turn.state
            turns += 1
            seen_text.extend(p.text for p in turn.output)
            held.update(i for i, place in state.places.items() if place == "player")
            if state.ending is not None:
                endings[state.ending] = endings.get(state.ending, 0) + 1
                break
        visited |= state.visited | {state.location}
        fired |= state.fired
    return _report(world, games, turns, visited, held, "\n".join(seen_text), fired, endings)


def _report(world, games, turns, visited, held, text, fired, endings) -> Coverage:
    """Compare what was reached with everything the world has."""
    rooms = tuple(r for r in world.rooms if r not in visited)
    items = tuple(i for i, item in world.items.items() if item.portable and i not in held)
    topics = tuple(
        f"{char.id}.{topic.id}"
        for char in world.characters.values()
        for topic in char.topics
        if not any(r.say and r.say.strip() in text for r in topic.replies)
    )
    events = tuple(
        e.id
        for e in world.events.values()
        if e.id not in fired and not (e.say and e.say.strip() in text)
    )
    return Coverage(games, turns, rooms, items, topics, events, endings)
