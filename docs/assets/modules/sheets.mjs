/* Spreadsheets back into the workbook: the workbook's own CSV export, and the Excel audit workbook the site
 * offers (downloads/inclusion-audit-workbook.xlsx, its "Audit" sheet), filled in in Excel. Each becomes the
 * same object a JSON export holds, so it then goes through the core's one validation, all or nothing.
 * The .xlsx reader (vendor/read-excel-file.min.js, MIT) is loaded only when someone picks an .xlsx file.
 * Nothing leaves the browser. The compare, trust and action plan pages carry it; the self-evaluation loads it
 * (workbook-sheets.js, by files.mjs) when a spreadsheet is picked. */
import { maxBytes } from "./core.mjs";


// where this script was loaded from, to find the vendored reader beside it
var HERE = typeof document !== "undefined" && document.currentScript ? document.currentScript.src.replace(/[^/]*$/, "") : "";
var WORKER_URL = HERE + "workbook-xlsx-worker.js";

/* Column headings, normalised ("Evidence of current practice" -> "evidence_of_current_practice"), for each
 * field: the CSV export's name (the field's id) first, then the Excel audit workbook's (its label), then any
 * other the record names (data/workbook.yaml). */
function columnsOf(fw) {
  var columns = { id: ["statement_id"], retired_case_studies: ["retired_case_studies"], edition: ["edition"] };
  fw.record.statement.concat(fw.record.evaluation).forEach(function (f) {
    columns[f.id] = [f.id, key(f.label)].concat((f.headings || []).map(key));
  });
  return columns;
}

function key(heading) {
  return String(heading === null || heading === undefined ? "" : heading).trim().toLowerCase()
    .replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
}

/* Parse CSV text (RFC 4180: quotes, doubled quotes, line breaks inside quotes) into rows of strings.
 * A spreadsheet saved with a semicolon separator (some European settings) is read too. A quote that is never
 * closed would swallow every row after it into one cell: the file is refused instead, naming the row (a
 * CsvError, which fromRows' callers report). */
export function parseCsv(text) {
  text = text.replace(/^\ufeff/, "");
  var firstLine = text.split(/\r?\n/, 1)[0];
  var sep = firstLine.indexOf(",") < 0 && firstLine.indexOf(";") >= 0 ? ";" : ",";
  var rows = [], row = [], cell = "", quoted = false, openedOn = 0;
  for (var i = 0; i < text.length; i++) {
    var c = text[i];
    if (quoted) {
      if (c === "\"" && text[i + 1] === "\"") { cell += "\""; i++; }
      else if (c === "\"") quoted = false;
      else cell += c;
    } else if (c === "\"") { quoted = true; openedOn = rows.length + 1; }
    else if (c === sep) { row.push(cell); cell = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell); rows.push(row); row = []; cell = "";
    } else cell += c;
  }
  if (quoted) {
    var error = new Error("Row " + openedOn + " opens a quote (\") that is never closed, so the rest of the file " +
      "would be read as one cell. Check that row in a spreadsheet, save it again as CSV, and import that.");
    error.name = "CsvError";
    throw error;
  }
  if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/* A cell as text: Excel gives numbers and dates as such; the CSV export guards formulas with a "'". */
function cellText(value) {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return isoDate(value);
  var text = String(value);
  // the export's guard against formulas (workbook-files.js csvCell): a leading apostrophe before = + - @, tab,
  // carriage return, line feed or another apostrophe is taken off again, and the text kept exactly as it was
  if (/^'[=+\-@\t\r\n']/.test(text)) return text.slice(1);
  return text.trim();
}

function pad(n) { return (n < 10 ? "0" : "") + n; }

function isoDate(d) {
  // Excel dates are calendar days stored as midnight UTC: read them in UTC so no time zone moves them
  return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate());
}

/* "2026-03-14", or "14/03/2026" as Excel writes a UK date back into a CSV. Anything else is kept as it
 * is, so the core's validation names it. */
