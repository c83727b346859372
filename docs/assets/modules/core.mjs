/* The workbook's core, shared by the self-evaluation, action plan, compare and trust pages.
 * It alone reads and writes the saved work, validates files, and makes the export formats (JSON and CSV rows);
 * the pages only draw. A page's script (docs/assets/<page>.js) calls define("name", start), and start(root, W, fw)
 * runs for every element marked data-module="name" (W is this core, fw the framework).
 * An ES module: the finish step bundles it into each page's one script (finish/scripts.py), and Node's tests
 * import it as it is (tests/js/), so nothing here touches the page until a function is called.
 * Everything stays in this browser: localStorage and files the user picks. Nothing is sent anywhere. */

export var STORAGE_KEY = "inclusion-audit-workbook";
export var BACKUP_KEY = "inclusion-audit-workbook-before-import";
/* ---- the record: its format, version and fields, declared once in data/workbook.yaml ----------------------- */

/* The data island carries the record as fw.record: {format, version, reads_versions, evaluation: [field],
 * statement: [field]}, each field {id, kind: text|date|yes-no|tier|case-studies, label, headings, limit}. */
export function fieldsOf(fw, part) { return fw.record[part].map(function (f) { return f.id; }); }

/* A priority's plan: the record's `plan:` fields, in order (the self-evaluation's boxes, the action plan's columns,
 * the report's lines). */
export function planFields(fw) {
  return fw.record.plan.map(function (id) { return fw.record.statement.filter(function (f) { return f.id === id; })[0]; });
}

/* The longest text each text field of the form takes (its maxlength; the self-evaluation's template writes the
 * same numbers from the same declaration). The import limit comes from them. */
export function limits(fw) {
  var out = {};
  fw.record.evaluation.concat(fw.record.statement).forEach(function (f) { if (f.limit) out[f.id] = f.limit; });
  return out;
}

/* A field's value when nothing is there (fields of both parts, by id). */
function emptyOf(fw, id) {
  var f = fw.record.evaluation.concat(fw.record.statement).filter(function (g) { return g.id === id; })[0];
  return f.kind === "yes-no" ? false : f.kind === "case-studies" ? [] : "";
}

/* The largest export the form can make, in bytes: every text field full of characters that JSON writes as six
 * bytes (\u001f), and room for the rest of an entry (its tier, dates, every case study of its area). A file
 * larger than this cannot be an export; one up to this size is read. */
export function maxBytes(fw) {
  var sum = function (fields) { return fields.reduce(function (n, f) { return n + (f.limit || 0); }, 0); };
  var perStatement = 6 * sum(fw.record.statement) + 1024;
  var total = 6 * sum(fw.record.evaluation) + 64 * 1024;
  fw.areas.forEach(function (area) {
    var cases = area.case_studies.reduce(function (n, c) { return n + (c.id || c).length + 8; }, 0);
    total += area.statements.length * (perStatement + cases);
  });
  return total;
}

/* ---- the framework, from the page's data island ------------------------------------------------------- */

var parsed;
export function framework() {
  if (parsed !== undefined) return parsed;
  var node = document.getElementById("wb-framework");
  parsed = node ? JSON.parse(node.textContent) : null;
  if (!parsed) return parsed;
  // the island lists each case study once, the areas their places in that list, and leaves out the paths of
  // pages at their usual address (rendering/pages.py)
  parsed.case_studies.forEach(function (c) { c.path = c.path || "case-studies/" + c.id + "/"; });
  parsed.areas.forEach(function (a) {
    a.path = a.path || "areas/" + a.id + "/";
    a.case_studies = a.case_studies.map(function (n) { return parsed.case_studies[n]; });
  });
  if (parsed.texts === "page") textsFromPage(parsed);
  return parsed;
}

/* The self-evaluation's island leaves out the statements' texts and descriptors: its form holds them (one
 * copy per page), so they are read from there. The legend is "label text"; each .wb-descriptor has the tier's
 * paragraphs (none when it holds only the "no separate paragraph" note). */
export function textsFromPage(fw) {
  fw.areas.forEach(function (area) {
    area.statements.forEach(function (s) {
      var section = document.getElementById("eval-" + s.id);
      s.text = section.querySelector("legend").textContent.slice(s.label.length + 1);
      s.descriptors = {};
      section.querySelectorAll(".wb-descriptor").forEach(function (box) {
        s.descriptors[box.getAttribute("data-tier")] = Array.prototype.map.call(
          box.querySelectorAll(".wb-descriptor__para:not(.no-descriptor)"), function (p) { return p.textContent; });
      });
    });
  });
}

