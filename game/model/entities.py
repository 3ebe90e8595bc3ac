"""The things a world is made of, each built from YAML through `from_yaml`."""

from __future__ import annotations

import attrs

from game.model import lazyyaml as yaml
from game.model.logic import (
    ALWAYS,
    Condition,
    Effect,
    Response,
    read_conditions,
    read_effects,
    read_response,
    read_responses,
)
from game.model.messages import read_messages
from game.model.reader import (
    Ctx,
    Map,
    Where,
    boolean,
    check_id,
    check_keys,
    id_list,
    ident,
    integer,
    mapping,
    require,
    seq,
    text,
    word_list,
)

DIRECTIONS = "north south east west northeast northwest southeast southwest up down in out".split()
OPPOSITE = {
    "north": "south",
    "south": "north",
    "east": "west",
    "west": "east",
    "northeast": "southwest",
    "southwest": "northeast",
    "northwest": "southeast",
    "southeast": "northwest",
    "up": "down",
    "down": "up",
    "in": "out",
    "out": "in",
}
NOWHERE = "nowhere"
PLAYER = "player"


def at_least(ctx: Ctx, node: yaml.Node | None, what: str, low: int, default: int) -> int:
    """A whole number no smaller than `low` (an error says so, as the schema does)."""
    value = integer(ctx, node, what, default)
    if node is not None and value < low:
        ctx.error(
            node, f"'{what}' must be {low} or more, not {value}", f"write {what}: {max(low, 1)}"
        )
        return default
    return value


def _words_from_name(name: str, words: tuple[str, ...], adjectives: tuple[str, ...]):
    """Nouns and adjectives for the parser: the name's last word is a noun, the rest adjectives."""
    parts = name.lower().replace(",", " ").split()
    nouns = set(words)
    adjs = set(adjectives)
    if parts:
        nouns.add(parts[-1])
        adjs.update(p for p in parts[:-1] if p not in ("the", "a", "an", "of"))
    return frozenset(nouns), frozenset(adjs - nouns)


@attrs.frozen
class Variant:
    """A description that replaces the usual one while its condition holds."""

    when: tuple[Condition, ...]
    text: str


@attrs.frozen
class Exit:
    """A way out of a room."""

    direction: str
    to: str
    door: str = ""
    when: tuple[Condition, ...] = ALWAYS
    refuse: str = ""
    hidden_until: str = ""
    one_way: bool = False
    where: Where | None = attrs.field(default=None, eq=False, repr=False)

    EXIT_KEYS = frozenset({"to", "door", "when", "refuse", "hidden_until", "one_way"})

    @classmethod
    def from_yaml(cls, ctx: Ctx, direction: str, node: yaml.Node) -> Exit:
        """An exit: a room id, or a mapping with `to` and options."""
        where = ctx.where(node)
        if isinstance(node, yaml.ScalarNode):
            to = ident(ctx, node, "exit destination")
            ctx.ref("room", to, node, f"exit '{direction}' leads to")
            return cls(direction, to, where=where)
        m = mapping(ctx, node, f"exit '{direction}'")
        if m is None:
            return cls(direction, "", where=where)
        check_keys(ctx, m, cls.EXIT_KEYS, f"exit '{direction}'")
        to_node = require(ctx, m, "to", f"exit '{direction}'")
        to = ident(ctx, to_node, "exit destination")
        ctx.ref("room", to, to_node or node, f"exit '{direction}' leads to")
        door = ident(ctx, m.get("door"), "door")
        ctx.ref("door", door, m.get("door") or node)
        return cls(
            direction,
            to,
            door,
            read_conditions(ctx, m.get("when")),
            text(ctx, m.get("refuse"), "refuse"),
            ident(ctx, m.get("hidden_until"), "hidden_until flag"),
            boolean(ctx, m.get("one_way"), "one_way"),
            where,
        )


@attrs.frozen
class Scenery:
    """Something in a room that can be examined but is not an item."""

    id: str
    nouns: frozenset[str]
    adjectives: frozenset[str]
    description: str
    name: str
    on: dict[str, tuple[Response, ...]] = attrs.field(factory=dict, eq=False)
    messages: dict[str, str] = attrs.field(factory=dict, eq=False)

    @classmethod
    def from_yaml(cls, ctx: Ctx, room: str, key: str, node: yaml.Node) -> Scenery:
        """A scenery entry: a description text, or a mapping with words and description."""
        if isinstance(node, yaml.ScalarNode):
            return cls(
                f"{room}.{key}",
                frozenset({key.lower()}),
                frozenset(),
                text(ctx, node, "scenery"),
                key,
            )
        m = mapping(ctx, node, f"scenery '{key}'")
        if m is None:
            return cls(f"{room}.{key}", frozenset({key}), frozenset(), "", key)
        what = f"scenery '{key}'"
        check_keys(ctx, m, ("words", "adjectives", "description", "name", "on", "messages"), what)
        name = text(ctx, m.get("name"), "name", key.replace("_", " "))
        nouns, adjs = _words_from_name(
            name,
            word_list(ctx, m.get("words"), "words"),
            word_list(ctx, m.get("adjectives"), "adjectives"),
        )
        return cls(
            f"{room}.{key}",
            nouns,
            adjs,
            text(ctx, m.get("description"), "description"),
            name,
            read_verb_responses(ctx, m.get("on"), what),
            read_messages(ctx, m.get("messages"), what),
        )


