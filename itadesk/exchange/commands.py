"""The spreadsheet commands of ``itadesk`` (``xlsx``, ``status-forms``, ``status-import``).

``cli.py`` parses the arguments and imports this module only for these commands.
Every import prints what it changes (or, with ``--dry-run``, would change) and
writes nothing when the workbook is refused.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ItadeskError, NotFoundError

if TYPE_CHECKING:  # imported when a command runs: parsing `itadesk --version` stays light
    from ..store.store import Store

DRY = "(ทดลอง --dry-run: ยังไม่ได้เปลี่ยนแปลงฐานข้อมูล / nothing written)"


def add_parsers(sub) -> None:
    x = sub.add_parser("xlsx", help="a year to one Excel workbook (export) and back (import); scores from any sheet")
    x.add_argument("action", choices=("export", "import"))
    x.add_argument("file", nargs="?", help="the workbook to import")
    x.add_argument("--db", dest="xlsx_db", metavar="FILE", required=True, help="database file")
    x.add_argument("--year", type=int, help="assessment year (BE); import: the year to import as")
    x.add_argument("--out", help="export: the workbook to write")
    x.add_argument("--dry-run", action="store_true", help="import: print the changes, write nothing")
    x.add_argument("--replace", action="store_true", help="import: replace the year when the database has it")
    x.add_argument("--scores", action="store_true", help="import: only the scores, from any sheet (code first, score last)")

    f = sub.add_parser("status-forms", help="one Excel status form per responsible unit")
    f.add_argument("--db", dest="forms_db", metavar="FILE", required=True)
    f.add_argument("--year", type=int, required=True, help="assessment year (BE)")
    f.add_argument("--round", choices=("6", "12"), required=True, help="reporting round (months)")
    f.add_argument("--out", required=True, help="folder for the forms")
    f.add_argument("--overwrite", action="store_true", help="replace forms of the same name in the folder (filled ones too)")

    i = sub.add_parser("status-import", help="read filled status forms back (files or folders)")
    i.add_argument("sources", nargs="+", metavar="DIR-or-FILES")
    i.add_argument("--db", dest="status_db", metavar="FILE", required=True)
    i.add_argument("--dry-run", action="store_true", help="print the changes, write nothing")


def _open(db: str) -> Store:
    from ..store.store import Store

    if not Path(db).exists():
        raise NotFoundError(f"ไม่พบไฟล์ฐานข้อมูล {db}", f"database not found: {db}")
    return Store.open(db, create=False)


def run(args: argparse.Namespace) -> int:
    if args.command == "xlsx":
        return _xlsx(args)
    if args.command == "status-forms":
        return _forms(args)
    return _status_import(args)


def _xlsx(args) -> int:
    from .xlsx_year import apply_year_import, export_year, plan_year_import

    store = _open(args.xlsx_db)
    try:
        if args.action == "export":
            if args.year is None or not args.out:
                raise ItadeskError("ส่งออกต้องระบุ --year และ --out", "export needs --year and --out")
            out = export_year(store, args.year, args.out)
            print(f"ส่งออกแล้ว / exported: {out}")
            return 0
        if not args.file:
            raise ItadeskError("ต้องระบุไฟล์ Excel ที่จะนำเข้า", "no workbook given")
        if args.scores:
            return _scores(store, args)
        plan = plan_year_import(store, args.file, year=args.year)
        print("\n".join(plan.lines()))
        if plan.exists and not args.replace:
            raise ItadeskError(f"มีปี {plan.view.year} อยู่แล้ว: ใช้ --replace เพื่อแทนที่ทั้งปี หรือ --year เพื่อนำเข้าเป็นปีอื่น",
                               f"year {plan.view.year} exists; use --replace or --year")
        if args.dry_run:
            print(DRY)
            return 0
        apply_year_import(store, plan, replace=args.replace)
        print(f"นำเข้าแล้ว / imported: ปี {plan.view.year}")
        return 0
    finally:
        store.close()


def _scores(store: Store, args) -> int:
    from .scores_sheet import changes_plan, read_scores_workbook, score_changes

    if args.year is None:
        raise ItadeskError("นำเข้าคะแนนต้องระบุ --year", "--scores needs --year")
    store.require_year(args.year)
    pasted = read_scores_workbook(args.file, store.framework(args.year))
    changes = score_changes(pasted, store.scores(args.year))
    print(f"คะแนนปี {args.year} จากไฟล์ {Path(args.file).name}: เปลี่ยน {len(changes)} รายการ "
          f"(เหมือนเดิม {len(pasted.values) - len(changes)})")
    for c in changes:
        print("  " + c.line())
    if args.dry_run:
        print(DRY)
    elif changes:
        store.set_scores(args.year, **changes_plan(changes))
        print(f"นำเข้าแล้ว / imported: {len(changes)}")
    return 0


def _forms(args) -> int:
    from .status_forms import write_forms

    store = _open(args.forms_db)
    try:
        paths = write_forms(store.view(args.year), args.round, args.out, overwrite=args.overwrite)
    finally:
        store.close()
    for p in paths:
        print(p)
    print(f"เขียนแบบรายงาน {len(paths)} ไฟล์ / {len(paths)} forms written")
    return 0


def _status_import(args) -> int:
    from .status_forms import apply_forms, read_forms

    store = _open(args.status_db)
    try:
        result = read_forms(store, args.sources)
        print("\n".join(result.lines()))
        if args.dry_run:
            print(DRY)
        elif result.changes:
            apply_forms(store, result)
            print(f"บันทึกแล้ว / recorded: {len(result.changes)}")
        return 0
    finally:
        store.close()
