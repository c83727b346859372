/* The search worker, started by the search box (search-box.js) when someone first searches. It loads MiniSearch
   and the site's ranking (search.js) from beside itself, and the documents (search/documents.json) and their
   index (search/index.json) from the site, all same-origin and addressed from this script's own path, so a
   cached copy works offline too. Each message is
   a query; the answer is {query, groups}: the pages found, best first, each with its best documents (as
   search.js chose them), each with a snippet of its text, and the query's words to mark. */

var search = null, texts = [], waiting = null;
var GROUPS = 20, SNIPPET = 180;

/* The documents and the index made when the site was built (search/index.json) are asked for first, so they
   download while the scripts load and compile. Without that index (a preview by `mkdocs serve`) the index is
   made here, from the documents. */
function json(name) {
  return fetch(new URL("../search/" + name, self.location.href).href).then(function (response) {
    if (!response.ok) throw new Error(response.status);
    return response.json();
  });
}
var documents = json("documents.json"), built = json("index.json").catch(function () { return null; });
importScripts("vendor/minisearch.js", "search.js");

Promise.all([documents, built]).then(function (both) {
  texts = both[0].docs.map(function (doc) { return doc.text || ""; });
  search = self.createSiteSearch(both[0], self.MiniSearch, null, both[1]);
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
        text: snippet(texts[doc.id], words) };
    });
  });
  self.postMessage({ query: query, groups: groups, words: words });
}

self.addEventListener("message", function (event) {
  var query = String(event.data || "");
  if (search) answer(query); else waiting = query;
});
