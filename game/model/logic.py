"""Conditions, effects and responses: the closed vocabulary worlds use for logic."""

from __future__ import annotations

import re

from game.model import lazyyaml as yaml
from game.model.logickeys import (
    CHAR_IN,
    CONDITION,
    CONDITION_OPS,
    EFFECT_OPS,
    ITEM_IN,
    RESPONSE_KEYS,
    STATE_TEST,
)
from game.model.problems import did_you_mean
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
    seq,
    text,
    word_list,
)
from game.model.record import field, record

TYPE_CHECKING = False  # typing's flag without importing typing, whose import is a start-up cost
if TYPE_CHECKING:
    from typing import Any


@record
class Condition:
    """One test on the game state: an operator from the closed vocabulary and its arguments."""

    op: str
    args: tuple[Any, ...]
    where: Where = field(eq=False, repr=False)


@record
class Effect:
    """One change to the game state: an operator from the closed vocabulary and its arguments."""

    op: str
    args: tuple[Any, ...]
    where: Where = field(eq=False, repr=False)


@record
class Response:
    """What happens when something is tried: a guard, text and effects."""

    when: tuple[Condition, ...]
    say: str
    do: tuple[Effect, ...]
    where: Where = field(eq=False, repr=False)


ALWAYS: tuple[Condition, ...] = ()

NUMBER_RE = re.compile(r"\d+(?:\.\d+)?|\.\d+")


def topic_word(word: str) -> str:
    """A typed or written topic word as compared: lower case, a number by its value (41.75 = 41.750)."""
    word = word.strip().lower()
    return repr(float(word)) if NUMBER_RE.fullmatch(word) else word


def read_conditions(ctx: Ctx, node: yaml.Node | None) -> tuple[Condition, ...]:
    """A condition: one mapping (every key must hold) or a list of them (all must hold)."""
    if node is None:
        return ALWAYS
    return _read_ops(ctx, node, "a condition", _read_condition)


def _read_condition(ctx: Ctx, m: Map, op: str, node: yaml.Node) -> Condition | None:
    """One condition operator and its argument."""
    where = ctx.where(m.key_nodes[op])
    if op not in CONDITION_OPS:
        ctx.error(m.key_nodes[op], f"unknown condition '{op}'", _op_fix(op, CONDITION_OPS))
        return None
    if op in ("has", "is_open", "is_locked", "is_lit", "is_worn"):
        value = ident(ctx, node, f"'{op}'")
        ctx.ref("item", value, node)
        return Condition(op, (value,), where)
    if op == "here":
        value = ident(ctx, node, "'here'")
        ctx.ref("thing", value, node)
        return Condition(op, (value,), where)
    if op == "in":
        rooms = id_list(ctx, node, "'in'")
        for room, room_node in zip(rooms, seq(ctx, node, "'in'"), strict=False):
            ctx.ref("room", room, room_node)
        return Condition(op, (frozenset(rooms),), where)
    if op == "visited":
        value = ident(ctx, node, "'visited'")
        ctx.ref("room", value, node)
        return Condition(op, (value,), where)
    if op == "in_region":
        return Condition(op, (text(ctx, node, "'in_region'"),), where)
    if op == "flag":
        return Condition(op, (ident(ctx, node, "flag name"),), where)
    if op in ("at_least", "at_most"):
        return _read_counter_test(ctx, op, node, where)
    if op == "state":
        return _read_state_test(ctx, node, where)
    if op == "condition":
        states = id_list(ctx, node, "'condition'")
        for state, state_node in zip(states, seq(ctx, node, "'condition'"), strict=False):
            ctx.ref("condition", state, state_node)
        return Condition(op, (frozenset(states),), where)
    if op == "item_in":
        return _read_item_in(ctx, node, where)
    if op == "char_in":
        return _read_char_in(ctx, node, where)
    if op in ("turn_at_least", "chance"):
        return Condition(op, (CONDITION.keys[op].read(ctx, node),), where)
    if op == "topic":
        words = frozenset(topic_word(w) for w in word_list(ctx, node, "'topic'"))
        return Condition(op, (words,), where)
    if op == "not":
        return Condition(op, (read_conditions(ctx, node),), where)
    # any / all
    parts = tuple(read_conditions(ctx, item) for item in seq(ctx, node, f"'{op}'"))
    return Condition(op, (parts,), where)


