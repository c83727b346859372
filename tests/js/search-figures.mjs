// Totals for query sets, run through the built site's own search code:
//   node tests/js/search-figures.mjs SITE_DIR tests/search_queries_fresh8.yaml [more sets...]
// prints, per set, top-five hits / queries (an accepted page among the first five results), statement landings /
// statement queries (the statement is the first link of one of the first five results, as measured before this
// search) and statement shown (it is any of the links shown for those five). Nothing else, so it is safe on a
// held-out set. --misses lists each miss, and refuses a held-out set (fresh*, heldout).
import path from "node:path";
import { siteSearch, loadQueries, evaluate, figures, TOP } from "./search-lib.mjs";

const args = process.argv.slice(2);
const misses = args.includes("--misses");
const [site, ...files] = args.filter((a) => a !== "--misses");
const search = siteSearch(site);
for (const file of files) {
  const name = path.basename(file, ".yaml");
  if (misses && /fresh|heldout/.test(name)) throw new Error(`${name} is held out: totals only`);
  const outcome = evaluate(search, loadQueries(file));
  const f = figures(outcome);
  console.log(`${name}: top five ${f.found}/${f.total} (${(100 * f.found / f.total).toFixed(1)}%), ` +
    `statement landings ${f.landed}/${f.named} (${(100 * f.landed / Math.max(f.named, 1)).toFixed(1)}%), ` +
    `statement shown as a link ${f.visible}/${f.named} (${(100 * f.visible / Math.max(f.named, 1)).toFixed(1)}%)`);
  if (misses) for (const o of outcome) if (!o.rank || o.landed === false)
    console.log(`  ${o.rank ? "!" : "MISS"} ${JSON.stringify(o.entry.query)} want ${o.entry.accept.join(" ")} got ` +
      o.groups.slice(0, TOP).map((g) => g.docs[0].url).join(", "));
}
