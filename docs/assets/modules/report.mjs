/* The printed self-evaluation report: drawn from the saved evaluation and the framework data, never from the
 * form. The self-evaluation page prints this instead of its form (see workbook.css): a title, school, date
 * and edition; a summary by area and tier; each judged statement with its tier, its full evidence, priority,
 * plan (data/workbook.yaml's `plan:`); then the statements not yet judged, by number.
 * Loaded only when the page is printed (workbook-report.js, for self-evaluation.mjs): render(fw, state). */
import * as W from "./core.mjs";


function judged(state, id) {
  var e = state.statements[id];
  return e && e.tier ? e : null;
}

/* Title block: what this is, for whom, when, against which edition. */
function heading(fw, state) {
  var facts = W.el("dl", { className: "wb-report__facts" });
  [["School or setting", state.school || "Not named"],
   ["Date of the evaluation", state.date ? W.ukDate(state.date) : "Not given"],
   ["Framework edition", fw.edition],
   ["Printed", W.ukDate(W.today())]].forEach(function (pair) {
    facts.appendChild(W.el("div", {}, [W.el("dt", { text: pair[0] }), W.el("dd", { text: pair[1] })]));
  });
  return [W.el("p", { className: "wb-report__kicker", text: fw.title || "Inclusion Audit Framework" }),
    W.el("h2", { className: "wb-report__title", text: "Self-evaluation report" + (state.school ? ": " + state.school : "") }),
    facts];
}

/* Areas down, tiers across, with a total row: numbers a governor can read at a glance. */
function summary(fw, state) {
  var head = W.el("tr", {}, [W.el("th", { scope: "col", text: "Area" })]
    .concat(fw.tiers.map(function (t) { return W.el("th", { scope: "col", text: t.name }); }))
    .concat([W.el("th", { scope: "col", text: "Not yet judged" })]));
  var body = W.el("tbody");
  var total = { "": 0 };
  fw.tiers.forEach(function (t) { total[t.id] = 0; });
  fw.areas.forEach(function (area) {
    var counts = W.areaCounts(fw, state, area);
    Object.keys(counts).forEach(function (k) { total[k] += counts[k]; });
    body.appendChild(W.el("tr", {}, [W.el("th", { scope: "row", text: area.number + ". " + area.name })]
      .concat(fw.tiers.concat([{ id: "" }]).map(function (t) { return W.el("td", { text: String(counts[t.id]) }); }))));
  });
  body.appendChild(W.el("tr", { className: "wb-report__total" }, [W.el("th", { scope: "row", text: "All areas" })]
    .concat(fw.tiers.concat([{ id: "" }]).map(function (t) { return W.el("td", { text: String(total[t.id]) }); }))));
  var all = 0;
  fw.areas.forEach(function (a) { all += a.statements.length; });
  return [W.el("h3", { text: "Summary" }),
    W.el("p", { text: (all - total[""]) + " of " + all + " statements judged." }),
    W.el("table", { className: "wb-report__summary" }, [W.el("thead", {}, [head]), body])];
}

function fact(name, value, className) {
  return value ? W.el("div", { className: "wb-report__fact" + (className ? " " + className : "") },
    [W.el("dt", { text: name }), W.el("dd", { text: value })]) : null;
}

/* One judged statement: everything recorded for it, evidence in full (its line breaks kept). */
function statementBlock(fw, area, s, e) {
  var cases = W.chosenCases(area, e).map(function (c) { return c.title; }).join("; ");
  return W.el("section", { className: "wb-report__statement wb-report__statement--" + e.tier }, [
    W.el("h4", {}, [W.el("span", { className: "wb-report__label", text: s.label + " " }), s.text]),
    W.el("dl", { className: "wb-report__facts" }, [
      fact("Tier", W.tierName(fw, e.tier), "wb-report__tier"),
      fact("Evidence", e.evidence || "None recorded", "wb-report__evidence"),
      fact("Priority", e.priority ? "Yes" : "")
    ].concat(W.planFields(fw).map(function (f) {       // a priority's plan (data/workbook.yaml)
      var value = e[f.id];
      return fact(f.short || f.label, f.kind === "date" && value ? W.ukDate(value) : value, f.limit > 1000 ? "wb-report__evidence" : "");
    }), [fact("Case studies to use", cases)]))
  ]);
}

function judgements(fw, state) {
  var out = [W.el("h3", { text: "Judgements" })];
  var any = false;
  fw.areas.forEach(function (area) {
    var done = area.statements.filter(function (s) { return judged(state, s.id); });
    if (!done.length) return;
    any = true;
    out.push(W.el("h4", { className: "wb-report__area", text: "Area " + area.number + ": " + area.name }));
    done.forEach(function (s) { out.push(statementBlock(fw, area, s, judged(state, s.id))); });
  });
  if (!any) out.push(W.el("p", { text: "No statement has been judged yet." }));
  return out;
}

/* The rest, by number only: "Area 1: 1.1, 1.3". The statements themselves are on the site. */
function notJudged(fw, state) {
  var list = W.el("ul", { className: "wb-report__todo" });
  fw.areas.forEach(function (area) {
    var left = area.statements.filter(function (s) { return !judged(state, s.id); });
    if (left.length) list.appendChild(W.el("li", { text: "Area " + area.number + ": " +
      left.map(function (s) { return s.label; }).join(", ") }));
  });
  return list.children.length ? [W.el("h3", { text: "Not yet judged" }), list] : [];
}

export function render(fw, state) {
  return W.el("div", { className: "wb-report__body" },
    [].concat(heading(fw, state), summary(fw, state), judgements(fw, state), notJudged(fw, state)));
}

/* The self-evaluation loads this when the page is printed and draws the report with it. */