def _read_counter_test(ctx: Ctx, op: str, node: yaml.Node, where: Where) -> Condition | None:
    """`{at_least: {flag: n}}`."""
    m = mapping(ctx, node, f"'{op}'")
    if m is None or len(m.values) != 1:
        ctx.error(node, f"'{op}' takes one flag and a number", f"write '{op}: {{trust: 2}}'")
        return None
    ((name, value),) = m.values.items()
    check_id(ctx, m.key_nodes[name], name, "counter")
    return Condition(op, (name, integer(ctx, value, f"'{op}' value")), where)


def _read_state_test(ctx: Ctx, node: yaml.Node, where: Where) -> Condition | None:
    """`{state: {of: character, is: state-or-list}}`."""
    m = mapping(ctx, node, "'state'")
    if m is None:
        return None
    check_keys(ctx, m, STATE_TEST.names, "'state'")
    who = ident(ctx, m.get("of"), "'of'")
    states = id_list(ctx, m.get("is"), "'is'")
    if not who or not states:
        ctx.error(node, "'state' needs 'of' and 'is'", "write 'state: {of: namra, is: trusting}'")
        return None
    ctx.ref("character", who, m.get("of"))
    for state, state_node in zip(states, seq(ctx, m.get("is"), "'is'"), strict=False):
        ctx.ref("state:" + who, state, state_node)
    return Condition("state", (who, frozenset(states)), where)


def _read_item_in(ctx: Ctx, node: yaml.Node, where: Where) -> Condition | None:
    """`{item_in: {item: x, place: y}}`."""
    m = mapping(ctx, node, "'item_in'")
    if m is None:
        return None
    check_keys(ctx, m, ITEM_IN.names, "'item_in'")
    item = ident(ctx, m.get("item"), "'item'")
    place = ident(ctx, m.get("place"), "'place'")
    if not item or not place:
        ctx.error(
            node,
            "'item_in' needs 'item' and 'place'",
            "write 'item_in: {item: key, place: player}'",
        )
        return None
    ctx.ref("item", item, m.get("item") or node)
    ctx.ref("place", place, m.get("place") or node)
    return Condition("item_in", (item, place), where)


def _read_char_in(ctx: Ctx, node: yaml.Node, where: Where) -> Condition | None:
    """`{char_in: {who: character, place: room-or-list}}`: where a character is, wherever you are."""
    m = mapping(ctx, node, "'char_in'")
    if m is None:
        return None
    check_keys(ctx, m, CHAR_IN.names, "'char_in'")
    who = ident(ctx, m.get("who"), "'who'")
    places = id_list(ctx, m.get("place"), "'place'")
    if not who or not places:
        ctx.error(
            node, "'char_in' needs 'who' and 'place'", "write 'char_in: {who: namra, place: camp}'"
        )
        return None
    ctx.ref("character", who, m.get("who"))
    for place, place_node in zip(places, seq(ctx, m.get("place"), "'place'"), strict=False):
        if place != "nowhere":
            ctx.ref("room", place, place_node)
    return Condition("char_in", (who, frozenset(places)), where)


def read_effects(ctx: Ctx, node: yaml.Node | None) -> tuple[Effect, ...]:
    """A list of effects (one mapping is a one-effect list); each mapping key is one effect."""
    if node is None:
        return ()
    return _read_ops(ctx, node, "an effect", _read_effect)


def _read_ops(ctx: Ctx, node: yaml.Node, what: str, read_one) -> tuple:
    """One `{op: argument}` mapping or a list of them; each key of each mapping is one op."""
    result = []
    for item in seq(ctx, node, what):
        m = mapping(ctx, item, what)
        if m is None:
            continue
        if not m.values:
            ctx.error(item, f"{what} is empty", "write one, like '{flag: door_open}', or remove it")
        for key, value in m.values.items():
            op = read_one(ctx, m, key, value)
            if op is not None:
                result.append(op)
    return tuple(result)


