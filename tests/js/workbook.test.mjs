// The workbook's plain logic in Node, straight from docs/assets/modules/ (no build, no browser): merging two
// copies of the saved work, the migration of version 1 files and renamed ids, the CSV export and its import,
// and the validation of imported files. The browser tests keep what needs a page (storage, tabs, messages).
// Run with `node --test tests/js/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import yaml from "js-yaml";

import * as core from "../../docs/assets/modules/core.mjs";
import { addFiles } from "../../docs/assets/modules/files.mjs";
import { parseCsv, fromRows, read } from "../../docs/assets/modules/sheets.mjs";
import { unzippedSize } from "../../docs/assets/modules/zip-size.mjs";

const W = addFiles(core.core, { read });

// the workbook's record as the site declares it (the data island carries the same as fw.record)
const RECORD = yaml.load(readFileSync(new URL("../../data/workbook.yaml", import.meta.url), "utf8"));

/* A small framework shaped as the page's data island is once read (core.framework()): two areas, three tiers,
 * a renamed and a retired statement, a renamed and a retired case study, and the site's own record. */
function framework() {
  const cases = [{ id: "hive", title: "The Hive", path: "case-studies/hive/" },
    { id: "oak", title: "Oak Tree", path: "case-studies/oak/" }];
  return {
    edition: "2027.1",
    tiers: [{ id: "emerging", name: "Emerging" }, { id: "developing", name: "Developing" }, { id: "embedded", name: "Embedded" }],
    areas: [
      { id: "leadership", name: "Leadership", path: "areas/leadership/", case_studies: cases,
        statements: [{ id: "s-1-1", label: "1.1", text: "Leaders know", descriptors: { developing: ["Next, leaders plan"] } },
          { id: "s-1-2", label: "1.2", text: "Leaders check", descriptors: {} }] },
      { id: "teaching", name: "Teaching", path: "areas/teaching/", case_studies: [],
        statements: [{ id: "s-2-1", label: "2.1", text: "Teachers adapt", descriptors: {} },
          { id: "s-2-2", label: "2.2", text: "Teachers check", descriptors: {} }] },
    ],
    migrations: { statement: { renamed: { "old-1-1": "s-1-1" }, retired: ["gone-3-1"] },
      case_study: { renamed: { "old-hive": "hive" }, retired: ["closed-school"] } },
    record: copy(RECORD),
  };
}

const copy = (value) => JSON.parse(JSON.stringify(value));

function exported(changes = {}) {
  return { format: "inclusion-audit-self-evaluation", version: 2, edition: "2027.1", school: "Elm", date: "2026-01-01",
    statements: { "s-1-1": { tier: "emerging", evidence: "" } }, ...changes };
}

// ---- merging two copies: per field, the newer edit wins ------------------------------------------------------

test("two copies merge field by field: each keeps its newer edits, other statements are kept", () => {
  const fw = framework();
  const stored = core.emptyState(fw), mine = core.emptyState(fw);
  core.setField(stored, "s-1-1", "evidence", "from the other tab");
  core.setField(mine, "s-1-1", "tier", "developing");
  core.setField(mine, "s-2-1", "evidence", "only here");
  core.setField(stored, "s-1-1", "tier", "embedded");          // later than mine's tier: it wins
  const report = {};
  const out = core.merge(fw, stored, mine, report);
  assert.equal(out.statements["s-1-1"].tier, "embedded");
  assert.equal(out.statements["s-1-1"].evidence, "from the other tab");
  assert.equal(out.statements["s-2-1"].evidence, "only here");
  assert.equal(report.theirs, true);
});

test("a tie keeps the value that has something in it, then mine", () => {
  const fw = framework();
  const at = Date.now() + 1000;
  const stored = exported({ statements: { "s-1-1": { tier: "", evidence: "theirs", changed: { tier: at, evidence: at } } } });
  const mine = exported({ statements: { "s-1-1": { tier: "embedded", evidence: "mine", changed: { tier: at, evidence: at } } } });
  const out = core.merge(fw, stored, mine);
  assert.equal(out.statements["s-1-1"].tier, "embedded");      // empty against something: something
  assert.equal(out.statements["s-1-1"].evidence, "mine");      // both have something: mine
  const back = core.merge(fw, mine, stored);
  assert.equal(back.statements["s-1-1"].tier, "embedded");
  assert.equal(back.statements["s-1-1"].evidence, "theirs");
});

