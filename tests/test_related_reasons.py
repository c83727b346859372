"""A related case study's reason, as the workbook shows it, quotes words both texts use: whole words, never a
stem ("processe", "analysi")."""
from __future__ import annotations

import json
import re

from framework.load import load_framework

from conftest import ROOT

FW = load_framework(ROOT / "data" / "framework.yaml")


def whole(word: str, text: str) -> bool:
    return re.search(r"\b" + re.escape(word) + r"\b", text.lower()) is not None


def test_every_reason_quotes_whole_words_that_both_texts_use(site_dir):
    script = (site_dir / "assets" / "workbook-suggested.js").read_text(encoding="utf-8")
    suggested = json.loads(script.split("window.WorkbookSuggested = ", 1)[1].rstrip().rstrip(";"))
    studies = {cs.id: cs for cs in FW.case_studies}
    checked = 0
    for s in FW.statements:
        statement_text = " ".join([s.text] + [d.text for _, ds in s.area.descriptors_for(s) for d in ds])
        for x in suggested[s.id]:
            said = re.fullmatch(r"It and this statement both speak of (.+)\.", x["why"])
            if not said:
                continue
            cs = studies[x["id"]]
            study_text = " ".join([cs.title, cs.overview] + [t.name for t in cs.themes])
            for word in said.group(1).split(", "):
                checked += 1
                assert whole(word, statement_text), f"{s.label}: “{word}” is not a word of the statement"
                assert whole(word, study_text), f"{s.label}, {cs.title}: “{word}” is not a word of the case study"
    assert checked
