// The site's search, run as the browser runs it (docs/assets/modules/search.mjs, the module bundled into the search
// worker, with MiniSearch, over the built site's search/documents.json), on every tuning query set and on what the
// model says must be found.
// The site: SEARCH_SITE (pytest passes the site it built), or one built here.
//   node --test tests/js/
import test from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { siteSearch, loadQueries, evaluate, figures, TOP } from "./search-lib.mjs";
import { withNames } from "../../docs/assets/modules/search.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
function site() {
  if (process.env.SEARCH_SITE) return process.env.SEARCH_SITE;
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), "search-site-")), "site");
  const python = path.join(ROOT, ".venv/bin/python");
  const built = spawnSync(python, ["scripts/build.py", "--site-dir", out], { cwd: ROOT, encoding: "utf8" });
  assert.equal(built.status, 0, built.stderr);
  return out;
}
const SITE = site();
const search = siteSearch(SITE);
const data = withNames(JSON.parse(readFileSync(path.join(SITE, "search/documents.json"), "utf8")));
const documents = data.docs;
const urls = new Set(documents.map((d) => d.url));
const pages = new Set(documents.map((d) => d.url.split("#")[0]));

// Sets the ranking is tuned on, and each one's floor: (share with an accepted page in the top five, share of
// statement queries landing on the statement), a little under what the ranking reaches, so a change that
// loses ground fails.
const TUNING = {
  "search_queries.yaml": [0.98, 0.97],
  "search_queries_tuning2.yaml": [0.97, 0.89],
  "search_queries_tuning3.yaml": [0.95, 0.84],
  "search_queries_tuning4.yaml": [0.98, 0.95],
  "search_queries_tuning5.yaml": [0.96, 0.95],
  "search_queries_tuning6.yaml": [0.98, 0.98],
  "search_queries_tuning7.yaml": [0.98, 0.97],
};
const tuning = (name) => loadQueries(path.join(ROOT, "tests", name));

for (const [name, [share, landings]] of Object.entries(TUNING)) {
  test(`${name} keeps its floor`, () => {
    const f = figures(evaluate(search, tuning(name)));
    assert.ok(f.found / f.total >= share, `${f.found}/${f.total} in the top five, floor ${share}`);
    assert.ok(f.landed / Math.max(f.named, 1) >= landings, `${f.landed}/${f.named} landings, floor ${landings}`);
  });
  test(`${name}: every accepted target is a document or a page`, () => {
    for (const entry of tuning(name))
      for (const target of entry.accept)
        assert.ok(urls.has(target) || pages.has(target), `${entry.query}: ${target} is not in the index`);
  });
}

// Held-out sets (never tuned on), each kept at its level when this search was built: totals only, so a failing
// test never shows one of their queries. (top five, landings), as shares.
const HELD_OUT = {
  "search_queries_heldout.yaml": [0.97, 0.98], "search_queries_fresh.yaml": [0.93, 0.89],
  "search_queries_fresh2.yaml": [0.98, 0.96], "search_queries_fresh3.yaml": [0.98, 0.99],
  "search_queries_fresh4.yaml": [0.98, 0.97], "search_queries_fresh5.yaml": [0.94, 0.94],
  "search_queries_fresh6.yaml": [0.99, 0.98], "search_queries_fresh7.yaml": [0.99, 1.0],
  "search_queries_fresh8.yaml": [0.99, 1.0], "search_queries_fresh9.yaml": [0.99, 1.0],
  "search_queries_fresh10.yaml": [0.98, 0.96], "search_queries_fresh11.yaml": [0.98, 0.98],
  "search_queries_fresh12.yaml": [0.98, 0.98], "search_queries_fresh13.yaml": [0.97, 0.99],
  "search_queries_fresh14.yaml": [0.98, 0.97], "search_queries_fresh15.yaml": [0.99, 0.99],
};
for (const [name, [share, landings]] of Object.entries(HELD_OUT)) {
  test(`held-out ${name} keeps its level (totals only)`, () => {
    const f = figures(evaluate(search, tuning(name)));
    assert.ok(f.found / f.total >= share && f.landed / Math.max(f.named, 1) >= landings,
      `${f.found}/${f.total} top five, ${f.landed}/${f.named} landings; floors ${share}, ${landings}`);
  });
}

