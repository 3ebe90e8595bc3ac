"""#9: nobody is named before the player has met or heard of them, here at the last roadblock.

A player who never went to the command trailer, never heard the radio, never read the map and
never asked Han about the Colonel reaches the roadblock: the overpass, the roadblock's listing
and the hint speak of "an officer" / "whoever gives the orders", and Baek names himself there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import play

from game.model import load_world

ROOT = Path(__file__).resolve().parent.parent
ROUTE = [
    line
    for line in (ROOT / "tests" / "walkthroughs" / "behind_the_wall.txt").read_text().splitlines()
    if line and not line.startswith("#")
]


@pytest.fixture(scope="module")
def world():
    """The shipped world."""
    return load_world([ROOT / "world"])


def _until_roadblock(world, lines):
    """Play the route up to and including the step onto the roadblock; the turns as texts."""
    end = len(lines) - 1  # the last line gives the case away; the one before walks in
    p = play(world, lines[:end])
    return p, ["\n\n".join(x.text for x in turn) for turn in p.turns]


def test_a_stranger_to_baek_meets_him_at_the_roadblock(world):
    """Without the radio, Baek is first named when he introduces himself at the barrier."""
    lines = [x for x in ROUTE if x != "switch on radio"]
    p, texts = _until_roadblock(world, lines)
    arrival = texts[-1]
    overpass = texts[-2]
    assert "Baek" not in overpass and "Whoever gives the orders" in overpass
    before_intro = arrival.split('"Lieutenant Colonel Baek," he says', 1)
    assert len(before_intro) == 2, arrival
    assert "Baek" not in before_intro[0]
    assert "An officer waits at the barrier" in before_intro[0]
    assert p.state.flags.get("baek_introduced") == 1


def test_a_player_who_heard_him_on_the_radio_is_not_introduced_again(world):
    """With the radio's broadcast heard, the roadblock speaks of Colonel Baek straight away."""
    _, texts = _until_roadblock(world, ROUTE)
    assert '"You\'ve brought me something," Colonel Baek says pleasantly' in texts[-1]
    assert 'Lieutenant Colonel Baek," he says' not in texts[-1]
    assert "Colonel Baek will be among those soldiers" in texts[-2]


def test_the_boy_in_the_cage_is_not_jun_until_he_says_so(world):
    """Before he gives his name, Jun's replies call him the boy; freeing him, he says it."""
    p = play(world, ["open box", "take key", "n", "e", "unlock crate with key", "open crate"])
    p = play(
        world,
        ["take cutters", "w", "w", "ask boy about weather", "wave", "ask boy about way"],
        state=p.state,
    )
    assert all("Jun" not in "\n".join(x.text for x in turn) for turn in p.turns)
    p = play(world, ["cut cage"], state=p.state)
    assert "Jun. So you know who you let out." in p.last
    assert p.state.flags.get("jun_named") == 1


def test_showing_on_jo_her_letter_is_the_same_as_asking_about_it(world):
    """SHOW/GIVE LETTER TO ON-JO answers as ASK ON-JO ABOUT LETTER does (not 'without interest')."""
    lines = ROUTE[: ROUTE.index("talk to onjo")]
    p = play(world, [*lines, "show letter to onjo", "give letter to onjo"])
    assert "Her own handwriting stops her cold." in "\n".join(x.text for x in p.turns[-2])
    assert "I wrote it twelve times" in p.last


def test_ha_eun_is_the_girl_in_the_far_bunk_until_she_says_her_name(world):
    """The status line and the library call her the girl in the far bunk; asked, she names
    herself and is Ha-eun from then on."""
    from game.engine import status

    lines = ROUTE[: ROUTE.index("give peaches to haeun")]
    p = play(world, [*lines, "wave"])
    assert "Ha-eun" not in p.last
    assert "girl in the far bunk" in status(world, p.state).here
    p = play(world, ["talk to girl"], state=p.state)
    question = p.last
    assert question.startswith("Which do you mean") and "Ha-eun" not in question
    pick = "1" if question.index("far bunk") < question.index("On-jo") else "2"
    p = play(world, [pick, "1", "bye"], state=p.state)
    assert "Ha-eun" in status(world, p.state).here
