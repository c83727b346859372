"""Reshape Material's search index (search/search_index.json) for the people who search the site.

Registered under `hooks:` in mkdocs.yml, after Material's search plugin has written the index. Material's
search (lunr in a web worker) stays; only the documents it indexes and their weights change:

- a practice statement's section carries its subject's words in `keys` (its key terms with their
  abbreviations, long forms, aliases and TERM_WORDS, plus the staff words in SUBJECT_WORDS), and its title
  names the statement and its area, so the result shows both and opens on the statement; the looser staff
  phrases of macros/staff_phrases.py go in `phrases`, which weighs least;
- a case study is one document: overview, themes, key terms and artefact names (its key terms and themes
  weighing as a statement's subject words), tagged with the areas that feature it (its "Framework areas"
  and "Artefacts" sections would only repeat it);
- the glossary answers "what is X" (one section per term, carrying its names and TERM_WORDS); the list of
  places a term is used is left out (it names every case study);
- pages about the site (home, downloads, maintainers) are low-boosted, for queries about them (the home
  page keeps one document without its text, which names every topic);
- the self-evaluation page and the printable audit form, left out of Material's index (their forms would
  repeat every statement), are added as one document each, with the page's own prose (page_prose: its lede,
  what works without JavaScript, where work is kept, its buttons' names), so "where is my work saved" and
  "print report" find the page that says;
- the config tells the search box (docs/assets/search-worker.js, mirrored by tests/test_search.py)
  how to rewrite each query before Material's own step: query_words, stop_words, definition, min_wildcard,
  whole_words, capitals, abbreviations, rare and fuzzy (see each constant below); which other forms of each
  word every document is also found by (forms, made in the browser); how to weigh a result with the query's words
  side by side or its whole title in the query (proximity); and how to order the pages found (coverage);
- a document that has one word of a SYNONYMS group (macros/synonyms.py: "autism", "looked after") carries the
  group's other words ("autistic", "LAC") in `synonyms`, which weighs least, with its hyphenated words written
  solid ("co-production": "coproduction").
"""
from __future__ import annotations

import functools
import gzip
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # so `import macros` works

from macros.downloads import all_downloads  # noqa: E402
from macros.framework import get_framework  # noqa: E402
from macros.key_terms import for_case_study, for_statement  # noqa: E402
from macros.model import Framework, GlossaryEntry  # noqa: E402
from macros.staff_phrases import STAFF_PHRASES  # noqa: E402
from macros.synonyms import SYNONYMS  # noqa: E402

# Field weights: a word in a title, a tag or the hidden keys counts several times one in the body text (not
# fifteen times, as before: a rare word in a page's text, a school or a role, must still be able to win). Keys
# weigh less than a title or a tag: a page's dozens of subject words should not outvote its own heading.
# `keys` (a document's key terms and subject words) is indexed but never shown: Material's result shows the
# title, the matching paragraphs of the text and every tag, and a dozen aliases would bury the answer.
# "phrases" are the staff phrases of macros/staff_phrases.py: many, looser, so they weigh least
# "synonyms" are the other words of a SYNONYMS group (macros/synonyms.py) one of whose words the document has
FIELDS = {"title": {"boost": 20.0}, "text": {"boost": 3.0}, "tags": {"boost": 15.0}, "keys": {"boost": 10.0},
          "phrases": {"boost": 2.0}, "synonyms": {"boost": 2.0}}
MIN_WILDCARD = 3          # query terms shorter than this get no trailing wildcard
WHOLE_WORDS = 3           # nor those this short that are words of the index: "act" is the Act, not "action"
# Short words people type on the way to longer ones ("mat" to "maths", "pass" to "passport"): never taken whole,
# as an abbreviation or a short word, so they keep the wildcard
TYPED_ON = {"pass", "pace", "rise", "mat", "inset"}
# lunr.js's stopWordFilter list: the index's pipeline drops these words, so they are never "words of the index"
LUNR_STOP_WORDS = set("""a able about across after all almost also am among an and any are as at be because been but by
can cannot could dear did do does either else ever every for from get got had has have he her hers him his how however
i if in into is it its just least let like likely may me might most must my neither no nor not of off often on only
or other our own rather said say says she should since so some than that the their them then there these they this tis
to too twas us wants was we were what when where which while who whom why will with would yet you your""".split())
# Nor do abbreviations typed in capitals up to this long ("SEN" is not "sensory" or "senior"), unless lunr
# leaves the word out of the index ("ARE", age-related expectations, is found by its wildcard), nor the
# glossary's abbreviations typed in lower case (_abbreviations()).
CAPITALS = 5
# A query word that only this many documents contain (with Material's wildcard) weighs `boost` times the
# others: it says what the query is about ("Tor View School", "Headlands Primary", "velcro TA").
RARE = {"docs": 3, "boost": 10}
# A query word that no word of the index starts with loses one of these endings if what is left is known
# ("labeling": label, which Material's wildcard extends), or else gets lunr's edit distance, 1 from min[0]
# letters and 2 from min[1]: misspellings find the word meant ("scafolding", "behavour").
FUZZY = {"min": [4, 7], "endings": "ing ed er ers ly ation ations ment ments".split()}
# Query words the search box rewrites before searching (docs/assets/search-worker.js): American spellings to the
# British ones the framework uses, and question words that would only match "meaningful" ("what does X mean").
QUERY_WORDS = {"behavior": "behaviour", "behaviors": "behaviour", "behavioral": "behavioural",
               "organization": "organisation", "organizations": "organisation", "color": "colour",
               "center": "centre", "program": "programme", "counselor": "counsellor", "counseling": "counselling",
               "mean": "", "means": "", "meaning": "", "stand": "", "stands": "", "define": "",
               "abbreviation": "", "acronym": ""}
