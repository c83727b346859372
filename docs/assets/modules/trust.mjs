/* The trust overview: several schools' exports read in this browser (never sent), shown as a grid of schools
 * by areas, the statements most often at the first tier, and the priorities schools share. Starts from data-module="trust"; W is the core (core.mjs). */
export function start(root, W, fw) {
  var input = document.getElementById("trust-files");
  var el = W.el;
  var result = document.getElementById("trust-result");
  var statusNode = document.getElementById("trust-status");
  var buttons = document.getElementById("trust-buttons");
  var schools = [];       // [{name, file, state}] counted in the overview, in the order the files were given
  var loaded = [];        // every file read, duplicates included
  var countTwins = false; // the user said files that look like the same school are different schools

  W.enhance();

  var th = W.th, plural = W.plural;

  function statementCell(area, s) {
    return el("th", { scope: "row" }, [el("a", { href: "../" + area.path + "#" + s.id, text: s.label }), " ",
      el("span", { className: "wb-statement-text", text: s.text })]);
  }

  /* Every statement with the schools for which test(entry) holds, most schools first (ties in framework order). */
  function statementsWhere(test) {
    var rows = [];
    fw.areas.forEach(function (area) {
      area.statements.forEach(function (s) {
        var which = schools.filter(function (school) { return test(W.entryOf(school.state, s.id) || {}); });
        if (which.length) rows.push({ area: area, statement: s, schools: which });
      });
    });
    return rows.sort(function (a, b) { return b.schools.length - a.schools.length; });   // sort is stable
  }

  /* A bar with its counts as text beside it (a narrow part has no room for its number, and a tooltip is not there on
   * a touch screen): the tiers' counts in order, then those not judged, apart. */
  function bar(counts, total, label) {
    var text = fw.tiers.map(function (t) { return counts[t.id] || 0; }).join(" · ") + (counts[""] ? "; " + counts[""] + " not judged" : "");
    return [W.tierBar(fw, counts, total, label), el("span", { className: "tier-bar__text", "aria-hidden": "true", text: text })];
  }

  function statementTable(rows, countHeading, label) {
    var table = el("table", {}, [el("thead", {}, [el("tr", {}, [th("Statement"), th(countHeading), th("Which schools")])])]);
    var body = el("tbody");
    rows.forEach(function (r) {
      // "2 of 3 schools", and apart from them any school that has not judged the statement
      var notJudged = schools.filter(function (x) { return !(W.entryOf(x.state, r.statement.id) || {}).tier; }).length;
      body.appendChild(el("tr", {}, [statementCell(r.area, r.statement),
        el("td", { className: "wb-num", text: r.schools.length + " of " + schools.length + (notJudged ? " (" + notJudged + " not judged)" : "") }),
        el("td", { text: r.schools.map(function (x) { return x.name; }).join("; ") })]));
    });
    table.appendChild(body);
    return W.scrollBox(table, label);
  }

  function grid() {
    var table = el("table", {}, [el("thead", {}, [el("tr", {},
      [th("School")].concat(fw.areas.map(function (a) {
        // "Area 1" on screen, so eight areas fit beside each other; the full name for screen readers and below
        return el("th", { scope: "col" }, [el("span", { "aria-hidden": "true", text: "Area " + a.number }),
          el("span", { className: "visually-hidden", text: a.number + ". " + a.name })]);
      }), [th("All areas")]))])]);
    var body = el("tbody");
    var all = W.statementIndex(fw).size;
    var trust = fw.areas.map(function () { return null; });
    var trustAll = null;
    var add = W.addCounts;
    schools.forEach(function (school) {
      var total = null;
      var cells = fw.areas.map(function (area, i) {
        var counts = W.areaCounts(fw, school.state, area);
        total = add(total, counts);
        trust[i] = add(trust[i], counts);
        // data-label: on a phone each school is a block of cells without the table's head, each named
        return el("td", { "data-label": "Area " + area.number }, bar(counts, area.statements.length, school.name + ", " + area.name + ": " + W.countsText(fw, counts)));
      });
      trustAll = add(trustAll, total);
      body.appendChild(el("tr", {}, [th(school.name, "row")].concat(cells,
        [el("td", { "data-label": "All areas" }, bar(total, all, school.name + ", all areas: " + W.countsText(fw, total)))])));
    });
    table.appendChild(body);
    // The whole trust: every school's judgements added up, per area.
    var label = "All " + plural(schools.length, "school", "schools");
    table.appendChild(el("tfoot", {}, [el("tr", {}, [th(label, "row")].concat(fw.areas.map(function (area, i) {
      return el("td", { "data-label": "Area " + area.number }, bar(trust[i], area.statements.length * schools.length, label + ", " + area.name + ": " + W.countsText(fw, trust[i])));
    }), [el("td", { "data-label": "All areas" }, bar(trustAll, all * schools.length, label + ", all areas: " + W.countsText(fw, trustAll)))]))]));
    return W.scrollBox(table, "Schools by area", "trust-grid");
  }

  /* Files that look like the same school are counted once (the latest evaluation) unless the user says
   * otherwise. Returns [{kept, dropped, why}] for the warning. */
  function pickSchools() {
    var kept = [], twins = [];
    loaded.forEach(function (school) {
      var twin = kept.filter(function (k) { return W.sameSchool(k.state, school.state); })[0];
      if (!twin) { kept.push(school); return; }
      var why = W.sameSchool(twin.state, school.state);
      if (countTwins) { kept.push(school); twins.push({ kept: twin, other: school, why: why }); return; }
      var later = (school.state.date || "") > (twin.state.date || "");
      if (later) kept[kept.indexOf(twin)] = school;
      twins.push({ kept: later ? school : twin, other: later ? twin : school, why: why });
    });
    schools = kept;
    return twins;
  }

  function twinWarning(twins) {
    var box = el("div", { className: "note note--warning trust-twins" }, [
      el("h2", { id: "same-school", text: "Same school twice?" }),
      el("ul", {}, twins.map(function (t) {
        return el("li", { text: "“" + t.other.file + "” and “" + t.kept.file + "” " + (t.why === "name" ?
          "have the same school name (" + (t.kept.state.school || "").trim() + ")" : "hold the same judgements and evidence") +
          (countTwins ? ": both are counted." : ": counted once, using “" + t.kept.file + "”" +
            (t.kept.state.date ? " (" + W.ukDate(t.kept.state.date) + ")" : "") + ".") });
      }))]);
    var check = el("input", { type: "checkbox", id: "trust-count-twins" });
    check.checked = countTwins;
    check.addEventListener("change", function () {
      countTwins = check.checked;
      var errors = lastErrors;
      drawAll(errors);
      document.getElementById("trust-count-twins").focus();
    });
    box.appendChild(el("p", {}, [el("label", { className: "check", for: "trust-count-twins" },
      [check, " They are different schools: count every file"])]));
    return box;
  }

  var lastErrors = [];
  function drawAll(errors) {
    lastErrors = errors;
    var twins = pickSchools();
    draw(errors, twins);
    var extra = twins.length && !countTwins ? " " + plural(twins.length, "file looks", "files look") +
      " like a school already loaded and " + (twins.length === 1 ? "is" : "are") + " counted once: see “Same school twice?”." : "";
    statusNode.textContent = plural(schools.length, "school", "schools") + " loaded." + extra +
      (errors.length ? " " + plural(errors.length, "file was", "files were") + " not loaded: see “Files not loaded”." : "");
  }

  function draw(errors, twins) {
    result.textContent = "";
    if (twins && twins.length) result.appendChild(twinWarning(twins));
    // files from an earlier edition: their work was moved to this edition's ids as they were read; say what moved
    var moved = loaded.filter(function (s) { return s.moved; });
    if (moved.length) {
      result.appendChild(el("div", { id: "trust-moved", className: "note" }, moved.map(function (s) {
        return el("p", { text: "“" + s.file + "”: " + s.moved });
      })));
    }
    buttons.hidden = !schools.length;
    if (errors.length) {
      result.appendChild(el("h2", { id: "not-loaded", text: "Files not loaded" }));
      result.appendChild(el("ul", { className: "trust-errors" }, errors.map(function (e) {
        return el("li", { className: "wb-error", text: e });
      })));
    }
    if (!schools.length) return;

    result.appendChild(el("h2", { id: "schools-by-area", text: "Schools by area" }));
    result.appendChild(el("p", { text: "Each bar shows how many of the area's statements a school judged at each tier; " +
      "under it the same counts, " + fw.tiers.map(function (t) { return t.name; }).join(" · ") + ", then those not judged." }));
    result.appendChild(W.tierKey(fw));
    result.appendChild(grid());
    result.appendChild(el("p", { className: "trust-area-key", text: "Areas: " + fw.areas.map(function (a) {
      return a.number + ". " + a.name; }).join("; ") + "." }));

    var first = fw.tiers[0];
    result.appendChild(el("h2", { id: "most-often-" + first.id, text: "Statements most often at " + first.name }));
    var low = statementsWhere(function (e) { return e.tier === first.id; }).slice(0, 10);
    result.appendChild(low.length ? statementTable(low, "Schools at " + first.name, "Statements most often at " + first.name) :
      el("p", { text: "No school judged any statement at " + first.name + "." }));

    result.appendChild(el("h2", { id: "shared-priorities", text: "Priorities schools share" }));
    var shared = statementsWhere(function (e) { return e.priority; }).filter(function (r) { return r.schools.length > 1; });
    result.appendChild(shared.length ? statementTable(shared, "Schools with it as a priority", "Priorities schools share") :
      el("p", { text: "No statement is a priority in more than one school." }));
  }

  input.addEventListener("change", function () {
    var files = input.files;
    if (!files.length) return;
    statusNode.textContent = "Reading " + plural(files.length, "file", "files") + "…";
    W.readFiles(files, fw).then(function (read) {
      loaded = read.filter(function (r) { return !r.error; }).map(function (r) {
        return { name: W.describe(r.state, r.file.name.replace(/\.(json|csv|xlsx)$/i, "")), file: r.file.name, state: r.state,
          edition: r.result.from_edition, moved: W.migrationText(fw, r.result) };
      });
      countTwins = false;
      drawAll(read.filter(function (r) { return r.error; }).map(function (r) { return r.error; }));
    });
  });

  document.getElementById("trust-export-csv").addEventListener("click", function () {
    if (!schools.length) { statusNode.textContent = "No school is loaded, so nothing was exported: choose the schools' files first."; return; }
    // every field of the record but the evidence, which a trust's overview leaves with each school
    var columns = W.fieldsOf(fw, "evaluation").concat(["file", "edition", "area", "statement_id", "statement", "text"],
      W.recordColumns(fw, ["evidence"]));
    schools.forEach(function (school) { columns = W.withKeptColumns(school.state, columns); });
    columns = columns.filter(function (c, i) { return columns.indexOf(c) === i; });
    var rows = [columns];
    schools.forEach(function (school) {
      rows = rows.concat(W.csvRows(fw, school.state, columns, { edition: school.edition, file: school.file, kept: true }));
    });
    var name = "trust-overview-" + W.today() + ".csv";
    W.download(name, W.toCsv(rows), "text/csv;charset=utf-8");
    statusNode.textContent = "Exported " + name + ".";
  });

  W.printButton(document.getElementById("trust-print"));
}
