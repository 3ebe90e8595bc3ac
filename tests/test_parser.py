"""One test per parser behaviour players expect (if-conventions.md, issue 2), on tests/worlds/mini."""

from __future__ import annotations

import pytest
from conftest import play

from game.engine import new_game, step
from game.model.record import evolve

# command prefixes that set up a situation in the mini world
TORCH = ["e", "open locker", "take torch", "w"]
TO_YARD = ["unlock gate with rusty key", "n"]
TO_CORRIDOR = [*TORCH, *TO_YARD, "n"]  # the horde attacks on arrival
LIT_CORRIDOR = [*TORCH, "switch torch on", *TO_YARD, "n"]
BITTEN = [*TO_CORRIDOR, "z", "z"]  # the encounter times out: bitten
WHICH_KEY = "Which do you mean, the rusty key or the brass key?"


def place(played, item: str) -> str:
    """Where an item is at the end of play."""
    return played.state.places[item]


# --- synonyms, adjectives, articles -------------------------------------------------------


def test_take_by_adjective_and_noun(mini_world):
    """`take rusty key` takes the rusty key, not the brass one."""
    p = play(mini_world, ["take rusty key"])
    assert p.last == "Taken."
    assert place(p, "rusty_key") == "player"
    assert place(p, "brass_key") == "gate"


def test_get_key_takes_the_key_not_yet_held(mini_world):
    """`get key` with one key already in hand takes the other without asking."""
    p = play(mini_world, ["take rusty key", "get key"])
    assert p.last == "Taken."
    assert place(p, "brass_key") == "player"


@pytest.mark.parametrize("command", ["pick up the key", "pick the key up", "take the key"])
def test_pick_up_phrasings_with_articles(mini_world, command):
    """`pick up the key`, `pick the key up` and `take the key` all mean TAKE; articles are ignored."""
    p = play(mini_world, ["take brass key", command])
    assert p.last == "Taken."
    assert place(p, "rusty_key") == "player"


@pytest.mark.parametrize("command", ["take a rusty key", "take the rusty key", "get the Rusty KEY"])
def test_articles_and_case_are_ignored(mini_world, command):
    """Articles and capital letters make no difference to what is meant."""
    p = play(mini_world, [command])
    assert place(p, "rusty_key") == "player"


def test_noun_synonym(mini_world):
    """A synonym from the item's words names it: the torch is also a flashlight."""
    p = play(mini_world, ["e", "open locker", "x flashlight"])
    assert "A heavy army torch." in p.last


def test_verb_synonyms_for_examine(mini_world):
    """x, examine, look at and check all examine."""
    for verb in ("x", "examine", "look at", "check"):
        p = play(mini_world, [f"{verb} brass key"])
        assert p.last == "A small brass key.", verb


# --- disambiguation -----------------------------------------------------------------------


def test_ambiguous_noun_asks_which(mini_world):
    """`x key` with two keys in view asks which one, naming both."""
    p = play(mini_world, ["x key"])
    assert p.last == WHICH_KEY
    assert p.last_kinds == ("error",)


def test_one_word_answers_the_question(mini_world):
    """After "Which do you mean…?", `rusty` answers it and the command runs."""
    p = play(mini_world, ["x key", "rusty"])
    assert p.last == "An iron key, orange with rust."


def test_answer_completes_a_take(mini_world):
    """`take key` then `brass` takes the brass key."""
    p = play(mini_world, ["take key", "brass"])
    assert p.last == "Taken."
    assert place(p, "brass_key") == "player"
    assert place(p, "rusty_key") == "gate"


def test_new_command_instead_of_an_answer(mini_world):
    """A full new command after the question is simply carried out."""
    p = play(mini_world, ["x key", "take brass key"])
    assert p.last == "Taken."
    assert p.state.pending is None


# --- pronouns ------------------------------------------------------------------------------


def test_it_means_the_last_thing(mini_world):
    """`it` refers to the thing named last."""
    p = play(mini_world, ["x rusty key", "take it"])
    assert place(p, "rusty_key") == "player"


def test_him_means_the_last_man(mini_world):
    """`him` refers to Sergeant Han once he has been named."""
    p = play(mini_world, ["e", "x han", "ask him about the wall"])
    assert p.last == '"The wall keeps them in. And us."'


def test_them_means_the_plural_thing(mini_world):
    """`them` refers to the id tags (a plural item)."""
    p = play(mini_world, [*TO_YARD, "take tags", "drop them"])
    assert p.last == "Dropped."
    assert place(p, "tags") == "yard"


