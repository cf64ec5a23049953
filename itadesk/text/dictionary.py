"""The Thai word list of line breaking: its files, its merged copy, and the part of it a text can use.

The list is the stock words + itadesk's + the clerk's own (``thai_words_user.txt``), merged
once into a cached file under the data folder, keyed by the sources' paths and modification
times, so later starts read one file.

newmm (nlpO3) takes ~85 ms to build its trie from the 62,000 words, a tenth of typesetting a
long document. Yet newmm only ever matches words that occur in the text it cuts (a trie walk
along the text, then a choice among the matches), so a text is cut the same with any word list
that holds every listed word occurring in it. :func:`words_starting_with` gives such a list for a
document — the listed words that begin and end with one of the document's four-letter strings,
plus the short words — from a prefix index cached beside the merged list (a seventh of the words
for seed 002, built in ~10 ms).
"""

from __future__ import annotations

import hashlib
import marshal
import re
from array import array
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from .. import paths
from ..atomic import write_bytes

PREFIX = 4  # letters of the index key; a shorter word is in every part of the list
_SPACE = re.compile(r"\s")
_SPACES = re.compile(r"\s+")


def _files() -> list[Path]:
    files = [paths.resource("thai_words.txt"), paths.resource("thai_words_extra.txt")]
    user = paths.user_words_path()
    if user.exists():
        files.append(user)
    return files


def digest() -> str:
    """Names this version of the sources (their paths and modification times)."""
    return hashlib.sha1("\n".join(f"{f}:{f.stat().st_mtime_ns}" for f in _files()).encode()).hexdigest()[:12]


def merged(key: str) -> tuple[Path, list[str]]:
    """The merged list's file (written on first use) and its words."""
    path = paths.data_home() / "cache" / f"thai-dict-{key}.txt"
    if path.exists():
        return path, path.read_text(encoding="utf-8").splitlines()
    words: list[str] = []
    for f in _files():
        words += [w.strip() for w in f.read_text(encoding="utf-8").splitlines() if w.strip()]
    words = list(dict.fromkeys(words))
    write_bytes(path, ("\n".join(words) + "\n").encode("utf-8"))
    return path, words


class _Index:
    """The merged list grouped by first PREFIX letters: each group one stretch of ``blob``."""

    def __init__(self, keys: str, ends: bytes, blob: str, short: str, spaced: str):
        self.ends = array("I")
        self.ends.frombytes(ends)
        self.at = dict(zip(keys.split("\n"), range(len(self.ends)), strict=True)) if keys else {}
        self.blob, self.short = blob, short
        self.spaced = spaced.split("\n") if spaced else []  # the keys that hold a space ("ก ข ")

    def group(self, k: int) -> str:
        return self.blob[self.ends[k - 1] if k else 0:self.ends[k]]


@lru_cache(maxsize=2)
def prefix_index(key: str) -> _Index:
    """The index of the merged list, cached on disk beside it: one marshalled record of five
    flat values loads in a few ms (a dict of 24,000 strings took 20)."""
    path = paths.data_home() / "cache" / f"thai-dict-{key}.prefix{PREFIX}"
    if path.exists():
        try:
            return _Index(*marshal.loads(path.read_bytes()))
        except (EOFError, ValueError, TypeError):
            pass  # a damaged cache file is built again
    groups: dict[str, list[str]] = {}
    shorter = []
    for w in merged(key)[1]:
        if len(w) < PREFIX:
            shorter.append(w)
        else:
            groups.setdefault(w[:PREFIX], []).append(w)
    keys, ends, blob, pos = [], array("I"), [], 0
    for k, words in groups.items():
        text = "\n".join(words)
        keys.append(k)
        blob.append(text)
        pos += len(text)
        ends.append(pos)
    record = ("\n".join(keys), ends.tobytes(), "".join(blob), "\n".join(shorter), "\n".join(k for k in keys if _SPACE.search(k)))
    write_bytes(path, marshal.dumps(record))
    return _Index(*record)


def starts_of(key: str, texts: Iterable[str]) -> set[str]:
    """What a word list for ``texts`` is made from (see :func:`words_starting_with`): their
    PREFIX-letter strings — read without spaces too, as line breaking reads across a space —
    in one pass over the text without its spaces; the few index keys that hold a space are
    looked for as they are."""
    spaced = prefix_index(key).spaced
    out: set[str] = set()
    for t in texts:
        out |= grams(_SPACES.sub("", t))
        out.update(k for k in spaced if k in t)
    return out


def grams(text: str) -> set[str]:
    """The PREFIX-letter strings of ``text``."""
    return {text[i:i + PREFIX] for i in range(len(text) - PREFIX + 1)}


def words_starting_with(key: str, starts: set[str]) -> list[str]:
    """The listed words that begin and end with one of ``starts`` (PREFIX letters each: every
    PREFIX-letter string of a word that occurs in a text is one of the text's), and all shorter words."""
    index = prefix_index(key)
    at = index.at
    chunks = [index.short] + [index.group(at[g]) for g in starts if g in at]
    words = "\n".join(c for c in chunks if c).split("\n")
    # a third fewer for nlpO3 to load; an ending that holds a space may be in no index key, so not in ``starts``
    return [w for w in words if len(w) <= PREFIX or w[-PREFIX:] in starts or _SPACE.search(w[-PREFIX:])]


def covered(key: str, starts: set[str], text: str) -> bool:
    """Does a list built from ``starts`` hold every listed word that occurs in ``text``?

    Each such word of PREFIX letters or more begins with one of ``text``'s PREFIX-letter
    strings; only those that begin some listed word matter."""
    at = prefix_index(key).at
    return not any(g in at for g in grams(text) - starts)
