"""The choices that mattered: the commands of a game that changed someone, or you (no textual)."""

from __future__ import annotations

from typing import Any

from game import engine

MAX_MOMENTS = 14


def moments(world: Any, seed: int, log: list[str]) -> tuple[tuple[int, str, str], ...]:
    """(turn, command, what changed) for each line that changed a character, your condition or score."""
    state, _ = engine.new_game(world, seed)
    found: list[tuple[int, int, str, str]] = []  # (rank, turn, command, changes)
    choices: dict[str, str] = {}
    for command in log:
        turn = engine.step(world, state, command)
        after = turn.state
        if after.turn < state.turn:  # UNDO: what was taken back did not matter
            found = [m for m in found if m[1] <= after.turn]
        else:
            changes = _changes(world, state, after)
            if changes:
                said = choices.get(command.strip(), command)
                found.append(
                    (min(r for r, _ in changes), after.turn, said, "; ".join(c for _, c in changes))
                )
        choices = _choices(turn.output)
        state = after
    best = sorted(found, key=lambda m: (m[0], m[1]))[:MAX_MOMENTS]
    return tuple((t, c, ch) for _, t, c, ch in sorted(best, key=lambda m: m[1]))


def _choices(output: Any) -> dict[str, str]:
    """Dialogue choices offered by a turn: number -> the words of the choice."""
    offered = {}
    for paragraph in output:
        number, dot, label = paragraph.text.partition(". ")
        if paragraph.kind == "choice" and dot and number.strip().isdigit():
            offered[number.strip()] = f"{number.strip()}. {label.strip()}"
    return offered


def _changes(world: Any, before: Any, after: Any) -> list[tuple[int, str]]:
    """What one line changed that a player would remember, ranked (0 = most important)."""
    out: list[tuple[int, str]] = []
    for char_id, new in after.char_states.items():
        if before.char_states.get(char_id) != new:
            character = world.characters[char_id]
            label = character.machine.states[new].label or new.replace("_", " ")
            out.append((0, f"{character.name} became {label.lower()}"))
    if after.condition != before.condition:
        info = world.player.condition.states.get(after.condition)
        label = info.label if info and info.label else after.condition
        out.append((0, f"you became {label.lower()}"))
    if after.ending and not before.ending:
        ending = world.endings.get(after.ending)
        out.append((0, f"ending: {ending.title if ending else after.ending}"))
    if after.score > before.score:
        out.append((1, f"+{after.score - before.score} points"))
    return out
