"""The save format: canonical text, checksums, versions, and corruption that never crashes."""

from __future__ import annotations

import json
import random
from functools import cache
from pathlib import Path

import pytest

from game.model import World, load_world
from game.saves import format as fmt
from game.saves.errors import (
    BadChecksum,
    DamagedSave,
    NewerFormat,
    NotASave,
    OtherWorld,
    SaveError,
    SaveTooLarge,
    UnknownId,
)
from game.saves.format import FORMAT, MIGRATIONS, OLDEST_READABLE, dump, parse, seal
from game.saves.store import check, read_file, restore

FIXTURES = Path(__file__).parent / "fixtures" / "saves"


@cache
def fixture_world() -> World:
    """The frozen copy of the mini world the fixture saves were made with."""
    return load_world([FIXTURES / "world"])


def fixture_bytes(version: int = FORMAT) -> bytes:
    """The committed save of one format version."""
    return (FIXTURES / f"format-{version}.json").read_bytes()


def reseal(doc: dict) -> bytes:
    """A document with a recomputed checksum, as a hand-editor with tools might produce."""
    return seal(doc).encode()


def test_every_format_version_has_a_fixture_and_a_migration() -> None:
    """Each format from the oldest readable to the current has a committed save and a way forward."""
    for version in range(OLDEST_READABLE, FORMAT + 1):
        assert (FIXTURES / f"format-{version}.json").is_file()
        if version < FORMAT:
            assert version in MIGRATIONS


@pytest.mark.parametrize("version", range(OLDEST_READABLE, FORMAT + 1))
def test_fixture_saves_load_with_their_undo_history(version: int, tmp_path: Path) -> None:
    """A committed fixture of every format loads into the live state with UNDO available."""
    path = tmp_path / "old.json"
    path.write_bytes(fixture_bytes(version))
    loaded = restore(fixture_world(), read_file(path), path)
    assert loaded.state.location == loaded.save.location
    assert loaded.state.turn == loaded.save.turn
    assert len(loaded.state.history) == len(loaded.save.history) > 0


def test_load_then_save_writes_the_same_bytes() -> None:
    """Parsing a save and dumping it again reproduces it byte for byte."""
    raw = fixture_bytes()
    assert dump(parse(raw)).encode() == raw


def test_a_save_is_readable_text_with_a_header_first() -> None:
    """The file is UTF-8 JSON whose first keys are the format, versions and world identity."""
    text = fixture_bytes().decode()
    keys = list(json.loads(text))
    assert keys[:4] == ["hyosan-save", "min-compatible", "engine", "world"]
    assert keys[-1] == "checksum"
    assert '    ["take all", ' in text  # one log line per text line


def test_truncation_at_every_byte_is_a_clean_error() -> None:
    """A save cut off at any byte raises a SaveError (or is whole apart from trailing space)."""
    raw = fixture_bytes()
    whole = parse(raw)
    for cut in range(len(raw)):
        try:
            save = parse(raw[:cut])
        except SaveError as exc:
            assert str(exc)
        else:
            assert raw[:cut].rstrip() == raw.rstrip()
            assert save == whole


def test_random_byte_flips_are_clean_errors() -> None:
    """Flipped bytes anywhere give a SaveError, or (in whitespace) the very same save."""
    raw = fixture_bytes()
    whole = parse(raw)
    rng = random.Random(5)
    for _ in range(600):
        data = bytearray(raw)
        for _ in range(rng.choice((1, 1, 2, 8))):
            pos = rng.randrange(len(data))
            data[pos] ^= 1 << rng.randrange(8)
        try:
            save = parse(bytes(data))
        except SaveError as exc:
            assert str(exc)
        else:
            assert save == whole


@pytest.mark.parametrize(
    ("raw", "error", "words"),
    [
        (b"", DamagedSave, "empty"),
        (b"\n \n", DamagedSave, "empty"),
        (b"\x00" * 4096, DamagedSave, "zero bytes"),
        (b"\xff\xfe{", NotASave, "not a Hyosan save"),
        (b"{\xff}", DamagedSave, "not text"),
        (b"hello", NotASave, "not a Hyosan save"),
        (b"[1, 2]", NotASave, "not a Hyosan save"),
        (b'{"name": "x"}', NotASave, "not a Hyosan save"),
        (b'{"hyosan-save": "one"}', DamagedSave, "version"),
        (b'{"hyosan-save": 1, "a": NaN}', DamagedSave, "damaged"),
        (b"{" * 100_000, DamagedSave, "damaged"),
        (b'{"hyosan-save": 1, "n": ' + b"9" * 5000 + b"}", DamagedSave, "damaged"),
    ],
)
def test_hopeless_files_are_named_for_what_they_are(raw: bytes, error: type, words: str) -> None:
    """Empty, zero-filled, binary, foreign and absurd files each get their own typed message."""
    with pytest.raises(error, match=words):
        parse(raw)


def test_oversized_files_are_refused_before_parsing(tmp_path: Path) -> None:
    """A file larger than any save could be is refused without reading it all."""
    path = tmp_path / "huge.json"
    with open(path, "wb") as handle:
        handle.truncate(fmt.MAX_BYTES + 10)
    with pytest.raises(SaveTooLarge, match="too large"):
        read_file(path)


