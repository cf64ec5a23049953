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
import os
import re
import tempfile
import threading
from bisect import bisect_right
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from .. import paths
from . import dictionary, glue

# marks and following vowels that can never start a line
NO_START = frozenset(
    "\u0e30\u0e31\u0e32\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a"
    "\u0e45\u0e46\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e\u0e2f"
)
NO_END = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")  # leading vowels stay with their consonant


def is_thai_letter(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e4e"


_lock = threading.Lock()


def _icu():
    try:
        from icu4py.breakers import LineBreaker

        return LineBreaker
    except ImportError:  # newmm alone, still filtered by the hard rules
        return None


class _Engines:
    """ICU and newmm with the whole word list (``words`` None: loaded once, on first use, ≈0.1 s,
    never at start-up) or with the part of it a document can use (see :func:`dictionary_scope`)."""

    def __init__(self, words: list[str] | None = None) -> None:
        import nlpo3  # deferred: only needed when a PDF is made

        self.nlpo3 = nlpo3
        key = dictionary.digest()
        if words is None:
            path, words = dictionary.merged(key)
            self.dict_name = f"itadesk-{key}"
            nlpo3.load_dict(str(path), self.dict_name)
        else:
            content = "\n".join(words) + "\n"
            self.dict_name = f"itadesk-{key}-{hashlib.sha1(content.encode()).hexdigest()[:12]}"
            fd, tmp = tempfile.mkstemp(suffix=".txt", prefix="itadesk-words-")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    f.write(content)
                nlpo3.load_dict(tmp, self.dict_name)  # a name loaded before is kept as it was: the same words
            finally:
                os.unlink(tmp)
        self.words = frozenset(words)
        self.icu = _icu()


_engines: _Engines | None = None
_generation = 0  # a changed word list (reload_dictionary) makes every scope load its words again


def engines() -> _Engines:
    global _engines
    with _lock:
        if _engines is None:
            _engines = _Engines()
        return _engines


class _Scope:
    """The words a document's texts can hold: newmm's trie of only those is built in a fraction
    of the time (dictionary.py). A text it does not cover is cut with the whole list."""

    def __init__(self, texts: Iterable[str]):
        self.texts = list(texts)
        self.starts: set[str] = set()
        self.engines: _Engines | None = None
        self.generation, self.key = -1, ""
        self.covers: dict[str, bool] = {}

    def engines_for(self, text: str) -> _Engines | None:
        if self.generation != _generation:
            self.engines, self.covers = None, {}
            self.generation, self.key = _generation, dictionary.digest()
            self.starts = dictionary.starts_of(self.key, self.texts)
        hit = self.covers.get(text)
        if hit is None:
            hit = self.covers[text] = dictionary.covered(self.key, self.starts, text)
        if not hit:
            return None
        if self.engines is None:
            self.engines = _Engines(dictionary.words_starting_with(self.key, self.starts))
        return self.engines

    def covers_joins(self, text: str, joins: Iterable[int]) -> bool:
        """Does the scope cover ``text``, made of covered stretches joined at the offsets ``joins``?
        Only the strings across a join are new (a word of the list begins within PREFIX - 1 before it)."""
        reach = dictionary.PREFIX - 1
        return all(dictionary.covered(self.key, self.starts, text[max(0, j - reach):j + reach + 1]) for j in joins)


def _across(e: _Engines, text: str, joins: Iterable[int]) -> _Engines | None:
    """The engines for ``text`` whose stretches between ``joins`` ``e`` covers: ``e`` when it is the
    whole list or its scope covers the joins too, else None."""
    scope = _scope.get()
    if scope is None or scope.engines is not e or scope.covers_joins(text, joins):
        return e
    return None


_scope: ContextVar[_Scope | None] = ContextVar("itadesk_word_scope", default=None)


@contextmanager
def dictionary_scope(texts: Iterable[str]):
    """Within the block, a text made of ``texts`` is cut with only the listed words it can hold
    (the same cuts, a quicker start); any other text with the whole list. For a process that
    prints one document (``itadesk typeset``): each scope loads a word list of its own."""
    token = _scope.set(_Scope(texts))
    try:
        yield
    finally:
        _scope.reset(token)


def _engines_for(text: str) -> _Engines:
    scope = _scope.get()
    e = scope.engines_for(text) if scope is not None else None
    return e if e is not None else engines()


def reload_dictionary() -> None:
    """Pick up a changed user word list (the next break uses it)."""
    global _engines, _generation
    with _lock:
        _engines = None
        _generation += 1
    _break_candidates.cache_clear()
    _WINDOWS.clear()


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
    return set(accumulate(map(len, tokens)))  # the offset after each token


# the office's own names the export gives (see with_names): never broken inside
_names: ContextVar[frozenset[str]] = ContextVar("itadesk_names", default=frozenset())


@contextmanager
def with_names(places: Iterable[str] = (), people: Iterable[str] = ()):
    """Within the block, lines never break inside the office's own names: the place
    part of ``places`` (office, district, province, units) and ``people`` whole."""
    token = _names.set(glue.name_cores(places) | glue.person_names(people))
    try:
        yield
    finally:
        _names.reset(token)


def current_names() -> frozenset[str]:
    """The names glued in this context (part of any cache of break results)."""
    return _names.get()


def break_positions(text: str) -> frozenset[int]:
    """Offsets ``i`` (0 < i < len) where a line may end before ``text[i]``.

    Never inside a glued stretch (``glue.py``: พ.ศ. and its year, a number and its
    unit, the names given by :func:`with_names`)."""
    sure, unsure = break_candidates(text)
    e = _engines_for(text) if unsure else None
    if unsure:
        _prefetch_windows([text[_word_run_before(text, i):_word_run_after(text, i)] for i in unsure], e)
    return sure | frozenset(i for i in unsure if _locally_a_boundary(text, i, e))


def break_candidates(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """(sure, unsure) line-break positions of ``text``.

    An unsure position passed every rule but one: it is a word boundary in the whole
    paragraph, yet may not be in the 24 characters either side a reader sees (see
    :func:`is_local_boundary`). The line breaker asks that only of the positions
    where it wants to end a line — a few in ten — which spares most of the work."""
    return _break_candidates(text, _names.get())


def is_local_boundary(text: str, i: int) -> bool:
    """Is the unsure position ``i`` of ``text`` a word boundary when read locally?"""
    return _locally_a_boundary(text, i, _engines_for(text))


@lru_cache(maxsize=4096)
def _break_candidates(text: str, names: frozenset[str]) -> tuple[frozenset[int], frozenset[int]]:
    if len(text) < 2:
        return frozenset(), frozenset()
    sure, unsure = _segmenter_positions(text)
    glued = glue.forbidden(text, names)
    return frozenset(sure - glued), frozenset(unsure - glued)


def _segmenter_positions(text: str) -> tuple[set[int], set[int]]:
    e = _engines_for(text)
    icu = _cuts(list(e.icu(text, "th"))) if e.icu else None
    tokens = e.nlpo3.segment(text, e.dict_name)
    newmm = _cuts(tokens)
    # a cut between two tokens neither of which is a dictionary word is a guess
    # inside an unknown run (a name, a typo): leave such runs whole
    known = list(map(e.words.__contains__, tokens))
    known_side = {pos for pos, a, b in zip(accumulate(map(len, tokens)), known, known[1:], strict=False) if a or b}  # all but the last
    # only a cut of an engine, or the end of a run of spaces, can be a break:
    # the rules below are asked about those positions alone
    candidates = known_side | (icu if icu is not None else newmm) | {m.end() for m in _SPACES.finditer(text)}
    sure, unsure = set(), set()
    runs: list[tuple[int, int]] = []  # the runs of non-spaces, found when first needed
    n = len(text)
    for i in candidates:
        if not 0 < i < n:
            continue
        prev, nxt = text[i - 1], text[i]
        if nxt in NO_START or prev in NO_END:
            continue
        if "\u0e01" <= prev <= "\u0e4e" and "\u0e01" <= nxt <= "\u0e4e":  # two Thai letters (is_thai_letter)
            if i in known_side and (icu is None or i in icu):
                # newmm never reads across a space: a window that is a whole run is cut as in the text.
                # The windows either side (_word_run_before/after) are the whole run exactly when the
                # run reaches no further than WINDOW from i
                if not runs:
                    runs = [(m.start(), m.end()) for m in _NON_SPACES.finditer(text)]
                start, end = runs[bisect_right(runs, (i, len(text) + 1)) - 1]
                (sure if i - start <= WINDOW and end - i <= WINDOW else unsure).add(i)
            continue
        if prev.isspace() and not nxt.isspace():
            ok = _space_is_a_boundary(text, i, e)
        elif nxt.isspace():
            ok = False  # spaces stay at the end of the line they follow
        else:
            ok = i in icu if icu is not None else i in newmm and not (prev.isalnum() and nxt.isalnum())
        if ok:
            sure.add(i)
    return sure, unsure


WINDOW = 24


def _locally_a_boundary(text: str, i: int, e: _Engines) -> bool:
    """Is ``i`` still a word boundary when only its neighbourhood is read?

    Dictionary matching depends on context; a boundary found in the whole
    paragraph may vanish in the 24 characters either side that a reader (or a
    checker such as a PDF linter) sees around a line end. Keep only boundaries
    that hold in both readings.
    """
    start, end = _word_run_before(text, i), _word_run_after(text, i)
    return (i - start) in _window_cuts(text[start:end], e)


_SPACES = re.compile(r"\s+")
_NON_SPACES = re.compile(r"\S+")
_RUN_END = re.compile(r"\S*\Z")
_RUN_START = re.compile(r"\S*")


def _word_run_before(text: str, i: int) -> int:
    """Start of the up-to-24 non-space characters that end at ``i``."""
    return _RUN_END.search(text, max(0, i - WINDOW), i).start()


def _word_run_after(text: str, i: int) -> int:
    """End of the up-to-24 non-space characters that start at ``i``."""
    return _RUN_START.match(text, i, min(len(text), i + WINDOW)).end()


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
    joined = left + right  # not a part of the text: a dictionary scope must cover the join too
    return len(left) in _window_cuts(joined, _across(e, joined, [len(left)]) or engines())


_WINDOWS: dict[tuple[str, str], frozenset[int]] = {}  # newmm's cuts of a window, by (window, dictionary)
_WINDOWS_MAX = 65536


def _window_cuts(window: str, e: _Engines) -> frozenset[int]:
    hit = _WINDOWS.get((window, e.dict_name))
    if hit is None:
        hit = _remember(window, e.dict_name, frozenset(_cuts(e.nlpo3.segment(window, e.dict_name))))
    return hit


def _remember(window: str, dict_name: str, cuts: frozenset[int]) -> frozenset[int]:
    if len(_WINDOWS) >= _WINDOWS_MAX:
        _WINDOWS.clear()
    _WINDOWS[(window, dict_name)] = cuts
    return cuts


def _prefetch_windows(windows: list[str], e: _Engines) -> None:
    """Segment the windows not yet known in one call, joined by spaces.

    A window holds no space and newmm never joins a space to a word, so each
    window is cut as when segmented alone — at one call per paragraph instead
    of one per candidate break (a third of the typesetting time)."""
    dict_name = e.dict_name
    todo = list(dict.fromkeys(w for w in windows if w and (w, dict_name) not in _WINDOWS))
    if len(todo) < 2:
        return
    joined = " ".join(todo)
    joins, at = [], -1
    for w in todo[:-1]:
        at += len(w) + 1
        joins.append(at)
    if _across(e, joined, joins) is None:
        return  # a word of the whole list could span a space: each window is cut alone
    tokens = e.nlpo3.segment(joined, dict_name)
    ends, pos = [], 0
    for tok in tokens:
        pos += len(tok)
        ends.append(pos)
    bounds, start = [], 0
    for w in todo:
        bounds.append((start, start + len(w)))
        start += len(w) + 1
    ends_set = set(ends)
    if any(a not in ends_set and a > 0 for a, _b in bounds) or any(b not in ends_set for _a, b in bounds):
        return  # a token crossed a space (never seen): each window will be cut alone
    k = 0
    for w, (a, b) in zip(todo, bounds, strict=True):
        cuts = set()
        while k < len(ends) and ends[k] <= b:
            if ends[k] > a:
                cuts.add(ends[k] - a)
            k += 1
        _remember(w, dict_name, frozenset(cuts))


def word_positions(text: str) -> list[int]:
    """newmm's own cuts inside ``text`` (orthographic rules applied): where an
    over-wide piece is cut before falling back to clusters."""
    e = _engines_for(text)
    cuts = _cuts(e.nlpo3.segment(text, e.dict_name))
    return sorted(i for i in cuts if 0 < i < len(text) and text[i] not in NO_START and text[i - 1] not in NO_END)


def is_known_word(word: str) -> bool:
    return word in _engines_for(word).words


def sub_word_positions(text: str) -> list[int]:
    """Where a dictionary compound wider than a narrow cell may still be cut
    (ICU splits สำนักปลัดเทศบาล into สำนัก|ปลัด|เทศบาล); orthographic rules apply."""
    e = _engines_for(text)
    cuts = _cuts(list(e.icu(text, "th"))) if e.icu else set()
    cuts |= _cuts(e.nlpo3.segment(text, _stock_dict()))
    return sorted(i for i in cuts if 0 < i < len(text) and text[i] not in NO_START and text[i - 1] not in NO_END)


@lru_cache(maxsize=1)
def _stock_dict() -> str:
    import nlpo3

    nlpo3.load_dict(str(paths.resource("thai_words.txt")), "itadesk-stock")
    return "itadesk-stock"


@lru_cache(maxsize=8192)
def cluster_positions(text: str) -> tuple[int, ...]:
    """Offsets where an over-wide word may be cut: between grapheme clusters only.

    Cached: justification asks for every line's words, and words repeat."""
    out = []
    for i in range(1, len(text)):
        prev, nxt = text[i - 1], text[i]
        if nxt in NO_START or prev in NO_END:
            continue
        if "\udc00" <= nxt <= "\udfff" or ("\u0300" <= nxt <= "\u036f"):
            continue
        out.append(i)
    return tuple(out)


def segments(text: str) -> list[str]:
    """``text`` cut at its sure and unsure break positions (each piece keeps its
    trailing spaces): the words a table's column widths are measured by."""
    sure, unsure = break_candidates(text)
    cuts = sorted(sure | unsure)
    pieces, start = [], 0
    for c in cuts:
        pieces.append(text[start:c])
        start = c
    pieces.append(text[start:])
    return [p for p in pieces if p]
