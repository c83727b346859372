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

  /* Case-study index: filter by area and theme without a reload; the filter lives in the URL. */
  var form = document.getElementById("cs-filter");
  if (!form) return;
  form.hidden = false;
  var items = document.querySelectorAll(".cs-item");
  var select = form.querySelector("select[name=area]");
  var boxes = form.querySelectorAll("input[name=theme]");
  var count = document.getElementById("cs-count");

  function fromUrl() {
    var params = new URLSearchParams(window.location.search);
    select.value = params.get("area") || "";
    if (select.selectedIndex < 0) select.value = "";
    var themes = params.getAll("theme");
    boxes.forEach(function (b) { b.checked = themes.indexOf(b.value) >= 0; });
  }

  function apply(push) {
    var area = select.value;
    var themes = Array.prototype.filter.call(boxes, function (b) { return b.checked; }).map(function (b) { return b.value; });
    var shown = 0;
    items.forEach(function (item) {
      var areas = item.getAttribute("data-areas").split(" ");
      var tags = item.getAttribute("data-themes").split(" ");
      var ok = (!area || areas.indexOf(area) >= 0) &&
        (!themes.length || themes.some(function (t) { return tags.indexOf(t) >= 0; }));
      item.hidden = !ok;
      if (ok) shown += 1;
    });
    count.textContent = shown === items.length ? items.length + " case studies." :
      "Showing " + shown + " of " + items.length + " case studies.";
    if (push) {
      var params = new URLSearchParams();
      if (area) params.set("area", area);
      themes.forEach(function (t) { params.append("theme", t); });
      var query = params.toString();
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }
  }

  form.addEventListener("change", function () { apply(true); });
  document.getElementById("filter-clear").addEventListener("click", function () {
    select.value = "";
    boxes.forEach(function (b) { b.checked = false; });
    apply(true);
  });
  window.addEventListener("popstate", function () { fromUrl(); apply(false); });
  fromUrl();
  apply(false);
})();
