"""The Session: autosave, SAVE and RESTORE in play, undo after a restore, failures told not thrown."""

from __future__ import annotations

import errno
import shutil
from functools import cache
from pathlib import Path

import pytest

from game.model import World, load_world
from game.saves.atomic import FileOps
from game.saves.errors import OtherWorld, SaveNotFound, UnknownId
from game.saves.session import Session, resume
from game.saves.slots import slot_path

MINI = Path(__file__).parent / "worlds" / "mini"
FIXTURE_WORLD = Path(__file__).parent / "fixtures" / "saves" / "world"


@cache
def mini() -> World:
    """The small test world."""
    return load_world([MINI])


def texts(turn) -> str:
    """All the text of a turn."""
    return "\n".join(p.text for p in turn.output)


def play(session: Session, *lines: str) -> str:
    """Play lines; the text of the last one."""
    text = ""
    for line in lines:
        text = texts(session.play(line))
    return text


class DiskFull(FileOps):
    """Every file creation fails as on a full disk, until `full` is set to False."""

    full = True

    def open_new(self, path: Path) -> int:
        """Fail like a full disk."""
        if self.full:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().open_new(path)


def test_every_line_is_autosaved(tmp_path: Path) -> None:
    """After each line the autosave holds the whole game, so a crash loses nothing."""
    session = Session.new(mini(), 3, tmp_path)
    play(session, "take all", "east", "* remember the locker")
    again = resume(mini(), tmp_path)
    assert again.state == session.state
    assert again.log == ("take all", "east", "* remember the locker")


def test_continue_without_an_autosave_says_so(tmp_path: Path) -> None:
    """'Continue' with no autosave raises SaveNotFound, not a traceback."""
    with pytest.raises(SaveNotFound):
        resume(mini(), tmp_path)


def test_save_and_restore_in_play_bring_back_undo(tmp_path: Path) -> None:
    """RESTORE brings back the saved moment, and UNDO then steps back through earlier lines."""
    session = Session.new(mini(), 3, tmp_path)
    assert "Saved as 'here'" in play(session, "take all", "east", "save here")
    saved = session.state
    play(session, "west", "drop all")
    assert "Restored 'here'" in play(session, "restore here")
    assert session.state == saved
    assert "undone" in play(session, "undo")
    assert session.state.location == "gate"


def test_a_new_session_restores_with_history(tmp_path: Path) -> None:
    """A game loaded in a fresh Session can UNDO as far back as the live game could."""
    first = Session.new(mini(), 9, tmp_path)
    play(first, "take all", "east", "open locker", "save keep")
    loaded = Session.load(mini(), "keep", tmp_path)
    assert loaded.state == first.state
    assert len(loaded.state.history) == len(first.state.history) == 3
    assert "Restored 'keep'" in loaded.opening[0].text
    play(loaded, "undo", "undo")
    assert loaded.state.location == "gate"


def test_save_without_a_name_uses_the_last_slot(tmp_path: Path) -> None:
    """SAVE with no name reuses the last slot, or `quicksave` the first time."""
    session = Session.new(mini(), 1, tmp_path)
    assert "'quicksave'" in play(session, "save")
    play(session, "save mine", "east")
    assert "'mine'" in play(session, "save")


def test_restore_without_a_name_takes_the_newest_save(tmp_path: Path) -> None:
    """RESTORE with no name loads the newest manual save."""
    session = Session.new(mini(), 1, tmp_path)
    play(session, "save first", "east", "save second", "west")
    other = Session.new(mini(), 2, tmp_path / "elsewhere")
    other.saves_dir = tmp_path
    assert "Restored 'second'" in play(other, "restore")
    assert other.state.location == "hut"


@pytest.mark.parametrize("name", ["../../etc/passwd", "a/b", "con", "x" * 40, "c:evil"])
def test_bad_slot_names_are_refused_in_play(tmp_path: Path, name: str) -> None:
    """SAVE with a forbidden name is refused with the rule; the game goes on; nothing escapes."""
    session = Session.new(mini(), 1, tmp_path)
    play(session, "east")
    said = " ".join(p.text for p in session.save(name))
    assert "Not saved" in said
    assert "letters, digits" in said
    assert session.state.location == "hut"
    assert all(p.parent in (tmp_path, tmp_path / "games") for p in tmp_path.rglob("*"))


def test_typed_names_with_spaces_become_dashed_slots(tmp_path: Path) -> None:
    """SAVE MY GAME saves to slot `my-game` (the parser drops articles it knows)."""
    session = Session.new(mini(), 1, tmp_path)
    assert "'before-bridge'" in "".join(p.text for p in session.save("before bridge"))
    assert slot_path(tmp_path, "before-bridge").is_file()


