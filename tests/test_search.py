"""Search quality: the site's own search code, run as the browser runs it, over the built site.

The ranking exists once, in docs/assets/search.js (with MiniSearch, docs/assets/vendor/minisearch.js). The
Node tests in tests/js/ load the built site's copies of both and its search/documents.json and run every tuning
query set (tests/search_queries.yaml, tests/search_queries_tuning2.yaml to _tuning7.yaml) against its floor, plus
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


def test_the_index_is_made_when_the_site_is_built(site_dir):
    """search/index.json: MiniSearch's index of every document, made by the site's own search code at build time
    (finish/search_index.py), so the worker loads it instead of making it on a phone."""
    import json
    documents = json.loads((site_dir / "search" / "documents.json").read_text())["docs"]
    index = json.loads((site_dir / "search" / "index.json").read_text())
    assert index["serializationVersion"] == 2 and index["documentCount"] == len(documents)
    terms = {term for term, _ in index["index"]}
    assert {"scaffolding", "apdr", "2.3"} <= terms


def test_the_index_is_small(site_dir):
    import gzip
    raw = (site_dir / "search" / "documents.json").read_bytes()
    assert len(gzip.compress(raw, 6)) <= 70 * 1024


def test_the_vendored_engine_is_the_pinned_package():
    """docs/assets/vendor/minisearch.js is MiniSearch's own UMD build, at the version package.json pins."""
    import json
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]["minisearch"]
    package = ROOT / "node_modules" / "minisearch"
    assert json.loads((package / "package.json").read_text())["version"] == pinned
    assert (package / "dist" / "umd" / "index.js").read_bytes() == (ROOT / "docs/assets/vendor/minisearch.js").read_bytes()
