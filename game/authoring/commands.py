"""The authoring subcommands: check, map, index, schema, new, test."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from game.authoring.findings import Finding
from game.launch import world_paths
from game.model import Problem, World
from game.model.loader import read_world

if TYPE_CHECKING:
    from game.authoring.winnable import Snapshot, Stop


def _plural(n: int, word: str) -> str:
    """'1 warning', '3 warnings'."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def _load(paths: list[Path], out: TextIO) -> tuple[World | None, list[Problem]]:
    """Read the world and print every loader problem."""
    world, problems = read_world(paths)
    for problem in sorted(problems, key=lambda p: (p.path, p.line, p.col)):
        print(problem, file=out)
    return world, problems


def summary(world: World | None, errors: int, warnings: int) -> str:
    """`world: 42 rooms, 57 items, 11 characters, 14 events, 4 endings — no errors`."""
    counts = f"{world.counts()} — " if world is not None else ""
    verdict = _plural(errors, "error") if errors else "no errors"
    if warnings:
        verdict += f", {_plural(warnings, 'warning')}"
    return f"world: {counts}{verdict}"


def layer_lines(world: World) -> list[str]:
    """`layer expansion/: adds room 'x'; extends room 'y'` for every folder after the first."""
    lines = []
    for report in world.layers[1:]:
        parts = [
            f"{verb} {', '.join(things)}"
            for verb, things in (
                ("adds", report.added),
                ("extends", report.extended),
                ("replaces", report.replaced),
            )
            if things
        ]
        lines.append(f"layer {report.folder}: {'; '.join(parts) or 'changes nothing'}")
    return lines


def run_check(args: argparse.Namespace) -> int:
    """Validate a world, then analyse it; exit 1 on errors (softlocks and unwinnable count)."""
    out = sys.stdout
    world, problems = _load(world_paths(args), out)
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    if world is not None:
        for line in layer_lines(world):
            print(line, file=out)
    if world is None or errors:
        print(summary(world, max(errors, 1), warnings), file=out)
        return 1
    from game.authoring.testcommand import check_tests

    errors += check_tests(world, out)
    nouns = getattr(args, "nouns", False)
    if args.quick:
        _noun_check(world, out, nouns)
        print(summary(world, errors, warnings), file=out)
        return 1 if errors else 0
    wins, wrong = _wins(world, getattr(args, "win", "") or "")
    if wrong:
        print(wrong, file=out)
        print(summary(world, errors + 1, warnings), file=out)
        return 1
    e, w, result = _deep_check(world, args, out, wins)
    errors += e
    warnings += w
    _noun_check(world, out, nouns)
    print(summary(world, errors, warnings), file=out)
    from game.authoring.report import verdict_line

    print(verdict_line(result), file=out)
    if errors:
        return 1
    return 0 if result.complete else 2


def _noun_check(world: World, out: TextIO, listed: bool) -> None:
    """The noun audit: its summary line, and with --nouns every finding with its place and fix."""
    from game.authoring.nouns import audit

    result = audit(world)
    if listed:
        for finding in result.findings:
            print(finding, file=out)
    line = result.summary()
    far = sum(f.kind == "noun_far_place" for f in result.findings)
    others = len(result.findings) - result.unanswered - far
    if far:
        line += f", {far} places named far off"
    if others:
        line += f", {others} answering with another thing's description"
    if result.findings and not listed:
        line += " (`hyosan check --nouns` lists each with its place and fix)"
    print(line, file=out)


def _wins(world: World, text: str) -> tuple[tuple[str, ...], str]:
    """`--win victory,the_long_road` as a tuple, or a message naming what is not a kind or ending."""
    from game.model.endings import Ending

    wins = tuple(part.strip() for part in text.split(",") if part.strip())
    known = (*Ending.KINDS, *world.endings)
    unknown = [w for w in wins if w not in known]
    if not unknown:
        return wins, ""
    return wins, (
        f"check: error: --win: unknown ending kind or ending '{unknown[0]}' — "
        f"use kinds ({', '.join(Ending.KINDS)}) or ending ids ({', '.join(world.endings)})"
    )


CHECK_SECONDS = 20.0  # the default search bound of `check`
PROVE_SECONDS = 600.0  # `check --prove`: to the end, or ten minutes and what was not covered


def _deep_check(
    world: World, args: argparse.Namespace, out: TextIO, wins: tuple[str, ...] = ()
) -> tuple[int, int, object]:
    """Static findings, the winnability search, and coverage; returns (errors, warnings)."""
    from game.authoring.analysis import analyse
    from game.authoring.reach import Reach
    from game.authoring.report import coverage_lines, search_findings, search_lines, timing_line
    from game.authoring.winnable import Stop, search

    reach = Reach(world)
    findings: list[Finding] = analyse(world, reach)
    progress = ProgressLine(sys.stderr)
    bounds = (
        (10**12, args.seconds or PROVE_SECONDS)
        if getattr(args, "prove", False)
        else (args.max_states, args.seconds or CHECK_SECONDS)
    )
    texts = bool(getattr(args, "coverage", False))
    from game.authoring import searchcache

    seed = 1
    result = None if texts else searchcache.recall(world, seed, wins)
    if result is not None:
        print(
            "search: this world was searched before; the finished result is reused", file=sys.stderr
        )
    else:
        stop = Stop()
        with stop_on_signals(stop):
            result = search(
                world,
                bounds[0],
                bounds[1],
                progress,
                seed=seed,
                texts=texts,
                stop=stop,
                wins=wins,
                workers=_workers(args),
            )
        progress.finish()
        print(timing_line(result), file=sys.stderr)
        if not texts:
            searchcache.remember(world, seed, result, wins)
    findings += search_findings(world, result, reach)
    for finding in findings:
        print(finding, file=out)
    for line in search_lines(world, result):
        print(line, file=out)
    if result.coverage is not None:
        for line in coverage_lines(result.coverage):
            print(line, file=out)
    errors = sum(f.severity == "error" for f in findings)
    return errors, len(findings) - errors, result


