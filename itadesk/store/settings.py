"""The office's preferences (journaled, undoable) and the window's state (not).

Preferences live in ``settings`` and are edits like any other. The year shown
and similar UI state live in ``_state``, outside the undo journal: choosing a
year is not an edit and must not touch the undo or redo history.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import validation as v
from ..errors import ValidationError
from .sqlite import Database

DEFAULTS: dict[str, str] = {
    "thai_digits": "1",  # print numbers and dates in Thai digits
    "strength_threshold": "90",  # indicators at or above are strengths
    "memo_table_style": "three",
}


@dataclass(frozen=True)
class Settings:
    thai_digits: bool = True
    strength_threshold: float = 90.0
    memo_table_style: str = "three"


def read(db: Database, key: str) -> str:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else DEFAULTS.get(key, "")


def threshold(value: str) -> float:
    """The strength threshold as stored; a value the program cannot use falls back to
    the default instead of locking the clerk out of the window and the documents."""
    try:
        parsed = v.parse_score("เกณฑ์จุดแข็ง", value or DEFAULTS["strength_threshold"])
    except ValidationError:
        parsed = None
    return parsed if parsed is not None else float(DEFAULTS["strength_threshold"])


def read_settings(db: Database) -> Settings:
    stored = dict(db.execute("SELECT key, value FROM settings").fetchall())
    get = lambda k: stored.get(k, DEFAULTS[k])  # noqa: E731
    return Settings(thai_digits=get("thai_digits") == "1", strength_threshold=threshold(get("strength_threshold")),
                    memo_table_style=get("memo_table_style"))


def ui_state(db: Database, key: str) -> str:
    row = db.execute("SELECT value FROM _state WHERE key = ?", [key]).fetchone()
    return row[0] if row else ""


def set_ui_state(db: Database, key: str, value: str) -> None:
    """Outside the journal: ``_state`` has no undo triggers, so no step is recorded."""
    with db.atomic():
        db.execute("INSERT INTO _state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                   [key, str(value)])