@attrs.frozen
class Room:
    """A place the player can stand."""

    id: str
    name: str
    region: str
    description: str
    first: str = ""
    variants: tuple[Variant, ...] = ()
    dark: bool = False
    dark_description: str = ""
    points: int = 0
    exits: tuple[Exit, ...] = ()
    scenery: tuple[Scenery, ...] = ()
    on: dict[str, tuple[Response, ...]] = attrs.field(factory=dict, eq=False)
    items: tuple[str, ...] = ()
    where: Where | None = attrs.field(default=None, eq=False, repr=False)
    messages: dict[str, str] = attrs.field(factory=dict, eq=False)
    dark_when: tuple[Condition, ...] = ()  # `dark:` as a condition: dark while it holds

    KEYS = frozenset(
        "name region description first variants dark dark_description points exits scenery on items "
        "messages".split()
    )

    @classmethod
    def from_yaml(cls, ctx: Ctx, room_id: str, node: yaml.Node) -> Room | None:
        """A room definition."""
        m = mapping(ctx, node, f"room '{room_id}'")
        if m is None:
            return None
        check_keys(ctx, m, cls.KEYS, f"room '{room_id}'")
        what = f"room '{room_id}'"
        items = id_list(ctx, m.get("items"), "item")
        for item, item_node in zip(items, seq(ctx, m.get("items"), "items"), strict=False):
            ctx.ref("item", item, item_node)
        dark = _read_dark(ctx, m.get("dark"))
        return cls(
            room_id,
            text(ctx, require(ctx, m, "name", what), "name"),
            text(ctx, m.get("region"), "region"),
            text(ctx, require(ctx, m, "description", what), "description"),
            text(ctx, m.get("first"), "first"),
            _read_variants(ctx, m.get("variants")),
            dark is True,
            text(ctx, m.get("dark_description"), "dark_description"),
            integer(ctx, m.get("points"), "points"),
            _read_exits(ctx, m.get("exits"), what),
            _read_scenery(ctx, room_id, m.get("scenery")),
            read_verb_responses(ctx, m.get("on"), what),
            items,
            ctx.where(node),
            read_messages(ctx, m.get("messages"), what),
            _dark_when(dark),
        )


def _read_dark(ctx: Ctx, node: yaml.Node | None) -> bool | tuple[Condition, ...]:
    """`dark:` true/false, or a condition under which the room is dark (no `chance` in it)."""
    if node is None or isinstance(node, yaml.ScalarNode):
        return boolean(ctx, node, "dark")
    found = read_conditions(ctx, node)
    if _draws(found):
        ctx.error(node, "'dark' cannot depend on 'chance'", "use a flag an event sets by chance")
        return ()
    return found


def _dark_when(value: bool | tuple[Condition, ...]) -> tuple[Condition, ...]:
    """The condition part of a read `dark:` (empty for true/false)."""
    return () if isinstance(value, bool) else value


def _draws(conditions: tuple[Condition, ...]) -> bool:
    """Whether a condition list draws from the random generator anywhere inside it."""
    for cond in conditions:
        if cond.op == "chance":
            return True
        if cond.op == "not" and _draws(cond.args[0]):
            return True
        if cond.op in ("any", "all") and any(_draws(part) for part in cond.args[0]):
            return True
    return False


def _read_variants(ctx: Ctx, node: yaml.Node | None) -> tuple[Variant, ...]:
    """Conditional descriptions."""
    result = []
    for item in seq(ctx, node, "variants"):
        m = mapping(ctx, item, "a variant")
        if m is None:
            continue
        check_keys(ctx, m, ("when", "text"), "a variant")
        result.append(
            Variant(read_conditions(ctx, m.get("when")), text(ctx, m.get("text"), "text"))
        )
    return tuple(result)


def _read_exits(ctx: Ctx, node: yaml.Node | None, what: str) -> tuple[Exit, ...]:
    """A room's exits by direction."""
    if node is None:
        return ()
    m = mapping(ctx, node, f"exits of {what}")
    if m is None:
        return ()
    check_keys(ctx, m, DIRECTIONS, f"exits of {what}")
    return tuple(
        Exit.from_yaml(ctx, direction, value)
        for direction, value in m.values.items()
        if direction in DIRECTIONS
    )


def _read_scenery(ctx: Ctx, room_id: str, node: yaml.Node | None) -> tuple[Scenery, ...]:
    """A room's scenery by key."""
    if node is None:
        return ()
    m = mapping(ctx, node, "scenery")
    if m is None:
        return ()
    return tuple(Scenery.from_yaml(ctx, room_id, key, value) for key, value in m.values.items())


