"""`hyosan test [NAME…] [-v]`, and the world's tests as part of `hyosan check`."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from game.authoring.worldtests import Outcome, divergence, expect_problems, run_all, transcript
from game.launch import world_paths
from game.model import World
from game.model.loader import read_world
from game.model.problems import did_you_mean


def check_tests(world: World, out: TextIO) -> int:
    """Check the tests' `expect` ids and run every test; print each error; return the count."""
    problems = expect_problems(world)
    for problem in problems:
        print(problem, file=out)
    if problems:
        return len(problems)
    failed = [o for o in run_all(world) if not o.passed]
    for outcome in failed:
        where = outcome.test.where
        place = f"{where}: " if where else ""
        print(f"{place}test '{outcome.test.id}' fails: {outcome.failures[0]}", file=out)
        for line in divergence(outcome):
            print("  " + line, file=out)
    if world.tests and not failed:
        print(f"tests: all {len(world.tests)} pass", file=out)
    return len(failed)


def run_test(args: argparse.Namespace) -> int:
    """Run the world's own scripted tests (or those named); exit 1 if any fails."""
    world, problems = read_world(world_paths(args))
    for problem in sorted(problems, key=lambda p: (p.path, p.line, p.col)):
        print(problem)
    if world is None or any(p.severity == "error" for p in problems):
        print("test: the world has errors; fix them first (see above)")
        return 1
    static = expect_problems(world)
    for problem in static:
        print(problem)
    names = list(getattr(args, "names", None) or [])
    known = [t.id for t in world.tests]
    unknown = [n for n in names if n not in known]
    for name in unknown:
        hint = did_you_mean(name, known)
        print(f"test: no test named '{name}'" + (f" ({hint})" if hint else ""))
    if unknown or static:
        return 1
    outcomes = run_all(world, names)
    if not outcomes:
        print("test: this world has no tests yet — add a 'tests:' section (see docs/authoring.md)")
        return 0
    verbose = bool(getattr(args, "verbose", False))
    failed = sum(not _report(outcome, verbose, sys.stdout) for outcome in outcomes)
    print(f"tests: {len(outcomes) - failed} passed, {failed} failed")
    return 1 if failed else 0


def _report(outcome: Outcome, verbose: bool, out: TextIO) -> bool:
    """Print one test's verdict (and transcript when asked); whether it passed."""
    where = outcome.test.where
    place = f"  ({where.path}:{where.line})" if where else ""
    start = f"  from '{outcome.test.start}'" if outcome.test.start else ""
    print(f"{'PASS' if outcome.passed else 'FAIL'} {outcome.test.id}{place}{start}", file=out)
    if verbose and outcome.played is not None:
        for line in transcript(outcome.played):
            print("  | " + line, file=out)
    for failure in outcome.failures:
        print(f"  - {failure}", file=out)
    for line in divergence(outcome):
        print("  " + line, file=out)
    return outcome.passed