/* ---- scripts loaded when needed (the spreadsheet reader, the printed report) ------------------------------ */

// where this script was loaded from: the others are beside it
var HERE = typeof document !== "undefined" && document.currentScript ? document.currentScript.src.replace(/[^/]*$/, "") : "";
var loading = {};

/* Load one of the workbook's scripts ("workbook-sheets", which defines window.WorkbookSheets) once, unless the
 * page has it already; a Promise, rejected when it cannot be loaded (offline), and then tried again next time. */
export function need(name, global) {
  if (window[global]) return Promise.resolve();
  if (!loading[name]) {
    loading[name] = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = HERE + name + ".js";
      script.onload = resolve;
      script.onerror = function () { delete loading[name]; script.remove(); reject(new Error(name + " could not be loaded")); };
      document.head.appendChild(script);
    });
  }
  return loading[name];
}

/* statement id -> {statement, area}, as a Map so that no id ("__proto__", "toString") can reach a prototype. */
export function statementIndex(fw) {
  var index = new Map();
  fw.areas.forEach(function (area) {
    area.statements.forEach(function (s) { index.set(s.id, { statement: s, area: area }); });
  });
  return index;
}

export function tierIds(fw) { return fw.tiers.map(function (t) { return t.id; }); }

export function tierRank(fw, id) { return id ? tierIds(fw).indexOf(id) : -1; }

export function tierName(fw, id) {
  var tier = fw.tiers.filter(function (t) { return t.id === id; })[0];
  return tier ? tier.name : "Not yet judged";
}

/* The tier after this one, or null at the top tier or when not judged. */
export function nextTier(fw, id) {
  var rank = tierRank(fw, id);
  return rank >= 0 && rank < fw.tiers.length - 1 ? fw.tiers[rank + 1] : null;
}

/* A statement's descriptor paragraphs at one tier (from the data island). */
export function descriptors(statement, tierId) {
  return (statement.descriptors && Object.prototype.hasOwnProperty.call(statement.descriptors, tierId) &&
    statement.descriptors[tierId]) || [];
}

/* What to do next for a judged statement: {judged, top, tier, paragraphs}. The one place that decides it. */
export function nextStep(fw, statement, entry) {
  var tier = entry && entry.tier;
  if (!tier) return { judged: false, top: false, tier: null, paragraphs: [] };
  var next = nextTier(fw, tier);
  if (!next) return { judged: true, top: true, tier: null, paragraphs: [] };
  var paragraphs = descriptors(statement, next.id);
  return { judged: true, top: false, tier: next,
    paragraphs: paragraphs.length ? paragraphs : ["The framework has no separate paragraph for this statement at this tier."] };
}

/* The featured case studies of an area that a statement's entry chose, in the area's order. */
export function chosenCases(area, entry) {
  var chosen = (entry && entry.case_studies) || [];
  return area.case_studies.filter(function (c) { return chosen.indexOf(c.id) >= 0; });
}

/* Counts per tier (and "" for not judged) for one area of a state. */
export function areaCounts(fw, state, area) {
  var counts = { "": 0 };
  fw.tiers.forEach(function (t) { counts[t.id] = 0; });
  area.statements.forEach(function (s) {
    var entry = entryOf(state, s.id);
    counts[entry && entry.tier ? entry.tier : ""] += 1;
  });
  return counts;
}

/* Per-tier totals: counts added into sum (a new object when sum is null). */
export function addCounts(sum, counts) {
  if (!sum) return Object.assign({}, counts);
  Object.keys(counts).forEach(function (k) { sum[k] += counts[k]; });
  return sum;
}

/* Counts per tier over every area of a state. */
export function totalCounts(fw, state) {
  return fw.areas.reduce(function (sum, area) { return addCounts(sum, areaCounts(fw, state, area)); }, null);
}

export function countsText(fw, counts) {
  return fw.tiers.map(function (t) { return t.name + " " + counts[t.id]; }).join(", ") + ", not yet judged " + counts[""];
}

/* A statement's saved entry, or undefined (own keys only). */
export function entryOf(state, id) {
  return Object.prototype.hasOwnProperty.call(state.statements, id) ? state.statements[id] : undefined;
}

/* ---- the saved work: verified writes, per-field merging, unreadable copies kept -------------------------- */

