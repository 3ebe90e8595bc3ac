"""TUI benchmarks: cold start to first frame (vs a minimal RichLog + Input app), key press to
updated frame, and per-turn time and memory with 0, 10,000 and 100,000 paragraphs of story.

Prints a table. `--quick` runs a small smoke version for CI. Frames are measured headless with
the terminal encoding of each update included (what a real terminal would be sent).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEST_WORLD = ROOT / "tests" / "snapshots" / "world"
SIZE = (120, 40)
WORDS = (
    "ash wire siren concrete stairwell radio signal dark corridor blood vines roof "
    "wall checkpoint soldier tunnel whisper teeth light glass door key breath cold"
).split()
KINDS = ("title", "description", "message", "dialogue", "event", "warning", "command")
TARGET_START_RATIO = 1.2
TARGET_TURN_MS = 16.0
TARGET_MIB = 100.0


# -- cold start (runs in a child process) ---------------------------------------------------


def child(which: str) -> None:
    """Start one app headless and print the seconds from process start to its first frame."""
    from textual.app import App

    started = float(os.environ["BENCH_T0"])
    if which == "minimal":
        from textual.widgets import Input, RichLog

        class Minimal(App):
            def compose(self):
                yield RichLog()
                yield Input()

        app: App = Minimal()
    else:
        from game.tui.config import TuiConfig
        from game.tui.run import make_app

        app = make_app(TuiConfig(world_dirs=(TEST_WORLD,), saves_dir=Path(tempfile.mkdtemp())))
    original = app._display

    def display(screen, renderable):
        original(screen, renderable)
        if renderable is not None:
            renderable.render_segments(app.console) if hasattr(
                renderable, "render_segments"
            ) else None
            print(f"{time.time() - started:.6f}", flush=True)
            os._exit(0)

    app._display = display
    app.run(headless=True, size=SIZE)


def cold_start(runs: int) -> tuple[float, float]:
    """Median seconds to first frame: (hyosan, minimal), runs interleaved."""
    times: dict[str, list[float]] = {"hyosan": [], "minimal": []}
    for _ in range(runs):
        for which in times:
            env = {**os.environ, "BENCH_T0": f"{time.time():.6f}"}
            out = subprocess.run(
                [sys.executable, __file__, "--child", which],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
                check=True,
            )
            times[which].append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times["hyosan"]), statistics.median(times["minimal"])


# -- in-process measurements ----------------------------------------------------------------


def paragraphs(count: int) -> list[tuple[str, str]]:
    """A deterministic story of `count` paragraphs of 8–80 words."""
    out = []
    for i in range(count):
        n = 8 + (i * 37) % 73
        text = " ".join(WORDS[(i + j * 7) % len(WORDS)] for j in range(n)).capitalize() + "."
        out.append((KINDS[i % len(KINDS)], text))
    return out


def rss_mib() -> float:
    """Resident memory of this process now, in MiB."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


class FrameClock:
    """Records when frames reach the (headless) terminal, terminal encoding included."""

    def __init__(self, app) -> None:
        self.app = app
        self.frames: list[float] = []
        self.arrived = asyncio.Event()
        self._original = app._display
        app._display = self._display

    def _display(self, screen, renderable) -> None:
        """Draw, encode as a terminal would be sent it, and note the time."""
        self._original(screen, renderable)
        if renderable is not None:
            if hasattr(renderable, "render_segments"):
                renderable.render_segments(self.app.console)
            self.frames.append(time.perf_counter())
            self.arrived.set()

    async def key_to_frame(self, key: str, char: str | None, ready=lambda: True) -> float:
        """Seconds from sending a key event to the first frame after `ready()` holds."""
        from textual import events

        self.arrived.clear()
        self.frames.clear()
        event = events.Key(key, char)
        event.set_sender(self.app)
        t0 = time.perf_counter()
        self.app._driver.send_message(event)
        while True:
            await asyncio.wait_for(self.arrived.wait(), timeout=10)
            self.arrived.clear()
            if ready():
                return self.frames[-1] - t0


def bench_app(world):
    """The app on the bench world, in a fresh save folder."""
    from game.tui.config import TuiConfig
    from game.tui.run import make_app

    config = TuiConfig(
        world_dirs=(TEST_WORLD,), saves_dir=Path(tempfile.mkdtemp()), seed=1, cursor_blink=False
    )
    return make_app(config, world)


