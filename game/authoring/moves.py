"""The commands worth trying in a state: what a thorough player would type, and no more."""

from __future__ import annotations

from functools import cache

from game.authoring.relevance import meaningful, relevant_flags
from game.authoring.rules import all_conditions, changes_state
from game.engine import GameState
from game.engine.grammar import AUTHOR_VERB, LINES
from game.engine.scope import carried, in_scope, visible_exits
from game.model import World

OBJECT_SLOTS = frozenset({"OBJ", "HELD", "MULTI", "MULTIHELD"})
ENCOUNTER_MOVES = ("flee", "hide", "fight", "wait")


@cache
def phrase(verb: str, with_object: bool) -> str:
    """A command template for an author verb: 'pull {}' or 'listen' ('' when none fits)."""
    for lines in LINES.values():
        for line in lines:
            if AUTHOR_VERB.get(line.action, line.action) != verb:
                continue
            slots = [t for t in line.tokens if t in OBJECT_SLOTS or t.isupper()]
            if with_object and len(slots) == 1 and slots[0] in OBJECT_SLOTS:
                return " ".join("{}" if t == slots[0] else t for t in line.tokens)
            if not with_object and not slots:
                return " ".join(line.tokens)
    return ""


def _verb(verb: str, thing: str = "") -> list[str]:
    """One command for a verb (and object), if the grammar has a way to say it."""
    template = phrase(verb, bool(thing))
    if not template:
        return []
    return [template.format(f"#{thing}") if thing else template]


class Everything:
    """A set that contains everything."""

    def __contains__(self, item: object) -> bool:
        return True

    def add(self, item: object) -> None:
        """Nothing to add to everything."""


class MoveMaker:
    """Precomputes what a world makes worth trying; then lists commands for states."""

    def __init__(self, world: World, everything: bool = False) -> None:
        self.world = world
        self.everything = everything  # coverage: also what only shows text
        events = world.events.values()
        self.action_events = [
            (e.trigger.a, e.trigger.b) for e in events if e.trigger.kind == "action"
        ]
        self.timed = bool(
            any(e.trigger.kind in ("turn", "every", "always") for e in events)
            or any(t.after for m in self._machines() for t in m.transitions)
            or any(
                s.route or s.wander or s.follows
                for c in world.characters.values()
                for s in c.machine.states.values()
            )
        )
        conditions = list(all_conditions(world, puzzles_only=True))
        self.places_tested = {
            c.args[1] for c in conditions if c.op == "item_in" and c.args[1] in world.items
        }
        # undoing things is tried only when a condition can tell the difference
        self.tested = {op: set() for op in ("item_in", "here", "is_open", "is_lit", "is_worn")}
        for cond in conditions:
            if cond.op in self.tested:
                self.tested[cond.op].add(cond.args[0])
        self.flags = relevant_flags(world)
        self.relevant = relevant_items(world, conditions)
        if everything:
            self.relevant = frozenset(world.items)
            self.tested = {op: Everything() for op in self.tested}
        self.givers = {c.id for c in world.characters.values() if "give" in c.on or "show" in c.on}

    def _acts(self, responses) -> bool:
        """Whether responses are worth trying: they change something that matters."""
        if self.everything:
            return bool(responses)
        return any(meaningful(r.do, self.flags) for r in responses)

    def _acting(self, verb_map: dict) -> list[str]:
        """The verbs worth trying."""
        return [verb for verb, responses in verb_map.items() if self._acts(responses)]

    def _machines(self):
        """Every state machine."""
        yield self.world.player.condition
        for char in self.world.characters.values():
            yield char.machine

    def moves(self, state: GameState) -> list[str]:
        """The commands to try from a state (with #id references)."""
        if state.phase == "ended":
            return []
        if state.phase == "dialogue" and state.dialogue:
            char, node = state.dialogue
            count = len(self.world.characters[char].talk[node].choices)
            return [str(n) for n in range(1, count + 1)] + ["bye"]
        result = list(visible_exits(self.world, state))
        if state.phase == "encounter":
            return [*ENCOUNTER_MOVES, *result]
        if self.timed:
            result.append("wait")
        room = self.world.rooms[state.location]
        for verb in self._acting(room.on):
            result += _verb(verb)
        scope = in_scope(self.world, state)
        for thing in scope:
            if thing in self.world.characters:
                result += self._character(state, thing)
            else:
                result += self._item(state, thing, scope)
        for verb, obj in self.action_events:
            if not obj:
                result += _verb(verb)
            elif obj in scope:
                result += _verb(verb, obj)
        return list(dict.fromkeys(result))

    def _item(self, state: GameState, item_id: str, scope: list[str]) -> list[str]:
        """Commands about one item in scope."""
        world = self.world
        item = world.items[item_id]
        held = carried(world, state, item_id)
        out = []
        if held:
            if item_id in self.tested["item_in"] or item_id in self.tested["here"]:
                out.append(f"drop #{item_id}")
        elif item.portable and item_id in self.relevant:
            out.append(f"take #{item_id}")
        spec = item.door or item.container
        if spec is not None and not spec.supporter:
            if item_id in state.open:
                if item_id in self.tested["is_open"]:
                    out.append(f"close #{item_id}")
            elif item_id in state.locked:
                if spec.key:
                    out.append(f"unlock #{item_id} with #{spec.key}")
            elif item.door is None or item_id in self.tested["is_open"]:
                out.append(f"open #{item_id}")  # a door opens anyway when you walk through
        for verb in self._acting(item.on):
            out += _verb(verb, item_id)
        if self._acts(item.edible):
            out.append(f"eat #{item_id}")
        if self._acts(item.drinkable):
            out.append(f"drink #{item_id}")
        if item.wearable and item_id not in state.worn and item_id in self.tested["is_worn"]:
            out.append(f"wear #{item_id}")
        elif item.wearable and item_id in self.tested["is_worn"]:
            out.append(f"take off #{item_id}")
        if item.light and item_id not in state.lit:
            out.append(f"switch on #{item_id}")
        elif item.light and item_id in self.tested["is_lit"]:
            out.append(f"switch off #{item_id}")
        for rule in item.use:
            if not rule.on:
                out.append(f"use #{item_id}")
            elif rule.on in scope:
                out.append(f"use #{item_id} on #{rule.on}")
        if item_id in self.places_tested:
            for other in scope:
                if other != item_id and carried(world, state, other):
                    prep = "on" if item.container and item.container.supporter else "in"
                    out.append(f"put #{other} {prep} #{item_id}")
        return out

    def _character(self, state: GameState, char_id: str) -> list[str]:
        """Commands about one character in the room."""
        char = self.world.characters[char_id]
        out = []
        if char_id in self.givers:
            for item_id in self.relevant:
                if carried(self.world, state, item_id):
                    out += [
                        f"{verb} #{item_id} to #{char_id}"
                        for verb in ("give", "show")
                        if verb in char.on
                    ]
        if char.talk:
            out.append(f"talk to #{char_id}")
        for topic in char.topics:
            if not self._acts(topic.replies):
                continue
            word = sorted(topic.words)[0]
            out.append(f"ask #{char_id} about {word}")
        first_word = sorted(char.nouns)[0] if char.nouns else char_id
        for verb in self._acting(char.orders):
            out += [f"{first_word}, {c}" for c in _verb(verb)]
        for verb in self._acting(char.on):
            out += _verb(verb, char_id)
        return out


