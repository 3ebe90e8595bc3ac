"""The winnability search: endings with shortest paths, softlocks with the path into them."""

from __future__ import annotations

from pathlib import Path

from game.authoring.winnable import search
from game.cli import main
from game.model import load_world

WORLDS = Path(__file__).resolve().parent / "worlds" / "authoring"


def world(name: str):
    """A purpose-built world."""
    return load_world([WORLDS / name])


def test_tutorial_is_winnable_with_the_shortest_path():
    """The tutorial world's only ending is found with its shortest command path."""
    result = search(world("tutorial"))
    assert result.complete and result.winnable
    # the world's own test leads the way, so its wording is used where it is as short
    assert result.endings["water_again"] == (
        "talk to mrs oh",
        "1",
        "unlock door with brass key",
        "north",
        "pull lever",
    )
    assert result.softlocks == ()


def test_softlock_is_reported_with_the_path_into_it():
    """Burning the only plank strands the player; the search names the exact commands."""
    result = search(world("softlock"))
    assert result.complete and result.winnable
    (lock,) = result.softlocks
    assert lock.path == ("west", "take plank", "east", "use plank on stove")
    assert lock.room == "shed"
    assert result.endings["out"] == ("west", "take plank", "east", "north")


def test_dead_end_room_is_a_softlock():
    """Walking into a room with no way out (and no ending) is a softlock."""
    result = search(world("no_way_back"))
    assert [lock.path for lock in result.softlocks] == [("north",)]


def test_unwinnable_world_is_proven_unwinnable():
    """A lever that only works before an alarm that entering its room sets: no ending at all."""
    result = search(world("unwinnable"))
    assert result.complete
    assert not result.winnable
    assert result.endings == {}


def test_bound_is_reported_honestly():
    """A search cut short says so and claims no softlocks."""
    result = search(world("softlock"), max_states=3)
    assert not result.complete
    assert result.stopped_by == "max-states"
    assert result.softlocks == ()


def test_time_bound_is_reported_honestly():
    """A zero-second budget stops the search at once, and says it was the time."""
    result = search(world("tutorial"), seconds=0.0)
    assert not result.complete and result.stopped_by == "seconds"


def test_death_does_not_count_as_a_win(tmp_path):
    """A world whose only reachable ending is a death is unwinnable when a victory exists."""
    (tmp_path / "w.yaml").write_text(
        """
game: {title: T}
player: {start: hall}
endings:
  dead: {title: Dead, kind: death}
  won: {title: Won, kind: victory}
rooms:
  hall:
    name: Hall
    description: A trapdoor.
    on:
      jump: {say: You fall., do: [{end: dead}]}
"""
    )
    result = search(load_world([tmp_path]))
    assert result.complete and not result.winnable
    assert "dead" in result.endings


def test_check_prints_the_softlock_path_and_fails(capsys):
    """`hyosan check` on the softlock world exits 1 and prints the path with file:line."""
    code = main(["check", "--world", str(WORLDS / "softlock")])
    out = capsys.readouterr().out
    assert code == 1
    assert "softlock: after `west. take plank. east. use plank on stove`" in out
    assert "softlock/world.yaml:8:" in out
    *_, summary, last = out.strip().splitlines()
    assert summary.startswith("world: 3 rooms, 2 items")
    assert last.startswith("search: complete,") and last.endswith("1 softlock")


def test_check_exits_2_when_a_bound_stops_it(capsys):
    """A search cut short proves nothing: exit 2, and the last line says what was not covered."""
    code = main(["check", "--max-states", "3", "--world", str(WORLDS / "tutorial")])
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert code == 2
    assert last.startswith("search: stopped by --max-states after ")
    assert "; explored every state up to depth " in last or "starting states" in last
    assert "; not yet explored: " in last