export var UNREADABLE_KEY = STORAGE_KEY + "-unreadable";   // a list of copies this site could not read: [{found_at, text}]
var UNREADABLE_LIMIT = 5;                            // the newest five are kept
export function emptyState(fw) {
  var state = { format: fw.record.format, version: fw.record.version, edition: fw.edition };
  fw.record.evaluation.forEach(function (f) { state[f.id] = emptyOf(fw, f.id); });
  state.statements = {};
  return state;
}

/* A logical clock for edits (a hybrid logical clock, as local-first apps use): each edit's stamp is later than
 * every stamp this tab has seen, in its own edits and in any saved copy it has read, and never the same twice.
 * It follows the computer's clock while that clock is ahead, so stamps stay readable as times; but a saved copy
 * stamped ahead of the clock (a school laptop whose clock was wrong, then corrected) cannot win over what is
 * typed now, because reading that copy moves this clock past its stamps. Saved work from earlier versions has
 * the same stamps (milliseconds), so it loads and merges as it is. */
var lastTick = 0;
export function tick() { lastTick = Math.max(Date.now(), lastTick + 1); return lastTick; }
// a stamp beyond 2^52 (damaged data) is ignored: past it, adding 1 would no longer make a later stamp
export function seen(time) { if (typeof time === "number" && time > lastTick && time < 4503599627370496) lastTick = time; }

/* Move the clock past every stamp in a copy of the saved work. */
export function observe(state) {
  if (!state || typeof state !== "object") return;
  seen(state.replaced_at);
  [state].concat(Object.keys(state.statements || {}).map(function (id) { return state.statements[id]; }),
    Object.keys(state.retired || {}).map(function (id) { return state.retired[id]; })).forEach(function (holder) {
    var changed = holder && holder.changed;
    if (changed && typeof changed === "object") Object.keys(changed).forEach(function (f) { seen(changed[f]); });
  });
}

/* Record an edit: one field of one statement (or "school"/"date" when id is null), stamped with the time. */
export function setField(state, id, field, value) {
  var target = state;
  if (id !== null) {
    if (!Object.prototype.hasOwnProperty.call(state.statements, id)) state.statements[id] = { tier: "", evidence: "" };
    target = state.statements[id];
  }
  target[field] = value;
  target.changed = target.changed || {};
  target.changed[field] = tick();
}

/* Stamp every field as written now, after the state replaced all earlier work (an import, an undo, a clear):
 * anything older in another tab's copy then loses to it in a merge, even fields this state leaves empty. */
export function replaceAll(fw, state) {
  var now = tick();
  state.replaced_at = now;
  state.changed = {};
  fieldsOf(fw, "evaluation").forEach(function (f) { state.changed[f] = now; });
  Object.keys(state.statements).forEach(function (id) {
    var e = state.statements[id];
    e.changed = {};
    fieldsOf(fw, "statement").forEach(function (f) { if (e[f] !== undefined) e.changed[f] = now; });
  });
  return state;
}

/* One field of one copy as {value, time}. A value without its own edit time counts from the copy's last
 * replacement; anything older than the newest replacement of either copy counts as empty. */
export function fieldOf(holder, field, empty, replacedAt, cut) {
  var time = holder && holder.changed && typeof holder.changed[field] === "number" ? holder.changed[field] : (replacedAt || 0);
  if (time < cut) return { value: empty, time: cut };
  return { value: holder && holder[field] !== undefined ? holder[field] : empty, time: time };
}

export function isEmpty(value) { return value === "" || value === false || value === undefined || (Array.isArray(value) && !value.length); }

/* The newer of two versions of a field; on a tie the one with something in it, then mine. */
export function newer(theirs, mine) {
  if (theirs.time !== mine.time) return theirs.time > mine.time ? theirs : mine;
  return isEmpty(mine.value) && !isEmpty(theirs.value) ? theirs : mine;
}

/* Merge two copies of the saved work (the stored one and this tab's) field by field: the newer edit of each
 * field wins. Never a whole-state overwrite, so no tab writes over another tab's newer work. */