def test_restoring_a_missing_slot_changes_nothing(tmp_path: Path) -> None:
    """RESTORE of a slot that does not exist says so and leaves the game as it was."""
    session = Session.new(mini(), 1, tmp_path)
    play(session, "take all", "east")
    before = session.state
    assert "Not restored" in play(session, "restore nothing")
    assert session.state.location == before.location
    assert session.state.places == before.places


def test_a_damaged_save_offers_its_backup_in_play(tmp_path: Path) -> None:
    """RESTORE of a truncated save names the intact backup, which RESTORE NAME.bak then loads."""
    session = Session.new(mini(), 1, tmp_path)
    play(session, "save slot", "east", "save slot")
    path = slot_path(tmp_path, "slot")
    path.write_bytes(path.read_bytes()[:100])
    play(session, "take note")
    before = session.state
    text = play(session, "restore slot")
    assert "Not restored" in text and "RESTORE BACKUP" in text
    assert session.state.places == before.places
    assert "Restored" in play(session, "restore backup")
    assert session.state.location == "gate"


def test_a_full_disk_is_told_once_and_play_goes_on(tmp_path: Path) -> None:
    """When the disk is full the player is warned once, keeps playing, and hears when it recovers."""
    ops = DiskFull()
    session = Session.new(mini(), 1, tmp_path, ops=ops)
    assert "disk is full" in play(session, "east")
    assert "Autosave failed" not in play(session, "west")
    assert "Not saved" in play(session, "save later")
    assert session.state.location == "gate"
    ops.full = False
    assert "Autosave works again" in play(session, "east")
    assert resume(mini(), tmp_path).state == session.state


def test_a_new_game_never_touches_the_last_game(tmp_path: Path) -> None:
    """A new game records into a file of its own; the last game stays whole and loadable."""
    old = Session.new(mini(), 1, tmp_path)
    play(old, "take all", "east")
    old.close()
    new = Session.new(mini(), 2, tmp_path)
    play(new, "look")
    assert new.game != old.game
    again = Session.load(mini(), old.game, tmp_path)
    assert again.state == old.state
    assert again.log == ("take all", "east")


def test_a_save_of_another_world_is_refused_and_named(tmp_path: Path) -> None:
    """Loading a save made with another world title raises OtherWorld naming it."""
    world_copy = tmp_path / "world"
    shutil.copytree(MINI, world_copy)
    game_yaml = world_copy / "game.yaml"
    game_yaml.write_text(game_yaml.read_text().replace("Mini Hyosan", "Other Place"))
    session = Session.new(load_world([world_copy]), 1, tmp_path / "saves")
    play(session, "save there")
    with pytest.raises(OtherWorld, match="Other Place"):
        Session.load(mini(), "there", tmp_path / "saves")


def test_a_removed_item_is_named_when_loading(tmp_path: Path) -> None:
    """A save that mentions an item the changed world lacks fails naming that item."""
    world_copy = tmp_path / "world"
    shutil.copytree(MINI, world_copy)
    session = Session.new(load_world([world_copy]), 1, tmp_path / "saves")
    play(session, "save before")
    items = world_copy / "items.yaml"
    text = items.read_text()
    start = text.index("  note:")
    end = text.index("\n  ration:")
    items.write_text(text[:start] + text[end + 1 :])
    with pytest.raises(UnknownId, match="note") as info:
        Session.load(load_world([world_copy]), "before", tmp_path / "saves")
    assert info.value.ident == "note"


def test_a_reworded_world_still_loads_with_a_note(tmp_path: Path) -> None:
    """When only the world's text changed, the save loads and says the world has changed."""
    world_copy = tmp_path / "world"
    shutil.copytree(MINI, world_copy)
    session = Session.new(load_world([world_copy]), 1, tmp_path / "saves")
    play(session, "take all", "east", "save old")
    rooms = world_copy / "rooms.yaml"
    rooms.write_text(rooms.read_text().replace("A cramped hut.", "A narrow hut."))
    loaded = Session.load(load_world([world_copy]), "old", tmp_path / "saves")
    assert loaded.state == session.state
    assert any("world has changed" in p.text for p in loaded.opening)


def test_world_identity_does_not_change_with_play() -> None:
    """Playing fills the engine's caches, but the world's identity stays what a fresh load gives."""
    from game.engine import new_game, step
    from game.saves.identity import world_id

    fresh = world_id(load_world([Path(__file__).parent / "worlds" / "mini"])).hash
    world = load_world([Path(__file__).parent / "worlds" / "mini"])
    state, _ = new_game(world, 1)
    for line in ("e", "open locker", "take torch", "w", "z", "z", "z"):
        state = step(world, state, line).state
    assert world_id(world).hash == fresh


def test_world_identity_is_the_same_for_every_load_of_the_same_files() -> None:
    """Two loads of the shipped world (world tests included) give one identity."""
    from game.saves.identity import world_id

    shipped = Path(__file__).resolve().parent.parent / "world"
    assert world_id(load_world([shipped])).hash == world_id(load_world([shipped])).hash
