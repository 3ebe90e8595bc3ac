"""Items, with their container, supporter, door, light and use rules, built from YAML."""

from __future__ import annotations

from game.model import lazyyaml as yaml
from game.model.fields import (
    Variant,
    read_variants,
    read_verb_responses,
    words_from_name,
)
from game.model.keys import BOOL, ID, INT, TEXT, WORDS, Key, Section
from game.model.logic import (
    Response,
    read_response,
    read_responses,
)
from game.model.messages import read_messages
from game.model.reader import (
    BOOL_TAG,
    STR_TAG,
    Ctx,
    Map,
    Where,
    boolean,
    core_tag,
    ident,
    mapping,
    seq,
    text,
)
from game.model.record import field, record

CONTAINER = Section(
    "container",
    "how a container (or a door) opens, locks and holds",
    Key("open", BOOL, "open at the start (default: true, or false when locked or a door)"),
    Key("openable", BOOL, "can be opened and closed (default: true when locked, closed or a door)"),
    Key("locked", BOOL, "locked at the start (then `open` must not be true)", False),
    Key("key", ID, "the item that locks and unlocks it"),
    Key("capacity", INT, "how many items fit", 10, low=0),
    Key("transparent", BOOL, "contents visible when closed", False),
)
SUPPORTER = Section(
    "supporter",
    "how many items a supporter holds",
    Key("capacity", INT, "how many items fit", 10, low=0),
)
LIGHT = Section(
    "light",
    "a light source that starts unlit",
    Key("lit", BOOL, "lit at the start", False),
)
USE_RULE = Section(
    "use_rule",
    "one USE rule",
    Key("on", ID, "the item or character it is used on (omit for plain USE X)"),
    Key("when", "conditions", "the rule applies only when this holds"),
    Key("say", TEXT, "what is shown"),
    Key("do", "effects", "effects, in order"),
)
ITEM = Section(
    "item",
    "a thing that can be in a room, in a container, or carried",
    Key("name", TEXT, "how the game names it; its last word is a noun, the others adjectives"),
    Key("words", WORDS, "more nouns the parser accepts"),
    Key("adjectives", WORDS, "more adjectives"),
    Key("description", TEXT, "what EXAMINE shows"),
    Key("location", ID, "a room, a container or supporter item, `player`, or `nowhere`"),
    Key("initial", TEXT, "a room-listing line until the item is first taken"),
    Key(
        "portable",
        BOOL,
        "`false`: fixed in place (default `true`; doors and `fixed` items default `false`)",
    ),
    Key(
        "fixed",
        "fixed",
        "fixed in place: the refusal when someone tries to take it, or `true` for the library's "
        "(`false`: it can be taken, as without the key)",
    ),
    Key("plural", BOOL, 'named as "them"/"are"', False),
    Key(
        "proper", BOOL, 'a proper name such as "On-jo\'s letter": no "a" or "the" before it', False
    ),
    Key("points", INT, "score on first take", 0),
    Key("light", "light", "a light source: `true`, or `{lit: false}`"),
    Key("readable", TEXT, "what READ shows"),
    Key(
        "variants",
        "variants",
        "a list of `{when, text}`: the first whose condition holds replaces the description "
        "(a kit once emptied, a radio once powered)",
    ),
    Key("wearable", BOOL, "can be worn", False),
    Key("edible", "responses", "responses to EAT"),
    Key("drinkable", "responses", "responses to DRINK"),
    Key(
        "container",
        "container",
        "holds items: `{open, openable, locked, key, capacity, transparent}`",
    ),
    Key("supporter", "supporter", "items can be put on it: `{capacity}`"),
    Key("door", "door", "a door for exits: `{open, locked, key}` (and the other container keys)"),
    Key("use", "use", "rules for USE X ON Y (`on: y`) or USE X (no `on`): `{on, when, say, do}`"),
    Key("on", "verbs", "verb → responses, instead of what the verb normally does"),
    Key("messages", "messages", "library messages said about it"),
)


@record
class ContainerSpec:
    """How an item holds other items."""

    open: bool = True
    openable: bool = False
    locked: bool = False
    key: str = ""
    capacity: int = 10
    transparent: bool = False
    supporter: bool = False


@record
class UseRule:
    """A "use X on Y" (or plain "use X") rule."""

    on: str
    response: Response


