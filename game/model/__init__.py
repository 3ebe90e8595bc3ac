"""The world vocabulary: attrs classes, YAML loading and validation. No engine logic."""

from game.model.entities import (
    DIRECTIONS,
    NOWHERE,
    OPPOSITE,
    PLAYER,
    Character,
    Ending,
    Event,
    Exit,
    Item,
    Room,
    StateMachine,
)
from game.model.loader import load_world, read_world
from game.model.logic import Condition, Effect, Response
from game.model.problems import Problem, WorldError
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
