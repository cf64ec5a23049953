"""Moving one row up or down among its siblings: the order every list of the store keeps in ``sort``."""

from __future__ import annotations

from .sqlite import Database


def reordered(ids: list[int], row_id: int, offset: int) -> list[int]:
    """``ids`` with ``row_id`` moved ``offset`` places (up is negative), never past either end."""
    ids = list(ids)
    i = ids.index(row_id)
    ids.insert(max(0, min(len(ids) - 1, i + offset)), ids.pop(i))
    return ids


def write_order(db: Database, table: str, ids: list[int]) -> None:
    """``sort`` = the place of each row in ``ids``."""
    for n, rid in enumerate(ids):
        db.execute(f"UPDATE {table} SET sort=? WHERE id=?", [n, rid])