def relevant_items(world: World, conditions: list) -> frozenset[str]:
    """Items a puzzle can tell apart: named by a condition, a key, a rule or an event.

    The search never takes the others: carrying them changes nothing a puzzle can see.
    """
    found = {c.args[0] for c in conditions if c.op in ITEM_TESTS}
    dark = any(room.dark for room in world.rooms.values())
    for item in world.items.values():
        spec = item.door or item.container
        if spec is not None and spec.key:
            found.add(spec.key)
        acts = _acts(item.edible) or _acts(item.drinkable) or _acting(item.on)
        if item.use or acts or (dark and item.light):
            found.add(item.id)
        found.update(rule.on for rule in item.use if rule.on in world.items)
    found.update(e.trigger.b for e in world.events.values() if e.trigger.kind == "action")
    return frozenset(i for i in found if i in world.items)


def _acts(responses) -> bool:
    """Whether any of the responses changes the game (more than showing text)."""
    return any(changes_state(r.do) for r in responses)


def _acting(verb_map: dict) -> list[str]:
    """The verbs whose responses can change the game; text-only ones are not worth a try."""
    return [verb for verb, responses in verb_map.items() if _acts(responses)]


ITEM_TESTS = frozenset({"has", "here", "item_in", "is_open", "is_locked", "is_lit", "is_worn"})


def readable(world: World, command: str) -> str:
    """A command with #id references written as the things' names."""
    words = []
    for word in command.split():
        tail = word[-1] if word.endswith(",") else ""
        core = word.rstrip(",")
        if core.startswith("#"):
            thing = world.items.get(core[1:]) or world.characters.get(core[1:])
            core = thing.name.lower() if thing is not None else core
            if core.startswith(("the ", "a ")):
                core = core.split(" ", 1)[1]
        words.append(core + tail)
    return " ".join(words)


__all__ = ["MoveMaker", "phrase", "readable", "relevant_items"]
