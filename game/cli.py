"""Command-line arguments → front ends and tools."""

from __future__ import annotations

import argparse
import contextlib
import errno
import gc
import importlib
import math
import os
import sys
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from game import __version__

# subcommand -> (module, function). Each function takes the parsed args and returns an exit code.
HANDLERS: dict[str, tuple[str, str]] = {
    "play": ("game.plain", "run"),
    "tui": ("game.tui.run", "run"),
    "check": ("game.authoring.commands", "run_check"),
    "map": ("game.authoring.commands", "run_map"),
    "index": ("game.authoring.commands", "run_index"),
    "schema": ("game.authoring.commands", "run_schema"),
    "new": ("game.authoring.commands", "run_new"),
    "test": ("game.authoring.testcommand", "run_test"),
    "replay": ("game.saves.commands", "run_replay"),
    "transcript": ("game.saves.commands", "run_transcript"),
    "report": ("game.saves.commands", "run_report"),
    "serve": ("game.tui.serve", "run"),
    "play-agent": ("game.api.commands", "run_play_agent"),
}

PLAYING = ("play", "tui", "serve")
AGENT = ("play-agent",)
WORLD_USERS = (
    *PLAYING,
    *AGENT,
    "check",
    "map",
    "index",
    "new",
    "test",
    "replay",
    "transcript",
    "report",
)


# global option -> how argparse reads it (every global is absent unless given)
OPTIONS: dict[str, dict] = {
    "world": {
        "action": "append",
        "type": Path,
        "metavar": "DIR",
        "help": "world folder (repeat to layer an expansion over the shipped world)",
    },
    "saves": {"type": Path, "metavar": "DIR", "help": "save folder (default saves/)"},
    "seed": {"type": int, "metavar": "N", "help": "random seed for a new game"},
    "load": {"metavar": "NAME", "help": "start from a save"},
    "debug": {
        "action": "store_true",
        "help": "enable debugging verbs (type DEBUG in play for the list); saves are marked",
    },
}


def _option(name: str) -> Callable:
    """A function adding global option --NAME to a parser under a given dest."""

    def add(parser: argparse.ArgumentParser, dest: str) -> None:
        parser.add_argument(f"--{name}", dest=dest, default=argparse.SUPPRESS, **OPTIONS[name])

    return add


# global option -> (how to add it, the subcommands it means something to, whether it repeats)
GLOBALS: dict[str, tuple[Callable, tuple[str, ...], bool]] = {
    "world": (_option("world"), WORLD_USERS, True),
    "saves": (_option("saves"), (*PLAYING, "test", "replay", "transcript", "report"), False),
    "seed": (_option("seed"), (*PLAYING, *AGENT, "check", "test"), False),
    "load": (_option("load"), PLAYING, False),
    "debug": (_option("debug"), PLAYING, False),
}
AFTER = "after_"  # prefix of the dest an option given after the subcommand is parsed into


def _add_globals(parser: argparse.ArgumentParser, command: str | None) -> None:
    """The global options that mean something to this subcommand (all of them before one)."""
    for name, (add, users, _) in GLOBALS.items():
        if command is None:
            add(parser, name)
        elif command in users:
            add(parser, AFTER + name)


def _port(text: str) -> int:
    """A TCP port number, 1 to 65535."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 1 to 65535, not {text!r}")
    return value


def _seconds(text: str) -> float:
    """A time bound: a finite number of seconds above 0."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"expected a number of seconds above 0, not {text!r}")
    return value


def _positive(text: str) -> int:
    """A whole number of at least 1, for counts."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return value


def _sub(sub, name: str, help_text: str) -> argparse.ArgumentParser:
    """A subcommand with the global options that apply to it."""
    parser = sub.add_parser(name, help=help_text)
    _add_globals(parser, name)
    return parser


def _plain_options(parser: argparse.ArgumentParser, default: object) -> None:
    """Line mode's reading options (for screen readers, braille displays and logs)."""
    parser.add_argument(
        "--status",
        choices=["changes", "always", "never"],
        default=default,
        help="line mode: the status line after every turn, only when it changes, or never",
    )
    parser.add_argument(
        "--ascii", action="store_true", default=default, help="line mode: ASCII punctuation only"
    )
    parser.add_argument(
        "--decorate",
        action="store_true",
        default=default,
        help="line mode: mark titles with ** and endings with ***",
    )


