"""Open data: every record as JSON, CSV, iCalendar and Atom, per language. Plain bytes, no publisher knowledge."""

from .catalog import EXPORT_FORMATS, LICENCE_NOTE, ExportFormat
from .language import ExportFile, language_exports
from .record_data import record_data
from .clock import build_time
from .history import last_changes

__all__ = ["EXPORT_FORMATS", "LICENCE_NOTE", "ExportFormat", "ExportFile", "language_exports", "record_data",
           "build_time", "last_changes"]
