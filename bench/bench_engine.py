"""Engine benchmarks: world load vs bare libyaml parse, step latency, whole-process plain play.

Prints a table. `--quick` runs a small smoke version for CI.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from worldgen import write_world  # noqa: E402

from game.engine import new_game, step  # noqa: E402
from game.model import load_world  # noqa: E402

EXTRA = ["look", "i", "x me", "hint", "exits", "score", "take all", "xyzzy", "n. s. e. w"]


def session_script(commands: int) -> list[str]:
    """A scripted session on the shipped world: every walkthrough in turn, RESTART between."""
    walkthroughs = []
    for path in sorted((ROOT / "tests" / "walkthroughs").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        walkthroughs.append([c for c in lines if c.strip() and not c.startswith("#")])
    script: list[str] = []
    while len(script) < commands:
        for index, walk in enumerate(walkthroughs):
            script += [*walk[:20], *EXTRA, *walk[20:], "restart"]
            if index % 3 == 0:
                script += ["undo", "undo"]
    return script[:commands]


def best_of(runs: int, fn) -> float:
    """The fastest of several timed runs, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def bare_parse(folder: Path) -> None:
    """libyaml's own parse of every file, as the floor, with the collector paused."""
    gc.disable()
    try:
        for path in sorted(folder.rglob("*.yaml")):
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    finally:
        gc.enable()


def load_rows(sizes: list[int], runs: int) -> list[tuple[str, str, str, str]]:
    """Load time of the shipped world and generated ones, beside the bare parse."""
    rows = []
    worlds = [("shipped world", ROOT / "world")]
    tmp = Path(tempfile.mkdtemp(prefix="hyosan-bench-"))
    for size in sizes:
        worlds.append((f"{size:,} rooms", write_world(tmp / f"w{size}", size)))
    for label, folder in worlds:
        try:
            load = best_of(runs, lambda f=folder: load_world([f]))
        except Exception as error:  # a broken shipped world should not stop the bench
            rows.append((f"load {label}", "error", type(error).__name__, ""))
            continue
        parse = best_of(runs, lambda f=folder: bare_parse(f))
        rows.append(
            (
                f"load {label}",
                f"{load * 1000:.1f} ms",
                f"parse {parse * 1000:.1f} ms",
                f"{load / parse:.2f}x (target ≤ 1.2x)",
            )
        )
    return rows


def step_rows(commands: int) -> tuple[list[tuple[str, str, str, str]], Path]:
    """Median and p99 step time over a scripted session of the shipped world."""
    world = load_world([ROOT / "world"])
    state, _ = new_game(world, 1)
    script = session_script(commands)
    times = []
    for line in script:
        start = time.perf_counter()
        turn = step(world, state, line)
        times.append(time.perf_counter() - start)
        state = turn.state
    times.sort()
    median = statistics.median(times) * 1e6
    p99 = times[int(len(times) * 0.99) - 1] * 1e6
    script_file = Path(tempfile.mkdtemp(prefix="hyosan-session-")) / "session.txt"
    script_file.write_text("\n".join(script) + "\n", encoding="utf-8")
    return [
        (f"step median ({commands:,} commands)", f"{median:.1f} µs", "", "target ≤ 30 µs (#11)"),
        (f"step p99 ({commands:,} commands)", f"{p99:.1f} µs", "", "target ≤ 300 µs (#11)"),
    ], script_file


def process_rows(script_file: Path) -> list[tuple[str, str, str, str]]:
    """Whole-process `hyosan --plain` over the session, first prompt, and peak memory."""
    cmd = [sys.executable, "-m", "game", "--plain", "--seed", "1"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["HYOSAN_SAVES"] = tempfile.mkdtemp(prefix="hyosan-bench-saves-")
    _first_prompt(cmd, env)  # warm the bytecode cache, as a second start would be
    start = time.perf_counter()
    with open(script_file, encoding="utf-8") as stdin:
        subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL, check=True, env=env, cwd=ROOT)
    whole = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    first = min(_first_prompt(cmd, env) for _ in range(3))
    return [
        ("hyosan --plain, whole session", f"{whole * 1000:.0f} ms", "", ""),
        ("time to first prompt", f"{first * 1000:.0f} ms", "", "target ≤ 150 ms"),
        ("peak memory (plain process)", f"{peak_kib / 1024:.1f} MiB", "", ""),
    ]


def _first_prompt(cmd: list[str], env: dict) -> float:
    """Seconds from process start until the first '> ' prompt is written."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, cwd=ROOT)
    seen = b""
    while b"> " not in seen:
        chunk = proc.stdout.read1(4096)
        if not chunk:
            break
        seen += chunk
    elapsed = time.perf_counter() - start
    proc.stdin.close()
    proc.wait()
    return elapsed


def main() -> int:
    """Run the benchmarks and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small smoke run for CI")
    args = parser.parse_args()
    sizes = [200] if args.quick else [1000, 10000]
    commands = 500 if args.quick else 10000
    runs = 1 if args.quick else 3
    rows = load_rows(sizes, runs)
    more, script_file = step_rows(commands)
    rows += more
    rows += process_rows(script_file)
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>12}  {'beside':>18}  note")
    for name, value, beside, note in rows:
        print(f"{name:<{width}}  {value:>12}  {beside:>18}  {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
