/* The action plan page: a read-only view of the self-evaluation saved in this browser, showing the
 * priorities by area with the next tier, chosen case studies and actions. Starts from data-module="action-plan"; W is the core (core.mjs). */
export function start(holder, W, fw) {
  var el = W.el;
  var state;

  W.enhance();

  /* The priorities, grouped by area in the framework's order: [{area, items: [{statement, entry}]}]. */
  function priorities() {
    return fw.areas.map(function (area) {
      return {
        area: area,
        items: area.statements.filter(function (s) {
          var e = W.entryOf(state, s.id);
          return e && e.priority;
        }).map(function (s) { return { statement: s, entry: W.entryOf(state, s.id) }; })
      };
    }).filter(function (group) { return group.items.length; });
  }

  /* Priorities on statements kept from an earlier edition (retired from the framework): [{statement, entry}].
   * Someone still leads that work, so the plan keeps it, under "No longer in the framework". */
  function keptPriorities() {
    var kept = state.retired || {};
    return Object.keys(kept).filter(function (id) { return kept[id] && kept[id].priority; }).map(function (id) {
      return { statement: { id: id, label: id, text: W.KEPT_TEXT }, entry: kept[id], kept: true };
    });
  }

  function workbookLink(text, id) {
    return el("a", { href: "../self-evaluation/" + (id ? "#eval-" + id : ""), text: text });
  }

  /* What the next step is, as paragraphs: the next tier's descriptors, or why there is none. */
  function nextStep(statement, entry) {
    var step = W.nextStep(fw, statement, entry);
    if (!step.judged) return { title: "Next step", paragraphs: ["Not judged yet: choose a tier for it in the workbook first."] };
    if (step.top) return { title: "Next step", paragraphs: ["Already at " + W.tierName(fw, entry.tier) + ": keep it there, and share what works."] };
    return { title: "What " + step.tier.name + " looks like", tier: step.tier, paragraphs: step.paragraphs };
  }

  /* What the workbook's core found at load: storage blocked, saved work it could not read (kept), ids moved. */
  function notes(found) {
    if (found.storage === "blocked") {
      holder.appendChild(el("p", { className: "wb-error", text: "This browser is not letting this site read or save anything " +
        "(its storage is turned off or blocked), so no saved self-evaluation can be shown here. In the workbook you can " +
        "still fill in, export and print your self-evaluation." }));
    }
    if (found.raw) {
      holder.appendChild(el("p", { className: "wb-error" }, [(found.partial ? "Some of the work saved in this browser could not be read (" :
        "The work saved in this browser could not be read (") + found.problem + "). " +
        (found.kept ? "The whole saved copy is kept: download it from the " : "Download it now from the "),
        workbookLink("self-evaluation workbook"), "."]));
    }
    var moved = W.migrationText(fw, found);
    if (moved) holder.appendChild(el("p", { className: "note", text: moved }));
  }

  function orNot(text) { return text || "Not recorded yet"; }

  /* A priority's plan: the record's `plan:` fields (data/workbook.yaml), each named by its short name. */
  var plan = W.planFields(fw);
  function nameOf(f) { return f.short || f.label; }
  function planText(f, entry) { return f.kind === "date" && entry[f.id] ? W.ukDate(entry[f.id]) : orNot(entry[f.id]); }
  function planFacts(entry) {
    return plan.reduce(function (out, f) {
      // a long text keeps its line breaks
      var dd = f.limit > 1000 ? { className: "ap-pre", text: planText(f, entry) } : { text: planText(f, entry) };
      return out.concat([el("dt", { text: nameOf(f) }), el("dd", dd)]);
    }, []);
  }

  function glance(groups) {
    var table = el("table", {}, [
      el("thead", {}, [el("tr", {}, ["Statement", "Now"].concat(plan.map(nameOf)).map(function (h) { return W.th(h); }))])]);
    var body = el("tbody");
    groups.forEach(function (g) {
      g.items.forEach(function (item) {
        var e = item.entry;
        body.appendChild(el("tr", {}, [
          el("th", { scope: "row" }, [el("a", { href: "#plan-" + item.statement.id, text: item.statement.label })]),
          el("td", { text: W.tierName(fw, e.tier) })
        ].concat(plan.map(function (f) { return el("td", { text: planText(f, e) }); }))));
      });
    });
    table.appendChild(body);
    return W.scrollBox(table, "Priorities at a glance", "ap-glance");
  }

  /* A kept statement: what the school wrote, with no next tier (it has no descriptors now) and its case
   * studies by id, as saved. */
  function keptItem(statement, entry) {
    var cases = (entry.case_studies || []).join(", ");
    var list = el("dl", { className: "ap-item__facts" }, [
      el("dt", { text: "Now" }), el("dd", { text: W.tierName(fw, entry.tier) }),
      el("dt", { text: "Case studies" }), el("dd", { text: cases || "None chosen." }),
      el("dt", { text: "Evidence now" }), el("dd", { className: "ap-pre", text: orNot(entry.evidence) }),
    ].concat(planFacts(entry)));
    return el("section", { className: "ap-item", id: "plan-" + statement.id, "aria-labelledby": "plan-title-" + statement.id }, [
      el("h3", { id: "plan-title-" + statement.id, text: "“" + statement.id + "”" }),
      el("p", { className: "ap-item__statement", text: statement.text }),
      list
    ]);
  }

  function item(area, statement, entry) {
    var step = nextStep(statement, entry);
    var cases = W.chosenCases(area, entry);
    var casesNode = cases.length ?
      el("ul", {}, cases.map(function (c) { return el("li", {}, [el("a", { href: "../" + c.path, text: c.title })]); })) :
      el("p", {}, ["None chosen. ", workbookLink("Choose case studies in the workbook", statement.id), "."]);
    var list = el("dl", { className: "ap-item__facts" }, [
      el("dt", { text: "Now" }), el("dd", { text: W.tierName(fw, entry.tier) }),
      el("dt", { text: step.title }),
      el("dd", { className: step.tier ? "ap-next ap-next--" + step.tier.id : "ap-next" },
        step.paragraphs.map(function (text) { return el("p", { text: text }); })),
      el("dt", { text: "Case studies" }), el("dd", {}, [casesNode]),
      el("dt", { text: "Evidence now" }), el("dd", { className: "ap-pre", text: orNot(entry.evidence) }),
    ].concat(planFacts(entry)));
    return el("section", { className: "ap-item", id: "plan-" + statement.id, "aria-labelledby": "plan-title-" + statement.id }, [
      el("h3", { id: "plan-title-" + statement.id, text: "Statement " + statement.label }),
      el("p", { className: "ap-item__statement" }, [
        el("a", { href: "../" + area.path + "#" + statement.id, text: statement.label + " " + statement.text })]),
      list,
      el("p", { className: "ap-item__edit no-print" }, [workbookLink("Change this in the workbook", statement.id)])
    ]);
  }

  var fromFile = null;    // a state read from a file the user opened here (never saved), or null for the saved work

  function draw() {
    var found = fromFile ? { state: fromFile } : W.load(fw);
    state = found.state;
    holder.textContent = "";
    notes(found);
    var saved = Object.keys(state.statements).length || Object.keys(state.retired || {}).length || state.school;
    var groups = priorities(), kept = keptPriorities();
    var tools = document.querySelector(".ap-tools");
    tools.hidden = !groups.length && !kept.length;
    if (!saved) {
      holder.appendChild(el("p", {}, ["There is no self-evaluation saved in this browser yet. Start in the ",
        workbookLink("self-evaluation workbook"), " (or import a file there), then mark the statements you will work on as priorities."]));
      return;
    }
    if (!groups.length && !kept.length) {
      holder.appendChild(el("p", {}, ["No statement is marked as a priority yet. In the ", workbookLink("self-evaluation workbook"),
        ", tick “Make statement … a priority for development” for the statements you will work on."]));
      return;
    }
    var count = groups.reduce(function (n, g) { return n + g.items.length; }, 0);
    var who = state.school ? state.school + ": " : "";
    var parts = [];
    if (count) parts.push(count + (count === 1 ? " priority" : " priorities") + " in " + groups.length + (groups.length === 1 ? " area" : " areas"));
    if (kept.length) parts.push(kept.length + (kept.length === 1 ? " priority on a statement" : " priorities on statements") +
      " no longer in the framework");
    holder.appendChild(el("p", { className: "ap-summary", text: who + parts.join(" and ") +
      (state.date ? ", from the self-evaluation of " + W.ukDate(state.date) : "") + "." }));
    holder.appendChild(el("h2", { id: "at-a-glance", text: "At a glance" }));
    holder.appendChild(glance(kept.length ? groups.concat([{ items: kept }]) : groups));
    groups.forEach(function (g) {
      holder.appendChild(el("h2", { id: "plan-area-" + g.area.id, text: "Area " + g.area.number + ": " + g.area.name }));
      g.items.forEach(function (i) { holder.appendChild(item(g.area, i.statement, i.entry)); });
    });
    if (kept.length) {
      holder.appendChild(el("h2", { id: "plan-kept", text: W.KEPT_AREA }));
      kept.forEach(function (i) { holder.appendChild(keptItem(i.statement, i.entry)); });
    }
  }

  document.getElementById("ap-export-csv").addEventListener("click", function () {
    // the plan's own columns first, then the record's fields that are written in (evidence, actions, ...)
    var columns = ["edition"].concat(W.fieldsOf(fw, "evaluation"), ["area", "statement_id", "statement", "text", "current_tier",
      "next_tier", "next_tier_descriptor", "case_studies", "case_study_links"], W.recordColumns(fw, ["tier", "priority", "case_studies"]));
    columns = W.withKeptColumns(state, columns);
    // with kept: true, priorities on statements kept from an earlier edition come last, as on the page
    var rows = [columns].concat(W.csvRows(fw, state, columns, { only: function (e) { return e.priority; }, kept: true }));
    var name = "action-plan" + (state.school ? "-" + W.slug(state.school) : "") + "-" + (state.date || W.today()) + ".csv";
    W.download(name, W.toCsv(rows), "text/csv;charset=utf-8");
    document.getElementById("ap-status").textContent = "Exported " + name + ".";
  });

  W.printButton(document.getElementById("ap-print"));

  // The workbook open in another tab saves as you type: follow it (unless a file is shown).
  window.addEventListener("storage", function (event) { if (event.key === W.STORAGE_KEY && !fromFile) draw(); });

  // Show the plan of an export or a filled-in spreadsheet, without touching the work saved here.
  var opener = document.getElementById("ap-open");
  var openError = document.getElementById("ap-open-error");
  opener.addEventListener("change", function () {
    var file = opener.files[0];
    opener.value = "";
    if (!file) return;
    W.readFile(file, fw, function (error, opened) {
      W.showError(openError, error ? error + " The plan shown has not changed." : "");
      if (error) return;
      fromFile = opened;
      draw();
      document.getElementById("ap-status").textContent = "Showing the plan from “" + file.name +
        "”. The work saved in this browser has not changed.";
    });
  });

  draw();
}
