"""UI labels for the archive's controlled vocabularies, marked for `pybabel extract` (keyword `N_`).

They are translated at render time through the language's catalog; nothing here is language-specific.
"""

from __future__ import annotations

from ..structure import EventStatus, PlaceRole, RecordKind, RegistryKind, RelationType, Role, TranslationStatus


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message


def NP_(context: str, message: str) -> tuple[str, str]:
    """Mark a string with a gettext context (keyword `NP_:1c,2`): Russian words agree with the record's kind."""
    return context, message


def NN_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair (keyword `NN_:1,2`) for `ngettext`."""
    return singular, plural


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
# A status is said of a record of one kind: the context is the kind, so that Russian agrees in gender
# ("семинар состоялся", "встреча состоялась", "соглашение подписано"). The keys follow the schemas' enums.
STATUS = {
    RecordKind.SEMINAR: {
        EventStatus.PLANNED: NP_("seminar", "planned"),
        EventStatus.HELD: NP_("seminar", "held"),
        EventStatus.CANCELLED: NP_("seminar", "cancelled"),
    },
    RecordKind.MEETING: {
        EventStatus.PLANNED: NP_("meeting", "planned"),
        EventStatus.HELD: NP_("meeting", "held"),
        EventStatus.CANCELLED: NP_("meeting", "cancelled"),
    },
    RecordKind.AGREEMENT: {
        EventStatus.SIGNED: NP_("agreement", "signed"),
        EventStatus.IN_FORCE: NP_("agreement", "in force"),
        EventStatus.SUPERSEDED: NP_("agreement", "superseded"),
    },
    RecordKind.PROJECT: {
        EventStatus.PLANNED: NP_("project", "planned"),
        EventStatus.RUNNING: NP_("project", "running"),
        EventStatus.COMPLETED: NP_("project", "completed"),
    },
}
# "4 seminars", "3 встречи": a count of records of one kind names the kind in the number's plural form.
KIND_COUNT = {
    RecordKind.SEMINAR: NN_("%(num)s seminar", "%(num)s seminars"),
    RecordKind.AGREEMENT: NN_("%(num)s agreement", "%(num)s agreements"),
    RecordKind.PROJECT: NN_("%(num)s project", "%(num)s projects"),
    RecordKind.MEETING: NN_("%(num)s meeting", "%(num)s meetings"),
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
    "translation_status": TRANSLATION_STATUS, "organization_type": ORGANIZATION_TYPE,
}
VOCABULARIES["place_role"] = PLACE_ROLE
