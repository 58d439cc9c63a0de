"""Language-dependent formatting and UI strings."""

from .catalog import load_translations, po_path
from .localizer import Localizer

__all__ = ["Localizer", "load_translations", "po_path"]
