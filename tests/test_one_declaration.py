"""Each shape of the YAML is declared once (framework/schema.py): the model and the open data follow it."""
import subprocess
import sys

import pytest

from conftest import BUILD_ENV, copy_project
from framework import model, schema


def test_a_new_area_field_needs_only_the_schema_and_one_template(tmp_path):
    """The maintainer's edit for a new field on area pages: declare it, show it, write it in the YAML.
    No other code file changes, and the generated area page shows it."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    declared = project / "framework" / "schema.py"
    text = declared.read_text(encoding="utf-8")
    anchor = "class AreaIn(Declared):\n    id: Id\n    number: Number\n    name: Text\n"
    assert anchor in text
    declared.write_text(text.replace(anchor, anchor + "    lead: Text | None = None\n"), encoding="utf-8")
    template = project / "rendering" / "templates" / "area.md.j2"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("# {{ area.title }}\n", "# {{ area.title }}\n\n"
                                     "{% if area.lead %}<p class=\"area-lead\">{{ area.lead|e }}</p>{% endif %}\n", 1),
                        encoding="utf-8")
    data = project / "data" / "framework.yaml"
    text = data.read_text(encoding="utf-8")
    assert "\n- id: leadership-of-send\n" in text
    data.write_text(text.replace("\n- id: leadership-of-send\n",
                                 "\n- id: leadership-of-send\n  lead: A lead line only this test writes.\n", 1),
                    encoding="utf-8")
    out = tmp_path / "generated" / "docs"
    result = subprocess.run([sys.executable, "-m", "macros.generate", str(out), "--config", str(project / "mkdocs.yml")],
                            cwd=project, capture_output=True, text=True, env=BUILD_ENV, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (out / "areas" / "leadership-of-send.md").read_text(encoding="utf-8")
    assert '<p class="area-lead">A lead line only this test writes.</p>' in page
    other = (out / "areas" / "outcomes-for-learners-with-send.md").read_text(encoding="utf-8")
    assert "area-lead" not in other


def test_every_declared_key_is_an_attribute_of_its_model_class():
    for name in dir(schema):
        declared = getattr(schema, name)
        if isinstance(declared, type) and issubclass(declared, schema.Declared) and declared is not schema.Declared \
                and declared is not schema.AreaTiersIn and declared is not schema.CaseStudySectionsIn:
            made = model._MODEL_OF[declared]
            assert set(declared.model_fields) <= set(made.__dataclass_fields__), name


def test_model_objects_are_built_by_keyword_only():
    with pytest.raises(TypeError):
        model.Theme("transition", "Transition", None)
    assert model.Theme(id="transition", name="Transition").description is None