def read_verb_responses(
    ctx: Ctx, node: yaml.Node | None, what: str
) -> dict[str, tuple[Response, ...]]:
    """`on:` — verb name to instead-responses."""
    if node is None:
        return {}
    m = mapping(ctx, node, f"'on' of {what}")
    if m is None:
        return {}
    result: dict[str, tuple[Response, ...]] = {}
    for key, value in m.values.items():
        responses = read_responses(ctx, value, f"'{key}' response")
        for verb in verb_key(key):
            ctx.ref("verb", verb, m.key_nodes[key])
            result[verb] = result.get(verb, ()) + responses
    return result


def verb_key(key: str) -> list[str]:
    """The verbs of an `on:` key: one verb, or several separated by commas (`push, pull`)."""
    return [v.strip() for v in key.split(",") if v.strip()]


@attrs.frozen
class ContainerSpec:
    """How an item holds other items."""

    open: bool = True
    openable: bool = False
    locked: bool = False
    key: str = ""
    capacity: int = 10
    transparent: bool = False
    supporter: bool = False


@attrs.frozen
class UseRule:
    """A "use X on Y" (or plain "use X") rule."""

    on: str
    response: Response


@attrs.frozen
class Item:
    """A thing that can be in a room, in a container, or carried."""

    id: str
    name: str
    nouns: frozenset[str]
    adjectives: frozenset[str]
    description: str
    location: str
    initial: str = ""
    portable: bool = True
    fixed: str = ""
    plural: bool = False
    proper: bool = False
    points: int = 0
    light: bool = False
    lit: bool = False
    readable: str = ""
    wearable: bool = False
    edible: tuple[Response, ...] = ()
    drinkable: tuple[Response, ...] = ()
    container: ContainerSpec | None = None
    door: ContainerSpec | None = None
    use: tuple[UseRule, ...] = ()
    on: dict[str, tuple[Response, ...]] = attrs.field(factory=dict, eq=False)
    where: Where | None = attrs.field(default=None, eq=False, repr=False)
    variants: tuple[Variant, ...] = ()  # the first whose condition holds replaces the description
    messages: dict[str, str] = attrs.field(factory=dict, eq=False)

    KEYS = frozenset(
        "name words adjectives description location initial portable fixed plural proper points light "
        "readable wearable edible drinkable container supporter door use on variants messages".split()
    )

    @classmethod
    def from_yaml(cls, ctx: Ctx, item_id: str, node: yaml.Node) -> Item | None:
        """An item definition."""
        m = mapping(ctx, node, f"item '{item_id}'")
        if m is None:
            return None
        what = f"item '{item_id}'"
        check_keys(ctx, m, cls.KEYS, what)
        name = text(ctx, m.get("name"), "name", item_id.replace("_", " "))
        nouns, adjs = _words_from_name(
            name,
            word_list(ctx, m.get("words"), "words"),
            word_list(ctx, m.get("adjectives"), "adjectives"),
        )
        location = ident(ctx, m.get("location"), "location") or ""
        if m.get("location") is not None:
            ctx.ref("place", location, m.get("location"))
        light, lit = _read_light(ctx, m.get("light"))
        container = _read_container(ctx, m.get("container"), False)
        if m.get("supporter") is not None:
            container = _read_container(ctx, m.get("supporter"), True)
        return cls(
            item_id,
            name,
            nouns,
            adjs,
            text(
                ctx,
                m.get("description"),
                "description",
                f"You see nothing special about the {name}.",
            ),
            location,
            text(ctx, m.get("initial"), "initial"),
            boolean(ctx, m.get("portable"), "portable", m.get("door") is None),
            text(ctx, m.get("fixed"), "fixed"),
            boolean(ctx, m.get("plural"), "plural"),
            boolean(ctx, m.get("proper"), "proper"),
            integer(ctx, m.get("points"), "points"),
            light,
            lit,
            text(ctx, m.get("readable"), "readable"),
            boolean(ctx, m.get("wearable"), "wearable"),
            read_responses(ctx, m.get("edible"), "edible") if m.get("edible") is not None else (),
            read_responses(ctx, m.get("drinkable"), "drinkable")
            if m.get("drinkable") is not None
            else (),
            container,
            _read_container(ctx, m.get("door"), False, door=True),
            _read_use(ctx, m.get("use")),
            read_verb_responses(ctx, m.get("on"), what),
            ctx.where(node),
            _read_variants(ctx, m.get("variants")),
            read_messages(ctx, m.get("messages"), what),
        )


def _read_light(ctx: Ctx, node: yaml.Node | None) -> tuple[bool, bool]:
    """`light: true` or `light: {lit: false}`."""
    if node is None:
        return False, False
    if isinstance(node, yaml.ScalarNode):
        return True, boolean(ctx, node, "light")
    m = mapping(ctx, node, "light")
    if m is None:
        return True, False
    check_keys(ctx, m, ("lit",), "light")
    return True, boolean(ctx, m.get("lit"), "lit")


