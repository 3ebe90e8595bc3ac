"""The line-mode front end: stdin to stdout, for pipes, plain terminals and screen readers."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable

from game.engine import GameState, Menu, Paragraph, Turn, current_menu, status_line
from game.launch import load_or_report
from game.model.record import evolve, record
from game.paths import default_saves_dir
from game.saves.errors import SaveError
from game.saves.record import MAX_LINE
from game.saves.recordings import budget_warning
from game.saves.session import Session

TYPE_CHECKING = False  # typing's flag without importing typing, whose import is a start-up cost
if TYPE_CHECKING:
    from typing import TextIO

    from game.saves.transcript import TranscriptFile

PROMPT = "> "
READ_LIMIT = 64 * 1024  # characters of one input line kept; the game reads the first MAX_LINE


ASCII = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2014": "--", "\u2013": "-",
     "\u2026": "...", "\u00b7": "|", "\u2192": "->", "\u2190": "<-", "\u00a0": " "}
)  # fmt: skip
STATUS_MODES = ("always", "changes", "never")


@record
class PlainOptions:
    """How plain mode writes: for screen readers, braille displays and logs."""

    status: str = "always"  # the status line: after every turn, only when it changes, or never
    ascii: bool = False  # typographic punctuation as plain ASCII
    decorate: bool = False  # ** Room ** and *** Ending *** marks around titles


def render(
    paragraphs: Iterable[Paragraph], width: int | None, options: PlainOptions | None = None
) -> str:
    """Paragraphs as plain text: a blank line between them; title marks only when asked."""
    options = options or PlainOptions()
    blocks: list[str] = []
    previous = ""
    for p in paragraphs:
        text = p.text
        if p.kind == "title" and options.decorate:
            text = f"** {text} **"
        elif p.kind == "ending":
            bare = text.strip("* ")
            text = (text.upper() if options.decorate else bare) if text.startswith("***") else text
        if width and p.kind not in ("meta", "choice") and "\n" not in text:
            import textwrap  # only a terminal's lines are wrapped (pipes and logs are not)

            text = textwrap.fill(text, width)
        if p.kind == "choice" and previous == "choice":
            blocks[-1] += "\n" + text
        else:
            blocks.append(text)
        previous = p.kind
    out = "\n\n".join(blocks)
    return out.translate(ASCII) if options.ascii else out


def danger_line(menu: Menu) -> str:
    """An encounter's countdown, as the TUI's danger menu shows it."""
    left = menu.moves_left
    when = f" {left} move{'s' if left != 1 else ''} before it reaches you." if left else ""
    name = menu.name[:1].upper() + menu.name[1:]
    return f"{name}!{when} FLEE, HIDE or FIGHT."


def _columns() -> int:
    """The terminal's width (imports shutil, and its compression modules, only in a terminal)."""
    import shutil

    return shutil.get_terminal_size().columns