function dateText(text) {
  var uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return uk ? uk[3] + "-" + pad(+uk[2]) + "-" + pad(+uk[1]) : text;
}

/* Rows (the first one with a "statement id" column is the heading) -> {data} or {errors}. */
export function fromRows(rows, fw, extra) {
  var start = -1, columns = {}, COLUMNS = columnsOf(fw);
  for (var r = 0; r < rows.length && start < 0; r++) {
    var keys = rows[r].map(key);
    if (keys.indexOf("statement_id") >= 0) {
      start = r;
      Object.keys(COLUMNS).forEach(function (field) {
        var at = -1;
        COLUMNS[field].some(function (name) { at = keys.indexOf(name); return at >= 0; });
        if (at >= 0) columns[field] = at;
      });
    }
  }
  if (start < 0) {
    return { errors: ["It has no “Statement id” column, so it is not the workbook's CSV export or the site's Excel audit workbook."] };
  }
  if (columns.tier === undefined) return { errors: ["It has no “Tier” column."] };

  var tierByName = {}, statements = {}, casesByTitle = {}, areaOf = {}, errors = [];
  fw.tiers.forEach(function (t) { tierByName[t.name.toLowerCase()] = t.id; tierByName[t.id] = t.id; });
  fw.areas.forEach(function (a) {
    var titles = {};
    a.case_studies.forEach(function (c) { titles[c.title.toLowerCase()] = c.id; });
    a.statements.forEach(function (s) { areaOf[s.id] = titles; });
  });
  var data = { format: fw.record.format, version: fw.record.version, edition: (extra && extra.edition) || fw.edition, school: "", date: "", statements: statements };
  var get = function (row, field) { return columns[field] === undefined ? "" : cellText(row[columns[field]]); };

  rows.slice(start + 1).forEach(function (row, i) {
    var line = start + i + 2;           // the row number a spreadsheet shows
    var id = get(row, "id");
    if (!id) return;                    // a blank row
    ["school", "date", "edition"].forEach(function (field) {
      var value = get(row, field);
      if (value && !data[field + "_seen"]) { data[field] = field === "date" ? dateText(value) : value; data[field + "_seen"] = true; }
    });
    var entry = {}, tierText = get(row, "tier");
    if (tierText) {
      var tier = tierByName[tierText.toLowerCase()];
      if (!tier) {
        errors.push("Row " + line + " (" + id + "): the tier “" + tierText + "” is not one of " +
          fw.tiers.map(function (t) { return "“" + t.name + "”"; }).join(", ") + ".");
        return;
      }
      entry.tier = tier;
    }
    fw.record.statement.forEach(function (f) {
      var v = get(row, f.id);
      if (v && f.kind === "text") entry[f.id] = v;
      else if (v && f.kind === "date") entry[f.id] = dateText(v);
    });
    var priority = get(row, "priority").toLowerCase();
    // The plan's action (its first field: Next steps) written with the Priority cell left empty (or no Priority
    // column, as in older copies of the Excel audit workbook) makes the statement a priority; "no" says otherwise.
    if (!priority && entry[fw.record.plan[0]]) entry.priority = true;
    if (priority) {
      if (/^(yes|y|true|x|1|✓)$/.test(priority)) entry.priority = true;
      else if (!/^(no|n|false|0)$/.test(priority)) errors.push("Row " + line + " (" + id + "): priority “" + priority + "” should be “yes” or empty.");
    }
    var cases = get(row, "case_studies");
    if (cases) {
      entry.case_studies = cases.split(/\s*;\s*/).filter(Boolean).map(function (title) {
        var found = areaOf[id] && areaOf[id][title.toLowerCase()];
        if (areaOf[id] && !found) errors.push("Row " + line + " (" + id + "): no case study called “" + title + "” in this statement's area.");
        return found || title;
      });
    }
    // case studies an earlier edition's migration kept aside (the core checks each is a retired one)
    var kept = get(row, "retired_case_studies");
    if (kept) entry.retired_case_studies = kept.split(/\s*;\s*/).filter(Boolean);
    if (!Object.keys(entry).length) return;       // nothing written for this statement
    if (statements[id]) { errors.push("Row " + line + ": statement “" + id + "” appears twice."); return; }
    entry.tier = entry.tier || "";
    entry.evidence = entry.evidence || "";
    statements[id] = entry;          // an unknown id is named by the core's validation
  });
  ["school", "date", "edition"].forEach(function (field) { delete data[field + "_seen"]; });
  if (errors.length) return { errors: errors };
  return { data: data };
}