def _read_container(
    ctx: Ctx, node: yaml.Node | None, supporter: bool, door: bool = False
) -> ContainerSpec | None:
    """A container, supporter or door spec."""
    if node is None:
        return None
    what = "door" if door else "supporter" if supporter else "container"
    if isinstance(node, yaml.ScalarNode):
        boolean(ctx, node, what)
        return ContainerSpec(open=not door, supporter=supporter)
    m = mapping(ctx, node, what)
    if m is None:
        return None
    keys = (
        ("capacity",)
        if supporter
        else ("open", "openable", "locked", "key", "capacity", "transparent")
    )
    check_keys(ctx, m, keys, what)
    key = ident(ctx, m.get("key"), "key")
    ctx.ref("item", key, m.get("key") or node)
    locked = boolean(ctx, m.get("locked"), "locked")
    is_open = boolean(ctx, m.get("open"), "open", not door and not locked)
    if locked and is_open:
        ctx.error(node, f"a {what} cannot start both open and locked", "set 'open: false'")
    return ContainerSpec(
        open=is_open,
        openable=boolean(ctx, m.get("openable"), "openable", door or locked or not is_open),
        locked=locked,
        key=key,
        capacity=at_least(ctx, m.get("capacity"), "capacity", 0, 10),
        transparent=boolean(ctx, m.get("transparent"), "transparent"),
        supporter=supporter,
    )


def _read_use(ctx: Ctx, node: yaml.Node | None) -> tuple[UseRule, ...]:
    """`use:` rules."""
    result = []
    for item in seq(ctx, node, "use"):
        m = mapping(ctx, item, "a use rule")
        if m is None:
            continue
        check_keys(ctx, m, ("on", "when", "say", "do"), "a use rule")
        target = ident(ctx, m.get("on"), "'on'")
        ctx.ref("thing", target, m.get("on") or item)
        result.append(UseRule(target, read_response(ctx, m)))
    return tuple(result)


@attrs.frozen
class Transition:
    """A declared change from one state to another."""

    sources: frozenset[str]  # empty = any state
    to: str
    when: tuple[Condition, ...] = ALWAYS
    after: int = 0
    say: str = ""
    do: tuple[Effect, ...] = ()
    where: Where | None = attrs.field(default=None, eq=False, repr=False)

    def allows(self, current: str) -> bool:
        """Whether this transition leaves the given state."""
        return not self.sources or current in self.sources

    @property
    def automatic(self) -> bool:
        """Whether it happens by itself (timed or conditional)."""
        return bool(self.after or self.when)


@attrs.frozen
class StateInfo:
    """What one state of a state machine changes."""

    id: str
    label: str = ""
    description: str = ""
    present: str = ""
    follows: bool = False
    hostile: bool = False
    route: tuple[str, ...] = ()
    every: int = 1
    wander: tuple[str, ...] = ()
    chance: int = 50
    forbid: frozenset[str] = frozenset()
    refuse: str = ""


@attrs.frozen
class StateMachine:
    """States and declared transitions, shared by the player's condition and characters."""

    initial: str
    states: dict[str, StateInfo] = attrs.field(eq=False)
    transitions: tuple[Transition, ...] = ()

    automatic: tuple[Transition, ...] = attrs.field(default=(), eq=False)
    _auto_cache: dict = attrs.field(factory=dict, eq=False, repr=False, init=False)

    def automatic_from(self, current: str) -> tuple[Transition, ...]:
        """The automatic transitions that leave a state, in declared order."""
        cache = self._auto_cache
        found = cache.get(current)
        if found is None:
            found = cache[current] = tuple(t for t in self.automatic if t.allows(current))
        return found

    STATE_KEYS = frozenset(
        "label description present follows hostile route every wander chance forbid refuse".split()
    )

    @classmethod
    def from_yaml(cls, ctx: Ctx, m: Map, owner: str, ref_kind: str) -> StateMachine:
        """The `initial`, `states` and `transitions` keys of a mapping."""
        states: dict[str, StateInfo] = {}
        states_node = m.get("states")
        if states_node is not None:
            sm = mapping(ctx, states_node, f"states of {owner}")
            for state_id, node in sm.values.items() if sm else ():
                check_id(ctx, sm.key_nodes[state_id], state_id, "state")
                states[state_id] = _read_state(ctx, state_id, node)
        initial = ident(ctx, m.get("initial"), "initial state")
        if not states:
            initial = initial or "normal"
            states[initial] = StateInfo(initial)
        elif not initial:
            initial = next(iter(states))
        elif initial not in states:
            ctx.error(
                m.get("initial"),
                f"initial state '{initial}' is not one of the states of {owner}",
                _suggest(initial, states),
            )
        transitions = tuple(
            _read_transition(ctx, node, owner, ref_kind)
            for node in seq(ctx, m.get("transitions"), "transitions")
        )
        declared = tuple(t for t in transitions if t is not None)
        return cls(initial, states, declared, tuple(t for t in declared if t.automatic))


def _suggest(value: str, known) -> str:
    """did-you-mean or the known list."""
    from game.model.problems import did_you_mean

    return did_you_mean(value, known) or "known: " + ", ".join(sorted(known))


