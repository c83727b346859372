"""A maintainer's mistakes, made by machine: every mutation of a copy of data/framework.yaml is either
refused with `framework.yaml:LINE: ...` (and no traceback), or loads with the change visible in the model.

The mutations are derived from the parsed tree (every key, list and scalar it holds), so the test keeps
working when the YAML's shape changes. hypothesis picks them, seeded (derandomize=True) and bounded.
The loader and every renderer (pages, partials, downloads) run in-process for speed; a few accepted
mutations are then built with mkdocs to confirm the change reaches the HTML.

Run with -s to see the figures: mutations, refused, accepted-with-visible-change, and the failures.
"""
from __future__ import annotations

import copy
import dataclasses
import datetime
import re
import shutil
import traceback
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import ROOT, build_site, copy_project
from outputs import downloads, open_data
from rendering import pages
from framework.load import FrameworkError, load_framework
from rendering.navigation import site_nav

MUTATIONS = 260
SOURCE = ROOT / "data" / "framework.yaml"
PARTIALS = sorted(p.name.removesuffix(".md.j2") for p in (ROOT / "rendering" / "templates" / "partials").glob("*.md.j2"))
REFUSED = re.compile(r"(^|\n)data/framework\.yaml:\d+: ")


def _plain(node):
    """The parsed YAML as plain dicts/lists (so it can be copied, mutated and dumped)."""
    if isinstance(node, dict):
        return {k: _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def _meaning(node):
    """The parsed YAML with runs of white space in text made one space (as the site shows text)."""
    if isinstance(node, dict):
        return {k: _meaning(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_meaning(v) for v in node]
    return " ".join(node.split()) if isinstance(node, str) else node


def _load(text: str):
    """The YAML as plain data, read with libyaml (PyYAML's C parser, the one the site's loader uses; the
    pure-Python one took most of this test's time)."""
    return yaml.load(text, Loader=yaml.CSafeLoader)


ORIGINAL_TEXT = SOURCE.read_text(encoding="utf-8")
ORIGINAL = _plain(_load(ORIGINAL_TEXT))
ORIGINAL_MEANING = _meaning(ORIGINAL)


def _paths(node, path=()):
    """Every (path, value) in the tree: path is a tuple of keys and list indexes."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, path + (index,))


ALL = list(_paths(ORIGINAL))
KEYS = [p for p, _ in ALL if p and isinstance(p[-1], str)]
LISTS = [p for p, v in ALL if isinstance(v, list) and v]
SCALARS = [p for p, v in ALL if p and not isinstance(v, (dict, list))]
MAPPINGS = [p for p, v in ALL if isinstance(v, dict)]
ID_LISTS = [p for p, v in ALL if isinstance(v, list) and len(v) > 1 and all(isinstance(x, dict) and "id" in x for x in v)]


def _get(tree, path):
    for step in path:
        tree = tree[step]
    return tree


def _near_miss(word: str, pick: int) -> str:
    """A plausible typo: drop, double or swap a letter, or change the case."""
    i = pick % max(len(word) - 1, 1)
    kind = pick % 4
    if kind == 0 and len(word) > 2:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    if kind == 2 and len(word) > 2 and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word.capitalize() if word != word.capitalize() else word.upper()


OTHER_TYPES = [42, True, 2026.10, datetime.date(2026, 1, 8), None, ["a list"], {"a": "mapping"}, "", "SEN/D", "Yes"]
STRAY = ["\t", ": ", "- ", "{", "]", "&x ", "*y ", "%", "@", "`", "\x00", '"', "'", "!!int ", "? "]


def _dump(tree) -> str:
    return yaml.dump(tree, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=110)


@st.composite
def mutations(draw):
    """(description, mutated YAML text, must it be refused?).

    Must be refused: a misspelt or unknown key, a value of another type (no coercion: 42 is not text,
    "Yes" is not a list), an empty text, a non-https URL. Other mutations may be accepted if they show."""
    kind = draw(st.sampled_from(["rename_key", "delete_key", "retype", "empty_list", "duplicate_entry",
                                 "delete_entry", "swap_ids", "add_key", "stray_bytes", "bad_indent"]))
    tree = copy.deepcopy(ORIGINAL)
    must_refuse = kind in ("rename_key", "add_key")
    pick = draw(st.integers(0, 10_000))
    if kind in ("stray_bytes", "bad_indent"):
        lines = ORIGINAL_TEXT.split("\n")
        n = draw(st.integers(0, len(lines) - 2))
        if kind == "stray_bytes":
            stray = draw(st.sampled_from(STRAY))
            col = pick % (len(lines[n]) + 1)
            lines[n] = lines[n][:col] + stray + lines[n][col:]
            what = f"{stray!r} inserted on line {n + 1}"
        else:
            shift = draw(st.sampled_from([-3, -2, -1, 1, 2, 3]))
            lines[n] = " " * shift + lines[n] if shift > 0 else lines[n][-shift:] if lines[n][:-shift].strip() == "" else lines[n]
            what = f"line {n + 1} indented by {shift}"
        text = "\n".join(lines)
        try:
            same = _meaning(_load(text)) == ORIGINAL_MEANING
        except yaml.YAMLError:
            same = False
        assume(not same)       # a text edit that changes nothing is not a mistake
        return what, text, False
    if kind == "rename_key":
        path = draw(st.sampled_from(KEYS))
        parent, key = _get(tree, path[:-1]), path[-1]
        new = _near_miss(key, pick)
        assume(new not in parent)
        parent[new] = parent.pop(key)
        what = f"key {'/'.join(map(str, path))} renamed to {new!r}"
    elif kind == "delete_key":
        path = draw(st.sampled_from(KEYS))
        parent = _get(tree, path[:-1])
        assume(parent[path[-1]] not in ([], {}, None, ""))   # deleting an empty default changes nothing
        del parent[path[-1]]
        what = f"key {'/'.join(map(str, path))} deleted"
    elif kind == "retype":
        path = draw(st.sampled_from(SCALARS))
        parent, old = _get(tree, path[:-1]), _get(tree, path)
        new = draw(st.sampled_from(OTHER_TYPES + ([str(old)] if not isinstance(old, str) else [])))
        assume(type(new) is not type(old) or (new == "" and old != ""))
        parent[path[-1]] = new
        what = f"{'/'.join(map(str, path))} set to {new!r}"
        must_refuse = new is not None and not isinstance(new, datetime.date)
    elif kind == "empty_list":
        path = draw(st.sampled_from(LISTS))
        _get(tree, path[:-1])[path[-1]] = []
        what = f"{'/'.join(map(str, path))} emptied"
    elif kind in ("duplicate_entry", "delete_entry"):
        path = draw(st.sampled_from(LISTS))
        target = _get(tree, path)
        i = pick % len(target)
        if kind == "duplicate_entry":
            target.insert(i, copy.deepcopy(target[i]))
        else:
            assume(len(target) > 1)
            del target[i]
        what = f"{'/'.join(map(str, path))}[{i}] {'duplicated' if kind == 'duplicate_entry' else 'deleted'}"
    elif kind == "swap_ids":
        path = draw(st.sampled_from(ID_LISTS))
        target = _get(tree, path)
        i, j = pick % len(target), (pick // 7) % len(target)
        assume(i != j)
        target[i]["id"], target[j]["id"] = target[j]["id"], target[i]["id"]
        what = f"ids of {'/'.join(map(str, path))}[{i}] and [{j}] swapped"
    else:  # add_key
        path = draw(st.sampled_from(MAPPINGS))
        target = _get(tree, path)
        key, value = draw(st.sampled_from([("url", "javascript:alert(1)"), ("url", "http://example.org/x"),
                                           ("featurd", ["the-hive"]), ("summary", 3)]))
        assume(key not in target)
        target[key] = value
        what = f"{key}: {value!r} added to {'/'.join(map(str, path)) or 'top level'}"
    return what, _dump(tree), must_refuse


def _fingerprint(obj, seen=None):
    """Everything the model holds, as plain data (objects already seen appear as their id)."""
    seen = set() if seen is None else seen
    if dataclasses.is_dataclass(obj) or hasattr(obj, "model_dump"):
        if id(obj) in seen:
            return ("ref", getattr(obj, "id", None) or getattr(obj, "term", None) or type(obj).__name__)
        seen.add(id(obj))
        names = ([f.name for f in dataclasses.fields(obj)] if dataclasses.is_dataclass(obj)
                 else list(type(obj).model_fields))
        return (type(obj).__name__, tuple((n, _fingerprint(getattr(obj, n), seen)) for n in names))
    if isinstance(obj, dict):
        return tuple((k, _fingerprint(v, seen)) for k, v in obj.items())
    if isinstance(obj, (list, tuple)):
        return tuple(_fingerprint(v, seen) for v in obj)
    return obj


def _render_everything(fw):
    """Every page, partial and download the build would make from this model (raises what they raise)."""
    out = [site_nav(fw), pages.abbreviation_lines(fw)]
    out += [pages.area_page(fw, a.id) for a in fw.areas]
    out += [pages.case_study_page(fw, c.id) for c in fw.case_studies]
    out += [pages.knowledge_page(fw, p.id) for p in fw.knowledge_pages]
    out += [pages.partial(fw, name, up="../", src_up="../") for name in PARTIALS]
    out += [open_data.framework_json(fw), downloads.statements_csv(fw), downloads.case_studies_csv(fw)]
    return out


def _try(text: str, folder: Path):
    """(outcome, detail, model) for this YAML text: refused / refused-without-line / traceback / accepted."""
    data = folder / "data"
    if not data.is_dir():        # the other data files, copied once per folder (the loader only reads them)
        data.mkdir(parents=True)
        for extra in (ROOT / "data").iterdir():
            if extra.name != "framework.yaml" and extra.is_file():
                shutil.copy(extra, data / extra.name)
    path = data / "framework.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        fw = load_framework(path, ROOT / "data" / "knowledge")
    except FrameworkError as error:
        message = str(error)
        return ("refused" if REFUSED.search(message) else "refused-without-line"), message, None
    except Exception:
        return "traceback", traceback.format_exc(limit=-3), None
    try:
        _render_everything(fw)
    except Exception:
        return "traceback", traceback.format_exc(limit=-3), None
    return "accepted", "", fw


RESULTS: list[tuple[str, str, str]] = []     # (outcome, mutation, detail)
SEEN: set[str] = set()
ACCEPTED_TEXTS: list[tuple[str, str]] = []


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    outcome, detail, fw = _try(ORIGINAL_TEXT, tmp_path_factory.mktemp("baseline"))
    assert outcome == "accepted", detail
    return _fingerprint(fw)


def test_every_mutation_is_refused_with_a_line_or_visible(baseline, tmp_path_factory):
    folder = tmp_path_factory.mktemp("mutation")

    @settings(max_examples=MUTATIONS, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(mutations())
    def run(mutation):
        what, text, must_refuse = mutation
        if text in SEEN:
            return
        SEEN.add(text)
        outcome, detail, fw = _try(text, folder)
        if outcome == "accepted":
            if must_refuse:
                outcome = "accepted-wrongly"
            elif _fingerprint(fw) == baseline:
                outcome = "accepted-silently"
            else:
                outcome = "accepted-visible"
                ACCEPTED_TEXTS.append((what, text))
        RESULTS.append((outcome, what, detail))

    run()
    counts = Counter(outcome for outcome, _, _ in RESULTS)
    print(f"\nYAML mutations: {len(RESULTS)}; refused with file:line {counts['refused']}; "
          f"accepted with visible change {counts['accepted-visible']}; tracebacks {counts['traceback']}; "
          f"refused without a line {counts['refused-without-line']}; accepted silently {counts['accepted-silently']}; "
          f"accepted but should be refused {counts['accepted-wrongly']}")
    bad = [r for r in RESULTS if r[0] not in ("refused", "accepted-visible")]
    for outcome, what, detail in bad[:40]:
        print(f"  {outcome}: {what}\n      {detail.strip().splitlines()[-1] if detail.strip() else ''}")
    assert len(RESULTS) >= 200
    assert not bad, f"{len(bad)} mutations were not handled well: {Counter(o for o, _, _ in bad)}"


def test_a_sample_of_accepted_mutations_reaches_the_html(site_dir, tmp_path_factory):
    """Build three accepted mutations with mkdocs: each builds and its HTML differs from the real site's."""
    if not ACCEPTED_TEXTS:
        pytest.skip("run with the mutation test")
    real = site_dir

    def html(out: Path) -> dict[str, str]:
        return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*.html")}

    before = html(real)
    step = max(len(ACCEPTED_TEXTS) // 3, 1)
    for what, text in ACCEPTED_TEXTS[::step][:3]:
        project = copy_project(tmp_path_factory.mktemp("project"))
        (project / "data" / "framework.yaml").write_text(text, encoding="utf-8")
        out = project / "out"
        result = build_site(project, out)
        assert result.returncode == 0, f"{what}\n{result.stderr}"
        assert html(out) != before, f"{what}: built, but no page changed"
