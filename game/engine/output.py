"""What a turn returns: the new state, paragraphs of text, and requests for the front end."""

from __future__ import annotations

from game.model.record import record

TYPE_CHECKING = False  # typing's flag without importing typing, whose import is a start-up cost
if TYPE_CHECKING:
    from game.engine.state import GameState

KINDS = frozenset(
    "title description message dialogue choice event warning error hint ending meta echo".split()
)


@record
class Paragraph:
    """One paragraph of output with a kind front ends can style."""

    kind: str
    text: str


@record
class Request:
    """Something only a front end can do: save, restore, quit, transcript, map."""

    kind: str
    arg: str = ""


@record
class Turn:
    """The result of one line of input."""

    state: GameState
    output: tuple[Paragraph, ...]
    requests: tuple[Request, ...] = ()

    @property
    def text(self) -> str:
        """All paragraphs as plain text, blank-line separated."""
        return "\n\n".join(p.text for p in self.output)
