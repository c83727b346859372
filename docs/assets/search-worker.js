/* The search worker, started by the search box (search-box.js) when someone first searches. The finish step
   bundles it with what it imports (the site's ranking, modules/search.mjs, and MiniSearch) into one script. The
   page fetches the documents (search/documents.json) while this script loads, and hands them over as they came
   (bytes, parsed here, off the page's thread); a cached copy works offline too. The worker makes their index (as
   quick on a phone as reading one made at build time, which would download as much again). Every other message
   is a query; the answer is {query, groups}: the pages found, best first, each with its best documents (as
   search.mjs chose them), each with a snippet of its text, and the query's words to mark. MiniSearch's licence:
   vendor/minisearch.LICENSE.txt. */
import { createSiteSearch } from "./modules/search.mjs";

var search = null, waiting = null, docs = [];
var GROUPS = 20, SNIPPET = 180;

/* The documents' bytes from the page, or null when it could not fetch them. */
function load(bytes) {
  try {
    var data = JSON.parse(new TextDecoder().decode(bytes));
    docs = data.docs;
    search = createSiteSearch(data);
  } catch (error) {
    self.postMessage({ failed: true });
    return;
  }
  if (waiting !== null) answer(waiting);
}

/* About SNIPPET characters of a text, from a little before the first word of the query it has (`starts`: one
   pattern per word, made once per answer). */
function snippet(text, starts) {
  var low = text.toLowerCase(), at = -1;
  starts.forEach(function (start) {
    var i = low.search(start);
    if (i !== -1 && (at === -1 || i < at)) at = i;
  });
  var start = at > 60 ? text.lastIndexOf(" ", at - 40) + 1 : 0;
  var end = Math.min(text.length, start + SNIPPET);
  if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), start + 40);
  return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
}

function answer(query) {
  waiting = null;
  var words = search.marks(query);        /* [{word, whole}]: the words to mark, as the search took them */
  var starts = words.map(function (m) { return new RegExp("\\b" + m.word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")); });
  var groups = search.search(query).slice(0, GROUPS).map(function (group) {
    return group.docs.map(function (doc) {
      return { url: doc.url, title: doc.title, kind: doc.kind, label: doc.label || "", area: doc.area || "", via: doc.via,
        text: snippet(docs[doc.id].text || "", starts) };
    });
  });
  self.postMessage({ query: query, groups: groups, words: words });
}

/* Queries typed faster than they are answered: only the last one waiting is answered (the page draws only the
   answer to what is in the box). */
self.addEventListener("message", function (event) {
  if (event.data === null || event.data instanceof ArrayBuffer) return load(event.data);
  var first = waiting === null;
  waiting = String(event.data || "");
  if (search && first) setTimeout(function () { if (waiting !== null) answer(waiting); });
});