@record
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
    on: dict[str, tuple[Response, ...]] = field(factory=dict, eq=False)
    where: Where | None = field(default=None, eq=False, repr=False)
    variants: tuple[Variant, ...] = ()  # the first whose condition holds replaces the description
    messages: dict[str, str] = field(factory=dict, eq=False)

    KEYS = ITEM.names

    @classmethod
    def from_yaml(cls, ctx: Ctx, item_id: str, node: yaml.Node) -> Item | None:
        """An item definition."""
        m = mapping(ctx, node, f"item '{item_id}'")
        if m is None:
            return None
        what = f"item '{item_id}'"
        ITEM.check(ctx, m, what)
        name = ITEM.get(ctx, m, "name", item_id.replace("_", " "))
        nouns, adjs = words_from_name(
            name, ITEM.get(ctx, m, "words"), ITEM.get(ctx, m, "adjectives")
        )
        location = ident(ctx, m.get("location"), "location") or ""
        if m.get("location") is not None:
            ctx.ref("place", location, m.get("location"))
        light, lit = _read_light(ctx, m.get("light"))
        fixed, refusal = _read_fixed(ctx, m.get("fixed"))
        container = _read_container(ctx, m.get("container"), False)
        if m.get("supporter") is not None:
            container = _read_container(ctx, m.get("supporter"), True)
        return cls(
            item_id,
            name,
            nouns,
            adjs,
            ITEM.get(ctx, m, "description", f"You see nothing special about the {name}."),
            location,
            ITEM.get(ctx, m, "initial"),
            _portable(ctx, m, fixed),
            refusal,
            ITEM.get(ctx, m, "plural"),
            ITEM.get(ctx, m, "proper"),
            ITEM.get(ctx, m, "points"),
            light,
            lit,
            ITEM.get(ctx, m, "readable"),
            ITEM.get(ctx, m, "wearable"),
            read_responses(ctx, m.get("edible"), "edible") if m.get("edible") is not None else (),
            read_responses(ctx, m.get("drinkable"), "drinkable")
            if m.get("drinkable") is not None
            else (),
            container,
            _read_container(ctx, m.get("door"), False, door=True),
            _read_use(ctx, m.get("use")),
            read_verb_responses(ctx, m.get("on"), what),
            ctx.where(node),
            read_variants(ctx, m.get("variants")),
            read_messages(ctx, m.get("messages"), what),
        )


def _read_fixed(ctx: Ctx, node: yaml.Node | None) -> tuple[bool, str]:
    """`fixed:` — a refusal text (fixed in place), or true/false; (fixed, refusal)."""
    if node is None:
        return False, ""
    if isinstance(node, yaml.ScalarNode) and core_tag(node) == BOOL_TAG:
        return boolean(ctx, node, "fixed"), ""
    if isinstance(node, yaml.ScalarNode) and node.tag == BOOL_TAG and core_tag(node) == STR_TAG:
        ctx.warn(
            node,
            f"'fixed: {node.value}' fixes the item in place, with '{node.value}' as its refusal",
            "to let it be taken write 'fixed: false' (or leave 'fixed' out); to keep the text, "
            f'put it in quotes: "{node.value}"',
        )
        return True, node.value
    return True, text(ctx, node, "fixed")


def _portable(ctx: Ctx, m: Map, fixed: bool) -> bool:
    """Whether the item can be taken: `portable:`, else not for doors and fixed items."""
    portable = ITEM.get(ctx, m, "portable", m.get("door") is None and not fixed)
    if portable and fixed and m.get("portable") is not None:
        ctx.error(
            m.key_nodes["portable"],
            "the item says both 'portable: true' and 'fixed'",
            "keep one: 'fixed' (with its refusal) fixes it in place",
        )
    return portable


def _read_light(ctx: Ctx, node: yaml.Node | None) -> tuple[bool, bool]:
    """`light: true` or `light: {lit: false}`."""
    if node is None:
        return False, False
    if isinstance(node, yaml.ScalarNode):
        return True, boolean(ctx, node, "light")
    m = mapping(ctx, node, "light")
    if m is None:
        return True, False
    LIGHT.check(ctx, m, "light")
    return True, LIGHT.get(ctx, m, "lit")


def _read_container(
    ctx: Ctx, node: yaml.Node | None, supporter: bool, door: bool = False
) -> ContainerSpec | None:
    """A container, supporter or door spec."""
    if node is None:
        return None
    what = "door" if door else "supporter" if supporter else "container"
    if isinstance(node, yaml.ScalarNode):
        if not boolean(ctx, node, what):
            return None  # `container: false` is no container
        return ContainerSpec(open=not door, supporter=supporter)
    m = mapping(ctx, node, what)
    if m is None:
        return None
    section = SUPPORTER if supporter else CONTAINER
    section.check(ctx, m, what)
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
        capacity=section.get(ctx, m, "capacity"),
        transparent=section.get(ctx, m, "transparent") if not supporter else False,
        supporter=supporter,
    )


def _read_use(ctx: Ctx, node: yaml.Node | None) -> tuple[UseRule, ...]:
    """`use:` rules."""
    result = []
    for item in seq(ctx, node, "use"):
        m = mapping(ctx, item, "a use rule")
        if m is None:
            continue
        USE_RULE.check(ctx, m, "a use rule")
        target = ident(ctx, m.get("on"), "'on'")
        ctx.ref("thing", target, m.get("on") or item)
        result.append(UseRule(target, read_response(ctx, m)))
    return tuple(result)
