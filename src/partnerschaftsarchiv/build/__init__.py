"""Building the whole site, whatever engine turns pages into HTML (MkDocs, ProperDocs or a plain file writer).

The engine adapters (hooks/archive.py, the `render` command) only translate their events into these calls:

* `staging`: build into `<site>.partial/`, swap it into place only when everything succeeded;
* `languages`: one engine process per language, side by side, handed the validated archive;
* `archive_input`: the validated archive, read from `data/` or from the parent build;
* `root`: the files of the site's root (language chooser, 404 page, robots.txt, sitemap.xml);
* `language`: everything one language adds to its engine's build (pages, assets, exports, per-page context);
* `reuse`, `kept_files`: the preview's memory between rebuilds (pages rendered, laid out and indexed, their
  contexts, fragments of one record; files on disk, pages included).
"""

from .archive_input import BuildFailed, load_for_build
from .language import Alternate, LanguageBuild, PageContext
from .languages import LANGUAGE_ENV, SNAPSHOT_ENV, LanguageProcesses, engine_command
from .root import root_files, sitemap_pages
from .staging import StagedSite

__all__ = ["BuildFailed", "load_for_build", "Alternate", "LanguageBuild", "PageContext", "LANGUAGE_ENV",
           "SNAPSHOT_ENV", "LanguageProcesses", "engine_command", "root_files", "sitemap_pages", "StagedSite"]
