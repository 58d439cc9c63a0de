"""Topics that occur together: a topic page points readers to its neighbours."""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from .entries import Record

__all__ = ["related_topics"]


def related_topics(records: Iterable[Record], topic_id: str) -> list[tuple[str, int]]:
    """Other topics named by the records that name `topic_id`, with how many records they share, most first."""
    shared = Counter(other for record in records if topic_id in record.topics
                     for other in dict.fromkeys(record.topics) if other != topic_id)
    return sorted(shared.items(), key=lambda item: (-item[1], item[0]))
