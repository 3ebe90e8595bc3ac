"""Record classes behave like the attrs classes they replace: constructor, equality, hashing,
repr, immutability, evolve, and the field list the walkers read."""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.model import World, constructors, record
from game.model.record import FrozenRecordError, field
from game.model.rooms import Exit


@record.record
class Sample:
    """A record with every kind of field."""

    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    notes: dict = field(factory=dict, eq=False)
    where: str | None = field(default=None, eq=False, repr=False)
    weight: int = field(default=1, hash=False)
    _memo: dict = field(factory=dict, eq=False, repr=False, init=False)


@record.record(cache_hash=True, slots=False)
class Kept:
    """A value that keeps its hash (as GameState does)."""

    turn: int
    notes: tuple = ()


@attrs.frozen
class Twin:
    """The same declaration as attrs builds it."""

    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    notes: dict = attrs.field(factory=dict, eq=False)
    where: str | None = attrs.field(default=None, eq=False, repr=False)
    weight: int = attrs.field(default=1, hash=False)
    _memo: dict = attrs.field(factory=dict, eq=False, repr=False, init=False)


def test_the_constructor_fills_defaults_and_a_fresh_factory_value_each_time():
    """Positional and keyword arguments, defaults, one new dict per instance, init=False set."""
    first, second = Sample("a"), Sample("b", 2, ("x",), where="here")
    assert (first.name, first.count, first.tags, first.notes, first.where) == ("a", 0, (), {}, None)
    assert (second.count, second.tags, second.where) == (2, ("x",), "here")
    assert first.notes is not second.notes and first._memo == {} and first._memo is not second._memo
    with pytest.raises(TypeError):
        Sample()
    with pytest.raises(TypeError):
        Sample("a", nonsense=1)
    with pytest.raises(TypeError):
        Sample("a", _memo={})


def test_a_record_cannot_be_changed_and_has_no_instance_dict():
    """Setting or deleting a field is refused; slots leave no room for new attributes."""
    sample = Sample("a")
    with pytest.raises(FrozenRecordError):
        sample.name = "b"
    with pytest.raises(AttributeError):
        del sample.count
    with pytest.raises(AttributeError):
        object.__setattr__(sample, "other", 1)
    assert not hasattr(sample, "__dict__")


def test_evolve_copies_with_changes_and_leaves_the_original():
    """`record.evolve` is `attrs.evolve` for records, and still works on attrs instances."""
    sample = Sample("a", 1, notes={"k": "v"})
    changed = record.evolve(sample, count=5)
    assert (changed.name, changed.count, changed.notes) == ("a", 5, {"k": "v"})
    assert sample.count == 1
    assert record.evolve(Twin("a"), count=3) == Twin("a", 3)


def test_fields_and_has_read_records_and_attrs_classes():
    """The walkers (identity, coverage, timing) take either kind."""
    assert [f.name for f in record.fields(Sample)] == [a.name for a in attrs.fields(Twin)]
    assert [f.eq for f in record.fields(Sample)] == [a.eq for a in attrs.fields(Twin)]
    assert [f.init for f in record.fields(Sample)] == [a.init for a in attrs.fields(Twin)]
    assert record.fields(Twin) == attrs.fields(Twin)
    assert record.has(Sample) and record.has(Twin) and record.has(World)
    assert not record.has(dict) and not record.has(int)


names = st.sampled_from(["a", "b"])
samples = st.tuples(
    names,
    st.integers(0, 2),
    st.sampled_from([(), ("x",)]),
    st.sampled_from([{}, {"k": 1}]),
    st.sampled_from([None, "here"]),
    st.integers(0, 2),
)


@given(samples, samples)
def test_equality_hash_and_repr_agree_with_attrs(left, right):
    """Two records are equal exactly when the attrs twins are; equal ones hash alike; the repr
    names the same fields with the same values."""
    a, b = Sample(*left), Sample(*right)
    ta, tb = Twin(*left), Twin(*right)
    assert (a == b) == (ta == tb)
    assert (a != b) == (ta != tb)
    if a == b:
        assert hash(a) == hash(b)
    assert repr(a).replace("Sample", "Twin") == repr(ta)
    assert a != ta and (a == "a") is False