def _read_state(ctx: Ctx, state_id: str, node: yaml.Node) -> StateInfo:
    """One state's fields."""
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
        return StateInfo(state_id, state_id.replace("_", " ").title())
    m = mapping(ctx, node, f"state '{state_id}'")
    if m is None:
        return StateInfo(state_id)
    check_keys(ctx, m, StateMachine.STATE_KEYS, f"state '{state_id}'")
    route = id_list(ctx, m.get("route"), "route room")
    wander = id_list(ctx, m.get("wander"), "wander room")
    for room, room_node in zip(route, seq(ctx, m.get("route"), "route"), strict=False):
        ctx.ref("room", room, room_node)
    for room, room_node in zip(wander, seq(ctx, m.get("wander"), "wander"), strict=False):
        ctx.ref("room", room, room_node)
    return StateInfo(
        state_id,
        text(ctx, m.get("label"), "label", state_id.replace("_", " ").title()),
        text(ctx, m.get("description"), "description"),
        text(ctx, m.get("present"), "present"),
        boolean(ctx, m.get("follows"), "follows"),
        boolean(ctx, m.get("hostile"), "hostile"),
        route,
        at_least(ctx, m.get("every"), "every", 1, 1),
        wander,
        integer(ctx, m.get("chance"), "chance", 50),
        frozenset(word_list(ctx, m.get("forbid"), "forbid")),
        text(ctx, m.get("refuse"), "refuse"),
    )


def _read_transition(ctx: Ctx, node: yaml.Node, owner: str, ref_kind: str) -> Transition | None:
    """One transition."""
    m = mapping(ctx, node, f"a transition of {owner}")
    if m is None:
        return None
    check_keys(ctx, m, ("from", "to", "when", "after", "say", "do"), f"a transition of {owner}")
    sources: frozenset[str] = frozenset()
    from_node = m.get("from")
    if from_node is not None and not (
        isinstance(from_node, yaml.ScalarNode) and from_node.value == "*"
    ):
        sources = frozenset(id_list(ctx, from_node, "'from' state"))
        for state, state_node in zip(sorted(sources), seq(ctx, from_node, "from"), strict=False):
            ctx.ref(ref_kind, state, state_node)
    to_node = require(ctx, m, "to", f"a transition of {owner}")
    to = ident(ctx, to_node, "'to' state")
    ctx.ref(ref_kind, to, to_node or node)
    return Transition(
        sources,
        to,
        read_conditions(ctx, m.get("when")),
        integer(ctx, m.get("after"), "after"),
        text(ctx, m.get("say"), "say"),
        read_effects(ctx, m.get("do")),
        ctx.where(node),
    )


@attrs.frozen
class Topic:
    """Something to ASK or TELL a character about."""

    id: str
    words: frozenset[str]
    replies: tuple[Response, ...]
    tell: tuple[Response, ...] = ()  # TELL's own reply, when it differs from ASK's


@attrs.frozen
class Choice:
    """One option of a TALK TO menu."""

    label: str
    when: tuple[Condition, ...]
    reply: str
    do: tuple[Effect, ...]
    goto: str  # node id, "end", or "" (stay)


@attrs.frozen
class TalkNode:
    """One step of a menu conversation."""

    id: str
    text: str
    choices: tuple[Choice, ...]


@attrs.frozen
class Encounter:
    """What happens when a hostile character meets the player."""

    text: str
    turns: int
    flee: tuple[Response, ...]
    hide: tuple[Response, ...]
    fight: tuple[Response, ...]
    timeout: tuple[Response, ...]


@attrs.frozen
class Character:
    """A person (or a horde) with states, talk and movement."""

    id: str
    name: str
    nouns: frozenset[str]
    adjectives: frozenset[str]
    pronoun: str
    description: str
    location: str
    machine: StateMachine
    proper: bool = True
    topics: tuple[Topic, ...] = ()
    default_reply: str = ""
    talk: dict[str, TalkNode] = attrs.field(factory=dict, eq=False)
    orders: dict[str, tuple[Response, ...]] = attrs.field(factory=dict, eq=False)
    default_order: str = ""
    encounter: Encounter | None = None
    on: dict[str, tuple[Response, ...]] = attrs.field(factory=dict, eq=False)
    where: Where | None = attrs.field(default=None, eq=False, repr=False)
    messages: dict[str, str] = attrs.field(factory=dict, eq=False)

    KEYS = frozenset(
        "name words adjectives pronoun proper description location initial states transitions topics "
        "default_reply talk orders default_order encounter on messages".split()
    )

    @classmethod
    def from_yaml(cls, ctx: Ctx, char_id: str, node: yaml.Node) -> Character | None:
        """A character definition."""
        m = mapping(ctx, node, f"character '{char_id}'")
        if m is None:
            return None
        what = f"character '{char_id}'"
        check_keys(ctx, m, cls.KEYS, what)
        name = text(ctx, require(ctx, m, "name", what), "name")
        nouns, adjs = _words_from_name(
            name,
            word_list(ctx, m.get("words"), "words"),
            word_list(ctx, m.get("adjectives"), "adjectives"),
        )
        location = ident(ctx, m.get("location"), "location") or NOWHERE
        if m.get("location") is not None:
            ctx.ref("room_or_nowhere", location, m.get("location"))
        pronoun = text(ctx, m.get("pronoun"), "pronoun", "them")
        if pronoun not in ("him", "her", "them", "it"):
            ctx.error(m.get("pronoun"), f"pronoun '{pronoun}' is not him, her, them or it")
        return cls(
            char_id,
            name,
            nouns,
            adjs,
            pronoun,
            text(ctx, m.get("description"), "description", f"It's {name}."),
            location,
            StateMachine.from_yaml(ctx, m, what, "state:" + char_id),
            boolean(ctx, m.get("proper"), "proper", name[:1].isupper()),
            _read_topics(ctx, m.get("topics")),
            text(ctx, m.get("default_reply"), "default_reply"),
            _read_talk(ctx, m.get("talk"), what),
            read_verb_responses(ctx, m.get("orders"), what),
            text(ctx, m.get("default_order"), "default_order"),
            _read_encounter(ctx, m.get("encounter")),
            read_verb_responses(ctx, m.get("on"), what),
            ctx.where(node),
            read_messages(ctx, m.get("messages"), what),
        )


