/* Offline after one visit, the page's side. site.js loads this file once the page has loaded, in browsers with
   service workers; nothing is kept without JavaScript.

   1. Registers the site's service worker (sw.js at the site's root, written by finish/offline.py), which then
      keeps the whole site on this device in the background.
   2. When a new edition has been published and this device has fully saved it, says so in a polite live region
      at the top of the page: "A new edition (ID) is available — Reload". The page stays on the edition it has
      until the reader presses Reload: then the new worker takes over, the old edition's cache goes, and the page
      reloads on the new edition. Saved work (localStorage) is never touched.
   3. On the downloads page, says whether this device is ready to use the site offline. */
(function () {
  "use strict";

  var sw = navigator.serviceWorker;
  var root = new URL("../", document.currentScript.src).href;       /* this file is assets/offline.js */
  var footer = document.querySelector("[data-edition]");
  var edition = footer ? footer.getAttribute("data-edition") : "";  /* the edition this page shows */
  var reloading = false;

  /* The notice's live region is on the page, empty, before anything is put in it, so screen readers read it. */
  var notice = document.createElement("div");
  notice.className = "edition-notice md-grid";
  notice.setAttribute("role", "status");
  notice.setAttribute("aria-live", "polite");
  /* Above the page's main part, not in its article: the article's own status (a workbook page's) stays the only one there. */
  var main = document.querySelector("main");
  if (main) main.parentNode.insertBefore(notice, main);
  else document.body.insertBefore(notice, document.body.firstChild);

  function ask(worker) {
    return new Promise(function (resolve) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) { resolve(event.data || {}); };
      worker.postMessage({ type: "status" }, [channel.port2]);
    });
  }

  /* worker: the new edition's worker, waiting to take over; none when it already has (the page is older). */
  function announce(id, worker) {
    if (notice.firstChild) return;
    var text = document.createElement("p");
    text.appendChild(document.createTextNode("A new edition (" + id + ") is available — "));
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary";
    button.textContent = "Reload";
    button.addEventListener("click", function () {
      reloading = true;
      if (worker && worker.state === "installed") worker.postMessage({ type: "skip-waiting" });
      else location.reload();
    });
    text.appendChild(button);
    notice.appendChild(text);
  }

  function check(reg) {
    if (reg.waiting && sw.controller) {
      var waiting = reg.waiting;
      ask(waiting).then(function (s) { if (s.ready) announce(s.edition, waiting); });
    } else if (sw.controller && edition) {
      ask(sw.controller).then(function (s) { if (s.edition && s.edition !== edition) announce(s.edition, null); });
    }
  }

  /* The downloads page's "Use offline" section. */
  var status = document.querySelector("[data-offline-status]");
  function report(reg) {
    if (!status) return;
    var worker = reg.active;
    if (!worker) { setTimeout(function () { report(reg); }, 1000); return; }
    ask(worker).then(function (s) {
      if (s.ready) {
        status.textContent = "Ready to use offline: " + s.pages + " pages, " + (s.bytes / 1e6).toFixed(1)
          + " MB (edition " + s.edition + ").";
      } else {
        status.textContent = "Saving the site on this device for offline use: " + s.files + " of " + s.total
          + " files so far.";
        setTimeout(function () { report(reg); }, 1000);
      }
    });
  }

  sw.addEventListener("controllerchange", function () {
    if (reloading) location.reload();
    else sw.getRegistration(root).then(function (reg) { if (reg) check(reg); });
  });

  sw.register(root + "sw.js", { scope: root, updateViaCache: "none" }).then(function (reg) {
    function watch(worker) {
      if (!worker) return;
      worker.addEventListener("statechange", function () {
        if (worker.state === "installed" && sw.controller) check(reg);
      });
    }
    watch(reg.installing);
    reg.addEventListener("updatefound", function () { watch(reg.installing); });
    check(reg);
    report(reg);
    /* Look for a new edition now (registering again does not, and browsers check on their own only now and then:
       a request of a few hundred bytes while sw.js has not changed), when the page is shown again, when the network
       comes back, and every hour (a page left open on a projector). */
    function update() { if (navigator.onLine !== false) reg.update().catch(function () {}); }
    if (reg.active) update();
    document.addEventListener("visibilitychange", function () { if (document.visibilityState === "visible") update(); });
    addEventListener("online", update);
    setInterval(update, 60 * 60 * 1000);
  }, function () {
    if (status) status.textContent = "This browser did not allow the site to be saved for offline use.";
  });
})();
