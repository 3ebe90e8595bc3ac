"""Record classes: slotted, immutable value classes with a constructor, equality, hashing and a
repr, declared like attrs classes but built in a fraction of the time.

attrs generates and compiles five methods for every class; the world's forty classes cost a
fifth of a plain start that way. A record compiles only its constructor (fields assigned in
order, defaults and factories filled in) and shares one equality, hash and repr between every
record class, each reading the class's own field list.

    @record
    class Exit:
        direction: str
        to: str
        door: str = ""
        where: Where | None = field(default=None, eq=False, repr=False)

`fields`, `has` and `evolve` read records the way `attrs.fields`, `attrs.has` and
`attrs.evolve` read attrs classes (and read attrs classes too, so a walker takes either).
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from types import FunctionType

TYPE_CHECKING = False  # typing's flag without importing typing, whose import is a start-up cost
if TYPE_CHECKING:
    from typing import Any

BUILT: dict[str, str] = {}  # "module.Class" -> its constructor's source, for the generator
HASH_CACHE = "_record_hash"  # where a `cache_hash` record keeps its hash
# The modules whose records a plain start builds: their constructors are compiled ahead.
START_MODULES = ("game.cli", "game.plain", "game.engine", "game.saves", "game.model.cache")
NOTHING: Any = type("Nothing", (), {"__repr__": lambda self: "NOTHING", "__slots__": ()})()


class FrozenRecordError(AttributeError):
    """A record's fields cannot be changed: build another with `evolve`."""


class Field:
    """One field of a record class: its name, default or factory, and what it takes part in."""

    __slots__ = ("default", "eq", "factory", "hash", "init", "name", "repr")

    def __init__(
        self,
        default: Any = NOTHING,
        factory: Callable[[], Any] | None = None,
        eq: bool = True,
        repr: bool = True,
        hash: bool | None = None,
        init: bool = True,
    ) -> None:
        self.name = ""
        self.default = default
        self.factory = factory
        self.eq = eq
        self.repr = repr
        self.hash = eq if hash is None else hash
        self.init = init

    @property
    def alias(self) -> str:
        """The constructor's name for it (the field's own: records keep no private names)."""
        return self.name

    def __repr__(self) -> str:
        return f"Field({self.name!r})"


def field(
    *,
    default: Any = NOTHING,
    factory: Callable[[], Any] | None = None,
    eq: bool = True,
    repr: bool = True,
    hash: bool | None = None,
    init: bool = True,
) -> Any:
    """A field with options (typed Any so it can stand as the default of any annotation)."""
    return Field(default, factory, eq, repr, hash, init)


def record(
    cls: type | None = None, *, frozen: bool = True, slots: bool = True, cache_hash: bool = False
) -> Any:
    """The decorator: `@record` (immutable), `@record(frozen=False)` (fields may be set);
    `slots=False` keeps an instance dict, `cache_hash=True` keeps the hash once computed
    (in the instance's `HASH_CACHE` attribute, which the constructor sets to None)."""
    if cls is None:
        return lambda later: _build(later, frozen, slots, cache_hash)
    return _build(cls, frozen, slots, cache_hash)


def fields(kind: type) -> tuple:
    """A record class's fields in order (or an attrs class's attributes)."""
    found = kind.__dict__.get("__record_fields__")
    if found is not None:
        return found
    import attrs  # only for the engine's and tools' attrs classes

    return attrs.fields(kind)


def has(kind: type) -> bool:
    """Whether a class is a record (or an attrs class)."""
    if "__record_fields__" in kind.__dict__:
        return True
    return getattr(kind, "__attrs_attrs__", None) is not None


def evolve(value: Any, **changes: Any) -> Any:
    """A copy of a record (or attrs instance) with some fields changed."""
    kind = type(value)
    if "__record_fields__" not in kind.__dict__:
        import attrs

        return attrs.evolve(value, **changes)
    for f in kind.__record_fields__:
        if f.init and f.name not in changes:
            changes[f.name] = getattr(value, f.name)
    return kind(**changes)


