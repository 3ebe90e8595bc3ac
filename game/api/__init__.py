"""Hyosan from a program: a Jericho-shaped environment, baseline agents and a Gymnasium wrapper."""

from game.api.env import Env, Observation
from game.api.hashing import state_hash

__all__ = ["Env", "Observation", "state_hash"]
