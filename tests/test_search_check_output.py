"""`hyosan check`'s search as a stranger meets it: interrupts, bounds, long paths, advice."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

import game.authoring.winnable as winnable
from game.authoring.winnable import Stop, search
from game.cli import main
from game.model import load_world

WORLDS = Path(__file__).resolve().parent / "worlds" / "authoring"
TUTORIAL = str(WORLDS / "tutorial")


@pytest.fixture(autouse=True)
def _no_cache(tmp_path, monkeypatch):
    """Every check searches afresh (no result kept from an earlier run)."""
    monkeypatch.setenv("HYOSAN_CACHE", str(tmp_path / "cache"))


def _write(tmp_path: Path, text: str) -> str:
    """Write a one-file world; its folder."""
    folder = tmp_path / "world"
    folder.mkdir(exist_ok=True)
    (folder / "w.yaml").write_text(text, encoding="utf-8")
    return str(folder)


def _signal_after(monkeypatch, signum: int, steps: int) -> None:
    """Make the engine raise a real signal in this process after a number of commands."""
    real_step = winnable.step
    calls = {"n": 0}

    def step(world, state, command):
        calls["n"] += 1
        if calls["n"] == steps:
            signal.raise_signal(signum)
        return real_step(world, state, command)

    monkeypatch.setattr(winnable, "step", step)


@pytest.mark.parametrize(
    ("signum", "said"),
    [(signal.SIGINT, "interrupted (Ctrl-C)"), (signal.SIGTERM, "stopped by SIGTERM")],
)
def test_interrupted_prove_prints_what_it_found_and_exits_2(monkeypatch, capsys, signum, said):
    """Ctrl-C or SIGTERM ends `check --prove` early, with the partial result and exit 2."""
    _signal_after(monkeypatch, signum, 12)  # after the tutorial's own test, mid-search
    code = main(["check", "--prove", "--world", TUTORIAL])
    out = capsys.readouterr().out
    assert code == 2
    assert "ending 'water_again' (victory) in " in out  # found by the walkthrough, with its path
    assert f"the search was {said} before seeing every state" in out
    assert "no softlocks found in the explored part" in out
    last = out.strip().splitlines()[-1]
    assert last.startswith(f"search: {said} after ")
    assert "1 ending reachable, 0 softlocks found; " in last
    assert "; not yet explored: " in last
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # handlers restored


def test_a_stop_reason_ends_the_search_before_its_next_state():
    """The API: a Stop given a reason ends the search; nothing is claimed complete."""
    stop = Stop("SIGINT")
    result = search(load_world([WORLDS / "softlock"]), stop=stop)
    assert not result.complete and result.stopped_by == "SIGINT"
    assert result.softlocks == ()
    assert result.frontier > 0


def test_bounded_summary_counts_depth_breadth_first(tmp_path, capsys):
    """A bounded search says how deep it explored everything and what waits below, plainly."""
    rooms = "".join(
        f"  r{n}: {{name: R{n}, description: A room., exits: {{east: r{n + 1}, west: r{n - 1}}}}}\n"
        for n in range(1, 8)
    )
    folder = _write(
        tmp_path,
        "game: {title: T}\nplayer: {start: r0}\nendings:\n  won: {title: Won}\nrooms:\n"
        "  r0: {name: R0, description: A room., exits: {east: r1}}\n"
        + rooms
        + "  r8: {name: R8, description: A room., exits: {west: r7}}\n"
        "events:\n  out: {on: {enter: r8}, do: [{end: won}]}\n",
    )
    code = main(["check", "--max-states", "4", "--world", folder])
    out = capsys.readouterr().out
    last = out.strip().splitlines()[-1]
    assert code == 2
    # r0..r3 are seen; r0..r2 explored (depths 0-2); r3 at depth 3 waits
    assert "search: stopped by --max-states after 4 states, 0 endings reachable" in last
    assert "; explored every state up to depth 2; not yet explored: 1 state at depth 3" in last
    assert "  explored every state up to depth 2 (depth: commands from the start)" in out


def test_long_runs_of_one_command_are_written_once_with_a_count(tmp_path, capsys):
    """A path of six WAITs prints as `wait ×6`; the count of commands stays the real one."""
    folder = _write(
        tmp_path,
        "game: {title: T}\nplayer: {start: hall}\n"
        "rooms:\n  hall: {name: Hall, description: A hall.}\n"
        "endings:\n  won: {title: Won, kind: victory}\n"
        "events:\n  bus: {on: {turn: 6}, do: [{end: won}]}\n",
    )
    assert main(["check", "--world", folder]) == 0
    assert "ending 'won' (victory) in 6 commands: wait ×6\n" in capsys.readouterr().out


def test_short_repeats_stay_as_typed():
    """Two of the same command in a row are written out; three or more are counted."""
    from game.authoring.report import _path

    assert _path(("n", "n", "e", "e", "e", "take key")) == "n. n. e ×3. take key"
    assert _path(()) == "(at the start)"