def _build(cls: type, frozen: bool, slots: bool, cache_hash: bool) -> type:
    """The record class made from a declaration."""
    own = [
        name
        for name, note in cls.__dict__.get("__annotations__", {}).items()  # noqa: RUF063 - inspect is slow to import
        if not str(note).startswith(("ClassVar", "typing.ClassVar"))
    ]
    inherited = [
        f for base in reversed(cls.__mro__[1:]) for f in base.__dict__.get("__record_fields__", ())
    ]
    declared: list[Field] = []
    for name in own:
        value = cls.__dict__.get(name, NOTHING)
        made = value if isinstance(value, Field) else Field(default=value)
        made.name = name
        declared.append(made)
    all_fields = (*[f for f in inherited if f.name not in own], *declared)
    body = {
        k: v
        for k, v in cls.__dict__.items()
        if k not in own and k not in ("__dict__", "__weakref__")
    }
    if slots:
        extra = (*((HASH_CACHE,) if cache_hash else ()), *(() if inherited else ("__weakref__",)))
        body["__slots__"] = (*own, *extra)
    body["__record_fields__"] = all_fields
    body["__match_args__"] = tuple(f.name for f in all_fields if f.init)
    if slots:  # pickling and copying set the fields past the refusal to change
        body["__getstate__"], body["__setstate__"] = _getstate, _setstate
    body["__init__"] = _constructor(cls, all_fields, frozen, cache_hash)
    body["__repr__"] = _repr
    eq_names = [f.name for f in all_fields if f.eq]
    body["__record_eq__"] = _getter(eq_names)
    body["__eq__"], body["__ne__"] = _eq, _ne
    if frozen:
        body["__record_hash__"] = _getter([f.name for f in all_fields if f.eq and f.hash])
        body["__hash__"] = _cached_hash if cache_hash else _hash
        body["__setattr__"] = body["__delattr__"] = _refuse
    else:
        body["__hash__"] = None
    made = type(cls)(cls.__name__, cls.__bases__, body)
    made.__qualname__ = cls.__qualname__
    BUILT[f"{made.__module__}.{made.__qualname__}"] = constructor_source(all_fields, cache_hash)[0]
    return made


def _constructor(
    cls: type, all_fields: tuple[Field, ...], frozen: bool, cache_hash: bool
) -> Callable:
    """The `__init__`: every field assigned, defaults and factories filled in (compiled ahead
    in `game.model.constructors` when its source is there, else compiled now)."""
    source, space, defaults = constructor_source(all_fields, cache_hash)
    space["_set"] = object.__setattr__ if frozen else setattr
    key = f"{cls.__module__}.{cls.__qualname__}"
    from game.model import constructors

    if constructors.SOURCES.get(key) == source:
        code = getattr(constructors, _function_name(key)).__code__
    else:
        code = compile(source, f"<record {key}>", "exec").co_consts[0]
    code = code.replace(co_name="__init__", co_qualname=f"{cls.__qualname__}.__init__")
    return FunctionType(code, space, "__init__", defaults)


def constructor_source(
    all_fields: tuple[Field, ...], cache_hash: bool = False
) -> tuple[str, dict[str, Any], tuple]:
    """A record's `__init__` as source (no defaults written in it, so it compiles the same
    wherever it is put), the names its body reads, and its parameters' defaults."""
    params, lines, defaults = ["self"], [], []
    space: dict[str, Any] = {"_NOTHING": NOTHING}
    for f in all_fields:
        name = f.name
        if f.factory is not None:
            space[f"_make_{name}"] = f.factory
            value = (
                f"_make_{name}() if {name} is _NOTHING else {name}" if f.init else f"_make_{name}()"
            )
        elif f.init:
            value = name
        else:
            space[f"_default_{name}"] = f.default
            value = f"_default_{name}"
        if f.init:
            params.append(name)
            if f.factory is not None or f.default is not NOTHING:
                defaults.append(NOTHING if f.factory is not None else f.default)
            elif defaults:
                raise TypeError(f"field {name!r} without a default follows one with a default")
        lines.append(f"    _set(self, {name!r}, {value})")
    if cache_hash:
        lines.append(f"    _set(self, {HASH_CACHE!r}, None)")
    source = f"def __init__({', '.join(params)}):\n" + ("\n".join(lines) or "    pass") + "\n"
    return source, space, tuple(defaults)


