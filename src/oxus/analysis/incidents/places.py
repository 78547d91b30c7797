"""The pack's place hierarchy: a venue inside a city inside a province inside a state.

Two reports agree on where something happened when one place contains the other
(Crocus City Hall is in Krasnogorsk, in Moscow Region, in Russia); two different
towns far apart, or two states, cannot be the same occurrence, though two towns a few
kilometres apart can (reports say "in Moscow" of Krasnogorsk). A place the hierarchy
does not locate (a provisional name with no parent, a region such as Central Asia)
neither agrees nor disagrees.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from enum import Enum

from sqlalchemy import Connection, select

from oxus.store import schema


class Agreement(Enum):
    SAME = "same"
    NESTED = "nested"
    SAME_STATE = "same_state"
    NEAR = "near"
    UNKNOWN = "unknown"
    CONFLICT = "conflict"


EARTH_RADIUS_KM = 6371.0


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


class PlaceTree:
    """Parents, coordinates and types of places and states, ids resolved through merges.

    ``near_km``: two places of known states that are not nested still agree when the
    pack puts them this close ("a prison near Dushanbe" is in Vahdat).
    """

    def __init__(
        self,
        parents: dict[str, str | None],
        states: set[str],
        coordinates: dict[str, tuple[float, float]] | None = None,
        *,
        near_km: float = 0.0,
    ) -> None:
        self.parents = parents
        self.states = states
        self.coordinates = coordinates or {}
        self.near_km = near_km
        self._chains: dict[str, tuple[str, ...]] = {}

    @classmethod
    def load(
        cls,
        conn: Connection,
        resolve: Callable[[str | None], str | None],
        *,
        near_km: float = 0.0,
    ) -> PlaceTree:
        e = schema.entities
        parents: dict[str, str | None] = {}
        states: set[str] = set()
        coordinates: dict[str, tuple[float, float]] = {}
        rows = conn.execute(
            select(e.c.id, e.c.type, e.c.parent, e.c.lat, e.c.lon).where(
                e.c.type.in_(("place", "state")), e.c.merged_into.is_(None)
            )
        )
        for row in rows:
            parents[row.id] = resolve(row.parent)
            if row.type == "state":
                states.add(row.id)
            if row.lat is not None and row.lon is not None:
                coordinates[row.id] = (row.lat, row.lon)
        return cls(parents, states, coordinates, near_km=near_km)

    def chain(self, place: str) -> tuple[str, ...]:
        """The place and every place enclosing it, innermost first."""
        if place not in self._chains:
            seen: list[str] = []
            current: str | None = place
            while current is not None and current not in seen:
                seen.append(current)
                current = self.parents.get(current)
            self._chains[place] = tuple(seen)
        return self._chains[place]

    def state_of(self, place: str) -> str | None:
        return next((p for p in self.chain(place) if p in self.states), None)

    def is_state(self, place: str) -> bool:
        return place in self.states

    def depth(self, place: str) -> int:
        return len(self.chain(place))

    def contains(self, outer: str, inner: str) -> bool:
        return outer in self.chain(inner)

    def agreement(self, a: str, b: str) -> Agreement:
        """How two named places relate, for deciding whether two reports can be one event."""
        if a == b:
            return Agreement.SAME_STATE if self.is_state(a) else Agreement.SAME
        if self.contains(a, b) or self.contains(b, a):
            outer = a if self.contains(a, b) else b
            return Agreement.SAME_STATE if self.is_state(outer) else Agreement.NESTED
        state_a, state_b = self.state_of(a), self.state_of(b)
        if state_a is None or state_b is None:
            return Agreement.UNKNOWN
        if self.near(a, b):
            return Agreement.NEAR
        return Agreement.CONFLICT

    def near(self, a: str, b: str) -> bool:
        """Both places located by the pack (not states), within ``near_km`` of each other."""
        if self.is_state(a) or self.is_state(b):
            return False
        at_a, at_b = self.coordinates.get(a), self.coordinates.get(b)
        return at_a is not None and at_b is not None and distance_km(at_a, at_b) <= self.near_km

    def deeper(self, a: str | None, b: str | None) -> str | None:
        """Of two agreeing places, the more specific."""
        if a is None or b is None:
            return a or b
        return b if self.depth(b) > self.depth(a) else a
