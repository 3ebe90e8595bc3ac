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


CULVERT = """
game: {title: T%(winning)s}
player: {start: cage, inventory: [torch]}
endings:
  won: {title: Won, kind: victory}
  walked_away: {title: Walked Away, kind: bittersweet}
events:
  out: {on: {enter: goal}, do: [{end: won}]}
  away: {on: {enter: road}, do: [{end: walked_away}]}
rooms:
  cage:
    name: Cage
    description: A grate in the floor. A road south.
    exits: {down: culvert, south: road}
  culvert:
    name: Culvert
    dark: true
    description: Water runs north.
    exits:
      up: cage
      north: {to: goal, when: {is_lit: torch}, refuse: You can't find the way in the dark.}
  goal: {name: Goal, description: Out.}
  road: {name: Road, description: The road away.}
items:
  torch: {name: torch, description: A torch., light: {lit: false}}
"""


def _culvert(tmp_path: Path, winning: str = "") -> str:
    """The issue's case in small: the torch dropped in the dark leaves only walking away."""
    return _write(tmp_path, CULVERT % {"winning": winning})


def test_by_default_any_ending_but_death_wins(tmp_path):
    """Walking away is still a win by default, so dropping the torch is no softlock."""
    result = search(load_world([Path(_culvert(tmp_path))]))
    assert result.complete and result.softlocks == ()
    assert result.winning == {"won", "walked_away"}


def test_wins_makes_the_lost_victory_a_softlock(tmp_path):
    """Counting only victories, the dropped torch is a softlock, found with its path."""
    world = load_world([Path(_culvert(tmp_path))])
    result = search(world, wins=("victory",))
    assert result.complete and result.winning == {"won"}
    assert [lock.path for lock in result.softlocks] == [("down", "drop torch")]
    by_id = search(world, wins=("won",))  # ending ids work as well as kinds
    assert [lock.path for lock in by_id.softlocks] == [("down", "drop torch")]


def test_the_world_says_which_endings_win(tmp_path, capsys):
    """`game: winning: [victory]` turns the lost victory into a softlock `check` fails on."""
    folder = _culvert(tmp_path, ", winning: [victory]")
    assert main(["check", "--world", folder]) == 1
    out = capsys.readouterr().out
    assert "softlock: after `down. drop torch` no winning ending" in out
    assert "endings counted as winning (`game: winning:` or --win): won" in out
    assert out.strip().splitlines()[-1].endswith("1 softlock")


def test_win_flag_overrides_the_world(tmp_path, capsys):
    """`check --win victory` on the default world finds the softlock; a wrong kind is an error."""
    folder = _culvert(tmp_path)
    assert main(["check", "--world", folder]) == 0
    capsys.readouterr()
    assert main(["check", "--win", "victory", "--world", folder]) == 1
    assert "softlock: after `down. drop torch`" in capsys.readouterr().out
    assert main(["check", "--win", "triumph", "--world", folder]) == 1
    out = capsys.readouterr().out
    assert "--win: unknown ending kind or ending 'triumph'" in out
    assert "victory, bittersweet, tragic, death" in out


def test_winning_names_only_kinds_and_endings(tmp_path):
    """`winning: [triumph]` is a load error at its place, with the nearest known word."""
    from game.model.loader import read_world

    folder = _culvert(tmp_path, ", winning: [victroy]")
    _, problems = read_world([Path(folder)])
    errors = [str(p) for p in problems if p.severity == "error"]
    assert len(errors) == 1 and "unknown ending kind or ending 'victroy'" in errors[0]
    assert "w.yaml:2:" in errors[0] and "victory" in errors[0]


ADVICE = {
    "key_in_the_dark": "the iron key (the only key to the door) cannot be seen again once "
    "dropped in dark 'cellar': light the room, let the player find it by touch",
    "consumable": "`eat bread` uses up the bread, and something later still needs it",
    "one_way_past": "there is no way back from 'pit' to 'ledge'",
    "npc_takes_key": "Magpie keeps the key for good (it is the only key to the door): "
    "let the player get it back",
    "light_dropped_in_the_dark": "with the torch put down in dark 'culvert', nothing there can "
    "be seen any more, the torch included: give the room a light, or let the player find "
    "the torch in the dark",
}


@pytest.mark.parametrize("name", sorted(ADVICE))
def test_softlock_advice_fits_the_case(tmp_path, name):
    """Each planted kind of softlock gets advice naming its cause, not the general one."""
    import test_authoring_softlocks as planted

    from game.authoring.reach import Reach
    from game.authoring.report import search_findings

    text, path = getattr(planted, name)(1)
    world = load_world([Path(_write(tmp_path, text))])
    result = search(world)
    found = [f for f in search_findings(world, result, Reach(world)) if f.kind == "softlock"]
    assert [f"`{'. '.join(path)}`" in f.message for f in found] == [True]
    assert ADVICE[name] in found[0].fix