def test_prove_runs_to_completion(capsys):
    """`check --prove` has no bounds: it finishes and exits 0 on a winnable world."""
    assert main(["check", "--prove", "--max-states", "3", "--world", str(WORLDS / "tutorial")]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("search: complete, ")


def test_check_fails_an_unwinnable_world(capsys):
    """`hyosan check` exits 1 when no winning ending is reachable."""
    assert main(["check", "--world", str(WORLDS / "unwinnable")]) == 1
    assert "the game cannot be won" in capsys.readouterr().out


def test_check_passes_the_tutorial_with_the_summary_line(capsys):
    """A clean world exits 0 with the summary line and its shortest winning path."""
    assert main(["check", "--world", str(WORLDS / "tutorial")]) == 0
    out = capsys.readouterr().out
    assert "ending 'water_again' (victory) in 5 commands" in out
    assert out.strip().splitlines()[-2:] == [
        "world: 2 rooms, 3 items, 1 character, 1 event, 1 ending — no errors",
        "search: complete, 22 states, 1 ending reachable, 0 softlocks",
    ]


def test_check_quick_skips_the_analysis(capsys):
    """--quick validates only: no search, no findings."""
    assert main(["check", "--quick", "--world", str(WORLDS / "softlock")]) == 0
    out = capsys.readouterr().out
    assert "winnability" not in out and "softlock" not in out


def test_check_reports_load_errors_and_fails(tmp_path, capsys):
    """A broken world prints each error with file:line and exits 1."""
    (tmp_path / "w.yaml").write_text("player: {start: nowhere_room}\n")
    assert main(["check", "--world", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "w.yaml:1:" in out and "nowhere_room" in out
    assert out.strip().splitlines()[-1].startswith("world: ")


def test_coverage_reports_the_text_the_search_never_showed(capsys):
    """--coverage lists the unreachable room's description with its file:line, and the share."""
    assert main(["check", "--coverage", "--world", str(WORLDS / "unreachable_room")]) == 0
    out = capsys.readouterr().out
    assert "coverage: 3 of 4 texts reached (75.0%)" in out
    assert "unreachable_room/world.yaml:16:5: never shown (room:attic): Nobody has been" in out


def test_engine_failure_is_reported_with_its_path(monkeypatch):
    """If the engine raises on a command, the search names the path and carries on."""
    import game.authoring.winnable as winnable

    real_step = winnable.step

    def flaky(world_, state, command):
        if command.startswith("use"):
            raise RuntimeError("boom")
        return real_step(world_, state, command)

    monkeypatch.setattr(winnable, "step", flaky)
    result = search(world("softlock"))
    assert result.crashes
    path, error = result.crashes[0]
    assert path[-1] == "use plank on stove" and error == "RuntimeError: boom"
    assert result.winnable


def test_progress_line_is_written_for_long_searches():
    """The progress callback stays quiet for short searches and reports long ones on stderr."""
    import io

    from game.authoring.commands import ProgressLine
    from game.authoring.winnable import Snapshot

    err = io.StringIO()
    progress = ProgressLine(err)
    progress(Snapshot(10, 5, 1, 2, 4, 0.5))
    assert err.getvalue() == ""
    progress(Snapshot(12_000, 6_000, 9, 1_000, 5_000, 6.0))
    assert (
        "searching: 12,000 states seen, depth 9: 1,000 of 5,000 explored, "
        "exploring 1,000 states/s, 6 s, "
        "depth 9 done in about 4 s"
    ) in err.getvalue()


def test_growing_counter_does_not_make_the_search_endless(tmp_path):
    """A counter that grows on every ask is clamped at the highest threshold any condition uses."""
    (tmp_path / "w.yaml").write_text(
        """
game: {title: T}
player: {start: hall}
endings:
  won: {title: Won, kind: victory}
rooms:
  hall:
    name: Hall
    description: A parrot on a perch.
    exits:
      north: {to: yard, when: {at_least: {asked: 3}}, refuse: The parrot blocks the door.}
  yard:
    name: Yard
    description: Free.
    exits: {south: hall}
characters:
  parrot:
    name: parrot
    location: hall
    topics:
      door:
        words: [door]
        reply: '"Again," it says.'
        do: [{add: {asked: 1}}]
events:
  out: {on: {enter: yard}, do: [{end: won}]}
"""
    )
    result = search(load_world([tmp_path]), max_states=1_000)
    assert result.complete and result.winnable
    assert len(result.endings["won"]) == 4


def test_bounded_search_still_proves_softlocks_it_has_fully_seen(tmp_path):
    """A trapdoor next to the start is a proven softlock even when the bound stops the search."""
    corridor = "\n".join(
        f"  c{i}: {{name: Corridor {i}, description: Long., exits: {{east: c{i + 1}, west: c{i - 1}}}}}"
        for i in range(1, 9)
    )
    (tmp_path / "w.yaml").write_text(
        f"""
game: {{title: T}}
player: {{start: c0}}
endings:
  won: {{title: Won, kind: victory}}
rooms:
  c0:
    name: Hall
    description: A trapdoor in the floor.
    exits: {{east: c1}}
    on:
      jump: {{say: The trapdoor gives way., do: [{{move_player: pit}}]}}
{corridor}
  c9: {{name: Exit, description: Daylight., exits: {{west: c8}}}}
  pit: {{name: Pit, description: Smooth walls all round.}}
events:
  out: {{on: {{enter: c9}}, do: [{{end: won}}]}}
"""
    )
    result = search(load_world([tmp_path]), max_states=5)
    assert not result.complete
    assert [lock.path for lock in result.softlocks] == [("jump",)]


def test_walkthroughs_lead_the_search_past_its_bound(tmp_path):
    """With a bound too small to find the ending, the world's own test still leads to it."""
    corridor = "\n".join(
        f"  c{i}: {{name: Corridor {i}, description: Long., exits: {{east: c{i + 1}, west: c{i - 1}}}}}"
        for i in range(1, 30)
    )
    (tmp_path / "w.yaml").write_text(
        f"""
game: {{title: T}}
player: {{start: c0}}
endings:
  won: {{title: Won, kind: victory}}
rooms:
  c0: {{name: Hall, description: East., exits: {{east: c1}}}}
{corridor}
  c30: {{name: Exit, description: Daylight., exits: {{west: c29}}}}
events:
  out: {{on: {{enter: c30}}, do: [{{end: won}}]}}
tests:
  walk: {{commands: [{", ".join(["east"] * 30)}], expect: {{ending: won}}}}
"""
    )
    result = search(load_world([tmp_path]), max_states=10)
    assert not result.complete
    assert result.endings["won"] == ("east",) * 30


def test_shipped_world_reaches_every_ending_without_proven_softlocks():
    """The shipped world: every ending is reachable and a short search proves no softlock."""
    import pytest

    from game.model import WorldError

    try:
        shipped = load_world([Path(__file__).resolve().parents[1] / "world"])
    except WorldError:
        pytest.skip("the shipped world does not load yet")
    result = search(shipped, max_states=500)
    assert set(result.endings) == set(shipped.endings)
    assert result.softlocks == () and result.crashes == ()


def test_a_finished_search_is_reused_until_the_world_changes(tmp_path, capsys, monkeypatch):
    """The second check of an unchanged world reuses the result; an edit searches again."""
    import shutil

    import game.authoring.winnable as winnable

    folder = tmp_path / "w"
    shutil.copytree(WORLDS / "softlock", folder)
    assert main(["check", "--world", str(folder)]) == 1
    first = capsys.readouterr()
    calls = []
    real = winnable.Search.run
    monkeypatch.setattr(winnable.Search, "run", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert main(["check", "--world", str(folder)]) == 1
    second = capsys.readouterr()
    assert calls == [] and "reused" in second.err
    assert second.out == first.out  # the same softlock, paths and counts
    (folder / "world.yaml").write_text(  # prose only: the finished search still holds
        (folder / "world.yaml").read_text().replace("description:", "description: Edited.", 1)
    )
    main(["check", "--world", str(folder)])
    assert calls == [] and "reused" in capsys.readouterr().err
    (folder / "world.yaml").write_text(  # a puzzle edit: the plank lies elsewhere now
        (folder / "world.yaml").read_text().replace("location: woodpile", "location: shed", 1)
    )
    main(["check", "--world", str(folder)])
    assert calls == [1]