export function merge(fw, stored, mine, report) {
  report = report || {};
  observe(stored);
  observe(mine);
  if (!stored) return mine;
  if (!mine) return stored;
  var cut = Math.max(stored.replaced_at || 0, mine.replaced_at || 0);
  var out = emptyState(fw);
  if (cut) out.replaced_at = cut;
  function pick(a, b, field, into) {
    var empty = emptyOf(fw, field);
    var theirs = fieldOf(a, field, empty, stored.replaced_at, cut), ours = fieldOf(b, field, empty, mine.replaced_at, cut);
    var win = newer(theirs, ours);
    if (win === theirs && JSON.stringify(theirs.value) !== JSON.stringify(ours.value)) report.theirs = true;
    if (isEmpty(win.value) && !win.time) return;         // nothing there, ever: leave the field out
    into[field] = Array.isArray(win.value) ? win.value.slice() : win.value;
    if (win.time) { into.changed = into.changed || {}; into.changed[field] = win.time; }
  }
  fieldsOf(fw, "evaluation").forEach(function (f) { pick(stored, mine, f, out); });
  Object.keys(stored.statements).concat(Object.keys(mine.statements)).forEach(function (id) {
    if (own(out.statements, id)) return;
    var a = entryOf(stored, id), b = entryOf(mine, id), e = { tier: "", evidence: "" };
    fieldsOf(fw, "statement").forEach(function (f) { pick(a, b, f, e); });
    // case studies kept from an earlier edition: the union of both copies, never dropped
    var kept = ((a && a.retired_case_studies) || []).concat((b && b.retired_case_studies) || []);
    kept = kept.filter(function (c, i) { return kept.indexOf(c) === i; });
    if (kept.length) e.retired_case_studies = kept;
    out.statements[id] = e;
  });
  // statements kept from earlier editions: never dropped, unless an import or a clear replaced that copy since
  function keptOf(copy) { return (copy.replaced_at || 0) < cut ? {} : copy.retired || {}; }
  var retired = Object.assign({}, keptOf(stored), keptOf(mine));
  if (Object.keys(retired).length) out.retired = retired;
  return out;
}

export function isQuota(error) {
  return error && (error.name === "QuotaExceededError" || error.name === "NS_ERROR_DOM_QUOTA_REACHED" || error.code === 22);
}

/* localStorage can be turned off or blocked: reading it then throws, so read through this. */
export function stored(key) {
  try { return window.localStorage.getItem(key); } catch (e) { return null; }
}

/* Write, then read back and compare. Returns {ok} or {ok: false, reason: "full" | "blocked" | "unverified"}. */
export function writeVerified(key, text) {
  try { window.localStorage.setItem(key, text); } catch (e) { return { ok: false, reason: isQuota(e) ? "full" : "blocked" }; }
  var back;
  try { back = window.localStorage.getItem(key); } catch (e) { return { ok: false, reason: "blocked" }; }
  return back === text ? { ok: true } : { ok: false, reason: "unverified" };
}

export function remove(key) { try { window.localStorage.removeItem(key); } catch (e) { /* storage blocked: nothing there */ } }

/* Can this page store anything at all? "ok", "full" or "blocked" (private windows, locked-down profiles). */
export function storageState() {
  try {
    var probe = STORAGE_KEY + "-probe";
    window.localStorage.setItem(probe, "1");
    var ok = window.localStorage.getItem(probe) === "1";
    window.localStorage.removeItem(probe);
    return ok ? "ok" : "blocked";
  } catch (e) {
    return isQuota(e) ? "full" : "blocked";
  }
}

/* The copies of saved work this site could not read, oldest first. (An older version of this page kept one
 * copy as plain text under the same key: that one is read as the first copy.) */
export function unreadableCopies() {
  var raw = stored(UNREADABLE_KEY);
  if (!raw) return [];
  try {
    var list = JSON.parse(raw);
    if (Array.isArray(list) && list.every(function (c) { return c && typeof c.text === "string"; })) return list;
  } catch (e) { /* the older single copy */ }
  return [{ found_at: "", text: raw }];
}

/* Keep an unreadable copy (once; the newest five). Returns true when it is stored and read back. */
export function keepUnreadable(text) {
  var list = unreadableCopies();
  if (list.some(function (c) { return c.text === text; })) return true;
  list.push({ found_at: new Date().toISOString(), text: text });
  while (list.length > UNREADABLE_LIMIT) list.shift();
  return writeVerified(UNREADABLE_KEY, JSON.stringify(list)).ok;
}

/* Read the saved work: {state, raw, problem, partial, errors, moved, retired, from_edition}. Never throws. */
export function readSaved(fw) {
  var raw;
  try { raw = window.localStorage.getItem(STORAGE_KEY); } catch (e) { return { state: emptyState(fw), blocked: true }; }
  if (!raw) return { state: emptyState(fw) };
  var data;
  try { data = JSON.parse(raw); } catch (e) {
    return { state: emptyState(fw), raw: raw, problem: "it is not complete or not in the right form (it may have been damaged)" };
  }
  var result = validate(data, fw, { saved: true });
  observe(result.state);         // the next edit is stamped after everything saved, whatever the clock says
  var out = { state: result.state || emptyState(fw), moved: result.moved || [], retired: result.retired || [],
    from_edition: result.from_edition };
  if (!result.ok) {
    out.raw = raw;
    out.errors = result.errors;
    out.partial = !!result.state;
    out.problem = result.errors.slice(0, 3).join(" ") + (result.errors.length > 3 ? " (and " + (result.errors.length - 3) + " more problems)" : "");
  }
  return out;
}

