"""The menu a front end shows now: a conversation's open choices or an encounter's moves."""

from __future__ import annotations

from game.engine.actions.people import open_choices
from game.engine.draft import Draft
from game.engine.library import message
from game.engine.names import name, the
from game.engine.state import GameState
from game.model import World
from game.model.record import record

ENCOUNTER_MOVES = (("1", "Flee", "flee"), ("2", "Hide", "hide"), ("3", "Fight", "fight"))


@record
class Menu:
    """What the player can pick right now, read from the state (never from old output)."""

    kind: str  # "dialogue" or "encounter"
    who: str  # the character's id
    name: str  # the character's name
    choices: tuple[tuple[str, str, str], ...]  # (number, label, the command that picks it)
    moves_left: int | None = None  # an encounter's commands before it reaches the player
    prompt: str = ""  # how to answer, as the world words it ("Choose a number, or say BYE.")


def current_menu(world: World, state: GameState) -> Menu | None:
    """The conversation or encounter menu that the state is in, or None."""
    if state.phase == "dialogue" and state.dialogue is not None:
        char, node = state.dialogue
        person = world.characters.get(char)
        if person is None or node not in person.talk:
            return None
        d = Draft(world, state)
        picks = open_choices(d, char, node)
        if not picks:
            return None
        choices = tuple((str(n), c.label, str(n)) for n, c in enumerate(picks, 1))
        return Menu(
            "dialogue", char, _called(d, char), choices, prompt=message(d, "talk.choose", char)
        )
    if state.phase == "encounter" and state.encounter is not None:
        char, left = state.encounter
        person = world.characters.get(char)
        name = _called(Draft(world, state), char) if person is not None else char
        return Menu("encounter", char, name, ENCOUNTER_MOVES, left)
    return None


def _called(d: Draft, char: str) -> str:
    """A menu's name for the person: their name, or `the boy in the cage` until they give it."""
    person = d.world.characters[char]
    return person.name if name(d, char) == person.name else the(d, char)