def _read_topics(ctx: Ctx, node: yaml.Node | None) -> tuple[Topic, ...]:
    """ASK/TELL topics."""
    if node is None:
        return ()
    m = mapping(ctx, node, "topics")
    if m is None:
        return ()
    result = []
    for topic_id, value in m.values.items():
        if isinstance(value, yaml.ScalarNode):
            replies = read_responses(ctx, value, f"topic '{topic_id}'")
            result.append(Topic(topic_id, frozenset({topic_id}), replies))
            continue
        tm = mapping(ctx, value, f"topic '{topic_id}'")
        if tm is None:
            continue
        check_keys(ctx, tm, ("words", "reply", "tell", "when", "do"), f"topic '{topic_id}'")
        words = frozenset(word_list(ctx, tm.get("words"), "words")) | {topic_id.replace("_", " ")}
        replies = read_responses(ctx, tm.get("reply"), "reply")
        if tm.get("when") is not None or tm.get("do") is not None:
            base = replies[0] if replies else Response(ALWAYS, "", (), ctx.where(value))
            first = Response(
                read_conditions(ctx, tm.get("when")) + base.when,
                base.say,
                base.do + read_effects(ctx, tm.get("do")),
                base.where,
            )
            replies = (first, *replies[1:])
        tell = read_responses(ctx, tm.get("tell"), "tell") if tm.get("tell") is not None else ()
        result.append(Topic(topic_id, words, replies, tell))
    return tuple(result)


def _read_talk(ctx: Ctx, node: yaml.Node | None, what: str) -> dict[str, TalkNode]:
    """The TALK TO menu: node id to node."""
    if node is None:
        return {}
    m = mapping(ctx, node, f"talk of {what}")
    if m is None:
        return {}
    nodes = {}
    for node_id, value in m.values.items():
        nm = mapping(ctx, value, f"talk node '{node_id}'")
        if nm is None:
            continue
        check_keys(ctx, nm, ("text", "choices"), f"talk node '{node_id}'")
        choices = []
        for choice_node in seq(ctx, nm.get("choices"), "choices"):
            cm = mapping(ctx, choice_node, "a choice")
            if cm is None:
                continue
            check_keys(ctx, cm, ("label", "when", "reply", "do", "goto"), "a choice")
            goto = ident(ctx, cm.get("goto"), "goto")
            choices.append(
                Choice(
                    text(ctx, require(ctx, cm, "label", "a choice"), "label"),
                    read_conditions(ctx, cm.get("when")),
                    text(ctx, cm.get("reply"), "reply"),
                    read_effects(ctx, cm.get("do")),
                    goto,
                )
            )
        nodes[node_id] = TalkNode(node_id, text(ctx, nm.get("text"), "text"), tuple(choices))
    if nodes and "start" not in nodes:
        ctx.error(node, f"talk of {what} has no 'start' node", "name the first node 'start'")
    for choice_goto_owner in nodes.values():
        for choice in choice_goto_owner.choices:
            if choice.goto and choice.goto != "end" and choice.goto not in nodes:
                ctx.error(
                    node,
                    f"a choice goes to unknown talk node '{choice.goto}'",
                    _suggest(choice.goto, nodes),
                )
    return nodes


def _read_encounter(ctx: Ctx, node: yaml.Node | None) -> Encounter | None:
    """An encounter block."""
    if node is None:
        return None
    m = mapping(ctx, node, "encounter")
    if m is None:
        return None
    check_keys(ctx, m, ("text", "turns", "flee", "hide", "fight", "timeout"), "encounter")
    return Encounter(
        text(ctx, m.get("text"), "text"),
        max(1, integer(ctx, m.get("turns"), "turns", 2)),
        read_responses(ctx, m.get("flee"), "flee"),
        read_responses(ctx, m.get("hide"), "hide"),
        read_responses(ctx, m.get("fight"), "fight"),
        read_responses(ctx, m.get("timeout"), "timeout"),
    )


@attrs.frozen
class Trigger:
    """What makes an event fire."""

    kind: str  # enter turn every flag action state condition always
    a: str = ""
    b: str = ""
    n: int = 0


