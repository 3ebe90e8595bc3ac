"""State machines: declared transitions of the player's condition and of characters."""

from __future__ import annotations

from game.engine.draft import Draft
from game.engine.hearing import within_earshot
from game.engine.library import say
from game.model import StateMachine
from game.model.statemachine import Transition


def declared(machine: StateMachine, current: str, target: str) -> Transition | None:
    """The declared transition from the current state to a target, if any."""
    for transition in machine.transitions:
        if transition.to == target and transition.allows(current):
            return transition
    return None


def change_character(d: Draft, char: str, target: str) -> bool:
    """Take a character's declared transition to a state; False when none is declared."""
    character = d.world.characters[char]
    transition = declared(character.machine, d.char_states[char], target)
    if transition is None:
        return False
    take_transition(
        d, transition, lambda: d.set_char_state(char, target), heard=_near(d, char), who=char
    )
    return True


def _near(d: Draft, char: str) -> bool:
    """Whether the player is with a character (and so sees what happens to them)."""
    return d.char_places.get(char) == d.location


def change_condition(d: Draft, target: str) -> bool:
    """Take the player's declared condition transition to a state."""
    transition = declared(d.world.player.condition, d.condition, target)
    if transition is None:
        return False
    take_transition(d, transition, lambda: d.set_condition(target))
    return True


def take_transition(
    d: Draft, transition: Transition, enter, heard: bool = True, who: str = "player"
) -> None:
    """Enter the new state, say the transition's text (when the player is there, or its
    `heard:` text when the player is within earshot) and run its effects."""
    from game.engine.effects import run_effects

    if d.trace:
        before = d.char_states.get(who, "") if who != "player" else d.condition
        say(d, "debug.trace_transition", kind="meta", label=who, state=before, place=transition.to)
    enter()
    if heard:
        d.say(transition.say, "event")
    elif transition.heard and within_earshot(d, d.char_places.get(who), transition.heard_from):
        d.say(transition.heard, "event")
    run_effects(d, transition.do)


def turns_left(machine: StateMachine, current: str, since: int, turn: int) -> int | None:
    """Turns until the next timed transition from the current state, if one is declared."""
    timed = [
        t.after for t in machine.transitions if t.after and t.allows(current) and t.to != current
    ]
    if not timed:
        return None
    return max(0, min(timed) - (turn - since))