def test_general_advice_is_the_fallback(tmp_path):
    """A softlock no rule explains (here: a room with no way out) keeps the general advice."""
    from game.authoring.softcause import GENERAL, advice

    folder = _write(
        tmp_path,
        "game: {title: T}\nplayer: {start: a}\nendings:\n  won: {title: Won}\n"
        "rooms:\n  a: {name: A, description: A., exits: {east: b}}\n"
        "  b: {name: B, description: B., exits: {west: a}}\n",
    )
    world = load_world([Path(folder)])
    assert advice(world, ("wait",)) == GENERAL
    assert advice(world, ()) == GENERAL


def test_not_explored_counts_by_depth_with_rate_and_estimate():
    """The unexplored part, depth by depth, with the explore rate and the time to finish."""
    from game.authoring.report import not_explored, verdict_line
    from game.authoring.winnable import SearchResult

    result = SearchResult(
        states=40_000,
        steps=90_000,
        seconds=10.0,
        complete=False,
        stopped_by="seconds",
        endings={},
        softlocks=(),
        softlocked_states=0,
        winning=frozenset(),
        frontier=15_548,
        frontier_depth=94,
        frontier_by_depth=((94, 3_548), (95, 12_000)),
        explored=1_000,
        depth=93,
    )
    assert not_explored(result) == (
        "3,548 states at depth 94 and 12,000 at depth 95 "
        "(exploring 100 states/s, about 35 s more to finish depth 94)"
    )
    assert verdict_line(result).startswith(
        "search: stopped by --seconds after 40,000 states, 0 endings reachable, "
        "0 softlocks found; explored every state up to depth 93; not yet explored: 3,548"
    )


def test_the_issues_culvert_in_the_shipped_world(tmp_path):
    """The issue's own path: counting only victories, `drop flashlight` in the dark culvert is
    a softlock exactly when the flashlight cannot be taken back there."""
    from game.authoring.softcause import replay
    from game.engine.scope import carried

    world = load_world([Path(__file__).resolve().parent.parent / "world"])
    prefix = tuple(
        "open box. take key. n. e. unlock crate with key. open crate. take cutters. w. w. "
        "cut grate. down".split(". ")
    )
    _, after = replay(world, (*prefix, "drop flashlight", "take flashlight"))
    lost = not carried(world, after, "flashlight")
    result = search(world, max_states=60, prefix=prefix, wins=("victory",))
    paths = [lock.path for lock in result.softlocks]
    assert ((*prefix, "drop flashlight") in paths) == lost


def test_progress_estimate_uses_the_recent_rate():
    """A slow start (the walkthroughs) does not skew the estimate once a recent rate is known."""
    from game.authoring.winnable import Snapshot

    early = Snapshot(5_000, 100, 3, 40, 1_040, 10.0)
    assert early.rate == 10.0 and early.to_finish_depth == 100.0
    lately = Snapshot(5_000, 100, 3, 40, 1_040, 10.0, recent=50.0)
    assert lately.rate == 50.0 and lately.to_finish_depth == 20.0


def test_advice_for_a_light_switched_off_in_the_dark(tmp_path):
    """A lit torch put down in the dark and switched off there: the advice says switched off."""
    from game.authoring.softcause import advice

    folder = _write(tmp_path, (CULVERT % {"winning": ""}).replace("lit: false", "lit: true"))
    world = load_world([Path(folder)])
    said = advice(world, ("down", "drop torch", "switch off torch"))
    assert said.startswith("with the torch switched off in dark 'culvert', nothing there")


def test_advice_when_the_clock_runs_out(tmp_path):
    """Waiting past the last turn a win could come in: the advice is about the clock."""
    from game.authoring.softcause import advice

    folder = _write(
        tmp_path,
        (CULVERT % {"winning": ", winning: [victory]"}).replace(
            "events:\n", "events:\n  late: {on: {turn: 3}, do: [{end: walked_away}]}\n"
        ),
    )
    world = load_world([Path(folder)])
    assert advice(world, ("wait", "wait")).startswith(
        "the clock runs out: after turn 2 no winning ending can be reached"
    )


def test_progress_depth_only_grows_even_with_walkthrough_seeds(monkeypatch):
    """Breadth-first from the start and the tests' states: the reported depth never goes back."""
    import itertools

    clock = itertools.count(0.0, 1.0)  # a fake clock: every look at it is a second later
    monkeypatch.setattr(winnable.time, "monotonic", lambda: next(clock))
    seen = []
    result = search(load_world([WORLDS / "tutorial"]), seconds=float("inf"), progress=seen.append)
    assert result.complete and result.seeds > 1  # the tutorial's own test seeds the search
    depths = [s.depth for s in seen]
    assert depths == sorted(depths) and depths[-1] > 0
    assert all(0 <= s.done_at_depth < s.at_depth for s in seen)  # reported before each state
