"""Library messages belong to the world: neutral defaults, overrides, and only what a world has."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import TESTS, play, world_at

from game.engine import new_game, status, step
from game.model import WorldError, load_world
from game.model.messages import DEFAULTS

PLAIN = TESTS / "worlds" / "plain"
ROOT = TESTS.parent

# words of the shipped world that a world without overrides must never show
SHIPPED_WORDS = ["Zone", "Hyosan", "half-bie", "ruins", "Healthy", "NAMRA"]
DANGER_WORDS = ["FLEE", "HIDE", "FIGHT"]


def shipped_names() -> list[str]:
    """The names of the shipped world's characters (Han, Nam-ra, On-jo …)."""
    world = load_world([ROOT / "world"])
    names = []
    for character in world.characters.values():
        names += [w for w in re.findall(r"[A-Z][\w-]+", character.name) if len(w) > 2]
    return sorted(set(names))


@pytest.fixture(scope="module")
def plain():
    """The neutral test world."""
    return world_at(PLAIN)


def test_no_default_message_speaks_of_the_shipped_world():
    """Every neutral default is free of the shipped world's words and names."""
    banned = SHIPPED_WORDS + shipped_names()
    assert "Han" in " ".join(banned) or len(banned) > len(SHIPPED_WORDS)
    for key, text in DEFAULTS.items():
        for word in banned:
            assert not re.search(rf"\b{re.escape(word)}\b", text), (key, word)
        if not key.startswith(("encounter.", "help.danger")):
            for word in DANGER_WORDS:
                assert word not in text, (key, word)


COMMANDS = [
    "help",
    "look",
    "x me",
    "i",
    "listen",
    "smell",
    "taste",
    "jump",
    "sing",
    "sleep",
    "think",
    "wait",
    "pray",
    "wave",
    "dig",
    "search",
    "about",
    "score",
    "status",
    "hint",
    "take shelves",
    "n",
    "take lamp",
    "switch lamp on",
    "switch lamp off",
    "e",
    "take painting",
    "north",
    "librarian, jump",
    "kiss librarian",
    "attack librarian",
    "bye",
    "xyzzy",
]


def test_a_world_without_overrides_shows_none_of_the_shipped_world(plain):
    """Playing many stock replies in a neutral world shows no Hyosan word, name or danger verb."""
    p = play(plain, COMMANDS)
    banned = SHIPPED_WORDS + shipped_names() + DANGER_WORDS
    for word in banned:
        assert not re.search(rf"\b{re.escape(word)}\b", p.text), word
    assert "Time passes." in p.text


def test_help_shows_only_what_the_world_has(plain, mini_world):
    """HELP of a world without encounters, hints or score mentions none of them; the mini world's does."""
    quiet = play(plain, ["help"]).last
    assert "FLEE" not in quiet and "HINT" not in quiet and "SCORE" not in quiet
    assert "TALK TO" in quiet
    busy = play(mini_world, ["help"]).last
    assert "FLEE, HIDE, FIGHT" in busy and "HINT" in busy and "SCORE" in busy


def test_status_line_shows_only_what_the_world_has(plain, mini_world):
    """No condition and no score in a world without them; both in the mini world."""
    state, _ = new_game(plain, 1)
    line = status(plain, state).line()
    assert "Healthy" not in line and "Score" not in line
    assert line == "[Study | Turn 0]"
    state, _ = new_game(mini_world, 1)
    line = status(mini_world, state).line()
    assert "Healthy" in line and "Score 1/8" in line


def test_score_without_points_says_so(plain):
    """SCORE in a world with nothing to score doesn't claim 0 out of 0."""
    assert "out of a possible" not in play(plain, ["score"]).last


def write(tmp_path: Path, text: str) -> Path:
    """The plain world plus one extra file."""
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "extra.yaml").write_text(text, encoding="utf-8")
    return extra