def _help_width() -> int:
    """The width help is laid out to: the terminal's (COLUMNS first, else 80), less 2, as
    argparse reckons it, read without shutil (whose import loads the compression modules)."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return (columns or 80) - 2


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout at `_help_width`."""

    def __init__(self, prog: str, **kwargs) -> None:
        kwargs.setdefault("width", _help_width())
        super().__init__(prog, **kwargs)


class _Parser(argparse.ArgumentParser):
    """A subcommand's parser; `listed=True` makes only its place in the list of subcommands."""

    def __init__(self, *, listed: bool = False, **kwargs) -> None:
        if not listed:
            super().__init__(**kwargs)

    def add_argument(self, *args, **kwargs):
        """An option (nothing, for a subcommand that is only listed)."""
        if hasattr(self, "_actions"):
            return super().add_argument(*args, **kwargs)
        return None


class _Subcommands:
    """The subcommands: in full when named (or help is asked for), else only listed by name
    (a valid choice, shown in help; building a parser costs more than the rest of argparse)."""

    def __init__(self, action, wanted: Collection[str] | None) -> None:
        self._action = action
        self._wanted = wanted

    def add_parser(self, name: str, help: str) -> argparse.ArgumentParser:
        """A subcommand's parser, or when it is not named one that only holds its place."""
        listed = self._wanted is not None and name not in self._wanted
        return self._action.add_parser(name, help=help, listed=listed, formatter_class=_Formatter)


def named_commands(argv: Sequence[str]) -> set[str] | None:
    """The subcommands a command line names (None: build them all, as for --help)."""
    names = set()
    for token in argv:
        option = token.split("=", 1)[0]
        if token.startswith("-h") or (len(option) > 2 and "--help".startswith(option)):
            return None
        if token in HANDLERS:
            names.add(token)
    return names


