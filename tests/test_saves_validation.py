"""Every field of a loaded save is checked: what no longer fits is dropped with a note or refused,
and nothing a sealed save holds can crash the game later. Nor is a save written that cannot be read."""

from __future__ import annotations

import contextlib
from functools import cache
from pathlib import Path

import pytest
from hostile_saves import document, real_save, resealed, sealed, with_snapshot

from game.engine import StateDataError, new_game, state_from_data, state_to_data
from game.engine.frozen import FrozenMap
from game.model import World, load_world
from game.model.record import evolve
from game.saves import store
from game.saves.errors import DamagedSave, UnknownId
from game.saves.session import Session

MINI = Path(__file__).parent / "worlds" / "mini"
AFTER = ("look", "1", "take it", "pronouns", "hint", "x him", "flee", "inventory", "bye", "undo")


@cache
def mini() -> World:
    """The small test world."""
    return load_world([MINI])


def load_edited(tmp_path: Path, **fields) -> Session:
    """A real save made mid-conversation, edited and sealed again, then loaded."""
    path = real_save(mini(), tmp_path, "real", ("take all", "east", "talk to han"))
    path.write_text(sealed(with_snapshot(document(path), **fields)), encoding="utf-8")
    return Session.load(mini(), "real", tmp_path)


def play_on(session: Session) -> str:
    """Play the lines that once crashed on stale fields; all the text said."""
    return "\n".join(p.text for line in AFTER for p in session.play(line).output)


@pytest.mark.parametrize(
    ("fields", "note"),
    [
        ({"dialogue": ["han", "nope"]}, "conversation"),
        ({"dialogue": ["nobody", "start"]}, "conversation"),
        ({"dialogue": "han"}, "conversation"),
        ({"dialogue": [["han"], 3]}, "conversation"),
        ({"pending": ["take {}", ["nope"]], "phase": "exploring", "dialogue": None}, "Which"),
        ({"pending": "take", "phase": "exploring", "dialogue": None}, "Which"),
        ({"pronouns": {"it": "nope"}}, "pronouns"),
        ({"pronouns": {"it": [["a"]], "him": 5}}, "pronouns"),
        ({"pronouns": ["it"]}, "forgotten"),
        ({"encounter": ["han", 2], "phase": "encounter", "dialogue": None}, "encounter"),
        ({"encounter": ["horde", "x"], "phase": "encounter", "dialogue": None}, "encounter"),
    ],
)
def test_passing_moments_that_no_longer_fit_are_dropped_with_a_note(
    tmp_path: Path, fields: dict, note: str
) -> None:
    """A stale conversation, question, pronoun or encounter is dropped, said, and play goes on."""
    session = load_edited(tmp_path, **fields)
    assert any(note in line for line in session.notes), session.notes
    said = "\n".join(p.text for p in session.opening)
    assert note in said
    play_on(session)
    assert Session.load(mini(), "autosave", tmp_path).state == session.state


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"flags": {"trust_han": "three"}}, "trust_han"),
        ({"flags": {"trust_han": [1]}}, "trust_han"),
        ({"flags": {"trust_han": None}}, "trust_han"),
        ({"flags": {"trust_han": True}}, "trust_han"),
        ({"flags": {"trust_han": 2.5}}, "trust_han"),
        ({"flags": {"big": 2**80}}, "big"),
        ({"hints": {"gate_key": "x"}}, "gate_key"),
        ({"score": "ten"}, "score"),
        ({"rng": -1}, "rng"),
        ({"verbose": "yes"}, "verbose"),
        ({"last_command": 5}, "last_command"),
        ({"open": "locker"}, "open"),
        ({"open": [["locker"]]}, "open"),
        ({"places": {"rusty_key": "rusty_key"}}, "inside itself"),
        ({"places": {"rusty_key": 5}}, "rusty_key"),
        ({"char_since": {"han": "soon"}}, "han"),
        ({"ending": "devoured"}, "phase"),
        ({"phase": "ended"}, "phase"),
        ({"char_states": []}, "char_states"),
    ],
)
def test_malformed_lasting_fields_are_refused_by_name(tmp_path: Path, fields: dict, named: str):
    """A flag, number or set of the wrong type or range is refused, naming it, before play."""
    with pytest.raises(DamagedSave) as caught:
        load_edited(tmp_path, **fields)
    assert named in str(caught.value)


