"""Loader and schema give the same verdict on the cases strangers found them disagreeing on."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.model import read_world
from tests.test_authoring_schema import validate, yaml12

TUTORIAL = Path(__file__).resolve().parent / "worlds" / "authoring" / "tutorial"

CASES = [
    ("events:\n  tick:\n    on: {every: 0}\n    say: Tick.\n", False),
    ("events:\n  tick:\n    on: {every: -4}\n    say: Tick.\n", False),
    ("events:\n  tick:\n    on: {every: 3}\n    say: Tick.\n", True),
    ("events:\n  tick:\n    on: {turn: 0}\n    say: Tick.\n", False),
    ("events:\n  tick:\n    on: {enter: pump_house, every: 2}\n    say: Tick.\n", False),
    (
        "items:\n  box:\n    name: box\n    location: pump_yard\n    container: {capacity: -3}\n",
        False,
    ),
    (
        "items:\n  box:\n    name: box\n    location: pump_yard\n    container: {capacity: 0}\n",
        True,
    ),
]


def loader_accepts(tmp_path: Path, text: str) -> bool:
    """Whether the loader takes the fragment over the tutorial world without an error."""
    layer = tmp_path / "frag"
    layer.mkdir()
    (layer / "f.yaml").write_text(text)
    _, problems = read_world([TUTORIAL, layer])
    return not any(p.severity == "error" for p in problems)


@pytest.mark.parametrize(("text", "valid"), CASES)
def test_loader_and_schema_agree(tmp_path, text, valid):
    """The loader and the schema both accept or both refuse each fragment."""
    assert loader_accepts(tmp_path, text) is valid
    assert (validate(yaml12(text)) == []) is valid
