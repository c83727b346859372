/* Files in and out, for the workbook's pages: reading an export or a spreadsheet (then validated by the
 * core), the JSON and CSV exports, downloads, and the words for what a migration moved.
 * addFiles(W, sheets) adds these functions to the core W (one core per page: one clock, one copy of the saved
 * work); sheets is the spreadsheet reader (sheets.mjs), or none to load workbook-sheets.js when first needed.
 * The action plan, compare and trust pages have it in their script; the self-evaluation loads it
 * (workbook-files.js) only when someone exports, imports or downloads, or when saved work was moved to new ids
 * (its message), so that a first visit does not carry it. */
export function addFiles(W, sheets) {
  if (W.readFile) return W;     // added already
  var BACKUP_KEY = W.BACKUP_KEY, STORAGE_KEY = W.STORAGE_KEY;
  var validate = W.validate, need = W.need, statementIndex = W.statementIndex, entryOf = W.entryOf, tierName = W.tierName,
    nextTier = W.nextTier, descriptors = W.descriptors, chosenCases = W.chosenCases, ukDate = W.ukDate;

  /* Read a File chosen by the user: size check, JSON parse, validate. Calls back (errorMessage, state, result).
   * Always calls back, once, whatever the file holds. */
  function readFile(file, fw, done) {
    var most = W.maxBytes(fw);
    if (file.size > most) {
      done("“" + file.name + "” is " + megabytes(file.size) + "; an export from this workbook is never larger than " +
        megabytes(most) + ", so this is not one.");
      return;
    }
    // A spreadsheet (the CSV export, the Excel audit workbook) becomes the same object a JSON export holds
    // (workbook-sheets.js, loaded now if the page does not have it), then takes the same validation below.
    if (isSpreadsheet(file)) {
      (sheets ? Promise.resolve() : need("workbook-sheets", "WorkbookSheets")).then(function () {
        return (sheets || window.WorkbookSheets).read(file, fw).then(function (result) {
          if (result.errors) done(notImported(file, result.errors));
          else checked(file, result.data, fw, done);
        }, function () { done("“" + file.name + "” could not be read."); });
      }, function () {
        done("“" + file.name + "” was not imported: the part of this page that reads spreadsheets could not be " +
          "loaded (is this device offline?). Try again when you are connected.");
      });
      return;
    }
    var reader = new FileReader();
    reader.onerror = function () { done("“" + file.name + "” could not be read."); };
    reader.onload = function () {
      var data, result;
      try { data = JSON.parse(reader.result); } catch (e) {
        done("“" + file.name + "” is not a JSON file, so it is not an export from this workbook.");
        return;
      }
      checked(file, data, fw, done);
    };
    reader.readAsText(file);
  }

  function megabytes(bytes) { return (bytes / 1024 / 1024).toFixed(1) + " MB"; }

  function isSpreadsheet(file) { return /\.(csv|xlsx)$/i.test(file.name) || file.type === "text/csv"; }

  /* Validate what a file held; calls back (errorMessage) or (null, state, result). */
  function checked(file, data, fw, done) {
    var result;
    try { result = validate(data, fw); } catch (e) {
      done("“" + file.name + "” was not imported: this page could not check it (" + e.message + ").");
      return;
    }
    if (!result.ok) done(notImported(file, result.errors));
    else done(null, result.state, result);
  }

  function notImported(file, errors) {
    var more = errors.length > 3 ? " (and " + (errors.length - 3) + " more problems)" : "";
    return "“" + file.name + "” was not imported: " + errors.slice(0, 3).join(" ") + more;
  }

  /* Read several files; resolves to [{file, error, state, result}] in the order given. */
  function readFiles(files, fw) {
    return Promise.all(Array.prototype.map.call(files, function (file) {
      return new Promise(function (resolve) {
        readFile(file, fw, function (error, state, result) { resolve({ file: file, error: error, state: state, result: result }); });
      });
    }));
  }

  /* The JSON export: the work, its edition, and anything kept from earlier editions; no edit times. */
  function exportState(fw, state) {
    var copy = JSON.parse(JSON.stringify(state));
    copy.format = fw.record.format; copy.version = fw.record.version; copy.edition = fw.edition;
    copy.exported_at = new Date().toISOString();
    delete copy.changed; delete copy.replaced_at; delete copy.saved_at;
    Object.keys(copy.statements).forEach(function (id) { delete copy.statements[id].changed; });
    if (copy.retired && !Object.keys(copy.retired).length) delete copy.retired;
    return copy;
  }

  /* What moved to new ids and what was kept aside, in words: "" when nothing did. */
  function migrationText(fw, result) {
    var moved = (result && result.moved) || [], retired = (result && result.retired) || [];
    if (!moved.length && !retired.length) return "";
    var index = statementIndex(fw), titles = new Map();
    fw.areas.forEach(function (a) { a.case_studies.forEach(function (c) { titles.set(c.id, c.title); }); });
    var parts = [];
    if (result.from_edition && result.from_edition !== fw.edition) {
      parts.push("It was made with framework edition " + result.from_edition + "; this site shows edition " + fw.edition + ".");
    }
    if (moved.length) {
      parts.push("Moved to the new ids: " + moved.map(function (m) {
        return m.kind === "statement" ? "statement " + index.get(m.to).statement.label + " (was “" + m.from + "”)" :
          "case study “" + (titles.get(m.to) || m.to) + "” (was “" + m.from + "”)";
      }).join("; ") + ".");
    }
    if (retired.length) {
      parts.push("Kept, though no longer in the framework: " + retired.map(function (r) {
        return r.kind === "statement" ? "statement “" + r.id + "”" : "case study “" + r.id + "”";
      }).join("; ") + ". It stays in this browser and in every export.");
    }
    return parts.join(" ");
  }

  /* Do two evaluations look like the same school? "content" (the same judgements and evidence, e.g. one export
   * loaded twice under two file names), "name" (the same school name, however spaced or capitalised), or "". */
  function sameSchool(a, b) {
    var name = function (s) { return (s.school || "").trim().toLowerCase().replace(/\s+/g, " "); };
    var content = function (s) {
      return JSON.stringify(Object.keys(s.statements).sort().map(function (id) {
        var e = s.statements[id];
        return [id, Object.keys(e).sort().map(function (k) { return [k, e[k]]; })];
      }));
    };
    if (Object.keys(a.statements).length && content(a) === content(b)) return "content";
    return name(a) && name(a) === name(b) ? "name" : "";
  }

  /* How to name an evaluation on screen: its school (or the file it came from) and its date. */
  function describe(state, fallback) {
    var name = state.school || fallback || "Unnamed school";
    return state.date ? name + ", " + ukDate(state.date) : name;
  }

  /* ---- CSV: every column the pages export is defined once, here ------------------------------------------- */

  /* The record's fields as CSV columns (data/workbook.yaml, in its order): a page's export lists them with
   * recordColumns(fw), leaving out any it does not show (except), so a new field is in every export. */
  function recordColumns(fw, except) {
    return W.fieldsOf(fw, "statement").filter(function (id) { return !except || except.indexOf(id) < 0; });
  }

  /* Each column: (row) -> cell text, where row = {fw, state, edition, file, area, statement, entry}. A text or
   * date field of the record that has no column here is its value as it is (column()). */
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
    next_tier: function (r) { var n = !r.retired && nextTier(r.fw, r.entry.tier); return n ? n.name : ""; },
    next_tier_descriptor: function (r) {
      var n = !r.retired && nextTier(r.fw, r.entry.tier);
      return n ? descriptors(r.statement, n.id).join("\n\n") : "";
    },
    priority: function (r) { return r.entry.priority ? "yes" : ""; },
    // a kept (retired) statement has no area to name its case studies by title: their ids, as saved
    case_studies: function (r) {
      if (r.retired) return (r.entry.case_studies || []).join("; ");
      return chosenCases(r.area, r.entry).map(function (c) { return c.title; }).join("; ");
    },
    case_study_links: function (r) {
      if (r.retired) return "";
      return chosenCases(r.area, r.entry).map(function (c) { return new URL("../" + c.path, window.location.href).href; }).join(" ");
    },
    retired_case_studies: function (r) { return (r.entry.retired_case_studies || []).join("; "); }
  };

  /* One row per statement of a state (options.only(entry) picks statements), in the framework's order; with
   * options.kept, then one per statement kept from an earlier edition (state.retired), so a round trip through
   * a spreadsheet loses nothing. options: {edition (default the site's), file, only, kept}. */
  function csvRows(fw, state, columns, options) {
    options = options || {};
    var rows = [];
    function add(area, statement, entry, retired) {
      if (options.only && !options.only(entry)) return;
      var row = { fw: fw, state: state, edition: options.edition === undefined ? fw.edition : options.edition,
        file: options.file || "", area: area, statement: statement, entry: entry, retired: retired };
      rows.push(columns.map(function (name) {
        return Object.prototype.hasOwnProperty.call(CSV_COLUMNS, name) ? CSV_COLUMNS[name](row) : row.entry[name] || "";
      }));
    }
    fw.areas.forEach(function (area) {
      area.statements.forEach(function (s) { add(area, s, entryOf(state, s.id) || {}, false); });
    });
    if (options.kept) {
      Object.keys(state.retired || {}).forEach(function (id) {
        add({ name: KEPT_AREA, case_studies: [] }, { id: id, label: id, text: KEPT_TEXT }, state.retired[id], true);
      });
    }
    return rows;
  }
  var KEPT_AREA = "No longer in the framework";
  var KEPT_TEXT = "Kept from an earlier edition: this statement is no longer in the framework.";

  /* The columns a state's export needs: retired_case_studies only when some entry has one kept aside. */
  function withKeptColumns(state, columns) {
    var all = Object.assign({}, state.statements || {}, state.retired || {});
    var any = Object.keys(all).some(function (id) { return (all[id].retired_case_studies || []).length; });
    return any ? columns.concat(["retired_case_studies"]) : columns;
  }

  function csvCell(value) {
    var text = value === undefined || value === null ? "" : String(value);
    // Stop a spreadsheet running it as a formula (OWASP: = + - @, tab, carriage return, line feed at the start):
    // a leading apostrophe, which the import strips again. A text that itself begins with an apostrophe gets one
    // too, so that it comes back with its own apostrophe and a round trip is exact.
    if (/^[=+\-@\t\r\n']/.test(text)) text = "'" + text;
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

  /* ---- saved work replaced by an import, an undo or a clear -------------------------------------------- */

  /* Before an import replaces the saved work: back it up, verified. {ok, empty} or {ok: false, reason}. */
  function backUp(fw, state) {
    var current = W.merge(fw, W.readSaved(fw).state, state);
    var hasWork = Object.keys(current.statements).length || current.school || current.date ||
      Object.keys(current.retired || {}).length;
    if (!hasWork) { W.remove(BACKUP_KEY); return { ok: true, empty: true }; }
    return W.writeVerified(BACKUP_KEY, JSON.stringify(current));
  }

  /* Replace the saved work with another (an import, an undo, a clear), verified; on failure nothing changes. */
  function replace(fw, state) {
    W.replaceAll(fw, state);
    state.edition = fw.edition;
    state.saved_at = new Date().toISOString();
    var result = W.writeVerified(STORAGE_KEY, JSON.stringify(state));
    return { ok: result.ok, reason: result.reason, state: state };
  }

  /* An import (a file, or a spreadsheet): back up the current work (verified), then replace it (verified).
   * All or nothing: {ok, state, backedUp} or {ok: false, stage: "backup" | "write", reason}; on failure the saved
   * work is as it was. Undo import then puts backup(fw) back with replace(). */
  function importState(fw, current, incoming) {
    var kept = backUp(fw, current);
    if (!kept.ok) return { ok: false, stage: "backup", reason: kept.reason };
    var written = replace(fw, incoming);
    if (!written.ok) {
      if (!kept.empty) W.remove(BACKUP_KEY);
      return { ok: false, stage: "write", reason: written.reason };
    }
    return { ok: true, state: written.state, backedUp: !kept.empty };
  }

  /* The work kept before the last import, or null. */
  function backup(fw) {
    var raw = W.stored(BACKUP_KEY);
    if (!raw) return null;
    try { return validate(JSON.parse(raw), fw, { saved: true }).state || null; } catch (e) { return null; }
  }

  /* ---- the self-evaluation's Import, Undo import and Clear all, given its page: {fw, state (get/set),
   * storageOff(), fill, say, showError, savedText, notes, saved, drawUndo} (self-evaluation.mjs) ---------------------- */

  /* Import: the whole file is checked first; the saved work is replaced only after a backup of it has been
   * written and read back; if anything fails, nothing changes. */
  function importFile(page, file) {
    var fw = page.fw;
    readFile(file, fw, function (error, imported, result) {
      if (error) { page.showError(error + " Your saved work has not been changed."); return; }
      var done = { ok: true, backedUp: false };
      if (!page.storageOff()) {
        done = importState(fw, page.state, imported);
        if (!done.ok && done.stage === "backup") {
          page.showError("“" + file.name + "” was not imported: " + W.problemText(done.reason) + ", so your current work " +
            "could not be backed up first. Your saved work has not been changed. Download a copy of it, then free some " +
            "space (or use another browser) and import again.", true);
          return;
        }
        if (!done.ok) {
          page.showError("“" + file.name + "” was not imported: " + W.problemText(done.reason) + ". Your saved work has " +
            "not been changed.", true);
          return;
        }
        imported = done.state;
      }
      page.state = imported;
      page.fill();
      page.saved.textContent = page.storageOff() ? "Not saved in this browser: storage is blocked." : page.savedText();
      var state = page.state;
      var judged = Object.keys(state.statements).filter(function (id) { return state.statements[id].tier; }).length;
      var note = migrationText(fw, result);
      page.say("Imported “" + file.name + "”: " + judged + " judgements restored." + (note ? " " + note : "") +
        (done.backedUp ? " Your previous work was backed up in this browser: use Undo import to bring it back." : ""));
      page.drawUndo();
    });
  }

  /* Undo import: put the backed-up work back (verified), then drop the backup. */
  function undoImport(page, button) {
    var previous = backup(page.fw);
    if (!previous) { button.remove(); page.say("There is no backup to bring back."); return; }
    var written = replace(page.fw, previous);
    if (!written.ok) {
      page.showError("The import was not undone: " + W.problemText(written.reason) + ". The backup is still kept.", true);
      return;
    }
    W.remove(W.BACKUP_KEY);
    page.state = written.state;
    page.fill();
    button.remove();
    page.say("Import undone: your previous work is back.");
  }

  function clearAll(page) {
    if (!window.confirm("Clear all judgements, evidence and actions from this browser? This cannot be undone. Export a file first if you may need them.")) {
      page.say("Nothing was cleared.");
      return;
    }
    // clear means all: the copy kept for Undo import and the unreadable copies go too. The cleared work is
    // written (not just removed) so that other open tabs clear too instead of saving their older copy back.
    var empty = W.emptyState(page.fw);
    var written = page.storageOff() ? { ok: true } : replace(page.fw, empty);
    W.remove(W.BACKUP_KEY);
    W.remove(W.UNREADABLE_KEY);
    page.drawUndo();
    page.state = empty;
    page.notes.textContent = "";
    page.fill();
    page.say(written.ok ? "Cleared. The workbook is empty." : "Cleared on this page, but " + W.problemText(written.reason) + ".");
  }

  Object.assign(W, {
    readFile: readFile, readFiles: readFiles, exportState: exportState, migrationText: migrationText,
    sameSchool: sameSchool, describe: describe, recordColumns: recordColumns, csvRows: csvRows, withKeptColumns: withKeptColumns, toCsv: toCsv, download: download,
    KEPT_AREA: KEPT_AREA, KEPT_TEXT: KEPT_TEXT,
    backUp: backUp, replace: replace, importState: importState, backup: backup, importFile: importFile, undoImport: undoImport, clearAll: clearAll
  });
  return W;
}
