"""Evidence of a question item (OIT above all): the links that answer it, each with
a title, whether the item is published on the website, and the steps a visitor
follows to find it there. Also: reading "title | link" lines and pasted
"code<TAB>title" blocks, as clerks copy them from a spreadsheet or a web page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .models import Evidence


@dataclass
class ItemEvidence:
    code: str
    links: list[Evidence] = field(default_factory=list)
    published: bool = False
    steps: str = ""  # how to reach it on the website ("หน้าแรก > ITA > O1")


_URL = re.compile(r"(https?://\S+|www\.\S+)", re.I)


def parse_link_lines(lines: list[str]) -> list[Evidence]:
    """One link per line: "title | link", or a bare link, or a line with a link in it."""
    out = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if "|" in line:
            title, _, link = line.partition("|")
            out.append(Evidence(title.strip(), link.strip()))
            continue
        m = _URL.search(line)
        if m:
            title = (line[: m.start()] + line[m.end():]).strip(" -:–")
            out.append(Evidence(title, m.group(0)))
        else:
            out.append(Evidence(line, ""))
    return out


def link_lines(links: list[Evidence]) -> list[str]:
    return [f"{e.title} | {e.link}" if e.link else e.title for e in links]


_CODE = re.compile(r"^\s*([A-Za-z]{1,3}\s?\d{1,3}(?:\.\d+)?)\s*[\t:.\-–)]*\s*(.*)$")


def parse_item_lines(text: str) -> list[tuple[str, str]]:
    """(code, rest) from pasted lines "O1<TAB>โครงสร้าง" (a tab, or ". " / ": " / a space after
    the code); ``rest`` keeps further tab-separated columns (an indicator number). Lines
    without a code are skipped. Codes lose inner spaces ("O 1" → "O1")."""
    out: list[tuple[str, str]] = []
    for line in text.splitlines():
        if "\t" in line:
            code, _, title = line.partition("\t")
            code = code.strip().replace(" ", "")
            if re.fullmatch(r"[A-Za-z]{1,3}\d{1,3}(?:\.\d+)?", code):
                out.append((code, title.strip()))
            continue
        m = _CODE.match(line)
        if m:
            out.append((m.group(1).replace(" ", ""), m.group(2).strip()))
    return out


def tool_of(code: str) -> str:
    """The tool a code belongs to by its letter: i → IIT, e → EIT, o → OIT."""
    return {"i": "IIT", "e": "EIT", "o": "OIT"}.get(code[:1].lower(), "OIT")
