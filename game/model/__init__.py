"""The world vocabulary: attrs classes, YAML loading and validation. No engine logic."""

from game.model.characters import Character
from game.model.endings import Ending
from game.model.events import Event
from game.model.fields import DIRECTIONS, NOWHERE, OPPOSITE, PLAYER
from game.model.items import Item
from game.model.logic import Condition, Effect, Response
from game.model.problems import Problem, WorldError
from game.model.rooms import Exit, Room
from game.model.statemachine import StateMachine
from game.model.world import World

__all__ = [
    "DIRECTIONS",
    "NOWHERE",
    "OPPOSITE",
    "PLAYER",
    "Character",
    "Condition",
    "Effect",
    "Ending",
    "Event",
    "Exit",
    "Item",
    "Problem",
    "Response",
    "Room",
    "StateMachine",
    "World",
    "WorldError",
    "load_world",
    "read_world",
]


def __getattr__(name: str):
    """`load_world` and `read_world`, importing the loader (and PyYAML) only when asked for."""
    if name in ("load_world", "read_world"):
        from game.model import loader

        return getattr(loader, name)
    raise AttributeError(f"module 'game.model' has no attribute {name!r}")
