"""SAVE and RESTORE typed in play: another game's save is never replaced without asking, a wrong
name lists the saves there are, and VERBOSE gives the full description (first-visit text too)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from game.engine import new_game, step
from game.model import World, load_world
from game.saves.session import Session
from game.saves.store import read_file

MINI = Path(__file__).parent / "worlds" / "mini"

ROOMS = """
game: {title: Two Rooms, intro: You arrive.}
player: {start: porch}
rooms:
  porch:
    name: Porch
    first: The porch boards bow under you, and a wasp nest hangs from the lintel like a lantern.
    description: A bowed porch under a wasp nest. The yard is south.
    exits: {south: yard}
    scenery:
      nest: {words: [nest, wasp, wasps, lintel, lantern, boards], description: Paper and anger.}
  yard:
    name: Yard
    description: A yard of dry weeds. The porch is north.
    exits: {north: porch}
    scenery:
      weeds: {words: [weeds], description: Dry.}
"""


@cache
def mini() -> World:
    """The small test world."""
    return load_world([MINI])


def said(session: Session, line: str) -> str:
    """All the text one line gets."""
    return "\n".join(p.text for p in session.play(line).output)


def saved_turn(saves: Path, name: str) -> int:
    """The turn a slot's save was made at."""
    return read_file(saves / f"{name}.json").turn


def test_a_bare_save_after_restart_asks_before_replacing_the_old_game(tmp_path: Path) -> None:
    """SAVE, play on, RESTART, SAVE: the quicksave of the first game stays until SAVE again."""
    session = Session.new(mini(), 1, tmp_path)
    for line in ("look", "wait", "wait"):
        said(session, line)
    assert "Saved as 'quicksave'" in said(session, "save")
    said(session, "restart")
    said(session, "look")
    question = said(session, "save")
    assert "holds another game" in question and "SAVE again" in question
    assert saved_turn(tmp_path, "quicksave") == 3
    assert "Saved as 'quicksave'" in said(session, "save")
    assert saved_turn(tmp_path, "quicksave") == session.state.turn


def test_a_restored_slot_is_not_the_default_after_restart(tmp_path: Path) -> None:
    """RESTORE MINE, RESTART, SAVE: the new game does not go into MINE without asking."""
    first = Session.new(mini(), 1, tmp_path)
    for line in ("wait", "wait", "save mine"):
        said(first, line)
    session = Session.new(mini(), 2, tmp_path)
    said(session, "restore mine")
    said(session, "restart")
    said(session, "wait")
    reply = said(session, "save")
    assert "Saved as 'quicksave'" in reply  # a free slot: no question
    assert saved_turn(tmp_path, "mine") == 2
    assert "holds another game" in said(session, "save mine")
    assert saved_turn(tmp_path, "mine") == 2


def test_the_question_only_holds_for_the_next_line(tmp_path: Path) -> None:
    """An answer two lines later asks again: SAVE twice means twice in a row."""
    said(Session.new(mini(), 1, tmp_path), "save")
    session = Session.new(mini(), 2, tmp_path)
    assert "holds another game" in said(session, "save")
    said(session, "look")
    assert "holds another game" in said(session, "save")
    assert "Saved as" in said(session, "save")


def test_the_same_game_saves_without_asking(tmp_path: Path) -> None:
    """Saving again, after UNDO, or after continuing the game elsewhere never asks."""
    session = Session.new(mini(), 1, tmp_path)
    said(session, "save")
    said(session, "wait")
    said(session, "undo")
    assert "Saved as 'quicksave'" in said(session, "save")
    said(session, "wait")
    session.close()
    again = Session.load(mini(), "autosave", tmp_path)
    said(again, "wait")
    assert "Saved as 'quicksave'" in said(again, "save")


def test_a_named_save_of_another_game_asks_too(tmp_path: Path) -> None:
    """SAVE NAME onto another game's NAME asks, and SAVE NAME again replaces it."""
    said(Session.new(mini(), 1, tmp_path), "save keep")
    session = Session.new(mini(), 2, tmp_path)
    said(session, "wait")
    assert "SAVE KEEP again" in said(session, "save keep")
    assert "Saved as 'keep'" in said(session, "save keep")


def test_restore_with_a_wrong_name_lists_every_save(tmp_path: Path) -> None:
    """A few saves are all named; many are named up to a limit, and the rest counted."""
    session = Session.new(mini(), 1, tmp_path)
    for name in ("alpha", "beta", "gamma"):
        said(session, f"save {name}")
    reply = said(session, "restore nope")
    assert "no save called 'nope'" in reply
    assert all(name in reply for name in ("alpha", "beta", "gamma"))
    for n in range(25):
        said(session, f"save s{n:02d}")
    reply = said(session, "restore nope")
    named = [n for n in range(25) if f"s{n:02d}" in reply]
    total = len(named) + (3 if "alpha" in reply else 0)
    assert "more" in reply
    more = int(reply.split(" more")[0].rsplit(" ", 1)[1])
    assert total + more == 28


def test_verbose_look_gives_the_first_visit_text_again(tmp_path: Path) -> None:
    """Normal LOOK gives the short text; VERBOSE makes LOOK and arrivals give the full one."""
    (tmp_path / "world.yaml").write_text(ROOMS)
    world = load_world([tmp_path])
    state, opening = new_game(world, 1)
    assert any("wasp nest hangs" in p.text for p in opening)

    def text(line: str) -> str:
        nonlocal state
        turn = step(world, state, line)
        state = turn.state
        return "\n".join(p.text for p in turn.output)

    assert "bowed porch" in text("look")
    text("verbose")
    assert "wasp nest hangs" in text("look")
    text("s")
    assert "wasp nest hangs" in text("n")
    text("normal")
    assert "bowed porch" in text("look")
    text("brief")
    text("s")
    arrival = text("n")
    assert "Porch" in arrival and "wasp" not in arrival
    assert "bowed porch" in text("look")
