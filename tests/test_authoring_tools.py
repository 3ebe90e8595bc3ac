"""`hyosan map`, `hyosan test`, live reload, and layered expansion folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.authoring.mapping import dot_map, mermaid_map, text_map
from game.authoring.reload import reload_world
from game.authoring.worldtests import run_all
from game.cli import main
from game.engine import new_game, step
from game.model import WorldError, load_world
from game.model.record import evolve

WORLDS = Path(__file__).resolve().parent / "worlds" / "authoring"
TUTORIAL = WORLDS / "tutorial"


def play(world, commands):
    """The state after typing the commands into a new game."""
    state, _ = new_game(world, 1)
    for command in commands:
        state = step(world, state, command).state
    return state


# -- map ---------------------------------------------------------------------------------


def test_text_map_marks_locked_and_one_way_exits():
    """The text map lists rooms by region with locked doors and one-way exits marked."""
    text = text_map(load_world([WORLDS / "no_way_back"]))
    assert "Hall [hall]  (start)" in text
    assert "down      -> Cellar [cellar]  [one-way]" in text
    assert "north     -> Landing [landing]  [one-way]" in text
    tutorial = text_map(load_world([TUTORIAL]))
    assert "== Pump Station ==" in tutorial
    assert "[door: steel door, locked]" in tutorial


def test_dot_and_mermaid_maps_group_by_region():
    """dot and Mermaid output have one cluster per region and style locked exits."""
    world = load_world([TUTORIAL])
    dot = dot_map(world)
    assert dot.startswith("digraph world {") and 'label="Pump Station"' in dot
    assert 'pump_yard -> pump_house [label="north (locked)", style=dashed, color=red];' in dot
    mermaid = mermaid_map(world)
    assert mermaid.startswith("flowchart LR")
    assert 'pump_yard -.->|"north (locked)"| pump_house' in mermaid


def test_map_command_prints_and_refuses_broken_worlds(tmp_path, capsys):
    """`hyosan map` prints the map; a broken world gives the errors and exit 1."""
    assert main(["map", "--world", str(TUTORIAL), "--format", "mermaid"]) == 0
    assert "subgraph" in capsys.readouterr().out
    (tmp_path / "w.yaml").write_text("rooms: {}\n")
    assert main(["map", "--world", str(tmp_path)]) == 1
    assert "hyosan check" in capsys.readouterr().err


# -- world tests -------------------------------------------------------------------------

FAILING = """
tests:
  wrong_everything:
    commands: [north, take lever]
    expect:
      location: pump_house
      inventory: [brass_key]
      flags: [valve_open]
      text: You walk north
      ending: water_again
      states: {mrs_oh: helpful}
      holds: {visited: pump_house}
"""


def test_world_test_failures_say_what_was_expected(tmp_path):
    """Each failed expectation is reported with what was expected and what happened."""
    (tmp_path / "t.yaml").write_text(FAILING)
    outcomes = {o.test.id: o for o in run_all(load_world([TUTORIAL, tmp_path]))}
    failures = "\n".join(outcomes["wrong_everything"].failures)
    assert "expected the player in 'pump_house', but they are in 'pump_yard'" in failures
    assert "expected the player to carry 'brass_key'" in failures
    assert "expected flag 'valve_open' to be set" in failures
    assert "expected the last output to contain 'You walk north'" in failures
    assert "expected the ending 'water_again', but the game has not ended" in failures
    assert "expected 'mrs_oh' in state 'helpful', but it is 'wary'" in failures
    assert "to hold, but it does not" in failures
    assert outcomes["fix_the_pump"].passed


def test_a_typo_in_expect_is_refused_where_it_is_written(tmp_path):
    """An unknown `expect` key is an error of the world file, at its line, with the fix."""
    (tmp_path / "t.yaml").write_text(
        "tests:\n  typo:\n    commands: [look]\n    expect: {locaton: pump_yard}\n"
    )
    with pytest.raises(WorldError) as error:
        load_world([TUTORIAL, tmp_path])
    assert "t.yaml:4:14: unknown key 'locaton' in expect — did you mean 'location'?" in str(
        error.value
    )


def test_test_command_exit_codes(tmp_path, capsys):
    """`hyosan test` exits 0 when all pass and 1 with FAIL lines when one fails."""
    assert main(["test", "--world", str(TUTORIAL)]) == 0
    assert "PASS fix_the_pump" in capsys.readouterr().out
    (tmp_path / "t.yaml").write_text(FAILING)
    assert main(["test", "--world", str(TUTORIAL), "--world", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "FAIL wrong_everything" in out and "tests: 1 passed, 1 failed" in out


# -- layered worlds ----------------------------------------------------------------------

EXPANSION = """
rooms:
  pump_yard:
    extend: true
    description: The yard again. A new gap in the fence leads west.
    exits:
      west: allotments
  allotments:
    name: Allotments
    region: The Hill
    description: Bean rows gone to seed. The gap in the fence is east.
    exits: {east: pump_yard}
