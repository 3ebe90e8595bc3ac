"""Unit tests of the UI's pure helpers: wrapping, completion, map layout, dialogue choices."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from game.tui.complete import candidates, complete, suggest
from game.tui.mapgrid import draw, layout
from game.tui.wrap import line_text, wrap_offsets

WORDS = st.text(alphabet=st.sampled_from("abcdefghij한글é"), min_size=1, max_size=14)
ASCII_WORDS = st.text(alphabet=st.sampled_from("abcdefghij"), min_size=1, max_size=14)
PARAGRAPHS = st.one_of(
    st.lists(WORDS, min_size=0, max_size=40).map(" ".join),
    st.lists(ASCII_WORDS, min_size=0, max_size=40).map(" ".join),
)


@given(PARAGRAPHS, st.integers(min_value=1, max_value=60))
def test_wrapped_lines_fit_the_width_and_keep_every_word(text, width):
    """Every wrapped line fits in `width` cells (a lone wide character excepted) and no text is lost."""
    starts = wrap_offsets(text, width)
    lines = [line_text(text, starts, i) for i in range(len(starts))]
    assert all(cell_len(line) <= width or len(line) == 1 for line in lines)
    long_words = [w for w in text.split() if cell_len(w) > width]
    if not long_words:
        assert " ".join(lines).split() == text.split()
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_wrap_breaks_at_spaces_and_keeps_hard_newlines():
    """Greedy wrapping breaks between words, and a newline always starts a new line."""
    text = "The siren winds down.\nSilence."
    starts = wrap_offsets(text, 12)
    assert [line_text(text, starts, i) for i in range(len(starts))] == [
        "The siren",
        "winds down.",
        "Silence.",
    ]


def test_completion_finishes_a_single_match_with_a_space():
    """One candidate completes the word and adds a space for the next one."""
    assert complete("take ra", ("radio", "take", "rations-x")) == (
        "take radio",
        ["radio", "rations-x"],
    )  # no shared letters to add: the first choice, and tab again cycles
    assert complete("take rad", ("radio", "take")) == ("take radio ", [])


def test_completion_extends_to_the_common_prefix_and_lists_choices():
    """Several candidates extend the word as far as they agree and are all offered."""
    line, options = complete("x ke", ("key", "keycard", "kettle"))
    assert line == "x kettle" and options == ["kettle", "key", "keycard"]
    line, options = complete("x keyc", ("key", "keycard"))
    assert line == "x keycard " and options == []
    line, options = complete("x key", ("key", "keycard"))
    assert line == "x keycard" and options == ["key", "keycard"]
    assert candidates("look ", ("lamp",)) == []


def test_suggestion_prefers_history_then_words():
    """The inline suggestion comes from the newest matching history line, then from the words."""
    assert suggest("ta", ["take key", "talk to han"], ("take",)) == "talk to han"
    assert suggest("open l", [], ("locker", "lamp")) == "open lamp"
    assert suggest("", ["look"], ()) is None


def test_layout_places_rooms_along_their_exits():
    """Compass exits become grid offsets; rooms not visited are left out."""
    links = {"a": {"north": "b", "east": "c"}, "b": {"south": "a"}, "c": {"west": "a", "east": "d"}}
    pos = layout(links, "a", {"a", "b", "c"})
    assert pos == {"a": (0, 0), "b": (0, -1), "c": (1, 0)}


def test_draw_centres_the_current_room_and_marks_it():
    """The player's room is drawn in the middle with '@' and tagged for highlighting."""
    links = {"a": {"north": "b"}, "b": {"south": "a"}}
    drawing = draw(layout(links, "a", {"a", "b"}), links, "a", 21, 7)
    assert "[@]" in drawing.rows[3]
    assert "│" in drawing.rows[2]
    assert any(tag == "here" and row == 3 for row, _, _, tag in drawing.spans)


def test_tab_extends_to_the_longest_shared_prefix():
    """'sou' with south and southeast extends to 'south', not to a path component."""
    from game.tui.complete import Words, complete

    words = Words(verbs=("south", "southeast", "southwest"), nouns=())
    assert complete("sou", words) == ("south", ["south", "southeast", "southwest"])
    movers = Words(
        verbs=("go",), nouns=(), directions=("south", "southeast"), movers=frozenset({"go"})
    )
    assert complete("go sou", movers)[0] == "go south"


def test_tab_again_cycles_through_the_choices_and_plain_south_is_reachable():
    """The first tab shows the shared prefix (itself a choice), further tabs cycle and wrap."""
    from game.tui.complete import Words, tab

    words = Words(verbs=("south", "southeast", "southwest"), nouns=())
    seen = []
    line, cycle = "sou", None
    for _ in range(4):
        line, cycle = tab(line, words, cycle)
        seen.append(line)
    assert seen == ["south", "southeast", "southwest", "south"]
    assert tab("south", words, None)[0] == "southeast"  # typed in full: tab moves on
    assert tab("sout", words, cycle)[0] == "south"  # an edited line starts afresh


def test_after_a_verb_only_nouns_are_offered_never_verbs():
    """'take k' offers the key, not kick/kill/kiss; with no noun in scope it offers nothing."""
    from game.tui.complete import Words, candidates, complete

    words = Words(verbs=("kick", "kiss", "north"), nouns=("key", "knife"))
    assert candidates("take k", words) == ["key", "knife"]
    assert candidates("k", words) == ["key", "kick", "kiss", "knife"]
    bare = Words(verbs=("kick", "kill", "kiss", "knock"), nouns=("lamp",))
    assert candidates("take k", bare) == []
    assert complete("take k", bare) == ("take k", [])
    moving = Words(("go", "north"), ("nail",), ("north",), frozenset({"go"}))
    assert candidates("go n", moving) == ["nail", "north"]
    assert candidates("take n", moving) == ["nail"]
