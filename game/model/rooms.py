"""Rooms, their exits and their scenery, each built from YAML."""

from __future__ import annotations

from game.model import lazyyaml as yaml
from game.model.fields import (
    DIRECTIONS,
    Variant,
    read_variants,
    read_verb_responses,
    words_from_name,
)
from game.model.logic import (
    ALWAYS,
    Condition,
    Response,
    read_conditions,
)
from game.model.messages import read_messages
from game.model.reader import (
    Ctx,
    Where,
    boolean,
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
from game.model.record import field, record


@record
class Exit:
    """A way out of a room."""

    direction: str
    to: str
    door: str = ""
    when: tuple[Condition, ...] = ALWAYS
    refuse: str = ""
    hidden_until: str = ""
    one_way: bool = False
    where: Where | None = field(default=None, eq=False, repr=False)

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


@record
class Scenery:
    """Something in a room that can be examined but is not an item."""

    id: str
    nouns: frozenset[str]
    adjectives: frozenset[str]
    description: str
    name: str
    on: dict[str, tuple[Response, ...]] = field(factory=dict, eq=False)
    messages: dict[str, str] = field(factory=dict, eq=False)

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
        nouns, adjs = words_from_name(
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


@record
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
    on: dict[str, tuple[Response, ...]] = field(factory=dict, eq=False)
    items: tuple[str, ...] = ()
    where: Where | None = field(default=None, eq=False, repr=False)
    messages: dict[str, str] = field(factory=dict, eq=False)
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
            read_variants(ctx, m.get("variants")),
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