def test_them_after_several_things(mini_world):
    """`them` after taking two things means both of them."""
    p = play(mini_world, ["take rusty key and brass key", "drop them"])
    assert place(p, "rusty_key") == "gate"
    assert place(p, "brass_key") == "gate"


def test_unset_pronoun_is_explained(mini_world):
    """A pronoun that means nothing yet is answered with a plain explanation."""
    p = play(mini_world, ["x her"])
    assert p.last == "I'm not sure what 'her' refers to."


def test_pronouns_command(mini_world):
    """PRONOUNS says what each pronoun means now."""
    before = play(mini_world, ["pronouns"])
    assert before.last == "No pronouns are set yet."
    after = play(mini_world, ["e", "x han", "x locker", "pronouns"])
    assert "'him' means Sergeant Han" in after.last
    assert "'it' means the metal locker" in after.last


# --- ALL and EXCEPT ------------------------------------------------------------------------


def test_take_all(mini_world):
    """TAKE ALL takes every portable thing in view and leaves fixed ones."""
    p = play(mini_world, ["take all"])
    assert place(p, "rusty_key") == "player"
    assert place(p, "brass_key") == "player"
    assert place(p, "grate") == "gate"
    assert "Rusty key: Taken." in p.last
    assert "Brass key: Taken." in p.last


def test_drop_all_but(mini_world):
    """DROP ALL BUT THE RUSTY KEY keeps the rusty key and drops the rest."""
    p = play(mini_world, ["take all", "drop all but the rusty key"])
    assert place(p, "rusty_key") == "player"
    assert place(p, "brass_key") == "gate"
    assert place(p, "ration") == "gate"


def test_take_all_from_container(mini_world):
    """TAKE ALL FROM LOCKER empties the open locker into the player's hands."""
    p = play(mini_world, ["e", "open locker", "take all from locker"])
    assert place(p, "torch") == "player"
    assert place(p, "locker") == "hut"


def test_take_list_with_and_and_comma(mini_world):
    """`take rusty key, brass key` is a list of two things, not two commands."""
    p = play(mini_world, ["take rusty key, brass key"])
    assert place(p, "rusty_key") == "player"
    assert place(p, "brass_key") == "player"


# --- several commands per line --------------------------------------------------------------


def test_full_stops_separate_commands(mini_world):
    """`n. s. take key` runs three commands in order."""
    p = play(mini_world, ["unlock gate with rusty key", "n. s. take key"])
    assert p.state.location == "gate"
    assert "yard" in p.state.visited
    assert place(p, "brass_key") == "player"


def test_then_separates_commands(mini_world):
    """`open locker then take torch` runs both."""
    p = play(mini_world, ["e", "open locker then take torch"])
    assert place(p, "torch") == "player"


def test_comma_before_a_verb_separates_commands(mini_world):
    """`open locker, take torch` runs both."""
    p = play(mini_world, ["e", "open locker, take torch"])
    assert place(p, "torch") == "player"


def test_parser_error_stops_the_rest_of_the_line(mini_world):
    """When one command is not understood, the rest of the line is dropped."""
    p = play(mini_world, ["xyzzy. take rusty key"])
    assert place(p, "rusty_key") == "gate"
    assert p.last == "I don't know the word 'xyzzy'."


# --- AGAIN, OOPS -----------------------------------------------------------------------------


@pytest.mark.parametrize("again", ["again", "g", "G"])
def test_again_repeats_the_last_command(mini_world, again):
    """AGAIN and G repeat the last command."""
    p = play(mini_world, ["x rusty key", again])
    assert p.last == "An iron key, orange with rust."
    assert p.state.turn == 2


def test_again_with_nothing_to_repeat(mini_world):
    """AGAIN as the first command says there is nothing to repeat."""
    p = play(mini_world, ["g"])
    assert p.last == "You can hardly repeat that."


def test_oops_fixes_the_unknown_word(mini_world):
    """`x rusty kye` then `oops key` examines the rusty key."""
    p = play(mini_world, ["x rusty kye", "oops key"])
    assert p.last == "An iron key, orange with rust."


def test_oops_can_lead_to_a_question(mini_world):
    """`x kye` then `oops key` asks which key, and `brass` answers."""
    p = play(mini_world, ["x kye", "oops key"])
    assert p.last == WHICH_KEY
    p = play(mini_world, ["x kye", "oops key", "brass"])
    assert p.last == "A small brass key."


def test_oops_with_nothing_to_fix(mini_world):
    """OOPS with no earlier mistake says so."""
    p = play(mini_world, ["oops key"])
    assert p.last == "There's nothing to correct."


# --- unknown words --------------------------------------------------------------------------


