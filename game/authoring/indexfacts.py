"""What the index says about a world's logic: who sets and reads each flag, what ends the game.

Every condition and effect is named by its owner (a room, item, character, event, hint or the
player), so the index can link each use of a flag to the definition and the file:line it is in.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from game.authoring.rules import walk_conditions, world_rules
from game.model import Condition, Effect, StateMachine, World
from game.model.reader import Where

FLAG_READS = ("flag", "at_least", "at_most")
FLAG_WRITES = ("set", "add", "unset")


@attrs.frozen
class Use:
    """One use of a name: by whom (`kind:id`), how, and where in the files."""

    owner: str
    how: str
    where: Where | None


@attrs.frozen
class FlagUses:
    """Every place a flag is set and read."""

    name: str
    set_by: tuple[Use, ...]
    read_by: tuple[Use, ...]


def _guarded(world: World) -> Iterator[tuple[str, tuple[Condition, ...], tuple[Effect, ...]]]:
    """Every (owner, condition, effects) group of the world, descriptions and hints included."""
    for rule in world_rules(world):
        yield rule.owner, rule.when, rule.effects
    for room in world.rooms.values():
        owner = f"room:{room.id}"
        for variant in room.variants:
            yield owner, variant.when, ()
        for exit_ in room.exits:
            yield owner, exit_.when, ()
        yield owner, room.dark_when, ()
    for item in world.items.values():
        for variant in item.variants:
            yield f"item:{item.id}", variant.when, ()
    for owner, machine in _machines(world):
        for transition in machine.transitions:
            yield owner, transition.when, transition.do
    for hint in world.hints.values():
        yield f"hint:{hint.id}", hint.when + hint.done, ()
    for ending in world.endings.values():
        for line in ending.epilogue:
            yield f"ending:{ending.id}", line.when, ()


def _machines(world: World):
    """(owner, machine) for the player's condition and every character."""
    yield "player:player", world.player.condition
    for char in world.characters.values():
        yield f"character:{char.id}", char.machine


def flag_uses(world: World) -> list[FlagUses]:
    """Every flag the world names, with who sets it and who reads it, sorted by name."""
    sets: dict[str, list[Use]] = {}
    reads: dict[str, list[Use]] = {}
    for owner, when, effects in _guarded(world):
        for cond in walk_conditions(when):
            if cond.op in FLAG_READS:
                reads.setdefault(cond.args[0], []).append(Use(owner, cond.op, cond.where))
        for effect in effects:
            if effect.op in FLAG_WRITES:
                sets.setdefault(effect.args[0], []).append(Use(owner, effect.op, effect.where))
    for room in world.rooms.values():
        for exit_ in room.exits:
            if exit_.hidden_until:
                use = Use(f"room:{room.id}", f"hidden_until ({exit_.direction})", exit_.where)
                reads.setdefault(exit_.hidden_until, []).append(use)
    for event in world.events.values():
        if event.trigger.kind == "flag":
            reads.setdefault(event.trigger.a, []).append(
                Use(f"event:{event.id}", "trigger", event.where)
            )
    names = sorted(set(sets) | set(reads))
    return [FlagUses(n, _unique(sets.get(n, [])), _unique(reads.get(n, []))) for n in names]


def ending_causes(world: World) -> dict[str, tuple[Use, ...]]:
    """For each ending, every owner whose effects can end the game there."""
    found: dict[str, list[Use]] = {ending: [] for ending in world.endings}
    for owner, _when, effects in _guarded(world):
        for effect in effects:
            if effect.op == "end" and effect.args[0] in found:
                found[effect.args[0]].append(Use(owner, "end", effect.where))
    return {ending: _unique(uses) for ending, uses in found.items()}


def _unique(uses: list[Use]) -> tuple[Use, ...]:
    """Uses without repeats, in file order."""
    seen: dict[tuple, Use] = {}
    for use in uses:
        key = (use.owner, use.how, str(use.where))
        seen.setdefault(key, use)
    return tuple(sorted(seen.values(), key=_file_order))


