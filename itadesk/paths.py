"""Where itadesk finds its bundled files and keeps the user's data.

The fixed layout keeps ``resources/`` and ``fonts/`` beside the package (source
checkout, editable install); a frozen build puts them under ``sys._MEIPASS``.
``ITADESK_HOME`` moves the user's data folder (tests, portable installs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "itadesk"


def _bundle_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return _bundle_root() / "resources"


def fonts_dir() -> Path:
    return _bundle_root() / "fonts"


def resource(name: str) -> Path:
    """Path of a bundled resource; raises FileNotFoundError listing what exists."""
    path = resources_dir() / name
    if not path.exists():
        known = sorted(p.name for p in resources_dir().iterdir()) if resources_dir().exists() else []
        raise FileNotFoundError(f"unknown resource {name!r}; known: {', '.join(known)}")
    return path


def data_home() -> Path:
    """The user's data folder (created on demand)."""
    env = os.environ.get("ITADESK_HOME")
    if env:
        home = Path(env)
    else:
        from platformdirs import user_data_dir  # only needed when no override is set

        home = Path(user_data_dir(APP_NAME, appauthor=False))
    home.mkdir(parents=True, exist_ok=True)
    return home


def default_db_path() -> Path:
    return data_home() / "itadesk.sqlite"


def user_words_path() -> Path:
    """The clerk's own word list for Thai line breaking (one word per line)."""
    return data_home() / "thai_words_user.txt"
