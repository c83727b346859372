/* The self-evaluation page: restores saved work into the plain HTML form, saves as you go,
 * draws the summary and next steps, exports, imports, clears and prints. Starts from data-module="workbook"; needs workbook-core.js. */
Workbook.define("workbook", function (root, W, fw) {
  "use strict";
  var state = W.load(fw);
  var index = W.statementIndex(fw);
  var statusNode = document.getElementById("wb-status");
  var errorNode = document.getElementById("wb-error");

  W.enhance();

  function entry(id) {
    if (!state.statements[id]) state.statements[id] = { tier: "", evidence: "" };
    return state.statements[id];
  }

  function say(message) { statusNode.textContent = message; }

  function showError(message) { W.showError(errorNode, message); }

  function persist() {
    try {
      W.save(state);
      document.getElementById("wb-saved").textContent = "Saved in this browser at " +
        new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) + ".";
    } catch (e) {
      showError("Your browser would not save this change (its storage may be full or turned off). Export a file to keep your work.");
    }
  }

  /* Put the state into the form. */
  function fill() {
    document.getElementById("wb-school").value = state.school || "";
    document.getElementById("wb-date").value = state.date || "";
    fw.areas.forEach(function (area) {
      area.statements.forEach(function (s) {
        var e = W.entryOf(state, s.id) || {};
        document.querySelectorAll("input[name='tier-" + s.id + "']").forEach(function (radio) {
          radio.checked = radio.value === (e.tier || "");
        });
        document.getElementById("evidence-" + s.id).value = e.evidence || "";
        document.getElementById("priority-" + s.id).checked = !!e.priority;
        document.getElementById("action-" + s.id).value = e.action || "";
        document.getElementById("lead-" + s.id).value = e.lead || "";
        document.getElementById("due-" + s.id).value = e.due || "";
        settle(s.id, !!e.tier);
        drawNext(s.id);
      });
    });
    drawSummary();
    drawProgress();
  }

  /* The next step for a statement judged below the top tier: what the next tier looks like (one suggestion),
   * then at most three case studies with why each is suggested, the rest on request. Ticking a box never
   * leaves the page: the links to read a case study are outside the boxes' labels. */
  function drawNext(id) {
    var box = document.querySelector("[data-next-for='" + id + "']");
    var e = W.entryOf(state, id) || {};
    var found = index.get(id), area = found.area;
    var step = W.nextStep(fw, found.statement, e);
    box.textContent = "";
    box.closest(".wb-statement").querySelector("[data-action-for]").hidden = !e.priority;
    if (!step.judged) return;
    if (step.top) {
      box.appendChild(W.el("p", { className: "wb-next__title", text: "Judged at " + W.tierName(fw, e.tier) + ": keep it there, and share what works." }));
      return;
    }
    box.appendChild(W.el("h4", { className: "wb-next__title", text: "Next step: what " + step.tier.name + " looks like for statement " + found.statement.label }));
    step.paragraphs.forEach(function (text) { box.appendChild(W.el("p", { text: text })); });
    if (area.case_studies.length) box.appendChild(caseStudies(id, found.statement, area, e.case_studies || []));
  }

  function caseStudies(id, statement, area, chosen) {
    var why = {};
    (statement.suggested || []).forEach(function (x) { why[x.id] = x.why; });
    var first = area.case_studies.filter(function (c) { return why[c.id] || chosen.indexOf(c.id) >= 0; });
    var rest = area.case_studies.filter(function (c) { return first.indexOf(c) < 0; });
    var group = W.el("fieldset", { className: "wb-cases" }, [
      W.el("legend", { text: "Case studies that may help: tick the ones to use in your action plan" })]);
    function option(c, list) {
      var tick = W.el("input", { type: "checkbox", value: c.id, "data-case-for": id });
      tick.checked = chosen.indexOf(c.id) >= 0;
      var read = W.el("a", { href: "../" + c.path, "aria-label": "Read it: " + c.title, text: "Read it" });
      list.appendChild(W.el("li", { className: "wb-case" }, [
        W.el("label", { className: "check" }, [tick, " ", c.title]),
        W.el("span", { className: "wb-case__why" }, [why[c.id] ? why[c.id] + " " : "", read])]));
    }
    var shown = W.el("ul", { className: "wb-case-list" });
    first.forEach(function (c) { option(c, shown); });
    group.appendChild(shown);
    if (rest.length) {
      var more = W.el("ul", { className: "wb-case-list", id: "more-cases-" + id, hidden: "" });
      rest.forEach(function (c) { option(c, more); });
      var toggle = W.el("button", { type: "button", className: "wb-link-button", "aria-expanded": "false", "aria-controls": more.id,
        text: "Show all " + area.case_studies.length + " case studies for this area" });
      toggle.addEventListener("click", function () {
        more.hidden = !more.hidden;
        toggle.setAttribute("aria-expanded", String(!more.hidden));
        toggle.textContent = more.hidden ? "Show all " + area.case_studies.length + " case studies for this area" : "Show only the suggested case studies";
      });
      group.appendChild(toggle);
      group.appendChild(more);
    }
    return group;
  }

  /* A judged statement shows only its chosen tier, so the page gets shorter as the work goes on;
   * "Change the tier" shows all three again. */
  function settle(id, settled) {
    var section = document.getElementById("eval-" + id);
    section.classList.toggle("wb-statement--settled", settled);
    var change = section.querySelector(".wb-change");
    if (!change) {
      change = W.el("button", { type: "button", className: "wb-link-button wb-change", "aria-expanded": "false", text: "Change the tier" });
      change.addEventListener("click", function () {
        var open = section.classList.contains("wb-statement--settled");
        section.classList.toggle("wb-statement--settled", !open);
        change.setAttribute("aria-expanded", String(open));
        change.textContent = open ? "Keep this tier" : "Change the tier";
      });
      section.querySelector(".wb-tiers").appendChild(change);
    }
    change.hidden = !settled;
    change.setAttribute("aria-expanded", "false");
    change.textContent = "Change the tier";
  }

  /* Progress: "N of 43 judged" (kept in view), per area, in the contents column, and the next one to do. */
  function drawProgress() {
    var all = index.size, total = W.totalCounts(fw, state), done = all - total[""];
    document.getElementById("wb-progress-count").textContent = done + " of " + all + " judged";
    drawNextButton();
    var toc = document.querySelector(".md-sidebar--secondary .md-nav--secondary");
    var list = W.el("ul", { className: "md-nav__list wb-toc" });
    fw.areas.forEach(function (area) {
      var counts = W.areaCounts(fw, state, area), n = area.statements.length, judged = n - counts[""];
      var text = judged + " of " + n + " judged";
      var line = document.querySelector("[data-progress-for='" + area.id + "']");
      if (line) line.textContent = text;
      list.appendChild(W.el("li", { className: "md-nav__item" }, [W.el("a", { className: "md-nav__link", href: "#area-" + area.id }, [
        W.el("span", { text: area.number + ". " + area.name }), W.el("span", { className: "wb-toc__count", text: " " + text })])]));
    });
    if (toc) {
      toc.textContent = "";
      toc.appendChild(W.el("p", { className: "md-nav__title", text: "Your progress: " + done + " of " + all }));
      toc.appendChild(list);
    }
  }

  /* The first statement without a tier after the one in view (or from the top). */
  function nextUnjudged() {
    var order = [];
    fw.areas.forEach(function (area) { area.statements.forEach(function (s) { order.push(index.get(s.id)); }); });
    var open = order.filter(function (x) { var e = W.entryOf(state, x.statement.id); return !(e && e.tier); });
    if (!open.length) return null;
    var top = 0;
    var after = open.filter(function (x) { return document.getElementById("eval-" + x.statement.id).getBoundingClientRect().top > top + 200; });
    return after[0] || open[0];
  }

  function drawNextButton() {
    var next = nextUnjudged();
    var button = document.getElementById("wb-next-unjudged");
    button.hidden = !next;
    if (next) button.textContent = "Next not judged: " + next.statement.label;
  }

  document.getElementById("wb-next-unjudged").addEventListener("click", function () {
    var next = nextUnjudged();
    if (!next) return;
    var section = document.getElementById("eval-" + next.statement.id);
    section.scrollIntoView({ block: "start" });
    section.querySelector("input[type=radio]").focus({ preventScroll: true });
    drawNextButton();
  });
  var scrolled = false;
  window.addEventListener("scroll", function () {
    if (scrolled) return;
    scrolled = true;
    window.requestAnimationFrame(function () { scrolled = false; drawNextButton(); });
  }, { passive: true });

  function drawSummary() {
    var holder = document.getElementById("wb-summary");
    holder.textContent = "";
    var table = W.el("table");       // no class: Material styles plain tables
    table.appendChild(W.el("thead", {}, [W.el("tr", {}, [W.th("Area"), W.th("Judgements")])]));
    var body = W.el("tbody");
    var total = W.totalCounts(fw, state);
    fw.areas.forEach(function (area) {
      var counts = W.areaCounts(fw, state, area);
      var text = W.countsText(fw, counts);
      body.appendChild(W.el("tr", {}, [
        W.el("th", { scope: "row" }, [W.el("a", { href: "#area-" + area.id, text: area.number + ". " + area.name })]),
        W.el("td", {}, [W.tierBar(fw, counts, area.statements.length, area.name + ": " + text), W.el("span", { className: "tier-bar__text", text: text })])
      ]));
    });
    table.appendChild(body);
    var all = index.size;
    holder.appendChild(W.el("p", { text: "All " + all + " statements: " + W.countsText(fw, total) + "." }));
    holder.appendChild(W.el("div", { className: "table-wrap" }, [table]));
    holder.appendChild(W.tierKey(fw));
  }

  /* Save as you go. */
  var form = document.querySelector("article") || document.body;
  form.addEventListener("input", onEdit);
  form.addEventListener("change", onEdit);
  function onEdit(event) {
    var t = event.target;
    if (!t || !t.closest(".wb-statement, .wb-meta")) return;
    if (t.id === "wb-school") state.school = t.value;
    else if (t.id === "wb-date") state.date = t.value;
    else {
      var id = t.closest(".wb-statement").getAttribute("data-statement");
      var e = entry(id);
      if (t.type === "radio") {
        e.tier = t.value;
        settle(id, !!e.tier);
        drawNext(id); drawSummary(); drawProgress();
        (t.closest(".wb-option") || t).scrollIntoView({ block: "nearest" });   // the chosen tier stays in view
      }
      else if (t.id === "evidence-" + id) e.evidence = t.value;
      else if (t.id === "priority-" + id) { e.priority = t.checked; drawNext(id); }
      else if (t.id === "action-" + id) e.action = t.value;
      else if (t.id === "lead-" + id) e.lead = t.value;
      else if (t.id === "due-" + id) e.due = t.value;
      else if (t.hasAttribute("data-case-for")) {
        var chosen = Array.prototype.map.call(
          t.closest(".wb-cases").querySelectorAll("input:checked"), function (i) { return i.value; });
        e.case_studies = chosen;
      } else return;
    }
    persist();
  }

  function fileName(ext) {
    var school = W.slug(state.school);
    return "self-evaluation" + (school ? "-" + school : "") + "-" + (state.date || W.today()) + "." + ext;
  }

  document.getElementById("wb-export-json").addEventListener("click", function () {
    // an export needs a date to be compared with later ones: default to today's
    if (!state.date) {
      state.date = W.today();
      document.getElementById("wb-date").value = state.date;
      persist();
    }
    W.download(fileName("json"), JSON.stringify(W.exportState(state), null, 1), "application/json");
    say("Exported " + fileName("json") + ". Keep it safe: it is the only copy outside this browser.");
  });

  document.getElementById("wb-export-csv").addEventListener("click", function () {
    var columns = ["edition", "school", "date", "area", "statement_id", "statement", "text", "tier", "evidence", "priority", "action", "lead", "due", "case_studies"];
    var rows = [columns].concat(W.csvRows(fw, state, columns));
    W.download(fileName("csv"), W.toCsv(rows), "text/csv;charset=utf-8");
    say("Exported " + fileName("csv") + ".");
  });

  document.getElementById("wb-import").addEventListener("change", function (event) {
    var file = event.target.files[0];
    event.target.value = "";
    if (!file) return;
    showError("");
    W.readFile(file, fw, function (error, imported) {
      if (error) { showError(error + " Your saved work has not been changed."); return; }
      var before = W.stored(W.STORAGE_KEY);
      // keep the work being replaced so Undo import can bring it back (and never an older backup)
      try {
        if (before) window.localStorage.setItem(W.BACKUP_KEY, before);
        else window.localStorage.removeItem(W.BACKUP_KEY);
      } catch (e) { /* storage off: persist() below says so */ }
      state = imported;
      persist();
      fill();
      var judged = Object.keys(state.statements).filter(function (id) { return state.statements[id].tier; }).length;
      var note = imported.edition && imported.edition !== fw.edition ?
        " It was made with framework edition " + imported.edition + "; this site shows edition " + fw.edition + " (statement ids are the same)." : "";
      say("Imported “" + file.name + "”: " + judged + " judgements restored." + note + (before ? " Your previous work was kept as a backup: use Undo import to bring it back." : ""));
      if (!before) removeUndo();
      else if (!document.getElementById("wb-undo")) addUndo();
    });
  });

  function removeUndo() {
    var button = document.getElementById("wb-undo");
    if (button) button.remove();
  }

  function addUndo() {
    if (!W.stored(W.BACKUP_KEY)) return;
    var button = W.el("button", { type: "button", className: "md-button", id: "wb-undo", text: "Undo import" });
    button.addEventListener("click", function () {
      var backup = window.localStorage.getItem(W.BACKUP_KEY);
      if (!backup) return;
      window.localStorage.setItem(W.STORAGE_KEY, backup);
      window.localStorage.removeItem(W.BACKUP_KEY);
      state = W.load(fw);
      fill();
      button.remove();
      say("Import undone: your previous work is back.");
    });
    document.querySelector(".wb-buttons").appendChild(button);
  }

  document.getElementById("wb-clear").addEventListener("click", function () {
    if (!window.confirm("Clear all judgements, evidence and actions from this browser? This cannot be undone. Export a file first if you may need them.")) {
      say("Nothing was cleared.");
      return;
    }
    // clear means all: the copy kept for Undo import goes too
    try {
      window.localStorage.removeItem(W.STORAGE_KEY);
      window.localStorage.removeItem(W.BACKUP_KEY);
    } catch (e) { /* storage off: nothing was stored */ }
    removeUndo();
    state = W.emptyState(fw);
    fill();
    say("Cleared. The workbook is empty.");
  });

  W.printButton(document.getElementById("wb-print"));

  fill();
  addUndo();
});
