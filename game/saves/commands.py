"""`hyosan replay`, `hyosan transcript` and `hyosan report`."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from game.launch import world_paths
from game.model import World, WorldError, load_world
from game.paths import default_saves_dir
from game.saves import recordings
from game.saves.atomic import write_atomic
from game.saves.errors import SaveError
from game.saves.format import SaveFile
from game.saves.identity import world_id
from game.saves.listing import list_saves
from game.saves.reopen import open_any
from game.saves.replay import describe, verify
from game.saves.report import build_report
from game.saves.transcript import transcript_lines


def run_replay(args: argparse.Namespace) -> int:
    """Replay a save: --verify checks it headless, --plain prints it, else the TUI viewer."""
    if getattr(args, "list", False):
        return run_list(args)
    loaded = _world_and_save(args)
    if loaded is None:
        return 2
    world, save = loaded
    if args.verify:
        verdict = verify(world, save)
        if save.world.hash != world_id(world).hash:
            print(f"Note: the world has changed since this save was made ({save.world.hash}).")
        print("\n".join(describe(verdict, save)))
        return 0 if verdict.ok else 1
    if not args.plain:
        if sys.stdin.isatty() and sys.stdout.isatty():
            from game.tui.run import run_replay as viewer  # the TUI replay viewer

            return int(viewer(args) or 0)
        print(
            "(Not a terminal: printing the replay instead of opening the viewer.)", file=sys.stderr
        )
    return _print_lines(world, save, sys.stdout)


def run_list(args: argparse.Namespace) -> int:
    """`hyosan replay --list`: every game's recording and every named save, with the policy."""
    world = _load_world(args)
    rooms = world.rooms if world is not None else {}
    saves_dir = args.saves or default_saves_dir()
    games = recordings.listing(saves_dir)
    print(f"Games (each game is recorded in {recordings.games_dir(saves_dir)}):")
    for game in games:
        room = rooms.get(game.location)
        print("  " + recordings.describe(game, room.name if room is not None else game.location))
    if not games:
        print("  none yet")
    print(recordings.policy_note(saves_dir))
    named = list_saves(saves_dir)
    print("Saves:" if named else "Saves: none yet (type SAVE NAME in a game)")
    for save in named:
        room = rooms.get(save.location)
        where = room.name if room is not None else save.location
        what = f"(cannot be read: {save.problem})" if save.problem else f"{where}  turn {save.turn}"
        print(f"  {save.slot:<20}  {recordings.local_time(save.created)}  {what}")
    print("Replay one with: hyosan replay ID-OR-NAME (add --plain to print it).")
    return 0


def run_transcript(args: argparse.Namespace) -> int:
    """Write a save's game as a transcript to a file or stdout."""
    loaded = _world_and_save(args)
    if loaded is None:
        return 2
    world, save = loaded
    if args.output is None:
        return _print_lines(world, save, sys.stdout)
    try:
        text = "\n".join(transcript_lines(world, save)) + "\n"
    except Exception as exc:  # a changed world can break the replay; say so instead of a traceback
        return _fail(f"The replay stopped with an engine error: {type(exc).__name__}: {exc}")
    return _write(args.output, text)


def run_report(args: argparse.Namespace) -> int:
    """Bundle the newest save, its transcript, seed and versions for a bug report."""
    world = _load_world(args)
    if world is None:
        return 2
    saves_dir = args.saves or default_saves_dir()
    try:
        text = build_report(world, saves_dir)
    except Exception as exc:  # the report must come out even when the replay breaks
        text = f"Hyosan bug report\n\nThe report could not replay the save: {type(exc).__name__}: {exc}\n"
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    output = args.output or Path(f"report-{stamp}.txt")
    code = _write(output, text)
    if code == 0:
        print(f"Wrote {output}. Attach it to your bug report.")
    return code


def _world_and_save(args: argparse.Namespace) -> tuple[World, SaveFile] | None:
    """The world and the checked save named on the command line, or None after an error."""
    world = _load_world(args)
    if world is None:
        return None
    try:
        save = open_any(world, args.save, args.saves or default_saves_dir())
    except SaveError as exc:
        _fail(str(exc))
        return None
    return world, save


def _load_world(args: argparse.Namespace) -> World | None:
    """The world of --world (or the shipped one), or None after printing its problems."""
    try:
        return load_world(world_paths(args))
    except WorldError as exc:
        _fail("the world has errors:\n" + "\n".join(str(p) for p in exc.problems))
        return None


def _print_lines(world: World, save: SaveFile, out) -> int:
    """Print the transcript line by line, so a long replay streams."""
    try:
        for line in transcript_lines(world, save):
            print(line, file=out)
    except OSError:
        raise  # a closed pipe or terminal is the front end's business
    except Exception as exc:  # a changed world can break the replay; say so instead of a traceback
        return _fail(f"The replay stopped with an engine error: {type(exc).__name__}: {exc}")
    return 0


def _write(path: Path, text: str) -> int:
    """Write a text file atomically; 0 on success."""
    try:
        write_atomic(path, text.encode("utf-8"))
    except SaveError as exc:
        return _fail(str(exc))
    return 0


def _fail(message: str) -> int:
    """Print an error for a person; the exit code for errors."""
    print(f"hyosan: {message}", file=sys.stderr)
    return 2
