"""Sealed saves with arbitrary values in every snapshot field: each one is refused with a SaveError
or loads and plays 20 commands without an exception, and the autosave it leaves loads again."""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

from hostile_saves import document, real_save, sealed
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import StateDataError, state_from_data, state_to_data, step
from game.model import World, load_world
from game.model.record import evolve
from game.saves.errors import SaveError
from game.saves.session import Session

MINI = Path(__file__).parent / "worlds" / "mini"
COMMANDS = (
    "look", "1", "2", "take it", "drop them", "pronouns", "hint", "hint", "x him", "flee",
    "hide", "fight", "inventory", "bye", "undo", "again", "oops key", "talk to han", "east",
    "score",
)  # fmt: skip


@cache
def mini() -> World:
    """The small test world."""
    return load_world([MINI])


@cache
def base() -> dict:
    """The document of a real save made mid-conversation."""
    with tempfile.TemporaryDirectory() as tmp:
        path = real_save(mini(), Path(tmp), "base", ("take all", "east", "talk to han"))
        return document(path)


def ids() -> st.SearchStrategy:
    """Names the world has, and names it does not."""
    w = mini()
    known = [*w.rooms, *w.items, *w.characters, *w.endings, *w.events, *w.hints, "player"]
    known += ["nowhere", "start", "wary", "trusting", "hunting", "healthy", "bitten", "it", "them"]
    return st.one_of(st.sampled_from(known), st.text(max_size=6))


def junk() -> st.SearchStrategy:
    """Any JSON value, leaning on the shapes saves use."""
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.integers(min_value=-3, max_value=5),
        st.floats(allow_nan=False, allow_infinity=False),
        ids(),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(ids(), inner, max_size=3)
        ),
        max_leaves=6,
    )


@st.composite
def snapshots(draw) -> dict:
    """The base snapshot with some of its fields replaced by arbitrary values."""
    snapshot = dict(base()["snapshot"])
    for name in draw(st.lists(st.sampled_from(sorted(snapshot)), max_size=6, unique=True)):
        snapshot[name] = draw(junk())
    return snapshot


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(snapshot=snapshots())
def test_no_sealed_save_can_crash_the_game(snapshot: dict) -> None:
    """Load, then 20 commands: a SaveError or play; never any other exception."""
    doc = dict(base(), snapshot=snapshot)
    if isinstance(snapshot.get("turn"), int) and not isinstance(snapshot["turn"], bool):
        doc["turn"] = snapshot["turn"]
    if isinstance(snapshot.get("location"), str):
        doc["location"] = snapshot["location"]
    with tempfile.TemporaryDirectory() as tmp:
        saves = Path(tmp)
        (saves / "fuzz.json").write_text(sealed(doc), encoding="utf-8")
        try:
            session = Session.load(mini(), "fuzz", saves)
        except SaveError:
            return
        for line in COMMANDS:
            session.play(line)
        session.close()
        assert Session.load(mini(), "autosave", saves).state == session.state


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(snapshot=snapshots())
def test_state_data_is_a_state_error_or_a_playable_state(snapshot: dict) -> None:
    """Without the load path's last-resort guard: StateDataError, or 20 commands that all play."""
    try:
        state = state_from_data(mini(), snapshot)
    except StateDataError:
        return
    for line in COMMANDS:
        state = step(mini(), state, line).state
    assert state_from_data(mini(), state_to_data(state)) == evolve(state, history=())


@st.composite
def well_shaped(draw) -> dict:
    """Snapshots of the right shape whose ids are the world's own, in combinations play never
    makes: items inside items, talk with anyone, encounters with anyone, questions about anything."""
    w = mini()
    rooms, items, chars = sorted(w.rooms), sorted(w.items), sorted(w.characters)
    things = items + chars + sorted(w.scenery)
    pick = st.sampled_from
    snap = dict(base()["snapshot"])
    snap["places"] = {i: draw(pick(rooms + items + ["player", "nowhere"])) for i in items}
    snap["char_places"] = {c: draw(pick([*rooms, "nowhere"])) for c in chars}
    snap["char_states"] = {c: draw(pick(sorted(w.characters[c].machine.states))) for c in chars}
    snap["location"] = draw(pick(rooms))
    snap["condition"] = draw(pick(sorted(w.player.condition.states)))
    snap["phase"] = draw(pick(["exploring", "dialogue", "encounter"]))
    snap["dialogue"] = draw(
        st.none() | st.lists(pick([*chars, "start", "x"]), min_size=2, max_size=2)
    )
    snap["encounter"] = draw(st.none() | st.tuples(pick(chars), st.integers(-2, 5)).map(list))
    snap["pending"] = draw(
        st.none()
        | st.tuples(pick(["take {}", "put {} in locker", ""]), st.lists(pick(things))).map(list)
    )
    snap["pronouns"] = draw(
        st.dictionaries(pick(["it", "him", "her", "them"]), pick(things) | st.lists(pick(things)))
    )
    for name in ("open", "locked", "lit", "worn"):
        snap[name] = draw(st.lists(pick(items), unique=True))
    snap["hints"] = draw(st.dictionaries(pick([*sorted(w.hints), "gone"]), st.integers(-3, 9)))
    snap["last_command"] = draw(pick(["", "look", "#han, follow me", "#nobody, x", "take {}"]))
    return snap


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(snapshot=well_shaped())
def test_well_shaped_but_unlikely_states_play_without_an_exception(snapshot: dict) -> None:
    """State data of the right shape either is refused or plays 20 commands (plus AGAIN/orders)."""
    try:
        state = state_from_data(mini(), snapshot)
    except StateDataError:
        return
    for line in (*COMMANDS, "again", "put all in locker", "wear all", "han, follow me", "it"):
        state = step(mini(), state, line).state