test("a copy stamped in the future cannot win over an edit made after reading it (the logical clock)", () => {
  const fw = framework();
  const future = Date.now() + 365 * 24 * 3600 * 1000;          // a laptop whose clock ran a year ahead
  const stored = exported({ statements: { "s-1-1": { tier: "emerging", evidence: "old", changed: { evidence: future } } } });
  const mine = core.merge(fw, null, core.validate(stored, fw, { saved: true }).state);
  core.setField(mine, "s-1-1", "evidence", "typed now");
  assert.ok(mine.statements["s-1-1"].changed.evidence > future);
  assert.equal(core.merge(fw, stored, mine).statements["s-1-1"].evidence, "typed now");
  // a stamp beyond 2^52 (damaged data) does not move the clock: later stamps stay ordered
  core.merge(fw, exported({ statements: { "s-1-2": { tier: "", evidence: "", changed: { evidence: 2 ** 60 } } } }), null);
  const a = core.emptyState(fw), b = core.emptyState(fw);
  core.setField(a, "s-1-2", "evidence", "first");
  core.setField(b, "s-1-2", "evidence", "second");
  assert.ok(b.statements["s-1-2"].changed.evidence > a.statements["s-1-2"].changed.evidence);
});

test("a clear (or import) replaces older work in the other copy, even fields it leaves empty", () => {
  const fw = framework();
  const other = core.emptyState(fw);
  core.setField(other, "s-1-1", "evidence", "written before the clear");
  core.setField(other, null, "school", "Elm");
  other.retired = { "gone-3-1": { tier: "emerging", evidence: "kept" } };
  const cleared = core.replaceAll(fw, core.emptyState(fw));
  const out = core.merge(fw, other, cleared);
  assert.equal((out.statements["s-1-1"] || {}).evidence || "", "");
  assert.equal(out.school || "", "");
  assert.equal(out.retired, undefined);                         // kept statements go with a clear too
  // an edit made after the clear comes through
  core.setField(other, "s-1-2", "evidence", "after the clear");
  assert.equal(core.merge(fw, other, cleared).statements["s-1-2"].evidence, "after the clear");
});

test("statements kept from an earlier edition are never dropped by a merge", () => {
  const fw = framework();
  const stored = core.emptyState(fw), mine = core.emptyState(fw);
  stored.retired = { "gone-3-1": { tier: "emerging", evidence: "kept" } };
  mine.statements["s-1-1"] = { tier: "emerging", evidence: "", retired_case_studies: ["closed-school"] };
  stored.statements["s-1-1"] = { tier: "emerging", evidence: "" };
  const out = core.merge(fw, stored, mine);
  assert.deepEqual(out.retired, stored.retired);
  assert.deepEqual(out.statements["s-1-1"].retired_case_studies, ["closed-school"]);
});

// ---- migration: version 1 files and renamed or retired ids --------------------------------------------------

test("a version 1 file imports: its judgements and evidence, moved to renamed ids, retired ones kept aside", () => {
  const fw = framework();
  const v1 = { format: "inclusion-audit-self-evaluation", version: 1, edition: "2026.1",
    statements: { "old-1-1": { tier: "developing", evidence: "Our plan", case_studies: ["old-hive", "closed-school"] },
      "gone-3-1": { tier: "emerging", evidence: "Still ours" }, "s-2-1": { tier: "", evidence: "" } } };
  const before = copy(v1);
  const result = core.validate(v1, fw);
  assert.equal(result.ok, true, result.errors && result.errors.join(" "));
  assert.deepEqual(v1, before);                                  // the file itself is not changed
  const state = result.state;
  assert.equal(state.version, 2);
  assert.equal(state.edition, "2027.1");
  assert.equal(result.from_edition, "2026.1");
  assert.deepEqual(state.statements["s-1-1"], { tier: "developing", evidence: "Our plan", case_studies: ["hive"],
    retired_case_studies: ["closed-school"] });
  assert.deepEqual(state.retired, { "gone-3-1": { tier: "emerging", evidence: "Still ours" } });
  assert.deepEqual(result.moved, [{ kind: "statement", from: "old-1-1", to: "s-1-1" },
    { kind: "case_study", from: "old-hive", to: "hive" }]);
  assert.match(W.migrationText(fw, result), /edition 2026\.1.*statement 1\.1 \(was “old-1-1”\).*Kept, though no longer/);
});

test("a version 1 file's school and date are not read (version 2 added them)", () => {
  const fw = framework();
  const result = core.validate({ ...exported({ school: "Elm", date: "2026-01-01" }), version: 1 }, fw);
  assert.equal(result.ok, true);
  assert.equal(result.state.school, "");
  assert.equal(result.state.date, "");
});

