"""The one place the UI meets the game: sessions, saves and the engine's read-only views."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from game import engine
from game.saves import recordings
from game.saves import session as sessions
from game.saves.errors import SaveError
from game.saves.reopen import open_any
from game.saves.slots import AUTOSAVE, PREVIOUS, list_slots
from game.tui.complete import Words
from game.tui.screens.dialogs import SaveInfo
from game.tui.screens.ending import EndingSummary

Session = sessions.Session  # the swap point: everything below drives a Session


class WorldProblem(Exception):
    """The world could not be loaded; the message says what and where."""


class SaveProblem(Exception):
    """A save could not be read; the message says what happened and what to do."""


def load_world(dirs: Sequence[Path]) -> Any:
    """The world from its folders; problems become a WorldProblem with the loader's message."""
    from game.launch import load_for_play
    from game.model import WorldError

    try:
        return load_for_play(list(dirs))
    except WorldError as error:
        raise WorldProblem(str(error)) from None


def new_session(world: Any, seed: int, saves_dir: Path, debug: bool = False) -> Any:
    """A session for a new game (its opening text is `session.opening`)."""
    return Session.new(world, seed, saves_dir, debug=debug)


def load_session(world: Any, slot: str, saves_dir: Path, debug: bool = False) -> tuple[Any, tuple]:
    """A session restored from a save, and the paragraphs to show first."""
    try:
        session = Session.load(world, slot, saves_dir, debug=debug)
    except SaveError as error:
        raise SaveProblem(str(error)) from None
    return session, tuple(session.opening)


def restore_into(session: Any, slot: str) -> list[Any]:
    """Load a save into a running session; its paragraphs say how it went."""
    return list(session.restore(slot))


def save(session: Any, slot: str) -> list[Any]:
    """Save the running session to a slot; its paragraphs say how it went."""
    return list(session.save(slot))


def close(session: Any) -> None:
    """Write what is not yet autosaved (on quit)."""
    session.close()


def read_log(world: Any, slot: str, saves_dir: Path) -> tuple[int, list[str]]:
    """The seed and command log of a save, for the replay viewer."""
    try:
        save = open_any(world, slot, saves_dir)
    except SaveError as error:
        raise SaveProblem(str(error)) from None
    return save.seed, list(save.commands)


def list_saves(saves_dir: Path, world: Any = None) -> list[SaveInfo]:
    """Every named save, newest first, then every game's recording, most recently played first."""
    from game.saves.listing import list_saves as summaries

    infos = []
    for summary in summaries(saves_dir):
        if summary.slot in (AUTOSAVE, PREVIOUS) and recordings.journals(saves_dir):
            continue  # an old version's autosave, shown only while there are no recordings
        room = getattr(world, "rooms", {}).get(summary.location)
        infos.append(
            SaveInfo(
                slot=summary.slot,
                location=room.name if room is not None else summary.location,
                turn=summary.turn,
                created=_when(summary.created) if summary.created else "",
                last_lines=summary.last_lines,
                problem=summary.problem,
            )
        )
    return infos + [_recording_info(r, world) for r in recordings.listing(saves_dir)]


def _recording_info(summary: Any, world: Any) -> SaveInfo:
    """One game's recording as the load dialog shows it."""
    room = getattr(world, "rooms", {}).get(summary.location)
    busy = ("(being played in another window)",) if summary.in_use else ()
    return SaveInfo(
        slot=summary.game,
        location=room.name if room is not None else (summary.location or "the start"),
        turn=summary.turn,
        created=_when(summary.played or summary.created),
        last_lines=(*busy, summary.last) if summary.last else busy,
        problem=summary.problem,
    )


def _when(created: str) -> str:
    """A save's creation time, in local time, for people."""
    try:
        moment = datetime.datetime.fromisoformat(created)
    except ValueError:
        return created
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def save_presence(saves_dir: Path) -> tuple[bool, bool]:
    """(a game to continue exists, any save or recording exists) — cheap, for the title menu."""
    slots = list_slots(saves_dir)
    games = bool(recordings.journals(saves_dir))
    return games or AUTOSAVE in slots, games or bool(slots)


def suggest_slot(session: Any) -> str:
    """A slot name to offer in the save dialog: the last one used."""
    return getattr(session, "slot", "") or ""


def reload_world(session: Any, dirs: Sequence[Path]) -> tuple[bool, list[str]]:
    """Load the world's YAML again and carry the game over; (False, problems) leaves it as it was."""
    from game.authoring.reload import reload_world as reload

    world, state, problems = reload(list(dirs), session.state)
    lines = [str(p) for p in problems]
    if world is None:
        return False, lines
    session.world = world
    session.state = state
    return True, lines


def look(session: Any) -> tuple[Any, ...]:
    """What LOOK would show now, without spending a turn or touching the log."""
    return engine.step(session.world, session.state, "look").output


def status(session: Any) -> Any:
    """The engine's status of the session's state."""
    return engine.status(session.world, session.state)


def menu(session: Any) -> Any:
    """The conversation or encounter menu the game is in now (engine.Menu), or None."""
    return engine.current_menu(session.world, session.state)


def undone(before: Any, after: Any) -> bool:
    """Whether a line took back the one before it (UNDO shortens the undo history by one)."""
    return len(after.history) < len(before.history)


LEAVING_ACTIONS = frozenset({"quit", "restart"})


def leaving(text: str) -> str:
    """'quit' or 'restart' when a whole line asks to leave or start again (by the grammar), else ''."""
    from game.engine.grammar import LINES
    from game.engine.parser import tokenize

    words = tokenize(text.lower())
    for line in LINES.get(words[0], ()) if words else ():
        if line.tokens == words and line.action in LEAVING_ACTIONS:
            return line.action
    return ""


def unsaved(session: Any) -> bool:
    """Whether turns were played since the game was last saved, loaded or begun (and it goes on)."""
    state, saved = session.state, session.saved_state
    return state.ending is None and state is not saved and state.turn != saved.turn


def open_transcript(session: Any) -> Any:
    """TRANSCRIPT ON: the transcript file in the save folder (OSError says why it could not open)."""
    from game.saves.transcript import TranscriptFile

    return TranscriptFile.open(session.saves_dir)


def scope_words(session: Any) -> Words:
    """Verbs and nouns in scope, for completion (kept apart: after a verb, a noun belongs)."""
    from game.engine.grammar import DIRECTION_WORDS, VERB_WORDS

    words = engine.scope_words(session.world, session.state)
    return Words(
        verbs=tuple(w for w in words if w in VERB_WORDS),
        nouns=engine.scope_nouns(session.world, session.state),
        directions=tuple(sorted(w for w in DIRECTION_WORDS if len(w) > 2)),
        movers=_movers(),
    )


@functools.cache
def _movers() -> frozenset[str]:
    """The verbs a direction may follow (`go`, `walk`, `run`, ...), read from the grammar."""
    from game.engine.grammar import LINES

    return frozenset(
        line.tokens[0]
        for lines in LINES.values()
        for line in lines
        if len(line.tokens) == 2 and line.tokens[1] == "DIR"
    )


def ending_summary(session: Any) -> EndingSummary:
    """What the ending screen shows for the session's ending."""
    from game.tui.moments import moments

    world, state = session.world, session.state
    ending = world.endings.get(state.ending)
    return EndingSummary(
        title=ending.title if ending else str(state.ending),
        kind=ending.kind if ending else "",
        text=ending.text if ending else "",
        turns=state.turn,
        score=state.score,
        max_score=world.max_score,
        moments=moments(world, session.seed, list(session.log)),
    )
