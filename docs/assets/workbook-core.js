/* Shared by the self-evaluation, action plan, compare and trust pages.
 * Everything stays in this browser: localStorage and files the user picks. Nothing is sent anywhere. */
(function () {
  "use strict";

  var FORMAT = "inclusion-audit-self-evaluation";
  var VERSION = 2;              // 2 added school, date, priorities and actions; version 1 files still import
  var STORAGE_KEY = "inclusion-audit-workbook";
  var BACKUP_KEY = "inclusion-audit-workbook-before-import";
  var MAX_BYTES = 2 * 1024 * 1024;

  function framework() {
    var node = document.getElementById("wb-framework");
    return node ? JSON.parse(node.textContent) : null;
  }

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

  function statementIndex(fw) {
    var index = {};
    fw.areas.forEach(function (area) {
      area.statements.forEach(function (s) { index[s.id] = { statement: s, area: area }; });
    });
    return index;
  }

  function tierIds(fw) { return fw.tiers.map(function (t) { return t.id; }); }

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
    return (statement.descriptors && statement.descriptors[tierId]) || [];
  }

  /* The featured case studies of an area that a statement's entry chose, in the area's order. */
  function chosenCases(area, entry) {
    var chosen = (entry && entry.case_studies) || [];
    return area.case_studies.filter(function (c) { return chosen.indexOf(c.id) >= 0; });
  }

  /* How to name an evaluation on screen: its school (or the file it came from) and its date. */
  function describe(state, fallback) {
    var name = state.school || fallback || "Unnamed school";
    return state.date ? name + ", " + ukDate(state.date) : name;
  }

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
    var known = statementIndex(fw), tiers = tierIds(fw), areaCases = {};
    fw.areas.forEach(function (a) { areaCases[a.id] = a.case_studies.map(function (c) { return c.id; }); });
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
      if (!known[id]) { errors.push("Unknown statement id \"" + id + "\"."); return; }
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
        if (!Array.isArray(entry.case_studies)) errors.push("Statement \"" + id + "\": \"case_studies\" must be a list.");
        else entry.case_studies.forEach(function (c) {
          if (areaCases[known[id].area.id].indexOf(c) < 0) errors.push("Statement \"" + id + "\": unknown case study \"" + c + "\".");
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
    var reader = new FileReader();
    reader.onerror = function () { done("“" + file.name + "” could not be read."); };
    reader.onload = function () {
      var data;
      try { data = JSON.parse(reader.result); } catch (e) {
        done("“" + file.name + "” is not a JSON file, so it is not an export from this workbook.");
        return;
      }
      var result = validate(data, fw);
      if (!result.ok) {
        var more = result.errors.length > 3 ? " (and " + (result.errors.length - 3) + " more problems)" : "";
        done("“" + file.name + "” was not imported: " + result.errors.slice(0, 3).join(" ") + more);
        return;
      }
      done(null, result.state);
    };
    reader.readAsText(file);
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

  /* 2026-03-14 -> 14 March 2026 (read as a calendar date, so no time zone can move it a day). */
  function ukDate(iso) {
    if (!iso || !isDate(iso)) return iso || "";
    var p = iso.split("-");
    return new Date(+p[0], +p[1] - 1, +p[2]).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  /* Show the parts that only work with JavaScript, drop the "needs JavaScript" texts. */
  function enhance() {
    document.querySelectorAll(".js-only").forEach(function (node) { node.hidden = false; });
    document.querySelectorAll(".no-js-text").forEach(function (node) { node.remove(); });
  }

  /* A file name part from a school's name: "Oak Tree Primary" -> "oak-tree-primary". */
  function slug(text) {
    return (text || "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  }

  function today() { return new Date().toISOString().slice(0, 10); }

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

  /* Counts per tier (and "" for not judged) for one area of a state. */
  function areaCounts(fw, state, area) {
    var counts = { "": 0 };
    fw.tiers.forEach(function (t) { counts[t.id] = 0; });
    area.statements.forEach(function (s) {
      var entry = state.statements[s.id];
      counts[entry && entry.tier ? entry.tier : ""] += 1;
    });
    return counts;
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

  function countsText(fw, counts) {
    return fw.tiers.map(function (t) { return t.name + " " + counts[t.id]; }).join(", ") + ", not yet judged " + counts[""];
  }

  function tierRank(fw, id) { return id ? tierIds(fw).indexOf(id) : -1; }

  window.Workbook = {
    FORMAT: FORMAT, VERSION: VERSION, STORAGE_KEY: STORAGE_KEY, BACKUP_KEY: BACKUP_KEY, MAX_BYTES: MAX_BYTES,
    framework: framework, emptyState: emptyState, load: load, save: save, validate: validate, readFile: readFile,
    exportState: exportState, toCsv: toCsv, download: download, today: today, el: el, tierName: tierName,
    tierIds: tierIds, statementIndex: statementIndex, areaCounts: areaCounts, tierBar: tierBar,
    countsText: countsText, tierKey: tierKey, scrollBox: scrollBox, tierRank: tierRank, stored: stored, nextTier: nextTier, descriptors: descriptors,
    chosenCases: chosenCases, describe: describe, readFiles: readFiles, ukDate: ukDate, enhance: enhance, slug: slug
  };
})();