def test_an_edited_value_breaks_the_checksum() -> None:
    """Changing the turn by hand without the checksum gives BadChecksum."""
    doc = json.loads(fixture_bytes())
    doc["snapshot"]["score"] += 10
    with pytest.raises(BadChecksum, match="checksum"):
        parse(json.dumps(doc).encode())


def test_reformatting_counts_as_an_edit_but_line_ends_do_not() -> None:
    """A re-indented save fails its checksum; the same save with CRLF line ends still loads."""
    doc = json.loads(fixture_bytes())
    with pytest.raises(BadChecksum):
        parse(json.dumps(doc, indent=7).encode())
    assert parse(fixture_bytes().replace(b"\n", b"\r\n")) == parse(fixture_bytes())


def test_escaped_lone_surrogates_are_refused_but_backslashes_are_not() -> None:
    """A JSON-escaped lone surrogate is damage; a typed backslash followed by 'ud800' is text."""
    doc = json.loads(fixture_bytes())
    doc["log"][0][0] = "\\ud800 look"
    assert parse(reseal(doc)).log[0].command == "\\ud800 look"
    raw = reseal(doc).replace(b"\\\\ud800", b"\\ud800")
    with pytest.raises(SaveError):
        parse(raw)


def test_a_newer_format_is_refused_with_advice() -> None:
    """A save whose minimum compatible version is above ours asks for an update."""
    doc = json.loads(fixture_bytes())
    doc["hyosan-save"] = FORMAT + 1
    doc["min-compatible"] = FORMAT + 1
    with pytest.raises(NewerFormat, match="Update Hyosan"):
        parse(reseal(doc))


def test_a_newer_but_compatible_format_loads() -> None:
    """A newer save that declares itself readable by us loads, ignoring fields it adds."""
    doc = json.loads(fixture_bytes())
    doc["hyosan-save"] = FORMAT + 1
    doc["shiny"] = {"new": True}
    assert parse(reseal(doc)).snapshot == parse(fixture_bytes()).snapshot


def test_a_save_of_another_world_is_refused() -> None:
    """A save whose world title differs names both worlds."""
    doc = json.loads(fixture_bytes())
    doc["world"]["title"] = "Some Other Game"
    with pytest.raises(OtherWorld, match="Some Other Game"):
        check(fixture_world(), parse(reseal(doc)))


@pytest.mark.parametrize(
    ("field", "key", "value", "ident"),
    [
        ("location", None, "lighthouse", "lighthouse"),
        ("places", "rusty_key", "attic", "attic"),
        ("places", "golden_idol", "player", "golden_idol"),
        ("char_states", "han", "furious", "furious"),
    ],
)
def test_an_id_the_world_lacks_is_named(
    field: str, key: str | None, value: str, ident: str
) -> None:
    """A snapshot naming a room, item or state the world does not have fails naming that id."""
    doc = json.loads(fixture_bytes())
    if key is None:
        doc["snapshot"][field] = value
        doc[field] = value
    else:
        doc["snapshot"][field][key] = value
    with pytest.raises(UnknownId, match=ident) as info:
        check(fixture_world(), parse(reseal(doc)))
    assert info.value.ident == ident


def test_wrong_types_in_the_header_are_damage() -> None:
    """A header field of the wrong JSON type is reported as damage, naming the field."""
    doc = json.loads(fixture_bytes())
    doc["turn"] = "sixteen"
    with pytest.raises(DamagedSave, match="'turn'"):
        parse(reseal(doc))


def test_a_damaged_save_offers_its_intact_backup(tmp_path: Path) -> None:
    """When NAME.json is damaged and NAME.bak is whole, the error names the backup and its turn."""
    raw = fixture_bytes()
    (tmp_path / "game.json").write_bytes(raw[: len(raw) // 2])
    (tmp_path / "game.bak").write_bytes(raw)
    with pytest.raises(DamagedSave) as info:
        read_file(tmp_path / "game.json")
    assert info.value.backup == tmp_path / "game.bak"
    assert "game.bak" in str(info.value)
    assert "turn 16" in str(info.value)


JSON_VALUES = [None, True, -1, 0, 2**70, "", "gate", "nowhere", [], ["gate"], [[1]], {}, {"a": 1}]


def test_resealed_nonsense_in_the_snapshot_is_a_clean_error() -> None:
    """Any JSON value in any snapshot field (checksum rewritten) loads or gives a SaveError."""
    world = fixture_world()
    base = json.loads(fixture_bytes())
    rng = random.Random(11)
    for field in sorted(base["snapshot"]):
        for value in JSON_VALUES:
            doc = json.loads(fixture_bytes())
            doc["snapshot"][field] = value
            if rng.random() < 0.5 and doc["history"]:
                doc["history"][0][field] = value
            try:
                save = parse(reseal(doc))
                restore(world, save, FIXTURES / "x.json")
            except SaveError as exc:
                assert str(exc)
