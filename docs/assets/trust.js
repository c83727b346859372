/* The trust overview: several schools' exports read in this browser (never sent), shown as a grid of schools
 * by areas, the statements most often at the first tier, and the priorities schools share. Starts from data-module="trust"; needs workbook-core.js. */
Workbook.define("trust", function (root, W, fw) {
  "use strict";
  var input = document.getElementById("trust-files");
  var el = W.el;
  var result = document.getElementById("trust-result");
  var statusNode = document.getElementById("trust-status");
  var buttons = document.getElementById("trust-buttons");
  var schools = [];       // [{name, file, state}] in the order the files were given

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

  function statementTable(rows, countHeading, label) {
    var table = el("table", {}, [el("thead", {}, [el("tr", {}, [th("Statement"), th(countHeading), th("Which schools")])])]);
    var body = el("tbody");
    rows.forEach(function (r) {
      body.appendChild(el("tr", {}, [statementCell(r.area, r.statement),
        el("td", { className: "wb-num", text: r.schools.length + " of " + schools.length }),
        el("td", { text: r.schools.map(function (x) { return x.name; }).join("; ") })]));
    });
    table.appendChild(body);
    return W.scrollBox(table, label);
  }

  function grid() {
    var table = el("table", {}, [el("thead", {}, [el("tr", {},
      [th("School")].concat(fw.areas.map(function (a) { return th(a.number + ". " + a.name); }), [th("All areas")]))])]);
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
        return el("td", {}, [W.tierBar(fw, counts, area.statements.length,
          school.name + ", " + area.name + ": " + W.countsText(fw, counts))]);
      });
      trustAll = add(trustAll, total);
      body.appendChild(el("tr", {}, [th(school.name, "row")].concat(cells,
        [el("td", {}, [W.tierBar(fw, total, all, school.name + ", all areas: " + W.countsText(fw, total))])])));
    });
    table.appendChild(body);
    // The whole trust: every school's judgements added up, per area.
    var label = "All " + plural(schools.length, "school", "schools");
    table.appendChild(el("tfoot", {}, [el("tr", {}, [th(label, "row")].concat(fw.areas.map(function (area, i) {
      return el("td", {}, [W.tierBar(fw, trust[i], area.statements.length * schools.length,
        label + ", " + area.name + ": " + W.countsText(fw, trust[i]))]);
    }), [el("td", {}, [W.tierBar(fw, trustAll, all * schools.length, label + ", all areas: " + W.countsText(fw, trustAll))])]))]));
    return W.scrollBox(table, "Schools by area", "trust-grid");
  }

  function draw(errors) {
    result.textContent = "";
    buttons.hidden = !schools.length;
    if (errors.length) {
      result.appendChild(el("h2", { id: "not-loaded", text: "Files not loaded" }));
      result.appendChild(el("ul", { className: "trust-errors" }, errors.map(function (e) {
        return el("li", { className: "wb-error", text: e });
      })));
    }
    if (!schools.length) return;

    result.appendChild(el("h2", { id: "schools-by-area", text: "Schools by area" }));
    result.appendChild(el("p", { text: "Each bar shows how many of the area's statements a school judged at each tier." }));
    result.appendChild(W.tierKey(fw));
    result.appendChild(grid());

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
      schools = read.filter(function (r) { return !r.error; }).map(function (r) {
        return { name: W.describe(r.state, r.file.name.replace(/\.json$/i, "")), file: r.file.name, state: r.state,
          edition: r.result.from_edition };
      });
      var errors = read.filter(function (r) { return r.error; }).map(function (r) { return r.error; });
      draw(errors);
      statusNode.textContent = plural(schools.length, "school", "schools") + " loaded." +
        (errors.length ? " " + plural(errors.length, "file was", "files were") + " not loaded: see “Files not loaded”." : "");
    });
  });

  document.getElementById("trust-export-csv").addEventListener("click", function () {
    var columns = ["school", "date", "file", "edition", "area", "statement_id", "statement", "text", "tier", "priority",
      "action", "lead", "due", "case_studies"];
    var rows = [columns];
    schools.forEach(function (school) {
      rows = rows.concat(W.csvRows(fw, school.state, columns, { edition: school.edition, file: school.file }));
    });
    var name = "trust-overview-" + W.today() + ".csv";
    W.download(name, W.toCsv(rows), "text/csv;charset=utf-8");
    statusNode.textContent = "Exported " + name + ".";
  });

  W.printButton(document.getElementById("trust-print"));
});
