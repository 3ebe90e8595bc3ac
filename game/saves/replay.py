"""Replay: fold `step` over a command log from the seed; compare with what the save recorded."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from game.engine import GameState, Paragraph, Turn, new_game, state_to_data, step
from game.model import World
from game.model.record import record
from game.saves import history
from game.saves.format import SaveFile
from game.saves.record import data_digest, excerpt_text, output_digest, output_text, state_digest


@record
class ReplayStep:
    """One replayed line: its 1-based index in the log, the command and the Turn it gave."""

    index: int
    command: str
    turn: Turn


def replay_states(world: World, save: SaveFile) -> Iterator[ReplayStep]:
    """Every line of a save replayed from its seed, in order (for viewers and transcripts)."""
    state, _ = new_game(world, save.seed, debug=debugged(save))
    for index, command in enumerate(save.commands, 1):
        turn = step(world, state, command)
        yield ReplayStep(index, command, turn)
        state = turn.state


def debugged(save: SaveFile) -> bool:
    """Whether a save's game was played with the debugging verbs on (its log may use them)."""
    return save.snapshot.get("debugged") is True


def opening(world: World, save: SaveFile) -> tuple[Paragraph, ...]:
    """The text shown before the first command of a save's game."""
    return new_game(world, save.seed, debug=debugged(save))[1]


def final_state(world: World, seed: int, commands: Iterable[str]) -> GameState:
    """The state after playing every command from the seed (headless, fast)."""
    state, _ = new_game(world, seed)
    for command in commands:
        state = step(world, state, command).state
    return state


@record
class Difference:
    """The first replayed turn that does not match the save, with both sides."""

    index: int
    command: str
    text_differs: bool
    state_differs: bool
    saved_excerpt: str
    replayed_text: str
    turn: int  # the in-world turn counter before this line
    fields: tuple[tuple[str, Any, Any], ...] = ()  # (field, saved, replayed) when the save knows


@record
class Verdict:
    """The outcome of verifying a save by replay."""

    lines: int
    first: Difference | None
    state_diff: tuple[tuple[str, Any, Any], ...]  # (field, saved, replayed) at the end
    crash: str = ""

    @property
    def ok(self) -> bool:
        """True when every line and the final state match."""
        return self.first is None and not self.state_diff and not self.crash


def verify(world: World, save: SaveFile) -> Verdict:
    """Replay a save headless; name the first line whose text or state differs from the record."""
    state, _ = new_game(world, save.seed, debug=debugged(save))
    first: Difference | None = None
    done = 0
    try:
        for entry in save.log:
            turn = step(world, state, entry.command)
            if first is None:
                text_bad = output_digest(turn.output) != entry.out
                state_bad = state_digest(turn.state) != entry.state
                if text_bad or state_bad:
                    saved = saved_states(save).get(entry.state)
                    fields = diff_data(saved, state_to_data(turn.state)) if saved else ()
                    first = Difference(
                        done + 1,
                        entry.command,
                        text_bad,
                        state_bad,
                        entry.excerpt,
                        output_text(turn.output),
                        state.turn,
                        fields,
                    )
            state = turn.state
            done += 1
    except Exception as exc:  # a changed world may drive the engine somewhere it fails
        return Verdict(done, first, (), f"line {done + 1}: {type(exc).__name__}: {exc}")
    return Verdict(done, first, diff_data(save.snapshot, state_to_data(state)))


def saved_states(save: SaveFile) -> dict[str, dict[str, Any]]:
    """The states a save still holds in full (snapshot and undo history), by state digest."""
    states = [save.snapshot, *history.decode(save.snapshot, save.history)]
    return {data_digest(data): data for data in reversed(states)}


def diff_data(
    saved: dict[str, Any], now: dict[str, Any], prefix: str = ""
) -> tuple[tuple[str, Any, Any], ...]:
    """Field-by-field differences between two state dicts, nested maps flattened with dots."""
    out: list[tuple[str, Any, Any]] = []
    for key in sorted(set(saved) | set(now)):
        a, b = saved.get(key), now.get(key)
        if a == b:
            continue
        if isinstance(a, dict) and isinstance(b, dict):
            out.extend(diff_data(a, b, f"{prefix}{key}."))
        else:
            out.append((f"{prefix}{key}", a, b))
    return tuple(out)


def one_line(text: str) -> str:
    """A turn's text as a one-line excerpt, like the ones saves keep."""
    return excerpt_text(text.split("\n\n"))


def describe(verdict: Verdict, save: SaveFile) -> Sequence[str]:
    """The verdict as lines for a person."""
    lines = [f"Replayed {verdict.lines} of {len(save.log)} lines from seed {save.seed}."]
    if verdict.ok:
        return [*lines, "Every line matches the save, and so does the final state."]
    first = verdict.first
    if first is not None:
        what = " and ".join(
            w for w, bad in (("text", first.text_differs), ("state", first.state_differs)) if bad
        )
        now = one_line(first.replayed_text)
        lines += [
            f"The first difference is at line {first.index} (turn {first.turn}): > {first.command}",
            f"  Its {what} differs from when the game was saved; lines before it all match.",
            f"  saved: {first.saved_excerpt or '(no text)'}",
            f"  now:   {now or '(no text)'}",
        ]
        if first.text_differs and now == first.saved_excerpt:
            lines += [
                "  The whole text now:",
                *(f"    {t}" for t in first.replayed_text.splitlines()),
            ]
        lines += [f"  {field}: saved {a!r}, now {b!r}" for field, a, b in first.fields[:30]]
    if verdict.crash:
        lines.append(f"The replay stopped with an engine error at {verdict.crash}.")
    if verdict.state_diff:
        lines.append("At the end, the state differs from the saved snapshot:")
        lines += [f"  {field}: saved {a!r}, now {b!r}" for field, a, b in verdict.state_diff[:30]]
        if len(verdict.state_diff) > 30:
            lines.append(f"  ... and {len(verdict.state_diff) - 30} more fields")
    lines.append("The world has probably changed since this save was made.")
    return lines
