"""`hyosan test`: a world's own scripted tests — commands to type and what must hold after."""

from __future__ import annotations

from collections.abc import Callable

import attrs
import yaml

from game.engine import GameState, new_game, step
from game.engine.conditions import holds
from game.engine.draft import Draft
from game.engine.scope import carried
from game.model import World
from game.model.entities import WorldTest
from game.model.logic import read_conditions
from game.model.problems import Problem, did_you_mean
from game.model.reader import Ctx, Map, check_keys, id_list, ident, integer, mapping, seq, text

EXPECT_KEYS = (
    "location inventory lacks flags text seen no_text condition states ending holds".split()
)
TEST_SEED = 1


@attrs.frozen
class Outcome:
    """The result of one world test."""

    test: WorldTest
    failures: tuple[str, ...]
    last_output: str

    @property
    def passed(self) -> bool:
        """Whether every expectation held."""
        return not self.failures


@attrs.frozen
class Played:
    """Where a test's commands left the game."""

    world: World
    state: GameState
    last: str  # output of the last command
    all_text: str  # every output, opening included


def play(world: World, commands: tuple[str, ...], seed: int = TEST_SEED) -> Played:
    """Type the commands into a new game."""
    state, opening = new_game(world, seed)
    texts = ["\n".join(p.text for p in opening)]
    last = texts[0]
    for command in commands:
        turn = step(world, state, command)
        state = turn.state
        last = "\n".join(p.text for p in turn.output)
        texts.append(last)
    return Played(world, state, last, "\n".join(texts))


def run_test(world: World, test: WorldTest) -> Outcome:
    """Play one test and check its expectations."""
    played = play(world, test.commands)
    failures: list[str] = []
    if test.expect is not None:
        failures = check_expect(played, test.expect, test.where.path if test.where else "world")
    return Outcome(test, tuple(failures), played.last)


def check_expect(played: Played, expect: Map, path: str) -> list[str]:
    """Every expectation that does not hold, as a message."""
    problems: list[Problem] = []
    ctx = Ctx(path, problems, [])
    check_keys(ctx, expect, EXPECT_KEYS, "expect")
    failures: list[str] = []
    for key, node in expect.values.items():
        checker = CHECKS.get(key)
        if checker is not None:
            failures.extend(checker(ctx, played, node))
    failures.extend(str(p) for p in problems)
    return failures


def _known(world: World, kind: str, value: str) -> str:
    """'' if an id exists as that kind, else a message naming the nearest one."""
    pool = {
        "room": world.rooms,
        "item": world.items,
        "character": world.characters,
        "ending": world.endings,
    }[kind]
    if value in pool:
        return ""
    hint = did_you_mean(value, pool)
    return f"unknown {kind} '{value}'" + (f" ({hint})" if hint else "")


def _location(ctx: Ctx, p: Played, node: yaml.Node) -> list[str]:
    """expect: location."""
    room = ident(ctx, node, "location")
    bad = _known(p.world, "room", room)
    if bad:
        return [bad]
    if p.state.location != room:
        return [f"expected the player in '{room}', but they are in '{p.state.location}'"]
    return []


def _carrying(want: bool) -> Callable:
    """expect: inventory / lacks."""

    def check(ctx: Ctx, p: Played, node: yaml.Node) -> list[str]:
        out = []
        for item in id_list(ctx, node, "item"):
            bad = _known(p.world, "item", item)
            if bad:
                out.append(bad)
            elif carried(p.world, p.state, item) != want:
                held = sorted(i for i in p.world.items if carried(p.world, p.state, i))
                verb = "to carry" if want else "not to carry"
                out.append(
                    f"expected the player {verb} '{item}'; they carry: {', '.join(held) or 'nothing'}"
                )
        return out

    return check


