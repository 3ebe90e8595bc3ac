"""The story: a line-API scroll view that wraps paragraphs on demand and rewraps on resize."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.geometry import Offset, Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from game.tui.links import Span, find_links, link_segments, patterns
from game.tui.wrap import wrap_offsets

KIND_CLASSES = tuple(
    f"story--{kind}"
    for kind in (
        "title description message dialogue choice event warning error hint ending meta echo "
        "command"
    ).split()
)
_BLANK = -1  # line start of a separator line between paragraphs
LINKED_KINDS = frozenset({"description", "message", "event", "dialogue", "hint"})
MEASURE = 96  # widest text column: longer lines are hard to read, so wide terminals centre it
_TIGHT = {
    ("title", "description"),
    ("choice", "choice"),
    ("echo", "message"),
    ("dialogue", "choice"),
}


class StoryView(ScrollView, can_focus=False):
    """Paragraphs of the story, rendered a line at a time from data (like toolong's LogLines)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {*KIND_CLASSES}
    FOCUS_ON_CLICK = False
    ALLOW_SELECT = True

    class MoreBelow(Message):
        """Whether unread story lies below what is shown changed."""

        def __init__(self, more: bool) -> None:
            super().__init__()
            self.more = more

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._kinds: list[str] = []
        self._texts: list[str] = []
        self._line_para = array("i")
        self._line_start = array("i")
        self._para_line = array("i")  # paragraph -> first line (its separator, if any)
        self._wrap_width = 0
        self._pad = 0  # columns left of the text column (centring on wide terminals)
        self._cache: LRUCache[int, Strip] = LRUCache(512)
        self._styles: dict[str, Style] = {}
        self._follow_from: int | None = None
        self._height = 0
        self._base: Style | None = None
        self._more = False
        self._frame: tuple[int, Selection | None] | None = None
        self._turn_para = 0  # first paragraph of the newest text the reader was taken to
        self._place: tuple[tuple[int, int], bool] | None = None  # (anchor, at end) to settle to
        self.copy_to: Callable[[list[tuple[str, str]]], None] | None = None  # a transcript
        self._things: tuple[str, ...] = ()  # names that are links (the things here now)
        self._patterns: tuple = ()
        self._spans: LRUCache[int, list[Span]] = LRUCache(256)  # paragraph -> its links

    # -- data ---------------------------------------------------------------------------

    @property
    def paragraph_count(self) -> int:
        """How many paragraphs the story holds."""
        return len(self._texts)

    @property
    def line_count(self) -> int:
        """How many wrapped lines the story holds at the current width."""
        return len(self._line_para)

    def paragraphs(self) -> list[tuple[str, str]]:
        """Every paragraph as (kind, text)."""
        return list(zip(self._kinds, self._texts, strict=True))

    def plain_lines(self) -> list[str]:
        """Every wrapped line as plain text (for tests and copying everything)."""
        return [self._line_plain(index) for index in range(self.line_count)]

    def append(self, paragraphs: Iterable[tuple[str, str]]) -> None:
        """Add paragraphs at the end and take the reader to the start of the new text.

        New text only ever comes from something the player did, so it is always shown.
        """
        paragraphs = list(paragraphs)
        first_new = self.line_count
        for kind, text in paragraphs:
            self._kinds.append(kind)
            self._texts.append(text)
            self._index_paragraph(len(self._texts) - 1)
        self._resize_virtual()
        if self._follow_from is None:
            self._follow_from = first_new
            self._follow()
        if self.copy_to is not None and paragraphs:
            self.copy_to(paragraphs)

    def link_things(self, names: Iterable[str]) -> None:
        """Make these names clickable (a click examines) wherever the story mentions them; names
        of things no longer here stop being links."""
        names = tuple(names)
        if names == self._things:
            return
        self._things = names
        self._patterns = patterns(names)
        self._spans.clear()
        self._cache.clear()
        self.refresh()

    def links_of(self, para: int) -> list[Span]:
        """(start, end, command) of the names of things here in paragraph `para`."""
        spans = self._spans.get(para)
        if spans is None:
            linked = self._patterns and self._kinds[para] in LINKED_KINDS
            spans = find_links(self._texts[para], self._patterns) if linked else []
            self._spans[para] = spans
        return spans

    def show_paragraph(self, index: int) -> None:
        """Scroll so paragraph `index` starts at the top (or the end shows, when it fits)."""
        if not 0 <= index < len(self._para_line):
            return
        self._turn_para = index
        self._follow_from = self._para_line[index]
        self._follow()

    @property
    def more_below(self) -> bool:
        """Whether there is story below the last line shown."""
        return self.scroll_y + self.scrollable_content_region.height < self.line_count

    def _check_more(self) -> None:
        """Tell the screen when 'more below' starts or stops."""
        more = self.more_below
        if more != self._more:
            self._more = more
            self.post_message(self.MoreBelow(more))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Scrolling may reveal the end."""
        super().watch_scroll_y(old_value, new_value)
        self._check_more()

    def truncate(self, count: int) -> None:
        """Keep only the first `count` paragraphs (used by the replay viewer to step back)."""
        if count >= self.paragraph_count:
            return
        del self._kinds[count:]
        del self._texts[count:]
        cut = self._para_line[count] if count < len(self._para_line) else self.line_count
        del self._line_para[cut:]
        del self._line_start[cut:]
        del self._para_line[count:]
        self._cache.clear()
        self._spans.clear()
        self._resize_virtual()
        self.scroll_end(animate=False, immediate=True, x_axis=False)
        self.refresh()

    def clear(self) -> None:
        """Remove every paragraph."""
        self.truncate(0)

    def _index_paragraph(self, index: int) -> None:
        """Wrap one paragraph at the current width and add its lines to the index."""
        self._para_line.append(len(self._line_para))
        if index and (self._kinds[index - 1], self._kinds[index]) not in _TIGHT:
            self._line_para.append(index)
            self._line_start.append(_BLANK)
        starts = wrap_offsets(self._texts[index], self._wrap_width or 80)
        self._line_para.extend([index] * len(starts))
        self._line_start.extend(starts)

    def _rewrap(self, width: int) -> None:
        """Wrap every paragraph again at a new width."""
        self._wrap_width = width
        self._line_para = array("i")
        self._line_start = array("i")
        self._para_line = array("i")
        for index in range(len(self._texts)):
            self._index_paragraph(index)
        self._cache.clear()

    def _resize_virtual(self) -> None:
        """Tell the scroll machinery how tall the story is."""
        self.virtual_size = Size(self._wrap_width, self.line_count)
        self._check_more()

    def _follow(self) -> None:
        """Scroll so new text shows, but never past its start (nothing scrolls by unread)."""
        first_new, self._follow_from = self._follow_from or 0, None
        if first_new < self.line_count:
            self._turn_para = self._line_para[first_new]
        height = self.scrollable_content_region.height
        target = max(0, min(first_new, self.line_count - height))
        self.scroll_to(y=target, animate=False, immediate=True, force=True)

    # -- lines --------------------------------------------------------------------------

    def _line_slice(self, index: int) -> tuple[int, str]:
        """(paragraph index, visible text) of wrapped line `index`."""
        para = self._line_para[index]
        start = self._line_start[index]
        if start == _BLANK:
            return para, ""
        text = self._texts[para]
        nxt = index + 1
        if (
            nxt < self.line_count
            and self._line_para[nxt] == para
            and self._line_start[nxt] != _BLANK
        ):
            end = self._line_start[nxt]
        else:
            end = len(text)
        return para, text[start:end].rstrip()

    def _line_plain(self, index: int) -> str:
        """The plain text of one wrapped line."""
        return self._line_slice(index)[1]

    def _kind_style(self, kind: str) -> Style:
        """The rich style of a paragraph kind (from the component classes in CSS)."""
        style = self._styles.get(kind)
        if style is None:
            style = self.get_component_rich_style(f"story--{kind}", default=Style())
            self._styles[kind] = style
        return style

    def notify_style_update(self) -> None:
        """Drop cached styles and strips when the theme or CSS changes."""
        super().notify_style_update()
        self._styles = {}
        self._base = None
        self._cache.clear()

    def on_resize(self) -> None:
        """Rewrap when the width changes; keep the reader's place (the end stays the end)."""
        region = self.scrollable_content_region
        width, height = max(1, min(region.width, MEASURE)), region.height
        pad = (region.width - width) // 2
        if pad != self._pad:
            self._pad = pad
            self._cache.clear()
        old_height, self._height = self._height, height
        if self._place is None and self._follow_from is None:
            # Several resizes can come before the first settles: keep the place the reader saw.
            top = int(self.scroll_y)
            at_end = top >= self.line_count - max(old_height, height)  # Textual may clamp first
            self._place = (self._anchor(top), at_end)
            self.call_after_refresh(self._settle)
        if width != self._wrap_width:
            self._rewrap(width)
            self._resize_virtual()

    def _anchor(self, top: int) -> tuple[int, int]:
        """(paragraph, characters into it) of the top line shown: a place that survives rewrap."""
        if top >= self.line_count:
            return (self._turn_para, 0)
        start = self._line_start[top]
        return (self._line_para[top], max(0, start))

    def _line_of(self, anchor: tuple[int, int]) -> int:
        """The wrapped line holding an anchor at the current width."""
        para, offset = anchor
        if para >= len(self._para_line):
            return 0
        line = self._para_line[para]
        while (
            line + 1 < self.line_count
            and self._line_para[line + 1] == para
            and 0 <= self._line_start[line + 1] <= offset
        ):
            line += 1
        return line

    def _settle(self) -> None:
        """After a resize, scroll to where the reader was.

        A reader who had reached the end keeps seeing the end, unless they had not yet scrolled
        past the start of the newest text (then that start stays on top). Anyone else keeps the
        line they were reading on top. Never jumps back to text already read.
        """
        if self._place is None:
            return
        (anchor, at_end), self._place = self._place, None
        height = self.scrollable_content_region.height
        bottom = max(0, self.line_count - height)
        newest = self._para_line[self._turn_para] if self._turn_para < len(self._para_line) else 0
        top = self._line_of(anchor)
        newest_or_end = bottom if top > newest else min(newest, bottom)
        target = newest_or_end if at_end else min(top, bottom)
        if target != int(self.scroll_y):
            self.scroll_to(y=target, animate=False, immediate=True, force=True)
        self._check_more()

    def _base_style(self) -> Style:
        """The widget's own rich style, computed once per style change (it is not cheap)."""
        if self._base is None:
            self._base = self.rich_style
        return self._base

    def render_lines(self, crop: Region) -> list[Strip]:
        """Look up what every row needs once per render, not once per row."""
        self._frame = (self.scrollable_content_region.width, self.text_selection)
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def render_line(self, y: int) -> Strip:
        """One screen row of the story; finished rows are cached until width, style or text change."""
        index = int(self.scroll_y) + y
        width, selection = self._frame or (
            self.scrollable_content_region.width,
            self.text_selection,
        )
        if selection is None:
            strip = self._cache.get(index)
            if strip is not None and strip.cell_length == width:
                return strip
        base = self._base_style()
        if index >= self.line_count:
            return Strip.blank(width, base)
        strip = self._render_index(index, base, selection)
        if self._pad:
            strip = Strip.join([Strip.blank(self._pad, base), strip])
        strip = strip.crop_extend(0, width, base).apply_offsets(-self._pad, index)
        if selection is None:
            self._cache[index] = strip
        return strip

    def _render_index(self, index: int, base: Style, selection: Selection | None) -> Strip:
        """Build the strip of wrapped line `index`."""
        para, text = self._line_slice(index)
        style = base + self._kind_style(self._kinds[para])
        span = selection.get_span(index) if selection is not None else None
        if not text:
            return Strip([])
        if span is None:
            first = self._line_start[index]
            return Strip(link_segments(text, first, self.links_of(para), style))
        start, end = span
        start = max(0, start)
        end = len(text) if end == -1 else max(0, min(end, len(text)))
        picked = style + self.screen.get_component_rich_style("screen--selection")
        parts = [(text[:start], style), (text[start:end], picked), (text[end:], style)]
        return Strip([Segment(part, st) for part, st in parts if part])

    # -- selection ----------------------------------------------------------------------

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected text, with soft-wrapped lines joined back into paragraphs."""
        if not self.line_count:
            return None
        start = selection.start or Offset(0, 0)
        end = selection.end or Offset(10_000, self.line_count - 1)
        pieces: list[str] = []
        last = min(end.y, self.line_count - 1)
        for index in range(start.y, last + 1):
            text = self._line_plain(index)
            lo = max(0, start.x) if index == start.y else 0
            hi = max(0, end.x) if index == end.y else len(text)
            piece = text[lo:hi]
            if pieces and self._line_start[index] != _BLANK and self._continues(index):
                pieces[-1] += " " + piece
            else:
                pieces.append(piece)
        return "\n".join(pieces), "\n"

    def _continues(self, index: int) -> bool:
        """Whether line `index` is a soft-wrapped continuation of the line before it."""
        prev = index - 1
        return (
            prev >= 0
            and self._line_para[prev] == self._line_para[index]
            and (
                self._line_start[prev] != _BLANK
                and self._texts[self._line_para[index]][self._line_start[index] - 1] != "\n"
            )
        )

    def selection_updated(self, selection: Selection | None) -> None:
        """Redraw with the new selection."""
        self._cache.clear()
        self.refresh()