test("both an old and a new id in one file: the new one is used, the old one kept aside, not lost", () => {
  const fw = framework();
  const result = core.validate(exported({ statements: { "old-1-1": { tier: "emerging", evidence: "old" },
    "s-1-1": { tier: "embedded", evidence: "new" } } }), fw);
  assert.equal(result.ok, true);
  assert.equal(result.state.statements["s-1-1"].evidence, "new");
  assert.equal(result.state.retired["old-1-1"].evidence, "old");
});

// ---- the CSV export and its import ---------------------------------------------------------------------------

// the first eight begin as a spreadsheet would run them (or with the guard itself); then quotes, commas, breaks
const AWKWARD = ["=SUM(A1:A9)", "+44 1632 960000", "-2 pupils", "@home", "\tstarts with a tab", "\nstarts with a line break",
  "\rstarts with a carriage return", "'=guarded by hand", "line one\nline two", "a \"quoted\" word, and a comma",
  "'already has an apostrophe", "plain"];
const COLUMNS = ["statement_id", "statement", "tier", "evidence", "priority", "action", "lead", "due", "case_studies"];

function stateWith(texts) {
  const fw = framework();
  const state = core.emptyState(fw);
  const ids = ["s-1-1", "s-1-2", "s-2-1", "s-2-2"];
  texts.forEach((text, i) => {
    const id = ids[i % ids.length];
    // an action is written for a priority (the form shows it only then; the import reads one as a priority)
    state.statements[id] = state.statements[id] || { tier: "developing", evidence: "", priority: true };
    state.statements[id][["evidence", "action", "lead"][Math.floor(i / ids.length)]] = text;
  });
  return { fw, state };
}

test("the CSV export guards every formula-like cell with an apostrophe", () => {
  const { fw, state } = stateWith(AWKWARD);
  const text = W.toCsv([COLUMNS].concat(W.csvRows(fw, state, COLUMNS)));
  assert.ok(text.startsWith("\ufeff"));
  const cells = parseCsv(text).flat();
  for (const value of AWKWARD.slice(0, 8).concat(AWKWARD[10])) assert.ok(cells.includes("'" + value), JSON.stringify(value));
  assert.deepEqual(cells.filter((c) => /^[=+\-@\t\r\n]/.test(c)), []);
  assert.ok(text.includes("\"a \"\"quoted\"\" word, and a comma\""));   // quotes doubled inside a quoted cell
  assert.ok(text.includes("\"line one\nline two\""));                   // a line break stays inside its cell
});

test("a CSV export comes back exactly: guards taken off, quotes and line breaks kept, nothing else changed", () => {
  const { fw, state } = stateWith(AWKWARD);
  state.statements["s-1-1"].due = "2027-03-31";
  state.statements["s-1-1"].case_studies = ["hive"];
  const text = W.toCsv([COLUMNS].concat(W.csvRows(fw, state, COLUMNS)));
  const back = fromRows(parseCsv(text), fw);
  assert.equal(back.errors, undefined);
  const result = core.validate(back.data, fw);
  assert.equal(result.ok, true, result.errors && result.errors.join(" "));
  for (const id of Object.keys(state.statements)) {
    for (const field of ["tier", "evidence", "action", "lead", "due", "priority", "case_studies"]) {
      assert.deepEqual(result.state.statements[id][field], state.statements[id][field], `${id} ${field}`);
    }
  }
});

test("a CSV read as a file: a quote never closed refuses the file, naming its row", async () => {
  const fw = framework();
  const csv = "statement_id,tier,evidence\r\ns-1-1,Emerging,Fine\r\ns-1-2,Developing,\"Never closed\r\ns-2-1,Embedded,Swallowed\r\n";
  const result = await read(new File([csv], "broken.csv", { type: "text/csv" }), fw);
  assert.equal(result.data, undefined);
  assert.match(result.errors.join(" "), /^Row 3 opens a quote/);
});

test("a CSV written with semicolons (some European settings) is read too", () => {
  assert.deepEqual(parseCsv("statement_id;tier\r\ns-1-1;Emerging\r\n"), [["statement_id", "tier"], ["s-1-1", "Emerging"]]);
});

// ---- validation of imported files: refused with a message, nothing changed ---------------------------------

