"""The night is a visible clock: the status line, TIME and HINT tell the time; dawn is announced."""

from __future__ import annotations

from pathlib import Path

from game.engine import new_game, status, step
from game.model import load_world

ROOT = Path(__file__).resolve().parent.parent
WORLD = load_world([ROOT / "world"])


def _waited(turns: int):
    state, _ = new_game(WORLD, seed=1)
    texts: dict[int, str] = {}
    for _ in range(turns):
        turn = step(WORLD, state, "wait")
        state = turn.state
        texts[state.turn] = " ".join(p.text for p in turn.output)
    return state, texts


def test_the_status_line_shows_the_time_of_night_and_it_moves() -> None:
    state, _ = new_game(WORLD, seed=1)
    assert "9 pm" in status(WORLD, state).line()
    later, _ = _waited(140)
    assert "midnight" in status(WORLD, later).line()


def test_time_and_hint_tell_the_time() -> None:
    state, _ = new_game(WORLD, seed=1)
    assert "It is 9 pm." in " ".join(p.text for p in step(WORLD, state, "time").output)
    assert "It is 9 pm." in " ".join(p.text for p in step(WORLD, state, "hint").output)
    assert step(WORLD, state, "time").state.turn == state.turn  # asking the time is free


def test_dawn_is_warned_of_long_before_it_ends_the_game() -> None:
    state, texts = _waited(400)
    assert state.ending == "first_light"
    warnings = [t for t, text in texts.items() if "Phase Three" in text or "dawn" in text]
    assert warnings and min(warnings) <= 160  # the first warning comes early
    assert len([t for t in warnings if t < 400]) >= 3  # and again, at intervals


def test_a_world_without_a_clock_shows_no_time(tmp_path: Path) -> None:
    (tmp_path / "w.yaml").write_text(
        "game: {title: T}\nplayer: {start: r}\nrooms: {r: {name: R, description: A room.}}\n",
        encoding="utf-8",
    )
    world = load_world([tmp_path])
    state, _ = new_game(world, seed=1)
    assert status(world, state).time == ""
    assert "no way to tell the time" in " ".join(p.text for p in step(world, state, "time").output)


def test_no_text_puts_the_sun_or_daylight_in_the_night() -> None:
    """The game is one night: nothing but the endings may show the sun, and nobody waits for night."""
    for path in (ROOT / "world").glob("*.yaml"):
        if path.name in ("game.yaml", "tests.yaml"):
            continue  # the endings come after dawn
        text = " ".join(path.read_text(encoding="utf-8").lower().split())
        for phrase in ("the sun touches", "wait for night", "for an hour she", "sun comes up"):
            assert phrase not in text, (path.name, phrase)
