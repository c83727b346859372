/* The search worker, started by the search box (search-box.js) when someone first searches. The finish step
   bundles it with what it imports (the site's ranking, modules/search.mjs, and MiniSearch) into one script; it
   fetches the documents (search/documents.json) from the site, same-origin and addressed from this script's own
   path, so a cached copy works offline too, and makes their index (as quick on a phone as reading one made at
   build time, which would download as much again). Each message is a query; the answer is {query, groups}: the pages found, best
   first, each with its best documents (as search.mjs chose them), each with a snippet of its text, and the
   query's words to mark. MiniSearch's licence: vendor/minisearch.LICENSE.txt. */
import { createSiteSearch } from "./modules/search.mjs";

var search = null, waiting = null, docs = [];
var GROUPS = 20, SNIPPET = 180;

fetch(new URL("../search/documents.json", self.location.href).href).then(function (response) {
  if (!response.ok) throw new Error(response.status);
  return response.json();
}).then(function (data) {
  docs = data.docs;
  search = createSiteSearch(data);
  if (waiting !== null) answer(waiting);
}).catch(function () { self.postMessage({ failed: true }); });

/* About SNIPPET characters of a text, from a little before the first word of the query it has. */
function snippet(text, words) {
  var low = text.toLowerCase(), at = -1;
  words.forEach(function (w) {
    var i = low.search(new RegExp("\\b" + w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    if (i !== -1 && (at === -1 || i < at)) at = i;
  });
  var start = at > 60 ? text.lastIndexOf(" ", at - 40) + 1 : 0;
  var end = Math.min(text.length, start + SNIPPET);
  if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), start + 40);
  return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
}

function answer(query) {
  waiting = null;
  var words = (query.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) || []);
  var groups = search.search(query).slice(0, GROUPS).map(function (group) {
    return group.docs.map(function (doc) {
      return { url: doc.url, title: doc.title, kind: doc.kind, label: doc.label || "", area: doc.area || "",
        text: snippet(docs[doc.id].text || "", words) };
    });
  });
  self.postMessage({ query: query, groups: groups, words: words });
}

/* Queries typed faster than they are answered: only the last one waiting is answered (the page draws only the
   answer to what is in the box). */
self.addEventListener("message", function (event) {
  var first = waiting === null;
  waiting = String(event.data || "");
  if (search && first) setTimeout(function () { if (waiting !== null) answer(waiting); });
});
