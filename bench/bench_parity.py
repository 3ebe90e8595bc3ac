"""Parser parity: the castle probes through dfrotz (Inform 6) and `hyosan --plain`, side by side.

Usage: python bench/bench_parity.py [--quick] [--show]
Each probe (bench/peers/probes.txt, one command a line, played in order from a new game) counts
as handled when its reply is not a parser failure. Needs `inform6` and `dfrotz` (Debian
`inform6-compiler`, `inform6-library`, `frotz`) for the Inform column; without them (and with
--quick) only the Hyosan column is measured.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT / "bench" / "peers"
PROBES = PEERS / "probes.txt"
CASTLE = PEERS / "castle"
INFORM = PEERS / "inform"
DFROTZ = shutil.which("dfrotz") or (
    "/usr/games/dfrotz" if Path("/usr/games/dfrotz").exists() else ""
)
TIMEOUT = 120

# replies that mean the parser did not understand (Inform 6's and Hyosan's wording)
FAILURES = (
    "I don't know the word",
    "not a verb I recognise",
    "I only understood you as far as",
    "You can't see any such thing",
    "I didn't understand",
    "I beg your pardon",
    "You seem to want to talk to someone",
    "What do you want to do with the",
    "That's not something you need to worry about",
)


def probes() -> list[str]:
    """The probe commands, in order."""
    lines = PROBES.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def handled(reply: str) -> bool:
    """Whether a reply is a real answer rather than a parser failure."""
    return bool(reply.strip()) and not any(f in reply for f in FAILURES)


def hyosan_replies(commands: list[str]) -> list[str]:
    """The reply to each command through `hyosan --plain` (one process, one game)."""
    with tempfile.TemporaryDirectory() as saves:
        run = subprocess.run(
            [sys.executable, "-m", "game", "--plain", "--world", str(CASTLE), "--saves", saves],
            input="\n".join(commands) + "\n",
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            cwd=ROOT,
        )
    chunks = run.stdout.split("\n> ")[1:]
    replies = []
    for chunk in chunks:
        lines = chunk.splitlines()[1:]  # the echoed command first
        kept = [x for x in lines if not (x.startswith("[") and "Turn " in x and x.endswith("]"))]
        replies.append("\n".join(kept).strip())
    return (replies + [""] * len(commands))[: len(commands)]


def compile_inform(out: Path) -> Path | None:
    """The castle compiled to a story file, or None without the Inform tools."""
    if not DFROTZ or not shutil.which("inform6"):
        return None
    story = out / "bench.z5"
    subprocess.run(
        ["inform6", "-v5", "bench.inf", str(story)],
        cwd=INFORM,
        capture_output=True,
        timeout=TIMEOUT,
        check=True,
    )
    return story


def inform_replies(story: Path, commands: list[str]) -> list[str]:
    """The reply to each command through dfrotz."""
    run = subprocess.run(
        [DFROTZ, "-m", "-q", str(story)],
        input="\n".join([*commands, "", ""]) + "\n",
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    chunks = run.stdout.split("\n>")[1:]
    replies = [chunk.strip() for chunk in chunks]
    return (replies + [""] * len(commands))[: len(commands)]


def main(argv: list[str] | None = None) -> int:
    """Print the parity table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="Hyosan only (for CI)")
    parser.add_argument("--show", action="store_true", help="list the probes one side misses")
    args = parser.parse_args(argv)
    commands = probes()
    ours = hyosan_replies(commands)
    theirs: list[str] | None = None
    if not args.quick:
        with tempfile.TemporaryDirectory() as tmp:
            story = compile_inform(Path(tmp))
            if story is not None:
                theirs = inform_replies(story, commands)
    ours_ok = sum(handled(r) for r in ours)
    print(f"parser parity: {len(commands)} castle probes (bench/peers/probes.txt)")
    print(f"{'system':<22}{'handled':>9}{'of':>5}")
    print(f"{'hyosan --plain':<22}{ours_ok:>9}{len(commands):>5}")
    if theirs is None:
        print("inform 6 (dfrotz)        not measured (no inform6/dfrotz, or --quick)")
        return 0
    theirs_ok = sum(handled(r) for r in theirs)
    print(f"{'inform 6 (dfrotz)':<22}{theirs_ok:>9}{len(commands):>5}")
    ratio = ours_ok / theirs_ok if theirs_ok else float("inf")
    print(f"ratio hyosan/inform: {ratio:.2f}")
    if args.show:
        for command, mine, peer in zip(commands, ours, theirs, strict=True):
            if handled(mine) != handled(peer):
                who = "hyosan misses" if handled(peer) else "inform misses"
                print(f"  {who}: {command!r}: {(mine if handled(peer) else peer)[:70]!r}")
    return 0 if ours_ok >= theirs_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