def test_unknown_word_is_named(mini_world):
    """An unknown word is quoted back."""
    p = play(mini_world, ["xyzzy"])
    assert p.last == "I don't know the word 'xyzzy'."
    assert p.state.turn == 0


@pytest.mark.parametrize(
    ("typo", "meant"), [("torhc", "torch"), ("kye", "key"), ("lokcer", "locker")]
)
def test_unknown_word_suggests_the_nearest(mini_world, typo, meant):
    """A misspelt word gets the nearest word the player has seen suggested (transpositions too)."""
    p = play(mini_world, ["e", "open locker", f"x {typo}"])
    assert f"I don't know the word '{typo}'." in p.last
    assert f"Did you mean '{meant}'?" in p.last


def test_suggestion_never_names_what_the_player_has_not_seen(mini_world):
    """`x syrnge` at the start names no syringe (it lies unseen in the corridor); once seen it does."""
    p = play(mini_world, ["x syrnge"])
    assert "syringe" not in p.last
    assert "I don't know the word 'syrnge'." in p.last


@pytest.mark.parametrize(("typo", "meant"), [("sou", "south"), ("tak", "take"), ("nor", "north")])
def test_a_word_cut_short_suggests_the_word_it_begins(mini_world, typo, meant):
    """`sou` means south, not `sod`: a known word the typo begins ranks before one-letter edits."""
    p = play(mini_world, [typo])
    assert f"Did you mean '{meant}'?" in p.last


def test_nearest_word_prefers_a_prefix_then_the_moment_s_words():
    """Ranking: begins > swapped letters > one edit; within a kind, preferred words first."""
    from game.engine.parser import nearest_word

    words = frozenset({"sod", "south", "southeast", "sun"})
    assert nearest_word("sou", words) == "south"
    assert nearest_word("sou", words, frozenset({"southeast"})) == "southeast"
    assert nearest_word("snu", words) == "sun"
    assert nearest_word("xyzzy", words) == ""


@pytest.mark.parametrize("word", ["ключ", "café", "鍵"])
def test_non_ascii_word_is_named_whole(mini_world, word):
    """A word in another script is named whole as unknown, never silently dropped or cut."""
    p = play(mini_world, [f"take rusty {word}"])
    assert place(p, "rusty_key") == "gate"
    assert f"'{word}'" in p.last


# --- UNDO -----------------------------------------------------------------------------------


def test_undo_takes_back_the_whole_line(mini_world):
    """UNDO after `take rusty key. take brass key` puts both keys back."""
    p = play(mini_world, ["take rusty key. take brass key", "undo"])
    assert place(p, "rusty_key") == "gate"
    assert place(p, "brass_key") == "gate"
    assert p.last == "[Previous turn undone.]"


def test_undo_is_multi_level(mini_world):
    """Three UNDOs take back three lines, and a fourth says there is nothing to undo."""
    start, _ = new_game(mini_world, seed=1)
    p = play(mini_world, ["take rusty key", "e", "open locker", "undo", "undo", "undo"])
    assert p.state == start
    p = play(mini_world, ["take rusty key", "e", "open locker", "undo", "undo", "undo", "undo"])
    assert p.last == "There is nothing to undo."


def test_undo_at_start(mini_world):
    """UNDO before any command says there is nothing to undo."""
    p = play(mini_world, ["undo"])
    assert p.last == "There is nothing to undo."


def test_undo_is_bounded_by_the_world_limit(mini_world):
    """Only the world's undo_limit lines (50 here) can be taken back."""
    limit = mini_world.info.undo_limit
    p = play(mini_world, ["z"] * (limit + 5) + ["undo"] * limit)
    assert p.state.turn == 5
    assert len(p.state.history) == 0
    p = play(mini_world, ["undo"], state=p.state)
    assert p.last == "There is nothing to undo."


def test_undo_inside_a_line_is_not_silent(mini_world):
    """`z. undo` answers the UNDO part too; it is never silently dropped."""
    p = play(mini_world, ["z. undo"])
    assert len(p.turns[-1]) > 1


def test_failed_parse_is_not_an_undo_step(mini_world):
    """A line that was not understood leaves nothing to undo."""
    p = play(mini_world, ["take rusty key", "xyzzy", "undo"])
    assert place(p, "rusty_key") == "gate"


# --- implicit actions -----------------------------------------------------------------------


def test_unlock_takes_the_key_first(mini_world):
    """`unlock gate` with the key on the floor takes it first, saying so."""
    p = play(mini_world, ["unlock gate"])
    assert "(first taking the rusty key)" in p.last
    assert "You unlock the steel gate." in p.last
    assert place(p, "rusty_key") == "player"
    assert "steel_gate" not in p.state.locked
    assert p.turns[-1][0].kind == "echo"


