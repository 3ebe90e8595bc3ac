"""`hyosan new`: commented skeletons in the right file, and a world that still loads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.authoring.scaffold import SCHEMA_FILE, ScaffoldError, add_new, schema_comment
from game.cli import main
from game.model import load_world

TUTORIAL = Path(__file__).resolve().parent / "worlds" / "authoring" / "tutorial"


@pytest.fixture
def world_dir(tmp_path: Path) -> Path:
    """A writable copy of the tutorial world."""
    target = tmp_path / "mygame"
    shutil.copytree(TUTORIAL, target)
    return target


def test_new_room_goes_into_its_regions_file(world_dir):
    """A room of an existing region is appended to that region's file, and the world loads."""
    path, line = add_new("room", "valve_pit", "Pump Station", [world_dir])
    assert path == world_dir / "pump_station.yaml"
    text = path.read_text().splitlines()
    assert text[line - 1] == "  valve_pit:"
    world = load_world([world_dir])
    assert world.rooms["valve_pit"].region == "Pump Station"
    assert world.tests  # the rest of the file survived


def test_new_room_in_a_new_region_makes_a_new_file_with_the_schema_line(world_dir):
    """A new region gets its own file, which starts with the yaml-language-server line."""
    path, line = add_new("room", "water_tower", "The Hill", [world_dir])
    assert path == world_dir / "the_hill.yaml"
    assert path.read_text().startswith("# yaml-language-server: $schema=")
    assert line == 3
    assert load_world([world_dir]).rooms["water_tower"].name == "Water Tower"


@pytest.mark.parametrize("kind", ["item", "character", "event"])
def test_new_things_land_in_their_section_and_load(world_dir, kind):
    """Items, characters and events are added to the region file's section and load cleanly."""
    path, _ = add_new(kind, f"new_{kind}", "Pump Station", [world_dir])
    assert path == world_dir / "pump_station.yaml"
    world = load_world([world_dir])
    section = {"item": world.items, "character": world.characters, "event": world.events}[kind]
    assert f"new_{kind}" in section


def test_new_character_has_two_states(world_dir):
    """The character skeleton starts with two states and a transition between them."""
    add_new("character", "watchman", "", [world_dir])
    machine = load_world([world_dir]).characters["watchman"].machine
    assert set(machine.states) == {"wary", "friendly"}
    assert machine.transitions[0].to == "friendly"


def test_new_refuses_a_used_or_invalid_id(world_dir):
    """An id already in the world, or not an id at all, is refused with a reason."""
    with pytest.raises(ScaffoldError, match="already defined"):
        add_new("item", "brass_key", "", [world_dir])
    with pytest.raises(ScaffoldError, match="not a valid id"):
        add_new("room", "Big Room", "", [world_dir])


def test_new_writes_into_the_last_layer_and_checks_ids_in_all(tmp_path, world_dir):
    """With layered folders the skeleton goes to the expansion; ids of the base count too."""
    expansion = tmp_path / "expansion"
    with pytest.raises(ScaffoldError):
        add_new("room", "pump_yard", "", [world_dir, expansion])
    path, _ = add_new("room", "culvert", "Pump Station", [world_dir, expansion])
    assert path.parent == expansion
    assert "culvert" in load_world([world_dir, expansion]).rooms


def test_cli_new_prints_file_and_line(world_dir, capsys):
    """`hyosan new` prints where the skeleton went; a refused id exits 1 with a message."""
    assert main(["new", "room", "shed", "--region", "Pump Station", "--world", str(world_dir)]) == 0
    assert "pump_station.yaml:" in capsys.readouterr().out
    assert main(["new", "room", "shed", "--world", str(world_dir)]) == 1
    assert "already defined" in capsys.readouterr().err


def test_schema_comment_is_relative_inside_the_checkout(tmp_path):
    """Inside the checkout the schema path is relative; elsewhere it is a file URI."""
    inside = SCHEMA_FILE.parents[1] / "world" / "x.yaml"
    assert schema_comment(inside).strip().endswith("$schema=../docs/world.schema.json")
    assert "file://" in schema_comment(tmp_path / "x.yaml")
