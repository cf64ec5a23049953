"""Rebuild a seed document's data through the store, as a clerk would enter it.

``tests/data/seeds/NNN.json`` holds what the test needs from seed NNN of
``../shared/seeds`` (copied, so the project never reads ../shared): the office,
the scores, analyses, measures (grouped by issue, steps with their own unit,
period and monitoring), the memo, the edits the clerk makes to the preset's
blocks, and the seed's *parts* — every heading, table header and recurring block
(a table row, a list item, a paragraph) in the order the seed prints them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

from itadesk.domain.models import Analysis, Item, Limitation, Measure, Memo, Office, Signer, StatusUpdate, Step
from itadesk.store.frameworks import default_framework
from itadesk.store.store import Store

SEEDS = Path(__file__).parent / "data" / "seeds"


def load(seed: str) -> dict:
    return json.loads((SEEDS / f"{seed}.json").read_text(encoding="utf-8"))


def _step(raw) -> Step:
    return Step(raw) if isinstance(raw, str) else Step(**raw)


def rebuild(store: Store, data: dict) -> int | None:
    """Enter ``data`` into an empty store; returns the memo's id (None without one)."""
    year = data["year"]
    store.save_office(Office(**data["office"]))
    if data.get("units"):
        store.save_units(data["units"])
    if data.get("signers"):
        store.save_signers([Signer(None, *s) for s in data["signers"]])
    store.add_year(year, framework=default_framework(year, eit_parts=True))
    for no, name in data.get("indicator_names", {}).items():
        store.rename_indicator(year, int(no), name)
    for code, tool, indicator, title in data.get("items", []):
        store.save_item(year, Item(code, tool, indicator, title))
    sc = data.get("scores", {})
    store.set_scores(year, overall=sc.get("overall"), tools=sc.get("tools") or None,
                     indicators={int(k): v for k, v in sc.get("indicators", {}).items()} or None, items=sc.get("items") or None)
    for key, body in data.get("texts", {}).items():
        store.set_text(year, key, body)
    for a in data.get("analyses", []):
        store.save_analysis(Analysis(None, year, a.get("indicator"), a.get("topic", ""), a.get("assessment", ""),
                                     a.get("analysis", ""), a.get("development", ""), a.get("sort", 0), a.get("points", "")))
    for n, (lim, impact, development) in enumerate(data.get("limitations", [])):
        store.save_limitation(Limitation(None, year, lim, impact, development, n))
    for issue in data.get("issues", []):
        store.add_issue(year, issue["title"], issue.get("detail", ""))
    ids = []
    for m in data.get("measures", []):
        steps = [_step(s) for s in m.get("steps", [])]
        ids.append(store.save_measure(Measure(
            None, year, m["title"], m.get("kind", "มาตรการ"), issue=m.get("issue", ""), steps=[s.text for s in steps],
            step_details=steps, units=m.get("units", []), period_text=m.get("period_text", ""), monitoring=m.get("monitoring", ""),
            indicators=m.get("indicators", []), items=m.get("items", []))).id)
    for index, day, rnd, status, progress, note in data.get("status", []):
        store.add_status(StatusUpdate(None, ids[index], dt.date.fromisoformat(day), status, rnd, progress, note))
    memo_id = None
    if data.get("memo"):
        memo = dict(data["memo"])
        memo["date"] = dt.date.fromisoformat(memo["date"]) if memo.get("date") else None
        memo_id = store.save_memo(Memo(None, year, **memo)).id
    kind = data["kind"]
    store.apply_preset(year, kind, data["preset"])
    for method, *args in data.get("outline", []):  # the clerk's edits of the preset's blocks
        kwargs = args.pop() if args and isinstance(args[-1], dict) else {}
        getattr(store, method)(year, kind, *args, **kwargs)
    return memo_id


# ---------------------------------------------------------------------- parts
def squeeze(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u0e4d\u0e32", "\u0e33")
    return re.sub(r"\s+", "", text)


def find_parts(parts: list[str], pdf_text: str) -> tuple[list[str], list[str]]:
    """(found, missing): each part searched after the previous one found — the seed's order."""
    text = squeeze(pdf_text)
    pos, found, missing = 0, [], []
    for part in parts:
        at = text.find(squeeze(part), pos)
        if at < 0:
            missing.append(part)
        else:
            found.append(part)
            pos = at + len(squeeze(part))
    return found, missing
