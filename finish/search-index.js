/* Run by finish/search_index.py: the search index made once, when the site is built, by the site's own search
   code (SITE/assets/search.js with SITE/assets/vendor/minisearch.js, the files the browser runs) from
   SITE/search/documents.json, written as MiniSearch's JSON to SITE/search/index.json. The search worker loads it
   instead of making the index on a phone.   node finish/search-index.js SITE */
"use strict";
const fs = require("fs");
const path = require("path");

const site = path.resolve(process.argv[2]);
const create = require(path.join(site, "assets/search.js"));
const MiniSearch = require(path.join(site, "assets/vendor/minisearch.js"));
const data = JSON.parse(fs.readFileSync(path.join(site, "search/documents.json"), "utf8"));
fs.writeFileSync(path.join(site, "search/index.json"), JSON.stringify(create(data, MiniSearch).index));
