/* The workbook's core, shared by the self-evaluation, action plan, compare and trust pages.
 * It alone reads and writes the saved work, validates files, and makes the export formats (JSON and CSV rows);
 * the pages only draw. Each page registers itself with Workbook.define("name", start), and start(root, W) runs
 * for every element marked data-module="name" (W is this core).
 * Everything stays in this browser: localStorage and files the user picks. Nothing is sent anywhere. */
(function () {
  "use strict";

  var FORMAT = "inclusion-audit-self-evaluation";
  var VERSION = 2;              // 2 added school, date, priorities and actions; version 1 files still import
  var STORAGE_KEY = "inclusion-audit-workbook";
  var BACKUP_KEY = "inclusion-audit-workbook-before-import";
  var MAX_BYTES = 2 * 1024 * 1024;

  /* ---- the framework, from the page's data island ------------------------------------------------------- */

  function framework() {
    var node = document.getElementById("wb-framework");
    return node ? JSON.parse(node.textContent) : null;
  }

  /* statement id -> {statement, area}, as a Map so that no id ("__proto__", "toString") can reach a prototype. */
  function statementIndex(fw) {
    var index = new Map();
    fw.areas.forEach(function (area) {
      area.statements.forEach(function (s) { index.set(s.id, { statement: s, area: area }); });
    });
    return index;
  }

  function tierIds(fw) { return fw.tiers.map(function (t) { return t.id; }); }

  function tierRank(fw, id) { return id ? tierIds(fw).indexOf(id) : -1; }

  function tierName(fw, id) {
    var tier = fw.tiers.filter(function (t) { return t.id === id; })[0];
    return tier ? tier.name : "Not yet judged";
  }

  /* The tier after this one, or null at the top tier or when not judged. */
  function nextTier(fw, id) {
    var rank = tierRank(fw, id);
    return rank >= 0 && rank < fw.tiers.length - 1 ? fw.tiers[rank + 1] : null;
  }

  /* A statement's descriptor paragraphs at one tier (from the data island). */
  function descriptors(statement, tierId) {
    return (statement.descriptors && Object.prototype.hasOwnProperty.call(statement.descriptors, tierId) &&
      statement.descriptors[tierId]) || [];
  }

  /* What to do next for a judged statement: {judged, top, tier, paragraphs}. The one place that decides it. */
  function nextStep(fw, statement, entry) {
    var tier = entry && entry.tier;
    if (!tier) return { judged: false, top: false, tier: null, paragraphs: [] };
    var next = nextTier(fw, tier);
    if (!next) return { judged: true, top: true, tier: null, paragraphs: [] };
    var paragraphs = descriptors(statement, next.id);
    return { judged: true, top: false, tier: next,
      paragraphs: paragraphs.length ? paragraphs : ["The framework has no separate paragraph for this statement at this tier."] };
  }

  /* The featured case studies of an area that a statement's entry chose, in the area's order. */
  function chosenCases(area, entry) {
    var chosen = (entry && entry.case_studies) || [];
    return area.case_studies.filter(function (c) { return chosen.indexOf(c.id) >= 0; });
  }

  /* Counts per tier (and "" for not judged) for one area of a state. */
  function areaCounts(fw, state, area) {
    var counts = { "": 0 };
    fw.tiers.forEach(function (t) { counts[t.id] = 0; });
    area.statements.forEach(function (s) {
      var entry = entryOf(state, s.id);
      counts[entry && entry.tier ? entry.tier : ""] += 1;
    });
    return counts;
  }

  /* Per-tier totals: counts added into sum (a new object when sum is null). */
  function addCounts(sum, counts) {
    if (!sum) return Object.assign({}, counts);
    Object.keys(counts).forEach(function (k) { sum[k] += counts[k]; });
    return sum;
  }

  /* Counts per tier over every area of a state. */
  function totalCounts(fw, state) {
    return fw.areas.reduce(function (sum, area) { return addCounts(sum, areaCounts(fw, state, area)); }, null);
  }

  function countsText(fw, counts) {
    return fw.tiers.map(function (t) { return t.name + " " + counts[t.id]; }).join(", ") + ", not yet judged " + counts[""];
  }

  /* A statement's saved entry, or undefined (own keys only). */
  function entryOf(state, id) {
    return Object.prototype.hasOwnProperty.call(state.statements, id) ? state.statements[id] : undefined;
  }

  /* ---- the saved work ------------------------------------------------------------------------------------ */

  function emptyState(fw) {
    return { format: FORMAT, version: VERSION, edition: fw.edition, school: "", date: "", statements: {} };
  }

  /* localStorage can be turned off or blocked: reading it then throws, so read through this. */
  function stored(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function load(fw) {
    try {
      var raw = stored(STORAGE_KEY);
      if (!raw) return emptyState(fw);
      var result = null;
      try { result = validate(JSON.parse(raw), fw); } catch (e) { result = { ok: false }; }
      if (result.ok) return result.state;
      // Saved work this edition cannot read (e.g. a statement removed): keep a copy so nothing is lost.
      try { window.localStorage.setItem(STORAGE_KEY + "-unreadable", raw); } catch (e) { /* storage full */ }
      return emptyState(fw);
    } catch (e) {
      return emptyState(fw);
    }
  }

  function save(state) {
    state.saved_at = new Date().toISOString();
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  }

  /* ---- the file format: validate, read, export ----------------------------------------------------------- */

  function isDate(value) { return value === "" || /^\d{4}-\d{2}-\d{2}$/.test(value); }

  /* Check a parsed file (or saved state). Returns {ok, state, errors}; never changes anything. */
  function validate(data, fw) {
    var errors = [];
    if (!data || typeof data !== "object" || Array.isArray(data)) {
      return { ok: false, errors: ["The file is not a self-evaluation export (it holds no evaluation object)."] };
    }
    if (data.format !== FORMAT) {
      return { ok: false, errors: ["The file is not a self-evaluation export from this site (its format is " +
        JSON.stringify(data.format === undefined ? null : data.format) + ", expected \"" + FORMAT + "\")."] };
    }
    if (data.version !== 1 && data.version !== 2) {
      return { ok: false, errors: ["The file has format version " + JSON.stringify(data.version) +
        "; this site reads versions 1 and 2."] };
    }
    if (!data.statements || typeof data.statements !== "object" || Array.isArray(data.statements)) {
      return { ok: false, errors: ["The file has no \"statements\" object."] };
    }
    var known = statementIndex(fw), tiers = tierIds(fw);
    var state = emptyState(fw);
    state.edition = typeof data.edition === "string" ? data.edition : "";
    if (data.version === 2) {
      if (data.school !== undefined && typeof data.school !== "string") errors.push("\"school\" must be text.");
      if (data.date !== undefined && !(typeof data.date === "string" && isDate(data.date))) errors.push("\"date\" must be a date like 2026-11-22.");
      state.school = typeof data.school === "string" ? data.school.slice(0, 200) : "";
      state.date = typeof data.date === "string" && isDate(data.date) ? data.date : "";
    }
    Object.keys(data.statements).forEach(function (id) {
      var entry = data.statements[id];
      if (!known.has(id)) { errors.push("Unknown statement id \"" + id + "\"."); return; }
      if (!entry || typeof entry !== "object") { errors.push("Statement \"" + id + "\" is not an object."); return; }
      var tier = entry.tier === null || entry.tier === undefined ? "" : entry.tier;
      if (tier !== "" && tiers.indexOf(tier) < 0) {
        errors.push("Statement \"" + id + "\" has tier \"" + tier + "\", which does not exist (use " + tiers.join(", ") + ").");
        return;
      }
      var clean = { tier: tier, evidence: "" };
      ["evidence", "action", "lead"].forEach(function (key) {
        if (entry[key] !== undefined && typeof entry[key] !== "string") errors.push("Statement \"" + id + "\": \"" + key + "\" must be text.");
        else if (entry[key]) clean[key] = entry[key];
      });
      if (entry.due !== undefined && !(typeof entry.due === "string" && isDate(entry.due))) errors.push("Statement \"" + id + "\": \"due\" must be a date.");
      else if (entry.due) clean.due = entry.due;
      if (entry.priority !== undefined && typeof entry.priority !== "boolean") errors.push("Statement \"" + id + "\": \"priority\" must be true or false.");
      else if (entry.priority) clean.priority = true;
      if (entry.case_studies !== undefined) {
        var cases = known.get(id).area.case_studies.map(function (c) { return c.id; });
        if (!Array.isArray(entry.case_studies)) errors.push("Statement \"" + id + "\": \"case_studies\" must be a list.");
        else entry.case_studies.forEach(function (c) {
          if (cases.indexOf(c) < 0) errors.push("Statement \"" + id + "\": unknown case study \"" + c + "\".");
        });
        if (Array.isArray(entry.case_studies) && entry.case_studies.length) clean.case_studies = entry.case_studies.slice();
      }
      state.statements[id] = clean;
    });
    if (errors.length) return { ok: false, errors: errors };
    return { ok: true, state: state, errors: [] };
  }

  /* Read a File chosen by the user: size check, JSON parse, validate. Calls back (errorMessage, state). */
  function readFile(file, fw, done) {
    if (file.size > MAX_BYTES) {
      done("“" + file.name + "” is " + Math.round(file.size / 1024) + " KB; an export is never larger than " + (MAX_BYTES / 1024 / 1024) + " MB, so this is not one.");
      return;
    }
    // A spreadsheet (the CSV export, the Excel audit workbook) becomes the same object a JSON export holds
    // (workbook-sheets.js), then takes the same validation below: all or nothing.
    if (window.WorkbookSheets && window.WorkbookSheets.isSpreadsheet(file)) {
      window.WorkbookSheets.read(file, fw).then(function (result) {
        if (result.errors) done(notImported(file, result.errors));
        else checked(file, result.data, fw, done);
      }, function () { done("“" + file.name + "” could not be read."); });
      return;
    }
    var reader = new FileReader();
    reader.onerror = function () { done("“" + file.name + "” could not be read."); };
    reader.onload = function () {
      var data;
      try { data = JSON.parse(reader.result); } catch (e) {
        done("“" + file.name + "” is not a JSON file, so it is not an export from this workbook.");
        return;
      }
      checked(file, data, fw, done);
    };
    reader.readAsText(file);
  }

  /* Validate what a file held; calls back (errorMessage) or (null, state). */
  function checked(file, data, fw, done) {
    var result = validate(data, fw);
    if (!result.ok) done(notImported(file, result.errors));
    else done(null, result.state);
  }

  function notImported(file, errors) {
    var more = errors.length > 3 ? " (and " + (errors.length - 3) + " more problems)" : "";
    return "“" + file.name + "” was not imported: " + errors.slice(0, 3).join(" ") + more;
  }

  /* Read several files; resolves to [{file, error, state}] in the order given. */
  function readFiles(files, fw) {
    return Promise.all(Array.prototype.map.call(files, function (file) {
      return new Promise(function (resolve) {
        readFile(file, fw, function (error, state) { resolve({ file: file, error: error, state: state }); });
      });
    }));
  }

  function exportState(state) {
    var copy = JSON.parse(JSON.stringify(state));
    copy.format = FORMAT; copy.version = VERSION;
    copy.exported_at = new Date().toISOString();
    return copy;
  }

  /* How to name an evaluation on screen: its school (or the file it came from) and its date. */
  function describe(state, fallback) {
    var name = state.school || fallback || "Unnamed school";
    return state.date ? name + ", " + ukDate(state.date) : name;
  }

  /* ---- CSV: every column the pages export is defined once, here ------------------------------------------- */

  /* Each column: (row) -> cell text, where row = {fw, state, edition, file, area, statement, entry}. */
  var CSV_COLUMNS = {
    edition: function (r) { return r.edition; },
    school: function (r) { return r.state.school; },
    date: function (r) { return r.state.date; },
    file: function (r) { return r.file; },
    area: function (r) { return r.area.name; },
    statement_id: function (r) { return r.statement.id; },
    statement: function (r) { return r.statement.label; },
    text: function (r) { return r.statement.text; },
    tier: function (r) { return r.entry.tier ? tierName(r.fw, r.entry.tier) : ""; },
    current_tier: function (r) { return r.entry.tier ? tierName(r.fw, r.entry.tier) : ""; },
    next_tier: function (r) { var n = nextTier(r.fw, r.entry.tier); return n ? n.name : ""; },
    next_tier_descriptor: function (r) {
      var n = nextTier(r.fw, r.entry.tier);
      return n ? descriptors(r.statement, n.id).join("\n\n") : "";
    },
    evidence: function (r) { return r.entry.evidence || ""; },
    priority: function (r) { return r.entry.priority ? "yes" : ""; },
    action: function (r) { return r.entry.action || ""; },
    lead: function (r) { return r.entry.lead || ""; },
    due: function (r) { return r.entry.due || ""; },
    case_studies: function (r) { return chosenCases(r.area, r.entry).map(function (c) { return c.title; }).join("; "); },
    case_study_links: function (r) {
      return chosenCases(r.area, r.entry).map(function (c) { return new URL("../" + c.path, window.location.href).href; }).join(" ");
    }
  };

  /* A header row and one row per statement of a state (options.only(entry) picks statements), in the
   * framework's order. options: {edition (default the site's), file, only}. */
  function csvRows(fw, state, columns, options) {
    options = options || {};
    var rows = [];
    fw.areas.forEach(function (area) {
      area.statements.forEach(function (s) {
        var entry = entryOf(state, s.id) || {};
        if (options.only && !options.only(entry)) return;
        var row = { fw: fw, state: state, edition: options.edition === undefined ? fw.edition : options.edition,
          file: options.file || "", area: area, statement: s, entry: entry };
        rows.push(columns.map(function (name) { return CSV_COLUMNS[name](row); }));
      });
    });
    return rows;
  }

  function csvCell(value) {
    var text = value === undefined || value === null ? "" : String(value);
    if (/^[=+\-@]/.test(text)) text = "'" + text;       // stop a spreadsheet running it as a formula
    return /[",\r\n]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
  }

  function toCsv(rows) {
    return "\ufeff" + rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }

  function download(name, text, type) {
    var blob = new Blob([text], { type: type });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    // revoking at once can cancel the download in some browsers, so wait a little
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 10000);
  }

  /* ---- small helpers for text and dates ---------------------------------------------------------------- */

  /* 2026-03-14 -> 14 March 2026 (read as a calendar date, so no time zone can move it a day). */
  function ukDate(iso) {
    if (!iso || !isDate(iso)) return iso || "";
    var p = iso.split("-");
    return new Date(+p[0], +p[1] - 1, +p[2]).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  /* A file name part from a school's name: "Oak Tree Primary" -> "oak-tree-primary". */
  function slug(text) {
    return (text || "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  }

  function today() { return new Date().toISOString().slice(0, 10); }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  /* ---- drawing ------------------------------------------------------------------------------------------ */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "className") node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }

  /* A table header cell (scope "col" unless told). */
  function th(text, scope) { return el("th", { scope: scope || "col", text: text }); }

  /* Show a message in an error box (role=alert), or hide the box when the message is empty. */
  function showError(node, message) {
    node.textContent = message;
    node.hidden = !message;
  }

  /* Show the parts that only work with JavaScript, drop the "needs JavaScript" texts. */
  function enhance() {
    document.querySelectorAll(".js-only").forEach(function (node) { node.hidden = false; });
    document.querySelectorAll(".no-js-text").forEach(function (node) { node.remove(); });
  }

  /* A print button; printing opens every collapsed section so the printout shows all of it. */
  var printing = false;
  function printButton(button) {
    button.addEventListener("click", function () { window.print(); });
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
  function tierBar(fw, counts, total, label) {
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
  function tierKey(fw) {
    var key = el("ul", { className: "tier-key", "aria-label": "Key" });
    fw.tiers.concat([{ id: "none", name: "Not yet judged" }]).forEach(function (t) {
      key.appendChild(el("li", {}, [el("span", { className: "tier-key__swatch tier-bar__part--" + t.id, "aria-hidden": "true" }), " " + t.name]));
    });
    return key;
  }

  /* A wide table in a box that scrolls sideways on a narrow screen; focusable so a keyboard can scroll it. */
  function scrollBox(table, label, className) {
    return el("div", { className: "table-wrap" + (className ? " " + className : ""), role: "region", "aria-label": label, tabindex: "0" }, [table]);
  }

  /* ---- pages start from their element --------------------------------------------------------------------- */

  var core = {
    FORMAT: FORMAT, VERSION: VERSION, STORAGE_KEY: STORAGE_KEY, BACKUP_KEY: BACKUP_KEY, MAX_BYTES: MAX_BYTES,
    // framework
    framework: framework, statementIndex: statementIndex, tierIds: tierIds, tierRank: tierRank, tierName: tierName,
    nextTier: nextTier, nextStep: nextStep, descriptors: descriptors, chosenCases: chosenCases, entryOf: entryOf,
    areaCounts: areaCounts, addCounts: addCounts, totalCounts: totalCounts, countsText: countsText,
    // saved work and files
    emptyState: emptyState, stored: stored, load: load, save: save, validate: validate, readFile: readFile,
    readFiles: readFiles, exportState: exportState, describe: describe, csvRows: csvRows, toCsv: toCsv, download: download,
    // text
    ukDate: ukDate, slug: slug, today: today, plural: plural,
    // drawing
    el: el, th: th, showError: showError, enhance: enhance, printButton: printButton, tierBar: tierBar, tierKey: tierKey,
    scrollBox: scrollBox
  };

  /* Workbook.define("compare", function (root, W) {...}): run start for each element with data-module="compare".
   * Page scripts come after their element, so it is already in the document. */
  function define(name, start) {
    var fw = framework();
    if (!fw) return;
    document.querySelectorAll("[data-module='" + name + "']").forEach(function (root) { start(root, core, fw); });
  }

  window.Workbook = { define: define, core: core };
})();