def _flags(ctx: Ctx, p: Played, node: yaml.Node) -> list[str]:
    """expect: flags — a list of set flags, or flag -> value."""
    wanted: dict[str, int | None] = {}
    if isinstance(node, yaml.MappingNode):
        m = mapping(ctx, node, "flags")
        for name, value in m.values.items() if m else ():
            wanted[name] = integer(ctx, value, f"flag '{name}'")
    else:
        wanted = {name: None for name in id_list(ctx, node, "flag")}
    out = []
    for name, value in wanted.items():
        have = p.state.flags.get(name, 0)
        if value is None and not have:
            out.append(f"expected flag '{name}' to be set, but it is not")
        elif value is not None and have != value:
            out.append(f"expected flag '{name}' = {value}, but it is {have}")
    return out


def _texts(ctx: Ctx, node: yaml.Node) -> list[str]:
    """One text or a list."""
    return [text(ctx, n, "text") for n in seq(ctx, node, "text")]


def _text(ctx: Ctx, p: Played, node: yaml.Node) -> list[str]:
    """expect: text — in the last command's output."""
    return [
        f"expected the last output to contain {t!r}; it was:\n    " + p.last.replace("\n", "\n    ")
        for t in _texts(ctx, node)
        if t.lower() not in p.last.lower()
    ]


def _seen(ctx: Ctx, p: Played, node: yaml.Node) -> list[str]:
    """expect: seen — anywhere in the output."""
    return [
        f"expected {t!r} somewhere in the output"
        for t in _texts(ctx, node)
        if t.lower() not in p.all_text.lower()
    ]


def _no_text(ctx: Ctx, p: Played, node: yaml.Node) -> list[str]:
    """expect: no_text — nowhere in the output."""
    return [
        f"did not expect {t!r} in the output"
        for t in _texts(ctx, node)
        if t.lower() in p.all_text.lower()
    ]


def _condition(ctx: Ctx, p: Played, node: yaml.Node) -> list[str]:
    """expect: condition."""
    want = ident(ctx, node, "condition")
    if p.state.condition != want:
        return [f"expected the player's condition '{want}', but it is '{p.state.condition}'"]
    return []


def _states(ctx: Ctx, p: Played, node: yaml.Node) -> list[str]:
    """expect: states — character -> state."""
    m = mapping(ctx, node, "states")
    out = []
    for char, value in m.values.items() if m else ():
        want = ident(ctx, value, "state")
        bad = _known(p.world, "character", char)
        have = p.state.char_states.get(char)
        if bad:
            out.append(bad)
        elif have != want:
            out.append(f"expected '{char}' in state '{want}', but it is '{have}'")
    return out


def _ending(ctx: Ctx, p: Played, node: yaml.Node) -> list[str]:
    """expect: ending."""
    want = ident(ctx, node, "ending")
    bad = _known(p.world, "ending", want)
    if bad:
        return [bad]
    if p.state.ending != want:
        have = f"ended with '{p.state.ending}'" if p.state.ending else "has not ended"
        return [f"expected the ending '{want}', but the game {have}"]
    return []


def _holds(ctx: Ctx, p: Played, node: yaml.Node) -> list[str]:
    """expect: holds — any condition of the world vocabulary."""
    conditions = read_conditions(ctx, node)
    if conditions and not holds(Draft(p.world, p.state), conditions):
        return [
            f"expected the condition at line {node.start_mark.line + 1} to hold, but it does not"
        ]
    return []


CHECKS: dict[str, Callable[[Ctx, Played, yaml.Node], list[str]]] = {
    "location": _location,
    "inventory": _carrying(True),
    "lacks": _carrying(False),
    "flags": _flags,
    "text": _text,
    "seen": _seen,
    "no_text": _no_text,
    "condition": _condition,
    "states": _states,
    "ending": _ending,
    "holds": _holds,
}


def run_all(world: World, names: list[str] | None = None) -> list[Outcome]:
    """Every test of the world (or only those named), in file order."""
    return [run_test(world, test) for test in world.tests if not names or test.id in names]
