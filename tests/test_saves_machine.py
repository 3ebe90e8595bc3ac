"""A hypothesis state machine over engine + saves: whatever is typed, saved, loaded or undone,
the save round trip holds, the log replays to the live state, and the world stays whole."""

from __future__ import annotations

import os
import shutil
import tempfile
from functools import cache
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from game.model import NOWHERE, PLAYER, World, load_world
from game.saves.format import dump, parse
from game.saves.reopen import open_recording
from game.saves.replay import final_state, verify
from game.saves.session import Session
from game.saves.store import make_save, restore

WORLD_DIR = Path(__file__).parent / "worlds" / "mini"

COMMANDS = [
    "look",
    "take all",
    "take rusty key",
    "drop all",
    "inventory",
    "unlock gate with rusty key",
    "unlock gate with key",
    "open gate",
    "north",
    "south",
    "east",
    "west",
    "down",
    "pull grate",
    "open locker",
    "take torch",
    "turn on torch",
    "put key in locker",
    "take tags",
    "ask han about counting",
    "talk to han",
    "1",
    "2",
    "hide",
    "flee",
    "eat ration",
    "again",
    "restart",
    "score",
    "hint",
    "x key",
    "it",
    "wait",
]
ODD_LINES = [
    "",
    "   ",
    "\x00\x01\x1b[2J",
    "🧟 take the key 🔑",
    "x" * 10_000,
    "take " + "key " * 2_500,
    "* a note to myself",
    "\udcff look",
    "save",
    "restore",
    "save ../../etc/passwd",
    "save CON",
    "restore nul",
    "transcript on",
    "quit",
    "oops key",
]
# A fixed alphabet keeps generation fast (no Unicode table to build) yet covers controls,
# punctuation the parser splits on, accents, Hangul, emoji and a lone surrogate.
ALPHABET = (
    "aeiknorstxy AEKT.,;!?*'\"-\t\x00\x07\x1b\x7f\u00e9\u00df\ud55c\uae00\U0001f9df\u200b\udcff"
)
typed_text = st.one_of(
    st.text(alphabet=ALPHABET, max_size=30),
    st.sampled_from(ODD_LINES),
    st.lists(st.sampled_from(COMMANDS), min_size=2, max_size=4).map(" then ".join),
)


@cache
def world() -> World:
    """The small test world (fast to play)."""
    return load_world([WORLD_DIR])


class SavesMachine(RuleBasedStateMachine):
    """Plays random lines through a Session and checks saves, replay and world invariants."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="hyosan-saves-"))
        self.session: Session | None = None

    @initialize(seed=st.integers(0, 2**63))
    def start(self, seed: int) -> None:
        """A new game with an arbitrary seed."""
        self.session = Session.new(world(), seed, self.folder, checkpoint_every=3)

    @rule(text=typed_text)
    def type_anything(self, text: str) -> None:
        """Arbitrary text: control characters, emoji, 10 kB lines, meta commands."""
        self.session.play(text)

    @rule(command=st.sampled_from(COMMANDS))
    def play_command(self, command: str) -> None:
        """A real command of the test world."""
        self.session.play(command)

    @rule(slot=st.sampled_from(["one", "two"]))
    def save(self, slot: str) -> None:
        """SAVE to a slot."""
        turn = self.session.play(f"save {slot}")
        assert any("Saved as" in p.text for p in turn.output)

    @rule(slot=st.sampled_from(["one", "two"]))
    def load(self, slot: str) -> None:
        """RESTORE a slot (which may not exist yet: then nothing changes)."""
        before = self.session.state
        turn = self.session.play(f"restore {slot}")
        if not any("Restored" in p.text for p in turn.output):
            assert self.session.state.location == before.location

    @rule()
    def undo(self) -> None:
        """UNDO."""
        self.session.play("undo")

    @rule(torn=st.sampled_from([b"", b"[", b'[9,"take all","ab', b"\x00\x00\xff"]))
    def kill_and_resume(self, torn: bytes) -> None:
        """kill -9 (the process's file is dropped unflushed, maybe mid-record), then Continue."""
        before = self.session
        writer = before._writer
        if writer is not None:
            os.close(writer._fd)  # no checkpoint, no fsync, the lock let go: as the kernel would
            writer._fd = None
            if torn:
                with open(writer.path, "ab") as handle:
                    handle.write(torn)
        if not before.game:
            return
        self.session = Session.load(world(), "autosave", self.folder, checkpoint_every=3)
        assert self.session.game == before.game
        assert self.session.state == before.state
        assert self.session.log == before.log

    @rule()
    def quit_and_continue(self) -> None:
        """QUIT (the recording is closed), then Continue from the title."""
        before = self.session
        before.close()
        if not before.game:
            return
        self.session = Session.load(world(), "autosave", self.folder, checkpoint_every=3)
        assert self.session.state == before.state
        assert self.session.log == before.log

    @invariant()
    def save_round_trip(self) -> None:
        """load(save(s)) == s, history included, and saving again writes the same bytes."""
        if self.session is None:
            return
        s = self.session
        save = make_save(s.world, s.seed, s.state, s.entries, "check")
        text = dump(save)
        again = parse(text.encode())
        assert dump(again) == text
        assert restore(s.world, again, Path("check.json")).state == s.state

    @invariant()
    def replay_matches(self) -> None:
        """The log replayed from the seed gives the live state; every line's text and state match."""
        if self.session is None:
            return
        s = self.session
        assert final_state(s.world, s.seed, s.log) == s.state
        verdict = verify(s.world, make_save(s.world, s.seed, s.state, s.entries, "check"))
        assert verdict.ok, verdict

    @invariant()
    def recording_has_everything(self) -> None:
        """The game's recording on disk holds exactly the live game (checkpoint + journal)."""
        if self.session is None or not self.session.game:
            return
        opened = open_recording(world(), self.session._journal_path)
        assert opened.state == self.session.state

    @invariant()
    def world_is_whole(self) -> None:
        """The player stands in a real room; every item is in exactly one real place, no loops."""
        if self.session is None:
            return
        w, state = world(), self.session.state
        assert state.location in w.rooms
        assert set(state.places) == set(w.items)
        for item, place in state.places.items():
            assert place in w.rooms or place in w.items or place in (PLAYER, NOWHERE)
            seen = {item}
            while place in w.items:
                assert place not in seen, f"{item} is inside itself"
                seen.add(place)
                place = state.places[place]

    def teardown(self) -> None:
        """Remove the save folder."""
        shutil.rmtree(self.folder, ignore_errors=True)


# A deeper local run: HYOSAN_SAVES_EXAMPLES=1000 pytest tests/test_saves_machine.py
EXAMPLES = int(os.environ.get("HYOSAN_SAVES_EXAMPLES", "25"))
SavesMachine.TestCase.settings = settings(max_examples=EXAMPLES, stateful_step_count=20)
TestSavesMachine = SavesMachine.TestCase
