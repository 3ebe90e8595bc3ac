"""Carrying out the closed vocabulary of effects on a draft state."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from game.engine.conditions import holds
from game.engine.draft import Draft
from game.engine.machines import change_character, change_condition
from game.engine.state import MAX_NUMBER
from game.model import PLAYER, Effect, Response


def run_effects(d: Draft, effects: Iterable[Effect]) -> None:
    """Apply effects in order; an ending stops the rest."""
    for effect in effects:
        if d.ended:
            return
        APPLY[effect.op](d, *effect.args)


def respond(d: Draft, responses: Iterable[Response], kind: str = "message") -> bool:
    """Carry out the first response whose condition holds; False when none does."""
    for response in responses:
        if holds(d, response.when):
            d.say(response.say, kind)
            run_effects(d, response.do)
            return True
    return False


def _move_player(d: Draft, room: str) -> None:
    """Move the player and describe the new room."""
    from game.engine.describe import arrive

    arrive(d, room)


def _end(d: Draft, ending_id: str) -> None:
    """End the game."""
    ending = d.world.endings[ending_id]
    d.ending = ending_id
    d.phase = "ended"
    d.dialogue = None
    d.encounter = None
    from game.engine.library import say

    say(d, "ending.title", kind="ending", title=ending.title)
    d.say(ending.text, "ending")
    _epilogue(d, ending.epilogue)
    turns = d.clock if d.took_turn else d.turn
    plural = "" if turns == 1 else "s"
    if d.world.max_score:
        say(
            d,
            "ending.score",
            kind="meta",
            score=d.score,
            max=d.world.max_score,
            turns=turns,
            s=plural,
        )
    else:
        say(d, "ending.turns", kind="meta", turns=turns, s=plural)
    say(d, "ending.options", kind="meta")


def _epilogue(d: Draft, lines) -> None:
    """Every epilogue line whose condition holds: what became of the people met on the way."""
    from game.engine.conditions import holds

    for line in lines:
        if holds(d, line.when):
            d.say(line.text, "ending")


def _encounter(d: Draft, char: str) -> None:
    """Start an encounter with a character."""
    from game.engine.encounters import start_encounter

    start_encounter(d, char)


def _end_encounter(d: Draft) -> None:
    """Stop the current encounter."""
    d.encounter = None
    if d.phase == "encounter":
        d.phase = "exploring"


def _set_in(name: str, present: bool) -> Callable[[Draft, str], None]:
    """An effect that adds or removes an item id from a state set."""
    if present:
        return lambda d, item: d.add_to(name, item)
    return lambda d, item: d.discard_from(name, item)


def _unlock(d: Draft, item: str) -> None:
    """Unlock (and leave closed)."""
    d.discard_from("locked", item)


def _lock(d: Draft, item: str) -> None:
    """Close and lock."""
    d.discard_from("open", item)
    d.add_to("locked", item)


APPLY: dict[str, Callable[..., None]] = {
    "say": lambda d, text: d.say(text, "message"),
    "event": lambda d, text: d.say(text, "event"),
    "warn": lambda d, text: d.say(text, "warning"),
    "set": lambda d, name, value: d.set_flag(name, value),
    "unset": lambda d, name: d.set_flag(name, 0),
    "add": lambda d, name, n: d.set_flag(name, d.flags.get(name, 0) + n),
    "give": lambda d, item: d.move_item(item, PLAYER),
    "remove": lambda d, item: d.move_item(item, "nowhere"),
    "move": lambda d, item, place: d.move_item(item, place),
    "move_player": _move_player,
    "move_character": lambda d, who, room: setattr(d, "char_places", d.char_places.set(who, room)),
    "state": lambda d, who, target: change_character(d, who, target),
    "condition": lambda d, target: change_condition(d, target),
    "open": _set_in("open", True),
    "close": _set_in("open", False),
    "lock": _lock,
    "unlock": _unlock,
    "encounter": _encounter,
    "end_encounter": _end_encounter,
    "score": lambda d, n: setattr(d, "score", min(max(d.score + n, -MAX_NUMBER), MAX_NUMBER)),
    "end": _end,
}
