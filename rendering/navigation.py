"""The site's navigation, built from the model so new areas and case studies appear in it."""
from __future__ import annotations

from markupsafe import escape

from framework.model import Framework


def site_nav(fw: Framework) -> list:
    """Titles come from the YAML, and Material writes navigation titles into its HTML as they are: each is
    escaped here, once, where it leaves the model."""
    return _nav(fw)


def _nav(fw: Framework) -> list:
    return [
        {"Home": "index.md"},
        {"About the framework": "about.md"},
        {"Evaluating effectiveness": "tiers.md"},
        {"Areas": ["areas/index.md"] + [{str(escape(a.title)): a.page} for a in fw.areas]},
        {"Case studies": ["case-studies/index.md"]
         + [{str(escape(c.title)): c.page} for c in sorted(fw.case_studies, key=lambda c: c.title.lower())]},
        {"Self-evaluation": ["self-evaluation.md", "action-plan.md", "compare.md", "trust-overview.md",
                             "audit-form.md"]},   # audit-form.md: the printable blank form
        {"Ordinarily available provision": "ordinarily-available-provision.md"},
        {"Knowledge base": ["knowledge/index.md"] + [{str(escape(p.title)): p.page} for p in fw.knowledge_pages]},
        {"Glossary": "glossary.md"},
        {"Download the framework": "downloads.md"},
        {"For maintainers": "maintainers.md"},
    ]