def test_put_takes_the_thing_first(mini_world):
    """`put ration on desk` with the ration on the floor takes it first."""
    p = play(
        mini_world,
        ["drop ration", "e", "w", "take ration", "e", "drop ration", "put ration on desk"],
    )
    assert "(first taking the ration bar)" in p.last
    assert place(p, "ration") == "desk"


def test_closed_door_is_opened_on_the_way(mini_world):
    """Walking into an unlocked closed door opens it first."""
    p = play(mini_world, [*TO_YARD])
    assert "(first opening the steel gate)" in p.last
    assert p.state.location == "yard"


# --- EXITS, HELP, HINT, GO TO -----------------------------------------------------------------


def test_exits_lists_visible_ways(mini_world):
    """EXITS names each way out, with known destinations, and hides hidden exits."""
    p = play(mini_world, ["e", "w", "exits"])
    assert "north" in p.last
    assert "east: Guard Hut" in p.last
    assert "down" not in p.last
    assert p.state.turn == 2


def test_hidden_exit_appears_after_its_flag(mini_world):
    """Pulling the grate reveals the way down."""
    p = play(mini_world, ["d", "pull grate", "exits", "d"])
    assert p.turns[0][0].text.startswith("You can't go that way.")
    assert "down" in p.turns[2][0].text
    assert p.state.location == "tunnel"


def test_help_takes_no_turn(mini_world):
    """HELP explains how to play and takes no time."""
    p = play(mini_world, ["help"])
    assert "TAKE" in p.last and "UNDO" in p.last
    assert p.state.turn == 0
    assert p.last_kinds == ("meta",)


def test_hints_are_progressive(mini_world):
    """HINT gives the next, stronger hint each time, then stays on the last."""
    p = play(mini_world, ["hint", "hint", "hint", "hint"])
    texts = [turn[0].text for turn in p.turns]
    assert texts[0].startswith("Hint 1 of 3: The gate has a lock.")
    assert texts[1].startswith("Hint 2 of 3: Keys open locks.")
    assert texts[2].startswith("Hint 3 of 3: Unlock the gate with the rusty key.")
    assert texts[3].startswith("Hint 3 of 3")
    assert all(turn[0].kind == "hint" for turn in p.turns)


def test_hint_when_puzzle_is_done(mini_world):
    """Once the puzzle is solved its hints are no longer offered."""
    p = play(mini_world, [*TO_YARD, "s", "hint"])
    assert "gate has a lock" not in p.last
    assert "lock" not in p.last.lower()


def test_go_to_a_visited_room(mini_world):
    """GO TO walks to a visited room by the shortest known route."""
    p = play(mini_world, ["e", "w", *TO_YARD, "go to guard hut"])
    assert p.state.location == "hut"
    assert p.state.turn == 6  # yard -> gate -> hut, one turn per step


def test_go_to_an_unvisited_room(mini_world):
    """GO TO a place never visited is refused, and the player stays."""
    p = play(mini_world, ["go to guard hut"])
    assert p.state.location == "gate"
    assert "know" in p.last


# --- containers, supporters, locks --------------------------------------------------------------


def test_closed_container_hides_its_contents(mini_world):
    """The torch in the closed locker can't be seen until the locker is opened."""
    p = play(mini_world, ["e", "take torch"])
    assert p.last == "You can't see any such thing."
    p = play(mini_world, ["e", "open locker"])
    assert p.last == "You open the metal locker, revealing an army torch."


def test_putting_into_a_closed_container_opens_it_first(mini_world):
    """PUT X IN a closed (unlocked) container opens it first, as Inform does."""
    p = play(mini_world, ["e", "put ration in locker"])
    assert p.last.splitlines()[0] == "(first opening the metal locker)"
    assert place(p, "ration") == "locker"


def test_container_capacity(mini_world):
    """The locker holds three things and no more."""
    p = play(
        mini_world,
        [
            "take all",
            "e",
            "open locker",
            "put ration in locker",
            "put rusty key in locker",
            "put brass key in locker",
        ],
    )
    assert p.last == "There's no more room in the metal locker."
    assert place(p, "brass_key") == "player"


def test_supporter_shows_and_holds_things(mini_world):
    """Things on the desk are listed and can be taken; the desk holds two."""
    p = play(mini_world, ["e"])
    assert "On the desk you see a note." in p.text
    p = play(mini_world, ["take rusty key", "e", "put ration on desk", "put rusty key on desk"])
    assert p.last == "There's no more room on the desk."
    assert place(p, "ration") == "desk"


