"""Disjoint sets (union-find): items joined pair by pair, read back as groups."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class DisjointSets(Generic[T]):
    """Items joined into groups (connected components); groups keep insertion order."""

    def __init__(self, items: Iterable[T]) -> None:
        self._parent: dict[T, T] = {item: item for item in items}

    def __contains__(self, item: object) -> bool:
        return item in self._parent

    def find(self, item: T) -> T:
        """The root standing for ``item``'s group."""
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def join(self, item: T, into: T) -> None:
        """Merge ``item``'s group into ``into``'s (whose root stays the root)."""
        self._parent[self.find(item)] = self.find(into)

    def groups(self) -> dict[T, list[T]]:
        """{root: its members, in the order they were given}."""
        out: dict[T, list[T]] = {}
        for item in self._parent:
            out.setdefault(self.find(item), []).append(item)
        return out
