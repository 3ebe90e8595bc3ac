"""What the text puts in a room stays examinable, and the room shown is the room as it now is."""

from __future__ import annotations

from pathlib import Path

from game.engine import new_game, step
from game.model import load_world

ROOT = Path(__file__).resolve().parent.parent
WORLD = load_world([ROOT / "world"])
ROAD = [
    c
    for c in (ROOT / "tests" / "walkthroughs" / "the_long_road.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if c.strip() and not c.startswith("#")
]


def _texts(commands: list[str]) -> list[str]:
    """Play the commands from a fresh game (seed 1); each turn's text."""
    state, _ = new_game(WORLD, seed=1)
    texts = []
    for command in commands:
        turn = step(WORLD, state, command)
        state = turn.state
        texts.append(" ".join(p.text for p in turn.output))
    return texts


def _through(command: str) -> list[str]:
    """The long road up to and including its first `command`."""
    return ROAD[: ROAD.index(command) + 1]


def test_the_board_laid_across_the_gap_can_still_be_examined_from_both_roofs() -> None:
    texts = _texts([*_through("use board on gap"), "x board", "x bridge", "e", "x board"])
    assert "lies across the gap" in texts[-4]
    assert "lies across the gap" in texts[-3]
    assert "spans the gap back to the tower" in texts[-1]


def test_the_mast_shows_the_new_cable_once_it_is_fixed() -> None:
    texts = _texts([*_through("use cable on mast"), "x mast", "x box"])
    assert "Your new cable runs from its foot" in texts[-2]
    assert "chewed ragged" not in texts[-2]
    assert "junction box" in texts[-1]


def test_the_night_siege_shows_the_hall_under_siege() -> None:
    texts = _texts(_through("sleep"))
    assert "The hall in near darkness" in texts[-1]
    assert "thirty tired people under flickering strip lights" not in texts[-1]


def test_the_curtained_bunk_is_empty_once_ha_eun_has_gone_with_you() -> None:
    follow = ROAD.index("s", ROAD.index("talk to haeun"))  # she has chosen to follow you
    texts = _texts([*ROAD[:follow], "look"])
    assert "pulled back on an empty bunk" in texts[-1]
    assert "keeping very still" not in texts[-1]