def test_fixed_things_cannot_be_put_away(mini_world):
    """Fixed things (the desk, the locker) can't be put in or on anything, so no cycle forms."""
    p = play(mini_world, ["e", "open locker", "put desk in locker", "put locker on desk"])
    assert place(p, "desk") == "hut"
    assert place(p, "locker") == "hut"
    assert "You put" not in p.text


def test_read_readable(mini_world):
    """READ shows an item's text."""
    p = play(mini_world, ["e", "read note"])
    assert "Phase two has failed. They are organised." in p.last


def test_locked_door_blocks_the_way(mini_world):
    """Going through a locked door is refused."""
    p = play(mini_world, ["n"])
    assert p.last == "The steel gate is locked."
    assert p.state.location == "gate"


def test_wrong_key_does_not_fit(mini_world):
    """The brass key does not unlock the steel gate."""
    p = play(mini_world, ["unlock gate with brass key"])
    assert p.last.endswith("The brass key doesn't fit.")
    assert "steel_gate" in p.state.locked


def test_lock_again(mini_world):
    """The gate can be locked again with its key."""
    p = play(mini_world, ["unlock gate with rusty key", "lock gate with rusty key", "n"])
    assert "steel_gate" in p.state.locked
    assert p.state.location == "gate"


def test_fixed_item_refuses(mini_world):
    """A fixed item says why it can't be taken."""
    p = play(mini_world, ["take grate"])
    assert p.last == "The grate is set into the concrete."


# --- light and darkness ---------------------------------------------------------------------------


def test_dark_room_hides_items(mini_world):
    """In the dark corridor without light, the syringe is neither listed nor reachable."""
    p = play(mini_world, [*BITTEN, "look", "take syringe"])
    look = "\n".join(x.text for x in p.turns[-2])
    assert "Darkness" in look
    assert "syringe" not in look
    assert place(p, "cure") == "corridor"


def test_switching_torch_on_lights_the_room(mini_world):
    """Switching the torch on in the dark shows the room and what lies in it."""
    p = play(mini_world, [*BITTEN, "switch on torch"])
    assert "Dark Corridor" in p.last
    assert "syringe" in p.last
    p = play(mini_world, ["take syringe"], state=p.state)
    assert place(p, "cure") == "player"


def test_lit_torch_lights_on_arrival(mini_world):
    """Arriving with a lit torch, the dark room is described."""
    p = play(mini_world, LIT_CORRIDOR)
    assert "Lockers hang open all along the corridor." in p.last


# --- characters: orders, talk, ask --------------------------------------------------------------


def test_order_refused_while_wary(mini_world):
    """`han, follow me` is refused while Han is wary."""
    p = play(mini_world, ["e", "han, follow me"])
    assert p.last == '"I take orders from the colonel, not you."'


def test_order_obeyed_when_trusting_and_han_follows(mini_world):
    """Once Han trusts you, `han, follow me` is answered and he follows."""
    p = play(mini_world, ["e", "talk to han", "2", "han, follow me", "w"])
    assert '"Lead on."' in p.text
    assert p.state.char_places["han"] == "gate"


def test_unknown_order(mini_world):
    """An order with no response gets the character's default."""
    p = play(mini_world, ["e", "han, jump"])
    assert p.last == "Han ignores you."


def test_talk_menu_by_number(mini_world):
    """TALK TO opens a numbered menu; a number picks a choice; gated choices are hidden."""
    p = play(mini_world, ["e", "talk to han"])
    assert "1. Ask him about the wall." in p.last
    assert "2. Tell him you want to help." in p.last
    assert "Ask for the key" not in p.last
    assert p.state.phase == "dialogue"
    p = play(mini_world, ["1"], state=p.state)
    assert '"It keeps them in," he says.' in p.last
    assert p.state.phase == "dialogue"


def test_talk_menu_out_of_range(mini_world):
    """A number not on the menu is refused calmly."""
    p = play(mini_world, ["e", "talk to han", "7"])
    assert p.last == "Choose a number from 1 to 2, or say BYE."
    assert p.state.phase == "dialogue"


@pytest.mark.parametrize("text", ["¹", "²", "٢", "１", "½"])
def test_unusual_digits_in_talk_menu(mini_world, text):
    """Digits from other scripts typed into a talk menu are answered calmly, never a crash."""
    p = play(mini_world, ["e", "talk to han", text])
    assert p.last


@pytest.mark.parametrize(("command", "where"), [("w", "gate"), ("i", "hut"), ("n", "hut")])
def test_commands_in_talk_menu_are_not_label_fragments(mini_world, command, where):
    """During a talk menu, `w`, `i` or `n` are commands, never a choice whose label contains the letter."""
    p = play(mini_world, ["e", "talk to han", command])
    assert p.state.phase == "exploring"
    assert p.state.location == where
    assert p.state.flags.get("trust_han", 0) == 0
    assert '"It keeps them in," he says.' not in p.last


