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

import errno
import os
import re
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import ItadeskError

TEMP_PREFIX = ".itadesk-"
# ".itadesk-<pid>-<random><suffix>.part": the pid tells a file being written now from one
# left by a process that was killed or lost its disk (swept by ``sweep``)
_TEMP_NAME = re.compile(r"^\.itadesk-(?:(\d+)-)?")
STALE_UNKNOWN_S = 600  # a temporary file without a pid (an older itadesk) is stale after this
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
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=target.suffix + ".part", dir=target.parent)
        os.close(fd)
    except OSError as err:
        raise write_error(target, err) from err
    tmp = Path(name)
    try:
        try:
            yield tmp
        except OSError as err:  # the writer hit a full disk, a size limit, a vanished folder
            raise write_error(target, err) from err
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
    except OSError as err:
        raise write_error(target, err) from err
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass  # swept on the next run


def write_bytes(target: str | Path, data: bytes) -> Path:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return Path(target)


def write_error(target: Path, err: OSError) -> ItadeskError:
    """An OS error while writing ``target`` as a Thai message naming the file the clerk chose."""
    code = err.errno
    if code in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", -1)):
        what = "ดิสก์เต็มหรือไฟล์ใหญ่เกินขนาดที่ระบบยอมให้เขียน"
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS):
        what = "ไม่มีสิทธิ์เขียนไฟล์ในตำแหน่งนี้ (ไฟล์หรือโฟลเดอร์อ่านอย่างเดียว)"
    elif code == errno.ENOENT:
        what = f"ไม่พบโฟลเดอร์ {target.parent}"
    else:
        what = f"ระบบแจ้งว่า {err.strerror or err}"
    return ItadeskError(f"เขียนไฟล์ {target} ไม่สำเร็จ: {what} ไม่มีไฟล์ที่เขียนไม่ครบเหลืออยู่", f"writing {target}: {err}")


def ignore_file_size_signal() -> None:
    """A file size limit (ulimit -f) then fails the write with EFBIG, which becomes a Thai
    message, instead of killing the program with SIGXFSZ."""
    if hasattr(signal, "SIGXFSZ") and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if os.name == "nt":  # pragma: no cover - Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep(folder: str | Path) -> list[Path]:
    """Remove the temporary files that interrupted writes left in ``folder`` (an export or a
    backup killed half-way, a full disk); a file another running itadesk is writing stays."""
    removed: list[Path] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    now = time.time()
    for p in entries:
        m = _TEMP_NAME.match(p.name)
        if not m or not p.is_file():
            continue
        try:
            stale = not pid_alive(int(m.group(1))) if m.group(1) else now - p.stat().st_mtime > STALE_UNKNOWN_S
            if stale:
                p.unlink()
                removed.append(p)
        except OSError:
            continue
    return removed


def sweep_dirs(parent: str | Path, prefix: str) -> list[Path]:
    """Remove folders ``<prefix><pid>-…`` in ``parent`` whose process has ended (the preview
    folder of a window that was killed)."""
    import shutil

    removed: list[Path] = []
    pattern = re.compile(re.escape(prefix) + r"(\d+)-")
    try:
        entries = list(Path(parent).iterdir())
    except OSError:
        return removed
    for p in entries:
        m = pattern.match(p.name)
        if m and p.is_dir() and not pid_alive(int(m.group(1))):
            shutil.rmtree(p, ignore_errors=True)
            removed.append(p)
    return removed