def build_parser(wanted: Collection[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line (`wanted`: only these subcommands get their options; the rest
    are listed, which is all argparse needs of them when they are not named)."""
    parser = argparse.ArgumentParser(
        formatter_class=_Formatter,
        prog="hyosan",
        description="Hyosan: a parser text adventure in the Hyosan Exclusion Zone.",
        epilog="Global options (--world, --saves, --seed, --load, --debug) may come before or "
        "after the command.",
    )
    parser.add_argument("--version", action="version", version=f"hyosan {__version__}")
    parser.add_argument(
        "--plain", action="store_true", help="line mode: works in pipes and with screen readers"
    )
    _add_globals(parser, None)
    _plain_options(parser, argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub = _Subcommands(subparsers, wanted)
    _plain_options(_sub(sub, "play", "play in line mode (the same as --plain)"), argparse.SUPPRESS)
    _sub(sub, "tui", "play in the full-screen terminal app (the default)")

    check = _sub(sub, "check", "validate and analyse a world, and run its tests")
    check.add_argument(
        "--coverage",
        action="store_true",
        help="also list every text the search never shows (file:line) and the share it shows",
    )
    check.add_argument(
        "--max-states", type=_positive, default=200_000, help="bound for the winnability search"
    )
    check.add_argument(
        "--seconds",
        type=_seconds,
        default=None,
        help="time bound for the winnability search (default: 20, with --prove 600)",
    )
    check.add_argument(
        "--prove",
        action="store_true",
        help="search to completion (no state bound; --seconds, default 600, still ends it and "
        "says what was not covered; exit 0: proved winnable, no softlock)",
    )
    check.add_argument(
        "--workers",
        type=_positive,
        default=0,
        help="processes stepping the search (default: with --prove the idle cores, else 1); "
        "the result is the same for any number",
    )
    check.add_argument(
        "--win",
        metavar="KINDS",
        default="",
        help="ending kinds or ids that count as winning, comma-separated "
        "(e.g. victory,bittersweet; default: the world's `game: winning:`, else all but death)",
    )
    check.add_argument("--quick", action="store_true", help="validation only, no analysis")
    check.add_argument(
        "--nouns", action="store_true", help="list every noun a text shows that nothing answers to"
    )

    map_ = _sub(sub, "map", "print the world's rooms and exits")
    map_.add_argument("--format", choices=["text", "dot", "mermaid", "svg"], default="text")

    index = _sub(sub, "index", "write an HTML index of the world (rooms, items, flags, events…)")
    index.add_argument(
        "-o", "--output", type=Path, help="file to write (default: stdout)", metavar="FILE"
    )

    _sub(sub, "schema", "print the JSON Schema of the world vocabulary")

    new = _sub(sub, "new", "write a commented skeleton for new content (into the last --world)")
    new.add_argument("kind", choices=["room", "item", "character", "event"])
    new.add_argument("id")
    new.add_argument("--region", metavar="R")

    test = _sub(sub, "test", "run the world's own scripted tests")
    test.add_argument("names", nargs="*", metavar="NAME", help="run only these tests")
    test.add_argument("-v", "--verbose", action="store_true", help="print each test's transcript")

    replay = _sub(sub, "replay", "watch a saved game again")
    replay.add_argument(
        "save",
        nargs="?",
        default="autosave",
        help="slot name, game id or path (default: last game)",
    )
    replay.add_argument("--list", action="store_true", help="list every game's recording and save")
    replay.add_argument("--verify", action="store_true", help="replay headless and compare")
    replay.add_argument("--plain", action="store_true", help="print the replay as a transcript")

    transcript = _sub(sub, "transcript", "write a saved game as a transcript")
    transcript.add_argument("save", help="slot name, game id or path")
    transcript.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")

    report = _sub(sub, "report", "bundle the latest save for a bug report")
    report.add_argument("-o", "--output", type=Path, help="file to write")

    agent = _sub(sub, "play-agent", "let a baseline agent play the world (docs/agents.md)")
    agent.add_argument(
        "--agent",
        choices=["random", "walkthrough"],
        default="random",
        help="random: a valid action at random each step; walkthrough: the world's tests that "
        "end the game, one per episode (default: random)",
    )
    agent.add_argument(
        "--episodes", type=_positive, default=10, metavar="N", help="games to play (default 10)"
    )
    agent.add_argument(
        "--max-steps",
        type=_positive,
        default=300,
        metavar="N",
        help="steps per episode for the random agent (default 300)",
    )

    serve = _sub(sub, "serve", "play in a browser on localhost")
    serve.add_argument("--port", type=_port, default=8000, help="port to listen on (8000)")
    serve.add_argument("--host", default="localhost", help="address to listen on (loopback)")
    serve.add_argument(
        "--public", action="store_true", help="allow a --host other machines can reach (warned)"
    )
    serve.add_argument(
        "--max-sessions", type=_positive, default=4, metavar="N", help="games running at once (4)"
    )
    return parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line; global options mean the same before or after the command."""
    tokens = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(named_commands(tokens))
    args = parser.parse_args(tokens)
    command = args.command or ("play" if args.plain else "tui")
    args.command = command
    for name, (_, users, repeats) in GLOBALS.items():
        before = getattr(args, name, None)
        after = getattr(args, AFTER + name, None)
        if hasattr(args, AFTER + name):
            delattr(args, AFTER + name)
        if before is not None and command not in users:
            parser.error(f"--{name} means nothing to 'hyosan {command}'")
        if repeats:
            value = [*(before or []), *(after or [])] or None
        else:
            value = after if after is not None else before
        setattr(args, name, value)
    for folder in args.world or []:
        if not folder.exists():
            parser.error(f"world folder not found: {folder}")
    return args


def _import_quietly(module_name: str):
    """Import a front end or tool with the cycle collector paused: importing builds hundreds of
    classes and functions (none of them garbage), and the collector's passes over them were a
    tenth of start-up."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return importlib.import_module(module_name)
    finally:
        if collecting:
            gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `hyosan` command."""
    args = parse(argv)
    module_name, func_name = HANDLERS[args.command]
    handler = getattr(_import_quietly(module_name), func_name)
    try:
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except OSError as exc:  # stdout (or a file) on a full, read-only or vanished device
        if exc.errno not in _DEVICE_ERRORS:
            raise
        return _device_failed(exc)


_DEVICE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EBADF, errno.EROFS})


def _device_failed(exc: OSError) -> int:
    """Say in one line that output could not be written, and quiet stdout for the exit."""
    where = f" ({exc.filename})" if exc.filename else ""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(f"hyosan: could not write{where}: {exc.strerror or exc}.\n")
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
