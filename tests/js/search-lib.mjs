// The site's own search code (docs/assets/modules/search.mjs, the module the finish step bundles into the browser's
// search worker, with the same MiniSearch) over the built site's search/documents.json, and the figures the query
// sets are held to.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createSiteSearch } from "../../docs/assets/modules/search.mjs";

const require = createRequire(import.meta.url);
const yaml = require("js-yaml");
export const TOP = 5;

export function siteSearch(siteDir, weights) {
  return createSiteSearch(JSON.parse(readFileSync(path.join(siteDir, "search/documents.json"), "utf8")), weights);
}

export function loadQueries(file) {
  return yaml.load(readFileSync(file, "utf8")).queries;
}

// A target without "#" is hit when its page is among the first five pages; one with "#" only when that
// section is its page's first link (the link the user sees first goes there).
export function isHit(group, target) {
  if (!target.includes("#")) return group.page === target;
  return group.docs[0].url === target;
}

export function evaluate(search, queries) {
  return queries.map((entry) => {
    const groups = search.search(entry.query);
    const top = groups.slice(0, TOP);
    const rank = top.findIndex((g) => entry.accept.some((t) => isHit(g, t)));
    const landed = entry.statement ? top.some((g) => isHit(g, entry.statement)) : null;
    // the wider measure: the statement is one of the links shown for the first five results
    const visible = entry.statement ? top.some((g) => g.docs.some((d) => d.url === entry.statement)) : null;
    return { entry, rank: rank === -1 ? null : rank + 1, landed, visible, groups };
  });
}

export function figures(outcome) {
  const named = outcome.filter((o) => o.entry.statement);
  return { found: outcome.filter((o) => o.rank).length, total: outcome.length,
    landed: named.filter((o) => o.landed).length, visible: named.filter((o) => o.visible).length,
    named: named.length };
}
