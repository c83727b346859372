/* Small enhancements for every page. Pages are complete without this file. */
(function () {
  "use strict";

  /* "Link to statement 2.3": copy the full address, and say so to screen readers too. */
  var live = document.createElement("p");
  live.className = "visually-hidden";
  live.setAttribute("role", "status");
  document.body.appendChild(live);
  document.querySelectorAll("a[data-copy-link]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (!navigator.clipboard) return;             // fall back to following the link
      event.preventDefault();
      var url = new URL(link.getAttribute("href"), window.location.href).href;
      navigator.clipboard.writeText(url).then(function () {
        var old = link.textContent;
        link.textContent = "Link copied";
        live.textContent = "Link copied: " + url;
        setTimeout(function () { link.textContent = old; }, 2000);
      }, function () { window.location.href = url; });
    });
  });

  /* A deep link (from a slide, a handout, the glossary) says where it landed: "You followed a link to
     statement 2.3." The note goes after the heading (inside a case-study item), never above the target, so
     the page does not move under the reader. CSS :target outlines the target itself. */
  function showTarget() {
    var old = document.querySelector(".target-note");
    if (old) old.parentNode.removeChild(old);
    var id = "";
    try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (e) { return; }
    var target = id && document.getElementById(id);
    if (!target || !target.hasAttribute("data-target-label")) return;
    var note = document.createElement("p");
    note.className = "target-note";
    note.setAttribute("role", "status");
    note.textContent = "You followed a link to " + target.getAttribute("data-target-label") + ".";
    if (target.tagName === "LI") target.appendChild(note);
    else target.parentNode.insertBefore(note, target.nextSibling);
  }
  showTarget();
  window.addEventListener("hashchange", showTarget);

  /* The glossary's A-Z stays at the top of the screen: keep focused links and jump targets clear of it. */
  if (document.querySelector(".az-list")) document.documentElement.classList.add("has-az-list");

  /* Offline after one visit: once the page has loaded, assets/offline.js registers the service worker, which then
     saves the whole site in the background; nothing of it loads before that, or without JavaScript. */
  var status = document.querySelector("[data-offline-status]");
  if ("serviceWorker" in navigator && window.caches && window.MessageChannel) {
    var here = document.currentScript && document.currentScript.src;
    var offline = function () {
      var script = document.createElement("script");
      script.src = new URL("offline.js", here).href;
      document.body.appendChild(script);
    };
    if (document.readyState === "complete") offline();
    else window.addEventListener("load", offline);
  } else if (status) {
    status.textContent = "This browser cannot save the site for offline use.";
  }

  /* (The case-study index's filter is inline in that page, so it runs before the list is first drawn:
     rendering/templates/scripts/case-study-filter.js.) */
})();
