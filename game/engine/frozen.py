"""An immutable, hashable mapping for state values."""

from __future__ import annotations

TYPE_CHECKING = False  # typing's flag without importing typing, whose import is a start-up cost
if TYPE_CHECKING:
    from typing import Any, NoReturn


class FrozenMap(dict):
    """A dict that cannot change; `set` and `drop` return new maps."""

    __slots__ = ("_hash", "_inverse")

    def __hash__(self) -> int:  # type: ignore[override]
        try:
            return self._hash
        except AttributeError:
            self._hash = hash(frozenset(self.items()))
            return self._hash

    def _refuse(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Mutation is not allowed."""
        raise TypeError("FrozenMap cannot be changed; use set() or drop()")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _refuse  # type: ignore[assignment]

    def set(self, key: Any, value: Any) -> FrozenMap:
        """A copy with one key set (its reverse index, once built, follows along cheaply)."""
        if key not in self:
            new = FrozenMap(self)
            dict.__setitem__(new, key, value)
            return new
        old = dict.__getitem__(self, key)
        if old == value:
            return self
        new = FrozenMap(self)
        dict.__setitem__(new, key, value)
        try:
            inverse, positions = self._inverse
        except AttributeError:
            return new
        inverse = dict(inverse)
        rest = tuple(k for k in inverse[old] if k != key)
        if rest:
            inverse[old] = rest
        else:
            del inverse[old]
        inverse[value] = _insert(inverse.get(value, ()), key, positions)
        new._inverse = (inverse, positions)  # same keys in the same order: positions are shared
        return new

    def drop(self, key: Any) -> FrozenMap:
        """A copy without one key."""
        if key not in self:
            return self
        new = FrozenMap(self)
        dict.__delitem__(new, key)
        return new

    def keys_with(self, value: Any) -> tuple:
        """Every key whose value is the given one, in insertion order (cached per map)."""
        try:
            inverse = self._inverse[0]
        except AttributeError:
            found: dict[Any, list] = {}
            for key, val in self.items():
                found.setdefault(val, []).append(key)
            inverse = {val: tuple(keys) for val, keys in found.items()}
            self._inverse = (inverse, {key: index for index, key in enumerate(self)})
        return inverse.get(value, ())

    def __repr__(self) -> str:
        return f"FrozenMap({dict.__repr__(self)})"

    def __reduce__(self):  # pragma: no cover - copying support only
        return (FrozenMap, (dict(self),))


def _insert(keys: tuple, key: Any, positions: dict[Any, int]) -> tuple:
    """The keys with one more, kept in the map's insertion order."""
    at = positions[key]
    index = len(keys)
    while index and positions[keys[index - 1]] > at:
        index -= 1
    return (*keys[:index], key, *keys[index:])


EMPTY = FrozenMap()