# Words that say nothing about the subject (most of lunr's stop words): the search box drops them when the
# query has other words and they are not typed in capitals ("ARE" is age-related expectations), since with
# Material's trailing wildcard "for" would match "form" and "format", and the separator makes "is" the word "i".
QUERY_STOP_WORDS = ("a an and are as at be been but by can could did do does for from get got had has have how i if in "
                    "into is it its me my of on or our should so that the their them these they this to was we were "
                    "what when where which who why will with would you your us what's what’s whats").split()

# A question asking what something is gets this word added by the search box; only glossary terms carry it,
# so their answer comes first ("what is adaptive teaching", "what does APDR mean", "define dysregulation").
DEFINITION = {"pattern": r"^\s*(what(?: is| are|['’]?s| does| do)|who (?:is|are)|define|definition of|meaning of)\b"
                         r"|\b(?:stands? for|means?|meaning|definition|abbreviation|acronym|full form|long form)\W*$",
              "word": "definition", "boost": 10}
# American spellings to the British ones the framework uses: a pattern on a query word, lower case, and its
# replacement ($1 is the pattern's first group), used when some word of the index starts with the result
# ("individualized": individualised, "modeling": modelling, "pediatric": paediatric).
SPELLINGS = [[r"^(\w{3,})iz(e|es|ed|er|ers|ing|ation|ations)$", "$1is$2"],
             [r"^(\w{3,})yz(e|es|ed|er|ers|ing)$", "$1ys$2"],
             [r"^(\w{3,}[aeiou])l(ing|ed|er|ers)$", "$1ll$2"],     # not "filed": filled, "feeling": feelling
             [r"^(\w{2,})or(s|ed|ing|al|ally|ist|ists)?$", "$1our$2"],
             [r"^(\w{2,})ter(s)?$", "$1tre$2"],
             [r"^(\w{2,})ense(s)?$", "$1ence$2"],
             [r"^(\w{2,})og(s)?$", "$1ogue$2"],
             [r"^ped(ia)", "paed$1"],
             [r"^(\w+)ll(ment|ments)$", "$1l$2"]]
GLOSSARY_BOOST = 1.5      # a glossary term answers "what is X" but should not outrank the pages about X
SITE_PAGE_BOOST = 0.3     # pages about the site itself: found by their own name, not by topic words
SITE_PAGES = ("", "downloads/", "maintainers/")
# The search box (docs/assets/search-worker.js) orders the pages it finds by their best result's score times
# the share of the query's words that result matched, to this power: a page that has every word of "calm base for
# vulnerable pupils" comes before one that has "pupils" many times (Material orders by score alone).
COVERAGE = 1
# A result that has two of the query's words side by side, as typed ("over identification", "parents' evening"),
# is about what the query says, not only about its words: the search box multiplies its score by 1 + boost times
# the share of the query's neighbouring word pairs found side by side in these fields (tags name areas, and
# synonyms are single words of other pages' vocabulary). A result whose title's words are all in the query
# ("eight areas": the page "Areas"; "the hive") is what the query names: its score is multiplied by 1 + title.
PROXIMITY = {"boost": 3, "fields": ["title", "text", "keys", "phrases"], "title": 2}
# Material's index is not stemmed: "developed" finds "developed" and "developedness", not "developing". The search
# box gives each document, in a `forms` field of this weight, the other words of the index (of `min` letters or
# more, from these fields) that lunr stems as it stems one of the document's own. Made in the browser when the
# index loads, so the download does not grow.
FORMS = {"boost": 1, "min": 4, "fields": ["title", "text", "keys", "phrases", "tags"]}
# Material multiplies a page's score by up to 5 and a section's by up to 2 (its post-query boost), so a
# statement's section needs this much to compete with a case study that mentions the same words.
STATEMENT_BOOST = 3.0

