"""`hyosan check` analysis: one purpose-built world per kind of finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.authoring.analysis import analyse
from game.model import load_world

WORLDS = Path(__file__).resolve().parent / "worlds" / "authoring"


def findings(name: str):
    """The static findings about one purpose-built world."""
    return analyse(load_world([WORLDS / name]))


def kinds(name: str) -> dict[str, list]:
    """Findings grouped by kind."""
    grouped: dict[str, list] = {}
    for finding in findings(name):
        grouped.setdefault(finding.kind, []).append(finding)
    return grouped


def test_tutorial_world_has_no_findings():
    """The tutorial's finished world is clean: nothing unreachable, nothing forgotten."""
    assert findings("tutorial") == []


def test_unreachable_room_is_named_with_its_line():
    """A room no exit leads to is reported at its definition, with a fix."""
    (finding,) = kinds("unreachable_room")["unreachable_room"]
    assert "'attic'" in finding.message
    assert finding.where.path.endswith("unreachable_room/world.yaml")
    assert finding.where.line == 16
    assert "exit" in finding.fix


def test_unobtainable_item():
    """An item that starts nowhere and is never given can never be obtained."""
    (finding,) = kinds("unobtainable_item")["unobtainable_item"]
    assert "'medal'" in finding.message
    assert "{give: medal}" in finding.fix


def test_exit_without_way_back_unless_one_way():
    """An exit with no return is reported; the one marked one_way is not."""
    found = kinds("no_way_back")["no_way_back"]
    assert [f.message.split(" from ")[0] for f in found] == ["exit north"]
    assert "south: hall" in found[0].fix


def test_locks_whose_key_is_unreachable():
    """A door whose key is never obtainable, and a keyless locked safe, are both reported."""
    found = kinds("locks")
    assert "'gold_key'" in found["unreachable_key"][0].message
    assert "'safe'" in found["locked_forever"][0].message
    assert any("'yard'" in f.message for f in found["unreachable_room"])


def test_flags_set_but_never_read_and_read_but_never_set():
    """Both directions of a flag mistake are reported where they are written."""
    found = kinds("flags")
    assert "'bell_rung'" in found["flag_never_read"][0].message
    (never_set,) = found["flag_never_set"]
    assert "'power_on'" in never_set.message
    assert never_set.where.line == 11


def test_character_state_that_can_never_be_entered():
    """A state with no transition into it is unreachable, and the effect asking for it is flagged."""
    found = kinds("states")
    assert [f.message for f in found["unreachable_state"]] == [
        "character 'guard' can never be in state 'angry'"
    ]
    (silent,) = found["no_transition"]
    assert "'angry'" in silent.message and silent.where.line == 25


def test_event_that_can_never_fire():
    """An event waiting for an unreachable room can never fire."""
    found = kinds("dead_event")
    assert "'wind'" in found["event_never_fires"][0].message


def test_ending_that_can_never_be_reached():
    """An ending no effect leads to is reported; the reachable one is not."""
    (finding,) = kinds("dead_ending")["ending_unreachable"]
    assert "'lost'" in finding.message


@pytest.mark.parametrize(
    "name",
    ["unreachable_room", "unobtainable_item", "no_way_back", "locks", "flags", "states"],
)
def test_findings_say_where_and_how_to_fix(name):
    """Every finding carries a file:line:col and a fix."""
    for finding in findings(name):
        assert finding.where is not None and finding.where.line > 0
        assert finding.fix
        assert str(finding).startswith(finding.where.path)


def test_responses_for_verbs_no_command_produces():
    """`on: help` never fires (HELP is a game command); `on: burn` does, as the typed verb."""
    found = kinds("verbs")["verb_never_typed"]
    by_verb = {f.message.split("'")[1]: f for f in found}
    assert set(by_verb) == {"help"}
    assert "no command produces it" in by_verb["help"].fix
