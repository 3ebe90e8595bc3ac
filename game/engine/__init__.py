"""The pure engine: state, parser, actions, conditions and effects, step. No I/O."""

from game.engine.menus import Menu, current_menu
from game.engine.moves import valid_actions
from game.engine.output import Paragraph, Request, Turn
from game.engine.serial import StateDataError, state_from_data, state_to_data
from game.engine.state import GameState, initial_state
from game.engine.status import Status, scope_nouns, scope_words, status, status_line
from game.engine.step import new_game, step

__all__ = [
    "GameState",
    "Menu",
    "Paragraph",
    "Request",
    "StateDataError",
    "Status",
    "Turn",
    "current_menu",
    "initial_state",
    "new_game",
    "scope_nouns",
    "scope_words",
    "state_from_data",
    "state_to_data",
    "status",
    "status_line",
    "step",
    "valid_actions",
]