# Words staff use for a statement's subject that the framework's text does not (our own vocabulary, from
# the SEND Code of Practice, the EEF guides, nasen and Ofsted). Keyed by statement label.
SUBJECT_WORDS: dict[str, list[str]] = {
    "1.1": ["areas of need", "needs analysis", "parent contributions", "outcomes",
            "SEND cohort", "cohort analysis", "needs profile", "primary need", "parent views"],
    "1.2": ["progress", "attainment", "curriculum subjects", "early reading", "phonics", "communication",
            "reading", "literacy", "numeracy", "maths", "English", "core subjects", "foundation subjects", "language development", "progress over time",
            "SATs", "GCSE", "phonics screening", "attainment gap", "academic progress"],
    "1.3": ["exclusion data", "suspensions", "attendance data", "absence", "behaviour data",
            "over-represented", "disproportionate", "disadvantaged",
            "EBSA", "emotionally based school avoidance", "school refusal", "persistent absence", "attendance", "exclusions", "fixed-term exclusion", "behaviour incidents", "part-time timetables",
            "suspension rates", "exclusion rates", "disproportionality"],
    "1.4": ["next stage", "post-16", "destinations", "careers", "employment", "further education", "college",
            "preparing for adulthood", "independent living",
            "NEET", "supported internships", "apprenticeships", "work experience", "sixth form", "post-16 options", "careers guidance",
            "employability", "work readiness", "Year 11", "post-16 transition"],
    "2.1": ["vision", "ethos", "culture", "values", "high aspirations", "high expectations", "inclusive culture",
            "inclusive ethos", "belonging", "whole-school vision", "aspiration",
            "SEND strategy", "whole-school inclusion", "inclusive leadership"],
    "2.2": ["parental engagement", "engaging families", "governors and parents", "parent partnership",
            "parent engagement", "family engagement", "communication with families", "parent confidence",
            "parent survey", "parent feedback", "parents feel listened to"],
    "2.3": ["SEND law", "legislation", "statutory duties", "Children and Families Act", "SEND policy",
            "compliance", "accessibility plan",
            "Equality Act", "disability discrimination", "Code of Practice", "statutory guidance", "SEN policy",
            "legal duties", "equality duty", "publishing SEND information"],
    "2.4": ["governor", "governing body", "SEND governor", "governor training", "challenge", "accountability",
            "oversight",
            "link governor", "governor monitoring", "governor questions",
            "holding leaders to account", "trustees"],
    "2.5": ["SENCO", "SENDCo", "senior leadership team", "SLT", "strategic SENCO", "leadership role",
            "inclusion lead", "assistant head for inclusion", "SENCO on SLT", "NPQ for SENCOs", "NASENCO", "SENCO qualification", "SENCO role"],
    "2.6": ["school development plan", "school improvement plan", "SDP", "SEF", "self-evaluation",
            "priorities", "roles and responsibilities",
            "SEND action plan", "SEND development plan", "whole-school priorities", "staff responsibilities",
            "SEND audit", "teacher of SEND", "every teacher"],
    "2.7": ["transition", "transitions", "moving school", "secondary transfer", "year 6", "year 7",
            "phase transfer", "adulthood",
            "key stage transition", "transition visits", "induction days", "transition passport", "moving on",
            "primary to secondary", "moving up", "nursery to reception", "class transition", "bridging", "summer school", "transition plan"],
    "3.1": ["curriculum", "ambitious curriculum", "adaptive teaching", "barriers to learning",
            "learning environment", "high quality teaching",
            "access to the curriculum", "curriculum access", "differentiation", "reduced curriculum", "broad and balanced curriculum", "inclusive classroom", "classroom environment",
            "curriculum design", "adapting the curriculum", "inclusive curriculum"],
    "3.2": ["pupil profiles", "one-page profile", "sharing information", "knowing pupils", "needs and strategies",
            "communication with staff",
            "pupil passports", "information sharing", "knowing the child", "aspirations",
            "handover", "pupil information for teachers"],
    "3.3": ["assessment for learning", "AfL", "formative assessment", "misconceptions", "adapting tasks", "homework",
            "checking for understanding", "responsive teaching", "questioning", "feedback", "adapting lessons",
            "live marking", "in-class assessment", "hinge questions", "mini whiteboards", "exit tickets", "cold calling", "check for understanding"],
    "3.4": ["teachers and TAs", "TA deployment in class", "scaffolding", "instructional strategies",
            "independence", "EEF five-a-day",
            "explicit instruction", "metacognition", "modelling", "teacher and TA partnership",
            "scaffolding not simplifying", "chunking", "word banks", "sentence stems", "dual coding", "task boards"],
    "3.5": ["interventions in class", "linking interventions", "transfer", "generalise", "intervention quality",
            "catch-up", "keep-up", "withdrawal interventions", "applying skills in class",
            "generalisation", "intervention transfer", "precision teaching", "small group work", "out-of-class intervention"],
    "4.1": ["SEND information report", "SEN information report", "local offer", "signposting", "website",
            "support services",
            "SENDIASS", "information report", "school website", "local services",
            "SEND web page", "support for parents"],
    "4.2": ["co-production", "parent forum", "parent carer forum", "workshops", "parents as partners",
            "assess plan do review",
            "parent workshops", "parent voice", "shaping provision", "coproduction",
            "parent participation", "parents in APDR"],
    "4.3": ["strengths-based", "conversations with parents", "reporting progress", "next steps",
            "positive communication",
            "strengths-based reports", "parents evening", "celebrating progress", "home-school communication",
            "reports to parents", "positive phone calls"],
    "4.4": ["pupil voice", "listened to", "self-advocacy", "understand their needs", "safe culture",
            "strategies that help",
            "pupil views", "emotional safety", "communicate their needs", "confidence",
            "pupils feel heard", "safe and happy"],
    "4.5": ["enrichment", "extra-curricular", "after-school clubs", "trips", "participation", "school council",
            "learner voice forums",
            "clubs", "school trips", "residentials", "extra-curricular activities", "student council",
            "access to clubs", "trips and visits", "equal opportunities", "breakfast club", "lunchtime clubs", "inclusive PE", "sports"],
    "5.1": ["early identification", "emerging needs", "identification", "specialists", "referral",
            "educational psychologist", "speech and language therapist",
            "cause for concern", "initial concerns", "identifying needs", "changing needs", "screening",
            "spotting needs", "noticing concerns", "referral process"],
    "5.2": ["assessment", "barriers to learning", "labels", "diagnosis", "hypotheses", "needs not labels",
            "labelling", "diagnostic assessment", "assessment tools", "standardised assessment", "understanding barriers",
            "diagnosis not needed", "assessment through teaching", "standardised scores", "reading age", "screeners", "dyslexia screening"],
    "5.3": ["quality of teaching first", "before identifying SEND", "escalation", "high quality teaching first",
            "universal provision first",
            "quality first teaching", "SEN or teaching", "teaching before SEND",
            "is it SEND", "escalation to SEN support"],
    "5.4": ["unmet needs", "hidden needs", "overlooked", "behaviour data", "attendance data", "attainment data",
            "data analysis",
            "missed needs", "masking", "unidentified needs", "data patterns",
            "hidden SEND", "behaviour as communication", "underlying needs"],
    "5.5": ["parents in identification", "parents as partners", "parent concerns", "family views",
            "parents raising concerns", "family knowledge",
            "parental concerns", "family input"],
    "5.6": ["SEND register", "SEN register", "SEND list", "SEN support", "register review",
            "SEN support register", "SEND census", "K code", "register accuracy",
            "removing pupils from the register", "updating the register", "SEN support list", "census data"],
    "6.1": ["personalised plans", "IEP", "individual education plan", "pupil passport", "support plan",
            "termly review", "reviews with parents",
            "IEP reviews", "target setting", "pupil targets", "one-page profiles",
            "SEN support plans", "termly targets", "plan reviews"],
    "6.2": ["interventions", "assess plan do review", "APDR", "baseline", "SMART targets", "time-limited",
            "outcome-focused", "stopping interventions", "matched to need",
            "intervention planning", "entry criteria", "exit criteria", "evidence-based interventions", "intervention menu", "tracking interventions"],
    "6.3": ["independence", "without adult support", "adult dependency", "measuring independence",
            "independent learning", "independence skills", "prompt dependency",
            "reducing reliance", "independent work", "self-help skills", "independent learners"],
    "6.4": ["monitoring progress", "triangulation", "work scrutiny", "book looks", "learner voice",
            "parent voice", "evidence base",
            "progress tracking", "pupil progress meetings", "data drops", "cumulative impact",
            "monitoring SEND", "learning walks", "lesson observations", "monitoring schedule", "quality assurance of SEND"],
    "6.5": ["intervention impact", "entry and exit data", "baseline data", "success criteria",
            "time out of class", "TA deployment", "observation",
            "cost effectiveness", "value for money", "withdrawal from lessons", "intervention evaluation",
            "evaluating TAs", "TA observation", "measuring impact"],
    "7.1": ["CPD", "staff training", "SEND training", "professional development", "Standard for Teachers'"
            " Professional Development", "inclusive teaching strategies",
            "SEND CPD", "INSET", "whole-staff training", "NPQ",
            "SEND training for teachers", "CPD plan", "twilight training", "staff meetings", "coaching", "instructional coaching"],
    "7.2": ["TA induction", "induction", "appraisal", "performance management", "TA training",
            "support staff training", "professional reviews",
            "TA CPD", "TA appraisal", "support staff development", "TA performance review",
            "TA professional development"],
    "7.3": ["TA deployment", "deploying teaching assistants", "velcro TA", "one-to-one TA", "additional adults",
            "time with the teacher", "EEF teaching assistants guidance",
            "Making Best Use of Teaching Assistants", "MITA", "1:1 TA", "TA attached to one pupil",
            "TA role in class", "teacher and TA communication", "TA in the classroom", "hovering", "helicopter TA"],
    "7.4": ["graduated approach", "graduated response", "provision map", "provision mapping", "waves",
            "class group individual support", "intervention",
            "waves of intervention", "tiered support", "intervention register",
            "SEN support levels", "interventions overview"],
    "7.5": ["administration", "admin support", "SEND admin", "systems", "paperwork", "SENCO time",
            "SEN administrator", "SEND administrator", "SEND admin assistant", "SENCO workload", "MIS",
            "record keeping", "SEND systems"],
    "8.1": ["staffing", "resources", "resourcing", "funding", "budget", "statutory requirements", "capacity",
            "high needs funding", "top-up funding", "notional SEN budget", "element 3", "SEND budget", "staffing levels",
            "SEND resources"],
    "8.2": ["external agencies", "outside agencies", "specialist advice", "educational psychologist",
            "speech and language therapy", "occupational therapy", "reasonable adjustments", "multi-agency",
            "CAMHS", "SaLT", "speech and language therapist", "OT", "EP", "educational psychology", "outreach", "specialist teachers", "advisory teachers", "health professionals",
            "outside professionals", "specialist services", "physiotherapy", "sensory support service", "hearing support", "visual impairment team"],
    "8.3": ["alternative provision", "AP", "off-site provision", "safeguarding", "quality assurance",
            "commissioning",
            "PRU", "pupil referral unit", "unregistered provision", "AP placements",
            "AP quality", "AP safeguarding"],
    "8.4": ["holistic", "wellbeing", "mental health", "belonging", "safe environment", "shared outcomes",
            "joined-up support", "team around the child", "wellbeing support", "whole child",
            "holistic support", "pastoral", "pastoral support", "ELSA"],
    "8.5": ["inclusive teaching", "dependency", "learned helplessness", "independence", "high expectations",
            "stereotypes", "language",
            "over-support", "deficit language", "low expectations", "inclusive language",
            "avoiding dependency", "language about SEND"],
    "8.6": ["evidence-informed", "research", "strengths and areas for development", "keeping up to date",
            "improvement", "wider developments",
            "SEND review", "external review", "peer review", "research-informed", "self-review",
            "keeping up with research", "evidence-informed practice"],
}


