"""State the text reports is the state the game holds: what you gave away is gone from view."""

from __future__ import annotations

from pathlib import Path

from game.engine import new_game, step
from game.model import load_world

ROOT = Path(__file__).resolve().parent.parent
WORLD = load_world([ROOT / "world"])
TO_HAN_WITH_THE_PACKET = ["n", "e", "w", "up", "open ammo box", "take all from box", "down", "n"]


def _play(commands: list[str]):
    state, _ = new_game(WORLD, seed=1)
    texts = []
    for command in commands:
        turn = step(WORLD, state, command)
        state = turn.state
        texts.append(" ".join(p.text for p in turn.output))
    return state, texts


def test_the_photo_given_to_han_is_no_longer_in_the_packet() -> None:
    for give in ("give photo to han", "give cigarettes to han"):
        state, texts = _play([*TO_HAN_WITH_THE_PACKET, give, "x cigarettes", "x photo"])
        assert state.flags.get("cigarettes_given") == 1
        assert "Tucked inside the cellophane is a photo" not in texts[-2]
        assert "nothing else tucked in the cellophane" in texts[-2]
        assert "six-year-old on a swing" not in texts[-1]


def test_no_text_gives_the_player_s_thread_to_someone_else() -> None:
    text = (ROOT / "world" / "quarantine_wall.yaml").read_text(encoding="utf-8")
    assert "red thread at his wrist" not in text


def test_menu_options_that_let_you_past_the_sentries_retire_once_you_are_past() -> None:
    talk = WORLD.characters["sentries"].talk
    for choice in talk["ask"].choices:
        if choice.label in ("Hold up your wrist.", "Let them look into your eyes."):
            assert "sentries_passed" in repr(choice.when)


def test_the_reunion_happens_on_entering_the_ash_hall_with_on_jo_at_your_shoulder() -> None:
    lines = (ROOT / "tests" / "walkthroughs" / "the_long_road.txt").read_text(encoding="utf-8")
    commands = [c for c in lines.splitlines() if c.strip() and not c.startswith("#")]
    upto = commands.index("z")  # the walkthrough waits a turn in the Ash Hall; a player needn't
    state, texts = _play(commands[:upto])
    assert state.location == "ash_hall"
    assert state.char_states["cheongsan"] == "remembering"
    assert state.char_states["onjo"] == "reunited"
    assert "...On-jo." in texts[-1]
