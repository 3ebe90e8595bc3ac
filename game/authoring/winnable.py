"""Winnability: a breadth-first search of the game from the start, with the real engine.

Every reachable state (up to the puzzle-relevant key, see `statekey`) is explored with every
command that can change it (`game.engine.moves.candidates`, generated from the engine's rules). The result names the endings reached, with the shortest
command path to each, and every softlock: a live state from which no ending other than a
death can be reached any more, with the shortest path into it.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

import attrs

from game.authoring.deadline import NONE, find_deadline
from game.authoring.relevance import inert_items, needed_items
from game.authoring.rules import world_rules
from game.authoring.statekey import key_function
from game.engine import GameState, new_game, step
from game.engine.frozen import EMPTY
from game.engine.moves import candidates
from game.engine.scope import is_lit
from game.engine.state import FIELD_NAMES
from game.model import NOWHERE, World


@attrs.frozen
class Snapshot:
    """Where a running search is: what it has seen, and how far its current depth is done.

    Depth counts commands from the start (or from a state the world's own tests pass
    through): every state at a smaller depth has been explored.
    """

    states: int  # distinct states seen
    explored: int  # states whose every command was tried
    depth: int  # the depth being explored now
    done_at_depth: int  # states of that depth explored so far
    at_depth: int  # states of that depth in all
    seconds: float
    recent: float = 0.0  # states explored per second over the last few seconds (0: unknown)

    @property
    def rate(self) -> float:
        """States explored per second: lately if known, else since the start."""
        if self.recent > 0:
            return self.recent
        return self.explored / self.seconds if self.seconds > 0 else 0.0

    @property
    def to_finish_depth(self) -> float | None:
        """A rough estimate of the seconds left to finish the current depth (None: no rate yet)."""
        rate = self.rate
        return (self.at_depth - self.done_at_depth) / rate if rate > 0 else None


Progress = Callable[[Snapshot], None]
RATE_WINDOW = 10.0  # seconds over which the progress line measures the rate


@attrs.define
class Stop:
    """Set from outside (a signal handler) to end the search before its next state."""

    reason: str = ""  # e.g. "SIGINT"; the search stops as soon as it is not empty


@attrs.frozen
class Softlock:
    """A command that leaves the game unwinnable, with the shortest path that ends in it."""

    path: tuple[str, ...]
    states: int  # how many softlocked states this command leads into
    room: str  # where the command is typed


@attrs.frozen
class SearchResult:
    """What the search found, and whether it saw everything."""

    states: int
    steps: int
    seconds: float
    complete: bool
    stopped_by: str  # "" when complete, else "max-states" or "seconds"
    endings: dict[str, tuple[str, ...]]  # ending id -> shortest path (readable commands)
    softlocks: tuple[Softlock, ...]
    softlocked_states: int
    winning: frozenset[str]  # the endings that count as a win (not deaths)
    crashes: tuple[tuple[tuple[str, ...], str], ...] = ()  # (path, error) where the engine failed
    frontier: int = 0  # states seen but not explored when a bound stopped the search
    frontier_depth: int = 0  # the shallowest of them: every state above it was explored
    frontier_by_depth: tuple[tuple[int, int], ...] = ()  # (depth, states not yet explored)
    explored: int = 0  # states whose every command was tried
    depth: int = 0  # the deepest depth the search explored
    seeds: int = 1  # states the search starts from: the start and the world's tests' states
    coverage: object = None  # game.authoring.coverage.Coverage, when texts were followed
    unseen_rooms: tuple[str, ...] = ()  # rooms no seen state stands in (a bounded search)
    frontier_rooms: tuple[tuple[str, int], ...] = ()  # (room, unexplored states there), most first
    deadline: int = 0  # the turn of a winning deadline the states leave the turn count out for

    @property
    def winnable(self) -> bool:
        """Whether some winning ending is reachable."""
        return any(e in self.winning for e in self.endings)

    @property
    def rate(self) -> float:
        """States explored per second."""
        return self.states / self.seconds if self.seconds > 0 else float(self.states)


def _count_rooms(rooms) -> tuple[tuple[str, int], ...]:
    """How many of the given states stand in each room, most first."""
    counts: dict[str, int] = {}
    for room in rooms:
        counts[room] = counts.get(room, 0) + 1
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def winning_endings(world: World, wins: tuple[str, ...] = ()) -> frozenset[str]:
    """Endings that count as winning.

    `wins` (else the world's `game: winning:`) names ending kinds or ending ids; without
    either, every kind but death counts (every ending, if all of them are deaths).
    """
    wins = wins or world.info.winning
    if wins:
        return frozenset(e.id for e in world.endings.values() if e.kind in wins or e.id in wins)
    good = frozenset(e.id for e in world.endings.values() if e.kind != "death")
    return good or frozenset(world.endings)


WAIT = "wait"
IN_THE_DARK = frozenset({"drop", "throw", "switch"})  # may lose a thing (or the light) in the dark
BARE = {"history": (), "pending": None, "pronouns": EMPTY, "oops": None, "last_command": ""}
KEPT = tuple(name for name in FIELD_NAMES if name not in BARE)


def _bare(state: GameState) -> GameState:
    """A state without history and parser memory (they never matter to puzzles)."""
    if (
        not state.history
        and state.pending is None
        and not state.pronouns
        and not state.last_command
    ):
        return state
    fields = {name: getattr(state, name) for name in KEPT}
    return GameState(**fields, **BARE)  # faster than attrs.evolve, which the search calls a lot


class Expansions:
    """The queued states in order, each with its children: stepped here, or by workers."""

    BATCH = 16  # states per task handed to a worker

    def __init__(self, search: Search, queue: deque, workers: int) -> None:
        self.search, self.queue = search, queue
        self.ready: deque[tuple[int, GameState, list]] = deque()
        self.pending: deque[tuple[list[tuple[int, GameState]], object]] = deque()
        self.workers = workers if workers > 1 and not search.texts else 1
        self.pool = None
        if self.workers > 1:
            from game.authoring import parallel

            self.expand = parallel.expand
            self.pool = parallel.pool(
                self.workers, search.world, search.key, search.fixed, search._ready
            )

    def __bool__(self) -> bool:
        return bool(self.ready or self.pending or self.queue)

    def next_node(self) -> int:
        """The node that comes next."""
        if self.pool is None:
            return self.queue[0][0]
        self._fill()
        return self.ready[0][0] if self.ready else self.pending[0][0][0][0]

    def __next__(self) -> tuple[int, GameState, list]:
        """The next state with its children: (command, key, state, crash, output) each."""
        if self.pool is None:
            node, state = self.queue.popleft()
            return node, state, self.search._children(state)
        self._fill()
        if not self.ready:
            batch, result = self.pending.popleft()
            answers = result.get()  # type: ignore[attr-defined]
            for (node, state), children in zip(batch, answers, strict=True):
                self.ready.append((node, state, [(*c, ()) for c in children]))
        return self.ready.popleft()

    def _fill(self) -> None:
        """Hand queued states to the workers, keeping each of them busy."""
        while self.queue and len(self.pending) < 3 * self.workers:
            count = max(1, min(self.BATCH, len(self.queue) // self.workers))
            batch = [self.queue.popleft() for _ in range(min(count, len(self.queue)))]
            task = self.pool.apply_async(self.expand, ([state for _, state in batch],))  # type: ignore[union-attr]
            self.pending.append((batch, task))

    def waiting(self) -> list[int]:
        """The nodes not yet explored, in order."""
        nodes = [node for node, _, _ in self.ready]
        nodes += [node for batch, _ in self.pending for node, _ in batch]
        return nodes + [node for node, _ in self.queue]

    def close(self) -> None:
        """Stop the workers."""
        if self.pool is not None:
            self.pool.terminate()
            self.pool = None


class Search:
    """One breadth-first search over a world's states."""

    def __init__(
        self,
        world: World,
        seed: int = 1,
        prefix: tuple[str, ...] = (),
        texts: bool = False,
        wins: tuple[str, ...] = (),
        free_turn: bool = True,
        tests_first: bool = True,
    ) -> None:
        self.world = world
        self.tests_first = tests_first  # seed the search with the states the world's tests reach
        self.texts = texts  # coverage: keep what only changes text, record what is printed
        self.printed: dict[
            str, tuple[int, str]
        ] = {}  # paragraph -> (state, command) first printing it
        self.in_reach: dict[str, int] = {}  # thing or lit room -> first state that has it in reach
        self.seed = seed
        self.prefix = prefix  # commands played before the search starts (they lead the paths)
        self.fixed = frozenset() if texts else inert_items(world)
        self.ids: dict = {}
        self.parent: list[int] = []
        self.via: list[str] = []
        self.depth: list[int] = []
        self.layer: list[int] = []  # depth in the search: commands from the start or a seed
        self.seeds = 1
        self.ending: list[str | None] = []
        self.room: list[str] = []
        self.preds: list[list[tuple[int, str]]] = []  # (parent, command) of every edge in
        self.steps = 0
        self.crashes: list[tuple[tuple[str, ...], str]] = []
        self.hopeless: set[int] = set()  # states the rules prove can never win (not explored)
        self.rules = list(world_rules(world))
        self.winning = winning_endings(world, wins)
        self.deadline = NONE if texts or not free_turn else find_deadline(world, self.winning)
        self.key = key_function(world, texts, free_turn=bool(self.deadline.turn))
        self.stays: set[int] = set()  # states a command leaves as they are (one may wait there)
        self.dark = frozenset(r.id for r in world.rooms.values() if r.dark)
        self.needed = needed_items(world)  # losing one of these may leave the game unwinnable
        self.verdicts: dict[tuple, bool] = {}
        self.one_way = any(e.one_way for r in world.rooms.values() for e in r.exits)
        self.one_way_words = {
            e.direction for r in world.rooms.values() for e in r.exits if e.one_way
        }

    def _add(
        self, state: GameState | None, parent: int, command: str, key=None
    ) -> tuple[int, bool]:
        """The id of a state's key, and whether it is new (`key` given: the state may be None
        when the key is known)."""
        key = self.key(state) if key is None else key
        found = self.ids.get(key)
        if found is not None:
            return found, False
        assert state is not None, "a new state always comes with its key"
        node = len(self.parent)
        self.ids[key] = node
        self.parent.append(parent)
        self.via.append(command)
        self.depth.append(self.depth[parent] + 1 if parent >= 0 else 0)
        self.layer.append(self.layer[parent] + 1 if parent >= 0 else 0)
        self.ending.append(state.ending)
        self.room.append(state.location)
        self.preds.append([])
        return node, True

    def run(
        self,
        max_states: int = 200_000,
        seconds: float = 60.0,
        progress: Progress | None = None,
        stop: Stop | None = None,
        workers: int = 1,
        max_depth: int | None = None,
    ) -> SearchResult:
        """Explore until everything is seen, a bound is hit, or `stop` is given a reason.

        With `workers` > 1 (and no text coverage), forked processes step the states and
        the search merges their answers in order: the same states, counts and paths.
        """
        started = time.monotonic()
        if workers > 1 and not self.texts:  # keys travel between processes as digests
            from game.authoring.parallel import digest

            plain = self.key
            self.key = lambda state: digest(plain(state))
        start, opening = new_game(self.world, self.seed)
        for paragraph in opening:
            self.printed.setdefault(paragraph.text, (-1, ""))
        for command in self.prefix:
            start = step(self.world, start, command).state
        root, _ = self._add(_bare(start), -1, "")
        queue: deque[tuple[int, GameState]] = deque([(root, self._ready(start))])
        if not self.prefix and self.tests_first:
            self._walkthroughs(root, _bare(start), queue)
        sizes: dict[int, int] = {}  # depth -> states seen at it
        for node in range(len(self.layer)):
            sizes[self.layer[node]] = sizes.get(self.layer[node], 0) + 1
        expansions = Expansions(self, queue, workers)
        try:
            bounds = (max_states, seconds, max_depth)
            return self._explore(expansions, queue, sizes, started, bounds, progress, stop)
        finally:
            expansions.close()

    def _explore(self, expansions, queue, sizes, started, bounds, progress, stop):
        """The breadth-first loop: merge each state's children in order, until done or stopped."""
        max_states, seconds, max_depth = bounds
        stopped_by = ""
        next_report = started + 0.5
        explored = 0
        current, done = 0, 0  # the depth being explored, and how many of its states are done
        window: deque[tuple[float, int]] = deque()  # (time, explored) of recent reports
        while expansions:
            now = time.monotonic()
            if stop is not None and stop.reason:
                stopped_by = stop.reason
                break
            if now - started > seconds:
                stopped_by = "seconds"
                break
            node = expansions.next_node()
            if max_depth is not None and self.layer[node] > max_depth:
                stopped_by = "depth"
                break
            if self.layer[node] != current:
                current, done = self.layer[node], 0
            if progress is not None and now >= next_report:
                window.append((now, explored))
                while now - window[0][0] > RATE_WINDOW:
                    window.popleft()
                span = now - window[0][0]
                recent = (explored - window[0][1]) / span if span >= 1.0 else 0.0
                at = sizes.get(current, 0)
                progress(
                    Snapshot(len(self.parent), explored, current, done, at, now - started, recent)
                )
                next_report = now + 0.5
            node, state, children = next(expansions)
            explored += 1
            done += 1
            if self.texts:
                self._note_reach(node, state)
            for command, key, child_state, crash, output in children:
                self.steps += 1
                if crash:  # an engine bug: report it with the path, go on
                    self.crashes.append(((*self.path(node), command), crash))
                    continue
                child, new = self._add(child_state, node, command, key)
                if child != node:
                    self.preds[child].append((node, command))
                else:
                    self.stays.add(node)
                if new:
                    sizes[self.layer[child]] = sizes.get(self.layer[child], 0) + 1
                for paragraph in output:
                    self.printed.setdefault(paragraph.text, (node, command))
                if new and child_state.ending is None:
                    if not self.deadline.turn and self._lost(command, state, child_state):
                        self.hopeless.add(child)  # proven: nothing below it can win
                        continue
                    queue.append((child, self._ready(child_state)))
            if len(self.parent) >= max_states and expansions:
                stopped_by = "max-states"
                break
        frontier = expansions.waiting() if stopped_by else []
        self.explored = explored
        self._shortest_tree()
        return self._result(time.monotonic() - started, stopped_by, frontier)

    def _children(self, state: GameState) -> list:
        """Every candidate command of a state with its child: (command, None, child, crash,
        output); the key is None (computed when the child is added)."""
        out: list = []
        for command in candidates(self.world, state, self.fixed):
            try:
                turn = step(self.world, state, command)
            except Exception as error:  # an engine bug: the search reports it with the path
                out.append((command, None, None, f"{type(error).__name__}: {error}", ()))
                continue
            out.append((command, None, turn.state, "", turn.output if self.texts else ()))
        return out

    def _ready(self, state: GameState) -> GameState:
        """A state as the search explores it: bare, and far from a winning deadline."""
        return _bare(self.deadline.rebase(state) if self.deadline.turn else state)

    def _lost(self, command: str, before: GameState, state: GameState) -> bool:
        """After a command that loses something for good (a thing used up or given away,
        a thing or the light dropped in the dark, a one-way exit), whether the world's rules
        prove that no winning ending can be reached any more (`Reach` over-approximates)."""
        verb = command.split(" ", 1)[0]
        if verb in IN_THE_DARK:
            if state.location not in self.dark or is_lit(self.world, state):
                return False  # dropped where it can be seen: it can be taken back at once
        elif not (self.one_way and command in self.one_way_words):
            places = before.places
            if not any(
                place == NOWHERE and places.get(item) != NOWHERE and item in self.needed
                for item, place in state.places.items()
            ):
                return False
        key = (state.location, state.places, state.flags, state.char_states, state.lit)
        known = self.verdicts.get(key)
        if known is not None:
            return known
        from game.authoring.reach import Reach

        facts = Reach(self.world, state, self.rules).facts
        hopeless = self.verdicts[key] = not (facts.endings & self.winning)
        return hopeless

    def _note_reach(self, node: int, state: GameState) -> None:
        """Remember the things in reach (and the lit room) of an explored state."""
        from game.engine.scope import in_scope, is_lit

        for thing in in_scope(self.world, state):
            self.in_reach.setdefault(thing, node)
        if is_lit(self.world, state):
            self.in_reach.setdefault(state.location, node)
        self.in_reach.setdefault("player", node)  # EXAMINE ME shows the condition's text

    def coverage(self, complete: bool):
        """Which of the world's texts the search printed or had in reach, with paths."""
        from game.authoring.coverage import measure

        printed = {
            text: (*self.path(n), c) if c else self.path(n) for text, (n, c) in self.printed.items()
        }
        in_reach = {thing: self.path(n) for thing, n in self.in_reach.items()}
        return measure(self.world, printed, in_reach, complete)

    def _walkthroughs(self, root: int, start: GameState, queue: deque) -> None:
        """Play the world's own tests first: their states seed the search.

        A big world's endings may lie deeper than a bounded breadth-first search reaches;
        the author's walkthroughs lead there, and the search explores around them.
        """
        for test in self.world.tests:
            node, state = root, start
            for command in test.commands:
                self.steps += 1
                try:
                    turn = step(self.world, state, command)
                except Exception:
                    break  # the search itself will meet and report it
                child, new = self._add(turn.state, node, command)
                if child != node:
                    self.preds[child].append((node, command))
                node, state = child, _bare(turn.state)
                if new:
                    self.layer[node] = 0  # a seed: the search spreads from it as from the start
                    self.seeds += 1
                if turn.state.ending is not None:
                    break
                if new:
                    queue.append((node, self._ready(state)))

    def _shortest_tree(self) -> None:
        """Recompute each state's parent so that every path is a shortest one in the graph."""
        count = len(self.parent)
        succ: list[list[tuple[int, str]]] = [[] for _ in range(count)]
        for child, edges in enumerate(self.preds):
            for pred, command in edges:
                succ[pred].append((child, command))
        depth = [-1] * count
        depth[0] = 0
        queue = deque([0])
        while queue:
            node = queue.popleft()
            for child, command in succ[node]:
                if depth[child] < 0:
                    depth[child] = depth[node] + 1
                    self.parent[child] = node
                    self.via[child] = command
                    queue.append(child)
        self.depth = [d if d >= 0 else self.depth[n] for n, d in enumerate(depth)]

    def path(self, node: int) -> tuple[str, ...]:
        """The shortest command path to a node, readable."""
        commands = []
        if node < 0:
            return self.prefix
        while node > 0:
            commands.append(self.via[node])
            node = self.parent[node]
        return (*self.prefix, *reversed(commands))

    def _result(self, seconds: float, stopped_by: str, frontier: list[int]) -> SearchResult:
        """Endings with their paths, and the softlocks the explored part proves."""
        winning = self.winning
        endings: dict[str, tuple[str, ...]] = {}
        for node, ending in enumerate(self.ending):
            if ending is not None and ending not in endings:
                endings[ending] = self.path(node)
        stuck = self._stuck(winning, frontier)
        if self.deadline.turn and 0 not in stuck:
            for ending in sorted(self.deadline.endings - endings.keys()):
                endings[ending] = self._deadline_path(ending)
        stuck_count = len(stuck)
        softlocks = self._entries(stuck)
        by_depth: dict[int, int] = {}
        for node in frontier:
            by_depth[self.layer[node]] = by_depth.get(self.layer[node], 0) + 1
        return SearchResult(
            len(self.parent),
            self.steps,
            seconds,
            not stopped_by,
            stopped_by,
            endings,
            softlocks,
            stuck_count,
            winning,
            tuple(self.crashes),
            len(frontier),
            min(by_depth, default=0),
            tuple(sorted(by_depth.items())),
            self.explored,
            max(self.layer, default=0) if not frontier else min(by_depth) - 1,
            self.seeds,
            unseen_rooms=tuple(r for r in self.world.rooms if r not in set(self.room))
            if frontier
            else (),
            frontier_rooms=_count_rooms(self.room[n] for n in frontier),
            deadline=self.deadline.turn,
        )

    def _deadline_path(self, ending: str) -> tuple[str, ...]:
        """Waiting until the deadline (checked with the engine), if that is how it comes."""
        state, _ = new_game(self.world, self.seed)
        for command in self.prefix:
            state = step(self.world, state, command).state
        waits = 0
        while state.ending is None and waits <= self.deadline.turn:
            state = step(self.world, state, WAIT).state
            waits += 1
        if state.ending == ending:
            return (*self.prefix, *(WAIT,) * waits)
        return (*self.prefix, f"(stay alive until turn {self.deadline.turn})")

    def _backward(self, starts) -> list[bool]:
        """Which states can reach one of the start states."""
        reach = [False] * len(self.parent)
        queue = deque(starts)
        for node in queue:
            reach[node] = True
        while queue:
            node = queue.popleft()
            for pred, _ in self.preds[node]:
                if not reach[pred]:
                    reach[pred] = True
                    queue.append(pred)
        return reach

    def _stuck(self, winning: frozenset[str], frontier: list[int]) -> set[int]:
        """Live states proven unable to reach a winning ending.

        A state counts only if everything reachable from it was explored: states that can
        still reach the unexplored frontier of a bounded search are given the benefit of
        the doubt.
        """
        can_win = self._backward(n for n, e in enumerate(self.ending) if e in winning)
        unknown = self._backward(frontier)
        if self.deadline.turn:  # staying alive for ever wins too: the deadline ending comes
            lives = self._survivors(frontier)
            can_win = [a or b for a, b in zip(can_win, lives, strict=True)]
        return {
            n
            for n in range(len(self.parent))
            if not can_win[n] and not unknown[n] and self.ending[n] is None
        }

    def _survivors(self, frontier: list[int]) -> list[bool]:
        """Live states from which some path stays alive for ever (a greatest fixpoint).

        A state keeps this while it may wait in place, has an unexplored part below it, or
        has a successor that keeps it; the others are removed until nothing changes.
        """
        count = len(self.parent)
        alive = [e is None for e in self.ending]
        firm = set(frontier) | self.stays  # states that keep it whatever happens below
        parents = [{p for p, _ in edges} for edges in self.preds]
        below = [0] * count  # live successors still kept
        for child in range(count):
            if alive[child]:
                for pred in parents[child]:
                    below[pred] += 1
        keep = [alive[n] and (below[n] > 0 or n in firm) for n in range(count)]
        queue = deque(n for n in range(count) if alive[n] and not keep[n])
        while queue:
            node = queue.popleft()
            for pred in parents[node]:
                if keep[pred]:
                    below[pred] -= 1
                    if below[pred] == 0 and pred not in firm:
                        keep[pred] = False
                        queue.append(pred)
        return keep

    def _entries(self, stuck: set[int]) -> tuple[Softlock, ...]:
        """Softlocks grouped by the command that enters them, shortest path first."""
        groups: dict[str, list[int]] = {}
        for node in sorted(stuck, key=lambda n: self.depth[n]):
            parent = self.parent[node]
            if parent < 0 or parent in stuck:
                continue
            groups.setdefault(self.via[node], []).append(node)
        result = [
            Softlock(self.path(nodes[0]), len(nodes), self.room[self.parent[nodes[0]]])
            for nodes in groups.values()
        ]
        return tuple(sorted(result, key=lambda s: (len(s.path), s.path)))


def search(
    world: World,
    max_states: int = 200_000,
    seconds: float = 60.0,
    progress: Progress | None = None,
    seed: int = 1,
    prefix: tuple[str, ...] = (),
    texts: bool = False,
    stop: Stop | None = None,
    wins: tuple[str, ...] = (),
    workers: int = 1,
) -> SearchResult:
    """Run the winnability search on a world (from the state the prefix commands lead to).

    With `texts`, states that differ only in what they print are kept apart too, and the
    result carries the text coverage. `wins` names the ending kinds or ids that count as
    winning (default: the world's `game: winning:`, else every kind but death).
    """
    runner = Search(world, seed, prefix, texts, wins)
    result = runner.run(max_states, seconds, progress, stop, workers)
    if texts:
        result = attrs.evolve(result, coverage=runner.coverage(result.complete))
    return result
