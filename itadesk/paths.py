"""Where itadesk finds its bundled files and keeps the user's data.

``resources/`` and ``fonts/`` live at the top of the repository (the design card
fixes that) and ship inside the wheel as ``itadesk/resources`` and
``itadesk/fonts`` (pyproject.toml maps them in as data packages). So they are
looked up, in order:

1. inside the installed package, through ``importlib.resources``: a normal
   ``pip install .`` (or a wheel) puts them there;
2. beside the package, the source-checkout layout: a plain checkout on
   ``sys.path`` and the editable install (``pip install -e .``), whose package
   folder is the checkout's ``itadesk/`` and holds no copy of them;
3. at the root of a frozen bundle, ``sys._MEIPASS`` (PyInstaller), should the
   build collect them there rather than under ``itadesk/``.

Every function returns a real folder on disk: reportlab and Qt open the fonts
by file name. ``ITADESK_HOME`` moves the user's data folder (tests, portable
installs).
"""

from __future__ import annotations

import functools
import importlib.resources
import os
import sys
from pathlib import Path

APP_NAME = "itadesk"
_PACKAGE = __name__.rpartition(".")[0] or APP_NAME


def _bundle_roots() -> list[Path]:
    """Folders that may hold ``resources/`` and ``fonts/``, most specific first."""
    roots: list[Path] = []
    installed = importlib.resources.files(_PACKAGE)
    # A package imported from a folder gives a pathlib.Path (a real directory).
    # One imported from a zip file gives a Traversable that is no file name;
    # ``as_file`` would only lend a temporary copy, gone before reportlab or Qt
    # opens it, so such an install is not supported and the candidate skipped.
    if isinstance(installed, Path):
        roots.append(installed)
    roots.append(Path(__file__).resolve().parent.parent)  # source checkout, editable install
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        roots.append(Path(frozen))
    return roots


@functools.cache
def _bundled_dir(folder: str) -> Path:
    roots = _bundle_roots()
    for root in roots:
        if (root / folder).is_dir():
            return root / folder
    looked = ", ".join(str(root / folder) for root in roots)
    raise FileNotFoundError(f"itadesk's {folder}/ folder is missing (a broken install?); looked in: {looked}")


def _bundle_root() -> Path:
    """The folder that holds ``resources/`` (and ``fonts/``)."""
    return _bundled_dir("resources").parent


def resources_dir() -> Path:
    return _bundled_dir("resources")


def fonts_dir() -> Path:
    return _bundled_dir("fonts")


def resource(name: str) -> Path:
    """Path of a bundled resource; raises FileNotFoundError listing what exists."""
    folder = resources_dir()
    path = folder / name
    if not path.exists():
        known = sorted(p.name for p in folder.iterdir())
        raise FileNotFoundError(f"unknown resource {name!r} in {folder}; known: {', '.join(known)}")
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
