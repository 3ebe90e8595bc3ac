"""Agent API benchmark: steps/s and valid-actions/s on the shipped world and the castle,
with Jericho on the compiled castle beside them when `jericho` and inform6 are installed.

Prints a table. `--quick` runs a small smoke version for CI.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.api import Env  # noqa: E402
from game.api.agents import play_random  # noqa: E402
from game.paths import default_world_dirs  # noqa: E402

PEERS = ROOT / "bench" / "peers" / "inform"
CASTLE = ROOT / "bench" / "peers" / "castle"


def loop_commands() -> list[str]:
    """The castle's 200-command loop, which brings its world back to the start."""
    return [c for c in (PEERS / "loop.cmds").read_text().splitlines() if c.strip()]


def hyosan_steps(world_dirs: list[Path], games: list[list[str]], rounds: int) -> float:
    """Steps per second of Env.step, each game played from a reset, repeated."""
    env = Env(world_dirs)
    count, spent = 0, 0.0
    for _ in range(rounds):
        for commands in games:
            env.reset(1)
            started = time.perf_counter()
            for command in commands:
                env.step(command)
            spent += time.perf_counter() - started
            count += len(commands)
    return count / spent


def hyosan_valid(world_dirs: list[Path], games: list[list[str]]) -> tuple[float, float]:
    """Median and p99 milliseconds of get_valid_actions in the states along the games."""
    env = Env(world_dirs)
    times = []
    for commands in games:
        env.reset(1)
        for command in commands:
            started = time.perf_counter()
            env.get_valid_actions()
            times.append((time.perf_counter() - started) * 1000)
            env.step(command)
    times.sort()
    return statistics.median(times), times[max(int(len(times) * 0.99) - 1, 0)]


def walkthroughs(limit: int) -> list[list[str]]:
    """The shipped world's walkthroughs (each ends the game), cut to `limit` commands each."""
    games = []
    for path in sorted((ROOT / "tests" / "walkthroughs").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        games.append([c for c in lines if c.strip() and not c.startswith("#")][:limit])
    return games


def compiled_castle(folder: Path) -> Path | None:
    """Compile the Inform castle with inform6 if it is installed."""
    if shutil.which("inform6") is None:
        return None
    done = subprocess.run(
        ["inform6", "-v5", "bench.inf", str(folder / "bench.z5")],
        cwd=PEERS,
        capture_output=True,
        check=False,
    )
    return folder / "bench.z5" if done.returncode == 0 else None


def castle_pair(story: Path, commands: list[str], rounds: int) -> tuple[float, float] | None:
    """Hyosan's and Jericho's steps/s on the castle loop, rounds alternated, medians."""
    try:
        from jericho import FrotzEnv
    except ImportError:
        return None
    env = Env([CASTLE])
    frotz = FrotzEnv(str(story), seed=1)
    frotz.reset()
    ours, theirs = [], []
    for _ in range(rounds):
        for player, rates in ((env.step, ours), (frotz.step, theirs)):
            started = time.perf_counter()
            for command in commands:
                player(command)
            rates.append(len(commands) / (time.perf_counter() - started))
    return statistics.median(ours), statistics.median(theirs)


def jericho_valid(story: Path) -> str:
    """What Jericho's get_valid_actions gives on the castle (a game it has no bindings for)."""
    try:
        from jericho import FrotzEnv
    except ImportError:
        return "n/a"
    env = FrotzEnv(str(story), seed=1)
    env.reset()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return f"{len(env.get_valid_actions())} actions (unsupported game)"


def main() -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    rounds = 1 if args.quick else 10
    loop = loop_commands()
    shipped = default_world_dirs()
    rows = []
    castle_rate = hyosan_steps([CASTLE], [loop], rounds)
    rows.append(("castle", "hyosan Env.step", f"{castle_rate:,.0f} steps/s"))
    median, p99 = hyosan_valid([CASTLE], [loop[: 20 if args.quick else 200]])
    rows.append(("castle", "hyosan valid actions", f"median {median:.2f} ms, p99 {p99:.2f} ms"))
    walk = walkthroughs(15 if args.quick else 1000)[: 2 if args.quick else None]
    rows.append(
        ("shipped", "hyosan Env.step", f"{hyosan_steps(shipped, walk, rounds):,.0f} steps/s")
    )
    median, p99 = hyosan_valid(shipped, walk)
    rows.append(("shipped", "hyosan valid actions", f"median {median:.2f} ms, p99 {p99:.2f} ms"))
    env = Env(shipped)
    started = time.perf_counter()
    summary = play_random(env, 1 if args.quick else 5, 50 if args.quick else 300, seed=1)
    steps = sum(e.steps for e in summary.episodes)
    rows.append(
        (
            "shipped",
            "random agent",
            f"{steps / (time.perf_counter() - started):,.0f} steps/s, "
            f"rooms {summary.coverage():.0%}",
        )
    )
    with tempfile.TemporaryDirectory() as tmp:
        story = compiled_castle(Path(tmp)) if not args.quick else None
        pair = castle_pair(story, loop, rounds) if story else None
        if story and pair:
            ours, theirs = pair
            rows.append(("castle", "hyosan Env.step (alternated)", f"{ours:,.0f} steps/s"))
            rows.append(("castle", "jericho FrotzEnv.step (alternated)", f"{theirs:,.0f} steps/s"))
            rows.append(("castle", "jericho valid actions", jericho_valid(story)))
            rows.append(
                ("castle", "step ratio hyosan/jericho", f"{ours / theirs:.1f}× (target ≥ 10×)")
            )
        else:
            rows.append(
                ("castle", "jericho", "not measured (quick mode, or jericho/inform6 missing)")
            )
    width = max(len(r[1]) for r in rows)
    print(f"| world   | {'measure':<{width}} | value")
    for world, measure, value in rows:
        print(f"| {world:<7} | {measure:<{width}} | {value}")
    if args.quick:
        print("(quick smoke run: numbers are not meaningful)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
