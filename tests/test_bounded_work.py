"""Bounded work (issue 10): a field of 100,000 characters, or a fuzz mix of markup,
long unbroken words and many fields, exports in under 10 s with under 500 MiB.

Each export runs in a child process whose kernel limits are the bound:
RLIMIT_AS (address space, 500 MiB) and RLIMIT_CPU (10 s of CPU). A child that
needs more is killed, so these tests fail on work that grows faster than the
text — the cutting of an over-wide piece used to take 100 s and 5.8 GiB for
20,000 "x". CPU time rather than wall time keeps the bound independent of how
busy the machine is; a generous wall timeout only guards against a hang.
"""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from itadesk.domain.models import Analysis, Measure
from itadesk.store.store import Store
from tests.pdf_checks import needs_poppler, raw_text, squeeze

resource = pytest.importorskip("resource")  # POSIX only

MEMORY = 500 * 1024 * 1024
CPU_SECONDS = 10
N = 100_000


def _limits():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


def _run_bounded(*args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "itadesk", *args], preexec_fn=_limits,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"killed or failed ({proc.returncode}): {proc.stderr[-800:]}"
    return proc


def hostile(n: int = N, seed: int = 1) -> str:
    """``n`` characters: a run of "x", random Thai letters (no dictionary word lasts
    long), and ordinary Thai sentences with markup-looking text."""
    rnd = random.Random(seed)
    third = n // 3
    thai = "".join(chr(rnd.randint(0x0E01, 0x0E2E)) for _ in range(third))
    words = ("การประเมิน<b>คุณธรรม</b> & **ความโปร่งใส** <p>ของหน่วยงาน</p> " * (third // 40 + 1))[:n - 2 * third]
    return "x" * third + thai + words


def _fuzz_field(rnd: random.Random) -> str:
    """One field of the fuzz mix: 1–4 random stretches of the kinds that hurt."""
    parts = []
    for _ in range(rnd.randint(1, 4)):
        kind = rnd.random()
        if kind < 0.25:
            parts.append("y" * rnd.randint(100, 1500))  # a long unbroken Latin word
        elif kind < 0.5:
            parts.append("".join(chr(rnd.randint(0x0E01, 0x0E2E)) for _ in range(rnd.randint(50, 800))))
        elif kind < 0.75:
            parts.append(rnd.choice(["<p>", "</p>", "<ul><li>", "</li></ul>", "<br>", "**", "&amp;", "\\*", "# ", "\t", "\n"]) * rnd.randint(1, 40))
        else:
            parts.append("ส่งเสริมการมีส่วนร่วมของประชาชนในการตรวจสอบการดำเนินงาน " * rnd.randint(1, 8))
    return " ".join(parts)


@pytest.fixture
def big_db(demo_path):
    return demo_path


def _fill(db, what: str) -> None:
    store = Store.open(db)
    try:
        if what == "memo paragraph":
            memo = store.memos(2568)[-1]  # the memo `export memo` prints (the latest of the year)
            memo.paragraphs = [hostile()]
            store.save_memo(memo)
        elif what == "memo subject":  # a header field: it used to raise LayoutError when taller than a page
            memo = store.memos(2568)[-1]  # the memo `export memo` prints (the latest of the year)
            memo.subject = hostile()
            store.save_memo(memo)
        elif what == "measure step":
            m = store.measures(2568)[0]
            m.steps = [hostile()]
            store.save_measure(m)
        elif what == "office name":
            office = store.office()
            office.name = hostile()
            store.save_office(office)
        elif what == "analysis":
            a = store.view(2568).analyses[0]
            a.analysis = hostile()
            store.save_analysis(a)
        elif what == "fuzz":  # ~160,000 characters over some 200 fields
            rnd = random.Random(10)
            for k in range(25):
                store.save_measure(Measure(None, 2568, f"มาตรการ {k} " + _fuzz_field(rnd)[:3000], "มาตรการ",
                                           issue=_fuzz_field(rnd), steps=[_fuzz_field(rnd) for _ in range(rnd.randint(1, 5))],
                                           units=["สำนักปลัด"], monitoring=_fuzz_field(rnd), target=_fuzz_field(rnd)))
            for k in range(8):
                store.save_analysis(Analysis(None, 2568, indicator=None, topic=f"ประเด็น {k}", assessment=_fuzz_field(rnd),
                                             analysis=_fuzz_field(rnd), development=_fuzz_field(rnd), sort=20 + k))
            memo = store.memos(2568)[-1]  # the memo `export memo` prints (the latest of the year)
            memo.paragraphs = [_fuzz_field(rnd) for _ in range(8)]
            memo.subject = _fuzz_field(rnd)
            store.save_memo(memo)
            store.set_text(2568, "foreword", "\n\n".join(_fuzz_field(rnd) for _ in range(5)))
            for key in ("principles", "ranking", "strengths", "weaknesses"):
                store.set_text(2568, key, _fuzz_field(rnd))
    finally:
        store.close()


@needs_poppler
@pytest.mark.parametrize(("what", "kind"), [
    ("memo paragraph", "memo"),
    ("memo subject", "memo"),
    ("measure step", "plan"),
    ("office name", "measures"),
    ("analysis", "measures"),
    ("fuzz", "measures"),
    ("fuzz", "plan"),
    ("fuzz", "memo"),
])
def test_export_of_hostile_fields_is_bounded(big_db, tmp_path, what, kind):
    _fill(big_db, what)
    out = tmp_path / f"{kind}.pdf"
    _run_bounded("export", kind, "--db", str(big_db), "--year", "2568", "--out", str(out))
    text = squeeze(raw_text(out))
    if what != "fuzz":
        assert "x" * 200 in text  # the field is printed, not dropped
    assert len(text) > 5000


@needs_poppler
@pytest.mark.parametrize("where", ["paragraph", "table cell"])
def test_typeset_of_a_100k_field_is_bounded(tmp_path, where):
    src = tmp_path / "in.txt"
    body = hostile().replace("\n", " ")
    src.write_text(body if where == "paragraph" else f"หัว\tข้อความ\nแถว\t{body}\n", encoding="utf-8")
    out = tmp_path / "out.pdf"
    _run_bounded("typeset", str(src), str(out))
    assert squeeze(raw_text(out)).count("x") >= N // 3
