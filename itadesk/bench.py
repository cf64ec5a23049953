"""``python -m itadesk.bench``: the numbers that matter, measured in fresh processes.

* window usable: ``itadesk --db DEMO --quit-when-ready`` (wall time);
* each document of the demo and of a 60-measure year: export wall time and peak RSS;
* printing the demo's measures report to a 600 dpi QPrinter (PDF output, offscreen);
* ``itadesk typeset`` of the seed-format files given with ``--seeds``, and — when
  LibreOffice is installed — ``soffice --convert-to pdf`` of the same content as an
  .odt, with the ratio of the two (the goal: at most 0.5).
* the documents tab's preview refresh after an edit (memo, measures report) as the
  window does it: snapshot, render with the outline, rasterise every page.
* a demo year to an Excel workbook and into another database, and a round's status forms out and back.

Each measurement is a separate process so import and font costs are counted,
as a clerk pays them. Prints a table; ``--json`` for machines.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _measure(args: list[str], repeat: int, env=None) -> dict:
    times, peaks, code = [], [], 0
    for _ in range(repeat):
        # a wrapper reports the child's own peak, independent of earlier children
        wrapped = [sys.executable, "-c",
                   "import resource,subprocess,sys;r=subprocess.run(sys.argv[1:]).returncode;"
                   "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss);sys.exit(r)", *args]
        t0 = time.perf_counter()
        proc = subprocess.run(wrapped, capture_output=True, text=True, env=env)
        times.append(time.perf_counter() - t0)
        code = code or proc.returncode
        try:
            peaks.append(int(proc.stdout.strip().splitlines()[-1]) / 1024)
        except (ValueError, IndexError):
            peaks.append(float("nan"))
    return {"best_s": round(min(times), 3), "median_s": round(sorted(times)[len(times) // 2], 3),
            "peak_mib": round(max(peaks), 1), "ok": code == 0}


# The print driver runs as ``python -c`` source: this module never imports Qt itself
# (import-linter contract), the child does, like the window a clerk prints from.
# argv: the PDF to print, the PDF the printer writes.
_PRINT_CHILD = (
    "import sys\n"
    "from PySide6.QtPrintSupport import QPrinter\n"
    "from PySide6.QtWidgets import QApplication\n"
    "from itadesk.ui.pdf_view import print_pdf\n"
    "app = QApplication([])\n"
    "printer = QPrinter(QPrinter.PrinterMode.HighResolution)\n"
    "printer.setResolution(600)\n"
    "printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)\n"
    "printer.setOutputFileName(sys.argv[2])\n"
    "sys.exit(0 if print_pdf(sys.argv[1], printer) > 0 else 1)\n"
)


# The preview refresh, timed in a child (it rasterises with Qt, as the window does):
# argv: the demo database, the document kind, how many edits. Prints the seconds of each.
_PREVIEW_CHILD = (
    "import sys, time, tempfile\n"
    "from pathlib import Path\n"
    "from PySide6.QtGui import QGuiApplication\n"
    "app = QGuiApplication([])\n"
    "from itadesk.store.store import Store\n"
    "from itadesk.export.documents import render\n"
    "from itadesk.ui.pdf_view import page_images\n"
    "store = Store.open(sys.argv[1]); kind = sys.argv[2]; year = 2568\n"
    "out = Path(tempfile.mkdtemp()) / 'preview.pdf'; toc = {}\n"
    "def refresh():\n"
    "    view, outline = store.view(year), store.outline(year, kind)\n"
    "    render(kind, view, out, outline=outline, toc=toc)\n"
    "    return len(page_images(str(out), scale=1.0))\n"
    "refresh()  # the tab's first preview: fonts, word lists and reportlab are loaded once\n"
    "key = store.add_block(year, kind, 'paragraph', after=store.outline(year, kind).blocks[1].key).id\n"
    "for n in range(int(sys.argv[3])):\n"
    "    store.set_block_text(year, kind, str(key), f'ย่อหน้าที่แก้ไขครั้งที่ {n + 1} ' * 3)\n"
    "    t0 = time.perf_counter(); refresh(); print(round(time.perf_counter() - t0, 4))\n"
)


def _preview(demo: Path, kind: str, edits: int, env) -> dict:
    proc = subprocess.run([sys.executable, "-c", _PREVIEW_CHILD, str(demo), kind, str(edits)], capture_output=True, text=True,
                          env=env)
    times = [float(x) for x in proc.stdout.split()] or [float("nan")]
    return {"best_s": round(min(times), 3), "median_s": round(sorted(times)[len(times) // 2], 3),
            "peak_mib": round(max(times), 3), "ok": proc.returncode == 0}


def _sixty(db: Path) -> None:
    from .domain.models import Measure
    from .store.store import Store

    store = Store.open(db)
    for k in range(60):
        store.save_measure(Measure(None, 2569, f"กิจกรรมที่ {k + 1} ส่งเสริมคุณธรรมและความโปร่งใสของหน่วยงาน", "กิจกรรม",
                                   issue="การป้องกันการทุจริต", steps=["จัดประชุมชี้แจง", "ดำเนินการตามแผน", "รายงานผล"],
                                   units=["สำนักปลัดเทศบาล"], indicators=[10], monitoring="รายงานทุกไตรมาส"))
    store.close()


# Qt is imported only inside this child process: itadesk.bench itself stays Qt-free
_BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem, QTabWidget
app = QApplication([])
window, tabs = QMainWindow(), QTabWidget()
for t in range(4):
    table = QTableWidget(50, 6)
    for r in range(50):
        for c in range(6):
            table.setItem(r, c, QTableWidgetItem(f"{r}.{c}"))
    tabs.addTab(table, str(t))
window.setCentralWidget(tabs)
window.show()
app.processEvents()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _spreadsheets(results: dict, exe: list[str], tmp: Path, demo: Path, repeat: int, env) -> None:
    """A demo year to a workbook and into an empty database (another laptop); the status forms
    of a round out and, checked, back (dry run: the same forms every time)."""
    book, forms, empty = tmp / "2568.xlsx", tmp / "forms", tmp / "empty.sqlite"
    results["xlsx export (demo 2568)"] = _measure(
        [*exe, "xlsx", "export", "--db", str(demo), "--year", "2568", "--out", str(book)], repeat, env)
    subprocess.run([sys.executable, "-c", f"from itadesk.store.store import Store; Store.open({str(empty)!r}).close()"],
                   check=True, capture_output=True, env=env)
    # into an empty database: the first run adds the year (and the office), the later ones replace it
    results["xlsx import (demo 2568, checked + written)"] = _measure(
        [*exe, "xlsx", "import", str(book), "--db", str(empty), "--replace"], repeat, env)
    results["status-forms (demo 2568, round 12, 7 units)"] = _measure(
        [*exe, "status-forms", "--db", str(demo), "--year", "2568", "--round", "12", "--out", str(forms), "--overwrite"], repeat, env)
    results["status-import --dry-run (7 forms)"] = _measure(
        [*exe, "status-import", str(forms), "--db", str(demo), "--dry-run"], repeat, env)


def _typeset_seeds(results: dict, seeds: list[str], tmp: Path, repeat: int, env: dict) -> None:
    for seed in seeds:
        out = tmp / (Path(seed).stem + ".pdf")
        command = [sys.executable, "-m", "itadesk", "typeset", seed, str(out)]
        # not counted, as LibreOffice's first start below: it writes the word list's caches (the merged
        # list, its prefix index) that a clerk's data folder holds after the first PDF, whatever the document
        subprocess.run(command, capture_output=True, env=env)
        results[f"typeset {Path(seed).name}"] = _measure(command, repeat, env)
    if seeds and shutil.which("soffice"):
        _against_libreoffice(results, seeds, tmp, repeat, env)


def _against_libreoffice(results: dict, seeds: list[str], tmp: Path, repeat: int, env: dict) -> None:
    """Each seed's content as an .odt converted by ``soffice --headless --convert-to pdf``,
    beside ``itadesk typeset`` of the same file: the goal is at most half LibreOffice's time.

    LibreOffice gets Sarabun through a private fonts folder and its own profile,
    made by a first run that is not counted (a clerk's LibreOffice has one).
    """
    from . import paths
    from .office_doc import write_odt

    home = tmp / "lo-home"
    (home / ".fonts").mkdir(parents=True, exist_ok=True)
    for font in paths.fonts_dir().glob("Sarabun-*.ttf"):
        shutil.copy(font, home / ".fonts" / font.name)
    lo_env = dict(env, HOME=str(home))
    profile = f"-env:UserInstallation={(tmp / 'lo-profile').as_uri()}"
    for seed in seeds:
        odt = write_odt(Path(seed), tmp / (Path(seed).stem + ".odt"))
        command = ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp / "lo-out"), str(odt)]
        subprocess.run(command, capture_output=True, env=lo_env, timeout=300)  # the profile's first start
        lo = results[f"LibreOffice convert {odt.name}"] = _measure(command, repeat, lo_env)
        ours = results[f"typeset {Path(seed).name}"]
        ratio = ours["median_s"] / lo["median_s"] if lo["median_s"] else float("nan")
        results[f"typeset / LibreOffice {Path(seed).name} (goal <= 0.5)"] = {
            "best_s": round(ratio, 2), "median_s": round(ratio, 2), "peak_mib": float("nan"),
            "ok": ours["ok"] and lo["ok"] and (tmp / "lo-out" / (odt.stem + ".pdf")).exists()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m itadesk.bench", description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seeds", nargs="*", default=[], help="seed-format text files to typeset")
    ap.add_argument("--no-gui", action="store_true", help="skip the window start-up measurement")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--typeset-only", action="store_true", help="only the --seeds typesetting (and LibreOffice beside it)")
    args = ap.parse_args(argv)
    exe = [sys.executable, "-m", "itadesk"]
    results: dict[str, dict] = {}
    # An installed wheel carries compiled bytecode (pip compiles it); an editable checkout
    # run with PYTHONDONTWRITEBYTECODE=1 would compile every module on every start instead,
    # which is not what a clerk's start-up costs.
    import compileall

    compileall.compile_dir(str(Path(__file__).parent), quiet=2, force=False)
    if args.typeset_only:
        with tempfile.TemporaryDirectory() as tmp:
            _typeset_seeds(results, args.seeds, Path(tmp), args.repeat, dict(os.environ, ITADESK_HOME=str(Path(tmp) / "home")))
        return _report(results, args.json)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, ITADESK_HOME=str(Path(tmp) / "home"), QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        demo = Path(tmp) / "demo.sqlite"
        results["demo database"] = _measure([*exe, "demo", str(demo)], 1, env)
        big = Path(tmp) / "sixty.sqlite"
        subprocess.run([*exe, "demo", str(big)], check=True, capture_output=True, env=env)
        _sixty(big)
        results["--version"] = _measure([*exe, "--version"], args.repeat, env)
        if not args.no_gui:
            window = results["window usable (--quit-when-ready)"] = _measure(
                [*exe, "--db", str(demo), "--quit-when-ready"], args.repeat, env)
            # the reference the start-up goal is stated against: a bare PySide6 window, four 50×6 tables
            bare = results["bare PySide6 window, 4 tables 50x6"] = _measure([sys.executable, "-c", _BARE_WINDOW], args.repeat, env)
            ratio = window["median_s"] / bare["median_s"] if bare["median_s"] else float("nan")
            results["window / bare window (median ratio)"] = {"best_s": round(ratio, 2), "median_s": round(ratio, 2),
                                                             "peak_mib": float("nan"), "ok": window["ok"] and bare["ok"]}
        for kind in ("memo", "measures", "plan", "scores", "multiyear", "evidence"):
            out = Path(tmp) / f"{kind}.pdf"
            results[f"export {kind} (demo 2568)"] = _measure(
                [*exe, "export", kind, "--db", str(demo), "--year", "2568", "--out", str(out)], args.repeat, env)
        from .outline.presets import PRESETS  # light: plain Python

        for name, p in PRESETS.items():
            if not p.default:  # the defaults were exported just above
                out = Path(tmp) / f"{name}.pdf"
                results[f"export --preset {name} (demo)"] = _measure(
                    [*exe, "export", p.kind, "--db", str(demo), "--year", "2568", "--out", str(out), "--preset", name], args.repeat, env)
        # the goal: within 0.3 s for the memo, 1 s for the measures report (the last column: the slowest refresh)
        for kind in ("memo", "measures"):
            edited = Path(tmp) / f"preview-{kind}.sqlite"
            subprocess.run([*exe, "demo", str(edited)], check=True, capture_output=True, env=env)
            results[f"preview refresh {kind} (s; last col: max)"] = _preview(edited, kind, 7, env)
        report, printed = Path(tmp) / "measures.pdf", Path(tmp) / "printed.pdf"  # exported just above
        results["print measures report at 600 dpi (peak MiB)"] = _measure(
            [sys.executable, "-c", _PRINT_CHILD, str(report), str(printed)], args.repeat, env)
        for kind in ("measures", "plan"):
            out = Path(tmp) / f"{kind}-60.pdf"
            results[f"export {kind} (60 measures)"] = _measure(
                [*exe, "export", kind, "--db", str(big), "--year", "2569", "--out", str(out)], args.repeat, env)
        _spreadsheets(results, exe, Path(tmp), demo, args.repeat, env)
        _typeset_seeds(results, args.seeds, Path(tmp), args.repeat, env)
    return _report(results, args.json)


def _report(results: dict, as_json: bool) -> int:
    if as_json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        print(f"{'measurement':44} {'best s':>8} {'median s':>9} {'peak MiB':>9}  ok")
        for name, r in results.items():
            print(f"{name:44} {r['best_s']:>8.3f} {r['median_s']:>9.3f} {r['peak_mib']:>9.1f}  {'yes' if r['ok'] else 'NO'}")
    return 0 if all(r["ok"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