# Words staff use for a glossary term that are neither its long form nor another way of writing it (so not
# aliases, which the glossary shows as "Also written"): what the term covers, the roles, services and tools
# it names, from the SEND Code of Practice, the EEF guides, nasen and Ofsted. Keyed by term. Indexed on the
# term's glossary entry and, like its aliases, on the statements that use the term.
TERM_WORDS: dict[str, list[str]] = {
    "SEN": ["SEN support", "special needs"],
    "SENCO": ["inclusion lead", "inclusion manager", "head of inclusion", "assistant head for inclusion",
              "SEND lead", "NPQ for SENCOs", "NASENCO"],
    "TA": ["HLTA", "higher level teaching assistant", "LSA", "learning support assistant", "classroom assistant",
           "support staff"],
    "EHCP": ["EHC needs assessment", "EHCNA", "statutory assessment", "statement of SEN"],
    "SEMH": ["anxiety", "attachment", "emotional wellbeing", "EBSA", "emotionally based school avoidance"],
    "EAL": ["English as a second language", "ESL", "new to English", "bilingual"],
    "graduated approach": ["SEN support", "wave 1", "wave 2", "wave 3", "tiered support"],
    "AP": ["PRU", "pupil referral unit"],
    "LA": ["SEND team", "SEND caseworker", "high needs funding"],
    "Pupil Premium": ["disadvantaged pupils", "disadvantage", "free school meals", "FSM"],
    "EEF": ["EEF guidance report", "SEND in mainstream schools"],
    "5-a-day": ["explicit instruction", "metacognitive strategies", "flexible grouping"],
    "Whole School SEND": ["external review", "peer review", "review guide"],
    "Ofsted": ["inspection", "inspection framework", "inspectors"],
    "personalised plan": ["one-page profile", "pupil profile", "learning plan", "IEP targets"],
    "regulation": ["meltdown", "calm space", "emotional literacy"],
    "total communication": ["Makaton", "signing", "PECS", "symbols", "visual timetable", "now and next",
                            "objects of reference", "AAC"],
    "TEACCH": ["workstation", "visual schedule"],
    "local offer": ["SENDIASS", "SENDIAS", "information advice and support service", "parent carer forum"],
    "SEND Code of Practice": ["CoP", "Code of Practice 2015", "0 to 25", "statutory guidance",
                              "Children and Families Act 2014"],
    "Equality Act 2010": ["disability discrimination", "discrimination", "protected characteristics"],
    "reasonable adjustments": ["access arrangements", "auxiliary aids"],
    "four broad areas of need": ["sensory and physical needs", "physical disability", "hearing impairment",
                                 "visual impairment"],
    "communication and interaction": ["autism", "autistic", "ASD", "ASC", "autism spectrum",
                                      "speech language and communication needs", "SLCN", "DLD",
                                      "developmental language disorder"],
    "cognition and learning": ["MLD", "moderate learning difficulties", "SLD", "severe learning difficulties",
                               "PMLD", "SpLD", "specific learning difficulties", "dyslexia", "dyscalculia",
                               "dyspraxia", "learning difficulty"],
    "adaptive teaching": ["differentiation", "differentiated", "differentiating", "adapting teaching"],
    "scaffolding": ["prompts", "modelling", "writing frames", "worked examples"],
    "co-production": ["person-centred planning", "person-centred"],
    "learner voice": ["pupil views", "child's views", "school council"],
    "Governors": ["governor", "governing body", "chair of governors", "link governor"],
    "SEND register": ["SEN support register", "K code", "school census"],
    "provision mapping": ["costed provision map", "intervention map"],
    "baseline assessment": ["entry data", "starting point"],
    "work scrutiny": ["learning walk", "learning walks"],
    "suspension and permanent exclusion": ["exclusions", "fixed term exclusion", "FTE", "managed move",
                                           "internal exclusion", "isolation"],
    "destination data": ["NEET", "not in education employment or training", "leavers"],
    "preparation for adulthood": ["employment", "independent living", "supported internship",
                                  "community inclusion", "life skills"],
    "annual review": ["EHCP review", "person-centred review"],
    "trauma-informed practice": ["attachment aware", "ACEs", "adverse childhood experiences",
                                 "relational approach"],
    "key adult": ["mentor", "check-in"],
    "restorative approaches": ["restorative justice"],
    "multi-agency working": ["CAMHS", "child and adolescent mental health services", "SaLT", "SALT",
                             "speech and language therapy", "occupational therapy", "educational psychologist",
                             "school nurse", "paediatrician", "social care", "team around the child",
                             "joined-up support"],
    "Early Help": ["early help assessment", "family support"],
    "sensory passport": ["sensory needs", "sensory breaks", "movement breaks", "ear defenders", "fidget toys",
                         "sensory diet"],
    "1:1": ["one to one", "velcro"],
    "high-quality teaching": ["HQT"],
    "Zones of Regulation": ["ZoR"],
    "pre-teaching": ["front-loading", "pre-tutoring"],
}

