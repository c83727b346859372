"""Words that mean the same thing to school staff, for the site search (macros/search_index.py).

Each group is a set of words or phrases used interchangeably in English schools: an abbreviation and its long
form, a term and the adjective staff use for it, an older name and the current one. A document of the search
index that contains one member of a group (in its title, text, tags or hidden keys) is also found by the others:
they go in its hidden `synonyms` field, which weighs little. So a case study that says "autism" is found by
"autistic", and a section that says "looked after" is found by "LAC", with no list per page to keep up.

Written from the vocabulary of the SEND Code of Practice, the EEF guides, nasen and Ofsted, not from any query
set. Keep each group to words that mean the same thing: a broader word ("wellbeing" for SEMH) would bring up
pages that are not about the subject. A word that means different things goes in one group only, with the
meaning schools mostly give it (SLT: the senior leadership team; speech and language therapy is SaLT).

The search already takes a plural, a hyphen or a comma as the singular, a space and nothing ("TAs" is "TA",
"post 16" is "post-16"), so each group lists a word once, and no word is in two groups
(tests/test_search.py checks both).
"""
from __future__ import annotations

SYNONYMS: list[tuple[str, ...]] = [
    # needs and conditions
    ("autism", "autistic", "ASD", "ASC", "autism spectrum", "autism spectrum condition", "autism spectrum disorder"),
    ("ADHD", "attention deficit", "hyperactivity disorder"),
    ("dyslexia", "dyslexic", "SpLD", "specific learning difficulty", "specific learning difficulties"),
    ("dyspraxia", "dyspraxic", "DCD", "developmental coordination disorder"),
    ("dyscalculia", "dyscalculic"),
    ("PDA", "demand avoidance", "pathological demand avoidance", "extreme demand avoidance"),
    ("SEMH", "social emotional and mental health"),
    ("SLCN", "speech language and communication needs"),
    ("DLD", "developmental language disorder"),
    ("MLD", "moderate learning difficulties", "moderate learning difficulty"),
    ("SLD", "severe learning difficulties", "severe learning difficulty"),
    ("PMLD", "profound and multiple learning difficulties"),
    ("visual impairment", "visually impaired", "vision impairment"),
    ("hearing impairment", "hearing impaired", "deaf"),
    ("physical disability", "physical disabilities", "physically disabled"),
    ("dysregulation", "dysregulated"),
    ("EBSA", "emotionally based school avoidance", "school refusal", "school avoidance"),
    ("trauma", "trauma-informed", "adverse childhood experiences", "ACEs"),
    # people and roles
    ("SENCO", "SENDCo", "SEN coordinator", "SEND coordinator", "special educational needs coordinator"),
    ("teaching assistant", "TA", "learning support assistant", "LSA",
     "classroom assistant", "teacher aide"),
    ("HLTA", "higher level teaching assistant"),
    ("educational psychologist", "educational psychology", "EP", "ed psych"),
    ("speech and language therapist", "speech and language therapy", "speech therapist", "speech therapy", "SaLT"),
    ("occupational therapist", "occupational therapy", "OT"),
    ("CAMHS", "child and adolescent mental health services"),
    ("looked after", "LAC", "CLA", "children in care", "care experienced", "virtual school"),
    ("DSL", "designated safeguarding lead"),
    ("ECT", "early career teacher", "NQT", "newly qualified teacher"),
    ("ITT", "initial teacher training", "trainee teachers"),
    ("SLT", "senior leadership team", "senior leaders"),
    ("governors", "governing body", "trustees", "board of trustees"),
    ("CEO", "chief executive"),
    ("parents", "carers", "parent carers", "families", "mums and dads"),
    ("pupils", "learners", "students", "children", "kids", "young people"),
    # plans, processes and documents
    ("EHCP", "EHC plan", "education health and care plan"),
    ("annual review", "EHCP review"),
    ("APDR", "assess plan do review", "graduated approach"),
    ("IEP", "individual education plan", "ILP", "individual learning plan", "SEN support plan"),
    ("one-page profile", "pupil profile", "pen portrait"),
    ("provision map", "provision mapping"),
    ("SDP", "school development plan", "SIP", "school improvement plan"),
    ("SEF", "self-evaluation form", "self-evaluation", "self-assessment"),
    ("CPD", "professional development", "staff training", "INSET"),
    ("PSHE", "RSHE", "personal social health"),
    ("exclusion", "suspension", "fixed-term exclusion", "permanent exclusion"),
    ("attendance", "absence", "persistent absence"),
    # settings and organisations
    ("MAT", "multi-academy trust"),
    ("LA", "local authority", "LEA", "council"),
    ("DfE", "Department for Education"),
    ("alternative provision", "AP", "PRU", "pupil referral unit"),
    ("resourced provision", "resource base", "ARP", "SRP", "specialist resource provision", "enhanced provision",
     "specialist base", "SEN unit"),
    ("special school", "specialist school", "specialist setting"),
    ("EYFS", "early years", "early years foundation stage"),
    ("post-16", "sixth form", "further education", "FE college"),
    ("KS1", "key stage 1"), ("KS2", "key stage 2"), ("KS3", "key stage 3"), ("KS4", "key stage 4"),
    ("FSM", "free school meals"),
    ("EYPP", "early years pupil premium"),
    ("EAL", "English as an additional language", "ESL", "English as a second language"),
    # practices
    ("high-quality teaching", "HQT", "quality first teaching", "QFT"),
    ("adaptive teaching", "differentiation", "differentiated", "adapting teaching"),
    ("nurture", "nurture group", "nurture room", "nurture base"),
    ("regulation", "self-regulation", "calm space", "calming"),
    ("sensory breaks", "movement breaks", "sensory diet"),
    ("visual timetable", "visual schedule"),
    ("Makaton", "signing", "sign language"),
    ("lunchtime", "break time", "breaktimes", "unstructured times", "playground"),
    ("spreadsheet", "Excel", "CSV"),
    # numbers, written either way ("the 4 areas of need", "four broad areas")
    ("two", "2"), ("three", "3"), ("four", "4"), ("five", "5"), ("six", "6"), ("seven", "7"), ("eight", "8"),
    ("nine", "9"), ("ten", "10"),
]
