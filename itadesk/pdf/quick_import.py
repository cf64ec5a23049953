"""reportlab imported without the parts itadesk never uses, which cost a twentieth of typesetting.

* ``reportlab.platypus`` runs ``reportlab.platypus.paragraph`` and ``reportlab.lib.textsplit``,
  which compile, at import, patterns over a character range that ends at U+FFFF: reportlab's URL
  pattern (case-insensitive, so the compiler folds the case of 65,000 characters four times) and
  its CJK splitter — ~40 ms, for reportlab's own Paragraph (URL hyphenation, CJK wrapping), which
  itadesk never draws: ThaiParagraph sets all text. While that package is imported, such a pattern
  is compiled on its first use instead; every other pattern is compiled as usual.
* ``reportlab.lib.utils`` imports Pillow's ``PIL.Image`` (~13 ms) for bitmap images, which only a
  logo needs: the module is loaded lazily (``importlib.util.LazyLoader``), on first use.

:func:`install` puts a finder in front of the import system that answers for those two imports
only, whoever asks for them first, and then removes itself.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
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


class _DeferringPatterns:
    """A loader that runs the real one with the patterns to the end of the BMP deferred
    (in this thread, during this import only)."""

    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        real = re.compile
        owner = threading.current_thread()

        def compile_(pattern, flags=0):
            if isinstance(pattern, str) and _BMP_END in pattern and threading.current_thread() is owner:
                return _LazyPattern(real, pattern, flags)
            return real(pattern, flags)

        re.compile = compile_
        try:
            self._loader.exec_module(module)
        finally:
            re.compile = real


_WRAP = {"reportlab.platypus": _DeferringPatterns, "PIL.Image": importlib.util.LazyLoader}


class _Finder:
    """Answers for the modules in ``_WRAP``, once each: the real spec with a wrapped loader."""

    def __init__(self):
        self.todo = set(_WRAP)

    def find_spec(self, name, path, target=None):
        if name not in self.todo:
            return None
        self.todo.discard(name)
        if not self.todo:
            _remove()
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
            spec.loader = _WRAP[name](spec.loader)
        return spec


_finder = _Finder()


def _remove() -> None:
    if _finder in sys.meta_path:
        sys.meta_path.remove(_finder)


def install() -> None:
    """Wrap the imports above when they first happen (nothing for a module already imported)."""
    _finder.todo -= set(sys.modules)
    if _finder.todo and _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)