/* What every page calls at load: the saved work, what could not be read (kept, never thrown away), what moved to
 * a new edition's ids, and whether storage works at all. */
export function load(fw) {
  var found = readSaved(fw);
  found.storage = found.blocked ? "blocked" : storageState();
  if (found.raw) found.kept = keepUnreadable(found.raw);
  found.copies = unreadableCopies();
  return found;
}

/* Save this tab's work: merge it into what is stored (another tab may have saved since), write, read back.
 * Returns {ok, state} (state: the merged work to show) or {ok: false, reason}. Stored data this page cannot
 * read is kept as an unreadable copy first; if even that fails, nothing is written over it. */
export function save(fw, state) {
  var found = readSaved(fw);
  if (found.blocked) return { ok: false, reason: "blocked", state: state };
  if (found.raw && !keepUnreadable(found.raw)) return { ok: false, reason: "full", state: state };
  var report = {};
  var merged = found.raw && !found.partial ? state : merge(fw, found.state, state, report);
  merged.edition = fw.edition;
  merged.saved_at = new Date().toISOString();
  var result = writeVerified(STORAGE_KEY, JSON.stringify(merged));
  // theirs: another tab's newer work came in with the merge, so the page should redraw
  return { ok: result.ok, reason: result.reason, state: result.ok ? merged : state, theirs: !!report.theirs };
}

/* ---- the file format: validate, read, export ----------------------------------------------------------- */

export function isDate(value) { return value === "" || /^\d{4}-\d{2}-\d{2}$/.test(value); }

export function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

/* The data island's migrations as Maps and Sets (the framework's own lists: no plain-object lookups). */
export function migrations(fw) {
  var m = fw.migrations || {};
  function kind(name) {
    var k = (own(m, name) && m[name]) || {};
    var renamed = new Map();
    Object.keys(k.renamed || {}).forEach(function (old) { renamed.set(old, k.renamed[old]); });
    return { renamed: renamed, retired: new Set(Array.isArray(k.retired) ? k.retired : []) };
  }
  return { statement: kind("statement"), case_study: kind("case_study") };
}

/* An old id's current id (following a chain of renames), or null. */
export function renamedTo(map, id, known) {
  var seen = 0;
  while (map.has(id) && seen < 20) { id = map.get(id); seen += 1; }
  return seen && known(id) ? id : null;
}

/* Check one statement's entry; the clean copy, with errors pushed to errors. Text, date and yes-no fields are
 * checked by their kind in the record; the tier here, the case studies by validate. */
export function cleanEntry(fw, entry, where, tiers, errors) {
  if (!entry || typeof entry !== "object" || Array.isArray(entry)) { errors.push(where + " is not an object."); return null; }
  var tier = entry.tier === null || entry.tier === undefined ? "" : entry.tier;
  if (tier !== "" && tiers.indexOf(tier) < 0) {
    errors.push(where + " has tier " + JSON.stringify(tier) + ", which does not exist (use " + tiers.join(", ") + ").");
    return null;
  }
  var clean = { tier: tier, evidence: "" };
  fw.record.statement.forEach(function (f) {
    var value = entry[f.id];
    if (value === undefined || !own(MUST, f.kind)) return;
    var fine = f.kind === "text" ? typeof value === "string" : f.kind === "date" ? typeof value === "string" && isDate(value) :
      typeof value === "boolean";
    if (!fine) errors.push(where + ": \"" + f.id + "\" must be " + MUST[f.kind] + ".");
    else clean[f.id] = value;
  });
  if (entry.changed && typeof entry.changed === "object") {       // edit times, in saved work only
    clean.changed = {};
    fieldsOf(fw, "statement").forEach(function (f) { if (own(entry.changed, f) && typeof entry.changed[f] === "number") clean.changed[f] = entry.changed[f]; });
  }
  return clean;
}

// what a field of each kind must be, in an error message
var MUST = { text: "text", date: "a date", "yes-no": "true or false" };

/* Check a parsed file (or saved work) and move it to this edition's ids.
 * Returns {ok, state, errors, moved: [{kind, from, to}], retired: [{kind, id}], from_edition}; never changes
 * anything. A file is all or nothing (state only when ok); saved work (options.saved) keeps every part that
 * is fine, so the page can restore it while the whole copy is kept aside. */
