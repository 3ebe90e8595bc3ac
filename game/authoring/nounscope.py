"""Where each text of a world can be shown, and which nouns answer there."""

from __future__ import annotations

from game.authoring.rules import all_effects
from game.model import NOWHERE, PLAYER, World


def home(world: World, section: str, owner: str) -> str:
    """The room an item or character starts in (through containers), or ''."""
    place = ""
    if section == "items" and owner in world.items:
        place = world.items[owner].location
        for _ in range(20):
            if place in world.items:
                place = world.items[place].location
    elif section == "characters" and owner in world.characters:
        place = world.characters[owner].location
    return place if place in world.rooms else ""


class Scopes:
    """The nouns that answer in each place a text can be shown."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.room_words: dict[str, set[str]] = {room: set() for room in world.rooms}
        self.global_words: set[str] = {"me", "myself", "self", "yourself", "you"}
        self.vocabulary: set[str] = set()
        self._collect()

    def _collect(self) -> None:
        """Fill the per-room and global word sets from the world."""
        world = self.world
        for scenery_id, scenery in world.scenery.items():
            room = scenery_id.split(".", 1)[0]
            self.room_words.setdefault(room, set()).update(scenery.nouns)
            self.vocabulary.update(scenery.nouns)
        for item in world.items.values():
            self.vocabulary.update(item.nouns)
            if item.portable:
                self.global_words.update(item.nouns)
            for room in self._item_rooms(item.id):
                self.room_words.setdefault(room, set()).update(item.nouns)
        for char in world.characters.values():
            self.vocabulary.update(char.nouns)
            for room in self.character_rooms(char.id):
                self.room_words.setdefault(room, set()).update(char.nouns)

    def _item_rooms(self, item_id: str) -> set[str]:
        """Rooms an item can be seen in: where it starts, both sides of a door, effect moves."""
        world = self.world
        rooms = {home(world, "items", item_id)}
        item = world.items[item_id]
        if item.door is not None:
            for room in world.rooms.values():
                if any(e.door == item_id for e in room.exits):
                    rooms.add(room.id)
                    rooms.update(e.to for e in room.exits if e.door == item_id)
        for effect in self._effects("move"):
            moved, to = effect.args[0], effect.args[1]
            if moved == item_id and to in world.rooms:
                rooms.add(to)
        return {r for r in rooms if r and r not in (PLAYER, NOWHERE)}

    def _effects(self, op: str) -> list:
        """Every effect of one kind in the world (cached)."""
        cache = self.__dict__.setdefault("_effect_cache", {})
        if op not in cache:
            cache[op] = [e for e in all_effects(self.world) if e.op == op]
        return cache[op]

    def character_rooms(self, char_id: str) -> set[str]:
        """Rooms a character can be in: start, routes, wanders, and moves by effects."""
        char = self.world.characters[char_id]
        rooms = {char.location}
        for info in char.machine.states.values():
            rooms.update(getattr(info, "route", ()) or ())
            rooms.update(getattr(info, "wander", ()) or ())
        for effect in self._effects("move_character"):
            who, to = effect.args[0], effect.args[1]
            if who == char_id:
                rooms.add(to)
        return {r for r in rooms if r in self.world.rooms}

    def of_thing(self, thing: str) -> frozenset[str]:
        """The nouns that answer where an item or character is ('' for none)."""
        if thing in self.world.items:
            return self.of("items", thing)
        if thing in self.world.characters:
            return self.of("characters", thing)
        return frozenset()

    def of(self, section: str, owner: str) -> frozenset[str]:
        """The nouns that answer where a text of this owner is shown."""
        cache = self.__dict__.setdefault("_scope_cache", {})
        key = (section, owner)
        if key not in cache:
            cache[key] = frozenset(self._scope(section, owner) | self.global_words)
        return cache[key]

    def rooms_of(self, section: str, owner: str) -> set[str]:
        """The rooms a text of this owner can be shown in (empty: anywhere, or unknown)."""
        world = self.world
        if section == "rooms":
            return {owner}
        if section == "items" and owner in world.items:
            return self._item_rooms(owner)
        if section == "characters" and owner in world.characters:
            return self.character_rooms(owner)
        if section == "events" and owner in world.events:
            return _event_rooms(world, owner)
        return set()

    def _scope(self, section: str, owner: str) -> set[str]:
        """The owner's own words plus the words of every room it can be seen in."""
        world = self.world
        words: set[str] = set()
        rooms = self.rooms_of(section, owner)
        if section == "items" and owner in world.items:
            words |= world.items[owner].nouns
            words |= {n for i in world.items.values() if i.location == owner for n in i.nouns}
        elif section == "characters" and owner in world.characters:
            words |= world.characters[owner].nouns
        elif section == "events" and owner in world.events and not rooms:
            return set(self.vocabulary)
        for room in rooms:
            words |= self.room_words.get(room, set())
        return words


def _event_rooms(world: World, event_id: str) -> set[str]:
    """The rooms an event can fire in, when its trigger or condition says so."""
    event = world.events[event_id]
    rooms: set[str] = set()
    if event.trigger.kind == "enter":
        rooms.add(event.trigger.a)
    for cond in event.when:
        if cond.op == "in":
            args = cond.args[0]
            rooms.update([args] if isinstance(args, str) else args)
    return {r for r in rooms if r in world.rooms}
