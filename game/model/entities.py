"""The world vocabulary's classes in one place, for code that imports them from here.

Each concept lives in its own module (fields, rooms, items, statemachine, characters, events,
endings, start, testspecs); this module only re-exports them.
"""

from __future__ import annotations

from game.model.characters import Character, Choice, Encounter, TalkNode, Topic
from game.model.endings import Ending, Hint
from game.model.events import TRIGGER_KINDS, Event, Trigger
from game.model.fields import (
    DIRECTIONS,
    NOWHERE,
    OPPOSITE,
    PLAYER,
    Variant,
    at_least,
    read_variants,
    read_verb_responses,
    verb_key,
)
from game.model.items import ContainerSpec, Item, UseRule
from game.model.rooms import Exit, Room, Scenery
from game.model.start import GameInfo, Player
from game.model.statemachine import StateInfo, StateMachine, Transition
from game.model.testspecs import WorldTest, read_tests

__all__ = [
    "DIRECTIONS",
    "NOWHERE",
    "OPPOSITE",
    "PLAYER",
    "TRIGGER_KINDS",
    "Character",
    "Choice",
    "ContainerSpec",
    "Encounter",
    "Ending",
    "Event",
    "Exit",
    "GameInfo",
    "Hint",
    "Item",
    "Player",
    "Room",
    "Scenery",
    "StateInfo",
    "StateMachine",
    "TalkNode",
    "Topic",
    "Transition",
    "Trigger",
    "UseRule",
    "Variant",
    "WorldTest",
    "at_least",
    "read_tests",
    "read_variants",
    "read_verb_responses",
    "verb_key",
]
