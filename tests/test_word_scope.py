"""Line breaking with only the words a document can hold (breaks.dictionary_scope): the same
breaks as with the whole word list, for every text of the seeds' data (tests/data/seeds) and of
the seed-format sample, and for texts the scope was not made from; `itadesk typeset` never loads
the whole list."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from itadesk.pdf.typeset import _TAG, _unescape, cell_paragraphs
from itadesk.text import breaks

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "sample_seed_format.txt"


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [s for v in value for s in _strings(v)] if isinstance(value, list) else []


def _source(name: str) -> str:
    """A document's text: the sample as written, or every text of a seed's data, one a line."""
    if name == "sample":
        return SAMPLE.read_text(encoding="utf-8")
    return "\n".join(_strings(json.loads((DATA / "seeds" / f"{name}.json").read_text(encoding="utf-8"))))


def _texts(source: str) -> list[str]:
    """The texts typesetting cuts: each cell's paragraphs, each line, without markup."""
    out = []
    for line in source.splitlines():
        for cell in line.split("\t"):
            for _kind, text in cell_paragraphs(cell):
                for block in _unescape(text.replace("**", "")).split("\n"):
                    if block.strip():
                        out.append(block.strip())
    return list(dict.fromkeys(out))


def _fresh():
    breaks._break_candidates.cache_clear()
    breaks._WINDOWS.clear()


def _cuts(texts: list[str]) -> dict[str, tuple]:
    _fresh()
    return {t: (sorted(breaks.break_positions(t)), breaks.segments(t)) for t in texts}


@pytest.mark.parametrize("name", ["001", "002", "003", "004", "sample"])
def test_a_scope_cuts_every_text_of_a_document_as_the_whole_list_does(name):
    source = _source(name)
    texts = _texts(source)
    assert len(texts) > 20
    whole = _cuts(texts)
    with breaks.dictionary_scope([source, _unescape(_TAG.sub("", source).replace("**", ""))]):
        scoped = _cuts(texts)
        scope = breaks._scope.get()
        assert scope.engines is not None and len(scope.engines.words) < len(breaks.engines().words) / 2
    differ = [t for t in texts if whole[t] != scoped[t]]
    assert not differ, differ[:3]
    _fresh()


def test_a_text_the_scope_was_not_made_from_is_cut_with_the_whole_list():
    other = ["ส่งเสริมคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ",
             "ผู้บริหารท้องถิ่นประกาศเจตจำนงสุจริต การ ประเมิน ความ พึงพอใจ"]
    whole = _cuts(other)
    with breaks.dictionary_scope(["การประชุม"]):  # holds none of those words
        scoped = _cuts(other)
        assert all(not breaks._scope.get().covers[t] for t in other)
    assert scoped == whole
    _fresh()


def test_typesetting_loads_only_the_words_the_file_can_hold(tmp_path):
    code = ("import sys; from itadesk.text import breaks; from itadesk.pdf.typeset import typeset_file; "
            "typeset_file(sys.argv[1], sys.argv[2]); print(breaks._engines is None)")
    out = subprocess.run([sys.executable, "-c", code, str(SAMPLE), str(tmp_path / "s.pdf")], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip().splitlines()[-1] == "True", out.stderr[-500:]
    assert (tmp_path / "s.pdf").stat().st_size > 20_000
    assert re.search(r"thai-dict-\w+\.prefix\d", "".join(p.name for p in Path(breaks.paths.data_home(), "cache").iterdir()))
