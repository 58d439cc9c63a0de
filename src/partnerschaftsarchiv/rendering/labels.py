"""UI labels for the archive's controlled vocabularies, marked for `pybabel extract` (keyword `N_`).

They are translated at render time through the language's catalog; nothing here is language-specific.
"""

from __future__ import annotations

from ..structure import EventStatus, PlaceRole, RecordKind, RegistryKind, RelationType, Role, TranslationStatus


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message


KIND = {
    RecordKind.SEMINAR: N_("Seminar"),
    RecordKind.AGREEMENT: N_("Agreement"),
    RecordKind.PROJECT: N_("Project"),
    RecordKind.MEETING: N_("Meeting"),
}
KIND_PLURAL = {
    RecordKind.SEMINAR: N_("Seminars"),
    RecordKind.AGREEMENT: N_("Agreements"),
    RecordKind.PROJECT: N_("Projects"),
    RecordKind.MEETING: N_("Meetings"),
}
REGISTRY_PLURAL = {
    RegistryKind.TOPIC: N_("Topics"),
    RegistryKind.ORGANIZATION: N_("Organizations"),
    RegistryKind.PERSON: N_("People"),
    RegistryKind.PLACE: N_("Places"),
    RegistryKind.SOURCE: N_("Sources"),
}
REGISTRY = {
    RegistryKind.TOPIC: N_("Topic"),
    RegistryKind.ORGANIZATION: N_("Organization"),
    RegistryKind.PERSON: N_("Person"),
    RegistryKind.PLACE: N_("Place"),
    RegistryKind.SOURCE: N_("Source"),
}
ROLE = {
    Role.ORGANIZER: N_("organizer"),
    Role.COORDINATOR: N_("professional support and organisation"),
    Role.PARTICIPANT: N_("participant"),
    Role.PARTY: N_("party"),
    Role.HOST: N_("host"),
    Role.LEADER: N_("leader"),
    Role.INITIATOR: N_("initiator"),
    Role.PREPARATION: N_("preparation"),
    Role.IMPLEMENTER: N_("implementer"),
    Role.ENDORSER: N_("endorser"),
    Role.DELEGATION: N_("sent the delegation"),
    Role.VISITED: N_("was visited"),
}
PLACE_ROLE = {
    PlaceRole.VENUE: N_("venue"),
    PlaceRole.VISITED: N_("visited"),
}
# Read "this record <label> the other one".
RELATION_OUTGOING = {
    RelationType.RESTS_ON: N_("rests on"),
    RelationType.PART_OF: N_("part of"),
    RelationType.PREPARES: N_("prepares"),
    RelationType.CONTINUES: N_("continues"),
    RelationType.RESULTS_IN: N_("resulted in"),
}
RELATION_INCOMING = {
    RelationType.RESTS_ON: N_("basis for"),
    RelationType.PART_OF: N_("includes"),
    RelationType.PREPARES: N_("prepared by"),
    RelationType.CONTINUES: N_("continued by"),
    RelationType.RESULTS_IN: N_("resulted from"),
}
STATUS = {
    EventStatus.PLANNED: N_("planned"),
    EventStatus.HELD: N_("held"),
    EventStatus.CANCELLED: N_("cancelled"),
    EventStatus.SIGNED: N_("signed"),
    EventStatus.IN_FORCE: N_("in force"),
    EventStatus.SUPERSEDED: N_("superseded"),
    EventStatus.RUNNING: N_("running"),
    EventStatus.COMPLETED: N_("completed"),
}
TRANSLATION_STATUS = {
    TranslationStatus.ORIGINAL: N_("original text"),
    TranslationStatus.REVIEWED: N_("translation reviewed"),
    TranslationStatus.UNREVIEWED: N_("translation not yet reviewed"),
    TranslationStatus.MISSING: N_("translation missing"),
}
ORGANIZATION_TYPE = {
    "public_body": N_("public body"),
    "office": N_("office"),
    "ngo": N_("non-governmental organization"),
    "foundation": N_("foundation"),
    "embassy": N_("embassy"),
    "association": N_("association"),
}

VOCABULARIES = {
    "kind": KIND, "kind_plural": KIND_PLURAL, "registry": REGISTRY, "registry_plural": REGISTRY_PLURAL,
    "role": ROLE, "relation_outgoing": RELATION_OUTGOING, "relation_incoming": RELATION_INCOMING,
    "status": STATUS, "translation_status": TRANSLATION_STATUS, "organization_type": ORGANIZATION_TYPE,
}
VOCABULARIES["place_role"] = PLACE_ROLE
