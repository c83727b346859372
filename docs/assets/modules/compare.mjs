/* The compare page: an earlier export beside the saved self-evaluation (or a second export), per statement
 * and per area: moved up, moved down, stayed the same, newly judged, no longer judged, not judged. Files are read here, never sent. Starts from data-module="compare"; W is the core (core.mjs). */
export function start(form, W, fw) {
  var el = W.el;
  var result = document.getElementById("cmp-result");
  var statusNode = document.getElementById("cmp-status");
  var errorNode = document.getElementById("cmp-error");

  // Each kind of change has a word and a symbol, so colour is never the only cue.
  var KINDS = {
    up: { symbol: "▲", name: "Moved up", className: "move-up" },
    down: { symbol: "▼", name: "Moved down", className: "move-down" },
    same: { symbol: "=", name: "Stayed the same", className: "move-same" },
    added: { symbol: "+", name: "Newly judged", className: "move-added" },
    dropped: { symbol: "−", name: "No longer judged", className: "move-dropped" },
    none: { symbol: "○", name: "Not judged", className: "move-none" }
  };
  // a statement judged only in the later file is progress to see, not "not judged"
  var ORDER = ["up", "down", "same", "added", "dropped", "none"];

  W.enhance();

  function showError(message) { W.showError(errorNode, message); }

  /* One row per statement: its tiers before and after, and the kind of change. */
  function changes(earlier, later) {
    var rows = [];
    fw.areas.forEach(function (area) {
      area.statements.forEach(function (s) {
        var before = (W.entryOf(earlier, s.id) || {}).tier || "";
        var after = (W.entryOf(later, s.id) || {}).tier || "";
        var kind, detail;
        if (!before || !after) {
          kind = !before && !after ? "none" : !before ? "added" : "dropped";
          detail = { none: "Not judged in either", added: "Newly judged", dropped: "No longer judged" }[kind];
        } else {
          var steps = W.tierRank(fw, after) - W.tierRank(fw, before);
          kind = steps > 0 ? "up" : steps < 0 ? "down" : "same";
          detail = KINDS[kind].name + (Math.abs(steps) > 1 ? " " + Math.abs(steps) + " tiers" : "");
        }
        rows.push({ area: area, statement: s, before: before, after: after, kind: kind, detail: detail });
      });
    });
    return rows;
  }

  function tally(rows) {
    var counts = {};
    ORDER.forEach(function (k) { counts[k] = 0; });
    rows.forEach(function (r) { counts[r.kind] += 1; });
    return counts;
  }

  function marker(kind, text) {
    var k = KINDS[kind];
    return el("span", { className: "move " + k.className }, [
      el("span", { className: "move__symbol", "aria-hidden": "true", text: k.symbol }), " " + (text || k.name)]);
  }

  var th = W.th;

  /* How an evaluation is named on screen: its school and date, and where it came from. */
  function source(state, file) {
    if (file) return W.describe(state, "No school name") + ", from the file “" + file.name + "”";
    return "the self-evaluation saved in this browser" + (state.school || state.date ? " (" + W.describe(state, "no school name") + ")" : "");
  }

  function draw(earlier, earlierName, later, laterName, moved) {
    var rows = changes(earlier, later);
    var counts = tally(rows);
    result.textContent = "";

    result.appendChild(el("h2", { id: "at-a-glance", text: "At a glance" }));
    result.appendChild(el("p", {}, [el("strong", { text: "Earlier: " }), earlierName + ". ",
      el("strong", { text: "Later: " }), laterName + "."]));
    // a file from an earlier edition: its work was moved to this edition's ids as it was read; say what moved
    if (moved.length) {
      result.appendChild(el("div", { id: "cmp-moved", className: "note" }, moved.map(function (text) { return el("p", { text: text }); })));
    }
    if (earlier.date && later.date && earlier.date > later.date) {
      result.appendChild(el("p", { className: "note note--warning",
        text: "The earlier evaluation is dated after the later one: check that you chose the files the right way round." }));
    }
    result.appendChild(el("ul", { className: "cmp-counts" }, ORDER.map(function (k) {
      return el("li", {}, [marker(k), ": ", el("strong", { text: String(counts[k]) }),
        counts[k] === 1 ? " statement" : " statements"]);
    })));

    // Per area: the counts, and the spread of tiers before and after.
    result.appendChild(el("h2", { id: "by-area", text: "By area" }));
    var areaTable = el("table", {}, [el("thead", {}, [el("tr", {},
      [th("Area")].concat(ORDER.map(function (k) { return th(KINDS[k].name); }), [th("Tiers, earlier and later")]))])]);
    var areaBody = el("tbody");
    fw.areas.forEach(function (area) {
      var c = tally(rows.filter(function (r) { return r.area === area; }));
      var n = area.statements.length;
      var before = W.areaCounts(fw, earlier, area), after = W.areaCounts(fw, later, area);
      areaBody.appendChild(el("tr", {}, [el("th", { scope: "row", text: area.number + ". " + area.name })].concat(
        // data-label: on a phone the cells stand in a row without the table's head, each with its name
        ORDER.map(function (k) { return el("td", { className: "wb-num", "data-label": KINDS[k].name, text: String(c[k]) }); }), [
          el("td", { className: "cmp-bars" }, [
            // each count in words above its bar (the bar's own label says the same to a screen reader)
            el("span", { className: "tier-bar__text", "aria-hidden": "true", text: "Earlier: " + W.countsText(fw, before) }),
            W.tierBar(fw, before, n, "Earlier, " + area.name + ": " + W.countsText(fw, before)),
            el("span", { className: "tier-bar__text", "aria-hidden": "true", text: "Later: " + W.countsText(fw, after) }),
            W.tierBar(fw, after, n, "Later, " + area.name + ": " + W.countsText(fw, after))])
        ])));
    });
    areaTable.appendChild(areaBody);
    result.appendChild(W.scrollBox(areaTable, "Changes by area", "cmp-areas"));

    // Per statement.
    result.appendChild(el("h2", { id: "by-statement", text: "By statement" }));
    var table = el("table", {}, [el("thead", {}, [el("tr", {},
      [th("Statement"), th("Earlier"), th("Later"), th("Change")])])]);
    var body = el("tbody");
    rows.forEach(function (r) {
      body.appendChild(el("tr", { className: "cmp-row cmp-row--" + r.kind, "data-statement": r.statement.id }, [
        el("th", { scope: "row" }, [el("a", { href: "../" + r.area.path + "#" + r.statement.id, text: r.statement.label }),
          " ", el("span", { className: "wb-statement-text", text: r.statement.text })]),
        el("td", { "data-label": "Earlier", text: W.tierName(fw, r.before) }),
        el("td", { "data-label": "Later", text: W.tierName(fw, r.after) }),
        el("td", {}, [marker(r.kind, r.detail)])
      ]));
    });
    table.appendChild(body);
    result.appendChild(W.scrollBox(table, "Changes by statement", "cmp-statements"));
    // on paper the statements judged in neither file are named by number in one paragraph, not a row each
    var neither = rows.filter(function (r) { return r.kind === "none"; });
    if (neither.length) {
      result.appendChild(el("p", { className: "cmp-neither" }, [el("strong", { text: KINDS.none.name + " in either (" + neither.length + "): " }),
        neither.map(function (r) { return r.statement.label; }).join(", ") + "."]));
    }

    statusNode.textContent = "Compared: " + ORDER.map(function (k) { return KINDS[k].name.toLowerCase() + " " + counts[k]; }).join(", ") + ".";
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    showError("");
    statusNode.textContent = "";
    var earlierFile = document.getElementById("cmp-earlier").files[0];
    var laterFile = document.getElementById("cmp-later").files[0];
    if (!earlierFile) { showError("Choose the earlier evaluation's file first."); return; }
    var saved = W.load(fw).state;
    if (!laterFile && !Object.keys(saved.statements).length) {
      showError("There is no self-evaluation saved in this browser to compare with: choose a later file as well.");
      return;
    }
    W.readFiles(laterFile ? [earlierFile, laterFile] : [earlierFile], fw).then(function (read) {
      var bad = read.filter(function (r) { return r.error; });
      if (bad.length) {
        result.textContent = "";
        showError(bad.map(function (r) { return r.error; }).join(" "));
        return;
      }
      var later = laterFile ? read[1].state : saved;
      var moved = read.map(function (r) {
        var text = W.migrationText(fw, r.result);
        return text ? "“" + r.file.name + "”: " + text : "";
      }).filter(function (text, i, all) { return text && all.indexOf(text) === i; });
      draw(read[0].state, source(read[0].state, earlierFile), later, source(later, laterFile), moved);
    });
  });
}