def test_bye_ends_the_conversation(mini_world):
    """BYE leaves the menu conversation."""
    p = play(mini_world, ["e", "talk to han", "bye"])
    assert p.state.phase == "exploring"
    assert p.state.dialogue is None


def test_command_during_talk_leaves_it(mini_world):
    """A normal command during a conversation ends it and is carried out."""
    p = play(mini_world, ["e", "talk to han", "look"])
    assert p.state.phase == "exploring"
    assert "Guard Hut" in p.last


def test_gated_choice_appears_when_trusting(mini_world):
    """After Han trusts you, the key choice appears in the menu."""
    p = play(mini_world, ["e", "talk to han", "2", "talk to han"])
    assert "3. Ask for the key." in p.last


def test_ask_about_topic(mini_world):
    """ASK HAN ABOUT COUNTING gives his reply; asking twice wins his trust."""
    p = play(mini_world, ["e", "ask han about counting"])
    assert "keeping tallies" in p.last
    assert p.state.char_states["han"] == "wary"
    p = play(mini_world, ["ask han about numbers"], state=p.state)
    assert "Han lowers his rifle." in p.last
    assert p.state.char_states["han"] == "trusting"


def test_tell_about_topic_and_default_reply(mini_world):
    """TELL works like ASK; an unknown topic gets the default reply."""
    p = play(mini_world, ["e", "tell han about the wall", "ask han about weather"])
    assert '"The wall keeps them in. And us."' in p.text
    assert p.last == "Han shrugs."


# --- encounters and the player's condition -------------------------------------------------------


def test_encounter_starts_on_entering(mini_world):
    """Entering the corridor, the horde attacks and asks FLEE, HIDE or FIGHT."""
    p = play(mini_world, TO_CORRIDOR)
    assert "The horde pours round the corner" in p.last
    assert "FLEE, HIDE, or FIGHT?" in p.last
    assert p.state.phase == "encounter"


def test_flee(mini_world):
    """FLEE runs back to the gate and ends the encounter."""
    p = play(mini_world, [*TO_CORRIDOR, "flee"])
    assert "You run, and lose them in the ruins." in p.last
    assert p.state.location == "gate"
    assert p.state.phase == "exploring"
    assert p.state.char_places["horde"] == "nowhere"


def test_fight_ends_the_game(mini_world):
    """FIGHT against the horde is death: the `devoured` ending."""
    p = play(mini_world, [*TO_CORRIDOR, "fight"])
    assert "There are too many." in p.last
    assert "The horde closes over you." in p.last
    assert p.state.phase == "ended"
    assert p.state.ending == "devoured"


def test_the_fatal_command_counts_as_a_turn(mini_world):
    """The command that ends the game is counted in the turns, like any other."""
    commands = [*TO_CORRIDOR, "fight"]
    p = play(mini_world, commands)
    assert p.state.turn == len(commands)
    assert f"in {len(commands)} turns." in p.last


def test_hide_depends_on_chance_and_is_deterministic(mini_world):
    """HIDE succeeds or fails by the state's RNG: both happen over seeds, and a seed repeats."""
    outcomes = set()
    for seed in range(1, 30):
        a = play(mini_world, [*TO_CORRIDOR, "hide"], seed=seed)
        b = play(mini_world, [*TO_CORRIDOR, "hide"], seed=seed)
        assert a.state == b.state and a.last == b.last
        outcomes.add(a.state.condition)
    assert outcomes == {"healthy", "bitten"}


def test_encounter_timeout(mini_world):
    """Two commands without an answer: the horde reaches you and you are bitten."""
    p = play(mini_world, [*TO_CORRIDOR, "z"])
    assert "There's no time for that!" in p.last
    p = play(mini_world, ["z"], state=p.state)
    assert "They reach you. Teeth." in p.last
    assert p.state.condition == "bitten"
    assert p.state.phase == "exploring"


def test_bitten_turns_after_three_turns(mini_world):
    """Bitten, the fever comes after three more turns (after: 3), not sooner."""
    p = play(mini_world, BITTEN)
    for _ in range(2):
        p = play(mini_world, ["z"], state=p.state)
        assert p.state.condition == "bitten"
    p = play(mini_world, ["z"], state=p.state)
    assert "A fever rolls through you." in p.last
    assert p.state.condition == "turning"