def test_a_mutable_record_can_change_and_is_not_hashable():
    """`record(frozen=False)` is `attrs.define`: fields may be set, and it has no hash."""

    @record.record(frozen=False)
    class Counter:
        """A counter."""

        value: int = 0

    counter = Counter()
    counter.value += 1
    assert counter == Counter(1)
    with pytest.raises(TypeError):
        hash(counter)


def test_the_world_model_is_made_of_records():
    """Every model class a world holds is a record (so the cache rebuilds only those)."""
    assert record.has(Exit) and "__record_fields__" in vars(Exit)
    assert Exit("north", "hall") == Exit("north", "hall", where=None)
    assert Exit("north", "hall").__match_args__[:2] == ("direction", "to")


REGENERATE = "run: python -c 'import game.model.record as r; print(r.write_constructors())'"
GENERATE = """
import importlib, sys
import game.model.record as r
for module in r.START_MODULES:
    importlib.import_module(module)
sys.stdout.write(r.generated_constructors())
"""


def test_the_constructors_compiled_ahead_are_those_the_records_declare():
    """game/model/constructors.py is exactly what the start's records generate (if this fails,
    run: python -c 'import game.model.record as r; print(r.write_constructors())')."""
    root = Path(__file__).resolve().parent.parent
    made = subprocess.run(
        [sys.executable, "-c", GENERATE], capture_output=True, text=True, check=True, cwd=root
    ).stdout
    shipped = (root / "game" / "model" / "constructors.py").read_text(encoding="utf-8")
    assert shipped == made, REGENERATE


def test_a_record_takes_the_constructor_compiled_ahead_only_when_its_source_matches():
    """The shipped classes use the module's code; a record whose source is not there (or
    differs) compiles its own, which behaves the same."""
    assert Exit.__init__.__code__ is not constructors.init_game_model_rooms_Exit.__code__
    assert (
        Exit.__init__.__code__.co_code == constructors.init_game_model_rooms_Exit.__code__.co_code
    )
    assert f"{Sample.__module__}.Sample" not in constructors.SOURCES
    assert Sample.__init__.__code__.co_filename == f"<record {Sample.__module__}.Sample>"
    assert Exit.__init__.__code__.co_filename == constructors.__file__
    assert Exit.__init__.__qualname__ == "Exit.__init__"


def test_a_cached_hash_is_computed_once_and_kept():
    """`cache_hash=True` keeps the hash in the instance; equal values hash alike."""

    @record.record(cache_hash=True, slots=False)
    class Moment:
        """A moment."""

        turn: int
        notes: tuple = ()

    moment = Moment(3, ("a",))
    assert getattr(moment, record.HASH_CACHE) is None
    assert hash(moment) == hash(Moment(3, ("a",)))
    assert getattr(moment, record.HASH_CACHE) == hash(moment)
    assert moment == Moment(3, ("a",)) and moment != Moment(4)


def test_a_mandatory_field_after_a_default_is_refused():
    """As in attrs and in a function's parameters."""
    with pytest.raises(TypeError, match="follows"):

        @record.record
        class Wrong:
            """Wrong order."""

            first: int = 0
            second: int


def test_records_pickle_and_copy_and_a_kept_hash_is_not_carried_over():
    """Pickle and copy rebuild a record past its refusal to change (as attrs' do); a kept hash
    travels as None, since another process may hash text differently."""
    sample = Sample("a", 2, ("x",), {"k": 1}, "here")
    for again in (pickle.loads(pickle.dumps(sample)), copy.copy(sample), copy.deepcopy(sample)):
        assert again == sample and again.where == "here" and again.notes == {"k": 1}
    kept = Kept(3, ("a",))
    digest = hash(kept)
    restored = pickle.loads(pickle.dumps(kept))
    assert getattr(restored, record.HASH_CACHE) is None
    assert restored == kept and hash(restored) == digest
