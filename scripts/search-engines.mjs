// Engine comparison: the site's search (docs/assets/modules/search.mjs: the same documents, query words and weighing)
// with MiniSearch, as the site runs it, and with lunr.js 2.3.9 (the engine Material's search used) behind the
// same interface, on the tuning query sets only. Prints top-five hits and statement landings per set.
//   (cd scripts/benchmark-tools && npm ci)   # once: installs lunr
//   node scripts/search-engines.mjs SITE_DIR
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";
import MiniSearch from "minisearch";
import { createSiteSearch } from "../docs/assets/modules/search.mjs";
import { loadQueries, evaluate, figures } from "../tests/js/search-lib.mjs";

// lunr is one of the benchmark's own tools: `npm ci` in scripts/benchmark-tools installs it.
const require = createRequire(new URL("./benchmark-tools/package.json", import.meta.url));
const lunr = require("lunr");
const site = process.argv[2];
const data = () => JSON.parse(readFileSync(path.join(site, "search/documents.json"), "utf8"));

// lunr behind MiniSearch's few calls search.mjs makes: the same fields, boosts and tokens; a query word with
// lunr's trailing wildcard where MiniSearch would match it as a prefix, and lunr's edit distance for a slip.
class Lunr {
  constructor(options) { this.options = options; }
  addAll(docs) {
    const { fields, tokenize, searchOptions } = this.options;
    this.index = lunr(function () {
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.tokenizer = (value) => value == null ? [] : tokenize(String(value)).map((t) => new lunr.Token(t, {}));
      this.ref("id");
      for (const f of fields) this.field(f, { boost: searchOptions.boost[f] || 1 });
      for (const d of docs) this.add(d);
    });
  }
  search(query) {
    const terms = query.queries.map((q) => ({ word: q.queries[0], prefix: q.prefix, fuzzy: q.fuzzy }));
    const results = this.index.query((q) => {
      for (const t of terms) {
        q.term(t.word, { boost: 1 });
        if (t.prefix) q.term(t.word, { wildcard: lunr.Query.wildcard.TRAILING, boost: 0.375 });
        if (t.fuzzy) q.term(t.word, { editDistance: t.fuzzy, boost: 0.45 });
      }
    });
    return results.map((r) => {
      const matched = Object.keys(r.matchData.metadata);
      return { id: Number(r.ref), score: r.score,
        queryTerms: terms.filter((t) => matched.some((m) => m === t.word || (t.prefix && m.startsWith(t.word))
          || (t.fuzzy && near(m, t.word, t.fuzzy)))).map((t) => t.word) };
    });
  }
}
function near(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return false;
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length] <= max;
}

const sets = ["search_queries", ...[2, 3, 4, 5, 6, 7].map((n) => `search_queries_tuning${n}`)];
for (const [name, engine] of [["MiniSearch 7.2.0", MiniSearch], ["lunr 2.3.9", Lunr]]) {
  let started = performance.now();
  const search = createSiteSearch(data(), null, engine);
  const built = performance.now() - started;
  let F = 0, T = 0, L = 0, N = 0, count = 0;
  started = performance.now();
  const per = sets.map((set) => {
    const queries = loadQueries(path.resolve(`tests/${set}.yaml`));
    count += queries.length;
    const f = figures(evaluate(search, queries));
    F += f.found; T += f.total; L += f.landed; N += f.named;
    return `${f.found}/${f.total}`;
  });
  const each = (performance.now() - started) / count;
  console.log(`${name}: top five ${F}/${T} (${(100 * F / T).toFixed(1)}%), landings ${L}/${N} ` +
    `(${(100 * L / N).toFixed(1)}%); index built in ${built.toFixed(0)} ms, ${each.toFixed(1)} ms a query; ` + per.join(" "));
}
