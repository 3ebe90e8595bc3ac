"""The replay viewer: a saved game played again from its seed, command by command."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Static

from game import engine
from game.tui.widgets.minimap import Minimap, links_of
from game.tui.widgets.sidebar import Sidebar
from game.tui.widgets.story import StoryView
from game.tui.widgets.timeline import Timeline

SPEEDS = (2.0, 1.0, 0.5, 0.25, 0.1, 0.03)  # seconds per command


class ReplayFrames:
    """States and story lengths after each command, computed as far as they are needed."""

    def __init__(self, world: Any, seed: int, log: list[str]) -> None:
        self.world = world
        self.log = list(log)
        state, opening = engine.new_game(world, seed=seed)
        self.states = [state]
        self.paragraphs: list[tuple[str, str]] = [(p.kind, p.text) for p in opening]
        self.counts = [len(self.paragraphs)]

    def __len__(self) -> int:
        """Frames in the whole replay (one more than the commands)."""
        return len(self.log) + 1

    def upto(self, index: int) -> int:
        """Compute frames through `index` (clamped); returns the clamped index."""
        index = max(0, min(index, len(self.log)))
        while len(self.states) <= index:
            command = self.log[len(self.states) - 1]
            turn = engine.step(self.world, self.states[-1], command)
            self.paragraphs.append(("command", f"> {command}"))
            self.paragraphs.extend((p.kind, p.text) for p in turn.output)
            self.states.append(turn.state)
            self.counts.append(len(self.paragraphs))
        return index


class ReplayScreen(Screen[None]):
    """Play/pause, step, speed, jump, timeline; the side panel follows the replayed state."""

    AUTO_FOCUS = None
    BINDINGS: ClassVar = [
        Binding("escape", "close", "Close"),
        Binding("space", "toggle_play", "Play/Pause"),
        Binding("right", "step(1)", "Step"),
        Binding("left", "step(-1)", "Back"),
        Binding("plus,equals_sign", "speed(1)", "Faster"),
        Binding("minus", "speed(-1)", "Slower"),
        Binding("home", "jump_to(0)", "Start", show=False),
        Binding("end", "jump_to(-1)", "End", show=False),
        Binding("g", "ask_jump", "Go to"),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
    ]

    def __init__(
        self, world: Any, seed: int, log: list[str], label: str = "", leave_app: bool = False
    ) -> None:
        super().__init__()
        self.leave_app = leave_app  # opened by `hyosan replay`: closing it ends the program
        self.frames = ReplayFrames(world, seed, log)
        self.label = label
        self.index = 0
        self.speed = 2
        self.playing = False
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """Header, story + panel, timeline, controls."""
        yield Static(id="replay-header")
        with Horizontal(id="body"):
            with Vertical(id="main"):
                yield StoryView(id="story")
                yield Static("▼ more below · PgDn", id="more")
            yield Sidebar(id="sidebar")
        yield Timeline(id="timeline")
        yield Footer()

    def on_mount(self) -> None:
        """Show the opening."""
        self.query_one("#more").display = False
        self.query_one(Timeline).total = len(self.frames.log)
        self.query_one(StoryView).append(self.frames.paragraphs[: self.frames.counts[0]])
        self._show()

    def show_index(self, index: int) -> None:
        """Move the replay to frame `index`."""
        index = self.frames.upto(index)
        story = self.query_one(StoryView)
        if index < self.index:
            story.truncate(self.frames.counts[index])
        elif index > self.index:
            story.append(
                self.frames.paragraphs[self.frames.counts[self.index] : self.frames.counts[index]]
            )
            story.show_paragraph(self.frames.counts[index - 1])  # the last command's own text
        self.index = index
        self._show()

    def _show(self) -> None:
        """Header, timeline and panel for the current frame."""
        state = self.frames.states[self.index]
        world = self.frames.world
        self.query_one(Sidebar).show(engine.status(world, state))
        if hasattr(world, "exits"):
            self.query_one(Minimap).show(
                links_of(world, state.flags), set(state.visited), state.location
            )
        self.query_one(Timeline).position = self.index
        mode = "▶ playing" if self.playing else "‖ paused"
        title = f"Replay {self.label}" if self.label else "Replay"
        status = engine.status(world, state)
        self.query_one("#replay-header", Static).update(
            Content.assemble(
                (title, "bold $accent"),
                f"  {self.index}/{len(self.frames.log)}  ",
                (mode, "bold"),
                f"  {SPEEDS[self.speed]:g}s  ",
                (status.location, "$accent"),
                ("  turn ", "$text-muted"),
                str(status.turn),
            )
        )

    def _tick(self) -> None:
        """One command forward while playing; stop at the end."""
        if self.index >= len(self.frames.log):
            self.action_toggle_play()
            return
        self.show_index(self.index + 1)

    def action_toggle_play(self) -> None:
        """Start or stop playing."""
        self.playing = not self.playing
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.playing:
            if self.index >= len(self.frames.log):
                self.show_index(0)
            self._timer = self.set_interval(SPEEDS[self.speed], self._tick)
        self._show()

    def action_step(self, delta: int) -> None:
        """One command forward or back (pauses)."""
        if self.playing:
            self.action_toggle_play()
        self.show_index(self.index + delta)

    def action_speed(self, delta: int) -> None:
        """Faster or slower: the timer is replaced at the new interval."""
        self.speed = max(0, min(len(SPEEDS) - 1, self.speed + delta))
        if self.playing and self._timer is not None:
            self._timer.stop()
            self._timer = self.set_interval(SPEEDS[self.speed], self._tick)
        self._show()

    def action_jump_to(self, index: int) -> None:
        """Jump to a frame (-1 = the end)."""
        self.show_index(len(self.frames.log) if index < 0 else index)

    def action_ask_jump(self) -> None:
        """Open the box for a command number (mounted only while it is needed)."""
        if self.query("#jump"):
            return
        box = Input(
            placeholder="command number, then enter (esc cancels)", id="jump", type="integer"
        )
        box.cursor_blink = self.app.config.cursor_blink
        self.mount(box, before=self.query_one(Footer))
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Jump to the typed command number."""
        event.stop()
        event.input.remove()
        if event.value.strip().isdigit():
            self.show_index(int(event.value))

    def on_timeline_jump(self, message: Timeline.Jump) -> None:
        """A click on the timeline."""
        self.show_index(message.index)

    def on_story_view_more_below(self, message: StoryView.MoreBelow) -> None:
        """Show or hide the 'more below' marker."""
        self.query_one("#more").display = message.more

    def action_page(self, direction: int) -> None:
        """Scroll the replayed story a page."""
        story = self.query_one(StoryView)
        story.scroll_page_up() if direction < 0 else story.scroll_page_down()

    def action_send(self, command: str) -> None:
        """Clicks on exits do nothing while watching."""

    def action_close(self) -> None:
        """Back to where the replay was opened from."""
        if self.query("#jump"):
            self.query_one("#jump").remove()
            return
        if self._timer is not None:
            self._timer.stop()
        if self.leave_app:
            self.app.exit(0)
        else:
            self.dismiss()
