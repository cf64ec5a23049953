"""Guard rails that keep the project's shape: import contracts, lint, the README's
command table, and the reportlab internals that itadesk/pdf builds on.

Each one runs the real tool in a subprocess from the repository root, so a failure
here reads the same as running the tool by hand.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
README = ROOT / "README.md"


def _script(name: str) -> str | None:
    """The console script ``name`` installed beside this interpreter (or on PATH)."""
    scripts = sysconfig.get_path("scripts")
    return shutil.which(name, path=os.pathsep.join([scripts, os.environ.get("PATH", "")]))


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    env = dict(os.environ, COLUMNS="200", PYTHONIOENCODING="utf-8", NO_COLOR="1")
    # the working tree is what is checked, whatever an install points at
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=300, **kw)


# --------------------------------------------------------------------------- import-linter


def test_import_contracts():
    """`lint-imports` keeps the contracts in pyproject.toml: only itadesk.ui imports Qt,
    the layers ui > export > store | pdf > text > domain, a standard-library-only domain."""
    exe = _script("lint-imports")
    cmd = [exe] if exe else [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()"]
    proc = _run([*cmd, "--no-cache", "--no-logo"])
    assert proc.returncode == 0, (
        f"lint-imports exited {proc.returncode}: an import breaks a contract in pyproject.toml "
        f"[tool.importlinter]\n{proc.stdout}\n{proc.stderr}"
    )


# --------------------------------------------------------------------------- ruff


def test_ruff_clean():
    """`ruff check itadesk tests` with the rule set in pyproject.toml [tool.ruff]."""
    proc = _run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "itadesk", "tests"])
    assert proc.returncode == 0, (
        f"ruff check itadesk tests exited {proc.returncode} (`ruff check --fix` repairs the ones marked [*]):\n"
        f"{proc.stdout}\n{proc.stderr}"
    )


# --------------------------------------------------------------------------- README commands


def _split_row(line: str) -> list[str]:
    """The cells of a Markdown table row; ``\\|`` is a literal bar inside a cell."""
    cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return [c.strip().replace("\\|", "|") for c in cells]


def _readme_commands() -> list[tuple[str, str]]:
    """(README row, command) for each row of the table under "## Command line"."""
    text = README.read_text(encoding="utf-8")
    m = re.search(r"^## Command line\s*$(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert m, 'README.md has no "## Command line" section'
    rows = []
    for line in m.group(1).splitlines():
        if not line.lstrip().startswith("|"):
            if rows:
                break  # the table ended
            continue
        cells = _split_row(line)
        if set(cells[0]) <= set("-: ") or cells[0] == "command":
            continue  # header and separator
        command = re.sub(r"^`|`$", "", cells[0])
        rows.append((line.strip(), command))
    assert rows, 'the table under "## Command line" in README.md has no rows'
    return rows


_OPTION = re.compile(r"--[a-z][a-z0-9-]*")
_SUBCOMMAND = re.compile(r"[a-z][a-z0-9-]*")


def _program(tokens: list[str]) -> tuple[list[str], list[str]] | None:
    """(argv prefix that runs it, the rest of the tokens) for ``itadesk ...`` and
    ``python -m MODULE ...``; None for anything else."""
    if tokens[:1] == ["itadesk"]:
        exe = _script("itadesk")
        return ([exe] if exe else [sys.executable, "-m", "itadesk"]), tokens[1:]
    if tokens[:2] == ["python", "-m"] and len(tokens) > 2:
        return [sys.executable, "-m", tokens[2]], tokens[3:]
    return None


def _help_text(argv: list[str]) -> tuple[int, str]:
    proc = _run([*argv, "--help"])
    return proc.returncode, proc.stdout + proc.stderr


def test_readme_commands():
    """Every command in README's table exists and accepts every option the row shows."""
    problems = []
    checked = 0
    for row, command in _readme_commands():
        tokens = command.replace("[", " ").replace("]", " ").split()
        program = _program(tokens)
        if program is None:
            continue
        argv, rest = program
        # `itadesk demo FILE`: a lowercase first word is a subcommand; FILE, IN.txt are placeholders
        sub = rest[:1] if rest and _SUBCOMMAND.fullmatch(rest[0]) else []
        code, help_text = _help_text(argv + sub)
        shown = " ".join(tokens[: len(tokens) - len(rest)] + sub + ["--help"])  # as the README spells it
        if code != 0:
            problems.append(f"{row}\n    `{shown}` exited {code}: {help_text.strip()[-300:]}")
            continue
        checked += 1
        for k, token in enumerate(rest):
            if not _OPTION.fullmatch(token):
                continue
            if not re.search(rf"(?<![\w-]){re.escape(token)}(?![\w-])", help_text):
                problems.append(f"{row}\n    option {token} is not in the output of `{shown}`")
                continue
            # `--justify thai|words|none`: each choice the README names is accepted
            value = rest[k + 1] if k + 1 < len(rest) else ""
            if "|" in value:
                for choice in value.split("|"):
                    if not re.search(rf"(?<![\w-]){re.escape(choice)}(?![\w-])", help_text):
                        problems.append(f"{row}\n    {token} choice {choice!r} is not in the output of `{shown}`")
    assert checked, "no README row names an itadesk command"
    assert not problems, "README.md ## Command line does not match the commands:\n" + "\n".join(problems)


