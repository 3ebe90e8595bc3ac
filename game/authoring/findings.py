"""One thing `check` has to say about a world: what, where, and how to fix it."""

from __future__ import annotations

import attrs

from game.model import Problem
from game.model.reader import Where


@attrs.frozen
class Finding:
    """An analysis result; `kind` names the check that found it (for tests and filters)."""

    kind: str
    where: Where | None
    message: str
    fix: str = ""
    severity: str = "warning"

    def to_problem(self) -> Problem:
        """The same finding in the loader's problem form."""
        where = self.where or Where("world", 1, 1)
        return Problem(where.path, where.line, where.col, self.message, self.fix, self.severity)

    def __str__(self) -> str:
        return str(self.to_problem())


def sort_key(finding: Finding) -> tuple:
    """Order findings by file, line, column."""
    where = finding.where or Where("", 0, 0)
    return (where.path, where.line, where.col, finding.kind)
