"""The project's own referee for Thai PDFs (independent of ../shared/tools).

Reads the PDF back with poppler's ``pdftotext -bbox-layout`` and judges every
line end inside a Thai run: an orthographic cluster split is always wrong; a
break is a word boundary only if newmm (nlpO3, with the stock PyThaiNLP word
list — not itadesk's extended one) cuts the 24 characters either side there.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

import pytest

from itadesk import paths

THAI = re.compile(r"[\u0E01-\u0E4E]")
NO_START = set(
    "\u0E30\u0E31\u0E32\u0E33\u0E34\u0E35\u0E36\u0E37\u0E38\u0E39\u0E3A"
    "\u0E45\u0E46\u0E47\u0E48\u0E49\u0E4A\u0E4B\u0E4C\u0E4D\u0E4E\u0E2F"
)
NO_END = set("\u0E40\u0E41\u0E42\u0E43\u0E44")

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace("\u0e4d\u0e32", "\u0e33")


@lru_cache(maxsize=1)
def _reference_dict() -> str:
    import nlpo3

    nlpo3.load_dict(str(paths.resource("thai_words.txt")), "reference-stock")
    return "reference-stock"


@lru_cache(maxsize=1)
def stock_words() -> frozenset[str]:
    return frozenset(w.strip() for w in paths.resource("thai_words.txt").read_text(encoding="utf-8").splitlines())


def newmm_cuts(text: str) -> set[int]:
    import nlpo3

    cuts, pos = set(), 0
    for tok in nlpo3.segment(text, _reference_dict()):
        pos += len(tok)
        cuts.add(pos)
    return cuts


def pdf_lines(path) -> list[tuple[int, list[str]]]:
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], check=True, capture_output=True).stdout.decode()
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    out = []
    for pno, page in enumerate(ET.fromstring(xml).iter("page"), 1):
        for block in page.iter("block"):
            lines = [" ".join(w.text or "" for w in line.iter("word")) for line in block.iter("line")]
            out.append((pno, [norm(x) for x in lines if x.strip()]))
    return out


def raw_text(path) -> str:
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True).stdout.decode()


@dataclass
class Report:
    junctions: int = 0
    cluster: list[str] = field(default_factory=list)
    word: list[str] = field(default_factory=list)
    forced: int = 0
    pua: int = 0
    lines: int = 0


def check_pdf(path) -> Report:
    r = Report()
    for _page, lines in pdf_lines(path):
        r.lines += len(lines)
        r.pua += sum(1 for ln in lines if re.search("[\ue000-\uf8ff]", ln))
        for a, c in pairwise(lines):
            if not (THAI.match(a[-1]) and THAI.match(c[0])):
                continue
            r.junctions += 1
            if c.startswith("ฯลฯ") and (len(c) == 3 or c[3] == " "):
                continue  # "ฯลฯ" (etc.) is a word of its own; the text has a space before it
            if c[0] in NO_START or a[-1] in NO_END:
                r.cluster.append(a[-24:] + "|" + c[:24])
                continue
            left, right = a.split(" ")[-1][-24:], c.split(" ")[0][:24]
            cuts = newmm_cuts(left + right)
            if len(left) in cuts:
                continue
            if " " not in a and not any(0 < x < len(left) for x in cuts):
                r.forced += 1
                continue
            import nlpo3

            first = nlpo3.segment(right, _reference_dict())[0]
            if len(first) > 3 and first not in stock_words():
                r.forced += 1  # next to a run no dictionary knows: no better place exists
                continue
            r.word.append(left + "|" + right)
    return r


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", norm(text))


@dataclass
class Word:
    page: int
    text: str
    x0: float
    y0: float  # from the top of the page
    x1: float
    y1: float


def pdf_words(path) -> list[Word]:
    """Every word poppler reads, with its page and box (points, y from the top)."""
    xml = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True).stdout.decode()
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    out = []
    for pno, page in enumerate(ET.fromstring(xml).iter("page"), 1):
        for w in page.iter("word"):
            out.append(Word(pno, norm(w.text or ""), float(w.get("xMin")), float(w.get("yMin")),
                            float(w.get("xMax")), float(w.get("yMax"))))
    return out


def page_count(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def pdf_line_boxes(path) -> list[tuple[int, str, float, float]]:
    """(page, text, xMin, xMax) of every line poppler finds."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], check=True, capture_output=True).stdout.decode()
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    out = []
    for pno, page in enumerate(ET.fromstring(xml).iter("page"), 1):
        for line in page.iter("line"):
            text = " ".join(w.text or "" for w in line.iter("word"))
            out.append((pno, norm(text), float(line.get("xMin")), float(line.get("xMax"))))
    return out