# --------------------------------------------------------------------------- reportlab


def _pinned(package: str) -> str:
    deps = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    for dep in deps:
        m = re.fullmatch(rf"{re.escape(package)}\s*==\s*([\w.]+)", dep.strip(), re.I)
        if m:
            return m.group(1)
    raise AssertionError(f"pyproject.toml pins no exact {package} version (expected {package}==X.Y.Z)")


# What itadesk/pdf takes from reportlab beyond its documented API: module, attribute path.
REPORTLAB_INTERNALS = [
    # the four named beside the pin in pyproject.toml
    ("reportlab.platypus.paragraph", "_getFragWords"),
    ("reportlab.pdfbase.ttfonts", "ShapedStr"),
    ("reportlab.pdfgen.textobject", "PDFTextObject._textOut"),
    ("reportlab.pdfbase.ttfonts", "makeToUnicodeCMap"),
    # pdf/thai_paragraph.py: shaping and the glyph data it edits for justification
    ("reportlab.pdfbase.ttfonts", "shapeStr"),
    ("reportlab.pdfbase.ttfonts", "ShapeData"),
    ("reportlab.pdfgen.textobject", "PDFTextObject.textOut"),
    ("reportlab.pdfgen.textobject", "PDFTextObject.setFont"),
    ("reportlab.pdfgen.textobject", "PDFTextObject.setFillColor"),
    # pdf/fonts.py: ThaiTTFont.addObjects is reportlab's TTFont.addObjects with its own ToUnicode
    ("reportlab.pdfbase.ttfonts", "TTFont.State"),
    ("reportlab.pdfbase.ttfonts", "TTFont.addObjects"),
    ("reportlab.pdfbase.ttfonts", "TTFont.getSubsetInternalName"),
    ("reportlab.pdfbase.ttfonts", "TTFont.hbFont"),
    ("reportlab.pdfbase.ttfonts", "TTFontFace.getCharWidth"),
    ("reportlab.pdfbase.ttfonts", "TTFontFace.addSubsetObjects"),
    ("reportlab.pdfbase.ttfonts", "SUBSETN"),
    ("reportlab.pdfbase.pdfdoc", "PDFTrueTypeFont"),
    ("reportlab.pdfbase.pdfdoc", "PDFArray"),
    ("reportlab.pdfbase.pdfdoc", "PDFStream"),
    ("reportlab.pdfbase.pdfdoc", "PDFZCompress"),
    ("reportlab.pdfbase.pdfmetrics", "registerFont"),
    ("reportlab.pdfbase.pdfmetrics", "registerFontFamily"),
    # pdf/shaping.py and pdf/emit.py: HarfBuzz output into ShapedStr, written as TJ like textOut
    ("reportlab.pdfbase.ttfonts", "TTFont.splitString"),
    ("reportlab.pdfbase.ttfonts", "TTFontFace.getCharWidth"),
    ("reportlab.lib.rl_accel", "fp_str"),
    ("reportlab.lib.rl_accel", "escapePDF"),
    # pdf/tables.py, pdf/keep.py: the split and keep-with-next they refine
    ("reportlab.platypus.tables", "Table._splitRows"),
    ("reportlab.platypus.doctemplate", "BaseDocTemplate.handle_keepWithNext"),
    ("reportlab.platypus.doctemplate", "FrameBreak"),
]


