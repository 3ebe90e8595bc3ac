"""State machines (states and transitions), shared by characters and the player's condition."""

from __future__ import annotations

from game.model import lazyyaml as yaml
from game.model.fields import (
    suggest,
)
from game.model.keys import BOOL, ENUM, ID, IDS, INT, TEXT, WORDS, Key, Section
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
    check_id,
    id_list,
    ident,
    mapping,
    seq,
)
from game.model.record import field, record

EARSHOT = (
    "next_door",
    "region",
    "anywhere",
)  # how far a sound carries (see game/engine/hearing.py)
STATE = Section(
    "state",
    "one state of a state machine",
    Key("label", TEXT, "short name shown in the status line (default: the id, capitalised)"),
    Key("description", TEXT, "replaces the default description in this state"),
    Key("present", TEXT, "the room-listing line in this state"),
    Key("follows", BOOL, "follows the player", False),
    Key("hostile", BOOL, "meeting the player starts the encounter", False),
    Key("route", IDS, "walk this loop of rooms"),
    Key("every", INT, "turns per step of the route", 1, low=1),
    Key("wander", IDS, "step at random among these rooms"),
    Key("chance", INT, "percent chance to wander each turn", 50, low=0, high=100),
    Key("forbid", WORDS, "verbs refused in this state"),
    Key("refuse", TEXT, "said when a forbidden verb is tried"),
    Key(
        "heard_from",
        ENUM,
        "its moves in this state are heard this far off: next_door, region or anywhere "
        "(library message `heard_moves`; default: unheard)",
        "",
        choices=EARSHOT,
    ),
)
TRANSITION = Section(
    "transition",
    "a declared change of state",
    Key("from", "from", 'the state it leaves, a list of states, or `"*"` for any (the default)'),
    Key("to", ID, "the state it enters", required=True),
    Key("when", "conditions", "happens by itself when this holds at the end of a turn"),
    Key(
        "after", INT, "happens by itself after n turns in the `from` state (0: not timed)", 0, low=0
    ),
    Key("say", TEXT, "shown when it happens"),
    Key("heard", TEXT, "shown instead when it happens out of sight but within earshot"),
    Key(
        "heard_from",
        ENUM,
        "how far `heard` carries: next_door (the default), region or anywhere",
        "next_door",
        choices=EARSHOT,
        needs="heard",
    ),
    Key("do", "effects", "effects, in order"),
)
MACHINE = Section(
    "machine",
    "a state machine: the player's condition, or a character's states",
    Key("initial", ID, "the state at the start (default: the first state)"),
    Key("states", "states", "state id → fields (below), or nothing for a plain state"),
    Key(
        "transitions",
        "transitions",
        "declared changes: a list of `{from, to, when, after, say, do}`",
    ),
)


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
    heard: str = ""  # said instead of `say` when the player is elsewhere but within earshot
    heard_from: str = "next_door"  # one of EARSHOT

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
    heard_from: str = ""  # moves in this state are heard this far off ("": not heard)


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

    STATE_KEYS = STATE.names

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
    STATE.check(ctx, m, f"state '{state_id}'")
    route = id_list(ctx, m.get("route"), "route room")
    wander = id_list(ctx, m.get("wander"), "wander room")
    for room, room_node in zip(route, seq(ctx, m.get("route"), "route"), strict=False):
        ctx.ref("room", room, room_node)
    for room, room_node in zip(wander, seq(ctx, m.get("wander"), "wander"), strict=False):
        ctx.ref("room", room, room_node)
    return StateInfo(
        state_id,
        STATE.get(ctx, m, "label", state_id.replace("_", " ").title()),
        STATE.get(ctx, m, "description"),
        STATE.get(ctx, m, "present"),
        STATE.get(ctx, m, "follows"),
        STATE.get(ctx, m, "hostile"),
        route,
        STATE.get(ctx, m, "every"),
        wander,
        STATE.get(ctx, m, "chance"),
        frozenset(STATE.get(ctx, m, "forbid")),
        STATE.get(ctx, m, "refuse"),
        STATE.get(ctx, m, "heard_from"),
    )


def _read_transition(ctx: Ctx, node: yaml.Node, owner: str, ref_kind: str) -> Transition | None:
    """One transition."""
    m = mapping(ctx, node, f"a transition of {owner}")
    if m is None:
        return None
    TRANSITION.check(ctx, m, f"a transition of {owner}")
    sources: frozenset[str] = frozenset()
    from_node = m.get("from")
    if from_node is not None and not (
        isinstance(from_node, yaml.ScalarNode) and from_node.value == "*"
    ):
        sources = frozenset(id_list(ctx, from_node, "'from' state"))
        for state, state_node in zip(sorted(sources), seq(ctx, from_node, "from"), strict=False):
            ctx.ref(ref_kind, state, state_node)
    to_node = m.get("to")
    to = ident(ctx, to_node, "'to' state")
    ctx.ref(ref_kind, to, to_node or node)
    if ref_kind == "condition" and "heard" in m:
        ctx.error(
            m.key_nodes["heard"],
            "the player's condition always happens where the player is, so nothing hears it "
            "from elsewhere",
            "use 'say:' (put 'heard:' on a character's transition)",
        )
    return Transition(
        sources,
        to,
        read_conditions(ctx, m.get("when")),
        TRANSITION.get(ctx, m, "after"),
        TRANSITION.get(ctx, m, "say"),
        read_effects(ctx, m.get("do")),
        ctx.where(node),
        TRANSITION.get(ctx, m, "heard"),
        TRANSITION.get(ctx, m, "heard_from"),
    )