export function validate(data, fw, options) {
  var saved = options && options.saved;
  var errors = [], moved = [], retired = [];
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    return { ok: false, errors: ["The file is not a self-evaluation export (it holds no evaluation object)."] };
  }
  var record = fw.record;
  if (data.format !== record.format) {
    return { ok: false, errors: ["The file is not a self-evaluation export from this site (its format is " +
      JSON.stringify(data.format === undefined ? null : data.format) + ", expected \"" + record.format + "\")."] };
  }
  if (record.reads_versions.indexOf(data.version) < 0) {
    return { ok: false, errors: ["The file has format version " + JSON.stringify(data.version) +
      "; this site reads versions " + record.reads_versions.join(" and ") + "."] };
  }
  if (!data.statements || typeof data.statements !== "object" || Array.isArray(data.statements)) {
    return { ok: false, errors: ["The file has no \"statements\" object."] };
  }
  var known = statementIndex(fw), tiers = tierIds(fw), mig = migrations(fw);
  var state = emptyState(fw);
  var fromEdition = typeof data.edition === "string" ? data.edition : "";
  if (data.version !== 1) {         // version 1 had no fields for the evaluation as a whole
    record.evaluation.forEach(function (f) {
      var value = data[f.id];
      var fine = f.kind === "text" ? typeof value === "string" : typeof value === "string" && isDate(value);
      if (value !== undefined && !fine) errors.push("\"" + f.id + "\" must be " + (f.kind === "text" ? "text" : "a date like 2026-11-22") + ".");
      if (fine) state[f.id] = f.kind === "text" ? value.slice(0, f.limit) : value;
    });
  }
  if (saved) {
    if (typeof data.replaced_at === "number") state.replaced_at = data.replaced_at;
    if (data.changed && typeof data.changed === "object") {
      state.changed = {};
      fieldsOf(fw, "evaluation").forEach(function (f) { if (own(data.changed, f) && typeof data.changed[f] === "number") state.changed[f] = data.changed[f]; });
    }
  }

  /* Case studies of an entry: current ids kept, renamed ones moved, retired ones kept aside. */
  function placeCases(list, area, where, clean) {
    if (list === undefined) return;
    if (!Array.isArray(list)) { errors.push(where + ": \"case_studies\" must be a list."); return; }
    var cases = area ? area.case_studies.map(function (c) { return c.id; }) : [];
    var inArea = function (c) { return cases.indexOf(c) >= 0; };
    clean.case_studies = [];
    list.forEach(function (c) {
      if (typeof c !== "string") { errors.push(where + ": a case study id must be text."); return; }
      if (inArea(c)) { clean.case_studies.push(c); return; }
      var to = renamedTo(mig.case_study.renamed, c, inArea);
      if (to) { clean.case_studies.push(to); moved.push({ kind: "case_study", from: c, to: to }); return; }
      if (mig.case_study.retired.has(c)) {
        clean.retired_case_studies = (clean.retired_case_studies || []).concat([c]);
        retired.push({ kind: "case_study", id: c, statement: where });
        return;
      }
      errors.push(where + ": unknown case study " + JSON.stringify(c) + ".");
    });
  }

  Object.keys(data.statements).forEach(function (id) {
    var where = "Statement " + JSON.stringify(id);
    var target = id;
    if (!known.has(id)) {
      target = renamedTo(mig.statement.renamed, id, function (x) { return known.has(x); });
      if (!target) {
        if (mig.statement.retired.has(id)) { keepRetired(id, data.statements[id]); return; }
        errors.push("Unknown statement id " + JSON.stringify(id) + ": it is not one of this framework's statements.");
        return;
      }
      if (own(data.statements, target)) {       // both the old and the new id: keep the old one aside, shown
        keepRetired(id, data.statements[id]);
        return;
      }
      moved.push({ kind: "statement", from: id, to: target });
    }
    var entryErrors = [];
    var clean = cleanEntry(fw, data.statements[id], where, tiers, entryErrors);
    if (clean) {
      placeCases(data.statements[id].case_studies, known.get(target).area, where, clean);
      keepCases(data.statements[id], clean, where, entryErrors);
    }
    errors.push.apply(errors, entryErrors);
    if (clean && !entryErrors.length) state.statements[target] = clean;
  });

  /* Statements retired from the framework: kept, shown and exported, never dropped. */
  function keepRetired(id, entry) {
    var entryErrors = [];
    var clean = cleanEntry(fw, entry, "Statement " + JSON.stringify(id), tiers, entryErrors);
    if (clean && Array.isArray(entry.case_studies)) clean.case_studies = entry.case_studies.filter(function (c) { return typeof c === "string"; });
    errors.push.apply(errors, entryErrors);
    if (!clean || entryErrors.length) return;
    state.retired = state.retired || {};
    state.retired[id] = clean;
    retired.push({ kind: "statement", id: id });
  }

  /* Case studies kept aside by an earlier migration (in saved work and in exports made since). */
  function keepCases(entry, clean, where, entryErrors) {
    if (entry.retired_case_studies === undefined) return;
    if (!Array.isArray(entry.retired_case_studies)) { entryErrors.push(where + ": \"retired_case_studies\" must be a list."); return; }
    entry.retired_case_studies.forEach(function (c) {
      if (typeof c === "string" && mig.case_study.retired.has(c)) {
        if ((clean.retired_case_studies || []).indexOf(c) < 0) clean.retired_case_studies = (clean.retired_case_studies || []).concat([c]);
      } else entryErrors.push(where + ": " + JSON.stringify(c) + " is not a retired case study of this framework.");
    });
  }

  if (data.retired !== undefined) {
    if (!data.retired || typeof data.retired !== "object" || Array.isArray(data.retired)) errors.push("\"retired\" must be an object.");
    else Object.keys(data.retired).forEach(function (id) {
      if (mig.statement.retired.has(id)) keepRetired(id, data.retired[id]);
      else errors.push("\"retired\" holds " + JSON.stringify(id) + ", which is not a retired statement of this framework.");
    });
  }

  var result = { ok: !errors.length, errors: errors, moved: moved, retired: retired, from_edition: fromEdition };
  if (!errors.length || saved) result.state = state;
  return result;
}

