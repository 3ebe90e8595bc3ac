"""#9's parser cases on a neutral world (tests/worlds/gadgets): the player as a second noun,
phrasal switch verbs, a thing that answers SWITCH without being a light, TUNE to any number."""

from __future__ import annotations

import pytest
from conftest import TESTS, play, world_at

GADGETS = TESTS / "worlds" / "gadgets"


@pytest.fixture(scope="module")
def gadgets():
    """The neutral gadget world."""
    return world_at(GADGETS)


@pytest.mark.parametrize(
    "line",
    ["use salve on me", "use salve on myself", "apply salve to me", "use pot on self",
     "apply salve on yourself", "treat me with salve", "heal myself with salve"],
)  # fmt: skip
def test_the_player_is_a_second_noun(gadgets, line):
    """USE X ON ME (and its kin) does what USE X does, never "You can't see any such thing"."""
    p = play(gadgets, [line])
    assert p.last == "You rub the salve into your hands."
    assert p.state.flags.get("salved") == 1


def test_things_to_oneself_that_mean_nothing_are_answered(gadgets):
    """GIVE X TO ME and KISS ME get a library reply, not a parser failure or a crash."""
    p = play(gadgets, ["give salve to me", "kiss me", "x myself"])
    assert p.turns[0][-1].text == "You already have the pot of salve."
    assert p.turns[1][-1].text == "That isn't something to do to yourself."
    assert p.last == "As good-looking as ever."


@pytest.mark.parametrize("on", ["turn on wireless", "switch on wireless", "turn wireless on"])
@pytest.mark.parametrize("off", ["turn off wireless", "switch off wireless", "turn wireless off"])
def test_phrasal_switch_verbs_reach_the_switch_responses(gadgets, on, off):
    """TURN ON X is switch_on even when X also answers plain TURN (the dial)."""
    p = play(gadgets, [on, off])
    assert p.turns[0][-1].text == "The valves glow."
    assert p.last == "The valves fade."
    assert not p.state.flags.get("wireless_on")


def test_a_switch_with_nothing_to_do_is_still_a_switch(gadgets):
    """SWITCH OFF a thing that is off: "Nothing happens.", not "not something you can switch"."""
    assert play(gadgets, ["switch off wireless"]).last == "Nothing happens."
    assert play(gadgets, ["switch off tin"]).last == "That's not something you can switch."


@pytest.mark.parametrize("number", ["7.25", "7.250", "07.25"])
def test_tune_to_the_worlds_frequency(gadgets, number):
    """The world's own number answers, whichever way it is written; TURN X TO N is TUNE."""
    assert play(gadgets, [f"tune wireless to {number}"]).last == (
        "A voice reads the shipping forecast."
    )
    assert play(gadgets, [f"turn dial to {number}"]).last == "A voice reads the shipping forecast."


@pytest.mark.parametrize("number", ["100", "7.5", "0.1", "99.999", "12", "seven"])
def test_tune_to_any_other_number_is_answered(gadgets, number):
    """Any other number gets the world's general reply, not a parser failure or its frequency."""
    assert play(gadgets, [f"tune wireless to {number}"]).last == "Static."
    assert play(gadgets, ["turn dial"]).last == "The dial spins freely."


def test_a_typo_while_a_menu_is_open_keeps_it(gadgets):
    """Engine side of the menu rule, on the snapshot world: typo answered, menu kept; a command
    leaves it."""
    from test_plain_menus import WORLD_DIR

    from game.model import load_world

    world = load_world([WORLD_DIR])
    p = play(world, ["w", "talk to su-hyeok", "tel him"])
    assert p.state.phase == "dialogue"
    assert p.last_kinds == ("error", "error")
    assert "Did you mean 'tell'?" in p.last
    p = play(world, ["2"], state=p.state)
    assert "I am coming with you" in p.text
    p = play(world, ["w", "talk to su-hyeok", "look"])
    assert p.state.phase == "exploring" and p.last.startswith("(You leave the conversation.)")


def test_hint_speaks_of_the_puzzle_where_the_player_is(gadgets):
    """HINT picks the open puzzle nearest the player, not the first by id (#9): in the shed the
    spanner, back at the bench the wireless, whose switch sets the flag that solves it."""
    p = play(gadgets, ["n", "e", "hint"])
    assert "Something in the shed" in p.last
    p = play(gadgets, ["w", "s", "hint"], state=p.state)
    assert "The wireless might work." in p.last
    p = play(gadgets, ["n", "hint"], state=p.state)  # the yard: both one step away, wireless has
    assert "The wireless might work." in p.last  # been hinted already