def _file_order(use: Use) -> tuple:
    """Sort key: file, line, column."""
    where = use.where
    return (where.path, where.line, where.col) if where else ("", 0, 0)


def condition_text(conditions: tuple[Condition, ...]) -> str:
    """A condition list written back roughly as the author wrote it."""
    return ", ".join(_one_condition(c) for c in conditions)


def _one_condition(cond: Condition) -> str:
    """One condition as text."""
    if cond.op in ("not",):
        return f"not ({condition_text(cond.args[0])})"
    if cond.op in ("any", "all"):
        return f"{cond.op} of (" + "; ".join(condition_text(p) for p in cond.args[0]) + ")"
    if cond.op == "state":
        return f"{cond.args[0]} is {_either(cond.args[1])}"
    if cond.op == "char_in":
        return f"{cond.args[0]} in {_either(cond.args[1])}"
    if cond.op == "item_in":
        return f"{cond.args[0]} in {cond.args[1]}"
    if cond.op in ("at_least", "at_most"):
        sign = ">=" if cond.op == "at_least" else "<="
        return f"{cond.args[0]} {sign} {cond.args[1]}"
    return f"{cond.op}: {_args(cond.args)}"


def _either(values: frozenset[str]) -> str:
    """`a` or `a or b`."""
    return " or ".join(sorted(values))


def effect_text(effects: tuple[Effect, ...]) -> str:
    """An effect list as text (long `say` texts cut short)."""
    parts = []
    for effect in effects:
        if effect.op in ("say", "event", "warn"):
            parts.append(f"{effect.op}: “{_short(effect.args[0])}”")
        elif effect.op == "set":
            parts.append(f"set: {effect.args[0]} = {effect.args[1]}")
        elif effect.op == "add":
            parts.append(f"add: {effect.args[0]} {effect.args[1]:+d}")
        else:
            parts.append(f"{effect.op}: {_args(effect.args)}")
    return ", ".join(parts)


def _args(args: tuple) -> str:
    """Arguments of an operator as text."""
    shown = []
    for arg in args:
        if isinstance(arg, frozenset):
            shown.append("[" + ", ".join(sorted(arg)) + "]")
        else:
            shown.append(str(arg))
    return " → ".join(shown) if len(shown) == 2 else ", ".join(shown)


def _short(text: str, limit: int = 70) -> str:
    """A text cut to one line of about `limit` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def layer_marks(world: World) -> dict[str, list[tuple[str, str]]]:
    """`kind 'id'` -> (added/extended/replaced, folder) for every folder after the first."""
    marks: dict[str, list[tuple[str, str]]] = {}
    for report in world.layers[1:]:
        for verb, things in (
            ("added", report.added),
            ("extended", report.extended),
            ("replaced", report.replaced),
        ):
            for thing in things:
                marks.setdefault(thing, []).append((verb, report.folder))
    return marks


def state_lines(machine: StateMachine) -> list[tuple[str, str, list[str]]]:
    """(label, id, notes) for each state of a machine: initial, follows, hostile, moves…"""
    lines = []
    for state in machine.states.values():
        notes = [
            word
            for word, on in (
                ("initial", state.id == machine.initial),
                ("follows", state.follows),
                ("hostile", state.hostile),
                ("route", bool(state.route)),
                ("wanders", bool(state.wander)),
                (f"moves heard {state.heard_from.replace('_', ' ')}", bool(state.heard_from)),
            )
            if on
        ]
        lines.append((state.label or state.id, state.id, notes))
    return lines


def transition_lines(machine: StateMachine) -> list[str]:
    """`from → to — after n turns; when …; does …; heard next door` for each transition."""
    lines = []
    for t in machine.transitions:
        source = ", ".join(sorted(t.sources)) or "any"
        how = []
        if t.after:
            how.append(f"after {t.after} turns")
        if t.when:
            how.append(f"when {condition_text(t.when)}")
        if t.do:
            how.append(f"does {effect_text(t.do)}")
        if t.heard:
            how.append(f"heard {t.heard_from.replace('_', ' ')}")
        tail = f" — {'; '.join(how)}" if how else ""
        lines.append(f"{source} → {t.to}{tail}")
    return lines
