"""Which glossary terms a statement or case study shows as key terms."""
from framework import key_terms
from framework.load import load_framework
from framework.model import GlossaryEntry

from conftest import ROOT

FW = load_framework(ROOT / "data" / "framework.yaml")


def test_abbreviations_match_in_capitals_only():
    are = GlossaryEntry(term="ARE", meaning="age-related expectations", expansion=None)
    assert key_terms._mentions("Pupils working below ARE.", are)
    assert not key_terms._mentions("Learners are supported.", are)


def test_long_forms_and_plurals_match_in_any_case():
    ta = GlossaryEntry(term="TA", meaning="", expansion="Teaching assistant")
    assert key_terms._mentions("Teaching assistants work with teachers.", ta)
    assert key_terms._mentions("TAs are deployed well.", ta)
    assert not key_terms._mentions("The STAFF team.", ta)


def test_statement_using_the_long_form_of_apdr_gets_it_as_a_key_term():
    area = FW.area("working-with-learners-parents-and-carers")
    terms = [g.term for g in key_terms.for_statement(FW, area, area.statements[1])]
    assert "APDR" in terms            # statement 4.2 says "assess, plan, do, review"
    assert "SEND" not in terms        # used in every area: never a key term


def test_case_study_key_terms_come_from_the_glossary_lists():
    hive = FW.case_study("the-hive")
    assert "SEMH" in [g.term for g in key_terms.for_case_study(FW, hive)]
