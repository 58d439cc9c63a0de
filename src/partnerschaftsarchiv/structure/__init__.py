"""Plain data classes of the archive's domain, kept apart from loading and rendering."""

from .archive import Archive, LinkedRecord
from .dates import EdtfDate, EdtfError, EdtfPoint, Precision, Season, parse_edtf
from .entries import (
    Citation, Entry, Organization, Participation, Person, Place, PlaceMention, Record, RegistryEntry, Relation, Source,
    Topic,
)
from .kinds import EventStatus, PlaceRole, RecordKind, RegistryKind, RelationType, Role
from .text import LocalizedText, ResolvedText, Review, Translation, TranslationStatus

__all__ = [
    "Archive", "LinkedRecord", "EdtfDate", "EdtfError", "EdtfPoint", "Precision", "Season", "parse_edtf",
    "Citation", "Entry", "Organization", "Participation", "Person", "Place", "Record", "RegistryEntry", "Relation",
    "Source", "Topic", "EventStatus", "RecordKind", "RegistryKind", "RelationType", "Role",
    "LocalizedText", "ResolvedText", "Translation", "TranslationStatus", "PlaceMention", "PlaceRole", "Review",
]