def test_turning_to_half_bie(mini_world):
    """Turning becomes half-bie two turns later."""
    p = play(mini_world, BITTEN)
    while p.state.condition == "bitten":
        p = play(mini_world, ["z"], state=p.state)
    p = play(mini_world, ["z"], state=p.state)
    assert p.state.condition == "turning"
    p = play(mini_world, ["z"], state=p.state)
    assert "Something in you settles, cold and clear." in p.last
    assert p.state.condition == "half_bie"


def test_status_counts_turns_left(mini_world):
    """STATUS says how many turns until the condition changes, in good English."""
    p = play(mini_world, [*BITTEN, "status"])
    assert p.last == "Condition: Bitten. The bite burns. (3 turns until it changes.)"
    p = play(mini_world, ["z", "z", "status"], state=p.state)
    assert p.last == "Condition: Bitten. The bite burns. (1 turn until it changes.)"


def test_forbidden_verb_while_bitten(mini_world):
    """Bitten, you can't bring yourself to eat."""
    p = play(mini_world, [*BITTEN, "eat ration"])
    assert p.last == "Your stomach heaves at the thought of food."
    assert place(p, "ration") == "player"


def test_eat_while_healthy(mini_world):
    """Healthy, the ration bar is eaten and gone."""
    p = play(mini_world, ["eat ration"])
    assert p.last == "You eat the ration bar. It tastes of cardboard and salt."
    assert place(p, "ration") == "nowhere"


def test_cure_heals(mini_world):
    """The syringe heals a bite and is used up."""
    p = play(mini_world, [*BITTEN, "switch on torch", "take syringe", "use syringe"])
    assert "You inject the serum. The fever breaks." in p.last
    assert p.state.condition == "healthy"
    assert place(p, "cure") == "nowhere"


# --- events ---------------------------------------------------------------------------------------


def test_enter_event_fires_once(mini_world):
    """The radio crackles on the first visit to the hut only."""
    p = play(mini_world, ["e", "w", "e"])
    assert "The radio on the desk crackles, then dies." in "\n".join(x.text for x in p.turns[0])
    assert "radio" not in p.last


def test_action_event(mini_world):
    """Taking the tags fires the wind event and scores."""
    before = play(mini_world, TO_YARD).state.score
    p = play(mini_world, [*TO_YARD, "take tags"])
    assert "The wind tugs at the tags as you lift them." in p.last
    assert p.state.score == before + 3


def test_flag_event(mini_world):
    """Setting the grate flag fires the cold-air event."""
    p = play(mini_world, ["pull grate"])
    assert "You heave the grate aside. A ladder leads down." in p.last
    assert "Cold air breathes up from below." in p.last
    assert p.turns[-1][-1].kind == "event"


# --- endings --------------------------------------------------------------------------------------


def test_ending_escaped(mini_world):
    """Walking out beyond the wall ends the game with the `escaped` ending."""
    p = play(mini_world, [*TO_CORRIDOR, "flee", "go to corridor", "n"])
    assert p.state.ending == "escaped"
    assert "You climb through the gap and out of the Zone." in p.last
    assert any(x.kind == "ending" for x in p.turns[-1])


@pytest.mark.parametrize("command", ["look", "n", "take all", "hint", "x me"])
def test_after_the_end_only_few_commands(mini_world, command):
    """After an ending, in-world commands are refused and nothing changes."""
    ended = play(mini_world, [*TO_CORRIDOR, "fight"]).state
    p = play(mini_world, [command], state=ended)
    assert p.state == ended
    assert "UNDO" in p.last and "RESTART" in p.last


def test_after_the_end_undo_restart_restore_quit(mini_world):
    """After an ending, UNDO, RESTART, RESTORE and QUIT work."""
    ended = play(mini_world, [*TO_CORRIDOR, "fight"]).state
    assert step(mini_world, ended, "undo").state.phase == "encounter"
    restarted = step(mini_world, ended, "restart").state
    assert restarted.phase == "exploring" and restarted.location == "gate"
    assert [r.kind for r in step(mini_world, ended, "restore").requests] == ["restore"]
    assert [r.kind for r in step(mini_world, ended, "quit").requests] == ["quit"]


# --- odd input --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\t", "...", "!!!", ",,,", ";"])
def test_empty_input(mini_world, text):
    """Empty or punctuation-only input is answered calmly and takes no turn."""
    p = play(mini_world, [text])
    assert p.last == "I beg your pardon?"
    assert p.state.turn == 0


@pytest.mark.parametrize("text", ["😀", "💀 💀 💀", "x 🔑", "\u200b", "ñ", "\x00\x1b[2J"])
def test_unicode_and_control_characters(mini_world, text):
    """Unicode and control characters get an error message, not a crash or a turn."""
    p = play(mini_world, [text])
    assert p.last
    assert all(x.kind == "error" for x in p.turns[-1])
    assert p.state.turn == 0


