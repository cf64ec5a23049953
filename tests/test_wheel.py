"""A wheel built from this tree works on its own: installed (not editable) into a
fresh virtual environment and run from another folder, it finds its fonts and
resources and writes every document.

Slow (about a minute): it builds the wheel with pip, makes a venv and runs the
``itadesk`` command of that venv several times. The venv reuses the installed
dependencies (``--system-site-packages``); only the wheel itself goes into it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from itadesk.cli import EXPORT_KINDS

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "tests" / "data" / "sample_seed_format.txt"
BIN = "Scripts" if os.name == "nt" else "bin"
EXE = ".exe" if os.name == "nt" else ""


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, (
        f"{' '.join(map(str, cmd))} exited {done.returncode}\n--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}"
    )
    return done


def _source_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of the tree (an in-tree build would leave a
    build/ folder in the checkout whose stale files could slip into later wheels)."""
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md", "MANIFEST.in"):
        if (REPO / name).exists():
            shutil.copy2(REPO / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in ("itadesk", "resources", "fonts"):
        shutil.copytree(REPO / name, src / name, ignore=ignore)
    dist = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", str(src), "-w", str(dist)], cwd=dist)
    (built,) = dist.glob("itadesk-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh venv whose itadesk is the wheel, not the editable checkout."""
    root = tmp_path_factory.mktemp("venv")
    _run([sys.executable, "-m", "venv", "--system-site-packages", str(root)], cwd=root)
    python = root / BIN / f"python{EXE}"
    _run([str(python), "-m", "pip", "install", "--no-deps", "--force-reinstall", "--quiet", str(wheel)], cwd=root)
    return root


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A working folder outside the repository and an environment for the venv's
    commands: own data folder, offscreen Qt, no PYTHONPATH leading back here."""
    work = tmp_path_factory.mktemp("work")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}
    env["ITADESK_HOME"] = str(tmp_path_factory.mktemp("home"))
    env["QT_QPA_PLATFORM"] = "offscreen"
    return work, env


def test_wheel_carries_fonts_resources_and_every_module(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "itadesk/fonts/Sarabun-Regular.ttf" in names
    assert "itadesk/resources/ita-frameworks.json" in names
    # everything in the top-level folders, and every module of the package: a
    # subpackage left out of pyproject's explicit package list shows up here
    expected = {
        f"itadesk/{name}/{p.relative_to(REPO / name).as_posix()}"
        for name in ("fonts", "resources")
        for p in _source_files(REPO / name)
    }
    expected |= {p.relative_to(REPO).as_posix() for p in _source_files(REPO / "itadesk") if p.suffix == ".py"}
    assert not expected - names, f"missing from the wheel: {sorted(expected - names)}"


def test_installed_wheel_runs_from_another_folder(venv, elsewhere):
    work, env = elsewhere
    python = venv / BIN / f"python{EXE}"
    itadesk = venv / BIN / f"itadesk{EXE}"

    # the venv imports its own itadesk (its site-packages comes before the system
    # one, where the editable install's finder points at the checkout)
    probe = _run(
        [
            str(python),
            "-c",
            "import json, itadesk, itadesk.paths as p; "
            "print(json.dumps([itadesk.__file__, str(p.resources_dir()), str(p.fonts_dir())]))",
        ],
        cwd=work,
        env=env,
    )
    module, resources, fonts = (Path(x).resolve() for x in json.loads(probe.stdout.strip().splitlines()[-1]))
    for found in (module, resources, fonts):
        assert found.is_relative_to(venv.resolve()), f"{found} is not inside the venv {venv}"
        assert not found.is_relative_to(REPO), f"{found} comes from the checkout"
    assert (fonts / "Sarabun-Regular.ttf").is_file()
    assert (resources / "ita-frameworks.json").is_file()

    _run([str(itadesk), "demo", "d.sqlite"], cwd=work, env=env)
    assert (work / "d.sqlite").is_file()

    outputs = []
    for kind in EXPORT_KINDS:
        _run([str(itadesk), "export", kind, "--db", "d.sqlite", "--year", "2568", "--out", f"{kind}.pdf"], cwd=work, env=env)
        outputs.append(work / f"{kind}.pdf")
    shutil.copyfile(SAMPLE, work / "in.txt")
    _run([str(itadesk), "typeset", "in.txt", "typeset.pdf"], cwd=work, env=env)
    outputs.append(work / "typeset.pdf")

    for pdf in outputs:
        assert pdf.is_file(), f"{pdf.name} not written"
        assert pdf.read_bytes()[:4] == b"%PDF", f"{pdf.name} is no PDF"
        assert pdf.stat().st_size > 5 * 1024, f"{pdf.name} is only {pdf.stat().st_size} bytes"


def test_frozen_bundle_layout(tmp_path, monkeypatch):
    """A PyInstaller bundle that collects resources/ and fonts/ at its root
    (``sys._MEIPASS``), with neither in the package folder nor beside it."""
    import importlib.resources

    from itadesk import paths

    bundle = tmp_path / "bundle"
    for name in ("resources", "fonts"):
        shutil.copytree(REPO / name, bundle / name)
    package = tmp_path / "frozen" / "itadesk"
    package.mkdir(parents=True)
    monkeypatch.setattr(importlib.resources, "files", lambda _anchor: package)
    monkeypatch.setattr(paths, "__file__", str(package / "paths.py"))
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    paths._bundled_dir.cache_clear()
    try:
        assert paths.resources_dir() == bundle / "resources"
        assert paths.fonts_dir() == bundle / "fonts"
        assert paths.resource("ita-frameworks.json").is_file()
        monkeypatch.delattr(sys, "_MEIPASS")
        paths._bundled_dir.cache_clear()
        with pytest.raises(FileNotFoundError, match="looked in"):
            paths.fonts_dir()
    finally:
        paths._bundled_dir.cache_clear()
