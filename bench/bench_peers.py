"""Hyosan beside dfrotz on the same game (the castle), plus start-up, step and replay speed.

Per-command CPU over the castle loop (autosave on, as shipped), whole-process start against a
bare `python -c pass`, step median/p99 on the shipped walkthroughs, replay --verify rate and
peak memory. The dfrotz side runs in the same invocation when dfrotz is installed.
`--quick` (CI): a short loop, no dfrotz.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.engine import new_game, step  # noqa: E402
from game.model import load_world  # noqa: E402

PEERS = ROOT / "bench" / "peers"
DFROTZ = shutil.which("dfrotz") or (
    "/usr/games/dfrotz" if Path("/usr/games/dfrotz").exists() else ""
)


def cpu_run(cmd: list[str], stdin: bytes, env: dict | None = None) -> tuple[float, int]:
    """CPU seconds (user+sys) and peak KiB of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(
        cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    proc.communicate(stdin)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, after.ru_maxrss


def median_cpu(cmd: list[str], stdin: bytes, runs: int, env: dict | None = None) -> float:
    """Median CPU seconds over several runs."""
    return statistics.median(cpu_run(cmd, stdin, env)[0] for _ in range(runs))


def peak_kib(cmd: list[str], stdin: bytes, env: dict | None = None) -> int:
    """Peak resident memory of one run, via /usr/bin/time when present."""
    if not Path("/usr/bin/time").exists():
        return 0
    out = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *cmd], input=stdin, capture_output=True, env=env, check=False
    )
    try:
        return int(out.stderr.decode().strip().splitlines()[-1])
    except (ValueError, IndexError):
        return 0


def hyosan_env() -> dict:
    """A fresh save folder each run; bytecode and world caches as after a first run."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["HYOSAN_SAVES"] = tempfile.mkdtemp(prefix="hyosan-bench-peers-")
    return env


def loop_input(commands: int) -> bytes:
    """The castle loop repeated to `commands` lines."""
    loop = (PEERS / "inform" / "loop.cmds").read_text(encoding="utf-8").splitlines()
    lines = (loop * (commands // len(loop) + 1))[:commands]
    return ("\n".join(lines) + "\n").encode()


def castle_rows(commands: int, runs: int) -> list[list[str]]:
    """Per-command CPU of the castle loop, Hyosan and (when installed) dfrotz, alternated."""
    hy = [sys.executable, "-m", "game", "--plain", "--world", str(PEERS / "castle"), "--seed", "1"]
    data, empty = loop_input(commands), b""
    env = hyosan_env()
    cpu_run(hy, b"", env)  # warm the bytecode and world caches, as any second start
    hy_loop = median_cpu(hy, data, runs, hyosan_env())
    hy_start = median_cpu(hy, empty, runs, hyosan_env())
    hy_per = max(hy_loop - hy_start, 1e-9) / commands
    rows = [["castle loop, hyosan --plain", f"{commands:,}", f"{hy_per * 1e6:.0f} µs/cmd", ""]]
    if DFROTZ and commands >= 1000:
        story = Path(tempfile.mkdtemp(prefix="peer-z5-")) / "bench.z5"
        subprocess.run(
            ["inform6", "-v5", str(PEERS / "inform" / "bench.inf"), str(story)],
            cwd=PEERS / "inform",
            stdout=subprocess.DEVNULL,
            check=True,
        )
        fz = [DFROTZ, "-m", "-q", str(story)]
        fz_loop = median_cpu(fz, data, runs)
        fz_start = median_cpu(fz, empty, runs)
        fz_per = max(fz_loop - fz_start, 1e-9) / commands
        rows.append(["castle loop, dfrotz", f"{commands:,}", f"{fz_per * 1e6:.0f} µs/cmd", ""])
        rows.append(
            ["hyosan / dfrotz per command", "", f"{hy_per / fz_per:.2f}x", "target ≤ 0.25x"]
        )
        rows.append(["peak memory dfrotz", "", f"{peak_kib(fz, data) / 1024:.1f} MiB", ""])
    else:
        rows.append(["dfrotz", "", "not run", "quick mode or not installed"])
    rows.append(
        ["peak memory hyosan", "", f"{peak_kib(hy, data, hyosan_env()) / 1024:.1f} MiB", ""]
    )
    return rows


def start_rows(runs: int) -> list[list[str]]:
    """`hyosan --plain` to its first prompt (stdin at end) against a bare interpreter: the
    commands alternated in the same run, medians of CPU time, after one warm start (bytecode and
    world cache written, as after a fresh checkout's first run). The bare interpreter is this
    one (its site-packages, with the editable install's finder, included: the target's
    baseline), and for reference the same without the site module (`-S`: no .pth files run),
    which a regular install's bare start is nearer to."""
    env = hyosan_env()
    commands = {
        "bare": [sys.executable, "-c", "pass"],
        "isolated": [sys.executable, "-S", "-c", "pass"],
        "plain": [sys.executable, "-m", "game", "--plain"],
    }
    cpu_run(commands["plain"], b"", env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(cpu_run(cmd, b"", env)[0])
    ms = {name: statistics.median(found) * 1000 for name, found in times.items()}
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return [
        ["python -c pass", f"{runs}", f"{ms['bare']:.0f} ms CPU", "median, alternated"],
        ["python -S -c pass", f"{runs}", f"{ms['isolated']:.0f} ms CPU", "no site, no .pth"],
        ["hyosan --plain start", f"{runs}", f"{ms['plain']:.0f} ms CPU", f"load {load:.1f}"],
        [
            "start / python -c pass",
            "",
            f"{ms['plain'] / max(ms['bare'], 1e-6):.1f}x",
            "target ≤ 3x",
        ],
        [
            "start / python -S -c pass",
            "",
            f"{ms['plain'] / max(ms['isolated'], 1e-6):.1f}x",
            "for reference",
        ],
    ]


def step_rows(rounds: int) -> list[list[str]]:
    """Median and p99 of `step` over every shipped walkthrough (CPU time, best round)."""
    world = load_world([ROOT / "world"])
    walks = []
    for path in sorted((ROOT / "tests" / "walkthroughs").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        walks.append([c for c in lines if c.strip() and not c.startswith("#")])
    best: tuple[float, float] | None = None
    for _ in range(rounds):
        times = []
        for walk in walks:
            state, _ = new_game(world, 1)
            for command in walk:
                start = time.process_time()
                state = step(world, state, command).state
                times.append(time.process_time() - start)
        times.sort()
        found = (statistics.median(times), times[int(len(times) * 0.99)])
        best = found if best is None or found[0] < best[0] else best
    assert best is not None
    return [
        [
            "step median (walkthroughs)",
            f"{len(times)}",
            f"{best[0] * 1e6:.1f} µs",
            "target ≤ 30 µs",
        ],
        ["step p99 (walkthroughs)", "", f"{best[1] * 1e6:.1f} µs", "target ≤ 300 µs"],
    ]


def main() -> int:
    """Run and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="CI smoke run: short, no dfrotz")
    args = parser.parse_args()
    commands, runs = (400, 1) if args.quick else (10_000, 3)
    rows = step_rows(1 if args.quick else 5)
    rows += start_rows(3 if args.quick else 15)
    rows += castle_rows(commands, runs)
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'lines':>7}  {'value':>14}  note")
    for name, lines, value, note in rows:
        print(f"{name:<{width}}  {lines:>7}  {value:>14}  {note}")
    print("(replay --verify rate: bench_saves.py; whole-process times are CPU, medians)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
