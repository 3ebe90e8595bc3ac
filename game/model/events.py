"""Events and the triggers that make them fire, built from YAML."""

from __future__ import annotations

from game.model import lazyyaml as yaml
from game.model.keys import BOOL, ID, INT, TEXT, Key, Section
from game.model.logic import (
    Condition,
    Effect,
    read_conditions,
    read_effects,
)
from game.model.reader import (
    Ctx,
    Map,
    Where,
    ident,
    mapping,
    text,
)
from game.model.record import evolve, field, record

TRIGGER_KINDS = ("enter", "turn", "every", "flag", "action", "state", "condition")
MOMENTS = ("enter", "flag", "state", "condition")  # the kinds `after:` counts from
STATE_TRIGGER = Section(
    "state_trigger",
    "a character entering a state",
    Key("of", ID, "the character", required=True),
    Key("is", ID, "the state", required=True),
)
TRIGGER = Section(
    "trigger",
    "what makes an event fire: exactly one kind",
    Key("enter", ID, "the player enters this room"),
    Key("turn", INT, "on this turn", 1, low=1),
    Key("every", INT, "every n turns", 1, low=1),
    Key("flag", ID, "this flag becomes set"),
    Key("action", "verb", "the player does this action (after it is done)"),
    Key("object", ID, "… to this item or character (with `action` only)", needs="action"),
    Key("state", "state_trigger", "a character enters a state: `{of: character, is: state}`"),
    Key("condition", ID, "the player's condition becomes this"),
    Key(
        "after",
        INT,
        "fire this many turns after the moment (with `enter`, `flag`, `state` or `condition`)",
        0,
        low=1,
        needs=MOMENTS,
        refusal=(
            "'after' counts turns from a moment: entering a room, a flag set, a state entered "
            "or a condition taken",
            "write e.g. 'on: {flag: pumps_on, after: 4}' (use 'turn:' or 'every:' for the "
            "game's own clock)",
        ),
    ),
    one_of=TRIGGER_KINDS,
)
EVENT = Section(
    "event",
    "something that happens when its trigger and condition meet",
    Key("on", "trigger", "the trigger (below); without one, the event fires whenever `when` holds"),
    Key("when", "conditions", "an extra condition"),
    Key("say", TEXT, "shown (as an event) when it fires"),
    Key("do", "effects", "effects, in order"),
    Key("once", BOOL, "`false`: may fire again (default `true`)", True),
    Key("priority", INT, "lower fires first; ties go by id", 0),
)


@record
class Trigger:
    """What makes an event fire."""

    kind: str  # enter turn every flag action state condition always
    a: str = ""
    b: str = ""
    n: int = 0
    after: int = 0  # fire this many turns after the moment (enter, flag, state, condition)


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

    KEYS = EVENT.names

    @classmethod
    def from_yaml(cls, ctx: Ctx, event_id: str, node: yaml.Node) -> Event | None:
        """An event definition."""
        m = mapping(ctx, node, f"event '{event_id}'")
        if m is None:
            return None
        EVENT.check(ctx, m, f"event '{event_id}'")
        return cls(
            event_id,
            _read_trigger(ctx, m.get("on")),
            read_conditions(ctx, m.get("when")),
            EVENT.get(ctx, m, "say"),
            read_effects(ctx, m.get("do")),
            EVENT.get(ctx, m, "once"),
            EVENT.get(ctx, m, "priority"),
            ctx.where(node),
        )


def _read_trigger(ctx: Ctx, node: yaml.Node | None) -> Trigger:
    """`on:` of an event; without one the event fires whenever its condition holds."""
    if node is None:
        return Trigger("always")
    m = mapping(ctx, node, "trigger")
    if m is None:
        return Trigger("always")
    TRIGGER.check(ctx, m, "a trigger")
    trigger = _read_kind(ctx, node, m)
    if "after" not in m:
        return trigger
    after = TRIGGER.get(ctx, m, "after")
    if trigger.kind not in MOMENTS:  # refused by TRIGGER.check
        return trigger
    return evolve(trigger, after=after) if after else trigger


def _read_kind(ctx: Ctx, node: yaml.Node, m: Map) -> Trigger:
    """The one kind a trigger mapping names."""
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
            return Trigger(kind, n=TRIGGER.get(ctx, m, kind))
    if "state" in m:
        sm = mapping(ctx, m.get("state"), "state trigger")
        if sm is not None:
            STATE_TRIGGER.check(ctx, sm, "state trigger")
            who = ident(ctx, sm.get("of"), "of")
            state = ident(ctx, sm.get("is"), "is")
            ctx.ref("character", who, sm.get("of") or node)
            ctx.ref("state:" + who, state, sm.get("is") or node)
            return Trigger("state", who, state)
    return Trigger("always")
