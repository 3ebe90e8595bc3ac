"""The castle parser probes (bench/peers/probes.txt): Hyosan handles at least as many as Inform 6."""

from __future__ import annotations

import sys

from conftest import TESTS, world_at

from game.engine import new_game, step

ROOT = TESTS.parent
sys.path.insert(0, str(ROOT / "bench"))
import bench_parity  # noqa: E402

# measured with bench/bench_parity.py: dfrotz on inform/bench.inf handles 96 of the 100 probes
INFORM_HANDLED = 96


def test_probes_handled_at_least_as_often_as_inform():
    """Played through the engine in order, at least as many probes are answered as Inform answers."""
    world = world_at(ROOT / "bench" / "peers" / "castle")
    state, _ = new_game(world, 1)
    missed = []
    for command in bench_parity.probes():
        turn = step(world, state, command)
        state = turn.state
        if not (bench_parity.handled(turn.text) or turn.requests):
            missed.append((command, turn.text[:60]))
    handled = len(bench_parity.probes()) - len(missed)
    assert len(bench_parity.probes()) >= 60
    assert handled >= INFORM_HANDLED, missed
