"""How a game starts: the game's title, clock and rules, and the player's start."""

from __future__ import annotations

from game.model import lazyyaml as yaml
from game.model.keys import ID, IDS, INT, TEXT, Key, Section
from game.model.reader import (
    Ctx,
    id_list,
    ident,
    mapping,
    seq,
)
from game.model.record import record
from game.model.statemachine import MACHINE, StateInfo, StateMachine

PLAYER = Section(
    "player",
    "the player (exactly one per world)",
    Key("start", ID, "the starting room", required=True),
    Key("inventory", IDS, "items carried at the start"),
    Key("condition", "machine", "the player's condition, a state machine (see State machines)"),
)
CLOCK_MARK = Section(
    "clock_mark",
    "a mark on the game's clock",
    Key("at", INT, "from this turn on", 0, low=0, required=True),
    Key("label", TEXT, "the time shown", required=True),
)
GAME = Section(
    "game",
    "the game (exactly one per world)",
    Key("title", TEXT, "the title", "Hyosan"),
    Key("release", INT, "release number", 1, low=1),
    Key("author", TEXT, "the author"),
    Key("intro", TEXT, "shown before the first room"),
    Key("undo_limit", INT, "how many UNDO steps are kept", 100, low=1),
    Key(
        "winning",
        IDS,
        "which endings count as winning for `hyosan check`: ending kinds (`victory`, "
        "`bittersweet`, `tragic`, `death`) or ending ids, one or a list (default: every kind "
        "but death)",
    ),
    Key(
        "clock",
        "clock",
        "the time of day: a list of `{at: turn, label: text}`; from turn `at` on, the status "
        "line, TIME and HINT show `label` (no clock: no time shown)",
    ),
)


@record
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
        PLAYER.check(ctx, m, "player")
        start_node = m.get("start")
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
                MACHINE.check(ctx, cm, "condition")
                machine = StateMachine.from_yaml(ctx, cm, "the player's condition", "condition")
        return cls(start, inventory, machine)


@record
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
        GAME.check(ctx, m, "game")
        winning = id_list(ctx, m.get("winning"), "winning")
        for value, value_node in zip(winning, seq(ctx, m.get("winning"), "winning"), strict=False):
            ctx.ref("winning", value, value_node, "winning:")
        return cls(
            GAME.get(ctx, m, "title"),
            GAME.get(ctx, m, "release"),
            GAME.get(ctx, m, "author"),
            GAME.get(ctx, m, "intro"),
            GAME.get(ctx, m, "undo_limit"),
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
        CLOCK_MARK.check(ctx, m, "a clock mark")
        marks.append((CLOCK_MARK.get(ctx, m, "at"), CLOCK_MARK.get(ctx, m, "label")))
    return tuple(sorted(marks, key=lambda mark: mark[0]))