test("one page's sections never take more than four of the first ten links; a glossary answer is one term", () => {
  for (const name of Object.keys(TUNING))
    for (const entry of tuning(name)) {
      const groups = search.search(entry.query);
      let links = 0;
      for (const group of groups) {
        if (links >= 10) break;
        assert.ok(group.docs.length <= 4, `${entry.query}: ${group.page} shows ${group.docs.length} links`);
        if (group.page === "glossary/") assert.equal(group.docs.length, 1, entry.query);
        links += group.docs.length;
      }
    }
});

test("a statement's number finds the statement first", () => {
  for (const doc of documents.filter((d) => d.kind === "statement"))
    for (const query of [doc.label, `statement ${doc.label}`])
      assert.equal(search.search(query)[0]?.docs[0].url, doc.url, query);
});

test("a glossary term's name alone, or asked about, is answered by its entry first", () => {
  for (const doc of documents.filter((d) => d.kind === "term")) {
    const name = doc.title.replace(/\s*\(.*\)$/, "");
    const same = documents.filter((d) => d.title === name).map((d) => d.url);   // a case study of that name
    for (const query of [name, `what is ${name}`])
      assert.ok([doc.url, ...same].includes(search.search(query)[0]?.docs[0].url), query);
  }
});

test("a case study's title finds it first", () => {
  for (const doc of documents.filter((d) => d.kind === "case study"))
    assert.equal(search.search(doc.title)[0]?.page, doc.url, doc.title);
});

// A document's words, lower case, between spaces, as a reader would see them
// (a plural as its singular, roughly, as the search takes words)
const said = (phrase) => ` ${phrase.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim().split(" ")
  .map((w) => (w.length > 4 && w.endsWith("ies") ? w.slice(0, -3) + "y" : w.length > 3 ? w.replace(/s$/, "") : w)).join(" ")} `;
const plain = (d) => said([d.title, d.label, d.text, ...(d.keys || [])].join(" "));

test("a kind of a subject staff name finds the documents that use the subject's word", () => {
  const entries = data.narrower || [];
  assert.ok(entries.length, "documents.json lists no narrower words");
  let checked = 0;
  for (const [broader, ...narrower] of entries)
    for (const word of narrower) {
      // a word some document has of its own (in any of its words) may rightly find that document first
      if (said(word).trim().split(" ").some((w) => documents.some((d) => plain(d).includes(` ${w}`)))) continue;
      const under = entries.filter((e) => e.slice(1).includes(word)).map((e) => said(e[0]));
      const found = search.search(word).slice(0, TOP).flatMap((g) => g.docs);
      assert.ok(found.some((d) => under.some((b) => plain(documents[d.id]).includes(b))), `${word} (under ${broader})`);
      // one found only through it says which word it came through, and which of its own words that comes under
      assert.ok(found.some((d) => d.via), `${word}: no result says what it comes under`);
      for (const d of found.filter((d) => d.via))
        assert.ok(said(word).trim().split(" ").some((w) => said(d.via.word).includes(` ${w.slice(0, 4)}`)) &&
          plain(documents[d.id]).includes(said(d.via.under)), `${word}: ${d.url} says ${JSON.stringify(d.via)}`);
      checked++;
    }
  assert.ok(checked > 0);
});

