"""The kinds of things the archive holds and the folders they live in under `data/` and on the site."""

from __future__ import annotations

import enum

__all__ = ["RecordKind", "RegistryKind", "Role", "PlaceRole", "RelationType", "EventStatus"]


class RecordKind(str, enum.Enum):
    """Records: dated things that happened or were agreed."""

    SEMINAR = "seminar"
    AGREEMENT = "agreement"
    PROJECT = "project"
    MEETING = "meeting"

    @property
    def folder(self) -> str:
        return self.value + "s"


class RegistryKind(str, enum.Enum):
    """Registries: what records refer to."""

    TOPIC = "topic"
    ORGANIZATION = "organization"
    PERSON = "person"
    PLACE = "place"
    SOURCE = "source"

    @property
    def folder(self) -> str:
        return "people" if self is RegistryKind.PERSON else self.value + "s"


class Role(str, enum.Enum):
    """What an organization or a person did in a record."""

    ORGANIZER = "organizer"
    COORDINATOR = "coordinator"
    PARTICIPANT = "participant"
    PARTY = "party"
    HOST = "host"
    LEADER = "leader"
    INITIATOR = "initiator"
    PREPARATION = "preparation"
    IMPLEMENTER = "implementer"
    ENDORSER = "endorser"
    # Sent the delegation to a seminar or visit.
    DELEGATION = "delegation"
    # Was visited by the participants (a job shadowing, a visit).
    VISITED = "visited"


class PlaceRole(str, enum.Enum):
    """What a place was to a record: where it took place, or a place the participants visited."""

    VENUE = "venue"
    VISITED = "visited"


class RelationType(str, enum.Enum):
    """A directed link from one record to another; pages show it from both ends."""

    RESTS_ON = "rests_on"
    PART_OF = "part_of"
    PREPARES = "prepares"
    CONTINUES = "continues"
    RESULTS_IN = "results_in"


class EventStatus(str, enum.Enum):
    """Status values; which ones a kind allows is in its JSON Schema."""

    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"
    SIGNED = "signed"
    IN_FORCE = "in_force"
    SUPERSEDED = "superseded"
    RUNNING = "running"
    COMPLETED = "completed"
