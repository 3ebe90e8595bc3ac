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
from game.model.logic import read_conditions
from game.model.problems import Problem, did_you_mean
from game.model.reader import Ctx, Map, check_keys, id_list, ident, integer, mapping, seq, text
from game.model.testspecs import EXPECT, WorldTest

EXPECT_KEYS = tuple(EXPECT.keys)  # declared once, in game/model/testspecs.py
TEST_SEED = 1


@attrs.frozen
class Outcome:
    """The result of one world test."""

    test: WorldTest
    failures: tuple[str, ...]
    last_output: str
    played: Played | None = attrs.field(default=None, eq=False, repr=False)

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
    commands: tuple[str, ...] = ()
    outputs: tuple[str, ...] = ()  # one per command; [0] is the opening
    refused: tuple[int, ...] = ()  # 1-based numbers of commands answered with a parser error
    ended_at: int = 0  # the command after which the game ended, 0 if it did not


def play(world: World, commands: tuple[str, ...], seed: int = TEST_SEED) -> Played:
    """Type the commands into a new game."""
    state, opening = new_game(world, seed)
    texts = ["\n".join(p.text for p in opening)]
    refused: list[int] = []
    ended_at = 0
    for number, command in enumerate(commands, start=1):
        turn = step(world, state, command)
        state = turn.state
        texts.append("\n".join(p.text for p in turn.output))
        if any(p.kind == "error" for p in turn.output):
            refused.append(number)
        if state.ending and not ended_at:
            ended_at = number
    return Played(
        world,
        state,
        texts[-1],
        "\n".join(texts),
        tuple(commands),
        tuple(texts),
        tuple(refused),
        ended_at,
    )


def full_commands(world: World, test: WorldTest) -> tuple[str, ...]:
    """A test's commands after those of the tests it starts from (`from:`)."""
    by_id = {t.id: t for t in world.tests}
    chain: list[WorldTest] = [test]
    while chain[-1].start in by_id and len(chain) <= len(by_id):
        chain.append(by_id[chain[-1].start])
    return tuple(c for t in reversed(chain) for c in t.commands)


def run_test(world: World, test: WorldTest) -> Outcome:
    """Play one test and check its expectations."""
    played = play(world, full_commands(world, test))
    failures: list[str] = []
    if test.expect is not None:
        failures = check_expect(played, test.expect, test.where.path if test.where else "world")
    return Outcome(test, tuple(failures), played.last, played)


def divergence(outcome: Outcome) -> list[str]:
    """Where play first went wrong: the first refused command, or an early ending, in context."""
    played = outcome.played
    if played is None or outcome.passed:
        return []
    own = len(outcome.test.commands)
    first = len(played.commands) - own  # commands inherited through `from:` come first
    number = next(iter(played.refused), 0)
    if played.ended_at and played.ended_at < len(played.commands):
        if not number or played.ended_at < number:
            left = len(played.commands) - played.ended_at
            number = played.ended_at
            why = (
                f"the game ended here; {left} more command{'s' if left != 1 else ''} went unplayed"
            )
        else:
            why = "the game did not understand or refused it"
    elif number:
        why = "the game did not understand or refused it"
    else:
        number = len(played.commands)
        why = "every command was accepted; this is where the test stops"
    where = ""
    if number > first and outcome.test.lines:
        line = outcome.test.lines[number - first - 1]
        where = (
            f" (line {line})"
            if outcome.test.where is None
            else f" ({outcome.test.where.path}:{line})"
        )
    lines = [
        f"play first went wrong at command {number}, '{played.commands[number - 1]}'{where}: {why}"
    ]
    for n in range(max(1, number - 2), number + 1):
        lines.append(f"    > {played.commands[n - 1]}")
        lines.extend("      " + t for t in played.outputs[n].splitlines() or [""])
    return lines


def transcript(played: Played) -> list[str]:
    """The whole game a test played, as a player would have seen it."""
    lines = played.outputs[0].splitlines()
    for command, output in zip(played.commands, played.outputs[1:], strict=True):
        lines.append(f"> {command}")
        lines.extend(output.splitlines())
    return lines


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


ID_KINDS = {"location": "room", "inventory": "item", "lacks": "item", "ending": "ending"}


def expect_problems(world: World) -> list[Problem]:
    """Unknown ids in the tests' `expect:` sections, at their file:line (no play needed)."""
    problems: list[Problem] = []
    for test in world.tests:
        if test.expect is None:
            continue
        ctx = Ctx(test.where.path if test.where else "world", problems, [])
        for key, node in test.expect.values.items():
            if key in ID_KINDS:
                for value_node in seq(ctx, node, key) if key in ("inventory", "lacks") else [node]:
                    _static_known(ctx, world, ID_KINDS[key], value_node, test.id)
            elif key == "states" and isinstance(node, yaml.MappingNode):
                for char_node, state_node in node.value:
                    char = char_node.value
                    if _static_known(ctx, world, "character", char_node, test.id):
                        states = world.characters[char].machine.states
                        if state_node.value not in states:
                            ctx.error(
                                state_node,
                                f"test '{test.id}' expects unknown state '{state_node.value}' "
                                f"of '{char}'",
                                did_you_mean(state_node.value, states)
                                or "known: " + ", ".join(states),
                            )
            elif key == "condition" and isinstance(node, yaml.ScalarNode):
                states = world.player.condition.states
                if node.value not in states:
                    ctx.error(
                        node,
                        f"test '{test.id}' expects unknown player condition '{node.value}'",
                        did_you_mean(node.value, states) or "known: " + ", ".join(states),
                    )
    return problems


def _static_known(ctx: Ctx, world: World, kind: str, node: yaml.Node, test_id: str) -> bool:
    """Report an unknown id in an expectation; whether it is known."""
    if not isinstance(node, yaml.ScalarNode):
        return False
    bad = _known(world, kind, node.value)
    if bad:
        ctx.error(node, f"test '{test_id}' expects {bad}")
    return not bad


def run_all(world: World, names: list[str] | None = None) -> list[Outcome]:
    """Every test of the world (or only those named), in file order."""
    return [run_test(world, test) for test in world.tests if not names or test.id in names]
