"""Slot names: only safe names become files inside the save folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.saves.errors import BadSlotName, SaveNotFound
from game.saves.slots import backup_of, check_slot, list_slots, locate, slot_path

GOOD = ["a", "autosave", "before-bridge", "Slot_2", "x" * 32, "CONSOLE", "com10", "nul_", "lpt"]
BAD = [
    "",
    "x" * 33,
    "..",
    "../escape",
    "a/b",
    "a\\b",
    "/etc/passwd",
    "C:",
    "c:evil",
    "C:\\Windows",
    "bad\x00name",
    "with space",
    "dot.name",
    "émile",
    "CON",
    "con",
    "Prn",
    "aux",
    "NUL",
    "nul",
    "COM1",
    "com9",
    "LPT1",
    "lpt9",
    "CON.txt",
    "nul.json",
    "com1.tar.gz",
    "~",
    "$HOME",
    "a\nb",
]


@pytest.mark.parametrize("name", GOOD)
def test_good_names_are_accepted(name: str, tmp_path: Path) -> None:
    """A name of 1-32 letters, digits, '-' or '_' that is not a device name maps into the folder."""
    assert check_slot(name) == name
    path = slot_path(tmp_path, name)
    assert path.parent == tmp_path.resolve()
    assert path.name == f"{name}.json"


@pytest.mark.parametrize("name", BAD)
def test_bad_names_are_refused_with_a_rule(name: str, tmp_path: Path) -> None:
    """Traversal, separators, NUL, drive prefixes, device names and odd characters are refused."""
    with pytest.raises(BadSlotName) as info:
        slot_path(tmp_path, name)
    assert "letters, digits" in str(info.value)


def test_device_names_are_named_as_such(tmp_path: Path) -> None:
    """A reserved device name gets a message that says so, whatever its case."""
    with pytest.raises(BadSlotName, match="reserved device name"):
        check_slot("cOm3")


def test_backup_sits_next_to_the_save(tmp_path: Path) -> None:
    """The backup of NAME.json is NAME.bak in the same folder."""
    assert backup_of(tmp_path / "game.json") == tmp_path / "game.bak"


def test_locate_finds_slots_backups_and_paths(tmp_path: Path) -> None:
    """A slot name, NAME.bak and a file path are each found; a missing slot lists what exists."""
    (tmp_path / "one.json").write_text("{}")
    (tmp_path / "one.bak").write_text("{}")
    other = tmp_path / "elsewhere.json"
    other.write_text("{}")
    assert locate(tmp_path, "one") == (tmp_path / "one.json").resolve()
    assert locate(tmp_path, "one.bak") == (tmp_path / "one.bak").resolve()
    assert locate(tmp_path, str(other)) == other
    with pytest.raises(SaveNotFound, match="one"):
        locate(tmp_path, "two")


def test_list_slots_ignores_backups_and_strangers(tmp_path: Path) -> None:
    """Only NAME.json files with valid names are listed as slots."""
    for name in ("a.json", "b.bak", "bad name.json", ".hidden.json.tmp", "c.json"):
        (tmp_path / name).write_text("{}")
    assert sorted(list_slots(tmp_path)) == ["a", "c"]
    assert list_slots(tmp_path / "missing") == []