def test_reportlab_version_pinned():
    import importlib

    import reportlab

    pinned = _pinned("reportlab")
    assert reportlab.Version == pinned, (
        f"itadesk/pdf relies on reportlab {pinned} internals (_getFragWords, ShapedStr, PDFTextObject._textOut, "
        f"makeToUnicodeCMap); installed {reportlab.Version} — re-check those before changing the pin"
    )

    missing = []
    for module_name, path in REPORTLAB_INTERNALS:
        try:
            obj = importlib.import_module(module_name)
        except ImportError as err:
            missing.append(f"{module_name} ({err})")
            continue
        for part in path.split("."):
            if not hasattr(obj, part):
                missing.append(f"{module_name}.{path}")
                break
            obj = getattr(obj, part)
    assert not missing, f"reportlab {reportlab.Version} lacks internals that itadesk/pdf uses: {', '.join(missing)}"

    from reportlab.pdfbase import ttfonts

    # _with_extra rebuilds ShapeData positionally
    assert ttfonts.ShapeData._fields == ("cluster", "x_advance", "y_advance", "x_offset", "y_offset", "width")
    # ThaiTTFont.addObjects copies TTFont.addObjects and swaps only the ToUnicode content
    import inspect

    original = inspect.getsource(ttfonts.TTFont.addObjects)
    for needle in ("TTFont.State(self._asciiReadable)", "makeToUnicodeCMap(baseFontName, subset)",
                   "self.face.addSubsetObjects(doc, baseFontName, subset)", "doc.idToObject['BasicFonts']"):
        assert needle in original, f"reportlab's TTFont.addObjects no longer does {needle!r}: re-copy it into pdf/fonts.py"


def test_reportlab_internals_behave():
    """The attributes itadesk/pdf uses on reportlab objects at run time (not importable names)."""
    import io

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr, TTFont, shapeStr
    from reportlab.pdfgen.canvas import Canvas

    from itadesk.pdf import fonts

    fonts.register_fonts()
    # thai_paragraph.py: shaped strings carry their HarfBuzz glyph data and can be rebuilt from it
    shaped = shapeStr("ที่น้ำ", fonts.REGULAR, 12, force=True)
    assert isinstance(shaped, ShapedStr)
    data = shaped.__shapeData__
    assert data and all(isinstance(sd, ShapeData) for sd in data)
    assert isinstance(ShapedStr(str(shaped), shapeData=list(data)), ShapedStr)
    # thai_paragraph.py appends ActualText spans to a text object's code; layout.py reads the page size
    canv = Canvas(io.BytesIO())
    assert isinstance(canv.beginText(0, 0)._code, list)
    assert len(canv._pagesize) == 2
    # fonts.py (ThaiTTFont.addObjects): the per-document subset state and the face's glyph tables
    font = pdfmetrics.getFont(fonts.REGULAR)
    assert isinstance(font, fonts.ThaiTTFont) and isinstance(font, TTFont)
    state = TTFont.State(font._asciiReadable)
    assert hasattr(state, "subsets") and hasattr(state, "frozen")
    for attr in ("glyphToChar", "charToGlyph", "name", "subfontNameX"):
        assert hasattr(font.face, attr), f"reportlab's TTFontFace has no {attr} any more (itadesk/pdf/fonts.py uses it)"