async def measure_turns(prefill: int, turns: int) -> dict[str, float]:
    """Per-turn time (enter to the frame showing the answer) and memory with `prefill` paragraphs."""
    from game.model import load_world
    from game.tui.widgets.story import StoryView

    app = bench_app(load_world([TEST_WORLD]))
    clock = FrameClock(app)
    result: dict[str, float] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        play = app.screen
        story = play.query_one(StoryView)
        gc.collect()
        before = rss_mib()
        story_data = paragraphs(prefill)
        t0 = time.perf_counter()
        story.append(story_data)
        del story_data
        await pilot.pause()
        result["fill_s"] = time.perf_counter() - t0
        gc.collect()
        result["mib"] = rss_mib() - before
        field = play.query_one("#command")
        latencies = []
        for i in range(turns):
            field.value = ("w", "e", "look", "i")[i % 4]
            await pilot.pause()
            count = story.paragraph_count
            latencies.append(
                await clock.key_to_frame(
                    "enter", "\r", lambda count=count: story.paragraph_count > count
                )
            )
            await pilot.pause()
        latencies.sort()
        result["turn_ms"] = statistics.median(latencies) * 1000
        result["p95_ms"] = latencies[max(0, int(len(latencies) * 0.95) - 1)] * 1000
        result["lines"] = story.line_count
    return result


async def measure_richlog_turns(prefill: int, turns: int) -> float:
    """Reference: median ms from enter to frame in a bare RichLog + Input app writing a paragraph."""
    from textual.app import App
    from textual.widgets import Input, RichLog

    class Reference(App):
        def compose(self):
            yield RichLog(wrap=True)
            yield Input()

        def on_input_submitted(self, event: Input.Submitted) -> None:
            log = self.query_one(RichLog)
            log.write(f"> {event.value}")
            for _kind, text in paragraphs(3):
                log.write(text)
            event.input.value = ""

    app = Reference()
    clock = FrameClock(app)
    latencies = []
    async with app.run_test(size=SIZE) as pilot:
        log = app.query_one(RichLog)
        for _, text in paragraphs(prefill):
            log.write(text)
        await pilot.pause()
        field = app.query_one(Input)
        field.focus()
        for i in range(turns):
            field.value = ("w", "e", "look", "i")[i % 4]
            await pilot.pause()
            lines = len(log.lines)
            latencies.append(
                await clock.key_to_frame("enter", "\r", lambda lines=lines: len(log.lines) > lines)
            )
            await pilot.pause()
    return statistics.median(latencies) * 1000


async def measure_keypress(presses: int) -> float:
    """Median ms from a printable key press in the command line to the frame that shows it."""
    from game.model import load_world

    app = bench_app(load_world([TEST_WORLD]))
    clock = FrameClock(app)
    latencies = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        field = app.focused
        for i in range(presses):
            await pilot.pause()
            char = "abcdefgh"[i % 8]
            length = len(field.value)
            latencies.append(
                await clock.key_to_frame(
                    char, char, lambda length=length: len(field.value) > length
                )
            )
            if i % 8 == 7:
                field.value = ""
    return statistics.median(latencies) * 1000


def main() -> int:
    """Run everything and print the table; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small smoke run for CI")
    parser.add_argument("--child", choices=["hyosan", "minimal"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    runs = 3 if args.quick else 9
    turns = 8 if args.quick else 40
    sizes = (0, 10_000) if args.quick else (0, 10_000, 100_000)

    hyosan, minimal = cold_start(runs)
    ratio = hyosan / minimal
    key_ms = asyncio.run(measure_keypress(8 if args.quick else 40))
    rows = [
        (
            "cold start to first frame",
            f"{hyosan * 1000:.0f} ms",
            f"minimal app {minimal * 1000:.0f} ms",
        ),
        ("  ratio to minimal", f"{ratio:.2f}×", f"target ≤ {TARGET_START_RATIO}×"),
        ("key press to updated frame", f"{key_ms:.1f} ms", "median, typing in the command line"),
    ]
    failed = ratio > TARGET_START_RATIO
    reference = asyncio.run(measure_richlog_turns(0, turns))
    rows.append(
        (
            "reference: RichLog app turn",
            f"{reference:.1f} ms",
            "bare RichLog + Input, same machine, same run",
        )
    )
    for prefill in sizes:
        res = asyncio.run(measure_turns(prefill, turns))
        rows.append(
            (
                f"turn with {prefill:,} paragraphs",
                f"{res['turn_ms']:.1f} ms",
                f"p95 {res['p95_ms']:.1f} ms; story {res['lines']:,} lines; filled in {res['fill_s']:.2f} s",
            )
        )
        rows.append(
            (
                f"  memory for {prefill:,} paragraphs",
                f"+{res['mib']:.1f} MiB",
                f"target ≤ +{TARGET_MIB:.0f} MiB",
            )
        )
        failed |= res["turn_ms"] > TARGET_TURN_MS or res["mib"] > TARGET_MIB
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>12}  note")
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>12}  {note}")
    print(
        f"per-turn target ≤ {TARGET_TURN_MS:.0f} ms (median, command to frame, autosave included)"
    )
    if failed:
        print("MISSED a target")
    return 1 if failed and not args.quick else 0


if __name__ == "__main__":
    raise SystemExit(main())
