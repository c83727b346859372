/* The site's service worker: the whole site offline after one visit, one edition at a time.

   finish/offline.py writes it to the site's root as sw.js, after a first line `self.PRECACHE = {...};`: the
   edition id, a hash of this build, the offline page's address and every file to keep (address relative to the
   site, bytes, SRI hash). assets/offline.js registers it once a page has loaded; nothing runs without
   JavaScript.

   - install: every file of this build goes into one cache named by site, edition and build, each fetched past the
     HTTP cache and checked against its hash, so a file of another build can never enter it. Files already in
     the cache (an install cut short by the network) are not fetched again. Until install has finished, the
     worker of the edition in use keeps answering: the current edition works while the next one downloads.
   - waiting: a new worker waits until the reader clicks "Reload" on the notice (message "skip-waiting"), or
     every tab of the old edition has closed. Never skipWaiting on its own: a page must not change edition
     under the reader.
   - activate: the caches of every other build of this site go, and open pages are taken over.
   - fetch: a file of this build is answered from the cache, the query ignored (the search worker's ?theme=),
     whether online or not, so a page and everything it loads come from one build; anything else goes to the
     network; a page that is not cached, with no network, leads to the offline page (it says so and links home).
   - message "status": how much of this build is cached, for the "Use offline" section of the downloads page.

   Editions and builds are never mixed because each cache holds one build and a worker reads only its own.
   tests/js/offline-worker.test.mjs runs this file in Node; tests/test_offline_browser.py in Chromium. */
(function (self, precache) {
  "use strict";

  var PREFIX = "offline " + new URL(self.registration.scope).pathname + " ";  /* sites sharing a host keep apart */
  var CACHE = PREFIX + precache.edition + " " + precache.build;
  var BATCH = 6;                                  /* requests at once while filling, as a browser opens per host */

  function absolute(url) { return new URL(url, self.registration.scope).href; }

  var files = {};                                 /* absolute address -> its entry */
  precache.files.forEach(function (file) { files[absolute(file.url)] = file; });

  /* The cache key of a request's address, or null when it is not a file of this build: query and fragment
     ignored, ".../index.html" is the page ".../". */
  function key(href) {
    var url = new URL(href);
    url.search = ""; url.hash = "";
    var plain = url.href.replace(/\/index\.html$/, "/");
    return Object.prototype.hasOwnProperty.call(files, plain) ? plain : null;
  }

  /* A response the browser accepts for a navigation (a redirected one it refuses). */
  function clean(response) {
    if (!response.redirected) return response;
    return response.blob().then(function (body) {
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    });
  }

  /* The cached response as an answer to an address with a query: made anew, it takes the request's address,
     so a worker started as search-worker.js?theme=... still sees its query in self.location. */
  function asked(response) {
    return new Response(response.body, { status: response.status, statusText: response.statusText,
                                         headers: response.headers });
  }

  function fill() {
    return caches.open(CACHE).then(function (cache) {
      return cache.keys().then(function (requests) {
        var have = {};
        requests.forEach(function (request) { have[request.url] = true; });
        var todo = Object.keys(files).filter(function (href) { return !have[href]; });
        function next() {
          var batch = todo.splice(0, BATCH);
          if (!batch.length) return Promise.resolve();
          var failed = null;                  /* the batch's good files are kept for the next try */
          return Promise.all(batch.map(function (href) {
            var request = new Request(href, { cache: "no-cache", integrity: files[href].integrity,
                                              credentials: "same-origin" });
            return fetch(request).then(function (response) {
              if (!response.ok) throw new Error(href + ": " + response.status);
              return Promise.resolve(clean(response)).then(function (ok) { return cache.put(href, ok); });
            }).catch(function (error) { failed = failed || error; });
          })).then(function () {
            if (failed) throw failed;
            return next();
          });
        }
        return next();
      });
    });
  }

  function status() {
    return caches.open(CACHE).then(function (cache) { return cache.keys(); }).then(function (requests) {
      var out = { edition: precache.edition, build: precache.build, pages: 0, bytes: 0, files: 0,
                  total: precache.files.length };
      requests.forEach(function (request) {
        var file = files[request.url];
        if (!file) return;
        out.files++;
        out.bytes += file.bytes;
        if (file.page) out.pages++;
      });
      out.ready = out.files === out.total;
      return out;
    });
  }

  function answer(request) {
    var hit = key(request.url);
    return caches.open(CACHE).then(function (cache) {
      return (hit ? cache.match(hit) : Promise.resolve(undefined)).then(function (found) {
        if (found) return request.url.split("#")[0] === hit ? found : asked(found);
        return fetch(request).catch(function (error) {
          if (request.mode !== "navigate") throw error;
          /* to the offline page's own address, so that its relative links work */
          return cache.match(absolute(precache.offline)).then(function (page) {
            if (page) return Response.redirect(absolute(precache.offline), 302);
            throw error;
          });
        });
      });
    });
  }

  self.addEventListener("install", function (event) { event.waitUntil(fill()); });

  self.addEventListener("activate", function (event) {
    event.waitUntil(caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(PREFIX) === 0 && name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); }));
  });

  self.addEventListener("fetch", function (event) {
    var request = event.request;
    if (request.method !== "GET" || request.url.indexOf(self.registration.scope) !== 0) return;
    event.respondWith(answer(request));
  });

  self.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.type === "skip-waiting") self.skipWaiting();
    else if (data.type === "status" && event.ports[0]) {
      var port = event.ports[0];
      event.waitUntil(status().then(function (out) { port.postMessage(out); }));
    }
  });

  /* For tests/js/offline-worker.test.mjs. */
  self.offlineWorker = { key: key, cacheName: CACHE, prefix: PREFIX, status: status, answer: answer, fill: fill };
})(self, self.PRECACHE);
