"""Where a line of Thai may break.

Thai has no spaces between words, so break opportunities come from word
segmentation. Two dictionary engines are intersected inside Thai runs —
ICU's line breaker (icu4py, bundled ICU) and newmm (nlpO3, Rust) — because
each alone breaks inside some words (newmm before ฯ and inside unknown names,
ICU inside รับผิด|ชอบ, คุณธร|รม); together they keep ~97 % of the
opportunities with none of either's errors (measured in the research note).
Outside Thai runs ICU alone decides (spaces, Latin words, URLs).

Orthographic rules are enforced on top, whatever the engines say: never
before a combining mark, ะ า ำ ๅ ๆ ฯ; never after เ แ โ ใ ไ. The clerk's own
words (place names such as ตากใบ) extend the newmm dictionary.
"""

from __future__ import annotations

import hashlib
import threading
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from .. import paths
from ..atomic import write_bytes

# marks and following vowels that can never start a line
NO_START = frozenset(
    "\u0e30\u0e31\u0e32\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a"
    "\u0e45\u0e46\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e\u0e2f"
)
NO_END = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")  # leading vowels stay with their consonant


def is_thai_letter(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e4e"


_lock = threading.Lock()


class _Engines:
    """Loaded once, on first use (≈0.1 s for the dictionary), never at start-up."""

    def __init__(self) -> None:
        import nlpo3  # deferred: only needed when a PDF is made

        self.nlpo3 = nlpo3
        self.dict_name, self.words = _load_dictionary(nlpo3)
        try:
            from icu4py.breakers import LineBreaker

            self.icu = LineBreaker
        except ImportError:  # newmm alone, still filtered by the hard rules
            self.icu = None


def _dictionary_files() -> list[Path]:
    files = [paths.resource("thai_words.txt"), paths.resource("thai_words_extra.txt")]
    user = paths.user_words_path()
    if user.exists():
        files.append(user)
    return files


def _load_dictionary(nlpo3) -> tuple[str, frozenset[str]]:
    """Load the stock + itadesk + user word lists as one nlpO3 dictionary.

    The merged list is cached under the data folder, keyed by the sources'
    paths and modification times, so later starts read one file only.
    """
    files = _dictionary_files()
    digest = hashlib.sha1("\n".join(f"{f}:{f.stat().st_mtime_ns}" for f in files).encode()).hexdigest()[:12]
    merged = paths.data_home() / "cache" / f"thai-dict-{digest}.txt"
    if merged.exists():
        words = merged.read_text(encoding="utf-8").splitlines()
    else:
        words = []
        for f in files:
            words += [w.strip() for w in f.read_text(encoding="utf-8").splitlines() if w.strip()]
        words = list(dict.fromkeys(words))
        write_bytes(merged, ("\n".join(words) + "\n").encode("utf-8"))
    name = f"itadesk-{digest}"
    nlpo3.load_dict(str(merged), name)
    return name, frozenset(words)


_engines: _Engines | None = None


def engines() -> _Engines:
    global _engines
    with _lock:
        if _engines is None:
            _engines = _Engines()
        return _engines


def reload_dictionary() -> None:
    """Pick up a changed user word list (the next break uses it)."""
    global _engines
    with _lock:
        _engines = None
    break_positions.cache_clear()
    _window_cuts.cache_clear()


def add_user_words(words: list[str]) -> Path:
    """Append words to the clerk's list (one per line) and reload."""
    path = paths.user_words_path()
    existing = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    new = [w.strip() for w in words if w.strip() and w.strip() not in existing]
    if new:
        path.write_text("\n".join(existing + new) + "\n", encoding="utf-8")
        reload_dictionary()
    return path


def _cuts(tokens) -> set[int]:
    cuts, offset = set(), 0
    for tok in tokens:
        offset += len(tok)
        cuts.add(offset)
    return cuts


@lru_cache(maxsize=4096)
def break_positions(text: str) -> frozenset[int]:
    """Offsets ``i`` (0 < i < len) where a line may end before ``text[i]``."""
    if len(text) < 2:
        return frozenset()
    e = engines()
    icu = _cuts(list(e.icu(text, "th"))) if e.icu else None
    tokens = e.nlpo3.segment(text, e.dict_name)
    newmm = _cuts(tokens)
    # a cut between two tokens neither of which is a dictionary word is a guess
    # inside an unknown run (a name, a typo): leave such runs whole
    known_side = set()
    pos = 0
    for a, b in pairwise(tokens):
        pos += len(a)
        if a in e.words or b in e.words:
            known_side.add(pos)
    result = set()
    for i in range(1, len(text)):
        prev, nxt = text[i - 1], text[i]
        if nxt in NO_START or prev in NO_END:
            continue
        if is_thai_letter(prev) and is_thai_letter(nxt):
            ok = i in known_side and (icu is None or i in icu) and _locally_a_boundary(text, i, e)
        elif prev.isspace() and not nxt.isspace():
            ok = _space_is_a_boundary(text, i, e)
        elif nxt.isspace():
            ok = False  # spaces stay at the end of the line they follow
        else:
            ok = i in icu if icu is not None else i in newmm and not (prev.isalnum() and nxt.isalnum())
        if ok:
            result.add(i)
    return frozenset(result)


WINDOW = 24


def _locally_a_boundary(text: str, i: int, e: _Engines) -> bool:
    """Is ``i`` still a word boundary when only its neighbourhood is read?

    Dictionary matching depends on context; a boundary found in the whole
    paragraph may vanish in the 24 characters either side that a reader (or a
    checker such as a PDF linter) sees around a line end. Keep only boundaries
    that hold in both readings.
    """
    start, end = _word_run_before(text, i), _word_run_after(text, i)
    return (i - start) in _window_cuts(text[start:end], e.dict_name)


def _word_run_before(text: str, i: int) -> int:
    """Start of the up-to-24 non-space characters that end at ``i``."""
    start = i
    while start > 0 and not text[start - 1].isspace() and i - start < WINDOW:
        start -= 1
    return start


def _word_run_after(text: str, i: int) -> int:
    """End of the up-to-24 non-space characters that start at ``i``."""
    end = i
    while end < len(text) and not text[end].isspace() and end - i < WINDOW:
        end += 1
    return end


def _space_is_a_boundary(text: str, i: int, e: _Engines) -> bool:
    """A space between Thai letters is a phrase boundary — unless the text reads
    as one word without it (documents converted from PDF are full of "การ ประเมิน").
    Breaking there would split the word in the reader's eyes, so we don't."""
    j = i
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == 0:
        return True
    before, after = text[j - 1], text[i]
    if before in NO_END or after in NO_START:
        return False
    if not (is_thai_letter(before) and is_thai_letter(after)):
        return True
    left, right = text[_word_run_before(text, j):j], text[i:_word_run_after(text, i)]
    return len(left) in _window_cuts(left + right, e.dict_name)


@lru_cache(maxsize=65536)
def _window_cuts(window: str, dict_name: str) -> frozenset[int]:
    return frozenset(_cuts(engines().nlpo3.segment(window, dict_name)))


def word_positions(text: str) -> list[int]:
    """newmm's own cuts inside ``text`` (orthographic rules applied): where an
    over-wide piece is cut before falling back to clusters."""
    e = engines()
    cuts = _cuts(e.nlpo3.segment(text, e.dict_name))
    return sorted(i for i in cuts if 0 < i < len(text) and text[i] not in NO_START and text[i - 1] not in NO_END)


def is_known_word(word: str) -> bool:
    return word in engines().words


def sub_word_positions(text: str) -> list[int]:
    """Where a dictionary compound wider than a narrow cell may still be cut
    (ICU splits สำนักปลัดเทศบาล into สำนัก|ปลัด|เทศบาล); orthographic rules apply."""
    e = engines()
    cuts = _cuts(list(e.icu(text, "th"))) if e.icu else set()
    cuts |= _cuts(e.nlpo3.segment(text, _stock_dict()))
    return sorted(i for i in cuts if 0 < i < len(text) and text[i] not in NO_START and text[i - 1] not in NO_END)


@lru_cache(maxsize=1)
def _stock_dict() -> str:
    engines().nlpo3.load_dict(str(paths.resource("thai_words.txt")), "itadesk-stock")
    return "itadesk-stock"


def cluster_positions(text: str) -> list[int]:
    """Offsets where an over-wide word may be cut: between grapheme clusters only."""
    out = []
    for i in range(1, len(text)):
        prev, nxt = text[i - 1], text[i]
        if nxt in NO_START or prev in NO_END:
            continue
        if "\udc00" <= nxt <= "\udfff" or ("\u0300" <= nxt <= "\u036f"):
            continue
        out.append(i)
    return out


def segments(text: str) -> list[str]:
    """``text`` cut at its break positions (each piece keeps its trailing spaces)."""
    cuts = sorted(break_positions(text))
    pieces, start = [], 0
    for c in cuts:
        pieces.append(text[start:c])
        start = c
    pieces.append(text[start:])
    return [p for p in pieces if p]
