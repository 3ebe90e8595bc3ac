"""Expansions patch: `extend: true` adds to a shipped definition, `replace: true` replaces it,
and a bare redefinition is an error naming both places."""

from __future__ import annotations

from pathlib import Path

from game.cli import main
from game.model import load_world, read_world

TUTORIAL = Path(__file__).resolve().parent / "worlds" / "authoring" / "tutorial"

EXTEND = """
rooms:
  pump_yard:
    extend: true
    exits:
      west: allotments
    scenery:
      gap: {words: [gap, hole], description: Somebody cut the links with care.}
  allotments:
    name: Allotments
    description: Bean rows gone to seed.
    exits: {east: pump_yard}
items:
  pump_door:
    extend: true
    words: [hatch]
    description: Grey paint, and now a chalk mark.
"""


def _write(folder: Path, text: str) -> Path:
    """One expansion file."""
    folder.mkdir(exist_ok=True)
    (folder / "more.yaml").write_text(text)
    return folder


def test_extend_adds_exits_scenery_and_words_and_changes_single_fields(tmp_path):
    """The shipped room keeps its own exit and gains the new one; fields are replaced one by one."""
    world = load_world([TUTORIAL, _write(tmp_path / "exp", EXTEND)])
    yard = world.rooms["pump_yard"]
    assert {e.direction: e.to for e in yard.exits} == {"north": "pump_house", "west": "allotments"}
    assert yard.name == "Pump Yard"  # not restated, kept
    assert "gap" in {s.name for s in yard.scenery}
    door = world.items["pump_door"]
    assert "hatch" in door.nouns and "door" in door.nouns
    assert door.description == "Grey paint, and now a chalk mark."
    assert door.door is not None and door.door.locked  # the unrestated door spec survives


def test_a_bare_redefinition_is_an_error_naming_both_places(tmp_path):
    """Reusing a shipped id without saying extend or replace stops the load, at both files."""
    exp = _write(tmp_path / "exp", "rooms:\n  pump_yard:\n    name: Yard\n    description: x\n")
    _, problems = read_world([TUTORIAL, exp])
    [problem] = [p for p in problems if "already defined" in p.message]
    assert problem.path.endswith("more.yaml") and problem.line == 2
    assert "pump_station.yaml:3" in problem.message
    assert "extend: true" in problem.fix and "replace: true" in problem.fix


def test_replace_true_replaces_whole(tmp_path):
    """`replace: true` takes the new definition only."""
    exp = _write(
        tmp_path / "exp",
        "rooms:\n  pump_yard:\n    replace: true\n    name: Yard\n    description: x\n"
        "    exits: {north: {to: pump_house, door: pump_door}}\n",
    )
    world = load_world([TUTORIAL, exp])
    assert world.rooms["pump_yard"].name == "Yard"


def test_extend_of_nothing_is_an_error_with_a_suggestion(tmp_path):
    """Extending an id no earlier folder defines names the nearest one."""
    exp = _write(tmp_path / "exp", "rooms:\n  pump_yrd:\n    extend: true\n    name: Y\n")
    _, problems = read_world([TUTORIAL, exp])
    [problem] = [p for p in problems if "extend" in p.message]
    assert "pump_yard" in problem.fix


def test_errors_inside_an_extension_point_into_the_expansion_file(tmp_path):
    """A bad reference added by `extend:` is reported in the file that wrote it."""
    exp = _write(
        tmp_path / "exp", "rooms:\n  pump_yard:\n    extend: true\n    exits: {west: allotmnts}\n"
    )
    _, problems = read_world([TUTORIAL, exp])
    [problem] = [p for p in problems if "allotmnts" in p.message]
    assert problem.path.endswith("more.yaml") and problem.line == 4


def test_check_lists_what_each_layer_adds_extends_and_replaces(tmp_path, capsys):
    """`hyosan check` names the expansion's additions and extensions."""
    exp = _write(tmp_path / "exp", EXTEND)
    assert main(["check", "--quick", "--world", str(TUTORIAL), "--world", str(exp)]) == 0
    out = capsys.readouterr().out
    assert "adds room 'allotments'" in out
    assert "extends room 'pump_yard', item 'pump_door'" in out


def test_yml_files_load_like_yaml_files(tmp_path):
    """A `.yml` expansion file is read, not silently ignored."""
    exp = tmp_path / "exp"
    exp.mkdir()
    (exp / "more.yml").write_text(EXTEND)
    assert "allotments" in load_world([TUTORIAL, exp]).rooms


def test_the_schema_knows_extend_and_replace():
    """An `extend: true` patch needs no name or description; a plain room still does."""
    from tests.test_authoring_schema import validate

    assert validate({"rooms": {"hall": {"extend": True, "exits": {"west": "yard"}}}}) == []
    assert validate({"rooms": {"hall": {"replace": True, "name": "H", "description": "d"}}}) == []
    assert validate({"rooms": {"hall": {"exits": {"west": "yard"}}}}) != []
