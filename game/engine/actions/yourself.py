"""Commands that name the player as a thing: USE KIT ON ME, INJECT ME WITH X, PUT COAT ON ME.

The parser resolves `me`, `myself`, `self` and `yourself` to the player (`PLAYER`) in any
object slot; this module turns such a command into the one it means, or answers it.
"""

from __future__ import annotations

from game.engine.actions.meta import self_
from game.engine.draft import Draft
from game.engine.library import say
from game.engine.parser import Command
from game.model import PLAYER
from game.model.record import evolve

APPLY_ACTIONS = frozenset({"use", "pour", "plug"})  # X ON ME = use X
TREAT_ACTIONS = frozenset({"cure", "attack", "cut", "unlock", "pry"})  # ME WITH X
LOOK_ACTIONS = frozenset({"examine", "search", "look"})
GIVE_ACTIONS = frozenset({"give", "show"})


def names_self(cmd: Command) -> bool:
    """Whether the command names the player as one of its things."""
    return cmd.obj2 == PLAYER or PLAYER in cmd.objs


def toward_self(d: Draft, cmd: Command) -> Command | None:
    """The command meant when the player names themself, or None when it is answered here."""
    others = tuple(o for o in cmd.objs if o != PLAYER)
    if cmd.obj2 == PLAYER and others:
        if cmd.action in APPLY_ACTIONS:
            return evolve(cmd, action="use", obj2="")
        if cmd.action in ("put_on", "insert") and _wearable(d, others[0]):
            return evolve(cmd, action="wear", obj2="")
        if cmd.action in GIVE_ACTIONS:
            say(d, "self.give", others[0])
            return None
        if cmd.action == "throw":
            say(d, "self.throw", others[0])
            return None
    if cmd.objs == (PLAYER,):
        if cmd.action in LOOK_ACTIONS:
            self_(d, cmd)
            return None
        if cmd.action in TREAT_ACTIONS and cmd.obj2 and cmd.obj2 != PLAYER:
            return evolve(cmd, action="use", objs=(cmd.obj2,), obj2="")
        if cmd.action == "cure":
            say(d, "self.with_what", kind="error")
            d.pending = ("use {} on me", ())
            return None
    say(d, "self.other")
    return None


def _wearable(d: Draft, thing: str) -> bool:
    """Whether an item can be worn."""
    item = d.world.items.get(thing)
    return item is not None and item.wearable
