"""Delayed events (`on: {flag: x, after: n}`): the moment is kept in the state, so the timer
survives UNDO, saves and the search's clock, and the loader refuses what cannot count."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.engine import new_game, state_from_data, state_to_data, step
from game.engine.timing import outcome_key
from game.model import load_world
from game.model.problems import WorldError
from game.saves import history

TUTORIAL = Path(__file__).resolve().parents[1] / "tests" / "worlds" / "authoring" / "tutorial"

LAYER = """
rooms:
  pump_yard:
    extend: true
    on:
      jump: {say: You stamp on the grate., do: [{set: pumps_on}]}
events:
  flood:
    on: {flag: pumps_on, after: 3}
    say: Water wells up through the drain grate.
  hum_late:
    on: {enter: pump_house, after: 2}
    when: {in: [pump_house]}
    say: The hum climbs a tone.
"""


def _timer_world():
    """The tutorial with the timers layer, loaded once for the property test."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="hyosan-timers-") as name:
        (Path(name) / "x.yaml").write_text(LAYER, encoding="utf-8")
        return load_world([TUTORIAL, Path(name)])


def layered(tmp_path: Path, text: str = LAYER):
    """The tutorial world with one more layer."""
    (tmp_path / "layer").mkdir(exist_ok=True)
    (tmp_path / "layer" / "x.yaml").write_text(text, encoding="utf-8")
    return load_world([TUTORIAL, tmp_path / "layer"])


def play(world, lines, state=None):
    """Play lines; the states and texts of each turn."""
    if state is None:
        state, _ = new_game(world, 1)
    states, texts = [], []
    for line in lines:
        turn = step(world, state, line)
        state = turn.state
        states.append(state)
        texts.append(turn.text)
    return states, texts


def test_the_trigger_keeps_its_moment_and_its_delay(tmp_path):
    """`after` is read next to the moment's kind."""
    trigger = layered(tmp_path).events["flood"].trigger
    assert (trigger.kind, trigger.a, trigger.after) == ("flag", "pumps_on", 3)


def test_a_delayed_event_fires_the_given_number_of_turns_after_its_flag(tmp_path):
    """Set on the first turn, the flood comes on the fourth, and only once."""
    world = layered(tmp_path)
    states, texts = play(world, ["jump", "wait", "wait", "wait", "wait", "wait"])
    flooded = [i for i, text in enumerate(texts) if "Water wells up" in text]
    assert flooded == [3]
    assert states[0].timers == {"flood": states[0].turn}
    assert "flood" not in states[3].timers


def test_undo_takes_the_moment_back(tmp_path):
    """UNDO past the flag forgets the timer; the flood never comes."""
    world = layered(tmp_path)
    states, _ = play(world, ["jump", "wait", "undo", "undo"])
    assert not states[-1].timers
    _, texts = play(world, ["wait"] * 5, states[-1])
    assert not any("Water wells up" in t for t in texts)


def test_a_save_made_while_the_timer_runs_keeps_it(tmp_path):
    """The timer goes through the save data and the undo history's deltas unchanged."""
    world = layered(tmp_path)
    states, _ = play(world, ["jump", "wait"])
    data = state_to_data(states[-1])
    assert data["timers"] == {"flood": states[0].turn}
    restored = state_from_data(world, data)
    _, texts = play(world, ["wait", "wait"], restored)
    assert "Water wells up" in texts[-1]
    before = state_to_data(play(world, ["look"])[0][0])
    assert "timers" not in before
    change = history.delta(data, before)
    assert history.apply(data, change) == before


def test_the_undo_history_of_a_save_restores_states_with_and_without_a_timer(tmp_path):
    """The history deltas a save stores bring back the timer's start and its absence."""
    world = layered(tmp_path)
    states, _ = play(world, ["look", "jump", "wait", "wait", "wait", "wait"])
    last = states[-1]
    assert not last.timers and any(s.timers for s in last.history)
    decoded = history.decode(state_to_data(last), history.encode(last))
    assert decoded == [state_to_data(s) for s in last.history]


def test_a_save_from_before_timers_loads(tmp_path):
    """Old save data without the field loads with no timer running."""
    world = layered(tmp_path)
    data = state_to_data(new_game(world, 1)[0])
    data.pop("timers", None)
    assert not state_from_data(world, data).timers


def test_entering_again_does_not_restart_the_clock_and_a_false_guard_waits(tmp_path):
    """The hum comes two turns after the first entry, or once the player is back inside."""
    world = layered(tmp_path)
    to_the_door = ["talk to mrs oh", "1", "unlock door with brass key", "north", "south"]
    states, texts = play(world, to_the_door)
    entered = states[3].turn
    assert states[-1].timers == {"hum_late": entered}
    again, texts = play(world, ["north"], states[-1])
    assert again[0].turn == entered + 2 and "climbs a tone" in texts[0]
    _, texts = play(world, ["wait", "north"], states[-1])
    assert "climbs a tone" not in texts[0] and "climbs a tone" in texts[1]


def test_the_search_clock_counts_the_wait_not_the_turn(tmp_path):
    """Two games that set the flag at different turns differ until the wait is over."""
    world = layered(tmp_path)
    early, _ = play(world, ["jump", "wait"])
    late, _ = play(world, ["wait", "jump"])
    assert early[-1].turn == late[-1].turn
    assert outcome_key(world, early[-1]) != outcome_key(world, late[-1])
    plain, _ = play(world, ["wait", "wait"])
    assert outcome_key(world, plain[-1]) != outcome_key(world, late[-1])


