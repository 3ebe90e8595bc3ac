"""Endings remember: the epilogue tells what became of the people met, by what the player did."""

from __future__ import annotations

from pathlib import Path

from game.engine import new_game, step
from game.model import load_world

ROOT = Path(__file__).resolve().parent.parent
WORLD = load_world([ROOT / "world"])


def _ending_text(name: str, replace: tuple[str, str] | None = None) -> str:
    """The paragraphs of the last turn of a walkthrough (optionally with one command changed)."""
    lines = (ROOT / "tests" / "walkthroughs" / f"{name}.txt").read_text(encoding="utf-8")
    commands = [c for c in lines.splitlines() if c.strip() and not c.startswith("#")]
    if replace:
        commands = [replace[1] if c == replace[0] else c for c in commands]
    state, _ = new_game(WORLD, seed=1)
    text = ""
    for command in commands:
        turn = step(WORLD, state, command)
        state, text = turn.state, "\n".join(p.text for p in turn.output)
    assert state.ending, f"{name} did not end"
    return text


def test_the_long_road_tells_of_each_person_by_what_you_did() -> None:
    text = _ending_text("the_long_road")
    assert "On-jo found Cheong-san" in text
    assert "Ha-eun gave her blood because she chose to" in text
    assert "the lights held" in text
    assert "Jun is home" in text
    assert "Specimen 112" not in text


def test_two_walked_out_knows_jun_was_freed_not_taken() -> None:
    text = _ending_text("two_walked_out")
    assert "Jun is home" in text and "Specimen 112" not in text
    assert "You never reached the school roof" not in text


def test_an_epilogue_shows_every_line_whose_condition_holds(tmp_path: Path) -> None:
    (tmp_path / "w.yaml").write_text(
        """\
game: {title: T, release: 1, author: A, intro: Hi.}
player: {start: room}
rooms:
  room:
    name: Room
    description: A room.
    on: {jump: {say: You jump., do: [{set: jumped}, {end: out}]}}
endings:
  out:
    title: Out
    text: Bye.
    kind: victory
    epilogue:
      - {when: {flag: jumped}, text: You jumped.}
      - {when: {not: {flag: jumped}}, text: You never jumped.}
      - {text: Always this.}
""",
        encoding="utf-8",
    )
    world = load_world([tmp_path])
    state, _ = new_game(world, seed=1)
    texts = [p.text for p in step(world, state, "jump").output]
    assert texts.index("Bye.") < texts.index("You jumped.") < texts.index("Always this.")
    assert "You never jumped." not in texts


def test_one_night_then_first_light_ends_the_game_with_phase_three() -> None:
    state, _ = new_game(WORLD, seed=1)
    said: dict[int, str] = {}
    while not state.ending:
        turn = step(WORLD, state, "wait")
        state = turn.state
        said[state.turn] = " ".join(p.text for p in turn.output)
    assert state.ending == "first_light" and state.turn == 400
    assert "the night is half gone" in said[150]  # the first warning comes early
    assert "Phase Three at first light" in said[340]
    assert "Grey is leaking into the sky" in said[370]
    assert "from the wrong side of the wall" in said[400]  # outside the Zone, you watch


def test_the_world_has_no_second_sunset() -> None:
    """The night runs dusk to dawn once: no text puts the sun down after the game began at night."""
    for path in (ROOT / "world").glob("*.yaml"):
        text = path.read_text(encoding="utf-8").lower()
        for phrase in ("sunset", "sun goes down", "sun is going down"):
            assert phrase not in text, (path.name, phrase)


def test_go_to_stops_before_a_room_that_would_kill_you() -> None:
    lines = (ROOT / "tests" / "walkthroughs" / "shot_on_sight.txt").read_text(encoding="utf-8")
    commands = [c for c in lines.splitlines() if c.strip() and not c.startswith("#")]
    state, _ = new_game(WORLD, seed=1)
    for command in commands[:-1]:  # a half-bie, one room from the soldiers' floodlights
        state = step(WORLD, state, command).state
    turn = step(WORLD, state, "go to checkpoint yard")
    assert turn.state.ending is None and turn.state.location == state.location
    assert "You stop short of Checkpoint Yard" in turn.output[-1].text
    assert step(WORLD, turn.state, commands[-1]).state.ending == "shot_on_sight"


def _until_roadblock(name: str):
    """A walkthrough's state on arrival at the roadblock (its last command not yet typed)."""
    lines = (ROOT / "tests" / "walkthroughs" / f"{name}.txt").read_text(encoding="utf-8")
    commands = [c for c in lines.splitlines() if c.strip() and not c.startswith("#")]
    state, _ = new_game(WORLD, seed=1)
    for command in commands[:-1]:
        state = step(WORLD, state, command).state
    assert state.location == "outer_roadblock" and state.ending is None
    return state


def test_the_roadblock_is_the_players_choice_and_han_acts_on_his_trust() -> None:
    state = _until_roadblock("the_long_road")
    assert step(WORLD, state, "give case to baek").state.ending == "behind_the_wall"
    assert step(WORLD, state, "give case to han").state.ending == "the_long_road"
    for _ in range(4):
        state = step(WORLD, state, "wait").state
    assert state.ending == "the_long_road"  # Han stops waiting for you


def test_without_han_baeks_men_take_the_case_if_you_do_not_choose() -> None:
    state = _until_roadblock("behind_the_wall")
    for _ in range(4):
        state = step(WORLD, state, "wait").state
    assert state.ending == "behind_the_wall"
