"""Events and the triggers that make them fire, built from YAML."""

from __future__ import annotations

from game.model import lazyyaml as yaml
from game.model.fields import (
    at_least,
)
from game.model.logic import (
    Condition,
    Effect,
    read_conditions,
    read_effects,
)
from game.model.reader import (
    Ctx,
    Where,
    boolean,
    check_keys,
    ident,
    integer,
    mapping,
    text,
)
from game.model.record import field, record


@record
class Trigger:
    """What makes an event fire."""

    kind: str  # enter turn every flag action state condition always
    a: str = ""
    b: str = ""
    n: int = 0


TRIGGER_KINDS = ("enter", "turn", "every", "flag", "action", "state", "condition")


@record
class Event:
    """Something that happens when its trigger and condition meet."""

    id: str
    trigger: Trigger
    when: tuple[Condition, ...]
    say: str
    do: tuple[Effect, ...]
    once: bool
    priority: int
    where: Where | None = field(default=None, eq=False, repr=False)

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
