// The service worker (finish/offline-worker.js) in Node: a real HTTP server and Node's fetch (which checks SRI
// hashes as browsers do); Cache Storage, which Node lacks, is a small in-memory stand-in. Run with
// `node --test tests/js/`. tests/test_offline_browser.py runs the same worker in Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import vm from "node:vm";

const SOURCE = readFileSync(new URL("../../finish/offline-worker.js", import.meta.url), "utf8");

// ---- Cache Storage, in memory (keys are addresses; enough for what the worker calls) ----
class MemoryCache {
  constructor() { this.entries = new Map(); }
  async put(url, response) { this.entries.set(String(url), { body: await response.arrayBuffer(), status: response.status, headers: [...response.headers] }); }
  async match(url) {
    const entry = this.entries.get(typeof url === "string" ? url : url.url);
    if (!entry) return undefined;
    const response = new Response(entry.body.slice(0), { status: entry.status, headers: entry.headers });
    Object.defineProperty(response, "url", { value: typeof url === "string" ? url : url.url });
    return response;
  }
  async keys() { return [...this.entries.keys()].map((url) => new Request(url)); }
}
class MemoryCaches {
  constructor() { this.named = new Map(); }
  async open(name) { if (!this.named.has(name)) this.named.set(name, new MemoryCache()); return this.named.get(name); }
  async keys() { return [...this.named.keys()]; }
  async delete(name) { return this.named.delete(name); }
}

// ---- a site on a real server ----
function serve(files) {
  const hits = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname).slice(1);
    hits.push(path);
    const body = files[path] ?? files[path + "index.html"];
    if (body === undefined) { res.writeHead(404); res.end("not found"); return; }
    res.writeHead(200, { "content-type": path.endsWith(".js") ? "text/javascript" : "text/html" });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () =>
    resolve({ server, hits, base: `http://127.0.0.1:${server.address().port}/` })));
}

function integrity(body) { return "sha256-" + createHash("sha256").update(body).digest("base64"); }

const SITE = {
  "index.html": "<h1>Home</h1>",
  "about/index.html": "<h1>About</h1>",
  "offline/index.html": "<h1>You are offline</h1>",
  "assets/search-worker.js": "importScripts(location.search)",
};

function precache(files, edition = "2026.1", build = "aaaa1111") {
  return {
    edition, build, offline: "offline/",
    files: Object.entries(files).map(([path, body]) => ({
      url: path.replace(/(^|\/)index\.html$/, "$1"), bytes: Buffer.byteLength(body), integrity: integrity(body),
      ...(path.endsWith(".html") && !path.startsWith("offline/") ? { page: true } : {}),
    })),
  };
}

// The worker loaded as a browser would: its own global scope, with self.PRECACHE as sw.js's first line sets it.
function worker(base, data, caches) {
  const handlers = {};
  const self = {
    PRECACHE: data, registration: { scope: base }, location: new URL("sw.js", base),
    addEventListener: (type, fn) => { handlers[type] = fn; },
    clients: { claim: async () => { self.claimed = true; } },
    skipWaiting: () => { self.skipped = true; },
  };
  vm.runInNewContext(SOURCE, { self, caches, fetch, Request, Response, URL, Promise, Object });
  const run = (type, extra = {}) => {
    let done;
    const event = { ...extra, waitUntil: (p) => { done = p; }, respondWith: (p) => { done = p; } };
    handlers[type](event);
    return done;
  };
  return { self, run, api: self.offlineWorker };
}

test("addresses: the query and fragment are ignored, index.html is its folder, other files are not ours", async () => {
  const { api } = worker("https://example.org/site/", precache(SITE), new MemoryCaches());
  assert.equal(api.key("https://example.org/site/about/?q=send#top"), "https://example.org/site/about/");
  assert.equal(api.key("https://example.org/site/about/index.html"), "https://example.org/site/about/");
  assert.equal(api.key("https://example.org/site/assets/search-worker.js?theme=x%2Fy"),
               "https://example.org/site/assets/search-worker.js");
  assert.equal(api.key("https://example.org/site/tiers/"), null);
  assert.equal(api.key("https://example.org/other/about/"), null);
});

