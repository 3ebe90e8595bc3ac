"""Deterministic random numbers whose whole state is one integer (splitmix64)."""

MASK = (1 << 64) - 1


def draw(rng: int) -> tuple[int, int]:
    """Advance the generator; return (new state, a 64-bit random number)."""
    rng = (rng + 0x9E3779B97F4A7C15) & MASK
    z = rng
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return rng, z ^ (z >> 31)


def percent(rng: int) -> tuple[int, int]:
    """Advance the generator; return (new state, a number from 0 to 99)."""
    rng, z = draw(rng)
    return rng, z % 100


def choose(rng: int, n: int) -> tuple[int, int]:
    """Advance the generator; return (new state, an index below n)."""
    rng, z = draw(rng)
    return rng, z % n
