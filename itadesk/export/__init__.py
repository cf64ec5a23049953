"""Documents of a year (memo, measures report, development table …) as PDF."""

from .. import pdf as _pdf  # noqa: F401 (installs pdf/quick_import.py before any module here imports reportlab.platypus)