# Pages left out of Material's index (their forms would repeat every statement), added as one document each:
# their title, and their prose as the built page has it (page_prose).
EXCLUDED_PAGES = {"self-evaluation/": "Self-evaluation workbook", "audit-form/": "Printable audit form"}

# What people call the site's own tools and pages (our words for what each page does), indexed in their keys:
# "RAG rating" is the workbook, "Excel" a download, "dashboard" the trust overview.
TOOL_WORDS: dict[str, list[str]] = {
    "self-evaluation/": ["audit tool", "online audit", "judgement", "judgment", "rating", "RAG rating",
                         "save", "progress", "summary by area", "export", "record evidence", "priorities"],
    "audit-form/": ["paper copy", "print", "printable", "blank form", "hard copy", "PDF"],
    "downloads/": ["CSV", "JSON", "spreadsheet", "Excel", "xlsx", "open data", "data files", "reuse", "licence"],
    "maintainers/": ["changelog", "edit", "correction", "typo", "update the framework", "contribute",
                     "add a case study"],
    "trust-overview/": ["MAT", "multi-academy trust", "trust-wide", "across schools", "all schools", "dashboard",
                        "several schools", "trust inclusion lead"],
    "compare/": ["compare", "previous audit", "last year", "change over time", "re-audit", "progress since"],
    "action-plan/": ["action plan", "next steps", "improvement plan", "priorities", "actions"],
    "tiers/": ["tier", "tiers", "levels", "rating scale", "descriptors", "judging", "best fit"],
    "glossary/": ["acronyms", "jargon", "jargon buster", "terminology", "A to Z", "A-Z", "initials"],
}


