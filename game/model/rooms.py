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
from game.model.keys import BOOL, ID, IDS, INT, TEXT, WORDS, Key, Section
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
    mapping,
    seq,
    text,
)
from game.model.record import field, record

EXIT = Section(
    "exit",
    "an exit mapping (instead of a room id)",
    Key("to", ID, "the room it leads to", required=True),
    Key("door", ID, "an item with a `door:` section that must be open to pass"),
    Key("when", "conditions", "a condition to pass"),
    Key("refuse", TEXT, "said when `when` fails"),
    Key("hidden_until", ID, "a flag: the exit does not exist before it is set"),
    Key("one_way", BOOL, "`true`: no way back, on purpose (so `check` does not warn)", False),
)
SCENERY = Section(
    "scenery",
    "a scenery mapping (instead of a plain description)",
    Key("words", WORDS, "nouns the parser accepts"),
    Key("adjectives", WORDS, "adjectives the parser accepts"),
    Key("description", TEXT, "what EXAMINE shows"),
    Key("name", TEXT, "how the game names it (default: the key, underscores as spaces)"),
    Key("on", "verbs", "verb → responses, instead of what the verb normally does"),
    Key("messages", "messages", "library messages said about it"),
)
ROOM = Section(
    "room",
    "a place the player can stand",
    Key("name", TEXT, "the room's name", required=True),
    Key("region", TEXT, "the region it belongs to; maps group rooms by region"),
    Key("description", TEXT, "shown on every visit", required=True),
    Key("first", TEXT, "replaces the description on the first visit"),
    Key(
        "variants",
        "variants",
        "`{when, text}` list; the first whose condition holds replaces the description",
    ),
    Key(
        "dark",
        "dark",
        "`true`: needs a lit light source to see; or a condition: dark only while it holds "
        "(`dark: {not: {flag: power_on}}`; `chance` is refused there)",
        False,
    ),
    Key("dark_description", TEXT, "shown when dark"),
    Key("points", INT, "score for the first visit", 0),
    Key("exits", "exits", "direction → room id, or an exit mapping (below)"),
    Key(
        "scenery",
        "scenery",
        "things to examine that are not items: key → text or `{words, adjectives, name, description, on, messages}`",
    ),
    Key("on", "verbs", "verb → responses, instead of what the verb normally does here"),
    Key("items", IDS, "items that start here (the same as giving them `location:`)"),
    Key("messages", "messages", "library messages said in this room"),
)


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

    EXIT_KEYS = EXIT.names

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
        EXIT.check(ctx, m, f"exit '{direction}'")
        to_node = m.get("to")
        to = ident(ctx, to_node, "exit destination")
        ctx.ref("room", to, to_node or node, f"exit '{direction}' leads to")
        door = ident(ctx, m.get("door"), "door")
        ctx.ref("door", door, m.get("door") or node)
        return cls(
            direction,
            to,
            door,
            read_conditions(ctx, m.get("when")),
            EXIT.get(ctx, m, "refuse"),
            ident(ctx, m.get("hidden_until"), "hidden_until flag"),
            EXIT.get(ctx, m, "one_way"),
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
        SCENERY.check(ctx, m, what)
        name = SCENERY.get(ctx, m, "name", key.replace("_", " "))
        nouns, adjs = words_from_name(
            name, SCENERY.get(ctx, m, "words"), SCENERY.get(ctx, m, "adjectives")
        )
        return cls(
            f"{room}.{key}",
            nouns,
            adjs,
            SCENERY.get(ctx, m, "description"),
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

    KEYS = ROOM.names

    @classmethod
    def from_yaml(cls, ctx: Ctx, room_id: str, node: yaml.Node) -> Room | None:
        """A room definition."""
        m = mapping(ctx, node, f"room '{room_id}'")
        if m is None:
            return None
        what = f"room '{room_id}'"
        ROOM.check(ctx, m, what)
        items = id_list(ctx, m.get("items"), "item")
        for item, item_node in zip(items, seq(ctx, m.get("items"), "items"), strict=False):
            ctx.ref("item", item, item_node)
        dark = _read_dark(ctx, m.get("dark"))
        return cls(
            room_id,
            ROOM.get(ctx, m, "name"),
            ROOM.get(ctx, m, "region"),
            ROOM.get(ctx, m, "description"),
            ROOM.get(ctx, m, "first"),
            read_variants(ctx, m.get("variants")),
            dark is True,
            ROOM.get(ctx, m, "dark_description"),
            ROOM.get(ctx, m, "points"),
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
