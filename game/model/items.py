"""Items, with their container, supporter, door, light and use rules, built from YAML."""

from __future__ import annotations

from game.model import lazyyaml as yaml
from game.model.fields import (
    Variant,
    at_least,
    read_variants,
    read_verb_responses,
    words_from_name,
)
from game.model.logic import (
    Response,
    read_response,
    read_responses,
)
from game.model.messages import read_messages
from game.model.reader import (
    Ctx,
    Where,
    boolean,
    check_keys,
    ident,
    integer,
    mapping,
    seq,
    text,
    word_list,
)
from game.model.record import field, record


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
        nouns, adjs = words_from_name(
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
            read_variants(ctx, m.get("variants")),
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
