"""Conversation findings: menu choices that would print nothing when chosen."""

from __future__ import annotations

from collections.abc import Iterator

from game.authoring.findings import Finding
from game.authoring.reach import Reach
from game.model import World

SPEAKING_EFFECTS = frozenset({"say", "event", "warn", "end", "move_player"})


def silent_choices(world: World, reach: Reach | None = None) -> Iterator[Finding]:
    """A choice with no reply, no effect that speaks, that ends the conversation: nothing shows."""
    del reach
    for char in world.characters.values():
        for node in char.talk.values():
            for choice in node.choices:
                if choice.reply.strip() or choice.goto not in ("end",):
                    continue
                if any(effect.op in SPEAKING_EFFECTS for effect in choice.do):
                    continue
                yield Finding(
                    "silent_choice",
                    char.where,
                    f"choice '{choice.label}' of {char.id}'s talk node '{node.id}' ends the "
                    "conversation without a word: the player sees nothing happen",
                    "give it a 'reply:' (one line of what the player does or the character says)",
                )
