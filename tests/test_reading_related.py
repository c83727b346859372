"""The statement <-> case-study relation (framework/related.py), on small inline data, and on the real data."""
from types import SimpleNamespace

from framework import related
from framework.model import Area, AreaTier, CaseStudy, Descriptor, Statement, Theme, Tier

from conftest import ROOT


def tiny_framework(**case_study_extra):
    """Two areas, three statements, four case studies: small enough to see every expected pair."""
    tier = Tier(id="establishing-foundations", name="Establishing Foundations", summary="", points=[])
    transition = Theme(id="transition", name="Transition", description="")
    families = Theme(id="families", name="Families and parents", description="")
    studies = {
        "warm": CaseStudy(id="warm", title="Warm Welcomes", artefacts=[], themes=[transition],
                          overview="Pupils visit before they start; transition plans are shared with parents."),
        "tea": CaseStudy(id="tea", title="Coffee Mornings", artefacts=[], themes=[families],
                         overview="Parents and carers meet the SENCO each month and shape provision."),
        "maths": CaseStudy(id="maths", title="Number Sense", artefacts=[], themes=[],
                           overview="A sequenced mathematics curriculum with manipulatives in every classroom."),
        "garden": CaseStudy(id="garden", title="Quiet Garden", artefacts=[], themes=[],
                            overview="A planted outdoor space where gardening clubs meet at lunchtime."),
    }
    for cs_id, extra in case_study_extra.items():
        for key, value in extra.items():
            setattr(studies[cs_id], key, value)

    def area(number, name, texts, featured, also):
        a = Area(id=f"area-{number}", number=number, name=name, statements=[], tiers=[],
                 featured=[studies[c] for c in featured], also=[studies[c] for c in also])
        a.statements = [Statement(id=f"statement-{number}-{i}", number=i, text=t, area=a)
                        for i, t in enumerate(texts, start=1)]
        a.tiers = [AreaTier(tier=tier, summary=None,
                            descriptors=[Descriptor(statements=[s.number], text=s.text) for s in a.statements])]
        for c in featured:
            studies[c].featured_in.append(a)
        for c in also:
            studies[c].linked_from.append(a)
        return a

    areas = [
        area(1, "Leadership", ["Leaders secure transitional arrangements for every learner moving school.",
                               "Parents and carers are partners in planning provision."], ["warm"], ["tea"]),
        area(2, "Teaching", ["The mathematics curriculum is sequenced and taught with manipulatives."],
             ["maths"], ["garden"]),
    ]
    fw = SimpleNamespace(areas=areas, case_studies=list(studies.values()), glossary=[])
    fw.statements = [s for a in areas for s in a.statements]
    return fw


def ids(items):
    return [i.id for i in items]


def test_each_statement_finds_the_case_study_that_speaks_to_it():
    fw = tiny_framework()
    relation = related.compute(fw)
    by_label = {s.label: ids(relation.for_statement(s)) for s in fw.statements}
    assert by_label["1.1"][0] == "warm", by_label        # transition
    assert by_label["1.2"][0] == "tea", by_label         # parents and carers
    assert by_label["2.1"][0] == "maths", by_label       # curriculum, manipulatives


def test_unrelated_case_study_is_not_forced_on_a_statement():
    fw = tiny_framework()
    relation = related.compute(fw)
    assert all("garden" not in ids(relation.for_statement(s)) for s in fw.statements)
    assert relation.for_case_study(fw.case_studies[3]) == []


def test_both_views_come_from_the_same_pairs():
    fw = tiny_framework()
    relation = related.compute(fw)
    for s in fw.statements:
        for cs in relation.for_statement(s):
            assert s in relation.for_case_study(cs)


def test_a_maintainers_list_wins():
    fw = tiny_framework(garden={"related_statements": ["statement-2-1"]},
                        warm={"related_statements": ["statement-1-2"]})
    relation = related.compute(fw)
    garden, warm = fw.case_studies[3], fw.case_studies[0]
    assert ids(relation.for_case_study(garden)) == ["statement-2-1"]
    assert ids(relation.for_case_study(warm)) == ["statement-1-2"], "the computed pair with 1.1 is replaced"
    s21 = fw.statements[2]
    assert ids(relation.for_statement(s21))[0] == "garden", "set by a maintainer comes first"
    assert relation.pairs_for_statement(s21)[0].why.startswith("set by a maintainer")


def test_stemming_joins_plural_and_adjective_forms():
    assert related.words("Transitions and transitional families") == {"transition", "family"}


def test_real_data_every_statement_has_a_related_case_study():
    from framework.load import load_framework
    fw = load_framework(ROOT / "data" / "framework.yaml", ROOT / "data" / "knowledge")
    relation = related.compute(fw)
    # a statement no case study speaks to gets no suggestion rather than a wrong one; its area's own list
    # (featured and also) is still offered in full
    assert all(s.area.featured or s.area.also for s in fw.statements if not relation.for_statement(s))
    assert sum(1 for s in fw.statements if relation.for_statement(s)) > len(fw.statements) * 0.9
    # statement 2.3 is about law, policy and accessibility: not a case study about parents
    s23 = next(s for s in fw.statements if s.label == "2.3")
    assert "partnership-triads" not in ids(relation.for_statement(s23))
    # the example: statement 2.7 is about transition
    s27 = next(s for s in fw.statements if s.label == "2.7")
    assert "warm-transitions" in ids(relation.for_statement(s27))