def _workers(args: argparse.Namespace) -> int:
    """How many processes step the search: `--workers`, else for `--prove` every core that
    is idle (workers on a busy machine only add the cost of handing states over)."""
    asked = getattr(args, "workers", 0) or 0
    if asked:
        return asked
    if not getattr(args, "prove", False):
        return 1
    cores = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except OSError:
        busy = 0.0
    return max(1, min(cores, int(cores - busy + 0.5)))


@contextlib.contextmanager
def stop_on_signals(stop: Stop) -> Iterator[None]:
    """While a search runs, Ctrl-C (SIGINT) and SIGTERM end it early instead of the program.

    The search stops before its next state and its partial result is printed; a second
    signal is not caught, so it ends the program as usual.
    """
    names = ("SIGINT", "SIGTERM")
    saved = {}

    def handler(number: int, frame: object) -> None:
        del frame
        stop.reason = signal.Signals(number).name
        for name in names:
            signal.signal(getattr(signal, name), saved[name])

    try:
        for name in names:
            saved[name] = signal.signal(getattr(signal, name), handler)
    except ValueError:  # not the main thread: signals cannot be caught here
        for name, previous in saved.items():
            signal.signal(getattr(signal, name), previous)
        saved.clear()
    try:
        yield
    finally:
        for name, previous in saved.items():
            signal.signal(getattr(signal, name), previous)


class ProgressLine:
    """Progress of a long search on stderr: a rewritten line on a terminal, else one per 5 s."""

    def __init__(self, err: TextIO) -> None:
        self.err = err
        self.tty = err.isatty()
        self.last = 0.0

    def __call__(self, now: Snapshot) -> None:
        seconds = now.seconds
        if seconds < 1.0 or (not self.tty and seconds - self.last < 5.0):
            return
        self.last = seconds
        text = (
            f"searching: {now.states:,} states seen, depth {now.depth}: "
            f"{now.done_at_depth:,} of {now.at_depth:,} explored, "
            f"exploring {now.rate:,.0f} states/s, {seconds:.0f} s"
        )
        left = now.to_finish_depth
        if left is not None:
            from game.authoring.report import duration

            text += f", depth {now.depth} done in {duration(left)}"
        if self.tty:
            print("\r" + text + "   ", end="", file=self.err, flush=True)
        else:
            print(text, file=self.err, flush=True)

    def finish(self) -> None:
        """End the rewritten line."""
        if self.tty and self.last:
            print(file=self.err)


def run_map(args: argparse.Namespace) -> int:
    """Print the map of a world."""
    from game.authoring.mapping import FORMATS

    world, problems = read_world(world_paths(args))
    if world is None or any(p.severity == "error" for p in problems):
        for problem in problems:
            print(problem, file=sys.stderr)
        print("map: the world has errors; run `hyosan check` for details", file=sys.stderr)
        return 1
    sys.stdout.write(FORMATS[args.format](world))
    return 0


def run_index(args: argparse.Namespace) -> int:
    """Write the HTML index of a world (to a file with -o, else to stdout)."""
    from game.authoring.index import index_html

    world, problems = read_world(world_paths(args))
    if world is None or any(p.severity == "error" for p in problems):
        for problem in problems:
            print(problem, file=sys.stderr)
        print("index: the world has errors; run `hyosan check` for details", file=sys.stderr)
        return 1
    output: Path | None = args.output
    page = index_html(world, output.parent if output else None)
    if output is None:
        sys.stdout.write(page)
        return 0
    try:
        output.write_text(page, encoding="utf-8")
    except OSError as error:
        print(f"index: cannot write {output}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"index: wrote {output} ({world.counts()})")
    return 0


def run_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of the world vocabulary (save it as docs/world.schema.json)."""
    from game.authoring.schema import schema_text

    del args
    sys.stdout.write(schema_text())
    return 0


def run_new(args: argparse.Namespace) -> int:
    """Append a commented skeleton for a new room, item, character or event."""
    from game.authoring.scaffold import ScaffoldError, add_new, has_player

    folders = world_paths(args)
    try:
        path, line = add_new(args.kind, args.id, args.region or "", folders)
    except ScaffoldError as error:
        print(f"new: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"new: cannot write the file: {error}", file=sys.stderr)
        return 1
    print(f"{path}:{line}: new {args.kind} '{args.id}' — fill it in, then run `hyosan check`")
    if not has_player(folders):
        print(
            "note: this world has no 'game' and 'player' sections yet (docs/authoring.md, step 1)"
        )
    return 0