def _forms(entry: GlossaryEntry, wider: bool = True) -> list[str]:
    """The term, its long form, aliases and (if wider) TERM_WORDS; a hyphenated form also written solid
    ("pre-teaching" and "preteaching"), as people often type it. A case study gets no TERM_WORDS: "anxiety" on
    every SEMH case study would bury the ones about anxiety."""
    extra = TERM_WORDS.get(entry.term, []) if wider else []
    forms = [f for f in [entry.term, entry.expansion, *entry.aliases, *extra] if f]
    return forms + [f.replace("-", "") for f in forms if re.search(r"[a-z]-[a-z]", f)]


def _abbreviations(fw: Framework) -> list[str]:
    """The glossary's abbreviations (written in capitals, up to CAPITALS letters), lower-cased: typed in lower
    case they get no trailing wildcard either ("sen support" is not "senior" or "sensory"). Not those that are
    also English words whose longer words people type ("pass" on the way to "passport", "mat" to "maths")."""
    forms = {f.lower() for g in fw.glossary for f in [g.term, *g.aliases]
             if f.isupper() and len(f) <= CAPITALS and f.isalnum() and f.lower() not in QUERY_STOP_WORDS}
    return sorted(forms - TYPED_ON)


def _names(fw: Framework) -> list[str]:
    """Every glossary term's name and other ways of writing it, lower case: a query that is one of them and nothing
    else ("SEND", "ehcp") is a question about the term, answered first by its glossary entry. Not those typed on
    the way to longer words (TYPED_ON: "mat" to "maths")."""
    return sorted({" ".join(f.lower().split()) for g in fw.glossary for f in [g.term, *g.aliases]} - TYPED_ON)


