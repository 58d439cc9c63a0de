"""The page a preview server shows while the site cannot be built: every problem (`file:line: field: why`), in
place of any page, until the files are fixed; then the page reloads by itself."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import jinja2

from ..i18n import Localizer, load_translations

__all__ = ["ERROR_MARK", "build_error_page"]

# In every error page and in no page of the site: how the page's own check tells the two apart.
ERROR_MARK = "data-archive-build-error"


def build_error_page(problems: Iterable[str], translations_dir: Path, languages: Sequence[str]) -> str:
    texts = []
    for lang in languages:
        l10n = Localizer(lang, load_translations(translations_dir, lang))
        texts.append({"lang": lang,
                      "title": l10n.gettext("The preview cannot be built"),
                      "intro": l10n.gettext("Fix the problems below and save: this page then shows the site "
                                            "again by itself.")})
    env = jinja2.Environment(loader=jinja2.PackageLoader("partnerschaftsarchiv.rendering", "templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined)
    return env.get_template("build_error.html").render(texts=texts, problems=list(problems))
