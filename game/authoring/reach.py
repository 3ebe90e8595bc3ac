"""What could ever happen in a world: a fixpoint over rooms, items, flags and states.

This over-approximates (a `not` or a `chance` is taken as possible), so anything it calls
impossible really is impossible; the winnability search gives the exact answer.
"""

from __future__ import annotations

from collections import deque

import attrs

from game.authoring.rules import Rule, world_rules
from game.engine import GameState
from game.model import NOWHERE, PLAYER, Condition, Effect, World

FOLLOWS = "*"


@attrs.define
class Facts:
    """Everything found possible so far (every set only grows)."""

    rooms: set[str] = attrs.Factory(set)
    places: set[tuple[str, str]] = attrs.Factory(set)  # (item, place)
    flags: set[str] = attrs.Factory(set)
    states: set[tuple[str, str]] = attrs.Factory(set)  # (character, state)
    conditions: set[str] = attrs.Factory(set)
    requested: set[tuple[str, str]] = attrs.Factory(set)  # state/condition effects; "" = player
    char_places: set[tuple[str, str]] = attrs.Factory(set)
    unlockable: set[str] = attrs.Factory(set)
    encounters: set[str] = attrs.Factory(set)
    endings: set[str] = attrs.Factory(set)
    fired: set[str] = attrs.Factory(set)
    accessible: set[str] = attrs.Factory(set)  # items that can be reached (seen, touched)
    obtainable: set[str] = attrs.Factory(set)  # items that can be carried
    present: set[str] = attrs.Factory(set)  # characters that can be met

    def size(self) -> int:
        """A number that grows whenever any fact is added."""
        return sum(len(getattr(self, f.name)) for f in attrs.fields(Facts))