def _function_name(key: str) -> str:
    """The name of a record's precompiled constructor in `game.model.constructors`."""
    return "init_" + key.replace(".", "_")


def generated_constructors() -> str:
    """The text of `game.model.constructors`: every record built so far, its constructor's
    source and the same compiled there (`write_constructors` writes it)."""
    entries = sorted(BUILT.items())
    lines = [
        '"""Record constructors compiled ahead. Generated: after changing a record, run',
        "python -c 'import game.model.record as r; print(r.write_constructors())'",
        "(tests/test_model_record.py fails while this file is out of date).",
        "",
        "A record whose constructor source is in SOURCES takes the function below compiled from",
        'it (its bytecode cached like any module\'s); any other record compiles its own."""',
        "",
        "# ruff: noqa",
        "# fmt: off",
        "SOURCES = {",
        *[f"    {key!r}: {source!r}," for key, source in entries],
        "}",
    ]
    for key, source in entries:
        lines += [
            "",
            "",
            source.replace("def __init__(", f"def {_function_name(key)}(", 1).rstrip(),
        ]
    return "\n".join(lines) + "\n"


def _getter(names: list[str]) -> Any:
    """A function from a record to the tuple of these fields' values."""
    if len(names) >= 2:
        return attrgetter(*names)
    if names:
        single = attrgetter(names[0])
        return staticmethod(lambda value: (single(value),))
    return staticmethod(lambda value: ())


def _eq(self: Any, other: Any) -> Any:
    """Equal when of the same class and equal in every compared field."""
    if other.__class__ is not self.__class__:
        return NotImplemented
    key = self.__record_eq__
    return key(self) == key(other)


def _ne(self: Any, other: Any) -> Any:
    """The opposite of `__eq__`."""
    same = _eq(self, other)
    return same if same is NotImplemented else not same


def _hash(self: Any) -> int:
    """A hash of the compared fields (those not marked `hash=False`)."""
    return hash(self.__record_hash__(self))


class _KeptHash(int):
    """A kept hash, which pickles and copies as None: another process hashes text differently."""

    def __reduce__(self) -> tuple:
        return type(None), ()


def _cached_hash(self: Any) -> int:
    """The hash, computed on first use and kept."""
    found = getattr(self, HASH_CACHE)
    if found is None:
        found = _KeptHash(hash(self.__record_hash__(self)))
        object.__setattr__(self, HASH_CACHE, found)
    return found


def _getstate(self: Any) -> dict[str, Any]:
    """A slotted record's fields, for pickle and copy."""
    return {f.name: getattr(self, f.name) for f in self.__record_fields__}


def _setstate(self: Any, state: dict[str, Any]) -> None:
    """Fields back from `_getstate` (a kept hash is computed afresh)."""
    for name, value in state.items():
        object.__setattr__(self, name, value)
    if HASH_CACHE in type(self).__slots__:
        object.__setattr__(self, HASH_CACHE, None)


def _repr(self: Any) -> str:
    """`Exit(direction='north', to='hall', ...)`, fields marked `repr=False` left out."""
    shown = ", ".join(
        f"{f.name}={getattr(self, f.name, NOTHING)!r}" for f in self.__record_fields__ if f.repr
    )
    return f"{type(self).__qualname__}({shown})"


def _refuse(self: Any, *args: Any) -> None:
    """Records do not change."""
    raise FrozenRecordError(f"{type(self).__name__} cannot be changed; use record.evolve")


def write_constructors() -> str:
    """Write `game.model.constructors` for the records a plain start builds; say where."""
    import importlib
    from pathlib import Path

    for module in START_MODULES:
        importlib.import_module(module)
    target = Path(__file__).with_name("constructors.py")
    target.write_text(generated_constructors(), encoding="utf-8")
    return f"wrote {target} ({len(BUILT)} records)"
