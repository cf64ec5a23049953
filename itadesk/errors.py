"""Typed errors of the core; the GUI and the CLI turn them into Thai messages."""


class ItadeskError(Exception):
    """Root of every error itadesk raises on purpose.

    ``message_th`` is shown to the clerk; ``str(err)`` stays English for logs.
    """

    def __init__(self, message_th: str, message_en: str | None = None):
        super().__init__(message_en or message_th)
        self.message_th = message_th


class ValidationError(ItadeskError):
    """A value typed by the user is not acceptable; ``field`` names it in Thai."""

    def __init__(self, field: str, message_th: str, message_en: str | None = None):
        super().__init__(f"{field}: {message_th}", message_en)
        self.field = field


class NotFoundError(ItadeskError):
    """A year, memo, measure … that the caller asked for does not exist."""


class DatabaseError(ItadeskError):
    """The database file is missing, damaged or from a newer itadesk."""


class ExportError(ItadeskError):
    """A document could not be produced."""


class ReadOnlyError(DatabaseError):
    """A write to a database opened read-only (a read-only file or folder, or a file another itadesk edits)."""


class FileInUseError(DatabaseError):
    """Another itadesk has the file open for editing; ``holder`` says who (user, computer, since)."""

    def __init__(self, message_th: str, message_en: str | None = None, holder=None):
        super().__init__(message_th, message_en)
        self.holder = holder


class ConflictError(ItadeskError):
    """What the clerk typed would overwrite a change made meanwhile elsewhere (another window, a script)."""


class UnusualValueError(ValidationError):
    """A value that is possible but most likely a slip (a date years away from its fiscal year):
    the window asks before keeping it; everywhere else it is refused."""
