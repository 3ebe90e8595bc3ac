"""Names of things in the story made clickable: where each name of a thing here appears in a text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.segment import Segment
from rich.style import Style

Span = tuple[int, int, str]  # start, end, the command a click sends

HEAD_MIN = 4  # a name's last word stands for it (a "rusty key" as "key") only when this long


def _pattern(words: str) -> re.Pattern[str]:
    """A case-blind match of `words` as whole words."""
    return re.compile(r"(?<![\w'-])" + re.escape(words) + r"(?![\w-])", re.IGNORECASE)


def patterns(
    names: Iterable[str],
) -> tuple[tuple[re.Pattern[str], re.Pattern[str] | None, str], ...]:
    """(full-name pattern, last-word pattern or None, command) per name, longest name first."""
    result = []
    for name in sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True):
        head = name.split()[-1]
        short = _pattern(head) if head != name and len(head) >= HEAD_MIN else None
        result.append((_pattern(name), short, f"examine {name}"))
    return tuple(result)


def find_links(
    text: str, compiled: Iterable[tuple[re.Pattern[str], re.Pattern[str] | None, str]]
) -> list[Span]:
    """Non-overlapping spans of `text` naming things, in order; a name's last word stands in only
    where the whole name is not in the text."""
    taken: list[Span] = []
    for full, short, command in compiled:
        found = list(full.finditer(text)) or (list(short.finditer(text)) if short else [])
        for match in found:
            start, end = match.span()
            if all(end <= s or start >= e for s, e, _ in taken):
                taken.append((start, end, command))
    return sorted(taken)


def link_segments(text: str, first: int, spans: list[Span], style: Style) -> list[Segment]:
    """One wrapped line (starting `first` characters into its paragraph) as segments, the spans
    that fall on it underlined and clickable."""
    segments: list[Segment] = []
    at = 0
    for start, end, command in spans:
        lo, hi = max(start - first, at), min(end - first, len(text))
        if lo >= hi:
            continue
        if lo > at:
            segments.append(Segment(text[at:lo], style))
        link = style + Style(underline=True, meta={"@click": f"screen.send({command!r})"})
        segments.append(Segment(text[lo:hi], link))
        at = hi
    if at < len(text):
        segments.append(Segment(text[at:], style))
    return segments
