"""Command-line arguments → front ends and tools."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from game import __version__

# subcommand -> (module, function). Each function takes the parsed args and returns an exit code.
HANDLERS: dict[str, tuple[str, str]] = {
    "play": ("game.plain", "run"),
    "tui": ("game.tui.run", "run"),
    "check": ("game.authoring.commands", "run_check"),
    "map": ("game.authoring.commands", "run_map"),
    "schema": ("game.authoring.commands", "run_schema"),
    "new": ("game.authoring.commands", "run_new"),
    "test": ("game.authoring.commands", "run_test"),
    "replay": ("game.saves.commands", "run_replay"),
    "transcript": ("game.saves.commands", "run_transcript"),
    "report": ("game.saves.commands", "run_report"),
    "serve": ("game.tui.serve", "run"),
}


def _add_world(parser: argparse.ArgumentParser) -> None:
    """The --world option: one or more folders, later ones layered over earlier ones."""
    parser.add_argument(
        "--world",
        action="append",
        type=Path,
        metavar="DIR",
        help="world folder (repeat to layer an expansion over the shipped world)",
    )


def _add_saves(parser: argparse.ArgumentParser) -> None:
    """The --saves option."""
    parser.add_argument("--saves", type=Path, metavar="DIR", help="save folder (default saves/)")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line."""
    parser = argparse.ArgumentParser(
        prog="hyosan",
        description="Hyosan: a parser text adventure in the Hyosan Exclusion Zone.",
    )
    parser.add_argument("--version", action="version", version=f"hyosan {__version__}")
    parser.add_argument(
        "--plain", action="store_true", help="line mode: works in pipes and with screen readers"
    )
    parser.add_argument("--load", metavar="NAME", help="start from a saved game")
    parser.add_argument("--seed", type=int, help="random seed for a new game")
    _add_world(parser)
    _add_saves(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="validate and analyse a world")
    _add_world(check)
    check.add_argument("--coverage", type=int, metavar="N", help="also play N seeded random games")
    check.add_argument(
        "--max-states", type=int, default=200_000, help="bound for the winnability search"
    )
    check.add_argument(
        "--seconds", type=float, default=60.0, help="time bound for the winnability search"
    )
    check.add_argument("--quick", action="store_true", help="validation only, no analysis")

    map_ = sub.add_parser("map", help="print the world's rooms and exits")
    _add_world(map_)
    map_.add_argument("--format", choices=["text", "dot", "mermaid"], default="text")

    sub.add_parser("schema", help="print the JSON Schema of the world vocabulary")

    new = sub.add_parser("new", help="write a commented skeleton for new content")
    _add_world(new)
    new.add_argument("kind", choices=["room", "item", "character", "event"])
    new.add_argument("id")
    new.add_argument("--region", metavar="R")

    test = sub.add_parser("test", help="run the world's own scripted tests")
    _add_world(test)

    replay = sub.add_parser("replay", help="watch a saved game again")
    replay.add_argument("save", help="slot name or path")
    replay.add_argument("--verify", action="store_true", help="replay headless and compare")
    replay.add_argument("--plain", action="store_true", help="print the replay as a transcript")
    _add_world(replay)
    _add_saves(replay)

    transcript = sub.add_parser("transcript", help="write a saved game as a transcript")
    transcript.add_argument("save", help="slot name or path")
    transcript.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    _add_world(transcript)
    _add_saves(transcript)

    report = sub.add_parser("report", help="bundle the latest save for a bug report")
    report.add_argument("-o", "--output", type=Path, help="file to write")
    _add_world(report)
    _add_saves(report)

    serve = sub.add_parser("serve", help="play in a browser on localhost")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="localhost")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `hyosan` command."""
    args = build_parser().parse_args(argv)
    command = args.command or ("play" if args.plain else "tui")
    module_name, func_name = HANDLERS[command]
    handler = getattr(importlib.import_module(module_name), func_name)
    try:
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
