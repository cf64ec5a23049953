"""The one facade over the SQLite file (``store.Store``) and what it is built from.

``sqlite`` loads sqlite-utils first, whichever store module is imported, so numpy
and pandas never load with it (see ``store/sqlite.py``).
"""

from . import sqlite as _sqlite  # noqa: F401  (imported for its effect, before any other store module)
