"""Helpers for the spreadsheet tests: a workbook's content, a file's digest, LibreOffice."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import openpyxl


def content(path: Path) -> dict[str, list[list]]:
    """Every value of every sheet (hidden ones too), by sheet name: what "the same workbook" means."""
    wb = openpyxl.load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb.worksheets}


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def through_libreoffice(src: Path, out_dir: Path) -> Path:
    """``src`` opened and saved again by LibreOffice Calc (headless --convert-to xlsx),
    with a profile of its own so parallel runs do not share one."""
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = out_dir / "lo-profile"
    env = dict(os.environ, HOME=str(out_dir))
    subprocess.run([soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "xlsx",
                    "--outdir", str(out_dir), str(src)], check=True, capture_output=True, timeout=180, env=env)
    out = out_dir / (src.stem + ".xlsx")
    assert out.exists(), f"LibreOffice wrote no {out}"
    return out


def fill_form(path: Path, answers: dict[str, tuple], out: Path) -> Path:
    """A unit's answers typed into its form: measure title → (status, progress, date, note);
    None leaves a cell empty."""
    from itadesk.exchange import status_forms as sf

    wb = openpyxl.load_workbook(path)
    ws = wb[sf.SHEET]
    filled = set()
    for r in range(sf.HEADER_ROW + 1, ws.max_row + 1):
        title = ws.cell(r, sf.COL[sf.TITLE]).value
        if title in answers:
            for header, value in zip((sf.STATUS, sf.PROGRESS, sf.DAY, sf.NOTE), answers[title], strict=True):
                ws.cell(r, sf.COL[header]).value = value
            filled.add(title)
    assert filled == set(answers), f"not in the form: {set(answers) - filled}"
    wb.save(out)
    return out
