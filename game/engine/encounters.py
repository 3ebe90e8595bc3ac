"""Encounters: a hostile character is on you, and you must flee, hide or fight."""

from __future__ import annotations

from game.engine.draft import Draft
from game.engine.effects import respond
from game.engine.library import message, say

ANSWERS = {"flee": "flee", "go": "flee", "hide": "hide", "fight": "fight", "attack": "fight"}


def start_encounter(d: Draft, char: str) -> None:
    """A hostile character is upon the player."""
    spec = d.world.characters[char].encounter
    if spec is None or d.ended:
        return
    d.phase = "encounter"
    d.dialogue = None
    d.encounter = (char, spec.turns)
    d.say(spec.text or message(d, "encounter.start", char), "warning")
    say(d, "encounter.prompt", char, kind="warning")


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
        say(d, "encounter.hesitate", char, kind="warning")
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
        say(d, "encounter.hurry", char, kind="warning")
        return
    spec = d.world.characters[char].encounter
    _finish(d)
    if not respond(d, spec.timeout, "warning"):
        say(d, "encounter.timeout", char, kind="warning")


def _finish(d: Draft) -> None:
    """Leave the encounter phase."""
    d.encounter = None
    if d.phase == "encounter":
        d.phase = "exploring"
