"""Every file itadesk writes (PDFs, backups, the demo, caches) goes through here.

A temporary file in the target's own folder is written, flushed to disk,
given the folder's normal permissions and renamed onto the target in one step:
the clerk never finds half a PDF or half a database, and a failure leaves
nothing behind. ``tempfile.mkstemp`` creates files readable by their owner only
(0600) — wrong for a PDF on a shared office folder — so the mode is reset to
what a plain ``open()`` would give (0666 less the umask), or kept from the file
being replaced.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import ItadeskError

TEMP_PREFIX = ".itadesk-"
_umask_lock = threading.Lock()


def _default_mode() -> int:
    # the umask can only be read by setting it; do it under a lock and restore at once
    with _umask_lock:
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a directory; its rename is durable enough
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def atomic_path(target: str | Path, *, overwrite: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; when the block ends without error the
    file is synced and renamed onto ``target``. On error it is removed.

    ``overwrite=False`` refuses an existing target (checked before and at the rename).
    """
    target = Path(target)
    if not overwrite and target.exists():
        raise ItadeskError(f"มีไฟล์ {target} อยู่แล้ว จะไม่เขียนทับ", f"{target} exists; refusing to overwrite")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=target.suffix + ".part", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        mode = target.stat().st_mode & 0o777 if target.exists() else _default_mode()
        os.chmod(tmp, mode)
        if overwrite:
            os.replace(tmp, target)
        else:
            # link + unlink: fails if the target appeared meanwhile instead of replacing it
            try:
                os.link(tmp, target)
            except FileExistsError:
                raise ItadeskError(f"มีไฟล์ {target} อยู่แล้ว จะไม่เขียนทับ", f"{target} exists; refusing to overwrite") from None
            except OSError:  # a file system without hard links (FAT on a USB stick)
                if target.exists():
                    raise ItadeskError(f"มีไฟล์ {target} อยู่แล้ว จะไม่เขียนทับ", f"{target} exists") from None
                os.replace(tmp, target)
            tmp.unlink(missing_ok=True)
        _fsync_dir(target.parent)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            if leftover.exists():
                leftover.unlink()


def write_bytes(target: str | Path, data: bytes) -> Path:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return Path(target)
