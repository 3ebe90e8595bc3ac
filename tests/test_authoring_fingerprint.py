"""The puzzle fingerprint: prose edits keep a finished search, puzzle edits do not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.authoring import searchcache
from game.authoring.fingerprint import fingerprint
from game.authoring.winnable import search
from game.model import load_world

WORLD = """
game: {title: T, intro: You wake.}
player: {start: hall}
endings:
  out: {title: Out, text: You are out., kind: victory}
events:
  leave: {on: {enter: yard}, say: Fresh air., do: [{say: You breathe., end: out}]}
rooms:
  hall: {name: Hall, description: A long hall., exits: {north: {to: yard, door: door}}}
  yard: {name: Yard, description: A yard.}
items:
  key: {name: brass key, description: A small key., location: hall}
  door: {name: door, description: An oak door., door: {open: false, locked: true, key: key}}
"""


def _load(tmp_path: Path, text: str):
    (tmp_path / "w.yaml").write_text(text, encoding="utf-8")
    return load_world([tmp_path])


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("A long hall.", "A long echoing hall where dust hangs in the light."),
        ("You are out.", "The sky is enormous."),
        ("say: You breathe.", "say: You breathe out."),
        ("say: Fresh air.", "say: Cold air."),
        ("intro: You wake.", "intro: You wake up cold."),
    ],
)
def test_prose_edits_keep_the_fingerprint(tmp_path, old, new):
    before = fingerprint(_load(tmp_path, WORLD))
    assert fingerprint(_load(tmp_path, WORLD.replace(old, new))) == before


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("north: {to: yard", "south: {to: yard"),
        ("locked: true", "locked: false"),
        ("location: hall}", "location: yard}"),
        ("name: brass key", "name: iron key"),
        ("end: out", "set: out"),
        ("kind: victory", "kind: death"),
    ],
)
def test_puzzle_edits_change_the_fingerprint(tmp_path, old, new):
    before = fingerprint(_load(tmp_path, WORLD))
    assert fingerprint(_load(tmp_path, WORLD.replace(old, new))) != before


def test_the_fingerprint_is_the_same_in_every_process(tmp_path):
    (tmp_path / "w.yaml").write_text(WORLD, encoding="utf-8")
    code = (
        "import sys; from pathlib import Path; from game.model import load_world; "
        "from game.authoring.fingerprint import fingerprint; "
        "print(fingerprint(load_world([Path(sys.argv[1])])))"
    )
    prints = {
        subprocess.run(
            [sys.executable, "-c", code, str(tmp_path)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(prints) == 1 and prints.pop().strip() == fingerprint(load_world([tmp_path]))


def test_a_prose_edit_reuses_the_finished_search(tmp_path, monkeypatch):
    monkeypatch.setenv("HYOSAN_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "w"
    folder.mkdir()
    world = _load(folder, WORLD)
    result = search(world, seconds=30)
    searchcache.remember(world, 1, result)
    edited = _load(folder, WORLD.replace("A long hall.", "A hall of cracked tiles."))
    kept = searchcache.recall(edited, 1)
    assert kept is not None and kept.endings == result.endings
    moved = _load(folder, WORLD.replace("location: hall}", "location: yard}"))
    assert searchcache.recall(moved, 1) is None