TRIGGER_KINDS = ("enter", "turn", "every", "flag", "action", "state", "condition")


@attrs.frozen
class Event:
    """Something that happens when its trigger and condition meet."""

    id: str
    trigger: Trigger
    when: tuple[Condition, ...]
    say: str
    do: tuple[Effect, ...]
    once: bool
    priority: int
    where: Where | None = attrs.field(default=None, eq=False, repr=False)

    KEYS = frozenset("on when say do once priority".split())

    @classmethod
    def from_yaml(cls, ctx: Ctx, event_id: str, node: yaml.Node) -> Event | None:
        """An event definition."""
        m = mapping(ctx, node, f"event '{event_id}'")
        if m is None:
            return None
        check_keys(ctx, m, cls.KEYS, f"event '{event_id}'")
        return cls(
            event_id,
            _read_trigger(ctx, m.get("on")),
            read_conditions(ctx, m.get("when")),
            text(ctx, m.get("say"), "say"),
            read_effects(ctx, m.get("do")),
            boolean(ctx, m.get("once"), "once", True),
            integer(ctx, m.get("priority"), "priority"),
            ctx.where(node),
        )


def _read_trigger(ctx: Ctx, node: yaml.Node | None) -> Trigger:
    """`on:` of an event; without one the event fires whenever its condition holds."""
    if node is None:
        return Trigger("always")
    m = mapping(ctx, node, "trigger")
    if m is None:
        return Trigger("always")
    check_keys(ctx, m, (*TRIGGER_KINDS, "object"), "trigger")
    given = [k for k in TRIGGER_KINDS if k in m]
    if len(given) > 1:
        ctx.error(
            node,
            f"a trigger has one kind, but this one says {' and '.join(given)}",
            "keep one; put the other as a condition under 'when:' (or make two events)",
        )
    if "action" in m:
        verb = text(ctx, m.get("action"), "action")
        ctx.ref("verb", verb, m.get("action"))
        obj = ident(ctx, m.get("object"), "object")
        ctx.ref("thing", obj, m.get("object") or node)
        return Trigger("action", verb, obj)
    for kind in ("enter", "flag", "condition"):
        if kind in m:
            value = ident(ctx, m.get(kind), kind)
            ref_kind = {"enter": "room", "condition": "condition"}.get(kind)
            if ref_kind:
                ctx.ref(ref_kind, value, m.get(kind))
            return Trigger(kind, value)
    for kind in ("turn", "every"):
        if kind in m:
            return Trigger(kind, n=at_least(ctx, m.get(kind), kind, 1, 1))
    if "state" in m:
        sm = mapping(ctx, m.get("state"), "state trigger")
        if sm is not None:
            check_keys(ctx, sm, ("of", "is"), "state trigger")
            who = ident(ctx, sm.get("of"), "of")
            state = ident(ctx, sm.get("is"), "is")
            ctx.ref("character", who, sm.get("of") or node)
            ctx.ref("state:" + who, state, sm.get("is") or node)
            return Trigger("state", who, state)
    ctx.error(
        node,
        "the trigger needs one of " + ", ".join(TRIGGER_KINDS),
        "write e.g. 'on: {enter: lab}'",
    )
    return Trigger("always")


@attrs.frozen
class Ending:
    """A way the game ends."""

    id: str
    title: str
    text: str
    kind: str
    where: Where | None = attrs.field(default=None, eq=False, repr=False)
    epilogue: tuple[Variant, ...] = ()  # every line whose condition holds follows the text

    KINDS = ("victory", "bittersweet", "tragic", "death")

    @classmethod
    def from_yaml(cls, ctx: Ctx, ending_id: str, node: yaml.Node) -> Ending | None:
        """An ending definition."""
        m = mapping(ctx, node, f"ending '{ending_id}'")
        if m is None:
            return None
        check_keys(ctx, m, ("title", "text", "kind", "epilogue"), f"ending '{ending_id}'")
        kind = text(ctx, m.get("kind"), "kind", "victory")
        if kind not in cls.KINDS:
            ctx.error(m.get("kind"), f"ending kind '{kind}' is unknown", _suggest(kind, cls.KINDS))
        return cls(
            ending_id,
            text(ctx, require(ctx, m, "title", f"ending '{ending_id}'"), "title"),
            text(ctx, m.get("text"), "text"),
            kind,
            ctx.where(node),
            _read_variants(ctx, m.get("epilogue")),
        )


@attrs.frozen
class Hint:
    """Progressive hints for one puzzle."""

    id: str
    when: tuple[Condition, ...]
    done: tuple[Condition, ...]
    hints: tuple[str, ...]

    @classmethod
    def from_yaml(cls, ctx: Ctx, hint_id: str, node: yaml.Node) -> Hint | None:
        """A hint definition."""
        m = mapping(ctx, node, f"hint '{hint_id}'")
        if m is None:
            return None
        check_keys(ctx, m, ("when", "done", "hints"), f"hint '{hint_id}'")
        hints = tuple(text(ctx, h, "hint") for h in seq(ctx, m.get("hints"), "hints"))
        if not hints:
            ctx.error(node, f"hint '{hint_id}' has no hints", "add 'hints: [a nudge, the answer]'")
        return cls(
            hint_id, read_conditions(ctx, m.get("when")), read_conditions(ctx, m.get("done")), hints
        )


