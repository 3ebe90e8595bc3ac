"""Encounters: a hostile character is on you, and you must flee, hide or fight."""

from __future__ import annotations

from game.engine.draft import Draft
from game.engine.effects import respond
from game.engine.names import The

ANSWERS = {"flee": "flee", "go": "flee", "hide": "hide", "fight": "fight", "attack": "fight"}


def start_encounter(d: Draft, char: str) -> None:
    """A hostile character is upon the player."""
    spec = d.world.characters[char].encounter
    if spec is None or d.ended:
        return
    d.phase = "encounter"
    d.dialogue = None
    d.encounter = (char, spec.turns)
    d.say(spec.text or f"{The(d, char)} is upon you!", "warning")
    d.say("FLEE, HIDE, or FIGHT?", "warning")


def answer(d: Draft, action: str) -> bool:
    """Resolve the encounter with the player's answer; False when it isn't one."""
    kind = ANSWERS.get(action)
    if kind is None or d.encounter is None:
        return False
    char, _ = d.encounter
    spec = d.world.characters[char].encounter
    _finish(d)
    responses = getattr(spec, kind)
    if not respond(d, responses, "warning"):
        d.say("You hesitate, and the moment passes. Somehow, you are still standing.", "warning")
    d.actions.append((kind, char))
    return True


def countdown(d: Draft) -> None:
    """An unanswered encounter closes in; when time runs out, the timeout happens."""
    if d.encounter is None:
        return
    char, left = d.encounter
    left -= 1
    if left > 0:
        d.encounter = (char, left)
        d.say("There's no time for that! FLEE, HIDE, or FIGHT?", "warning")
        return
    spec = d.world.characters[char].encounter
    _finish(d)
    if not respond(d, spec.timeout, "warning"):
        d.say("They crash past you and are gone, leaving you shaking.", "warning")


def _finish(d: Draft) -> None:
    """Leave the encounter phase."""
    d.encounter = None
    if d.phase == "encounter":
        d.phase = "exploring"
