"""Journal benchmark: the recording's cost per line at line 10 and line 10,000, peak memory at
both, loading a long game, and a whole `hyosan --plain` process over a long session.

Targets (#11): the line-10,000 cost within 1.5x the line-10 cost; peak memory at 10,000 lines
within 1.2x that at line 10. `--quick` is a CI smoke run (fewer lines, same table).

    .venv/bin/python bench/bench_journal.py [--quick]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.engine import step  # noqa: E402
from game.model import load_world  # noqa: E402
from game.saves.session import CHECKPOINT_EVERY, Session  # noqa: E402

MINI = ROOT / "tests" / "worlds" / "mini"
COMMANDS = ["take all", "east", "open locker", "take torch", "west", "x key", "wait", "drop all"]
WINDOW = 200  # lines timed around each point
SHORT = CHECKPOINT_EVERY + 50  # a short game: undo history full and one checkpoint written


def line(n: int, state) -> str:
    """The n-th scripted command (UNDO after an ending)."""
    return "undo" if state.ending else COMMANDS[n % len(COMMANDS)]


def recording_cost(world, folder: Path, lines: int) -> tuple[float, float]:
    """Median µs the Session adds to `step` per line, near line 10 and near line `lines`."""
    session = Session.new(world, 5, folder)
    early: list[float] = []
    late: list[float] = []
    for n in range(lines):
        text = line(n, session.state)
        start = time.perf_counter()
        step(world, session.state, text)
        bare = time.perf_counter() - start
        start = time.perf_counter()
        session.play(text)
        whole = time.perf_counter() - start
        if n < WINDOW:
            early.append(whole - bare)
        elif n >= lines - WINDOW:
            late.append(whole - bare)
    session.close()
    return statistics.median(early) * 1e6, statistics.median(late) * 1e6


def peak_memory(world, folder: Path, lines: int) -> float:
    """Peak traced KiB while playing `lines` lines (checkpoints included)."""
    gc.collect()
    tracemalloc.start()
    session = Session.new(world, 5, folder)
    for n in range(lines):
        session.play(line(n, session.state))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    session.close()
    return peak / 1024


def load_time(world, folder: Path) -> float:
    """ms to Continue the latest (long) game: checkpoint plus the lines after it."""
    start = time.perf_counter()
    session = Session.load(world, "autosave", folder)
    took = (time.perf_counter() - start) * 1000
    session.close()
    return took


def process_run(lines: int, folder: Path) -> tuple[float, float, float]:
    """(wall s, CPU s, peak RSS MiB) of one `hyosan --plain` process playing `lines` piped lines."""
    script = "".join(COMMANDS[n % len(COMMANDS)] + "\n" for n in range(lines)).encode()
    env = dict(os.environ, HYOSAN_SAVES=str(folder))
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "game", "--plain", "--world", str(MINI)],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        cwd=ROOT,
        env=env,
    )
    proc.stdin.write(script)
    proc.stdin.close()
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="CI smoke run")
    args = parser.parse_args()
    long = 1_000 if args.quick else 10_000
    world = load_world([MINI])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        early, late = recording_cost(world, folder / "cost", long)
        small = peak_memory(world, folder / "m10", SHORT)
        big = peak_memory(world, folder / "mlong", long)
        loading = load_time(world, folder / "mlong")
        _, _, rss_small = process_run(10, folder / "proc10")
        wall, cpu, rss_big = process_run(long, folder / "proc")
        size = sum(p.stat().st_size for p in (folder / "mlong" / "games").iterdir())
    rows = [
        ("recording cost per line, near line 10", f"{early:.0f} µs", ""),
        (f"recording cost per line, near line {long:,}", f"{late:.0f} µs", ""),
        (
            "  ratio (target ≤ 1.5×)",
            f"{late / early:.2f}×",
            "ok" if late <= 1.5 * early else "MISS",
        ),
        ("hyosan --plain peak RSS, 10 lines", f"{rss_small:.1f} MiB", ""),
        (f"hyosan --plain peak RSS, {long:,} lines", f"{rss_big:.1f} MiB", ""),
        (
            "  ratio (target ≤ 1.2×)",
            f"{rss_big / rss_small:.2f}×",
            "ok" if rss_big <= 1.2 * rss_small else "MISS",
        ),
        (f"session heap peak, {SHORT} lines (undo full)", f"{small:.0f} KiB", ""),
        (f"session heap peak, {long:,} lines", f"{big:.0f} KiB", f"{big / small:.2f}×"),
        (f"Continue a {long:,}-line game", f"{loading:.0f} ms", ""),
        (f"recording on disk, {long:,} lines", f"{size / 1024:.0f} KiB", ""),
        (f"hyosan --plain, {long:,} lines: wall", f"{wall:.2f} s", ""),
        (f"hyosan --plain, {long:,} lines: CPU", f"{cpu:.2f} s", f"{cpu / long * 1e3:.2f} ms/line"),
    ]
    print(f"{'journal (mini world)':<44} {'value':>12}  note")
    for name, value, note in rows:
        print(f"{name:<44} {value:>12}  {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
