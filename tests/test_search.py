"""Search quality: the site's own search code, run as the browser runs it, over the built site.

The ranking exists once, in docs/assets/modules/search.mjs (with MiniSearch, pinned in package.json): the finish
step bundles both into the search worker, and the Node tests in tests/js/ import the same module over the built
site's search/documents.json and run every tuning query set (tests/search_queries.yaml, tests/search_queries_tuning2.yaml to _tuning7.yaml) against its floor, plus
what the model says must be found (every statement by its number, every glossary term by its name, every case
study by its title). Held-out sets are measured only as totals:
    node tests/js/search-figures.mjs SITE_DIR tests/search_queries_fresh8.yaml
"""
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_search_code_under_node(site_dir):
    result = subprocess.run(["node", "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "SEARCH_SITE": str(site_dir)}, timeout=600)
    failed = [line for line in result.stdout.splitlines() if line.startswith("not ok") or "error:" in line]
    assert result.returncode == 0, "\n".join(failed) or result.stdout[-3000:] + result.stderr[-3000:]


def test_every_statement_case_study_and_term_is_a_search_document(site_dir):
    import json
    from framework.load import load_framework
    fw = load_framework(ROOT / "data" / "framework.yaml")
    urls = {d["url"] for d in json.loads((site_dir / "search" / "documents.json").read_text())["docs"]}
    expected = ({f"{a.url}#{s.id}" for a in fw.areas for s in a.statements} | {cs.url for cs in fw.case_studies}
                | {f"glossary/#{g.anchor}" for g in fw.glossary})
    assert expected - urls == set()


def test_the_first_search_downloads_little(site_dir):
    """What the first search fetches: the worker (its ranking and MiniSearch bundled in, minified) and the documents,
    whose index it makes; at most 70 KiB gzip'd. tests/test_search_browser.py checks nothing else is fetched."""
    import gzip
    fetched = [site_dir / "assets" / "search-worker.js", site_dir / "search" / "documents.json"]
    size = sum(len(gzip.compress(path.read_bytes(), 6)) for path in fetched)
    assert size <= 70 * 1024, (f"the first search downloads {size / 1024:.1f} KiB, over 70 KiB: MAINTAINERS.md "
                               "(Search) says where room can be made")
    assert not (site_dir / "search" / "index.json").exists()


def test_the_engine_bundled_is_the_pinned_package(site_dir):
    """MiniSearch comes from node_modules at the version package.json pins, for the build (not only the tests)."""
    import json
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["minisearch"]
    package = ROOT / "node_modules" / "minisearch"
    assert json.loads((package / "package.json").read_text())["version"] == pinned
    assert "MiniSearch: duplicate ID" in (site_dir / "assets" / "search-worker.js").read_text(encoding="utf-8")
