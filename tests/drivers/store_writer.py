"""A second process on one database file, for the two-writer tests (issue: two windows).

    hold PATH               open for editing (the edit lock), make one undo step, print
                            {"ready": …} and wait until killed or stdin closes
    stress PATH SECONDS     write through the store beside a window (no lock: a script that
                            shares the file on purpose) for SECONDS; print a JSON summary
    export PATH SECONDS OUT export the measures report read-only again and again; print a summary
    crash PATH              begin a large save and kill itself before it commits (a hot journal)
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import sys
import time
from pathlib import Path


def hold(path: str) -> None:
    from itadesk.store.store import Store

    store = Store.open(path)
    store.edit_office("phone", "0-0000-0000 (held)")
    print(json.dumps({"ready": True, "pid": os.getpid(), "undo": store.undo_label()}), flush=True)
    sys.stdin.read()  # until the test closes our stdin, or kills us
    store.close()


def stress(path: str, seconds: float) -> None:
    """Edits the fields the window does not: measure budgets and targets, the memo's closing."""
    from itadesk.errors import ItadeskError
    from itadesk.store.store import Store

    store = Store.open(path, lock=False)
    measures = [m.id for m in store.measures(2568)]
    memo_id = store.memos(2568)[0].id
    end = time.monotonic() + seconds
    n, errors, worst, last = 0, [], 0.0, {}
    while time.monotonic() < end:
        mid = measures[n % len(measures)]
        t0 = time.monotonic()
        try:
            store.edit_measure(mid, "target", f"เป้าหมายจากสคริปต์ {n}")
            store.edit_measure(mid, "budget", float(1000 + n))
            store.edit_memo(memo_id, "closing", f"จึงเรียนมาเพื่อโปรดทราบ ({n})")
            last[str(mid)] = n
            last["memo"] = n
        except ItadeskError as err:
            errors.append(err.message_th)
        except Exception as err:  # an untranslated error is what the test looks for
            errors.append(f"UNTRANSLATED {type(err).__name__}: {err}")
        worst = max(worst, time.monotonic() - t0)
        n += 1
        time.sleep(0.01)
    store.close()
    print(json.dumps({"writes": n, "errors": errors, "worst_s": round(worst, 3), "last": last}, ensure_ascii=False), flush=True)


def export(path: str, seconds: float, out: str) -> None:
    from itadesk.export.documents import export_document

    end = time.monotonic() + seconds
    n, errors = 0, []
    while time.monotonic() < end:
        try:
            export_document("measures", db=Path(path), year=2568, out=Path(out) / f"m{n % 2}.pdf")
        except Exception as err:
            errors.append(f"{type(err).__name__}: {err}")
        n += 1
    print(json.dumps({"exports": n, "errors": errors}, ensure_ascii=False), flush=True)


def crash(path: str) -> None:
    """A save killed half-way: pages already written into the file, the journal left behind."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA cache_size = 2")  # spill changed pages into the file before the commit
    conn.execute("BEGIN IMMEDIATE")
    for _ in range(3):
        conn.execute("UPDATE measures SET monitoring = monitoring || ?", ["x" * 2000])
        conn.execute("UPDATE memo_paragraphs SET text = text || ?", ["y" * 2000])
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    cmd, *args = sys.argv[1:]
    if cmd == "hold":
        hold(args[0])
    elif cmd == "stress":
        stress(args[0], float(args[1]))
    elif cmd == "export":
        export(args[0], float(args[1]), args[2])
    elif cmd == "crash":
        crash(args[0])
