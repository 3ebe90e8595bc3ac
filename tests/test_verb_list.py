"""Every verb of Inform 6's grammar.h and of the IF conventions is understood, with a reply."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TESTS, world_at

from game.engine import new_game, step

PLAIN = TESTS / "worlds" / "plain"

# the verb words of Inform 6's standard library grammar.h (Debian inform6-library), debug verbs left out
INFORM_VERBS = """
adjust answer ask attach attack awake awaken blow bother break burn buy carry check chop clean
clear climb close connect consult cover crack cross curses cut damn darn describe destroy dig
discard display disrobe dive doff don drag drat drink drop dust eat embrace empty enter examine
exit fasten feed feel fill fix fondle force fuck get give go grope hear hold hop hug i in insert
inside inv inventory jemmy jump kiss l leave lever lie light listen lock look move nap no offer
open out outside pay peel pick polish pray present press prise prize prune pry pull purchase push
put read remove rotate rub run say scale screw scrub search set shed shift shit shout show shut
sing sip sit skip sleep slice smell sniff sod sorry speak squash squeeze stand swallow swim swing
switch take taste tell think throw tie touch transfer turn twist uncover undo unlock unscrew
unwrap wait wake walk watch wave wear x y yes z
brief verbose long superbrief short normal notify pronouns nouns quit q die recording replay
restart restore save score fullscore full script transcript noscript unscript verify version
""".split()

# the verbs and meta commands of shared/if-conventions.md
CONVENTION_VERBS = """
look l examine x check describe search read take get carry hold pick drop discard put insert
remove wear don open uncover close shut lock unlock push press move pull drag turn rotate twist
switch light burn attack hit kill fight smash throw give offer show ask tell talk speak say
answer shout listen hear smell sniff touch feel taste eat drink climb jump enter go walk run hide
wait z sleep think inventory i yes no save restore load restart undo again g quit q score help
hint hints about credits exits map transcript script verbose brief version oops o
""".split()

NOT_UNDERSTOOD = ("I don't know the word", "not a verb I recognise")


def grammar_h_verbs() -> list[str]:
    """The verb words of the installed grammar.h, when the Debian package is there."""
    path = Path("/usr/share/inform6/library/grammar.h")
    if not path.exists():
        return []
    words = []
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("Verb") and "meta" not in line.split("'")[0]:
            words += [w.replace("//", "") for w in line.split("'")[1::2]]
    return words


@pytest.fixture(scope="module")
def plain():
    """The neutral test world."""
    return world_at(PLAIN)


def test_the_list_covers_the_installed_grammar():
    """The list above holds every verb word of grammar.h (checked where the package is installed)."""
    missing = sorted(set(grammar_h_verbs()) - set(INFORM_VERBS))
    assert missing == []


@pytest.mark.parametrize("verb", sorted(set(INFORM_VERBS) | set(CONVENTION_VERBS)))
def test_verb_is_understood_and_answered(plain, verb):
    """The verb alone and with a noun gets a reply, never "I don't know the word"."""
    state, _ = new_game(plain, 1)
    for command in (verb, f"{verb} lamp"):
        turn = step(plain, state, command)
        assert turn.text.strip() or turn.requests, command
        assert not any(bad in turn.text for bad in NOT_UNDERSTOOD), (command, turn.text)