class PlainUI:
    """Reads lines, steps the game, writes the text and a status line."""

    def __init__(
        self,
        session: Session,
        stdin: TextIO,
        stdout: TextIO,
        options: PlainOptions | None = None,
    ) -> None:
        self.options = options or PlainOptions()
        self._last_status = ""
        self.session = session
        self.world = session.world
        self.stdin = stdin
        self.stdout = stdout
        self.interactive = stdin.isatty() and stdout.isatty()
        self.width = min(_columns(), 100) - 1 if self.interactive else None
        self.transcript: TranscriptFile | None = None
        self.editing = stdin.isatty() and _line_editing(session.log)
        self.write(self.render(session.opening))

    def render(self, paragraphs: Iterable[Paragraph]) -> str:
        """Paragraphs as this player asked to read them."""
        return render(paragraphs, self.width, self.options)

    @property
    def state(self) -> GameState:
        """The session's current game state."""
        return self.session.state

    def write(self, text: str) -> None:
        """Write to stdout (and the transcript, when one is open)."""
        self.out(text + "\n")
        self.to_transcript(text + "\n")

    def out(self, text: str) -> None:
        """Write to stdout (flushed before the next line is read: see `flush`); OutputLost
        when stdout is closed, full or gone."""
        try:
            self.stdout.write(text)
        except (OSError, ValueError) as exc:  # ValueError: the stream was closed under us
            raise OutputLost(exc) from None

    def flush(self) -> None:
        """Send everything written so far (once per line, before waiting for the next one)."""
        try:
            self.stdout.flush()
        except (OSError, ValueError) as exc:
            raise OutputLost(exc) from None

    def to_transcript(self, text: str) -> None:
        """Append to the transcript, when one is open; a failing disk closes it with a warning."""
        if self.transcript is not None:
            problem = self.transcript.write(text)
            if problem:
                self.transcript = None
                self.write(problem)

    def show_status(self) -> None:
        """The status line: always, only when it changed, or never (--status / STATUS ON|OFF)."""
        line, key = status_line(self.world, self.state)
        changed, self._last_status = key != self._last_status, key  # the turn alone is no change
        if self.options.status == "always" or (self.options.status == "changes" and changed):
            self.write("\n" + self.render([Paragraph("meta", line)]))

    def set_status(self, line: str) -> bool:
        """STATUS ON / OFF / CHANGES / ALWAYS / NEVER (a front-end setting); False if not one."""
        words = line.lower().split()
        modes = {"on": "always", "off": "never", **{m: m for m in STATUS_MODES}}
        if len(words) != 2 or words[0] != "status" or words[1] not in modes:
            return False
        self.options = evolve(self.options, status=modes[words[1]])
        self.write(f"[Status line: {self.options.status}.]")
        return True

    def read_line(self) -> str | None:
        """One line of input (with line editing and history at a terminal), None at the end."""
        if self.editing:
            self.flush()
            try:
                return input(PROMPT)[:READ_LIMIT]
            except EOFError:
                return None
            except OSError as exc:
                raise OutputLost(exc) from None
        self.out(PROMPT)
        self.flush()
        try:
            line = read_line(self.stdin)
        except OSError:  # the terminal hung up: the same as the end of input
            return None
        return line.rstrip("\n") if line else None

    def after_turn(self, before: GameState, turn: Turn) -> None:
        """What the TUI shows beside the story: the danger countdown, the ending's summary."""
        menu = current_menu(self.world, self.state)
        self.remind_menu(menu, turn.output)
        if menu is not None and menu.kind == "encounter":
            self.write("\n" + self.render([Paragraph("warning", danger_line(menu))]))
        if self.state.ending and self.state.ending != before.ending:
            lines = ending_lines(self.session)
            if lines:
                self.write("\n" + self.render([Paragraph("meta", "\n".join(lines))]))

    def remind_menu(self, menu: Menu | None, shown: Iterable[Paragraph]) -> None:
        """A conversation still open whose choices this output did not list (after UNDO, RESTORE,
        RESTART, HINT, a typo): list them again, so the player knows they are still talking."""
        if menu is None or menu.kind != "dialogue" or any(p.kind == "choice" for p in shown):
            return
        lines = [Paragraph("meta", f"You are talking to {menu.name}.")]
        lines += [Paragraph("choice", f"{number}. {label}") for number, label, _ in menu.choices]
        if menu.prompt:
            lines.append(Paragraph("meta", menu.prompt))
        self.write("\n" + self.render(lines))

    def loop(self) -> int:
        """Play until end of input or QUIT."""
        self.remind_menu(current_menu(self.world, self.state), self.session.opening)
        self.show_status()
        while True:
            line = self.read_line()
            if line is None:
                self.out("\n")
                self.write_paragraphs(self.session.close())
                self.flush()
                return 0
            if not self.interactive:
                self.out(line[:MAX_LINE] + "\n")
            self.to_transcript(PROMPT + line + "\n")
            if self.set_status(line):
                continue
            before = self.state
            turn = self.session.play(line)
            self.write(self.render(turn.output))
            if self.handle_requests(turn):
                self.flush()
                return 0
            self.after_turn(before, turn)
            self.show_status()

    def handle_requests(self, turn: Turn) -> bool:
        """Carry out what only a front end can do; True means quit."""
        for request in turn.requests:
            if request.kind == "quit":
                self.write_paragraphs(self.session.close())
                self.write("Goodbye. The Zone will be here when you come back.")
                return True
            if request.kind == "transcript":
                self.toggle_transcript(request.arg == "on")
        return False

    def write_paragraphs(self, paragraphs: Iterable[Paragraph]) -> None:
        """Write paragraphs, if there are any."""
        text = self.render(paragraphs)
        if text:
            self.write(text)

    def toggle_transcript(self, on: bool) -> None:
        """TRANSCRIPT ON/OFF: write the session to a text file in the save folder."""
        if on and self.transcript is None:
            from game.saves.transcript import TranscriptFile  # only when asked for: it loads replay

            try:
                self.transcript = TranscriptFile.open(self.session.saves_dir)
            except OSError as error:
                self.write(f"Could not open a transcript file: {error.strerror or error}.")
                return
            self.write(f"Transcript on: writing to {self.transcript.path}.")
        elif not on and self.transcript is not None:
            self.transcript.close()
            self.transcript = None
            self.write("Transcript off.")


