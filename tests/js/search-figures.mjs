// Totals for query sets, run through the built site's own search code:
//   node tests/js/search-figures.mjs SITE_DIR tests/search_queries_fresh8.yaml [more sets...]
// prints, per set, top-five hits / queries (an accepted page among the first five results), statement landings /
// statement queries (the statement is the first link of one of the first five results, as measured before this
// search) and statement shown (it is any of the links shown for those five). Nothing else, so it is safe on a
// held-out set. --misses lists each miss, and refuses a held-out set (fresh*, heldout). --literal adds how literal
// the set's queries are: the share of a query's words (small words left out) that its first accepted location
// has in its title, and anywhere in its document (a word counts when its first five letters match). A set
// written close to the site's titles scores higher, so read a set's figures beside this.
import { readFileSync } from "node:fs";
import path from "node:path";
import { siteSearch, loadQueries, evaluate, figures, TOP } from "./search-lib.mjs";

const args = process.argv.slice(2);
const misses = args.includes("--misses"), literal = args.includes("--literal");
const [site, ...files] = args.filter((a) => !a.startsWith("--"));
const search = siteSearch(site);
const docs = JSON.parse(readFileSync(path.join(site, "search/documents.json"), "utf8")).docs;
const SMALL = new Set(("a an and are as at be by can do does for from has have how i if in into is it its me my of on " +
  "or our should so that the their them these they this to was we what when where which who why will with you your").split(" "));
const stems = (text) => (String(text).toLowerCase().match(/[a-z0-9]+/g) || []).map((w) => w.slice(0, 5));

/* The mean share of a query's words its first accepted location has: [in its title, anywhere] */
function literalness(queries) {
  let n = 0, title = 0, anywhere = 0;
  for (const entry of queries) {
    const target = entry.accept[0], doc = docs.find((d) => d.url === target || d.url.split("#")[0] === target);
    const asked = stems(entry.query.toLowerCase().split(/\s+/).filter((w) => !SMALL.has(w)).join(" "));
    if (!doc || !asked.length) continue;
    const inTitle = new Set(stems(`${doc.title} ${doc.label || ""}`));
    const inDoc = new Set(stems([doc.title, doc.text, ...(doc.keys || [])].join(" ")));
    n++;
    title += asked.filter((w) => inTitle.has(w)).length / asked.length;
    anywhere += asked.filter((w) => inDoc.has(w)).length / asked.length;
  }
  return [title / n, anywhere / n];
}
for (const file of files) {
  const name = path.basename(file, ".yaml");
  if (misses && /fresh|heldout/.test(name)) throw new Error(`${name} is held out: totals only`);
  const outcome = evaluate(search, loadQueries(file));
  const f = figures(outcome);
  console.log(`${name}: top five ${f.found}/${f.total} (${(100 * f.found / f.total).toFixed(1)}%), ` +
    `statement landings ${f.landed}/${f.named} (${(100 * f.landed / Math.max(f.named, 1)).toFixed(1)}%), ` +
    `statement shown as a link ${f.visible}/${f.named} (${(100 * f.visible / Math.max(f.named, 1)).toFixed(1)}%)`);
  if (literal) {
    const [title, anywhere] = literalness(loadQueries(file));
    console.log(`  literal: ${title.toFixed(2)} of a query's words in its location's title, ${anywhere.toFixed(2)} anywhere in it`);
  }
  if (misses) for (const o of outcome) if (!o.rank || o.landed === false)
    console.log(`  ${o.rank ? "!" : "MISS"} ${JSON.stringify(o.entry.query)} want ${o.entry.accept.join(" ")} got ` +
      o.groups.slice(0, TOP).map((g) => g.docs[0].url).join(", "));
}
