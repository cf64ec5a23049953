"""``reportlab.platypus`` imported without compiling two patterns itadesk never uses.

Importing the package runs ``reportlab.platypus.paragraph`` and ``reportlab.lib.textsplit``,
which compile, at import, patterns over a character range that ends at U+FFFF: reportlab's
URL pattern (case-insensitive, so the compiler folds the case of 65,000 characters four times)
and its CJK splitter. That is ~40 ms of every typeset and export — a twentieth of typesetting
seed 002 — spent on reportlab's own Paragraph (URL hyphenation, CJK wrapping), which itadesk
never draws: ThaiParagraph sets all text. While the package is imported, such a pattern is
compiled on its first use instead; every other pattern is compiled as usual.

:func:`install` puts a finder in front of the import system that does this for the one
import of ``reportlab.platypus``, whoever asks for it first, and then removes itself.
"""

from __future__ import annotations

import importlib.machinery
import re
import sys
import threading

_BMP_END = "\uffff"


class _LazyPattern:
    """A pattern compiled on its first use (any attribute: ``match``, ``sub``, ``split`` …)."""

    def __init__(self, compile_, pattern: str, flags):
        self._compile, self._pattern, self._flags = compile_, pattern, flags
        self._compiled = None

    def __getattr__(self, name):
        if self._compiled is None:
            self._compiled = self._compile(self._pattern, self._flags)
        return getattr(self._compiled, name)


class _Loader:
    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        real = re.compile

        def compile_(pattern, flags=0):
            # only the patterns that reach the end of the BMP: the two above
            if isinstance(pattern, str) and _BMP_END in pattern and threading.current_thread() is owner:
                return _LazyPattern(real, pattern, flags)
            return real(pattern, flags)

        owner = threading.current_thread()
        re.compile = compile_
        try:
            self._loader.exec_module(module)
        finally:
            re.compile = real


class _Finder:
    """Answers for ``reportlab.platypus`` only, once: the real spec with a loader that defers
    the two patterns."""

    def find_spec(self, name, path, target=None):
        if name != "reportlab.platypus":
            return None
        _remove()
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is not None and spec.loader is not None:
            spec.loader = _Loader(spec.loader)
        return spec


_finder = _Finder()


def _remove() -> None:
    if _finder in sys.meta_path:
        sys.meta_path.remove(_finder)


def install() -> None:
    """Defer the two patterns when ``reportlab.platypus`` is first imported (nothing if it was)."""
    if "reportlab.platypus" not in sys.modules and _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)