def _read_effect(ctx: Ctx, m: Map, op: str, node: yaml.Node) -> Effect | None:
    """One effect operator and its argument."""
    where = ctx.where(m.key_nodes[op])
    if op not in EFFECT_OPS:
        ctx.error(m.key_nodes[op], f"unknown effect '{op}'", _op_fix(op, EFFECT_OPS))
        return None
    if op in ("say", "event", "warn"):
        return Effect(op, (text(ctx, node, f"'{op}'"),), where)
    if op == "set":
        return _read_set(ctx, node, where)
    if op == "unset":
        return Effect(op, (ident(ctx, node, "flag name"),), where)
    if op == "add":
        return _read_add(ctx, node, where)
    if op in ("give", "remove", "open", "close", "lock", "unlock"):
        value = ident(ctx, node, f"'{op}'")
        ctx.ref("item", value, node)
        return Effect(op, (value,), where)
    if op == "move":
        return _read_pair(ctx, node, where, op, ("item", "to"), ("item", "place"))
    if op == "move_character":
        return _read_pair(ctx, node, where, op, ("who", "to"), ("character", "room_or_nowhere"))
    if op == "state":
        return _read_pair(ctx, node, where, op, ("of", "to"), ("character", "state"))
    if op == "move_player":
        value = ident(ctx, node, "'move_player'")
        ctx.ref("room", value, node)
        return Effect(op, (value,), where)
    if op == "condition":
        value = ident(ctx, node, "'condition'")
        ctx.ref("condition", value, node)
        return Effect(op, (value,), where)
    if op == "encounter":
        value = ident(ctx, node, "'encounter'")
        ctx.ref("character", value, node)
        return Effect(op, (value,), where)
    if op == "end_encounter":
        boolean(ctx, node, "'end_encounter'")
        return Effect(op, (), where)
    if op == "score":
        return Effect(op, (integer(ctx, node, "'score'"),), where)
    # end
    value = ident(ctx, node, "'end'")
    ctx.ref("ending", value, node)
    return Effect(op, (value,), where)


def _read_set(ctx: Ctx, node: yaml.Node, where: Where) -> Effect | None:
    """`{set: flag}` or `{set: {flag: n}}`."""
    if isinstance(node, yaml.MappingNode):
        m = mapping(ctx, node, "'set'")
        if m is None or len(m.values) != 1:
            ctx.error(node, "'set' takes one flag", "write 'set: flag' or 'set: {flag: 3}'")
            return None
        ((name, value),) = m.values.items()
        check_id(ctx, m.key_nodes[name], name, "flag")
        return Effect("set", (name, integer(ctx, value, "'set' value")), where)
    return Effect("set", (ident(ctx, node, "flag name"), 1), where)


def _read_add(ctx: Ctx, node: yaml.Node, where: Where) -> Effect | None:
    """`{add: {flag: n}}`."""
    m = mapping(ctx, node, "'add'")
    if m is None or len(m.values) != 1:
        ctx.error(node, "'add' takes one counter and a number", "write 'add: {trust_namra: 1}'")
        return None
    ((name, value),) = m.values.items()
    check_id(ctx, m.key_nodes[name], name, "counter")
    return Effect("add", (name, integer(ctx, value, "'add' value")), where)


def _read_pair(
    ctx: Ctx, node: yaml.Node, where: Where, op: str, keys: tuple[str, str], kinds: tuple[str, str]
) -> Effect | None:
    """An effect written as a two-key mapping, like `{move: {item: x, to: y}}`."""
    m = mapping(ctx, node, f"'{op}'")
    if m is None:
        return None
    check_keys(ctx, m, keys, f"'{op}'")
    first = ident(ctx, m.get(keys[0]), f"'{keys[0]}'")
    second = ident(ctx, m.get(keys[1]), f"'{keys[1]}'")
    if not first or not second:
        ctx.error(
            node,
            f"'{op}' needs '{keys[0]}' and '{keys[1]}'",
            f"write '{op}: {{{keys[0]}: ..., {keys[1]}: ...}}'",
        )
        return None
    ctx.ref(kinds[0], first, m.get(keys[0]))
    second_kind = "state:" + first if kinds[1] == "state" else kinds[1]
    ctx.ref(second_kind, second, m.get(keys[1]))
    return Effect(op, (first, second), where)


def read_responses(ctx: Ctx, node: yaml.Node | None, what: str) -> tuple[Response, ...]:
    """One response mapping or a list of them; a bare text is a response that only says it."""
    if node is None:
        return ()
    result = []
    for item in seq(ctx, node, what):
        if isinstance(item, yaml.ScalarNode):
            result.append(Response(ALWAYS, text(ctx, item, what), (), ctx.where(item)))
            continue
        m = mapping(ctx, item, what)
        if m is None:
            continue
        check_keys(ctx, m, RESPONSE_KEYS, what)
        result.append(read_response(ctx, m))
    return tuple(result)


def read_response(ctx: Ctx, m: Map) -> Response:
    """The when/say/do keys of a mapping as a Response (other keys are the caller's)."""
    return Response(
        read_conditions(ctx, m.get("when")),
        text(ctx, m.get("say"), "'say'"),
        read_effects(ctx, m.get("do")),
        ctx.where(m.node),
    )


def _op_fix(op: str, known: list[str]) -> str:
    """Suggest a known operator."""
    return did_you_mean(op, known) or "known: " + ", ".join(known)
