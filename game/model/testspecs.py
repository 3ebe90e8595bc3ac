"""The scripted tests an author keeps next to the content (read here, run by the authoring tools)."""

from __future__ import annotations

from game.model import lazyyaml as yaml
from game.model.keys import ID, Key, Section
from game.model.reader import (
    Ctx,
    Map,
    Where,
    ident,
    mapping,
    seq,
    text,
)
from game.model.record import field, record

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
        start = ident(ctx, tm.get("from"), "from")
        lines = tuple(c.start_mark.line + 1 for c in nodes)
        result.append(WorldTest(test_id, commands, expect, ctx.where(value), start, lines))
    return result
