"""Read-only views of a state for front ends: the status line, the sidebar, completion words."""

from __future__ import annotations

from game.engine.draft import Draft
from game.engine.grammar import VERB_WORDS
from game.engine.machines import turns_left
from game.engine.memo import memo_for
from game.engine.parser import scope_ids, words_of
from game.engine.scope import characters_here, contents, is_lit, room_items, visible_exits
from game.engine.state import GameState
from game.model import World
from game.model.record import record


@record
class Status:
    """What a status line or sidebar shows."""

    location: str
    region: str
    exits: tuple[str, ...]
    inventory: tuple[str, ...]
    condition: str
    condition_label: str
    turns_left: int | None
    turn: int
    score: int
    max_score: int
    phase: str
    ending: str | None
    has_condition: bool = True  # the world gives the player a condition machine
    has_score: bool = True  # the world has points to score
    here: tuple[str, ...] = ()  # names of the things and people in view in the room (for links)
    time: str = ""  # the time of day, when the world keeps a clock

    def line(self) -> str:
        """A one-line status, as plain mode prints it: only the fields this world has."""
        place = f"{self.location} · {self.region}" if self.region else self.location
        parts = [place] + ([self.time] if self.time else [])
        if self.has_condition and self.condition_label:
            left = self.turns_left
            parts.append(
                self.condition_label
                + (f" ({left} turn{'' if left == 1 else 's'})" if left is not None else "")
            )
        parts.append(f"Turn {self.turn}")
        if self.has_score:
            parts.append(f"Score {self.score}/{self.max_score}")
        return "[" + " | ".join(parts) + "]"


def has_condition(world: World) -> bool:
    """Whether the world gives the player a condition (more than the one default state)."""
    memo = memo_for(world)
    found = memo.get("has condition")
    if found is None:
        machine = world.player.condition
        found = memo["has condition"] = len(machine.states) > 1 or bool(machine.transitions)
    return found


def status(world: World, state: GameState, *, lists: bool = True) -> Status:
    """The status of a state; `lists=False` leaves exits, inventory and `here` empty (all a
    one-line status needs, for a front end that prints it every turn)."""
    room = world.rooms[state.location]
    machine = world.player.condition
    info = machine.states.get(state.condition)
    lit = is_lit(world, state)
    dead = state.ending is not None and world.endings[state.ending].kind == "death"
    conditioned = has_condition(world)
    return Status(
        location=room.name if lit else "Darkness",
        region=room.region,
        exits=tuple(visible_exits(world, state)) if lists else (),
        inventory=tuple(world.items[i].name for i in contents(state, "player")) if lists else (),
        condition=state.condition,
        condition_label=""
        if dead or not conditioned
        else (info.label if info else state.condition),
        turns_left=None
        if dead
        else turns_left(machine, state.condition, state.condition_since, state.turn),
        turn=state.turn,
        score=state.score,
        max_score=world.max_score,
        phase=state.phase,
        ending=state.ending,
        has_condition=conditioned,
        has_score=world.max_score > 0,
        time="" if state.ending else world.info.time_at(state.turn),
        here=things_here(world, state) if lit and lists else (),
    )


def things_here(world: World, state: GameState) -> tuple[str, ...]:
    """Names of the items in view in the room (and inside them), then of the people there."""
    items = tuple(world.items[i].name for i in room_items(world, state))
    people = characters_here(world, state)
    if not any(world.characters[c].unnamed for c in people):
        return items + tuple(world.characters[c].name for c in people)
    from game.engine.names import name

    d = Draft(world, state)
    return items + tuple(name(d, c) for c in people)


def scope_words(world: World, state: GameState) -> tuple[str, ...]:
    """Verbs and the names of things in scope, for tab completion."""
    verbs = {w for w in VERB_WORDS if len(w) > 2}
    return tuple(sorted(verbs)) + tuple(w for w in scope_nouns(world, state) if w not in verbs)


def scope_nouns(world: World, state: GameState) -> tuple[str, ...]:
    """The words that name things in scope (some also verbs: `radio`), sorted."""
    d = Draft(world, state)
    nouns: set[str] = set()
    for thing in scope_ids(d):
        nouns |= words_of(d, thing)
    return tuple(sorted(nouns))


def status_line(world: World, state: GameState) -> tuple[str, str]:
    """`status(world, state).line()` and what makes it change (all of it but the turn), for a
    front end that prints the line every turn: what stays the same while the room, the light,
    the condition and the ending do is worked out once and kept."""
    lit = is_lit(world, state)
    memo = memo_for(world)
    key = ("status line", state.location, lit, state.condition, state.ending)
    fixed = memo.get(key)
    if fixed is None:
        fixed = memo[key] = _fixed_parts(world, state)
    place, region, name, label, soonest, dead, scored = fixed
    left = None
    if not dead and soonest is not None:
        left = max(0, soonest - (state.turn - state.condition_since))
    time = "" if state.ending else world.info.time_at(state.turn)
    parts = [place, time] if time else [place]
    if label:
        parts.append(
            label + (f" ({left} turn{'' if left == 1 else 's'})" if left is not None else "")
        )
    parts.append(f"Turn {state.turn}")
    if scored:
        parts.append(f"Score {state.score}/{world.max_score}")
    change = f"{name}|{region}|{time}|{label}|{left}|{state.score}"
    return "[" + " | ".join(parts) + "]", change


def _fixed_parts(world: World, state: GameState) -> tuple:
    """The parts of the status line that do not move with the turn (see `status_line`)."""
    now = status(world, state, lists=False)
    place = f"{now.location} · {now.region}" if now.region else now.location
    label = now.condition_label  # already empty when the world has no condition, or in death
    machine = world.player.condition
    timed = [
        t.after
        for t in machine.transitions
        if t.after and t.allows(state.condition) and t.to != state.condition
    ]
    dead = state.ending is not None and world.endings[state.ending].kind == "death"
    return (
        place,
        now.region,
        now.location,
        label,
        min(timed) if timed else None,
        dead,
        now.has_score,
    )