def test_very_long_line(mini_world):
    """A 10 kB line is answered calmly."""
    p = play(mini_world, ["take " + "rusty " * 2000 + "key"])
    assert p.last
    q = play(mini_world, ["x" * 10_000])
    assert q.last_kinds == ("error",)


def test_punctuation_around_a_command(mini_world):
    """Trailing punctuation and quotes don't spoil a command."""
    p = play(mini_world, ['"take rusty key!"'])
    assert place(p, "rusty_key") == "player"


def test_order_to_someone_absent_says_so(mini_world):
    """An order to a character who is elsewhere says they are not here."""
    p = play(mini_world, ["han, follow me"])
    assert p.last == "Sergeant Han isn't here."


def test_again_repeats_an_order(mini_world):
    """AGAIN after an order gives the order again."""
    p = play(mini_world, ["e", "han, follow me", "g"])
    assert p.last == '"I take orders from the colonel, not you."'


def test_players_cannot_name_things_by_internal_id(mini_world):
    """'#' is not part of the player's language: `take #steel_gate` does not reach the gate by id."""
    p = play(mini_world, ["take #steel_gate"])
    assert place(p, "steel_gate") != "player"
    assert p.last == "I don't know the word 'steel_gate'."


def test_taking_from_a_surface_says_on(mini_world):
    """Taking something from a supporter it isn't on says 'on', not 'in'."""
    p = play(mini_world, ["take brass key", "e", "take brass key from desk"])
    assert p.last == "The brass key isn't on the desk."


def test_fixed_things_are_left_to_the_room_description(mini_world):
    """Fixed things are not listed again after the room's own description mentions them."""
    p = play(mini_world, ["e"])
    assert "You can see a metal locker" not in p.last


def test_unlock_with_key_picks_the_key_that_fits(mini_world):
    """With two keys carried, UNLOCK GATE WITH KEY uses the one that fits instead of asking."""
    p = play(mini_world, ["take rusty key", "take brass key", "unlock gate with key"])
    assert p.last == "You unlock the steel gate."


def test_names_without_capitals_take_the(mini_world):
    """A character whose name is a common noun is 'the horde', capitalised at a sentence start."""
    p = play(mini_world, ["horde, follow me"])
    assert p.last == "The horde isn't here."


def test_menu_choice_by_the_words_of_its_label(mini_world):
    """Typing the start of a label picks that choice, even when it starts with a verb."""
    p = play(mini_world, ["e", "talk to han", "tell him you want to help"])
    assert "He studies you for a long moment." in p.last
    assert p.state.char_states["han"] == "trusting"


def test_walking_in_on_a_hostile_starts_an_encounter(mini_world):
    """Entering a room where the horde already waits starts the encounter at once."""
    state, _ = new_game(mini_world, 1)
    state = evolve(state, char_places=state.char_places.set("horde", "hut"))
    turn = step(mini_world, state, "e")
    assert turn.state.phase == "encounter"
    assert "The horde pours round the corner, screeching in one voice." in turn.text


def test_transitions_far_away_are_not_narrated(mini_world):
    """A character's transition text is shown only when the player is with them."""
    state, _ = new_game(mini_world, 1)
    state = evolve(state, flags=state.flags.set("trust_han", 2))
    turn = step(mini_world, state, "z")
    assert turn.state.char_states["han"] == "trusting"
    assert "Han lowers his rifle." not in turn.text


def test_take_all_includes_things_in_open_containers(mini_world):
    """TAKE ALL picks up what lies in open containers and on surfaces, not just the floor."""
    p = play(mini_world, ["e", "open locker", "take all"])
    assert place(p, "torch") == "player"
    assert place(p, "note") == "player"


def test_take_all_with_nothing_says_so(mini_world):
    """TAKE ALL where nothing can be taken says so plainly."""
    p = play(mini_world, ["take all", "take all"])
    assert p.last == "There is nothing here you can take."


def test_restart_is_a_new_game_but_keeps_brief_mode(mini_world):
    """RESTART resets every part of the state a new game sets, keeps BRIEF, and UNDO takes it back."""
    from game.engine.state import MOMENT_FIELDS

    fresh, _ = new_game(mini_world, 1)
    p = play(mini_world, ["brief", "take all", "e", "open locker", "ask han about wall", "restart"])
    for name in MOMENT_FIELDS:
        if name != "verbose":
            assert getattr(p.state, name) == getattr(fresh, name), name
    assert p.state.verbose == "brief"
    p = play(mini_world, ["undo"], state=p.state)
    assert p.state.location == "hut"