const REFUSED = {
  "wrong format": [exported({ format: "something-else" }), /not a self-evaluation export from this site .*"something-else"/],
  "no format": [{ version: 2, statements: {} }, /its format is null/],
  "wrong version": [exported({ version: 7 }), /format version 7; this site reads versions 1 and 2/],
  "version as text": [exported({ version: "2" }), /format version "2"/],
  "not an object": [[1, 2], /holds no evaluation object/],
  "no statements": [exported({ statements: [] }), /no "statements" object/],
  "unknown statement": [exported({ statements: { "s-99-1": { tier: "" } } }), /Unknown statement id "s-99-1"/],
  "unknown tier": [exported({ statements: { "s-1-1": { tier: "outstanding" } } }), /tier "outstanding", which does not exist/],
  "evidence not text": [exported({ statements: { "s-1-1": { tier: "", evidence: 42 } } }), /"evidence" must be text/],
  "priority not true or false": [exported({ statements: { "s-1-1": { tier: "", priority: "yes" } } }), /"priority" must be true or false/],
  "due not a date": [exported({ statements: { "s-1-1": { tier: "", due: "next March" } } }), /"due" must be a date/],
  "case studies not a list": [exported({ statements: { "s-1-1": { tier: "", case_studies: "hive" } } }), /"case_studies" must be a list/],
  "unknown case study": [exported({ statements: { "s-1-1": { tier: "", case_studies: ["nowhere"] } } }), /unknown case study "nowhere"/],
  "entry not an object": [exported({ statements: { "s-1-1": "emerging" } }), /Statement "s-1-1" is not an object/],
  "school not text": [exported({ school: { name: "Elm" } }), /"school" must be text/],
  "date not a date": [exported({ date: "22/11/2026" }), /"date" must be a date like 2026-11-22/],
  "retired not an object": [exported({ retired: [] }), /"retired" must be an object/],
  "retired holds a current statement": [exported({ retired: { "s-1-1": { tier: "" } } }), /not a retired statement/],
};
for (const id of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
  REFUSED[`hostile id ${id}`] = [JSON.parse(`{"format": "inclusion-audit-self-evaluation", "version": 2,
    "statements": {"s-1-2": {"tier": "developing"}, ${JSON.stringify(id)}: {"tier": "emerging", "case_studies": ["hive"]}}}`),
    new RegExp(`Unknown statement id "${id}"`)];
}

for (const [name, [data, message]] of Object.entries(REFUSED)) {
  test(`an imported file is refused, with a message, and nothing changed: ${name}`, () => {
    const fw = framework(), before = copy(data), island = copy(fw);
    const result = core.validate(data, fw);
    assert.equal(result.ok, false);
    assert.equal(result.state, undefined);                       // a file is all or nothing
    assert.match(result.errors.join(" "), message);
    assert.deepEqual(data, before);
    assert.deepEqual(fw, island);
    assert.equal(Object.prototype.polluted, undefined);
  });
}

test("saved work with a damaged entry keeps every part that is fine (and says what is wrong)", () => {
  const fw = framework();
  const result = core.validate(exported({ statements: { "s-1-1": { tier: "embedded", evidence: "fine" },
    "s-1-2": { tier: "outstanding" } } }), fw, { saved: true });
  assert.equal(result.ok, false);
  assert.equal(result.state.statements["s-1-1"].evidence, "fine");
  assert.equal(result.state.statements["s-1-2"], undefined);
});

test("a file larger than the largest export the form can make is refused before it is read", () => {
  const fw = framework();
  const most = core.maxBytes(fw);
  const big = new File([new Uint8Array(most + 1)], "huge.json", { type: "application/json" });
  let said;
  W.readFile(big, fw, (error, state) => { said = [error, state]; });
  assert.match(said[0], /^“huge\.json” is .* never larger than .*, so this is not one\.$/);
  assert.equal(said[1], undefined);
  // the limit follows the form's own limits: every text field full of characters JSON writes as six bytes
  const limits = core.limits(fw);
  assert.ok(most > 3 * 6 * (limits.evidence + limits.action + limits.lead));
});

test("a spreadsheet with a mistake is refused whole, each row named", () => {
  const fw = framework();
  const rows = [["Statement id", "Tier", "Priority"], ["s-1-1", "Emerging", "yes"], ["s-1-2", "Outstanding", ""],
    ["s-2-1", "Embedded", "maybe"]];
  const result = fromRows(rows, fw);
  assert.equal(result.data, undefined);
  assert.match(result.errors[0], /^Row 3 \(s-1-2\): the tier “Outstanding” is not one of “Emerging”, “Developing”, “Embedded”\.$/);
  assert.match(result.errors[1], /^Row 4 \(s-2-1\): priority “maybe” should be “yes” or empty\.$/);
});