class Reach:
    """Computes the facts of a world once; answers questions about them."""

    def __init__(self, world: World, state: GameState | None = None, rules=None) -> None:
        self.world = world
        self.rules: list[Rule] = rules if rules is not None else list(world_rules(world))
        self.facts = Facts()
        self.state = state
        # from a state, once-events that have fired never fire again
        self.spent = frozenset(
            e.id
            for e in world.events.values()
            if state is not None and e.once and e.id in state.fired
        )
        self._solve()

    # -- the fixpoint ------------------------------------------------------------------

    def _solve(self) -> None:
        """Grow the facts until nothing changes."""
        world, f = self.world, self.facts
        if self.state is not None:
            self._start_from(self.state)
        else:
            f.rooms.add(world.player.start)
            f.places.update((i.id, i.location or NOWHERE) for i in world.items.values())
            f.places.update((i, PLAYER) for i in world.player.inventory)
            f.conditions.add(world.player.condition.initial)
            for char in world.characters.values():
                f.states.add((char.id, char.machine.initial))
                f.char_places.add((char.id, char.location))
        done: set[int] = set()
        while True:
            before = f.size()
            self._walk_rooms()
            self._derive_items()
            self._derive_characters()
            self._machines()
            for index, rule in enumerate(self.rules):
                if rule.owner.startswith("event:") and rule.owner[6:] in self.spent:
                    continue
                if index not in done and self._active(rule):
                    done.add(index)
                    if rule.owner.startswith("event:"):
                        f.fired.add(rule.owner[6:])
                    self._apply(rule.effects)
            if f.size() == before:
                return

    def _start_from(self, s: GameState) -> None:
        """The facts true in one state."""
        f = self.facts
        f.rooms.add(s.location)
        f.places.update(s.places.items())
        f.conditions.add(s.condition)
        f.states.update(s.char_states.items())
        f.char_places.update(s.char_places.items())
        f.flags.update(name for name, value in s.flags.items() if value)
        f.unlockable.update(s.open)
        f.unlockable.update(
            i.id
            for i in self.world.items.values()
            if (i.door or i.container) and i.id not in s.locked and (i.door or i.container).openable
        )
        if s.encounter is not None:
            f.encounters.add(s.encounter[0])

    def _walk_rooms(self) -> None:
        """Every room reachable through exits that could be passed."""
        f = self.facts
        queue = deque(f.rooms)
        while queue:
            room = queue.popleft()
            for exit_ in self.world.exits.get(room, {}).values():
                if exit_.to not in f.rooms and self.passable(exit_):
                    f.rooms.add(exit_.to)
                    queue.append(exit_.to)

    def passable(self, exit_) -> bool:
        """Whether an exit could ever be passed (given the facts so far)."""
        if exit_.hidden_until and exit_.hidden_until not in self.facts.flags:
            return False
        if exit_.door and not self.can_open(exit_.door):
            return False
        return self.possible(exit_.when)

    def can_open(self, item_id: str) -> bool:
        """Whether a door or container could be opened."""
        item = self.world.items.get(item_id)
        spec = item and (item.door or item.container)
        if spec is None or spec.open or spec.supporter:
            return True
        if item_id in self.facts.unlockable:
            return True
        if not spec.openable:
            return False
        return not spec.locked or (bool(spec.key) and spec.key in self.facts.obtainable)

    def _derive_items(self) -> None:
        """Which items can be reached and which carried."""
        f, items = self.facts, self.world.items
        changed = True
        while changed:
            changed = False
            for item_id, place in f.places:
                if item_id in f.accessible:
                    continue
                if (
                    place == PLAYER
                    or (place in f.rooms and self._seen_in(place, item_id))
                    or (place in f.accessible and self.can_open(place))
                ):
                    f.accessible.add(item_id)
                    changed = True
        for door, rooms in self.world.door_rooms.items():
            if any(r in f.rooms for r in rooms):
                f.accessible.add(door)
        for item_id in f.accessible:
            if items[item_id].portable:
                f.obtainable.add(item_id)
        f.obtainable.update(i for i, p in f.places if p == PLAYER)

    def _seen_in(self, room: str, item_id: str) -> bool:
        """Whether an item lying in a room can be seen there: lit rooms, or a light to bring."""
        if not self.world.rooms[room].dark:
            return True
        items = self.world.items
        lit = self.state.lit if self.state is not None else {i.id for i in items.values() if i.lit}
        if item_id in lit:
            return True  # a lit light source lights the room it lies in
        return any(items[i].light for i in self.facts.obtainable if i != item_id)

    def _derive_characters(self) -> None:
        """Where characters could be, from their states; who could be met."""
        f = self.facts
        for char_id, state_id in list(f.states):
            info = self.world.characters[char_id].machine.states.get(state_id)
            if info is None:
                continue
            f.char_places.update((char_id, r) for r in (*info.route, *info.wander))
            if info.follows:
                f.char_places.add((char_id, FOLLOWS))
            if info.hostile:
                f.encounters.add(char_id)
        for char_id, place in f.char_places:
            if place == FOLLOWS or place in f.rooms:
                f.present.add(char_id)

    def _machines(self) -> None:
        """States reachable through declared transitions."""
        f = self.facts
        machines = [("", self.world.player.condition)]
        machines += [(c.id, c.machine) for c in self.world.characters.values()]
        for owner, machine in machines:
            for transition in machine.transitions:
                if not any(self._in_state(owner, s) for s in transition.sources or machine.states):
                    continue
                asked = (owner, transition.to) in f.requested
                happens = asked or (transition.automatic and self.possible(transition.when))
                if happens and self._enter(owner, transition.to):
                    self._apply(transition.do)

    def _in_state(self, owner: str, state: str) -> bool:
        """Whether a state of a machine ('' = the player's condition) is reachable."""
        return state in self.facts.conditions if not owner else (owner, state) in self.facts.states

    def _enter(self, owner: str, state: str) -> bool:
        """Record a reachable state; True if it is new."""
        if self._in_state(owner, state):
            return False
        if owner:
            self.facts.states.add((owner, state))
        else:
            self.facts.conditions.add(state)
        return True

    def _active(self, rule: Rule) -> bool:
        """Whether a rule could ever happen."""
        return all(self._need(need) for need in rule.needs) and self.possible(rule.when)

    def _need(self, need: tuple[str, ...]) -> bool:
        """One activation fact."""
        kind, value = need
        f = self.facts
        if kind == "room":
            return value in f.rooms
        if kind == "here":
            return value in f.accessible or value in f.present
        if kind == "has":
            return value in f.obtainable
        if kind == "encounter":
            return value in f.encounters
        return self.can_fire(value)

    def can_fire(self, event_id: str) -> bool:
        """Whether an event's trigger could happen (its condition is checked separately)."""
        event = self.world.events[event_id]
        trig, f = event.trigger, self.facts
        if trig.kind == "enter":
            return trig.a in f.rooms
        if trig.kind == "flag":
            return trig.a in f.flags
        if trig.kind == "action":
            return not trig.b or trig.b in f.accessible or trig.b in f.present
        if trig.kind == "state":
            return (trig.a, trig.b) in f.states
        if trig.kind == "condition":
            return trig.a in f.conditions
        return True  # turn, every, always

    def _apply(self, effects: tuple[Effect, ...]) -> None:
        """Record what effects make possible."""
        f = self.facts
        for effect in effects:
            op, args = effect.op, effect.args
            if op in ("set", "add") and (op == "add" or args[1]):
                f.flags.add(args[0])
            elif op == "give":
                f.places.add((args[0], PLAYER))
            elif op == "move":
                f.places.add((args[0], args[1]))
            elif op == "move_player":
                f.rooms.add(args[0])
            elif op == "move_character":
                f.char_places.add((args[0], args[1]))
            elif op == "state":
                f.requested.add((args[0], args[1]))
            elif op == "condition":
                f.requested.add(("", args[0]))
            elif op in ("unlock", "open"):
                f.unlockable.add(args[0])
            elif op == "encounter":
                f.encounters.add(args[0])
            elif op == "end":
                f.endings.add(args[0])

    # -- conditions ----------------------------------------------------------------------

    def possible(self, conditions: tuple[Condition, ...]) -> bool:
        """Whether every condition could hold (over-approximated)."""
        return all(self._possible(c) for c in conditions)

    def _possible(self, cond: Condition) -> bool:
        """Whether one condition could hold."""
        op, args, f = cond.op, cond.args, self.facts
        if op == "has":
            return args[0] in f.obtainable
        if op == "here":
            return args[0] in f.accessible or args[0] in f.present
        if op in ("in", "visited"):
            rooms = args[0] if op == "in" else {args[0]}
            return any(r in f.rooms for r in rooms)
        if op == "in_region":
            return any(self.world.rooms[r].region == args[0] for r in f.rooms)
        if op == "flag":
            return args[0] in f.flags
        if op == "at_least":
            return args[1] <= 0 or args[0] in f.flags
        if op == "state":
            return any((args[0], s) in f.states for s in args[1])
        if op == "condition":
            return any(s in f.conditions for s in args[0])
        if op == "item_in":
            return self._item_in(args[0], args[1])
        if op == "is_worn":
            return args[0] in f.obtainable
        if op == "any":
            return any(self.possible(part) for part in args[0])
        if op == "all":
            return all(self.possible(part) for part in args[0])
        return True  # not, at_most, is_open, is_locked, is_lit, turn_at_least, chance

    def _item_in(self, item: str, place: str) -> bool:
        """Whether an item could be in a place."""
        f = self.facts
        if place == PLAYER:
            return item in f.obtainable
        if place == NOWHERE:
            return True
        return (item, place) in f.places or item in f.obtainable