test("install keeps every file of the build in one cache named by edition and build", async () => {
  const { server, base } = await serve(SITE);
  try {
    const caches = new MemoryCaches();
    const { run, api } = worker(base, precache(SITE), caches);
    await run("install");
    assert.deepEqual(await caches.keys(), [api.cacheName]);
    assert.match(api.cacheName, /2026\.1 aaaa1111$/);
    const status = await api.status();
    assert.equal(status.ready, true);
    assert.equal(status.pages, 2);
    assert.equal(status.bytes, Object.values(SITE).reduce((n, b) => n + Buffer.byteLength(b), 0));
  } finally { server.close(); }
});

test("a file of another build fails the install, which then resumes without fetching again what it has", async () => {
  const changed = { ...SITE, "about/index.html": "<h1>About, next edition</h1>" };
  const { server, base, hits } = await serve(changed);
  try {
    const caches = new MemoryCaches();
    const { run, api } = worker(base, precache(SITE), caches);
    await assert.rejects(run("install"));
    const status = await api.status();
    assert.equal(status.ready, false);
    const cache = await caches.open(api.cacheName);
    assert.equal(await cache.match(base + "about/"), undefined, "a file of another build entered the cache");
    changed["about/index.html"] = SITE["about/index.html"];          // the server is consistent again
    hits.length = 0;
    await run("install");
    assert.deepEqual(hits, ["about/"]);
    assert.equal((await api.status()).ready, true);
  } finally { server.close(); }
});

test("activate deletes this site's other caches only, and takes over open pages", async () => {
  const caches = new MemoryCaches();
  const base = "https://example.org/site/";
  const { self, run, api } = worker(base, precache(SITE, "2026.2", "bbbb2222"), caches);
  await caches.open(api.prefix + "2026.1 aaaa1111");
  await caches.open("offline /other-site/ 2026.1 aaaa1111");
  await caches.open(api.cacheName);
  await run("activate");
  assert.deepEqual((await caches.keys()).sort(), ["offline /other-site/ 2026.1 aaaa1111", api.cacheName].sort());
  assert.equal(self.claimed, true);
});

test("answers come from this build's cache, online or not; a page never cached leads to the offline page", async () => {
  const files = { ...SITE };
  const { server, base } = await serve(files);
  const caches = new MemoryCaches();
  const { run } = worker(base, precache(SITE), caches);
  await run("install");
  files["about/index.html"] = "<h1>About, next edition</h1>";         // published meanwhile: not mixed in
  const about = await run("fetch", { request: new Request(base + "about/") });
  assert.equal(await about.text(), "<h1>About</h1>");
  // a query: the answer is made anew, so it takes the address asked for (the search worker reads ?theme=)
  const asked = await run("fetch", { request: new Request(base + "assets/search-worker.js?theme=t") });
  assert.equal(asked.url, "");
  assert.equal(await asked.text(), SITE["assets/search-worker.js"]);
  server.close();                                                      // the network is gone
  await assert.rejects(run("fetch", { request: new Request(base + "tiers/") }),
                       "a file that is not a page fails as the network does");
  // Node cannot make a navigation Request; the worker reads only these fields of one
  const navigation = { url: base + "tiers/", method: "GET", mode: "navigate" };
  const page = await worker(base, precache(SITE), caches).api.answer(navigation);
  assert.equal(page.status, 302);
  assert.equal(page.headers.get("location"), base + "offline/");
});

test("a new worker waits: it takes over only when the page asks (the reader pressed Reload)", async () => {
  const { self, run } = worker("https://example.org/", precache(SITE), new MemoryCaches());
  run("message", { data: { type: "status" }, ports: [] });
  assert.equal(self.skipped, undefined);
  run("message", { data: { type: "skip-waiting" }, ports: [] });
  assert.equal(self.skipped, true);
});