/* Read an .xlsx in a worker (workbook-xlsx-worker.js), so a huge or hostile file never freezes the page: the
 * worker refuses a file that would unzip to more than a few times the largest export, and is stopped after
 * XLSX_SECONDS. Resolves to the reader's sheets; rejects with an Error whose message is a sentence. */
var XLSX_SECONDS = 20;
function readInWorker(file, fw) {
  return new Promise(function (resolve, reject) {
    var worker;
    try { worker = new Worker(WORKER_URL); } catch (e) { reject(new Error("the spreadsheet reader could not be started")); return; }
    var timer = setTimeout(function () {
      worker.terminate();
      reject(new Error("it took too long to read (more than " + XLSX_SECONDS + " seconds), so it was stopped: " +
        "is it the workbook from this site?"));
    }, XLSX_SECONDS * 1000);
    function finish() { clearTimeout(timer); worker.terminate(); }
    worker.onmessage = function (event) {
      finish();
      var answer = event.data;
      if (answer.sheets) resolve(answer.sheets);
      else reject(new Error(answer.tooLarge ? "it is too large once unzipped (" + answer.error + "), so it is not the " +
        "workbook from this site" : answer.error));
    };
    worker.onerror = function (event) {
      event.preventDefault();
      finish();
      reject(new Error("the spreadsheet reader stopped (" + (event.message || "it ran out of memory?") + ")"));
    };
    // room for every text field full, written as XML, and the workbook's own sheets
    worker.postMessage({ file: file, maxUnzipped: 2 * maxBytes(fw) + 8 * 1024 * 1024 });
  });
}

export function isXlsx(file) { return /\.xlsx$/i.test(file.name); }

/* The edition from the Excel workbook's About sheet ("Edition 2026.1 (2026-01-08)"), if it is there. */
function editionFrom(sheets) {
  var found = "";
  sheets.forEach(function (sheet) {
    sheet.data.forEach(function (row) {
      var m = /^Edition (\S+)/.exec(cellText(row[0]));
      if (m && !found) found = m[1];
    });
  });
  return found;
}

/* Read a .csv or .xlsx File. Resolves to {data} (an object shaped like a JSON export) or {errors}. */
export function read(file, fw) {
  if (isXlsx(file)) {
    return readInWorker(file, fw).then(function (sheets) {
      // the Audit sheet of the site's workbook, or else the first sheet with a "Statement id" column
      var audit = sheets.filter(function (s) { return s.sheet === "Audit"; })[0];
      var withIds = sheets.filter(function (s) {
        return s.data.some(function (row) { return row.map(key).indexOf("statement_id") >= 0; });
      });
      var sheet = audit || withIds[0] || sheets[0];
      return fromRows(sheet ? sheet.data : [], fw, { edition: editionFrom(sheets) });
    }, function (e) {
      return { errors: ["It could not be read as an Excel workbook: " + (e && e.message ? e.message : "unknown problem") + "."] };
    });
  }
  return file.text().then(function (text) {
    var rows;
    try { rows = parseCsv(text); } catch (e) {
      if (e && e.name === "CsvError") return { errors: [e.message] };
      throw e;
    }
    return fromRows(rows, fw);
  });
}

/* What a file input of these pages accepts. */
export var ACCEPT = ".json,.csv,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