/* Why a save failed, in plain words. */
export function problemText(reason) {
  return reason === "full" ? "this browser's storage for this site is full" :
    reason === "blocked" ? "this browser is not letting this site store anything (its storage is turned off or blocked, as in some private windows and locked-down school profiles)" :
    "the browser did not give back what was written, so it cannot be trusted to keep it";
}

/* Ask the browser to keep this site's data even when the device runs short of space.
 * Resolves to "granted", "refused" or "unsupported"; never rejects. */
export function askToKeep() {
  try {
    if (!navigator.storage || !navigator.storage.persist) return Promise.resolve("unsupported");
    var already = navigator.storage.persisted ? navigator.storage.persisted() : Promise.resolve(false);
    return already.then(function (yes) { return yes || navigator.storage.persist(); })
      .then(function (yes) { return yes ? "granted" : "refused"; }, function () { return "unsupported"; });
  } catch (e) {
    return Promise.resolve("unsupported");
  }
}

/* ---- small helpers for text and dates ---------------------------------------------------------------- */

/* 2026-03-14 -> 14 March 2026 (read as a calendar date, so no time zone can move it a day). */
export function ukDate(iso) {
  if (!iso || !isDate(iso)) return iso || "";
  var p = iso.split("-");
  return new Date(+p[0], +p[1] - 1, +p[2]).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}