def test_unknown_ids_are_still_refused_by_name(tmp_path: Path) -> None:
    """A character state the world does not have is refused and named (UnknownId)."""
    with pytest.raises(UnknownId) as caught:
        load_edited(tmp_path, char_states={"han": "ghost", "horde": "hunting"})
    assert caught.value.ident == "ghost"


def test_a_huge_number_written_as_text_is_refused_not_loaded(tmp_path: Path) -> None:
    """`1e400` in a sealed save is a float (infinity): refused on load, never saved back."""
    path = real_save(mini(), tmp_path, "real")
    text = path.read_text(encoding="utf-8").replace('"trust_han": 1', '"trust_han": 1e400')
    assert "1e400" in text
    path.write_text(resealed(text), encoding="utf-8")
    with pytest.raises(DamagedSave, match="trust_han"):
        Session.load(mini(), "real", tmp_path)


def test_characters_and_items_new_to_the_world_start_where_the_world_puts_them() -> None:
    """Data without a character or item (added to the world later) loads them at their start."""
    state, _ = new_game(mini(), 1)
    data = state_to_data(state)
    del data["char_states"]["han"], data["char_places"]["han"], data["places"]["rusty_key"]
    again = state_from_data(mini(), data)
    assert again == state


def test_the_game_never_holds_a_number_a_save_cannot_keep(tmp_path: Path) -> None:
    """Flags stop at the largest number every save reader keeps, so the save still loads."""
    session = Session.new(mini(), 1, tmp_path)
    session.play("east")
    session.state = evolve(session.state, flags=FrozenMap({"trust_han": 2**53 - 2}))
    session.play("ask han about counting")  # adds 1 to trust_han
    session.play("ask han about counting")
    assert session.state.flags["trust_han"] == 2**53 - 1
    assert "Saved" in session.save("big")[0].text
    assert Session.load(mini(), "big", tmp_path).state.flags["trust_han"] == 2**53 - 1


def test_a_save_that_would_not_read_back_is_not_written(tmp_path: Path) -> None:
    """A state holding infinity is refused by the writer; the older save stays whole."""
    session = Session.new(mini(), 1, tmp_path)
    session.play("take all")
    session.save("mine")
    before = (tmp_path / "mine.json").read_bytes()
    session.state = evolve(session.state, flags=FrozenMap({"x": float("inf")}))
    said = session.save("mine")[0]
    assert said.kind == "error" and "Not saved" in said.text
    assert (tmp_path / "mine.json").read_bytes() == before
    assert "Autosave failed" in " ".join(p.text for p in session.autosave())  # its checkpoint


def test_a_save_too_large_to_load_is_not_written(tmp_path: Path, monkeypatch) -> None:
    """Past the reader's size limit the writer refuses too, and the older save stays whole."""
    session = Session.new(mini(), 1, tmp_path)
    session.save("mine")
    before = (tmp_path / "mine.json").read_bytes()
    monkeypatch.setattr(store, "MAX_BYTES", len(before) // 2)
    said = session.save("mine")[0]
    assert "Not saved" in said.text and "MiB" in said.text
    assert (tmp_path / "mine.json").read_bytes() == before


def test_a_very_long_line_is_cut_said_and_the_save_still_loads(tmp_path: Path) -> None:
    """A 2 MB typed line is cut to its first 1,000 characters, and the player is told."""
    session = Session.new(mini(), 1, tmp_path)
    turn = session.play("take " + "x" * 2_000_000)
    assert turn.output[0].kind == "warning" and "1,000" in turn.output[0].text
    assert len(session.log[-1]) == 1000
    assert "Saved" in session.save("long")[0].text
    assert Session.load(mini(), "long", tmp_path).log == session.log


def test_state_data_errors_are_the_only_failure_of_garbage() -> None:
    """Whatever the data, state_from_data either builds a state or raises StateDataError."""
    state, _ = new_game(mini(), 1)
    good = state_to_data(state)
    for name in good:
        for junk in (None, 1, -1, "x", [], {}, [1, 2], {"a": 1}, 1.5, True, [["a"]], 2**70):
            data = dict(good, **{name: junk})
            with contextlib.suppress(StateDataError):
                state_from_data(mini(), data)
    with pytest.raises(StateDataError):
        state_from_data(mini(), ["not", "a", "mapping"])  # type: ignore[arg-type]