test("a kind of a subject finds first the documents most about the subject", () => {
  // "wobble cushion" (under "sensory"): the Sensory Success case study before a statement that says "sensory" once
  const entries = data.narrower || [];
  const titled = (d, b) => said(d.title || "").includes(said(b));
  let checked = 0;
  for (const [broader, ...narrower] of entries)
    for (const word of narrower) {
      if (said(word).trim().split(" ").some((w) => documents.some((d) => plain(d).includes(` ${w}`)))) continue;
      if (entries.filter((e) => e.slice(1).includes(word)).length > 1) continue;   // one subject only
      if (!documents.some((d) => titled(d, broader))) continue;
      // the first result: one about the subject, or one a synonym of the word finds of its own
      const first = search.search(word)[0]?.docs[0];
      assert.ok(first && (!first.via || titled(documents[first.id], broader)),
        `${word} (under ${broader}): first ${first && first.url}, whose title lacks "${broader}"`);
      checked++;
    }
  assert.ok(checked > 20, `only ${checked} kinds checked`);
});

test("a word's other forms: a Latin verb's noun, -ify and -ification", () => {
  const words = (q) => search.search(q).slice(0, TOP).flatMap((g) => g.docs.map((d) => plain(documents[d.id])));
  assert.ok(words("excluded").some((t) => t.includes(" exclusion")), "excluded: exclusion");
  assert.ok(words("identifying").some((t) => t.includes(" identification")), "identifying: identification");
  assert.ok(words("identifcation").some((t) => t.includes(" identif")), "a slip, then its other forms");
});

test("the general rules: misspellings, American spellings, dotted abbreviations, other forms of a word", () => {
  const first = (q) => search.search(q).slice(0, TOP).map((g) => g.docs[0].url);
  assert.ok(first("scafolding").includes("glossary/#term-scaffolding"));
  assert.ok(first("behavior").some((u) => /statement/.test(u)));
  assert.ok(first("E.H.C.P.").includes("glossary/#term-ehcp"));
  const judged = search.search("judgment")[0]?.docs[0];     // American "judgment": the British "judgement"
  assert.ok(judged && /judgement/i.test(JSON.stringify(documents[judged.id])));
  assert.deepEqual(search.search("developed").length > 0, true);
  // a noun in -ance finds the verb's other forms ("acceptance": accepting)
  const accepting = search.search("acceptance")[0]?.docs[0];
  assert.ok(accepting && /accept/i.test(JSON.stringify(documents[accepting.id])));
  assert.deepEqual(search.search("the of and"), search.search("the of and"));   // only stop words: no error
});

test("slips: two letters swapped, a word typed in two, an abbreviation the index lacks made of a name's initials", () => {
  const first = (q) => search.search(q).slice(0, TOP).map((g) => g.docs[0].url);
  assert.ok(first("ECHP").includes("glossary/#term-ehcp"));
  assert.ok(first("Well Comm").includes("glossary/#term-wellcomm"));
  assert.equal(first("ZoR")[0], "glossary/#term-zones-of-regulation");
  assert.ok(first("ECPH").includes("glossary/#term-ehcp"));        // letters jumbled further than one swap
});

test("a word found nearly everywhere weighs less than the rarer words typed with it; filler words and negatives say nothing", () => {
  const first = (q) => search.search(q).slice(0, TOP).map((g) => g.docs[0].url);
  assert.ok(!first("pupil anxiety").includes("glossary/#term-pupil-premium"));    // it shares only "pupil"
  assert.deepEqual(search.search("pupils can't always"), search.search("pupils"));
});

test("a term is named by its synonyms, by its name among other words and by its name one letter wrong", () => {
  const first = (q) => search.search(q).slice(0, TOP).map((g) => g.docs[0].url);
  assert.equal(first("HQT")[0], "glossary/#term-high-quality-teaching");           // a synonym of its name
  assert.equal(first("emotional disregulation")[0], "glossary/#term-regulation");  // one letter wrong, among others
});

test("a kind named with words that find nothing: the query as typed", () => {
  assert.ok(search.search("case studies xqzvw")[0]?.page.startsWith("case-studies/"));
});

test("no result for nothing typed", () => {
  assert.deepEqual(search.search(""), []);
  assert.deepEqual(search.search("   "), []);
});
