"""PDF typesetting: Thai paragraphs, tables and pages on reportlab."""

from .quick_import import install as _install_quick_import

# before any module here (or in itadesk.export) imports reportlab.platypus: see quick_import.py
_install_quick_import()
