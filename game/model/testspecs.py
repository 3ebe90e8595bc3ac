"""The scripted tests an author keeps next to the content (read here, run by the authoring tools)."""

from __future__ import annotations

from game.model import lazyyaml as yaml
from game.model.keys import ID, IDS, Key, Section
from game.model.logic import read_conditions
from game.model.reader import (
    Ctx,
    Map,
    Where,
    check_id,
    id_list,
    ident,
    integer,
    mapping,
    seq,
    text,
)
from game.model.record import field, record

EXPECT = Section(
    "expect",
    "what must hold after a test's commands",
    Key("location", ID, "the player is in this room"),
    Key("inventory", IDS, "the player carries these items"),
    Key("lacks", IDS, "the player does not carry these items"),
    Key("flags", "expect_flags", "these flags are set (a list), or flag → value (0 = unset)"),
    Key("text", "texts", "each text appears in the last command's output (case does not matter)"),
    Key("seen", "texts", "each text appears somewhere in the output, opening included"),
    Key("no_text", "texts", "no text like this appears anywhere in the output"),
    Key("condition", ID, "the player's condition"),
    Key("states", "expect_states", "character → state"),
    Key("ending", ID, "the game ended with this ending"),
    Key("holds", "conditions", "any condition of the vocabulary below"),
)
TEST = Section(
    "test",
    "a scripted test: commands and what must hold after them",
    Key("from", ID, "the test whose end this one starts from (default: a new game, seed 1)"),
    Key("commands", "texts", "the lines to type, in order"),
    Key("expect", "expect", "what must hold after the commands (below)"),
)


@record
class WorldTest:
    """A scripted test an author keeps next to the content."""

    id: str
    commands: tuple[str, ...]
    expect: Map | None = field(eq=False, repr=False)
    where: Where | None = field(default=None, eq=False, repr=False)
    start: str = ""  # `from:` — the test whose end this one starts from
    lines: tuple[int, ...] = field(default=(), eq=False, repr=False)  # of each command


def read_tests(ctx: Ctx, node: yaml.Node) -> list[WorldTest]:
    """`tests:` — id to {from, commands, expect}; the authoring tools interpret `expect`."""
    m = mapping(ctx, node, "tests")
    if m is None:
        return []
    result = []
    for test_id, value in m.values.items():
        tm = mapping(ctx, value, f"test '{test_id}'")
        if tm is None:
            continue
        TEST.check(ctx, tm, f"test '{test_id}'")
        nodes = seq(ctx, tm.get("commands"), "commands")
        commands = tuple(text(ctx, c, "command") for c in nodes)
        expect = mapping(ctx, tm.get("expect"), "expect") if tm.get("expect") is not None else None
        if expect is not None:
            _check_expect(ctx, expect)
        start = ident(ctx, tm.get("from"), "from")
        lines = tuple(c.start_mark.line + 1 for c in nodes)
        result.append(WorldTest(test_id, commands, expect, ctx.where(value), start, lines))
    return result


def _check_expect(ctx: Ctx, m: Map) -> None:
    """An `expect:` read for its shape only (the authoring tools run it): keys and kinds."""
    EXPECT.check(ctx, m, "expect")
    for name in ("location", "inventory", "lacks", "condition", "ending"):
        EXPECT.get(ctx, m, name)
    for name in ("text", "seen", "no_text"):
        for node in seq(ctx, m.get(name), name):
            text(ctx, node, name)
    read_conditions(ctx, m.get("holds"))
    flags = m.get("flags")
    if isinstance(flags, yaml.MappingNode):
        fm = mapping(ctx, flags, "flags")
        for flag, value in fm.values.items() if fm else ():
            check_id(ctx, fm.key_nodes[flag], flag, "flag")
            integer(ctx, value, f"flag '{flag}'")
    elif flags is not None:
        id_list(ctx, flags, "flag")
    states = m.get("states")
    if states is not None:
        sm = mapping(ctx, states, "states")
        for who, value in sm.values.items() if sm else ():
            check_id(ctx, sm.key_nodes[who], who, "character")
            ident(ctx, value, "state")
