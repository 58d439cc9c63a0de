"""What the renderer hands to a publisher (MkDocs or anything else): pages and a navigation, per language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

__all__ = ["PlannedPage", "RenderedPage", "NavLink", "NavSection", "NavItem"]


@dataclass(frozen=True)
class RenderedPage:
    """One page in one language.

    `key` is the stable, language-independent path without extension (Hugo's translation key): the German and
    Russian versions of a page share it, so each can point at the other. `title` and `description` are plain text;
    `html` is the finished, escaped content.
    """

    key: str
    lang: str
    title: str
    html: str
    description: str = ""
    # The language of the main text where it is a fallback to the original ("" when it is in `lang`).
    fallback_lang: str = ""
    # The data file the page shows, relative to the project ("data/seminars/2017-06-moskau.yml"), for an
    # "Edit this page" link; "" for pages made from many entries.
    source_path: str = ""
    # Name/content pairs for the page head: the citation tags reference managers read ("" for none).
    head_meta: tuple[tuple[str, str], ...] = ()
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def src_uri(self) -> str:
        return f"{self.key}.md"

    @property
    def url(self) -> str:
        return f"{self.key}.html"


@dataclass(frozen=True)
class PlannedPage:
    """A page not rendered yet: what it shows (for `page_inputs.PageInputs.page`) and how to render it."""

    key: str
    shows: Callable[[], object]
    render: Callable[[], RenderedPage]


@dataclass(frozen=True)
class NavLink:
    title: str
    key: str


@dataclass(frozen=True)
class NavSection:
    title: str
    children: tuple[NavLink, ...]


NavItem = NavLink | NavSection
