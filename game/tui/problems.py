"""Order a world's problems for the F5 panel: root causes first, knock-on errors folded (no textual)."""

from __future__ import annotations

import re

# "unknown room 'x'" and the like follow from a file that could not be read; "unknown key" does not.
# The loader already folds references into a file that did not parse into one "note: and N
# references into F, which did not load" line; that line is knock-on too.
KNOCK_ON = re.compile(
    r": unknown (?!key\b|condition\b|effect\b)[a-z ]+'|: note: and \d+ references? into "
)


def fold(problems: list[str]) -> tuple[list[str], list[str]]:
    """(problems to show first, knock-on problems to fold away).

    Nothing is folded unless some other problem could be their cause.
    """
    knock = [p for p in problems if KNOCK_ON.search(p)]
    causes = [p for p in problems if not KNOCK_ON.search(p)]
    if not causes:
        return problems, []
    return causes, knock
