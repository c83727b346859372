/* Search costs nothing until someone searches (inlined before Material's bundle by overrides/main.html).

   Material's bundle fetches search/search_index.json and starts its search worker on every page load. Here:
   1. the index request is held back (XMLHttpRequest.send waits) until the user focuses the search box, types
      in it, opens it (the search icon or the "/", "s", "f" keys all focus it) or arrives with ?q= / ?h=;
   2. the search worker is a stand-in that starts the real worker on its first message, which is the index,
      so the worker script loads then too;
   3. each query goes through the site's step before Material's own transformation (tests/test_search.py,
      no_short_wildcards, mirrors it: keep the two in step): a word in config.query_words is replaced
      (American spelling -> British), and a term shorter than config.min_wildcard gets "^1" so Material adds
      no trailing wildcard to it ("TA" must not match "tailored").
   Material shows "Initializing search" until the index is in, then runs what was typed: nothing is lost. */
(function () {
  var SEARCH_INDEX = /search\/search_index\.json(\?|$)/;
  var SEARCH_WORKER = /workers\/search\.[^/]*\.js(\?|$)/;
  var started = false, held = [];

  function start() {
    if (started) return;
    started = true;
    held.splice(0).forEach(function (send) { send(); });
  }

  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.isSearchIndex = SEARCH_INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (xhr.isSearchIndex && !started) held.push(function () { send.apply(xhr, args); });
    else return send.apply(xhr, args);
  };

  /* Material's worker splitting (integrations/search/internal split()): the stretches between separators. */
  function split(input, separator) {
    var re = new RegExp(separator, "g"), parts = [], index = 0, match;
    while ((match = re.exec(input))) {
      if (index < match.index) parts.push(input.slice(index, match.index));
      index = match.index + match[0].length;
      if (!match[0].length) re.lastIndex = match.index + 1;
    }
    if (index < input.length) parts.push(input.slice(index));
    return parts;
  }

  function prepare(query, config) {
    var min = config.min_wildcard, words = config.query_words || {};
    if (!min || query.indexOf('"') !== -1) return query;
    var out = [];
    query.split(/\s+/).forEach(function (word) {
      if (!word) return;
      if (/[+~^*]|^-/.test(word)) { out.push(word); return; }
      var key = word.toLowerCase();
      if (Object.prototype.hasOwnProperty.call(words, key)) word = words[key];
      split(word, config.separator).forEach(function (part) { out.push(part.length >= min ? part : part + "^1"); });
    });
    return out.join(" ");
  }

  var RealWorker = window.Worker;
  if (RealWorker && typeof EventTarget === "function") {
    window.Worker = function (url, options) {
      if (!SEARCH_WORKER.test(String(url))) return new RealWorker(url, options);
      var stand = new EventTarget(), worker = null, config = null;
      stand.postMessage = function (message) {
        if (!worker) {
          worker = new RealWorker(url, options);
          worker.addEventListener("message", function (ev) {
            stand.dispatchEvent(new MessageEvent("message", { data: ev.data }));
          });
        }
        if (message && message.type === 0) config = message.data.config;               /* SETUP */
        else if (message && message.type === 2 && config)                              /* QUERY */
          message = { type: 2, data: prepare(String(message.data), config) };
        worker.postMessage(message);
      };
      stand.terminate = function () { if (worker) worker.terminate(); };
      return stand;
    };
  }

  /* Material shows a result's tags (a case study's areas and artefacts) in an unnamed <nav>; several unnamed
     navigation landmarks confuse screen-reader users (axe: landmark-unique), so each gets its result's name. */
  var list = document.querySelector("[data-md-component=search-result]");
  if (list && window.MutationObserver) new MutationObserver(function () {
    list.querySelectorAll("nav.md-tags:not([aria-label])").forEach(function (nav) {
      var title = nav.parentNode.querySelector("h1, h2");
      nav.setAttribute("aria-label", "Tags: " + (title ? title.textContent : "result"));
    });
  }).observe(list, { childList: true, subtree: true });

  if (/[?&](q|h)=/.test(location.search)) start();
  document.addEventListener("focusin", function (ev) {
    if (ev.target && ev.target.matches && ev.target.matches("[data-md-component=search-query]")) start();
  });
  document.addEventListener("keydown", function (ev) {                /* Material's search keys, */
    var el = document.activeElement;                                     /* outside form fields */
    var typing = el && (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.isContentEditable);
    if (!typing && !ev.ctrlKey && !ev.metaKey && /^[/sf]$/.test(ev.key)) start();
  });
  document.addEventListener("change", function (ev) {
    if (ev.target && ev.target.id === "__search" && ev.target.checked) start();
  });
})();
