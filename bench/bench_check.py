"""Benchmark `hyosan check`: the shipped world and generated 1,000 / 10,000-room worlds.

Prints a table: load + validation, static analysis, the winnability search (states and
states/second), and the total. `--quick` is a smoke run on small worlds (seconds, not
minutes).

    .venv/bin/python bench/bench_check.py [--quick]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.authoring.analysis import analyse  # noqa: E402
from game.authoring.reach import Reach  # noqa: E402
from game.authoring.winnable import Search, search  # noqa: E402
from game.model import load_world  # noqa: E402


def generate(rooms: int, folder: Path) -> Path:
    """A grid world of about `rooms` rooms, 100 rooms per region file, with puzzles."""
    side = max(2, int(rooms**0.5))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "game.yaml").write_text(
        "game: {title: Generated}\nplayer: {start: r0_0}\n"
        "endings:\n  out: {title: Out, text: You found the way out., kind: victory}\n"
    )
    files: dict[int, list[str]] = {}
    for y in range(side):
        for x in range(side):
            n = y * side + x
            lines = files.setdefault(n // 100, [])
            lines += _room(x, y, side, n)
    for index, lines in files.items():
        (folder / f"region_{index:03}.yaml").write_text("\n".join(lines) + "\n")
    return folder


def _room(x: int, y: int, side: int, n: int) -> list[str]:
    """One room (as a tiny YAML file fragment), with an item, a door or a switch now and then."""
    rid = f"r{x}_{y}"
    exits = []
    if x + 1 < side:
        exits.append(f"east: r{x + 1}_{y}")
    if x > 0:
        exits.append(f"west: r{x - 1}_{y}")
    if y + 1 < side:
        if n % 37 == 5:
            exits.append(f"north: {{to: r{x}_{y + 1}, door: door_{n}}}")
        else:
            exits.append(f"north: r{x}_{y + 1}")
    if y > 0:
        if (n - side) % 37 == 5:
            exits.append(f"south: {{to: r{x}_{y - 1}, door: door_{n - side}}}")
        else:
            exits.append(f"south: r{x}_{y - 1}")
    out = [
        "rooms:",
        f"  {rid}:",
        f"    name: Room {x} {y}",
        f"    region: Region {n // 100}",
        f"    description: A grey room, number {n}, with exits in every direction it can manage.",
        f"    exits: {{{', '.join(exits)}}}",
    ]
    if x == side - 1 and y == side - 1:
        out += ["    on:", "      jump: {say: You jump out., do: [{end: out}]}"]
    items = []
    if n % 37 == 5 and y + 1 < side:
        items += [
            f"  door_{n}:",
            "    name: grey door",
            f"    door: {{open: false, locked: true, key: key_{n}}}",
            f"  key_{n}:",
            f"    name: key {n}",
            f"    location: r{max(0, x - 1)}_{y}",
        ]
    if n % 53 == 7:
        items += [
            f"  switch_{n}:",
            f"    name: switch {n}",
            f"    location: {rid}",
            "    portable: false",
            f"    on: {{push: {{say: Click., do: [{{set: lit_{n}}}]}}}}",
        ]
        out += ["    variants:", f"      - {{when: {{flag: lit_{n}}}, text: The room is lit.}}"]
    if items:
        out += ["items:", *items]
    # each fragment is its own YAML document section: keep rooms/items keys unique per file
    return out


def merge_fragments(folder: Path) -> None:
    """Rewrite each file so `rooms:` and `items:` appear once (fragments were appended)."""
    for path in folder.glob("region_*.yaml"):
        rooms: list[str] = []
        items: list[str] = []
        target = rooms
        for line in path.read_text().splitlines():
            if line == "rooms:":
                target = rooms
            elif line == "items:":
                target = items
            else:
                target.append(line)
        text = "rooms:\n" + "\n".join(rooms) + "\n"
        if items:
            text += "items:\n" + "\n".join(items) + "\n"
        path.write_text(text)


def measure(label: str, paths: list[Path], max_states: int, seconds: float) -> dict:
    """Time each phase of `check` on one world."""
    t0 = time.perf_counter()
    world = load_world(paths)
    t1 = time.perf_counter()
    reach = Reach(world)
    findings = analyse(world, reach)
    t2 = time.perf_counter()
    cpu = time.process_time()
    result = search(world, max_states=max_states, seconds=seconds)
    cpu = time.process_time() - cpu
    t3 = time.perf_counter()
    return {
        "world": label,
        "rooms": len(world.rooms),
        "load": t1 - t0,
        "analysis": t2 - t1,
        "findings": len(findings),
        "search": t3 - t2,
        "states": result.states,
        "complete": result.complete,
        "rate": result.rate,
        "cpu_rate": result.states / cpu if cpu > 0 else 0.0,  # the machine may be shared
        "total": t3 - t0,
    }


def table(rows: list[dict]) -> str:
    """The results as a plain-text table."""
    head = (
        f"{'world':<22}{'rooms':>7}{'load s':>9}{'analysis s':>12}{'search s':>10}"
        f"{'states':>9}{'done':>6}{'states/s':>10}{'per cpu-s':>10}{'total s':>9}"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(
            f"{r['world']:<22}{r['rooms']:>7}{r['load']:>9.2f}{r['analysis']:>12.2f}"
            f"{r['search']:>10.2f}{r['states']:>9,}{'yes' if r['complete'] else 'no':>6}"
            f"{r['rate']:>10,.0f}{r['cpu_rate']:>10,.0f}{r['total']:>9.2f}"
        )
    return "\n".join(lines)


CONFIGS = (  # (label, leave the turn count out under a winning deadline, workers)
    ("turn count kept (before)", False, 1),
    ("winning deadline", True, 1),
    ("deadline, 2 workers", True, 2),
)


def measure_search(world, depth: int, free_turn: bool, workers: int) -> dict:
    """Explore every state of the shipped world up to `depth` commands from the start."""
    import resource

    def children() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    wall, cpu, kids = time.perf_counter(), time.process_time(), children()
    runner = Search(world, free_turn=free_turn, tests_first=False)
    result = runner.run(10**9, 3600.0, workers=workers, max_depth=depth)
    cpu = time.process_time() - cpu + children() - kids  # forked workers are counted too
    return {
        "states": result.states,
        "explored": result.explored,
        "steps": result.steps,
        "wall": time.perf_counter() - wall,
        "cpu": cpu,
    }


def search_table(world, depth: int) -> str:
    """Old and new search configurations on the same world, to the same depth, in one run."""
    rows = [(label, measure_search(world, depth, free, n)) for label, free, n in CONFIGS]
    base = rows[0][1]
    head = (
        f"{'search to depth ' + str(depth):<24}{'states':>9}{'explored':>10}{'wall s':>8}"
        f"{'cpu s':>8}{'explored/cpu-s':>16}{'time vs before':>18}"
    )
    lines = [head, "-" * len(head)]
    for label, r in rows:
        rate = r["explored"] / r["cpu"] if r["cpu"] > 0 else 0.0
        lines.append(
            f"{label:<24}{r['states']:>9,}{r['explored']:>10,}{r['wall']:>8.1f}{r['cpu']:>8.1f}"
            f"{rate:>16,.0f}{base['wall'] / max(r['wall'], 1e-9):>17.1f}x"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run on small worlds")
    args = parser.parse_args(argv)
    sizes = [100, 400] if args.quick else [1_000, 10_000]
    max_states = 2_000 if args.quick else 20_000
    seconds = 2.0 if args.quick else 30.0
    rows = []
    tutorial = ROOT / "tests" / "worlds" / "authoring" / "tutorial"
    rows.append(measure("tutorial", [tutorial], max_states, seconds))
    shipped = ROOT / "world"
    if any(shipped.glob("*.yaml")):
        try:
            rows.append(measure("shipped world", [shipped], max_states * 5, seconds * 2))
        except Exception as error:  # a world mid-edit should not stop the bench
            print(f"shipped world skipped: {error}".splitlines()[0], file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = generate(size, Path(tmp) / f"w{size}")
            merge_fragments(folder)
            rows.append(measure(f"generated {size:,}", [folder], max_states, seconds))
    print(table(rows))
    if any(shipped.glob("*.yaml")):
        try:
            world = load_world([shipped])
        except Exception as error:  # a world mid-edit should not stop the bench
            print(f"search table skipped: {error}".splitlines()[0], file=sys.stderr)
        else:
            print()
            print(search_table(world, 4 if args.quick else 7))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
