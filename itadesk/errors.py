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