items:
  trowel:
    name: trowel
    location: allotments
tests:
  reach_the_allotments:
    commands: [west, take trowel]
    expect: {location: allotments, inventory: [trowel]}
"""


def test_expansion_folder_layers_over_the_world(tmp_path, capsys):
    """An expansion adds rooms by id and extends a shipped room; the base is untouched."""
    (tmp_path / "more.yaml").write_text(EXPANSION)
    world = load_world([TUTORIAL, tmp_path])
    assert world.rooms["pump_yard"].description.startswith("The yard again")
    assert "mrs_oh" in world.characters
    assert all(o.passed for o in run_all(world))
    assert main(["check", "--world", str(TUTORIAL), "--world", str(tmp_path)]) == 0
    assert "ending 'water_again'" in capsys.readouterr().out
    assert "west" not in {e.direction for e in load_world([TUTORIAL]).rooms["pump_yard"].exits}


# -- live reload -------------------------------------------------------------------------


def test_reload_keeps_the_game_where_it_is(tmp_path):
    """After a reload the player, the items, the states and the flags are where they were."""
    folder = tmp_path / "w"
    shutil.copytree(TUTORIAL, folder)
    world = load_world([folder])
    state = play(world, ["talk to mrs oh", "1", "unlock door with key", "north"])
    path = folder / "pump_station.yaml"
    path.write_text(path.read_text().replace("Two green pumps", "Two blue pumps"))
    new_world, new_state, problems = reload_world([folder], state)
    assert problems == [] and new_world is not None
    assert new_state.location == "pump_house"
    assert new_state.places["brass_key"] == "player"
    assert new_state.char_states["mrs_oh"] == "helpful"
    assert "pump_door" in new_state.open and "pump_door" not in new_state.locked
    assert new_state.history == ()
    turn = step(new_world, new_state, "look")
    assert "Two blue pumps" in turn.text


def test_reload_falls_back_for_what_no_longer_exists(tmp_path):
    """A removed room sends the player to the start; a removed item disappears."""
    folder = tmp_path / "w"
    shutil.copytree(TUTORIAL, folder)
    world = load_world([folder])
    state = evolve(play(world, ["talk to mrs oh", "1"]), location="pump_house")
    (folder / "extra.yaml").write_text("items:\n  bucket: {name: bucket, location: pump_yard}\n")
    new_world, new_state, _ = reload_world([folder], state)
    assert new_state.places["bucket"] == "pump_yard"
    text = (folder / "pump_station.yaml").read_text()
    (folder / "pump_station.yaml").write_text(text.replace("pump_house", "boiler_room"))
    new_world, new_state, problems = reload_world([folder], state)
    assert new_world is not None, problems
    assert new_state.location == "pump_yard"


def test_reload_with_errors_keeps_the_old_state(tmp_path):
    """A broken edit returns no world, the unchanged state, and the problems to show."""
    folder = tmp_path / "w"
    shutil.copytree(TUTORIAL, folder)
    state = play(load_world([folder]), ["talk to mrs oh"])
    (folder / "broken.yaml").write_text("rooms:\n  x: {name: X, descripton: typo}\n")
    new_world, same, problems = reload_world([folder], state)
    assert new_world is None and same is state
    assert any("descripton" in str(p) for p in problems)


@pytest.mark.parametrize("name", ["tutorial", "softlock", "states"])
def test_coverage_of_small_worlds_is_deterministic(name):
    """The search's coverage of a world is the same twice."""
    from game.authoring.winnable import search

    world = load_world([WORLDS / name])
    first, second = (search(world, texts=True).coverage for _ in range(2))
    assert first == second and first.complete


def test_coverage_reaches_every_line_of_the_tutorial_but_two_refusals():
    """The search shows every reply, topic and ending of the tutorial, with the shortest path;
    the two texts only a refused or unknown command shows are reported with file:line."""
    from game.authoring.winnable import search

    cov = search(load_world([TUTORIAL]), texts=True).coverage
    by_text = {t.text: path for t, path in cov.reached.items()}
    ending = next(t for t in by_text if t.startswith("The pipes knock"))
    assert by_text[ending][-1] == "pull lever"
    assert sorted(t.text for t in cov.unreached) == [
        "It is bolted to the wall. Pulling it is another matter.",
        "She shrugs.",
    ]
    assert all("tutorial/pump_station.yaml:" in str(t.where) for t in cov.unreached)


BAD_WORLDS = sorted((Path(__file__).resolve().parent / "bad_worlds").glob("*/"))


@pytest.mark.parametrize("folder", BAD_WORLDS, ids=lambda p: p.name)
def test_tools_on_broken_worlds_print_errors_not_tracebacks(folder, capsys):
    """check, map and test on every broken world exit 1 with located errors and no traceback."""
    for command in (["check"], ["map"], ["test"]):
        assert main([*command, "--world", str(folder)]) == 1
        captured = capsys.readouterr()
        text = captured.out + captured.err
        assert "Traceback" not in text
        assert ".yaml:" in text or "world" in text