// ---- the record declared once (data/workbook.yaml): a new field needs no code --------------------------------

test("a field added to the record is checked, merged, exported and read back by the code as it is", () => {
  const fw = framework();
  fw.record.statement.splice(5, 0, { id: "support", kind: "text", label: "Support from the local authority",
    headings: ["la support"], limit: 300 });
  assert.equal(core.limits(fw).support, 300);
  assert.ok(core.maxBytes(fw) > core.maxBytes(framework()));
  const refused = core.validate(exported({ statements: { "s-1-1": { tier: "", support: 7 } } }), fw);
  assert.match(refused.errors.join(" "), /"support" must be text/);
  const state = core.validate(exported({ statements: { "s-1-1": { tier: "emerging", support: "=A1, \"speech\"" } } }), fw).state;
  assert.equal(state.statements["s-1-1"].support, "=A1, \"speech\"");
  const mine = core.emptyState(fw);
  core.setField(mine, "s-1-1", "support", "newer");
  assert.equal(core.merge(fw, state, mine).statements["s-1-1"].support, "newer");
  const columns = ["statement_id"].concat(W.recordColumns(fw));
  assert.ok(columns.includes("support"));
  const back = fromRows(parseCsv(W.toCsv([columns].concat(W.csvRows(fw, state, columns)))), fw);
  assert.equal(back.data.statements["s-1-1"].support, "=A1, \"speech\"");
  // a spreadsheet may head it by its label or another heading the record gives
  for (const heading of ["Support from the local authority", "LA support"]) {
    const rows = [["Statement id", "Tier", heading], ["s-1-1", "Emerging", "Weekly"]];
    assert.equal(fromRows(rows, fw).data.statements["s-1-1"].support, "Weekly", heading);
  }
});

test("a priority's plan is the record's: its fields in order, and its first one written makes a priority", () => {
  const fw = framework();
  assert.deepEqual(core.planFields(fw).map((f) => f.id), fw.record.plan);
  fw.record.statement.splice(5, 0, { id: "support", kind: "text", label: "Support from the local authority", limit: 300 });
  fw.record.plan = ["support", "action"];
  assert.deepEqual(core.planFields(fw).map((f) => f.label), ["Support from the local authority", fw.record.statement[3].label]);
  // written with no Priority column: the plan's first field makes the statement a priority, another does not
  const rows = [["Statement id", "Tier", "Support from the local authority", "Next steps"],
    ["s-1-1", "Emerging", "Weekly visits", ""], ["s-1-2", "Emerging", "", "Train staff"]];
  const read = fromRows(rows, fw).data.statements;
  assert.equal(read["s-1-1"].priority, true);
  assert.equal(read["s-1-2"].priority, undefined);
  assert.equal(read["s-1-2"].action, "Train staff");
});

test("the format and the versions an import reads are the record's", () => {
  const fw = framework();
  fw.record.format = "another-format";
  fw.record.reads_versions = [2, 3];
  assert.equal(core.validate({ ...exported(), format: "another-format", version: 3 }, fw).ok, true);
  assert.match(core.validate({ ...exported(), format: "another-format", version: 1 }, fw).errors[0],
    /this site reads versions 2 and 3\./);
  assert.equal(core.emptyState(fw).format, "another-format");
});

// ---- the spreadsheet reader's guard against zip bombs (the worker's first step) --------------------------------

/* A zip's central directory and its end record only (what unzippedSize reads), declaring these unzipped sizes. */
function zipDirectory(sizes, { signature = 0x02014b50 } = {}) {
  const buffer = new ArrayBuffer(46 * sizes.length + 22), view = new DataView(buffer);
  sizes.forEach((size, i) => {
    view.setUint32(46 * i, signature, true);
    view.setUint32(46 * i + 24, size, true);
  });
  const end = 46 * sizes.length;
  view.setUint32(end, 0x06054b50, true);
  view.setUint16(end + 10, sizes.length, true);
  view.setUint32(end + 16, 0, true);
  return buffer;
}

test("a zip's unzipped size is the sum its directory declares; one that cannot be measured counts as too big", () => {
  assert.equal(unzippedSize(zipDirectory([1000, 2500, 0])), 3500);
  assert.equal(unzippedSize(zipDirectory([0xffffffff])), Infinity);                 // ZIP64: sizes elsewhere
  assert.equal(unzippedSize(zipDirectory([10], { signature: 0x12345678 })), Infinity); // a damaged directory
  assert.equal(unzippedSize(new ArrayBuffer(64)), Infinity);                         // no end record: not a zip
});
