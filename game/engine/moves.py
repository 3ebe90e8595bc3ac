"""The valid actions of a state: the commands that change it, generated from the engine's rules.

`candidates` lists, by construction, every command through which the engine or a world's
rules can change a state: each visible exit; WAIT (timers, routes, chance draws); TAKE,
DROP, PUT IN/ON, OPEN, CLOSE, LOCK, UNLOCK (with the key), SWITCH ON/OFF, WEAR, TAKE OFF,
EAT, DRINK, USE of every thing in reach (the light source too); GIVE/SHOW to people; ASK
about each topic, TALK TO, orders, ATTACK; every verb a thing, person or the room answers
(`on:`) and every verb an action event waits for; menu numbers in a conversation and
FLEE/HIDE/FIGHT in an encounter. Everything else the parser accepts only passes time (the
same as WAIT) or does nothing.

`valid_actions` keeps the candidates that change the state (as far as any rule can tell,
see `timing.outcome_key`) and do more than WAIT does; `transitions` also returns the turns.
"""

from __future__ import annotations

from functools import cache

from game.engine.grammar import AUTHOR_VERB, LINES, SLOTS
from game.engine.output import Turn
from game.engine.parser import tokenize
from game.engine.scope import carried, in_scope, is_lit, visible_exits
from game.engine.state import GameState
from game.engine.step import step
from game.engine.timing import outcome_key
from game.model import PLAYER, World

OBJECT_SLOTS = frozenset({"OBJ", "HELD", "MULTI", "MULTIHELD"})
ENCOUNTER = ("flee", "hide", "fight", "wait")
WAIT = "wait"
PASS_TIME = frozenset({WAIT, "bye"})  # what lets time pass, listed for it


@cache
def phrase(verb: str, with_object: bool) -> str:
    """A command template for an author verb: 'pull {}' or 'listen' ('' when none fits)."""
    for first, lines in LINES.items():
        for line in lines:
            action = AUTHOR_VERB.get(line.action, line.action)
            if action != verb and first != verb:
                continue
            slots = [t for t in line.tokens if t in SLOTS]
            if with_object and len(slots) == 1 and slots[0] in OBJECT_SLOTS:
                return " ".join("{}" if t == slots[0] else t for t in line.tokens)
            if not with_object and not slots:
                return " ".join(line.tokens)
    return ""


@cache
def order_words(verb: str) -> str:
    """What to say after 'name,' to give an order the engine reads as `verb`."""
    for lines in LINES.values():
        for line in lines:
            if AUTHOR_VERB.get(line.action, line.action) == verb:
                return " ".join(t for t in line.tokens if t not in SLOTS)
    return verb


class Namer:
    """Unambiguous words for the things in reach of one state."""

    def __init__(self, world: World, state: GameState, scope: list[str]) -> None:
        self.world = world
        self.names = list(scope)
        if is_lit(world, state):
            self.names += [s.id for s in world.rooms[state.location].scenery]
        self.found: dict[str, str] = {}

    def __call__(self, thing: str) -> str:
        """The shortest words that name this thing and nothing else in reach."""
        found = self.found.get(thing)
        if found is None:
            found = self.found[thing] = self._name(thing)
        return found

    def _name(self, thing: str) -> str:
        world = self.world
        obj = world.items.get(thing) or world.characters.get(thing)
        full = tokenize(obj.name)
        head = full[-1] if full else ""
        nouns = sorted(obj.nouns, key=lambda w: (w != head, w not in full, len(w), w))
        adjectives = sorted(obj.adjectives, key=lambda w: (w not in full, w))
        tries = [(n,) for n in nouns] + [(a, n) for n in nouns for a in adjectives] + [full]
        for words in tries:
            if words and self._unique(thing, words):
                return " ".join(words)
        return " ".join(full) or thing

    def _unique(self, thing: str, words: tuple[str, ...]) -> bool:
        vocab = self.world.vocab
        return all(
            (other == thing) == all(w in vocab.get(other, ()) for w in words)
            for other in self.names
        )


def candidates(world: World, state: GameState, fixed: frozenset[str] = frozenset()) -> list[str]:
    """Every command that could change the state (a superset of the valid actions).

    Items in `fixed` are never taken, dropped, put or given (a search passes the items whose
    place no rule reads).
    """
    if state.phase == "ended":
        return []
    if state.phase == "encounter":
        return list(ENCOUNTER)
    out: list[str] = []
    if state.phase == "dialogue" and state.dialogue:
        char, node = state.dialogue
        count = len(world.characters[char].talk[node].choices)
        out += [str(n) for n in range(1, count + 1)] + ["bye"]
    out += visible_exits(world, state)
    out.append(WAIT)
    scope = in_scope(world, state)
    name = Namer(world, state, scope)
    held = [t for t in scope if t in world.items and carried(world, state, t) and t not in fixed]
    people = [t for t in scope if t in world.characters]
    for verb in world.rooms[state.location].on:
        out += _say(verb, name(scope[0]) if scope else "")
    for thing in dict.fromkeys(scope):
        if thing in world.characters:
            out += _person(world, state, thing, name, held)
        else:
            out += _item(world, state, thing, name, scope, held, people, thing in fixed)
    for event in world.events_by_kind.get("action", ()):
        verb, obj = event.trigger.a, event.trigger.b
        if not obj:
            out += _say(verb, "")
        elif obj in scope:
            out += _say(verb, name(obj))
    return list(dict.fromkeys(out))


