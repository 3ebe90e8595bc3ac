"""State machines (states and transitions), shared by characters and the player's condition."""

from __future__ import annotations

from game.model import lazyyaml as yaml
from game.model.fields import (
    at_least,
    suggest,
)
from game.model.logic import (
    ALWAYS,
    Condition,
    Effect,
    read_conditions,
    read_effects,
)
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
from game.model.record import field, record


@record
class Transition:
    """A declared change from one state to another."""

    sources: frozenset[str]  # empty = any state
    to: str
    when: tuple[Condition, ...] = ALWAYS
    after: int = 0
    say: str = ""
    do: tuple[Effect, ...] = ()
    where: Where | None = field(default=None, eq=False, repr=False)

    def allows(self, current: str) -> bool:
        """Whether this transition leaves the given state."""
        return not self.sources or current in self.sources

    @property
    def automatic(self) -> bool:
        """Whether it happens by itself (timed or conditional)."""
        return bool(self.after or self.when)


@record
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


@record
class StateMachine:
    """States and declared transitions, shared by the player's condition and characters."""

    initial: str
    states: dict[str, StateInfo] = field(eq=False)
    transitions: tuple[Transition, ...] = ()

    automatic: tuple[Transition, ...] = field(default=(), eq=False)
    _auto_cache: dict = field(factory=dict, eq=False, repr=False, init=False)

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
                suggest(initial, states),
            )
        transitions = tuple(
            _read_transition(ctx, node, owner, ref_kind)
            for node in seq(ctx, m.get("transitions"), "transitions")
        )
        declared = tuple(t for t in transitions if t is not None)
        return cls(initial, states, declared, tuple(t for t in declared if t.automatic))


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
