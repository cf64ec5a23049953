"""The ``itadesk`` command. Arguments are parsed before anything heavy is imported,
so ``--version``, ``demo``, ``check``, ``typeset``, ``export`` and the spreadsheet
commands (``xlsx``, ``status-forms``, ``status-import``) never load Qt."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__

EXPORT_KINDS = ("memo", "measures", "plan", "scores", "multiyear", "evidence")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="itadesk",
        description="itadesk — บันทึกผล ITA วิเคราะห์ วางมาตรการ ติดตาม และพิมพ์เอกสารราชการ (offline)",
    )
    p.add_argument("--version", action="version", version=f"itadesk {__version__}")
    p.add_argument("--db", metavar="FILE", help="database file (default: the user's itadesk.sqlite)")
    p.add_argument("--screenshots", metavar="DIR", help="render every tab to DIR as PNG and exit")
    p.add_argument("--quit-when-ready", action="store_true", help="exit as soon as the window is shown and filled")
    sub = p.add_subparsers(dest="command")

    d = sub.add_parser("demo", help="write a fresh demo database to FILE")
    d.add_argument("file")

    c = sub.add_parser("check", help="integrity check of a database")
    c.add_argument("file")

    t = sub.add_parser("typeset", help="render a UTF-8 Thai text file as an A4 PDF")
    t.add_argument("input")
    t.add_argument("output")
    t.add_argument("--justify", choices=("thai", "words", "none"), default="thai")

    e = sub.add_parser("export", help="export a document of one year as PDF")
    e.add_argument("kind", choices=EXPORT_KINDS)
    e.add_argument("--db", dest="export_db", metavar="FILE", required=True)
    e.add_argument("--year", type=int, required=True, help="assessment year (BE), e.g. 2568")
    e.add_argument("--out", required=True)
    e.add_argument("--memo", type=int, help="memo id when the year has several")

    from .exchange.commands import add_parsers  # argparse only: openpyxl loads when a command runs

    add_parsers(sub)
    e.add_argument("--preset", help="export with this preset instead of the year's own outline (see `itadesk outline list`)")

    o = sub.add_parser("outline", help="document outlines (presets)")
    o.add_argument("action", choices=("list",), help="list: the presets, by document kind")
    return p


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def _warn_undrawable(db: Path, year: int) -> None:
    """Characters no font can print (they show as boxes): named on stderr, with their fields."""
    from .export.glyph_check import undrawable_fields, warning_en, warning_th
    from .store.store import Store

    store = Store.open(db, readonly=True)  # as the export read it: never writes the file
    try:
        found = undrawable_fields(store.view(year))
    finally:
        store.close()
    if found:
        print(f"คำเตือน: {warning_th(found)}\n{warning_en(found)}", file=sys.stderr)


def _warn_undrawable_text(text: str) -> None:
    from .pdf import fonts
    from .pdf.fallback import undrawable

    fonts.register_fonts()
    missing = undrawable(text)
    if missing:
        codes = ", ".join(f"{c} U+{ord(c):04X}" for c in missing[:12])
        print(f"คำเตือน: อักษรที่ไม่มีในแบบอักษร จะพิมพ์เป็นช่องว่างเปล่า / warning: characters no font can print: {codes}",
              file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from .atomic import ignore_file_size_signal
    from .errors import ItadeskError  # light: plain Python

    ignore_file_size_signal()  # a file size limit ends a write with a Thai message, not a dead process
    if args.command in ("typeset", "export"):
        # a process that writes one document and ends: what it builds lives until the file is
        # written, so the cyclic collector's passes over it free next to nothing (seed 002: 728
        # objects) and cost ~50 ms of 0.9 s; reference counting still frees all the rest
        import gc

        gc.disable()

    try:
        if args.command == "demo":
            from .store.demo import write_demo

            path = write_demo(args.file)
            print(f"เขียนฐานข้อมูลตัวอย่างแล้ว / demo database written: {path}")
            return 0
        if args.command == "check":
            from .store.check import check_file

            problems, notes = check_file(args.file)
            for line in notes:
                print(line)
            if problems:
                for line in problems:
                    print(line, file=sys.stderr)
                return 1
            print(f"ฐานข้อมูลสมบูรณ์ / database ok: {args.file}")
            return 0
        if args.command == "typeset":
            from .pdf.typeset import typeset_file

            pages = typeset_file(Path(args.input), Path(args.output), justify=args.justify)
            print(f"{args.output}: {pages} หน้า / pages")
            _warn_undrawable_text(Path(args.input).read_text(encoding="utf-8"))
            return 0
        if args.command == "export":
            from .export.documents import export_document

            out = export_document(args.kind, db=Path(args.export_db), year=args.year, out=Path(args.out), memo_id=args.memo,
                                  preset_name=args.preset)
            print(f"ส่งออกแล้ว / exported: {out}")
            _warn_undrawable(Path(args.export_db), args.year)
            return 0
        if args.command in ("xlsx", "status-forms", "status-import"):
            from .exchange.commands import run as run_exchange

            return run_exchange(args)
        if args.command == "outline":
            from .outline import PRESETS

            for p in PRESETS.values():
                print(f"{p.name:14} {p.kind:9} {'*' if p.default else ' '} {p.label}")
            print("(* = รูปแบบเริ่มต้นของเอกสารชนิดนั้น / the kind's default)")
            return 0
    except ItadeskError as err:
        return _fail(f"ผิดพลาด: {err.message_th}\nerror: {err}")
    except FileNotFoundError as err:
        return _fail(f"ไม่พบไฟล์ / file not found: {err.filename or err}")
    except OSError as err:
        return _fail(f"ผิดพลาด: อ่านหรือเขียนไฟล์ {err.filename or ''} ไม่ได้ ({err.strerror or err})\nerror: {err}")

    from .ui.app import run  # the only path that imports Qt

    return run(db=args.db, screenshots=args.screenshots, quit_when_ready=args.quit_when_ready)


if __name__ == "__main__":
    sys.exit(main())
