"""Hints speak only of what the player has met, and each hint's steps work as written."""

from __future__ import annotations

from pathlib import Path

from game.engine import new_game, step
from game.engine.conditions import holds
from game.engine.draft import Draft
from game.model import load_world

ROOT = Path(__file__).resolve().parent.parent
WORLD = load_world([ROOT / "world"])

TO_THE_RADIO = (
    "open box|take key|n|e|unlock crate with key|open crate|take cutters|w|up|open ammo box|"
    "take all from box|use batteries on flashlight|turn on flashlight|down|w|cut grate|down|n|"
    "take tag|n|n|n|w|take oil|e|n|d|use oil on hatch|turn wheel|d|e|s|e|talk to mijin|1|bye|"
    "e|n|take scarf|s|w|w|n|n|up|open drawer|take key|up|up|unlock cabinet with key|"
    "open cabinet|take cell|n|put cell in radio|take cable|s|up|use cable on mast|d|n|"
    "switch on radio"
).split("|")


def _play(commands: list[str]):
    state, _ = new_game(WORLD, seed=1)
    text = ""
    for command in commands:
        turn = step(WORLD, state, command)
        state, text = turn.state, " ".join(p.text for p in turn.output)
    return state, text


def test_tune_radio_to_the_number_reaches_baek_with_the_tag_carried_unread() -> None:
    state, _ = _play(TO_THE_RADIO)
    assert state.flags.get("knows_frequency", 0) == 0  # carried, never read
    state, text = _play([*TO_THE_RADIO, "tune radio to 41.750"])
    assert "This is Baek" in text
    assert state.char_states["colonel"] == "on_radio"


def _relevant(state, puzzle_id: str) -> bool:
    puzzle = WORLD.hints[puzzle_id]
    d = Draft(WORLD, state)
    return holds(d, puzzle.when) and not holds(d, puzzle.done)


def test_the_radio_hint_is_the_one_for_what_you_carry_and_is_true() -> None:
    state, _ = _play(TO_THE_RADIO)
    assert _relevant(state, "tower_frequency_known")
    assert not _relevant(state, "tower_frequency")  # no "find the number" with it in your pocket
    assert "TUNE RADIO TO 41.750" in WORLD.hints["tower_frequency_known"].hints[-1]


def test_nam_ras_blood_hint_waits_until_you_have_met_dr_seo() -> None:
    puzzle = WORLD.hints["camp_blood"]
    assert "virology_lab" in repr(puzzle.when)  # the cure's doctor is met in her lab


def test_ask_nam_ra_for_blood_is_a_request_not_a_topic() -> None:
    reply = WORLD.characters["namra"].topics
    hunger = next(t for t in reply if "hunger" in t.words)
    cure = next(t for t in reply if "cure" in t.words)
    assert "blood" not in hunger.words and "blood" in cure.words