def _statement_docs(fw: Framework) -> dict[str, dict]:
    """location -> the fields a statement's section gets."""
    out = {}
    for area in fw.areas:
        for st in area.statements:
            tags = [form for entry in for_statement(fw, area, st) for form in _forms(entry)]
            tags += SUBJECT_WORDS.get(st.label, [])
            known = {tag.lower() for tag in tags}
            phrases = [p for p in STAFF_PHRASES.get(st.label, []) if p.lower() not in known]
            out[st.url] = {"title": f"Statement {st.label} · {area.title}", "keys": tags, "phrases": phrases,
                           "boost": STATEMENT_BOOST}
    return out


def _case_study_docs(fw: Framework) -> dict[str, dict]:
    out = {}
    for cs in fw.case_studies:
        # Shown as tags on the result (Material shows all tags but only the matching paragraphs of the text).
        # Area numbers only: the areas' names would make every case study match "SEND", "quality"...
        where = [f"Featured in Area {a.number}" for a in cs.featured_in] or [f"Linked to Area {a.number}" for a in cs.areas]
        out[cs.url] = {
            "where": where,
            "artefacts": [a.name for a in cs.artefacts],
            # its key terms' names and its themes' names ("Specialist provision", "Sensory")
            "keys": [form for entry in for_case_study(fw, cs) for form in _forms(entry, wider=False)]
                    + [theme.name for theme in cs.themes],
        }
    return out


def reshape(index: dict, fw: Framework, intros: dict[str, str] | None = None) -> dict:
    """The reshaped index (a new dict); `index` is Material's search_index.json, parsed; `intros` holds the
    prose of each of EXCLUDED_PAGES (page -> HTML paragraphs), read from the built site."""
    statements, case_studies = _statement_docs(fw), _case_study_docs(fw)
    # its own names weigh as on the statements; the name again, solid, so that the entry whose whole name is
    # the query ("SEND") outranks those whose name contains it ("SEND register")
    terms = {g.anchor: [*_forms(g), re.sub(r"[\s-]+", "", g.term)] for g in fw.glossary}
    # the downloads page is found by its files' names ("statements.csv"); each tier's section on the tiers
    # page answers "what is" that tier, as a glossary entry does
    downloads = sorted(all_downloads(fw))
    tiers = {t.id: t.name for t in fw.tiers}
    docs = []
    for doc in index["docs"]:
        loc = doc["location"]
        page, _, anchor = loc.partition("#")
        doc = dict(doc)
        if not anchor and page in TOOL_WORDS:
            doc["keys"] = TOOL_WORDS[page] + (downloads if page == "downloads/" else [])
        if page == "tiers/" and anchor in tiers:
            doc["keys"] = [DEFINITION["word"], tiers[anchor]]    # "what does Sustaining Excellence look like"
            doc["boost"] = GLOSSARY_BOOST
        if page in SITE_PAGES:
            if anchor and page == "":
                continue
            doc["boost"] = SITE_PAGE_BOOST
            if page == "":                                # the home page's text names every audience and topic
                doc["text"] = ""
            else:                                         # the maintainers' table repeats every statement's words
                doc["text"] = re.sub(r"<table.*?</table>", "", doc["text"], flags=re.S)
        elif page == "glossary/" and anchor:
            doc["text"] = re.sub(r"<p>Where the framework uses it:.*?</p>", "", doc["text"])
            doc["boost"] = GLOSSARY_BOOST
            doc["keys"] = [DEFINITION["word"], *terms.get(anchor, [])]
        elif loc in statements:
            doc.update(statements[loc])
        elif page in case_studies:
            if anchor:
                continue                                   # artefacts and areas are folded into the page
            extra = case_studies[page]
            if extra["artefacts"]:
                doc["text"] += "<p>Artefacts: " + ", ".join(extra["artefacts"]) + "</p>"
            doc["tags"] = extra["where"] + extra["artefacts"]
            doc["keys"] = extra["keys"]
        docs.append(doc)
    for page, title in EXCLUDED_PAGES.items():
        docs.append({"location": page, "title": title, "text": (intros or {}).get(page, ""),
                     "keys": TOOL_WORDS[page]})
    separator = re.compile(index["config"]["separator"])
    for doc in docs:
        if same := _synonyms(doc, separator):
            doc["synonyms"] = same
    config = dict(index["config"], fields=FIELDS, min_wildcard=MIN_WILDCARD,
                  whole_words=_whole_words(docs, index["config"]), query_words=QUERY_WORDS,
                  stop_words=QUERY_STOP_WORDS, capitals=CAPITALS, abbreviations=_abbreviations(fw),
                  fuzzy=FUZZY, definition=dict(DEFINITION, names=_names(fw)), rare=RARE, coverage=COVERAGE,
                  spellings=SPELLINGS, proximity=PROXIMITY, forms=FORMS)
    return {**index, "config": config, "docs": docs}


def _words(text: str, separator: re.Pattern) -> list[str]:
    """The words of a text as the index has them: tags dropped, split with the search's separator, lower case."""
    return [w.lower() for w in separator.split(re.sub(r"<[^>]*>", " ", text)) if w]


