"""Saves benchmark: save and load time at 1,000 and 10,000 turns, replay speed, undo memory.

Prints a table with the targets beside the measurements. `--quick` is a CI smoke run.

    .venv/bin/python bench/bench_saves.py [--quick] [--world DIR]
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.engine import new_game, step  # noqa: E402
from game.model import World, WorldError, load_world  # noqa: E402
from game.model.record import evolve  # noqa: E402
from game.saves.format import dump, parse  # noqa: E402
from game.saves.replay import final_state, verify  # noqa: E402
from game.saves.session import Session  # noqa: E402
from game.saves.store import make_save, read_file, restore, write_save  # noqa: E402

COMMANDS = [
    "look",
    "take all",
    "north",
    "inventory",
    "east",
    "examine me",
    "south",
    "drop all",
    "west",
    "wait",
    "take all",
    "score",
    "listen",
    "up",
    "down",
    "exits",
    "hint",
    "x floor",
]
MiB = 1024 * 1024


def pick_world(given: Path | None) -> tuple[World, str]:
    """The world to measure: --world, else the shipped one, else the mini test world."""
    candidates = [given] if given else [ROOT / "world", ROOT / "tests" / "worlds" / "mini"]
    for folder in candidates:
        try:
            return load_world([folder]), str(
                folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder
            )
        except WorldError as error:
            print(
                f"({folder} does not load: {len(error.problems)} problems; trying the next world)"
            )
    raise SystemExit("no world loads")


def played(world: World, lines: int, folder: Path) -> Session:
    """A Session that has played `lines` lines (UNDO whenever an ending is reached)."""
    session = Session.new(world, 1234, folder, autosave_every=10**9)
    for n in range(lines):
        command = "undo" if session.state.ending else COMMANDS[n % len(COMMANDS)]
        session.play(command)
    return session


def best(runs: int, fn) -> float:
    """The fastest of several runs, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def save_load_rows(world: World, sizes: list[int], runs: int) -> list[list[str]]:
    """Save (serialise, and the whole atomic write) and load time of games of each size."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for lines in sizes:
            session = played(world, lines, folder)
            path = folder / f"bench{lines}.json"

            def build_and_dump(s: Session = session) -> str:
                """Build the SaveFile and its canonical text."""
                return dump(s.snapshot("bench"))

            raw = build_and_dump().encode()
            serialise = best(runs, build_and_dump)
            write = best(runs, lambda s=session, p=path: write_save(p, s.snapshot("bench")))
            parse_ms = best(runs, lambda r=raw: parse(r))
            load = best(runs, lambda p=path: restore(world, read_file(p), p))
            rows.append(
                [
                    f"{lines:,} lines",
                    f"{len(raw) / 1024:,.0f} KiB",
                    f"{serialise:.2f} ms",
                    f"{write:.2f} ms",
                    f"{parse_ms:.2f} ms",
                    f"{load:.2f} ms",
                    f"{len(session.state.history)}",
                ]
            )
    return rows


def replay_rows(world: World, lines: int, runs: int) -> list[list[str]]:
    """Headless replay speed (plain fold of `step`) and verify speed (with digests)."""
    with tempfile.TemporaryDirectory() as tmp:
        session = played(world, lines, Path(tmp))
        commands = session.log  # read from the game's recording, so while it exists
        save = make_save(world, session.seed, session.state, session.entries, "bench")
    fold = best(runs, lambda: final_state(world, session.seed, commands)) / 1000
    check = best(1, lambda: verify(world, save)) / 1000
    return [
        ["replay (fold step)", f"{lines / fold:,.0f} commands/s", ">= 20,000 commands/s"],
        ["replay --verify", f"{lines / check:,.0f} commands/s", ""],
    ]


def undo_memory(world: World, lines: int) -> float:
    """MiB held by an undo history of `lines` lines (undo limit raised to fit them all)."""
    big = evolve(world, info=evolve(world.info, undo_limit=lines + 1))
    state, _ = new_game(big, 1234)
    gc.collect()
    tracemalloc.start()
    for n in range(lines):
        command = "undo" if state.ending else COMMANDS[n % len(COMMANDS)]
        state = step(big, state, command).state
    gc.collect()
    with_history = tracemalloc.get_traced_memory()[0]
    depth = len(state.history)
    state = evolve(state, history=())
    gc.collect()
    without = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    print(f"(undo history depth reached: {depth:,} states)")
    return (with_history - without) / MiB


def table(header: list[str], rows: list[list[str]]) -> None:
    """Print an aligned text table."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = "  ".join("-" * w for w in widths)
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print(line)
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))


def main() -> int:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for a CI smoke run")
    parser.add_argument("--world", type=Path, help="world folder (default: the shipped world)")
    args = parser.parse_args()
    world, name = pick_world(args.world)
    sizes = [100, 1_000] if args.quick else [1_000, 10_000]
    runs = 2 if args.quick else 5
    print(f"world: {name} ({world.counts()}); undo limit {world.info.undo_limit}")
    print(f"\nSave and load (best of {runs})")
    print("targets at 1,000 lines: save <= 5 ms, load <= 50 ms (load includes the undo history)")
    table(
        ["game", "size", "build+dump", "atomic write", "parse", "load", "undo depth"],
        save_load_rows(world, sizes, runs),
    )
    print()
    table(
        ["replay", "measured", "target"],
        replay_rows(world, sizes[-1] // 10 if args.quick else 5_000, runs),
    )
    lines = 1_000 if args.quick else 10_000
    print()
    mib = undo_memory(world, lines)
    target = "<= +20 MiB" if lines == 10_000 else "(quick run)"
    table(["undo history", "memory", "target"], [[f"{lines:,} lines", f"+{mib:.1f} MiB", target]])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