def _say(verb: str, words: str) -> list[str]:
    """The command for an author verb, with an object when the grammar needs or allows one."""
    if words:
        template = phrase(verb, True)
        if template:
            return [template.format(words)]
    template = phrase(verb, False)
    return [template] if template else []


def _item(world, state, thing, name, scope, held, people, fixed=False) -> list[str]:
    """Commands about one item in reach (those the engine would refuse are left out)."""
    item = world.items[thing]
    me = name(thing)
    room_on = world.rooms[state.location].on
    answers = item.on.keys() | room_on.keys()

    def may(refused: bool, *verbs: str) -> bool:
        """A standard action is worth a try unless the engine refuses it and no one answers."""
        return not refused or any(v in answers for v in verbs)

    out: list[str] = []
    if thing in held:
        out.append(f"drop {me}")
        if state.places.get(thing) != PLAYER and item.portable:
            out.append(f"take {me}")  # out of a carried container
        for person in people:
            out += [f"{verb} {me} to {name(person)}" for verb in ("give", "show")]
    elif not fixed and may(not item.portable, "take"):
        out.append(f"take {me}")
    spec = item.door or item.container
    if spec is not None and not spec.supporter:
        is_open, locked = thing in state.open, thing in state.locked
        if may(is_open or locked or not spec.openable, "open"):
            out.append(f"open {me}")
        if may(not is_open or not spec.openable, "close"):
            out.append(f"close {me}")
        if spec.key and spec.key in scope:
            key = name(spec.key)
            if may(not locked, "unlock"):
                out.append(f"unlock {me} with {key}")
            if may(locked, "lock"):
                out.append(f"lock {me} with {key}")
    if item.container is not None:
        spec = item.container
        word = "on" if spec.supporter else "in"
        shut = not spec.supporter and thing not in state.open
        full = len(list(state.places.keys_with(thing))) >= spec.capacity
        if may(shut or full, "put", "insert"):
            out += [f"put {name(other)} {word} {me}" for other in held if other != thing]
    if item.light:
        lit = thing in state.lit
        if may(lit, "switch_on"):
            out.append(f"switch on {me}")
        if may(not lit, "switch_off"):
            out.append(f"switch off {me}")
    if item.wearable:
        worn = thing in state.worn
        if may(worn, "wear"):
            out.append(f"wear {me}")
        if may(not worn, "take_off", "take"):
            out.append(f"take off {me}")
    if item.edible:
        out.append(f"eat {me}")
    if item.drinkable:
        out.append(f"drink {me}")
    for rule in item.use:
        if not rule.on:
            out.append(f"use {me}")
        elif rule.on in scope:
            out.append(f"use {me} on {name(rule.on)}")
    for verb in item.on:
        out += _say(verb, me)
    return out


def _person(world, state, char_id, name, held) -> list[str]:
    """Commands about one person in the room."""
    char = world.characters[char_id]
    me = name(char_id)
    out: list[str] = []
    if "start" in char.talk:
        out.append(f"talk to {me}")
    earlier: set[str] = set()
    for topic in char.topics:
        words = sorted(topic.words - earlier, key=lambda w: (" " in w, len(w), w))
        earlier |= topic.words
        if words:
            out.append(f"ask {me} about {words[0]}")
    out += [f"{me}, {order_words(verb)}" for verb in char.orders]
    if char.encounter is not None:
        out.append(f"attack {me}")
    for verb in char.on:
        if verb in ("give", "show"):
            out += [f"{verb} {name(thing)} to {me}" for thing in held]
        else:
            out += _say(verb, me)
    return out


def transitions(world: World, state: GameState) -> list[tuple[str, Turn]]:
    """The valid actions of a state with the turn each one gives.

    A command is kept when it changes the state and leads somewhere WAIT does not (or is
    WAIT and time matters); of several commands leading to the same state, the first.
    """
    commands = candidates(world, state)
    if not commands:
        return []
    before = outcome_key(world, state)
    waited = step(world, state, WAIT)
    time_only = outcome_key(world, waited.state)
    seen: set[tuple] = set()
    found: list[tuple[str, Turn]] = []
    for command in commands:
        turn = waited if command == WAIT else step(world, state, command)
        after = time_only if command == WAIT else outcome_key(world, turn.state)
        if after == before or after in seen:
            continue
        if after == time_only and command not in PASS_TIME:
            continue
        seen.add(after)
        found.append((command, turn))
    return found


def valid_actions(world: World, state: GameState) -> list[str]:
    """The commands that change the state, each leading somewhere different, in a stable order."""
    return [command for command, _ in transitions(world, state)]


__all__ = ["candidates", "phrase", "transitions", "valid_actions"]