@attrs.frozen
class Player:
    """Where the player starts, what they carry, and their condition."""

    start: str
    inventory: tuple[str, ...]
    condition: StateMachine

    @classmethod
    def from_yaml(cls, ctx: Ctx, node: yaml.Node) -> Player | None:
        """The player definition."""
        m = mapping(ctx, node, "player")
        if m is None:
            return None
        check_keys(ctx, m, ("start", "inventory", "condition"), "player")
        start_node = require(ctx, m, "start", "player")
        start = ident(ctx, start_node, "start room")
        ctx.ref("room", start, start_node or node)
        inventory = id_list(ctx, m.get("inventory"), "item")
        for item, item_node in zip(
            inventory, seq(ctx, m.get("inventory"), "inventory"), strict=False
        ):
            ctx.ref("item", item, item_node)
        machine = StateMachine("healthy", {"healthy": StateInfo("healthy", "Healthy")})
        if m.get("condition") is not None:
            cm = mapping(ctx, m.get("condition"), "condition")
            if cm is not None:
                check_keys(ctx, cm, ("initial", "states", "transitions"), "condition")
                machine = StateMachine.from_yaml(ctx, cm, "the player's condition", "condition")
        return cls(start, inventory, machine)


@attrs.frozen
class GameInfo:
    """The game's title, release and opening text."""

    title: str = "Hyosan"
    release: int = 1
    author: str = ""
    intro: str = ""
    undo_limit: int = 100
    winning: tuple[str, ...] = ()  # ending kinds or ids that count as a win ("" = all but death)
    clock: tuple[tuple[int, str], ...] = ()  # (from turn, time-of-day label), by turn

    def time_at(self, turn: int) -> str:
        """The time-of-day label at this turn, or '' when the game keeps no clock."""
        label = ""
        for start, name in self.clock:
            if turn >= start:
                label = name
        return label

    @classmethod
    def from_yaml(cls, ctx: Ctx, node: yaml.Node) -> GameInfo | None:
        """The game definition."""
        m = mapping(ctx, node, "game")
        if m is None:
            return None
        keys = ("title", "release", "author", "intro", "undo_limit", "winning", "clock")
        check_keys(ctx, m, keys, "game")
        winning = id_list(ctx, m.get("winning"), "winning")
        for value, value_node in zip(winning, seq(ctx, m.get("winning"), "winning"), strict=False):
            ctx.ref("winning", value, value_node, "winning:")
        return cls(
            text(ctx, m.get("title"), "title", "Hyosan"),
            integer(ctx, m.get("release"), "release", 1),
            text(ctx, m.get("author"), "author"),
            text(ctx, m.get("intro"), "intro"),
            max(1, integer(ctx, m.get("undo_limit"), "undo_limit", 100)),
            winning,
            _read_clock(ctx, m.get("clock")),
        )


def _read_clock(ctx: Ctx, node: yaml.Node | None) -> tuple[tuple[int, str], ...]:
    """The game's clock: a list of `{at: turn, label: text}`, sorted by turn."""
    marks: list[tuple[int, str]] = []
    for item in seq(ctx, node, "clock"):
        m = mapping(ctx, item, "a clock mark")
        if m is None:
            continue
        check_keys(ctx, m, ("at", "label"), "a clock mark")
        at = max(0, integer(ctx, m.get("at"), "at", 0))
        marks.append((at, text(ctx, require(ctx, m, "label", "a clock mark"), "label")))
    return tuple(sorted(marks, key=lambda mark: mark[0]))


@attrs.frozen
class WorldTest:
    """A scripted test an author keeps next to the content."""

    id: str
    commands: tuple[str, ...]
    expect: Map | None = attrs.field(eq=False, repr=False)
    where: Where | None = attrs.field(default=None, eq=False, repr=False)
    start: str = ""  # `from:` — the test whose end this one starts from
    lines: tuple[int, ...] = attrs.field(default=(), eq=False, repr=False)  # of each command


def read_tests(ctx: Ctx, node: yaml.Node) -> list[WorldTest]:
    """`tests:` — id to {from, commands, expect}; the authoring tools interpret `expect`."""
    m = mapping(ctx, node, "tests")
    if m is None:
        return []
    result = []
    for test_id, value in m.values.items():
        tm = mapping(ctx, value, f"test '{test_id}'")
        if tm is None:
            continue
        check_keys(ctx, tm, ("from", "commands", "expect"), f"test '{test_id}'")
        nodes = seq(ctx, tm.get("commands"), "commands")
        commands = tuple(text(ctx, c, "command") for c in nodes)
        expect = mapping(ctx, tm.get("expect"), "expect") if tm.get("expect") is not None else None
        start = ident(ctx, tm.get("from"), "from")
        lines = tuple(c.start_mark.line + 1 for c in nodes)
        result.append(WorldTest(test_id, commands, expect, ctx.where(value), start, lines))
    return result