def _synonyms(doc: dict, separator: re.Pattern) -> list[str]:
    """The other members of each SYNONYMS group one of whose members is in the document's title, text, tags or
    keys (as whole words: "TA" is not in "TAs' time", "deaf" is not in "deafblind"), and its hyphenated words
    written solid."""
    words = [w for name in ("title", "text", "tags", "keys") for item in
             (doc.get(name) if isinstance(doc.get(name), list) else [doc.get(name) or ""]) + [""]
             for w in _words(str(item), separator) + [""]]
    text, present = " " + " ".join(words) + " ", set(words)
    # a hyphenated word is found written solid too ("coproduction", "selfregulation"): the search box splits
    # "co-production" in two, and Material's wildcard then finds "co" and "production", but not "coproduction"
    raw = " ".join(str(item) for name in ("title", "text", "tags", "keys")
                   for item in (doc.get(name) if isinstance(doc.get(name), list) else [doc.get(name) or ""]))
    same = sorted({(a + b).lower() for a, b in re.findall(r"\b([A-Za-z]{2,})-([A-Za-z]{2,})\b", raw)} - present)
    for group, forms in _synonym_forms(separator.pattern):
        # a cheap look at the first word of each member first: most documents have no word of most groups
        if any(form.strip() and form.split()[0] in present and form in text for form in forms):
            same += [member for member, form in zip(group, forms) if form not in text]
    return same


@functools.lru_cache(maxsize=4)
def _synonym_forms(separator: str) -> list[tuple[tuple[str, ...], list[str]]]:
    """Each SYNONYMS group with its members as the index has their words (" autism spectrum "), made once."""
    split = re.compile(separator)
    return [(group, [" " + " ".join(_words(member, split)) + " " for member in group]) for group in SYNONYMS]


def _whole_words(docs: list[dict], config: dict) -> list[str]:
    """The index's words of MIN_WILDCARD to WHOLE_WORDS letters (split as the search box splits them), which the
    search box takes whole, without a trailing wildcard."""
    separator = re.compile(config["separator"])
    words = set()
    for doc in docs:
        for name in FIELDS:
            value = doc.get(name) or []
            for item in value if isinstance(value, list) else [value]:
                for part in separator.split(re.sub(r"<[^>]*>", " ", str(item))):
                    if MIN_WILDCARD <= len(part) <= WHOLE_WORDS and part.isalpha():
                        words.add(part.lower())
    return sorted(words - LUNR_STOP_WORDS - TYPED_ON)


class _Prose(HTMLParser):
    """The paragraphs of a built page that say what the page is and does: its lede, what works without
    JavaScript (<noscript>) and where work is kept (.wb-privacy), each a child of the page's <article>; and the
    names of its buttons ("Print report", "Clear all"), which are what people call what the page does. Not the
    form below them, which repeats every statement."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []    # (tag, is a block we keep)
        self.paragraphs: list[str] = []
        self.buttons: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID_TAGS:
            return
        classes = (dict(attrs).get("class") or "").split()
        kept = bool(self.stack) and self.stack[-1][0] == "article" and (
            (tag == "p" and "lede" in classes) or tag == "noscript" or "wb-privacy" in classes)
        if tag == "p" and (kept or any(k for _, k in self.stack)):
            self.paragraphs.append("")
        if tag == "button" and any(t == "article" for t, _ in self.stack):
            self.buttons.append("")
            tag = "button-kept"                    # the page's own button, not Material's "Back to top"
        self.stack.append((tag, kept))

    def handle_endtag(self, tag):
        tags = [t for t, _ in self.stack]
        if tag == "button" and "button-kept" in tags and (tags[-1] == "button-kept" or "button" not in tags):
            tag = "button-kept"
        if tag in VOID_TAGS or tag not in tags:
            return
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if any(k for _, k in self.stack) and self.paragraphs and any(t == "p" for t, _ in self.stack):
            self.paragraphs[-1] += data
        if self.buttons and any(t == "button-kept" for t, _ in self.stack):
            self.buttons[-1] += data


VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def page_prose(html: str) -> str:
    parser = _Prose()
    parser.feed(html)
    buttons = list(dict.fromkeys(" ".join(b.split()) for b in parser.buttons if b.strip()))
    return "".join(f"<p>{' '.join(p.split())}</p>" for p in [*parser.paragraphs, " · ".join(buttons)] if p.strip())


# After Material's search plugin has written the index: reshape it in place.
def on_post_build(config) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.exists():
        return
    site = Path(config.site_dir)
    # a page someone removed from docs/ has no prose to give (and no document is worth a failed build)
    intros = {page: page_prose(html.read_text(encoding="utf-8")) if (html := site / page / "index.html").is_file() else ""
              for page in EXCLUDED_PAGES}
    index = reshape(json.loads(path.read_text(encoding="utf-8")), get_framework(config.config_file_path), intros)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def sizes(site_dir: Path) -> tuple[int, int]:
    """(raw, gzip) bytes of a built site's search index."""
    raw = (Path(site_dir) / "search" / "search_index.json").read_bytes()
    return len(raw), len(gzip.compress(raw, 9))
