"""Conversations know what the player knows: options wait for what they name, and none is silent."""

from __future__ import annotations

from pathlib import Path

from game.authoring.dialogue import silent_choices
from game.engine import new_game, step
from game.model import load_world

ROOT = Path(__file__).resolve().parent.parent
WORLD = load_world([ROOT / "world"])


def _play(lines: list[str]) -> str:
    """The text of the last command after playing the lines from a fresh game."""
    state, _ = new_game(WORLD, seed=1)
    text = ""
    for line in lines:
        turn = step(WORLD, state, line)
        state, text = turn.state, "\n".join(p.text for p in turn.output)
    return text


def test_han_offers_to_report_the_cage_only_after_you_have_seen_it() -> None:
    before = _play(["north", "talk to han"])
    assert "Sergeant Han" in before
    assert "thing in the cage" not in before
    after = _play(["north", "west", "east", "talk to han"])
    assert "Report that the thing in the cage is talking" in after


def test_no_choice_in_the_shipped_world_prints_nothing() -> None:
    assert list(silent_choices(WORLD)) == []


def test_leaving_a_conversation_says_something() -> None:
    menu = _play(["north", "talk to han"])
    (number,) = [
        line.split(".", 1)[0].strip()
        for line in menu.splitlines()
        if "Leave him to his clipboard" in line
    ]
    text = _play(["north", "talk to han", number])
    assert "goes back to his clipboard" in text


def test_a_silent_choice_is_reported(tmp_path: Path) -> None:
    (tmp_path / "w.yaml").write_text(
        """\
game: {title: T, release: 1, author: A, intro: Hi.}
player: {start: room}
endings: {out: {title: Out, text: Bye., kind: victory}}
rooms:
  room: {name: Room, description: A room.}
characters:
  bo:
    name: Bo
    description: Bo.
    location: room
    talk:
      start:
        text: Bo waits.
        choices:
          - {label: Wave., reply: Bo waves back.}
          - {label: Walk off., goto: end}
""",
        encoding="utf-8",
    )
    (finding,) = silent_choices(load_world([tmp_path]))
    assert "'Walk off.'" in finding.message and "reply" in finding.fix
