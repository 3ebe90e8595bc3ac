"""One command line: global options mean the same before or after the subcommand."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.cli import GLOBALS, main, parse

HERE = Path(__file__).resolve().parent
TUTORIAL = HERE / "worlds" / "authoring" / "tutorial"

# each subcommand with the arguments of its own it needs
COMMANDS: dict[str, list[str]] = {
    "play": ["play"],
    "tui": ["tui"],
    "check": ["check", "--quick"],
    "map": ["map", "--format", "dot"],
    "index": ["index", "-o", "index.html"],
    "schema": ["schema"],
    "new": ["new", "room", "cellar"],
    "test": ["test"],
    "replay": ["replay", "slot", "--verify"],
    "transcript": ["transcript", "slot"],
    "report": ["report"],
    "serve": ["serve", "--port", "8001"],
    "play-agent": ["play-agent", "--episodes", "2"],
}
VALUES = {
    "world": ["--world", str(TUTORIAL), "--world", str(HERE / "worlds")],
    "saves": ["--saves", "somewhere"],
    "seed": ["--seed", "7"],
    "load": ["--load", "slot"],
    "debug": ["--debug"],
}
CASES = [
    (command, option)
    for command in COMMANDS
    for option, (_, users, _) in GLOBALS.items()
    if command in users
]


@pytest.mark.parametrize(("command", "option"), CASES)
def test_every_global_option_means_the_same_before_and_after(command, option):
    """`hyosan --X v cmd` and `hyosan cmd --X v` parse to the same namespace."""
    before = parse([*VALUES[option], *COMMANDS[command]])
    after = parse([*COMMANDS[command], *VALUES[option]])
    assert vars(before) == vars(after)
    assert getattr(before, option) not in (None, [])


def test_every_subcommand_is_covered():
    """The table above names every subcommand the parser knows."""
    from game.cli import HANDLERS

    assert set(COMMANDS) == set(HANDLERS)


def test_world_folders_split_around_the_command_layer_in_order():
    """`--world a cmd --world b` layers b over a, as `--world a --world b` does."""
    args = parse(["--world", str(TUTORIAL), "check", "--world", str(HERE / "worlds")])
    assert args.world == [TUTORIAL, HERE / "worlds"]


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_missing_world_folder_is_an_error(where, capsys):
    """`--world /nonexistent` stops every command, wherever it stands."""
    argv = ["--world", "/nonexistent", "check"]
    if where == "after":
        argv = ["check", "--world", "/nonexistent"]
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    assert "world folder not found: /nonexistent" in capsys.readouterr().err


def test_an_option_that_means_nothing_to_a_command_is_refused(capsys):
    """`--saves` before `check` is an error, not silently ignored."""
    with pytest.raises(SystemExit):
        parse(["--saves", "x", "check"])
    assert "--saves means nothing to 'hyosan check'" in capsys.readouterr().err


@pytest.mark.parametrize("where", ["before", "after"])
def test_new_room_writes_into_the_last_world_given(tmp_path, where, capsys):
    """`hyosan --world base --world exp new room x` writes into exp, never into base."""
    base = tmp_path / "base"
    shutil.copytree(TUTORIAL, base)
    expansion = tmp_path / "exp"
    expansion.mkdir()
    worlds = ["--world", str(base), "--world", str(expansion)]
    argv = [*worlds, "new", "room", "cellar"]
    if where == "after":
        argv = ["new", "room", "cellar", *worlds]
    before = {p: p.read_text() for p in base.rglob("*.yaml")}
    assert main(argv) == 0
    assert {p: p.read_text() for p in base.rglob("*.yaml")} == before
    assert "cellar:" in "".join(p.read_text() for p in expansion.rglob("*.yaml"))


@pytest.mark.parametrize("where", ["before", "after"])
def test_check_sees_every_world_layer(tmp_path, where, capsys):
    """An expansion with an error fails check whether --world comes before or after."""
    (tmp_path / "broken.yaml").write_text("rooms:\n  cellar:\n    name: Cellar\n")
    worlds = ["--world", str(TUTORIAL), "--world", str(tmp_path)]
    argv = [*worlds, "check", "--quick"] if where == "before" else ["check", "--quick", *worlds]
    assert main(argv) == 1
    assert "description" in capsys.readouterr().out


@pytest.mark.parametrize("where", ["before", "after"])
def test_saves_folder_reaches_replay(tmp_path, where, capsys):
    """`hyosan --saves DIR replay x` looks in DIR."""
    argv = ["--world", str(TUTORIAL), "--saves", str(tmp_path), "replay", "nosuch", "--verify"]
    if where == "after":
        argv = ["replay", "nosuch", "--verify", "--world", str(TUTORIAL), "--saves", str(tmp_path)]
    assert main(argv) == 2
    assert str(tmp_path) in capsys.readouterr().err


LAZY_CASES = [
    [],
    ["--plain"],
    ["--plain", "--seed", "3", "--status", "never"],
    ["--world", "world", "--plain", "--ascii"],
    ["--load", "check"],
    ["play", "--decorate"],
    ["check", "--quick"],
    ["--seed", "2", "replay", "--list"],
    ["nonsense"],
    ["--plain", "--no-such-option"],
    ["--version"],
]


@pytest.mark.parametrize("argv", LAZY_CASES, ids=lambda a: " ".join(a) or "(none)")
def test_building_only_the_named_subcommands_parses_the_same(argv, capsys):
    """The start-up shortcut (unnamed subcommands get no options) gives the same result, the same
    output and the same exit as the whole parser."""
    from game.cli import build_parser, named_commands

    def outcome(parser):
        try:
            return ("ok", vars(parser.parse_args(argv)), capsys.readouterr())
        except SystemExit as stop:
            return ("exit", stop.code, capsys.readouterr())

    assert outcome(build_parser(named_commands(argv))) == outcome(build_parser())


def test_help_builds_every_subcommand():
    """Asking for help (or an abbreviation of --help) means the whole parser."""
    from game.cli import named_commands

    assert named_commands(["--he"]) is None and named_commands(["-h"]) is None
    assert named_commands(["--plain", "--seed", "1"]) == set()
    assert named_commands(["--load", "check", "play"]) == {"check", "play"}
