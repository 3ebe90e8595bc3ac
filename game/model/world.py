"""The loaded world: every definition plus the indexes the engine reads each turn."""

from __future__ import annotations

from game.model.characters import Character
from game.model.endings import Ending, Hint
from game.model.events import Event
from game.model.items import Item
from game.model.layers import LayerReport
from game.model.record import evolve, field, record
from game.model.rooms import Exit, Room, Scenery
from game.model.start import GameInfo, Player
from game.model.testspecs import WorldTest


@record
class World:
    """An immutable world. Built once by `load_world`; never saved."""

    info: GameInfo
    player: Player
    rooms: dict[str, Room]
    items: dict[str, Item]
    characters: dict[str, Character]
    events: dict[str, Event]
    endings: dict[str, Ending]
    hints: dict[str, Hint]
    tests: tuple[WorldTest, ...] = ()
    files: tuple[str, ...] = ()
    layers: tuple[LayerReport, ...] = field(default=(), eq=False, repr=False)
    messages: dict[str, str] = field(factory=dict, eq=False)  # library message overrides
    on: dict = field(factory=dict, eq=False)  # world-wide responses: verb -> responses
    # indexes, derived from the above by `index_world`
    exits: dict[str, dict[str, Exit]] = field(factory=dict, eq=False, repr=False)
    door_rooms: dict[str, tuple[str, ...]] = field(factory=dict, eq=False, repr=False)
    events_by_kind: dict[str, tuple[Event, ...]] = field(factory=dict, eq=False, repr=False)
    max_score: int = 0
    movers: tuple[str, ...] = field(default=(), eq=False, repr=False)
    events_by_key: dict[tuple[str, str], tuple[Event, ...]] = field(
        factory=dict, eq=False, repr=False
    )
    self_changing: tuple[str, ...] = field(default=(), eq=False, repr=False)
    scenery: dict[str, Scenery] = field(factory=dict, eq=False, repr=False)
    lexicon: frozenset[str] = field(default=frozenset(), eq=False, repr=False)
    vocab: dict[str, frozenset[str]] = field(factory=dict, eq=False, repr=False)

    def counts(self) -> str:
        """`42 rooms, 57 items, 11 characters, 14 events, 4 endings`."""
        parts = [
            (len(self.rooms), "room"),
            (len(self.items), "item"),
            (len(self.characters), "character"),
            (len(self.events), "event"),
            (len(self.endings), "ending"),
        ]
        return ", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in parts)


PER_TURN = frozenset({"always", "every", "turn"})  # triggers that are checked every turn


def index_world(world: World) -> World:
    """Fill in the lookup tables the engine uses every turn."""
    exits = {room_id: {e.direction: e for e in room.exits} for room_id, room in world.rooms.items()}
    door_rooms: dict[str, list[str]] = {}
    for room in world.rooms.values():
        for ex in room.exits:
            if ex.door:
                door_rooms.setdefault(ex.door, []).append(room.id)
    by_kind: dict[str, list[Event]] = {}
    for event in sorted(world.events.values(), key=lambda e: (e.priority, e.id)):
        by_kind.setdefault(event.trigger.kind, []).append(event)
    max_score = sum(r.points for r in world.rooms.values()) + sum(
        i.points for i in world.items.values()
    )
    max_score += sum(
        effect.args[0]
        for event in world.events.values()
        for effect in event.do
        if effect.op == "score" and event.once
    )
    scenery = {s.id: s for room in world.rooms.values() for s in room.scenery}
    return evolve(
        world,
        scenery=scenery,
        lexicon=_lexicon(world, scenery),
        vocab={
            thing.id: thing.nouns | thing.adjectives
            for thing in (*world.items.values(), *world.characters.values(), *scenery.values())
        },
        exits=exits,
        door_rooms={k: tuple(v) for k, v in door_rooms.items()},
        events_by_kind={k: tuple(v) for k, v in by_kind.items()}
        | {
            "*": tuple(sorted(world.events.values(), key=lambda e: (e.priority, e.id))),
            "per_turn": tuple(
                sorted(
                    (e for e in world.events.values() if e.trigger.kind in PER_TURN),
                    key=lambda e: (e.priority, e.id),
                )
            ),
        },
        events_by_key=_events_by_key(world),
        self_changing=tuple(sorted(c.id for c in world.characters.values() if c.machine.automatic)),
        movers=tuple(
            sorted(
                c.id
                for c in world.characters.values()
                if any(s.follows or s.route or s.wander for s in c.machine.states.values())
            )
        ),
        max_score=max_score,
    )


def _events_by_key(world: World) -> dict[tuple[str, str], tuple[Event, ...]]:
    """Events that wait for one thing (a room entered, a flag set, a state entered), by it."""
    found: dict[tuple[str, str], list[Event]] = {}
    for event in sorted(world.events.values(), key=lambda e: (e.priority, e.id)):
        trigger = event.trigger
        if trigger.kind in ("enter", "flag", "condition"):
            found.setdefault((trigger.kind, trigger.a), []).append(event)
        elif trigger.kind == "state":
            found.setdefault(("state", f"{trigger.a}:{trigger.b}"), []).append(event)
    return {key: tuple(events) for key, events in found.items()}


def _lexicon(world: World, scenery: dict[str, Scenery]) -> frozenset[str]:
    """Every word the world itself gives the parser: names, adjectives, topics, room names."""
    words: set[str] = set()
    for thing in [*world.items.values(), *world.characters.values(), *scenery.values()]:
        words |= thing.nouns
        words |= thing.adjectives
    for character in world.characters.values():
        for topic in character.topics:
            for phrase in topic.words:
                words.update(phrase.split())
    for room in world.rooms.values():
        words.update(room.name.lower().replace(",", " ").split())
    return frozenset(words)


def empty_world_parts() -> dict:
    """The containers a loader fills, file by file."""
    return {
        "rooms": {},
        "items": {},
        "characters": {},
        "events": {},
        "endings": {},
        "hints": {},
    }


__all__ = ["Character", "Ending", "Event", "Hint", "Item", "Player", "Room", "World", "index_world"]