@pytest.mark.parametrize(
    ("trigger", "needle"),
    [
        ("{turn: 5, after: 2}", "'after' counts turns from a moment"),
        ("{action: take, after: 2}", "'after' counts turns from a moment"),
        ("{after: 2}", "'after' counts turns from a moment"),
        ("{flag: pumps_on, after: 0}", "'after' must be 1 or more, not 0"),
        ("{flag: pumps_on, after: -3}", "'after' must be 1 or more, not -3"),
        ("{enter: pump_house, object: red_lever}", "'object' goes only with 'action'"),
        ("{enter: pump_house, flag: x}", "a trigger has one kind"),
    ],
)
def test_triggers_that_cannot_count_are_refused_with_the_place(tmp_path, trigger, needle):
    """Each mistake is an error at its file:line:col, with the fix."""
    text = f"events:\n  e:\n    on: {trigger}\n    say: x\n"
    with pytest.raises(WorldError) as error:
        layered(tmp_path, text)
    shown = str(error.value)
    assert needle in shown
    assert "x.yaml:3:" in shown


AGREE = [
    ("{flag: pumps_on, after: 3}", True),
    ("{state: {of: mrs_oh, is: helpful}, after: 1}", True),
    ("{enter: pump_house, after: 0}", False),
    ("{every: 3, after: 2}", False),
    ("{action: pull, object: red_lever, after: 2}", False),
    ("{enter: pump_house, object: red_lever}", False),
]


@pytest.mark.parametrize(("trigger", "valid"), AGREE)
def test_loader_and_schema_agree_on_delays(tmp_path, trigger, valid):
    """The loader and the schema both accept or both refuse each trigger."""
    from tests.test_authoring_schema import validate, yaml12
    from tests.test_loader_schema_agree import loader_accepts

    text = f"events:\n  e:\n    on: {trigger}\n    say: x\n"
    assert loader_accepts(tmp_path, text) is valid
    assert (validate(yaml12(text)) == []) is valid


def test_the_index_and_the_debugger_show_the_delay(tmp_path):
    """The index says '3 turns after flag pumps_on is set'; PENDING counts down the clock."""
    from game.authoring.index import index_html

    world = layered(tmp_path)
    page = index_html(world, tmp_path)
    row = page.split('id="event-flood"', 1)[1].split("</tr>", 1)[0]
    assert "3 turns after flag" in row and "pumps_on" in row
    assert "2 turns after entering" in page
    state, _ = new_game(world, 1, debug=True)
    _, texts = play(world, ["pending", "jump", "pending"], state)
    assert "flood: on flag pumps_on after 3 (clock not started)" in texts[0]
    assert "flood: on flag pumps_on after 3 (clock running: 3 to go)" in texts[2]


def test_the_digest_text_of_a_state_with_a_timer_is_its_data(tmp_path):
    """The canonical text (what save digests hash) includes the timer exactly as the data does."""
    import json

    from game.engine.canon import state_text

    world = layered(tmp_path)
    states, _ = play(world, ["jump", "wait", "wait", "wait", "undo"])
    for state in states:
        plain = json.dumps(
            state_to_data(state), sort_keys=True, ensure_ascii=False, separators=(",", ":")
        )
        assert state_text(state) == plain


def test_go_to_does_not_stop_short_of_a_room_whose_danger_is_delayed(tmp_path):
    """A death four turns after entering is not a death on the way in: GO TO walks there."""
    text = LAYER + (
        "  gas:\n    on: {enter: pump_house, after: 4}\n    do: [{end: choked}]\n"
        "endings:\n  choked: {title: Choked, kind: death}\n"
    )
    world = layered(tmp_path, text)
    lines = ["talk to mrs oh", "1", "unlock door with brass key", "north", "south"]
    states, _ = play(world, [*lines, "go to pump house"])
    assert states[-1].location == "pump_house"


def test_a_saved_game_keeps_its_clock_through_load_undo_and_replay(tmp_path, capsys):
    """Saved mid-wait, loaded, UNDO past the moment works, the flood comes on time, and
    `replay --verify` finds every line the same."""
    from game.cli import main
    from game.saves.session import Session

    world = layered(tmp_path)
    saves = tmp_path / "saves"
    session = Session.new(world, 42, saves)
    for line in ["jump", "wait"]:
        session.play(line)
    session.save("mid")
    loaded = Session.load(world, "mid", saves)
    assert loaded.state.timers == {"flood": 1}
    assert "Water wells up" in loaded.play("wait").text + loaded.play("wait").text
    again = Session.load(world, "mid", saves)
    again.play("undo")
    again.play("undo")
    assert not again.state.timers
    capsys.readouterr()
    layers = ["--world", str(TUTORIAL), "--world", str(tmp_path / "layer")]
    code = main(["replay", "mid", "--verify", "--saves", str(saves), *layers])
    assert code == 0 and "Every line matches" in capsys.readouterr().out


TIMER_WORLD = _timer_world()
TIMER_COMMANDS = [
    "jump", "wait", "undo", "look", "talk to mrs oh", "1", "unlock door with brass key",
    "north", "south", "restart",
]  # fmt: skip


@given(lines=st.lists(st.sampled_from(TIMER_COMMANDS), max_size=14))
def test_timers_survive_any_play_through_saves_digests_and_undo_history(lines):
    """Whatever is played: each state's data round-trips, its digest text is its data, and
    the undo history a save stores brings back every earlier state exactly."""
    import json

    from game.engine.canon import state_text
    from game.engine.state import without_history

    state, _ = new_game(TIMER_WORLD, 1)
    for line in lines:
        state = step(TIMER_WORLD, state, line).state
        assert all(0 <= t <= state.turn for t in state.timers.values())
    data = state_to_data(state)
    assert state_from_data(TIMER_WORLD, data) == without_history(state)
    plain = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert state_text(state) == plain
    decoded = history.decode(data, history.encode(state))
    assert decoded == [state_to_data(s) for s in state.history]
