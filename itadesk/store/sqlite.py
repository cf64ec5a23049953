"""sqlite-utils, loaded without numpy and pandas.

``sqlite_utils.db`` imports numpy and pandas when they are installed, only to map
their scalar types to SQLite column types. itadesk stores plain Python values, and
numpy alone costs about 0.2 s of every start of the window (a clerk's laptop often
has it from another program). Marking them absent while sqlite-utils loads takes
its own no-numpy path (``np = None``); they are importable again right after.
"""

from __future__ import annotations

import sys

_hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
for _name in _hidden:
    sys.modules[_name] = None  # type: ignore[assignment]  # the import system's "not installed"
try:
    from sqlite_utils import Database
    from sqlite_utils.db import Table
    from sqlite_utils.migrations import Migrations
finally:
    for _name in _hidden:
        if sys.modules.get(_name) is None:
            del sys.modules[_name]

__all__ = ["Database", "Migrations", "Table"]
