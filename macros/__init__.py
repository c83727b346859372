"""mkdocs-macros module (`module_name: macros` in mkdocs.yml).

Hand-written pages in docs/ call {{ show("name") }} to insert a block rendered from
data/framework.yaml by templates/partials/name.md.j2. Nothing in docs/ repeats framework content.
"""
from __future__ import annotations

import posixpath

from markupsafe import escape

from rendering.csp import script_hash
from .inputs import get_framework
from rendering.pages import partial, recording


def define_env(env):
    fw = get_framework(env.conf.config_file_path)   # stops the build with a clear message if the YAML is bad
    # escaped here, where they leave the model: the hand-written pages print them as they are
    env.variables["framework_title"] = str(escape(fw.title))
    env.variables["edition"] = {"id": str(escape(fw.edition.id)), "date": fw.edition.date}

    @env.macro
    def show(name: str, **options) -> str:
        """Insert the block templates/partials/<name>.md.j2, with links relative to this page."""
        src = env.page.file.src_uri
        up = "../" * env.page.url.count("/")   # from this page's URL to the site root (for raw HTML links)
        src_up = "../" * src.count("/")        # from this page's Markdown file to docs/ (for Markdown links)
        with recording() as scripts:
            block = partial(get_framework(env.conf.config_file_path), name, up=up, src_up=src_up, **options)
        if scripts:   # the page's policy names each inline script by its hash (overrides/main.html)
            hashes = env.page.meta.setdefault("csp_hashes", [])
            hashes.extend(h for h in map(script_hash, scripts) if h not in hashes)
        return block

    @env.macro
    def count(what: str) -> int:
        """How many areas / statements / case_studies / steps / local_authorities the model holds."""
        fw_now = get_framework(env.conf.config_file_path)
        return {"areas": len(fw_now.areas), "statements": len(fw_now.statements),
                "case_studies": len(fw_now.case_studies), "steps": len(fw_now.how_to_use.steps),
                "local_authorities": len(fw_now.oap.local_authorities)}[what]

    env.macro(posixpath.join, "join_path")