class OutputLost(Exception):
    """Standard output is closed, full or gone: the game cannot be shown any more."""

    def __init__(self, cause: BaseException) -> None:
        self.cause = cause
        super().__init__(str(cause))


def complain(text: str) -> None:
    """Say something on stderr, when there is a stderr to say it on."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(f"hyosan: {text}\n")
        sys.stderr.flush()


def run(args) -> int:
    """`hyosan --plain`."""
    streams = {"input": sys.stdin, "output": sys.stdout}
    missing = [name for name, stream in streams.items() if stream is None]
    if missing:
        closed = " and ".join(missing) + (" are" if len(missing) > 1 else " is")
        complain(f"standard {closed} closed; plain mode reads and writes lines.")
        return 2
    world = load_or_report(args)
    if world is None:
        return 1
    seed = args.seed if getattr(args, "seed", None) is not None else 1
    saves_dir = getattr(args, "saves", None) or default_saves_dir()
    load = getattr(args, "load", None)
    warning = budget_warning()
    if warning:
        complain(warning)
    debug = bool(getattr(args, "debug", False))
    try:
        if load:
            session = Session.load(world, load, saves_dir, debug=debug)
        else:
            session = Session.new(world, seed, saves_dir, debug=debug)
    except SaveError as error:
        complain(str(error))
        return 1
    options = PlainOptions(
        status=getattr(args, "status", None) or "always",
        ascii=bool(getattr(args, "ascii", False)),
        decorate=bool(getattr(args, "decorate", False)),
    )
    ui: PlainUI | None = None
    try:
        ui = PlainUI(session, tolerant(sys.stdin), tolerant(sys.stdout), options)
        return ui.loop()
    except OutputLost as lost:
        return stop_without_output(session, ui, lost)


def stop_without_output(session: Session, ui: PlainUI | None, lost: OutputLost) -> int:
    """Output failed: flush the recording, quiet stdout, say why on stderr, exit."""
    session.close()
    if ui is not None and ui.transcript is not None:
        ui.transcript.close()
    _silence(sys.stdout)
    if isinstance(lost.cause, BrokenPipeError):  # the reader went away (`| head`): not an error
        return 0
    cause = lost.cause
    why = getattr(cause, "strerror", None) or str(cause) or type(cause).__name__
    kept = (
        f" Your game is recorded: continue it with `hyosan --plain --load {session.game}`."
        if session.game
        else ""
    )
    complain(f"cannot write the game's text ({why}).{kept}")
    return 1


def _silence(stream: TextIO | None) -> None:
    """Point a failed output stream at the null device, so what it still holds goes nowhere."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)


def ending_lines(session: Session) -> list[str]:
    """The ending's 'choices that mattered', as the TUI's ending screen lists them."""
    from game.tui.moments import moments

    found = moments(session.world, session.seed, list(session.log))
    if not found:
        return []
    lines = ["The choices that mattered:"]
    lines += [f"  turn {turn}: > {command} ({change})" for turn, command, change in found]
    return lines


def _line_editing(history: Iterable[str]) -> bool:
    """Line editing and history through readline (stdlib; leaves the screen to the screen
    reader, unlike full-screen line editors); False where readline is missing."""
    try:
        import readline
    except ImportError:
        return False
    readline.clear_history()
    for line in history:
        readline.add_history(line)
    return True


def read_line(stream: TextIO) -> str:
    """One input line, never more than READ_LIMIT characters held (the rest of a longer line is
    read and dropped), so endless input without a newline cannot fill the memory."""
    line = stream.readline(READ_LIMIT)
    if len(line) == READ_LIMIT and not line.endswith("\n"):
        while True:
            rest = stream.readline(READ_LIMIT)
            if not rest or rest.endswith("\n"):
                break
    return line


def tolerant(stream: TextIO) -> TextIO:
    """The stream with undecodable input bytes (or unprintable output) made U+FFFD / '?'."""
    reconfigure = getattr(stream, "reconfigure", None)  # absent on a test's StringIO
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):  # a stream already read from
            reconfigure(errors="replace")
    return stream
