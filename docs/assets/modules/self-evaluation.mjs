/* The self-evaluation page: restores saved work into the plain HTML form, saves as you go (verified, merged with
 * other open tabs), draws the summary and next steps, exports, imports, clears and prints.
 * Starts from data-module="workbook"; W is the core (core.mjs), which owns all reading and writing. */
export function start(root, W, fw) {
  var opened = W.load(fw);
  var state = opened.state;
  var index = W.statementIndex(fw);
  var statusNode = document.getElementById("wb-status");
  var errorNode = document.getElementById("wb-error");
  var notesNode = document.getElementById("wb-notes");
  var savedNode = document.getElementById("wb-saved");
  var barSaved = document.getElementById("wb-bar-saved");        // the short status beside the count, in view
  var barDownload = document.getElementById("wb-bar-download");
  var keepWord = "";            // what the browser said when asked to keep the data
  var storageOff = opened.storage === "blocked";

  /* The record's text and date fields (data/workbook.yaml): each statement's box for one is "<field>-<statement>"
   * (the evidence's in the page's HTML, the others by addControls), filled and saved the same way. */
  var written = fw.record.statement.filter(function (f) { return f.kind === "text" || f.kind === "date"; });
  var plan = W.planFields(fw);
  function writtenIn(box, id) { return written.filter(function (f) { return box.id === f.id + "-" + id; })[0]; }

  W.enhance();
  fw.areas.forEach(function (area) { area.statements.forEach(addControls); });

  /* The areas someone opened stay open when this tab reloads (kept for this tab only, not with the work). */
  var areas = document.querySelectorAll("details.wb-area"), OPEN_KEY = "workbook-open-areas";
  try {
    JSON.parse(sessionStorage.getItem(OPEN_KEY) || "[]").forEach(function (id) {
      var area = document.getElementById(id);
      if (area) area.open = true;
    });
  } catch (e) { /* storage blocked: every area starts closed */ }
  /* Closed areas start out of the layout (site.css). Once the reader does anything (scrolls, taps, types, or turns
   * to the browser's find bar or menu), lay them out one at a time when the browser is idle, hidden as a closed
   * <details> is, so that find in page reaches them. An area at a time: the browser lays out a hidden area whole,
   * whatever part of it is asked for. */
  var laid = 0, idle = window.requestIdleCallback || function (run) { setTimeout(run, 50); };
  var firstActs = ["scroll", "pointerdown", "keydown", "focusin", "blur"];
  function layOutOne() {
    var area = areas[laid++];
    if (!area) return;
    area.classList.add("wb-laid-out");
    area.lastElementChild.getBoundingClientRect();      // laid out now, in this idle moment, not all at once when first asked
    idle(layOutOne);
  }
  function firstAct() {
    firstActs.forEach(function (type) { window.removeEventListener(type, firstAct, true); });
    idle(layOutOne);
  }
  firstActs.forEach(function (type) { window.addEventListener(type, firstAct, { capture: true, passive: true }); });
  areas.forEach(function (area) {
    area.addEventListener("toggle", function () {
      try {
        sessionStorage.setItem(OPEN_KEY, JSON.stringify(Array.prototype.filter.call(areas, function (a) { return a.open; })
          .map(function (a) { return a.id; })));
      } catch (e) { /* nothing to keep it in */ }
    });
  });

  /* What only works with JavaScript, added to each statement's form: its next step and its priority (the
   * page's HTML stays the framework's text and the form that reads without a script). Written as HTML, which
   * the browser builds far faster than element by element; ids and labels are escaped all the same. */
  function addControls(s) {
    var section = document.getElementById("eval-" + s.id);
    // each tier's radio: named by its tier, described by its descriptor (the HTML names it by both)
    section.querySelectorAll(".wb-option").forEach(function (option, i) {
      var radio = option.querySelector("input"), box = option.querySelector(".wb-descriptor");
      box.id = s.id + "-" + (i + 1);
      radio.setAttribute("aria-label", option.querySelector(".wb-option__head").textContent.trim());
      radio.setAttribute("aria-describedby", box.id);
    });
    var id = W.escape(s.id), label = W.escape(s.label);
    section.insertAdjacentHTML("beforeend",
      "<div class=\"wb-next\" data-next-for=\"" + id + "\"></div><div class=\"wb-priority\">" +
      "<p><label class=\"check\"><input type=\"checkbox\" name=\"priority-" + id + "\" id=\"priority-" + id + "\"> Make statement " +
      label + " a priority for development</label></p><div class=\"wb-action\" data-action-for=\"" + id + "\" hidden>" +
      planBoxes(id, label) + "</div></div>");
  }

  /* A priority's plan, the record's `plan:` fields in order: a long text (over 1,000 characters) is a box of
   * several lines on its own line, labelled "<short> for statement 1.1"; the others share a line, each labelled by
   * its label (and, for a screen reader, its statement). */
  function planBoxes(id, label) {
    var long = "", row = [];
    plan.forEach(function (f) {
      var name = W.escape(f.id) + "-" + id;
      if (f.kind === "text" && f.limit > 1000) {
        long += "<p><label for=\"" + name + "\">" + W.escape(f.short || f.label) + " for statement " + label +
          "</label><br><textarea id=\"" + name + "\" rows=\"2\" maxlength=\"" + f.limit + "\"></textarea></p>";
        return;
      }
      row.push("<span><label for=\"" + name + "\">" + W.escape(f.label) + "<span class=\"visually-hidden\"> (statement " + label +
        ")</span></label><br><input type=\"" + (f.kind === "date" ? "date" : "text") + "\" id=\"" + name + "\"" +
        (f.limit ? " maxlength=\"" + f.limit + "\"" : "") + "></span>");
    });
    return long + (row.length ? "<p class=\"wb-action__row\">" + row.join(" ") + "</p>" : "");
  }

  function say(message) { statusNode.textContent = message; }

  /* Exports, imports, downloads and the migration message live in workbook-files.js, loaded on first use
   * (a first visit does not carry them); when it cannot be loaded, say so: nothing entered is touched. */
  function withFiles(then) {
    W.need("workbook-files", "WorkbookFiles").then(then, function () {
      showError("This part of the page could not be loaded (is this device offline?), so nothing was exported, " +
        "imported or downloaded. Nothing you entered is lost: try again when you are connected.");
    });
  }

  /* An error in plain words; with offerExport, a button to save the work as a file at once. */
  function showError(message, offerExport) {
    // the same message again (a failed save on every keystroke) leaves the box alone, so its button stays clickable
    if (errorNode.getAttribute("data-message") === message + !!offerExport && !errorNode.hidden) return;
    errorNode.setAttribute("data-message", message + !!offerExport);
    W.showError(errorNode, message);
    if (message && offerExport) {
      var button = W.el("button", { type: "button", className: "md-button", text: "Download a copy of your work now" });
      button.addEventListener("click", exportJson);
      errorNode.appendChild(document.createTextNode(" "));
      errorNode.appendChild(button);
    }
  }

  /* The bar that stays in view says the same in a few words: saved, or not saved with a download button. The
   * button is made once and only shown or hidden, so a click on it is never lost to a redraw. */
  function barStatus(ok, when) {
    var text = ok ? "Saved " + when + "." : "Not saved.";
    if (barSaved.textContent !== text) barSaved.textContent = text;
    barSaved.className = "wb-bar-saved" + (ok ? "" : " wb-bar-saved--not");
    if (barDownload.hidden !== ok) barDownload.hidden = ok;
  }
  barDownload.textContent = "Download your work";
  barDownload.addEventListener("click", exportJson);
  function clock() { return new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }); }

  function savedText() {
    return "Saved in this browser at " + clock() + "." +
      (keepWord === "granted" ? " The browser agreed to keep it until you clear it." :
        keepWord ? " The browser has not promised to keep it: it may delete it if the device runs short of space, so export a file too." : "");
  }

  /* Save, merged with what other tabs saved; say at once when it did not work. */
  function persist() {
    var result = W.save(fw, state);
    if (!result.ok) {
      savedNode.textContent = "Not saved in this browser: see the message above.";
      barStatus(false);
      showError("Your last change was not saved: " + W.problemText(result.reason) + ". Everything you entered is " +
        "still on this page, but it will be lost when you close or reload it. Download a copy (Export, JSON file) " +
        "to keep it.", true);
      return false;
    }
    state = result.state;
    reportSoon();
    if (errorNode.textContent.indexOf("was not saved") >= 0 || storageOff) { showError(""); storageOff = false; }
    savedNode.textContent = savedText();
    barStatus(true, "at " + clock());
    if (!keepWord) {
      W.askToKeep().then(function (answer) { keepWord = answer; savedNode.textContent = savedText(); });
    }
    if (result.theirs) fill();        // another tab's newer work came in with the merge
    return true;
  }

  /* Another tab saved, or this one comes back into view: take in the newer work, field by field. */
  function refresh() {
    var found = W.readSaved(fw);
    if (found.blocked || found.raw && !found.partial) return;
    state = W.merge(fw, found.state, state);
    fill();
  }
  window.addEventListener("storage", function (event) {
    if (event.key === W.STORAGE_KEY || event.key === null) refresh();
    if (event.key === W.BACKUP_KEY) drawUndo();
  });
  window.addEventListener("focus", refresh);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) refresh(); });

  /* Set a control only when it differs, so a merge never moves the caret of the box being typed in. */
  function setValue(node, value) { if (node.value !== value) node.value = value; }

  /* Put the state into the form. */
  function fill() {
    setValue(document.getElementById("wb-school"), state.school || "");
    setValue(document.getElementById("wb-date"), state.date || "");
    fw.areas.forEach(function (area) {
      area.statements.forEach(function (s) {
        var e = W.entryOf(state, s.id) || {};
        // set a box only when it differs: each change restyles the page (workbook.css's :has(input:checked))
        document.getElementById("eval-" + s.id).querySelectorAll("input[type=radio]").forEach(function (radio) {
          var on = radio.value === (e.tier || "");
          if (radio.checked !== on) radio.checked = on;
        });
        var priority = document.getElementById("priority-" + s.id);
        if (priority.checked !== !!e.priority) priority.checked = !!e.priority;
        written.forEach(function (f) {       // a field outside the plan and the evidence has no box here
          var box = document.getElementById(f.id + "-" + s.id);
          if (box) setValue(box, e[f.id] || "");
        });
        settle(s.id, !!e.tier && !chosenHere[s.id]);
        drawNext(s.id);
      });
    });
    drawSummary();
    drawProgress();
    drawKept();
  }

  /* The next step for a statement judged below the top tier: what the next tier looks like (one suggestion),
   * then at most three case studies with why each is suggested, the rest on request. Ticking a box never
   * leaves the page: the links to read a case study are outside the boxes' labels. */
  function drawNext(id) {
    var box = document.getElementById("eval-" + id).querySelector(".wb-next");
    var e = W.entryOf(state, id) || {};
    var found = index.get(id), area = found.area;
    var step = W.nextStep(fw, found.statement, e);
    var drawn = JSON.stringify([e.tier, e.case_studies || [], e.priority, suggestions]);
    if (box.contains(document.activeElement) && box.getAttribute("data-drawn") === drawn) return;
    box.setAttribute("data-drawn", drawn);
    box.textContent = "";
    box.closest(".wb-statement").querySelector("[data-action-for]").hidden = !e.priority;
    if (e.retired_case_studies && e.retired_case_studies.length) {
      box.appendChild(W.el("p", { className: "wb-kept", text: "Kept from an earlier edition: case studies no longer in the framework (" +
        e.retired_case_studies.join(", ") + "). They stay in your exports." }));
    }
    if (!step.judged) return;
    if (step.top) {
      box.appendChild(W.el("p", { className: "wb-next__title", text: "Judged at " + W.tierName(fw, e.tier) + ": keep it there, and share what works." }));
      return;
    }
    box.appendChild(W.el("h4", { className: "wb-next__title", text: "Next step: what " + step.tier.name + " looks like for statement " + found.statement.label }));
    step.paragraphs.forEach(function (text) { box.appendChild(W.el("p", { text: text })); });
    if (!area.case_studies.length) return;
    if (suggestions === "waiting" || suggestions === "loading") {
      needSuggestions();
      box.appendChild(W.el("p", { className: "wb-cases-wait", text: "Finding the case studies that may help\u2026" }));
      return;
    }
    if (suggestions === "failed") {
      box.appendChild(W.el("p", { className: "wb-kept", text: "The suggested case studies could not be loaded (is the " +
        "connection down?). \u201cShow all\u201d below lists every case study for this area; reload the page to try again." }));
    }
    box.appendChild(caseStudies(id, found.statement, area, e.case_studies || []));
  }

  /* The self-evaluation's data island leaves out which case studies to suggest for each statement (fw.suggested
   * is "later"): nothing is judged on a first visit, so they come in workbook-suggested.js, loaded when a next
   * step is first drawn or a tier is about to be chosen. Then every next step is drawn again. */
  var suggestions = fw.suggested === "later" ? "waiting" : "in";
  function needSuggestions() {
    if (suggestions !== "waiting") return;
    suggestions = "loading";
    W.need("workbook-suggested", "WorkbookSuggested").then(function () {
      fw.areas.forEach(function (a) { a.statements.forEach(function (s) { s.suggested = window.WorkbookSuggested[s.id] || []; }); });
      suggestions = "in";
    }, function () { suggestions = "failed"; }).then(function () {
      fw.areas.forEach(function (a) { a.statements.forEach(function (s) { drawNext(s.id); }); });
    });
  }
  ["pointerdown", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (event.target.closest && event.target.closest(".wb-options")) needSuggestions();
    }, { passive: true });
  });

  function caseStudies(id, statement, area, chosen) {
    var why = {};
    (statement.suggested || []).forEach(function (x) { why[x.id] = x.why; });
    // the area's list in the island starts with the framework's featured and also lists (workbook-suggested.js
    // says how many); after them come the site's own suggestions, never counted with them
    var count = (window.WorkbookListed || {})[area.id];
    var listed = count === undefined ? area.case_studies : area.case_studies.slice(0, count);
    var first = area.case_studies.filter(function (c) { return why[c.id] || chosen.indexOf(c.id) >= 0; });
    var rest = listed.filter(function (c) { return first.indexOf(c) < 0; });
    var group = W.el("fieldset", { className: "wb-cases" }, [
      W.el("legend", { text: "Case studies that may help: tick the ones to use in your action plan" })]);
    function option(c, list) {
      var tick = W.el("input", { type: "checkbox", value: c.id, "data-case-for": id });
      tick.checked = chosen.indexOf(c.id) >= 0;
      var read = W.el("a", { href: "../" + c.path, "aria-label": "Read it: " + c.title, text: "Read it" });
      var note = why[c.id] ? "Suggested by this site: " + why[c.id] + " " : "";
      list.appendChild(W.el("li", { className: "wb-case" }, [
        W.el("label", { className: "check" }, [tick, " ", c.title]),
        W.el("span", { className: "wb-case__why" }, [note, read])]));
    }
    var shown = W.el("ul", { className: "wb-case-list wb-case-list--suggested" });
    first.forEach(function (c) { option(c, shown); });
    group.appendChild(shown);
    if (rest.length) {
      var more = W.el("ul", { className: "wb-case-list wb-case-list--area", id: "more-cases-" + id, hidden: "" });
      rest.forEach(function (c) { option(c, more); });
      var label = count === undefined ? "Show all case studies for this area" :
        "Show all " + count + " case studies the framework lists for this area";
      var toggle = W.el("button", { type: "button", className: "wb-link-button", "aria-expanded": "false", "aria-controls": more.id,
        text: label });
      toggle.addEventListener("click", function () {
        more.hidden = !more.hidden;
        toggle.setAttribute("aria-expanded", String(!more.hidden));
        toggle.textContent = more.hidden ? label : "Show only the suggested and chosen case studies";
      });
      group.appendChild(toggle);
      group.appendChild(more);
    }
    return group;
  }

  /* A judged statement, as the page opens, shows only its chosen tier, so the page gets shorter as the work goes
   * on; "Change the tier" shows all of them again. Choosing a tier never folds anything (arrow keys read the
   * choices, and a choice must not change what is on the page): folding is the button "Keep this tier". */
  var chosenHere = {};           // statements judged or reopened in this visit: a merge or a refresh leaves them open
  function settle(id, settled) {
    var section = document.getElementById("eval-" + id);
    var judged = !!(W.entryOf(state, id) || {}).tier;
    section.classList.toggle("wb-statement--settled", settled);
    var change = section.querySelector(".wb-change");
    if (!change && !judged) return;          // made when first needed: none for the statements not judged
    if (!change) {
      change = W.el("button", { type: "button", className: "wb-link-button wb-change", "aria-expanded": "false" });
      change.addEventListener("click", function () {
        var open = section.classList.contains("wb-statement--settled");
        chosenHere[id] = open;
        settle(id, !open);
      });
      section.querySelector(".wb-tiers").appendChild(change);
    }
    change.hidden = !judged;
    change.setAttribute("aria-expanded", String(!settled));
    change.textContent = settled ? "Change the tier" : "Keep this tier";
  }

  /* Progress: "N of 43 judged" (kept in view), per area, in the contents column, and the next one to do. */
  function drawProgress() {
    var all = index.size, total = W.totalCounts(fw, state), done = all - total[""];
    var count = document.getElementById("wb-progress-count"), said = done === all ? "All " + all + " judged" : done + " of " + all + " judged";
    if (count.textContent !== said) count.textContent = said;
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
    // until the page first scrolls (as at load) it is at the top, where every statement is below the summary:
    // no need to measure, which would force a layout of the whole long page (reading scrollY would too)
    if (!scrolledOnce) return open[0];
    var top = 0;
    // a statement in a closed area starts where its area's heading ends (measuring it would lay out the area)
    var after = open.filter(function (x) {
      var section = document.getElementById("eval-" + x.statement.id), area = section.closest("details");
      return (area.open ? section.getBoundingClientRect().top : area.firstElementChild.getBoundingClientRect().bottom) > top + 200;
    });
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
    section.closest("details").open = true;
    section.scrollIntoView({ block: "start" });
    // on the checked radio ("Not yet judged"), where Tab would land: the arrow keys then go through the tiers
    section.querySelector("input[type=radio]:checked").focus({ preventScroll: true });
    drawNextButton();
  });
  var scrolled = false, scrolledOnce = false;
  window.addEventListener("scroll", function () {
    scrolledOnce = true;
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
    holder.appendChild(W.el("p", { text: "All " + index.size + " statements: " + W.countsText(fw, total) + "." }));
    holder.appendChild(W.el("div", { className: "table-wrap" }, [table]));
    holder.appendChild(W.tierKey(fw));
  }

  /* Statements kept from an earlier edition (retired from the framework): shown, and in every export. */
  function drawKept() {
    var old = document.getElementById("wb-kept");
    if (old) old.remove();
    var ids = Object.keys(state.retired || {});
    if (!ids.length) return;
    notesNode.appendChild(W.el("div", { id: "wb-kept", className: "note" }, [
      W.el("p", { text: "Kept from an earlier edition: these statements are no longer in the framework. Your judgements on them " +
        "stay in this browser and in every export." }),
      W.el("ul", {}, ids.map(function (id) {
        var e = state.retired[id];
        return W.el("li", { text: "“" + id + "”: " + W.tierName(fw, e.tier) + (e.evidence ? "; evidence: " + e.evidence : "") });
      }))]));
  }

  /* At load, before anything is typed: what this browser can keep, what was found and what was kept. */
  function drawLoadNotes() {
    if (opened.storage === "blocked") {
      showError("This browser is not letting this site save anything (its storage is turned off or blocked, as in some " +
        "private windows and locked-down school profiles). You can still fill in the workbook, export it (JSON or CSV) " +
        "and print it, but what you enter is lost when you close or reload this page unless you export it first.");
      savedNode.textContent = "Not saved in this browser: storage is blocked.";
      barStatus(false);
    } else if (opened.storage === "full") {
      showError("This browser's storage for this site is full, so changes may not be saved. Export a file to keep your work.", true);
      barStatus(false);
    }
    if (opened.raw) {
      var what = opened.partial ?
        "Some of the work saved in this browser could not be read (" + opened.problem + "). Everything that could be read is restored below." :
        "Work saved in this browser could not be read (" + opened.problem + "), so the workbook starts empty.";
      var kept = opened.kept ? " The whole saved copy was kept: download it below." :
        " This browser's storage is full, so the copy could not be set aside: download it now, before you change anything.";
      notesNode.appendChild(W.el("p", { className: "wb-error", id: "wb-found", text: what + kept }));
      if (!opened.kept) notesNode.appendChild(copyButton({ found_at: new Date().toISOString(), text: opened.raw }, 0));
    }
    // the core moved old ids to new ones while reading; only the message needs workbook-files.js
    if ((opened.moved || []).length || (opened.retired || []).length) {
      if (!opened.raw) persist();        // save it under the new ids (the old ids are in the message)
      withFiles(function () {
        notesNode.insertBefore(W.el("p", { className: "note", id: "wb-moved",
          text: "Your saved work was updated to this edition. " + W.migrationText(fw, opened) }), document.getElementById("wb-copies"));
      });
    }
    drawCopies();
  }

  function copyButton(copy, i) {
    var when = copy.found_at ? " (found " + W.ukDate(copy.found_at.slice(0, 10)) + ")" : "";
    var button = W.el("button", { type: "button", className: "md-button", text: "Download unreadable copy " + (i + 1) + when });
    button.addEventListener("click", function () {
      withFiles(function () { W.download("self-evaluation-unreadable-copy-" + (i + 1) + ".json", copy.text, "application/json"); });
    });
    return button;
  }

  /* Every unreadable copy kept in this browser, each as a download. */
  function drawCopies() {
    var copies = W.unreadableCopies();
    if (!copies.length) return;
    notesNode.appendChild(W.el("div", { className: "wb-copies", id: "wb-copies" }, [
      W.el("p", { text: "Saved work this site could not read is kept here (the newest " + copies.length +
        (copies.length === 1 ? " copy" : " copies") + "). Download a copy to keep it or to ask for help reading it." }),
      W.el("ul", {}, copies.map(function (copy, i) { return W.el("li", {}, [copyButton(copy, i)]); }))]));
  }

  /* Save as you go. */
  var form = document.querySelector("article") || document.body;
  form.addEventListener("input", onEdit);
  form.addEventListener("change", onEdit);
  function onEdit(event) {
    var t = event.target;
    if (!t || !t.closest(".wb-statement, .wb-meta")) return;
    if (t.id === "wb-school") W.setField(state, null, "school", t.value);
    else if (t.id === "wb-date") W.setField(state, null, "date", t.value);
    else {
      var id = t.closest(".wb-statement").id.slice("eval-".length);
      if (t.type === "radio") {
        W.setField(state, id, "tier", t.value);
        chosenHere[id] = true;
        settle(id, false);
        drawNext(id); drawSummary(); drawProgress();
      }
      else if (t.id === "priority-" + id) { W.setField(state, id, "priority", t.checked); drawNext(id); }
      else if (writtenIn(t, id)) W.setField(state, id, writtenIn(t, id).id, t.value);
      else if (t.hasAttribute("data-case-for")) {
        var chosen = Array.prototype.map.call(
          t.closest(".wb-cases").querySelectorAll("input:checked"), function (i) { return i.value; });
        W.setField(state, id, "case_studies", chosen);
      } else return;
    }
    // typing is saved after a pause (a save reads back the whole work: once per key slows typing on an old
    // laptop); anything else, and a text box left, at once
    window.clearTimeout(pending);
    pending = null;
    if (event.type === "input" && (t.tagName === "TEXTAREA" || t.type === "text")) {
      pending = window.setTimeout(flush, 700);
      return;
    }
    if (storageOff) return;        // said at load; the work stays in the page
    persist();
  }
  var pending = null;
  function flush() {
    if (pending === null) return;
    window.clearTimeout(pending);
    pending = null;
    if (!storageOff) persist();
  }
  // leaving or hiding the page saves what was typed last
  window.addEventListener("pagehide", flush);
  window.addEventListener("beforeunload", flush);
  document.addEventListener("visibilitychange", function () { if (document.hidden) flush(); });

  function fileName(ext) {
    var school = W.slug(state.school);
    return "self-evaluation" + (school ? "-" + school : "") + "-" + (state.date || W.today()) + "." + ext;
  }

  function exportJson() {
    // an export needs a date to be compared with later ones: default to today's
    if (!state.date) {
      W.setField(state, null, "date", W.today());
      document.getElementById("wb-date").value = state.date;
      if (!storageOff) persist();
    }
    withFiles(function () {
      W.download(fileName("json"), JSON.stringify(W.exportState(fw, state), null, 1), "application/json");
      say("Exported " + fileName("json") + ". Keep it safe: it is the only copy outside this browser.");
    });
  }
  document.getElementById("wb-export-json").addEventListener("click", exportJson);

  document.getElementById("wb-export-csv").addEventListener("click", function () {
    withFiles(function () {
      var columns = ["edition"].concat(W.fieldsOf(fw, "evaluation"), ["area", "statement_id", "statement", "text"],
        W.recordColumns(fw));
      columns = W.withKeptColumns(state, columns);
      var rows = [columns].concat(W.csvRows(fw, state, columns, { kept: true }));
      W.download(fileName("csv"), W.toCsv(rows), "text/csv;charset=utf-8");
      say("Exported " + fileName("csv") + ".");
    });
  });

  /* Import, Undo import and Clear all are in workbook-files.js too (W.importFile, W.undoImport, W.clearAll),
   * given this page's work and what they need to redraw it. */
  var page = {
    fw: fw, get state() { return state; }, set state(value) { state = value; },
    storageOff: function () { return storageOff; }, fill: fill, say: say, showError: showError, savedText: savedText,
    notes: notesNode, saved: savedNode, drawUndo: drawUndo
  };
  document.getElementById("wb-import").addEventListener("change", function (event) {
    var file = event.target.files[0];
    event.target.value = "";
    if (!file) return;
    flush();                       // what was typed a moment ago is saved, so the backup before the import has it
    showError("");
    withFiles(function () { W.importFile(page, file); });
  });

  /* Undo import: offered while a backup of the work before the last import is kept. */
  function drawUndo() {
    var button = document.getElementById("wb-undo");
    var has = !!W.stored(W.BACKUP_KEY);
    if (!has) { if (button) button.remove(); return; }
    if (button) return;
    button = W.el("button", { type: "button", className: "md-button", id: "wb-undo", text: "Undo import" });
    button.addEventListener("click", function () { withFiles(function () { W.undoImport(page, button); }); });
    document.querySelector(".wb-buttons").appendChild(button);
  }

  document.getElementById("wb-clear").addEventListener("click", function () {
    withFiles(function () { W.clearAll(page); });
  });

  /* The printed report (workbook-report.js) is loaded once there is work to report: when the browser is idle
   * after the page has loaded with saved judgements, or after the first save. The print button waits for it;
   * a print from the browser (Ctrl+P, its menu) cannot wait, so it finds it ready. (The page's policy forbids
   * running fetched text as a script, so it cannot be loaded at once inside beforeprint.) Drawn from this
   * page's work just before each print; without it the page prints the form. */
  function drawReport() {
    var reportNode = document.querySelector(".wb-report");     // after this script in the page
    reportNode.textContent = "";
    reportNode.appendChild(window.WorkbookReport.render(fw, state));
    document.documentElement.classList.add("wb-has-report");     // workbook.css: print the report, not the form
  }
  function reportMissing(printed) {
    showError("The printable report could not be loaded (is this device offline?), so " +
      (printed ? "the page printed the form instead." : "nothing was printed.") + " Nothing you entered is lost: try again when you are connected.");
  }
  function loadReport() { return W.need("workbook-report", "WorkbookReport"); }
  function judgedAny() {
    return Object.keys(state.statements || {}).some(function (id) { return state.statements[id].tier; });
  }
  var reportAsked = false;
  function reportSoon() {
    if (reportAsked) return;
    reportAsked = true;
    var idle = window.requestIdleCallback || function (run) { setTimeout(run, 1000); };
    function start() { idle(function () { loadReport().catch(function () { reportAsked = false; }); }); }
    if (document.readyState === "complete") start(); else window.addEventListener("load", start);
  }
  function prepareReport() {
    if (window.WorkbookReport) { drawReport(); return true; }
    return loadReport().then(function () { drawReport(); return true; }, function () { reportMissing(false); return false; });
  }
  // someone about to export or import: load workbook-files.js now, so that the click acts at once
  ["wb-export-json", "wb-export-csv", "wb-import"].forEach(function (id) {
    var node = document.getElementById(id);
    node = node.closest("label") || node;
    ["pointerenter", "focusin", "touchstart"].forEach(function (type) {
      node.addEventListener(type, function () { W.need("workbook-files", "WorkbookFiles").catch(function () {}); }, { passive: true });
    });
  });
  var printNode = document.getElementById("wb-print");
  W.printButton(printNode, prepareReport);
  // someone about to press it: load the report now, so that the click prints at once
  ["pointerenter", "focus", "touchstart"].forEach(function (type) {
    printNode.addEventListener(type, function () { loadReport().catch(function () {}); }, { passive: true });
  });
  window.addEventListener("beforeprint", function () {
    if (window.WorkbookReport) drawReport();
    else if (judgedAny()) reportMissing(true);
  });
  // print media without a beforeprint (print previews, emulators): load it, then draw
  if (window.matchMedia) {
    var printMedia = window.matchMedia("print");
    var onMedia = function () { if (printMedia.matches) loadReport().then(drawReport, function () {}); };
    if (printMedia.addEventListener) printMedia.addEventListener("change", onMedia);
  }

  fill();
  drawLoadNotes();
  drawUndo();
  if (judgedAny()) reportSoon();
}