def test_world_room_and_item_messages_override_in_that_order(tmp_path):
    """A world message replaces the default; a room's replaces the world's there; an item's wins."""
    extra = write(
        tmp_path,
        "messages:\n"
        "  verb.wait: The clock ticks.\n"
        "  take.done: Got it.\n"
        "rooms:\n"
        "  landing:\n"
        "    replace: true\n"
        "    name: Landing\n"
        "    description: A narrow landing by a fireplace.\n"
        "    exits: {down: hall}\n"
        "    messages: {verb.wait: The fire settles.}\n"
        "items:\n"
        "  leather_book:\n"
        "    replace: true\n"
        "    name: leather book\n"
        "    location: study\n"
        "    messages: {take.done: You lift the heavy book.}\n",
    )
    world = load_world([PLAIN, extra])
    p = play(world, ["wait", "take book", "take lamp", "e", "u", "wait"])
    assert p.turns[0][-1].text == "The clock ticks."
    assert p.turns[1][-1].text == "You lift the heavy book."
    assert p.turns[2][-1].text == "Got it."
    assert p.turns[5][-1].text == "The fire settles."


def test_placeholders_name_the_things(tmp_path):
    """{The} and {the2} in an override are filled with the things' names."""
    extra = write(tmp_path, "messages:\n  put.done: '{The} goes {word} {the2}, snugly.'\n")
    world = load_world([PLAIN, extra])
    p = play(world, ["take book", "open chest", "put book in chest"])
    assert p.last == "The leather book goes in the wooden chest, snugly."


def test_unknown_message_id_is_an_error_with_the_nearest(tmp_path):
    """A misspelt message id is reported with the id it probably meant."""
    extra = write(tmp_path, "messages:\n  verb.wiat: Tick.\n")
    with pytest.raises(WorldError) as caught:
        load_world([PLAIN, extra])
    assert "verb.wiat" in str(caught.value) and "verb.wait" in str(caught.value)


def test_one_response_for_several_verbs(tmp_path):
    """`push, pull:` answers both verbs with one response."""
    extra = write(
        tmp_path,
        "items:\n"
        "  crowbar:\n"
        "    replace: true\n"
        "    name: crowbar\n"
        "    location: study\n"
        "    on:\n"
        "      push, pull: {say: The crowbar rolls a little.}\n",
    )
    world = load_world([PLAIN, extra])
    p = play(world, ["push crowbar", "pull crowbar", "turn crowbar"])
    assert [t[-1].text for t in p.turns[:2]] == ["The crowbar rolls a little."] * 2
    assert p.last != "The crowbar rolls a little."


def test_world_wide_response_per_verb(tmp_path):
    """A top-level `on:` answers a verb anywhere, after the thing's and the room's own responses."""
    extra = write(tmp_path, "on:\n  jump, sing: {say: Not in a library.}\n")
    world = load_world([PLAIN, extra])
    p = play(world, ["jump", "sing", "e", "jump"])
    assert all(t[-1].text == "Not in a library." for t in (p.turns[0], p.turns[1], p.turns[3]))


def test_scenery_refuses_take_with_its_own_text(plain):
    """`take painting` gives the painting's own refusal; other scenery the world's."""
    p = play(plain, ["e", "take painting", "take stairs"])
    assert p.turns[1][-1].text == "The painting is hardly portable."
    assert p.last == DEFAULTS["take.scenery"]


def test_lamp_switch_message_comes_from_the_item(plain):
    """The lamp's own switch-on text replaces the stock one."""
    p = play(plain, ["take lamp", "turn on lamp"])
    assert p.last == "The lamp flickers into life."


def test_room_listing_states_like_inform(plain):
    """A closed chest says so; an open empty one says so; a lit lamp provides light; doors show."""
    p = play(
        plain, ["look", "open chest", "look", "take lamp", "switch lamp on", "drop lamp", "look"]
    )
    assert any("a wooden chest (which is closed)" in x.text for x in p.turns[0])
    assert any("(which is open but empty)" in x.text for x in p.turns[2])
    assert any("a brass lamp (providing light)" in x.text for x in p.turns[-1])
    hall = play(plain, ["e"])
    assert any("iron door (which is closed) leads north" in x.text for x in hall.turns[-1])


def test_plain_world_plays_in_plain_mode(plain):
    """The neutral world's opening names its title and room, and HELP's pointer is neutral."""
    state, opening = new_game(plain, 1)
    text = "\n".join(p.text for p in opening)
    assert "THE QUIET HOUSE" in text and "Study" in text
    assert step(plain, state, "look").output[0].text == "Study"