/* A file name part from a school's name: "Oak Tree Primary" -> "oak-tree-primary". */
export function slug(text) {
  return (text || "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

export function today() { return new Date().toISOString().slice(0, 10); }

export function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

/* ---- drawing ------------------------------------------------------------------------------------------ */

export function el(tag, attrs, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) {
    if (k === "text") node.textContent = attrs[k];
    else if (k === "className") node.className = attrs[k];
    else node.setAttribute(k, attrs[k]);
  });
  (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
  return node;
}

/* Text made safe to put into HTML. */
export function escape(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/* A table header cell (scope "col" unless told). */
export function th(text, scope) { return el("th", { scope: scope || "col", text: text }); }

/* Show a message in an error box (role=alert), or hide the box when the message is empty. */
export function showError(node, message) {
  node.textContent = message;
  node.hidden = !message;
}

/* Show the parts that only work with JavaScript, drop the "needs JavaScript" texts. */
export function enhance() {
  document.querySelectorAll(".js-only").forEach(function (node) { node.hidden = false; });
  document.querySelectorAll(".no-js-text").forEach(function (node) { node.remove(); });
}

/* A print button; printing opens every collapsed section so the printout shows all of it. With prepare, the
 * button asks it first: true prints at once (within the click, as some browsers want), a Promise of true
 * prints when it resolves, anything else does not print. */
var printing = false;
export function printButton(button, prepare) {
  button.addEventListener("click", function () {
    var ready = prepare ? prepare() : true;
    if (ready === true) window.print();
    else if (ready && ready.then) ready.then(function (ok) { if (ok === true) window.print(); });
  });
  if (printing) return;
  printing = true;
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () { opened.forEach(function (d) { d.open = false; }); });
}

/* A stacked bar with a text equivalent: how many statements sit at each tier. */
export function tierBar(fw, counts, total, label) {
  var bar = el("div", { className: "tier-bar", role: "img", "aria-label": label });
  fw.tiers.concat([{ id: "", name: "Not yet judged" }]).forEach(function (t) {
    var n = counts[t.id] || 0;
    if (!n) return;
    var part = el("span", { className: "tier-bar__part tier-bar__part--" + (t.id || "none"), title: t.name + ": " + n });
    part.style.width = (100 * n / total) + "%";
    if (n / total >= 0.1) part.textContent = n;    // a narrower part has no room for its number (the label has it)
    bar.appendChild(part);
  });
  return bar;
}

/* The key to the bars' colours (each bar also has its counts as text). */
export function tierKey(fw) {
  var key = el("ul", { className: "tier-key", "aria-label": "Key" });
  fw.tiers.concat([{ id: "none", name: "Not yet judged" }]).forEach(function (t) {
    key.appendChild(el("li", {}, [el("span", { className: "tier-key__swatch tier-bar__part--" + t.id, "aria-hidden": "true" }), " " + t.name]));
  });
  return key;
}

/* A wide table in a box that scrolls sideways on a narrow screen; focusable so a keyboard can scroll it, and
 * saying so above it whenever it is wider than the screen (a scroll bar alone is easy to miss on a phone). */
var boxes = 0;
export function scrollBox(table, label, className) {
  var hint = el("p", { className: "table-hint", id: "table-hint-" + (++boxes), hidden: "",
    text: "This table is wider than the screen: scroll it sideways, or tab to it and use the arrow keys." });
  var wrap = el("div", { className: "table-wrap" + (className ? " " + className : ""), role: "region", "aria-label": label,
    tabindex: "0", "aria-describedby": hint.id }, [table]);
  var check = function () { hint.hidden = wrap.scrollWidth <= wrap.clientWidth + 1; };
  if (window.ResizeObserver) {
    var watch = new ResizeObserver(check);
    watch.observe(wrap);
    watch.observe(table);     // the table grows when its content or the fonts arrive, the box does not
  }
  return el("div", { className: "table-box" }, [hint, wrap]);
}

/* ---- pages start from their element --------------------------------------------------------------------- */

export var core = {
  STORAGE_KEY: STORAGE_KEY, BACKUP_KEY: BACKUP_KEY, fieldsOf: fieldsOf, planFields: planFields, limits: limits, maxBytes: maxBytes,
  // framework
  framework: framework, need: need, statementIndex: statementIndex, tierIds: tierIds, tierRank: tierRank, tierName: tierName,
  nextTier: nextTier, nextStep: nextStep, descriptors: descriptors, chosenCases: chosenCases, entryOf: entryOf,
  areaCounts: areaCounts, addCounts: addCounts, totalCounts: totalCounts, countsText: countsText,
  // saved work and files
  emptyState: emptyState, stored: stored, load: load, readSaved: readSaved, save: save, merge: merge, setField: setField,
  writeVerified: writeVerified, replaceAll: replaceAll, remove: remove, unreadableCopies: unreadableCopies,
  UNREADABLE_KEY: UNREADABLE_KEY, problemText: problemText, askToKeep: askToKeep,
  validate: validate,
  // text
  ukDate: ukDate, slug: slug, today: today, plural: plural,
  // drawing
  el: el, escape: escape, th: th, showError: showError, enhance: enhance, printButton: printButton, tierBar: tierBar, tierKey: tierKey,
  scrollBox: scrollBox
};

/* define("compare", function (root, W, fw) {...}): run start for each element with data-module="compare".
 * Page scripts come after their element, so it is already in the document. The core is also window.Workbook.core:
 * the parts the self-evaluation loads later (workbook-files.js) are separate scripts and add themselves to it,
 * so that the page has one clock and one copy of the saved work. */
export function define(name, start) {
  var fw = framework();
  if (!fw) return;
  window.Workbook = window.Workbook || { core: core };
  document.querySelectorAll("[data-module='" + name + "']").forEach(function (root) { start(root, core, fw); });
}
