"""`hyosan map --format svg`: every room drawn once, dark and locked marked, layers coloured."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from game.authoring.svgmap import layout, svg_map
from game.cli import main
from game.model import load_world

ROOT = Path(__file__).resolve().parents[1]
TUTORIAL = ROOT / "tests" / "worlds" / "authoring" / "tutorial"
SVG = "{http://www.w3.org/2000/svg}"
EXPANSION = """
rooms:
  cellar:
    name: Cellar
    description: Damp.
    dark: true
    exits: {up: pump_house}
  pump_house:
    extend: true
    exits: {down: cellar}
"""


def rooms_drawn(text: str) -> dict[str, ET.Element]:
    """The room groups of an SVG map, by room id."""
    root = ET.fromstring(text)
    return {g.get("data-id"): g for g in root.iter(f"{SVG}g") if g.get("data-id")}


def test_the_shipped_world_draws_every_room_once_in_its_own_cell():
    """Each room has one box and one grid cell; dark rooms are marked dark."""
    world = load_world([ROOT / "world"])
    drawn = rooms_drawn(svg_map(world))
    assert set(drawn) == set(world.rooms)
    cells = layout(world)
    assert len(set(cells.values())) == len(cells)
    dark = {r for r, g in drawn.items() if "dark" in g.get("class", "").split()}
    assert dark == {r.id for r in world.rooms.values() if r.dark or r.dark_when}


def test_compass_is_kept_where_the_cell_is_free():
    """North of the yard is drawn above it in the tutorial."""
    cells = layout(load_world([TUTORIAL]))
    assert cells["pump_house"][1] < cells["pump_yard"][1]


def test_locked_exits_are_dashed_and_expansion_rooms_coloured(tmp_path, capsys):
    """The locked steel door's line is dashed red; the expansion's cellar is layer 1."""
    (tmp_path / "exp").mkdir()
    (tmp_path / "exp" / "cellar.yaml").write_text(EXPANSION, encoding="utf-8")
    assert (
        main(["map", "--format", "svg", "--world", str(TUTORIAL), "--world", str(tmp_path / "exp")])
        == 0
    )
    text = capsys.readouterr().out
    drawn = rooms_drawn(text)
    assert drawn["cellar"].get("data-layer") == "1" and drawn["pump_yard"].get("data-layer") == "0"
    cellar_fill = drawn["cellar"].find(f"{SVG}rect").get("fill")
    assert cellar_fill == "#2c2c3a"  # dark wins over the layer colour
    lines = ET.fromstring(text).iter(f"{SVG}line")
    locked = [ln for ln in lines if "locked" in (ln.findtext(f"{SVG}title") or "")]
    assert locked and all(ln.get("stroke-dasharray") for ln in locked)
