"""How a game starts: the game's title, clock and rules, and the player's start."""

from __future__ import annotations

from game.model import lazyyaml as yaml
from game.model.reader import (
    Ctx,
    check_keys,
    id_list,
    ident,
    integer,
    mapping,
    require,
    seq,
    text,
)
from game.model.record import record
from game.model.statemachine import StateInfo, StateMachine


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
        check_keys(ctx, m, ("start", "inventory", "condition"), "player")
        start_node = require(ctx, m, "start", "player")
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
                check_keys(ctx, cm, ("initial", "states", "transitions"), "condition")
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
        keys = ("title", "release", "author", "intro", "undo_limit", "winning", "clock")
        check_keys(ctx, m, keys, "game")
        winning = id_list(ctx, m.get("winning"), "winning")
        for value, value_node in zip(winning, seq(ctx, m.get("winning"), "winning"), strict=False):
            ctx.ref("winning", value, value_node, "winning:")
        return cls(
            text(ctx, m.get("title"), "title", "Hyosan"),
            integer(ctx, m.get("release"), "release", 1),
            text(ctx, m.get("author"), "author"),
            text(ctx, m.get("intro"), "intro"),
            max(1, integer(ctx, m.get("undo_limit"), "undo_limit", 100)),
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
        check_keys(ctx, m, ("at", "label"), "a clock mark")
        at = max(0, integer(ctx, m.get("at"), "at", 0))
        marks.append((at, text(ctx, require(ctx, m, "label", "a clock mark"), "label")))
    return tuple(sorted(marks, key=lambda mark: mark[0]))
