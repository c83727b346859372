"""The finish step that minifies the site's own scripts (finish/scripts.py, esbuild): it reads today's JavaScript,
not only ES5, keeps what a script does and its global names, and leaves Material's and inline scripts alone."""
from __future__ import annotations

import re
import shutil
import subprocess

from conftest import ROOT
from finish.scripts import IMPORTS, minify_scripts

MODERN = """
// a comment that goes
(() => {
class Tally { constructor() { this.counts = new Map(); }
  add(key, by = 1) { this.counts.set(key, (this.counts.get(key) ?? 0) + by); return this; } }
const longLocalName = (items) => items.reduce((tally, item) => tally.add(item?.id), new Tally());
globalThis.report = `${[...longLocalName([{id: "a"}, {id: "b"}, {id: "a"}]).counts].join(";")}`;
console.log(globalThis.report);
})();
"""


def run(path) -> str:
    return subprocess.run(["node", str(path)], capture_output=True, text=True, check=True).stdout


def test_a_modern_script_is_minified_and_does_the_same(tmp_path):
    assets = tmp_path / "assets"
    (assets / "javascripts").mkdir(parents=True)
    script = assets / "tally.js"
    script.write_text(MODERN, encoding="utf-8")
    before = run(script)
    material = assets / "javascripts" / "bundle.js"
    material.write_text(MODERN, encoding="utf-8")
    minify_scripts(tmp_path)
    after = script.read_text(encoding="utf-8")
    assert len(after) < len(MODERN) * 0.8 and "a comment" not in after and "longLocalName" not in after
    assert "globalThis.report" in after                       # a global keeps its name
    assert run(script) == before == "a,2;b,1\n"
    assert material.read_text(encoding="utf-8") == MODERN     # the theme's own scripts are left as shipped


def test_the_built_site_carries_our_scripts_minified(site_dir):
    for source in sorted((ROOT / "docs" / "assets").glob("*.js")):
        built = (site_dir / "assets" / source.name).read_text(encoding="utf-8")
        text = source.read_text(encoding="utf-8")
        if IMPORTS.search(text):        # bundled: bigger than its source by what it imports, and no comment left
            assert "/*" not in built and not IMPORTS.search(built), f"{source.name} is not bundled and minified"
            continue
        assert len(built) < 0.8 * len(text), f"{source.name} is not minified"
    assert not (site_dir / "assets" / "modules").exists()
    assert shutil.which("node")


def test_a_script_that_imports_modules_is_bundled_and_the_modules_are_not_published(tmp_path):
    """ES modules live in assets/modules/*.mjs; a page's script that imports them gets them bundled into it."""
    assets = tmp_path / "assets"
    (assets / "modules").mkdir(parents=True)
    (assets / "modules" / "tally.mjs").write_text(
        "export function tally(items) { const t = new Map();\n"
        "  for (const i of items) t.set(i, (t.get(i) ?? 0) + 1); return [...t].join(';'); }\n", encoding="utf-8")
    entry = assets / "page.js"
    entry.write_text('import { tally } from "./modules/tally.mjs";\nconsole.log(tally(["a", "b", "a"]));\n',
                     encoding="utf-8")
    minify_scripts(tmp_path)
    built = entry.read_text(encoding="utf-8")
    assert "import" not in built and "export" not in built
    assert run(entry) == "a,2;b,1\n"
    assert not (assets / "modules").exists()
