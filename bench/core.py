"""The generator alone, without MkDocs: `python bench/core.py PROJECT` prints its timings as JSON.

Run in a fresh interpreter per measurement, so nothing is cached from an earlier run (schemas, catalogs,
templates): load = read + validate every file and build the archive; render = every page of every language.
"""

from __future__ import annotations

import json
import sys
import time

start = time.perf_counter()
from partnerschaftsarchiv.loading import load_archive  # noqa: E402  (the import is part of what is timed)
from partnerschaftsarchiv.project import Project  # noqa: E402
from partnerschaftsarchiv.rendering.site import SiteRenderer  # noqa: E402


def main(root: str) -> dict[str, float | int]:
    imported, cpu_imported = time.perf_counter(), time.process_time()
    project = Project.at(root)
    archive = load_archive(project.data_dir, project.root).archive
    loaded = time.perf_counter()
    site = SiteRenderer(archive, project.translations_dir, project.languages, project.layouts_dir)
    pages = sum(1 for lang in project.languages for _ in site.language(lang).render_pages())
    rendered = time.perf_counter()
    return {"import": imported - start, "load": loaded - imported, "render": rendered - loaded,
            "cpu": time.process_time() - cpu_imported, "pages": pages}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
