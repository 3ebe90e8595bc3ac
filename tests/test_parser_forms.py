"""The parser forms of issue #10, one test each, on the neutral test world (tests/worlds/plain)."""

from __future__ import annotations

import pytest
from conftest import TESTS, play, world_at

PLAIN = TESTS / "worlds" / "plain"


@pytest.fixture(scope="module")
def plain():
    """The neutral test world."""
    return world_at(PLAIN)


def where(p, item: str) -> str:
    """Where an item is at the end of play."""
    return p.state.places[item]


def test_missing_noun_is_asked_and_the_next_line_answers(plain):
    """`x` asks what to examine; `lamp` on the next line examines the lamp."""
    p = play(plain, ["x", "lamp"])
    assert p.turns[0][-1].text == "What do you want to examine?"
    assert p.last == "An old brass lamp.\n\nIt is switched off."


def test_missing_key_is_asked_and_the_next_line_answers(plain):
    """`unlock door` with no key at hand asks what with; the next line answers it."""
    p = play(plain, ["e", "take iron key", "w", "drop iron key", "e", "unlock door", "small key"])
    assert p.turns[5][-1].text == "What do you want to unlock the iron door with?"
    assert p.last == "The small key doesn't fit."


@pytest.mark.parametrize("answer", ["red", "red thread", "thread", "first", "1", "the first one"])
def test_disambiguation_answers(plain, answer):
    """`x thread` asks which; a noun, an adjective, adjective+noun or an ordinal answers it."""
    p = play(plain, ["x thread", answer])
    assert p.turns[0][-1].text.startswith("Which do you mean")
    assert p.last == "A length of red thread."


def test_disambiguation_answer_threads(plain):
    """The plural noun picks the tangle."""
    assert play(plain, ["x thread", "threads"]).last == "A tangle of grey threads."


def test_my_prefers_what_you_carry(plain):
    """`take my key`/`drop my key`: my means the one you hold."""
    p = play(plain, ["e", "take iron key", "drop my key"])
    assert where(p, "my_key") == "player" or where(p, "iron_key") == "hall"


def test_double_object_give_and_show(plain):
    """`give librarian the cake` and `show her the book` mean GIVE/SHOW X TO Y."""
    p = play(plain, ["take cake", "take book", "e", "show librarian the book", "give her the cake"])
    assert "librarian" in p.turns[3][-1].text.lower()
    assert "librarian" in p.last.lower()
    assert "don't know" not in p.text


def test_implicit_actions_chain(plain):
    """`put book in chest` with the book on the floor and the chest closed takes, then opens."""
    p = play(plain, ["put book in chest"])
    lines = p.last.split("\n\n")
    assert lines[:2] == ["(first taking the leather book)", "(first opening the wooden chest)"]
    assert where(p, "leather_book") == "wooden_chest"


def test_decimals_are_not_sentence_breaks(plain):
    """`x 41.750` names the card whose words include the number."""
    p = play(plain, ["e", "x 41.750"])
    assert p.last == "A card with a number on it, 41.750."


def test_abbreviations_are_not_sentence_breaks(plain):
    """`x dr. librarian` is one command (Dr. is not a full stop)."""
    p = play(plain, ["e", "x st. librarian"])
    assert (p.turns[-1] and "don't know the word 'st'" in p.last) or "tall woman" in p.last
    assert len(p.turns[-1]) == 1


def test_possessive(plain):
    """`x librarian's clipboard` examines the clipboard."""
    p = play(plain, ["e", "x librarian's clipboard"])
    assert p.last == "A clipboard covered in sums."


@pytest.mark.parametrize(
    "command",
    ["put board across gap", "pry door with crowbar", "sit by fire", "say hello to librarian"],
)
def test_prepositions_are_understood(plain, command):
    """Each preposition form parses (no unknown word, no 'only understood')."""
    p = play(
        plain, ["e", "take board", "take crowbar", "u" if "fire" in command else "look", command]
    )
    assert "I don't know" not in p.last and "only understood" not in p.last
    assert "not a verb" not in p.last


def test_every_word_of_a_name_is_accepted(plain):
    """`coil of rope` answers to `rope` and `coil`."""
    p = play(plain, ["e", "x rope", "x coil"])
    assert p.turns[-1][-1].text == p.turns[-2][-1].text == "A coil of rope."


def test_bye_outside_a_conversation_costs_no_turn(plain):
    """BYE with nobody to talk to takes no time; nor does an unknown word."""
    p = play(plain, ["bye", "xyzzy"])
    assert p.state.turn == 0


def test_orders_are_carried_out(plain):
    """`librarian, go west` moves her; her `orders:` still refuse what the world says."""
    p = play(plain, ["e", "librarian, go west"])
    assert p.state.char_places["librarian"] == "study"
    refused = play(plain, ["e", "librarian, take crowbar"])
    assert refused.last == '"Fetch it yourself," says the librarian.'


def test_ask_and_tell_can_answer_differently(plain):
    """ASK and TELL about the same topic have their own replies when the world gives both."""
    p = play(plain, ["e", "ask librarian about rain", "tell librarian about rain"])
    assert p.turns[1][-1].text == '"It never stops," she says.'
    assert p.last == '"You needn\'t tell me about the rain," she sighs.'