def test_hint_ranking_follows_what_solves_the_puzzle(gadgets):
    """A puzzle solved by a flag is placed where the rules that set it are."""
    from game.engine.draft import Draft
    from game.engine.hints import open_puzzles, setters

    assert setters(gadgets)["wireless_on"] == ("wireless",)
    p = play(gadgets, ["n", "e"])
    ids = [h.id for h in open_puzzles(Draft(gadgets, p.state))]
    assert ids == ["b_spanner", "a_wireless"]


def test_contents_the_description_names_are_not_listed_again(gadgets):
    """EXAMINE a container: what its description already names is not listed in "In it:" (#9:
    the photo in the cigarette packet was described and then listed)."""
    p = play(gadgets, ["x tin"])
    assert p.last == (
        "A dented biscuit tin. Tucked inside the lid is a postcard of the sea.\n\n"
        "In it: a spare button."
    )
    p = play(gadgets, ["take button", "x tin"])
    assert p.last == "A dented biscuit tin. Tucked inside the lid is a postcard of the sea."
    assert play(gadgets, ["search tin"]).last.count("postcard") == 1


def test_naming_a_place_says_where_it_is(gadgets):
    """`x yard` from the bench room names the place and its direction; the room you're in says so;
    anything else is still "You can't see any such thing." (texts that mention the next room
    must not leave the player with a refusal)."""
    p = play(gadgets, ["x yard", "n", "x bench room", "x yard", "x moon"])
    texts = ["\n".join(x.text for x in turn) for turn in p.turns]
    assert texts[0] == "That's a place, not a thing here: Yard (north)."
    assert texts[2] == "That's a place, not a thing here: Bench Room (south)."
    assert texts[3] == "You're in Yard. (LOOK describes it.)"
    assert texts[4].startswith("I don't know the word 'moon'.")


def test_people_verbs_prefer_the_person_and_nouns_match_plurals(gadgets):
    """TALK TO GIRL means the girl, not the doll of a girl; X GIRL is ambiguous only between
    things a girl could be (here the person's noun wins: the doll's 'girl' is its name's tail)."""
    p = play(gadgets, ["n", "talk to girl"])
    assert p.last.startswith("Mira looks up.")
    assert play(gadgets, ["n", "ask girl about pump"]).last == "Mira shrugs."


def test_a_door_on_two_exits_is_listed_once_and_pry_on_an_open_door(gadgets):
    """A door both WEST and OUT lead through is listed once; PRY an open door: already open."""
    p = play(gadgets, ["n", "e", "look", "pry door with salve"])
    look = "\n".join(x.text for x in p.turns[2])
    assert look.count("shed door") == 1
    assert p.last == "It's already open."


def test_talking_to_scenery_is_a_conversation_refusal(gadgets, tmp_path):
    """TALK TO / ASK a piece of scenery: `talk.cant`, not "not something you need to worry about"."""
    from game.model import load_world

    (tmp_path / "w.yaml").write_text(
        "game: {title: T, intro: Hi.}\nplayer: {start: yard}\n"
        "rooms:\n  yard:\n    name: Yard\n    description: Guards by a pump.\n"
        "    scenery:\n      guards: {words: [guards], description: Bored guards.}\n"
        "      pump: {words: [pump], description: A pump.}\n",
        encoding="utf-8",
    )
    world = load_world([tmp_path])
    p = play(world, ["talk to guards", "ask guards about pump", "take pump"])
    texts = ["\n".join(x.text for x in turn) for turn in p.turns]
    assert texts[:2] == ["You can't talk to the guards."] * 2
    assert texts[2] == "That's hardly portable."


def test_a_person_is_not_named_before_they_give_their_name(gadgets):
    """`unnamed:`/`named:`: the library's replies, the menu and the status line call her the
    girl with a bucket until she says her name (#9: people named before they are met)."""
    from game.engine import current_menu, status

    p = play(gadgets, ["n", "take bucket", "talk to girl"])
    assert "Mira" not in p.turns[1][0].text and "girl with a bucket" in p.turns[1][0].text
    assert current_menu(gadgets, p.state).name == "the girl with a bucket"
    assert "girl with a bucket" in status(gadgets, p.state).here
    p = play(gadgets, ["2", "bye", "take bucket"], state=p.state)
    assert "Mira" in p.last and "bucket" not in p.last
