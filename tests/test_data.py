"""The model loaded from data/framework.yaml is complete and consistent."""
from framework.load import load_framework
from framework.model import TIER_IDS

from conftest import ROOT

FW = load_framework(ROOT / "data" / "framework.yaml")


def test_areas_and_statements_are_numbered_in_order():
    assert FW.areas and FW.statements
    assert [a.number for a in FW.areas] == list(range(1, len(FW.areas) + 1))
    for area in FW.areas:
        assert [s.number for s in area.statements] == list(range(1, len(area.statements) + 1)), area.id


def test_statement_ids_are_stable_pattern_and_unique():
    ids = [s.id for s in FW.statements]
    assert len(set(ids)) == len(ids)
    for s in FW.statements:
        assert s.id == f"statement-{s.area.number}-{s.number}"


def test_every_area_has_all_three_tiers_and_every_statement_a_descriptor_in_each():
    for area in FW.areas:
        assert [t.tier.id for t in area.tiers] == list(TIER_IDS)
        for s in area.statements:
            for tier, descriptors in area.descriptors_for(s):
                assert descriptors, f"{s.id} has no {tier.tier.id} descriptor"


def test_tiers_have_six_points_each():
    assert [t.name for t in FW.tiers] == ["Establishing Foundations", "Strengthening Practice", "Sustaining Excellence"]
    assert all(len(t.points) == 6 and t.summary.startswith("At this stage") for t in FW.tiers)


def test_case_studies_complete_and_linked():
    assert FW.case_studies
    assert len({c.id for c in FW.case_studies}) == len(FW.case_studies)
    for cs in FW.case_studies:
        assert cs.overview and cs.areas, cs.id
    warm = FW.case_study("warm-transitions")
    assert [a.name for a in warm.artefacts] == ["Induction Strategy", "Welcome Booklet", "All About Me", "Organisation Plan"]
    assert all(a.url is None or a.url.startswith("https://") for c in FW.case_studies for a in c.artefacts)


def test_every_area_features_case_studies_and_none_twice():
    for area in FW.areas:
        assert area.featured, area.id
        assert not set(area.featured) & set(area.also), area.id
    assert {c for a in FW.areas for c in a.featured + a.also} == set(FW.case_studies)


def test_front_matter_content():
    assert FW.introduction and FW.how_to_use.steps
    assert all(step.strip() for step in FW.how_to_use.steps)
    las = FW.oap.local_authorities
    assert las and len({la.name for la in las}) == len(las)
    assert {la.accessed.isoformat() for la in las} == {"2026-01-08", "2026-03-23"}
    ack = FW.acknowledgements
    assert len(ack.expert_group) == 6 and ack.call_for_evidence and ack.pilot_schools


def test_glossary_covers_the_terms_staff_type():
    terms = {g.term for g in FW.glossary} | {a for g in FW.glossary for a in g.aliases}
    for term in ["TA", "SENCO", "SENCo", "EHCP", "SEMH", "EAL", "APDR", "AP", "OAP", "LA", "CPD", "INSET",
                 "KS1", "KS2", "EEF", "nasen", "PASS", "SCERTS", "TEACCH", "Wellcomm"]:
        assert term in terms, term
