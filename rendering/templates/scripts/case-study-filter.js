/* Case-study index: filter by area and theme without a reload; the filter lives in the URL. With an area
   chosen, the case studies the framework features under it come first, each result says "Featured" or
   "Also linked", and "Only those featured" narrows the list to the featured ones.
   Inlined after the list by templates/partials/case_study_index.md.j2 (pages.py inline_script), so it runs
   while the page is read in, before anything is drawn: the form, the count and the filtered list appear in
   their place at once (arriving with ?area=...&featured=1, nothing moves under the reader). */
(function () {
  "use strict";
  var form = document.getElementById("cs-filter");
  form.hidden = false;
  var list = document.getElementById("cs-list");
  var items = Array.prototype.slice.call(list.querySelectorAll(".cs-item"));   // in title order
  var select = form.querySelector("select[name=area]");
  var featuredOnly = form.querySelector("input[name=featured]");
  var boxes = form.querySelectorAll("input[name=theme]");
  var count = document.getElementById("cs-count");

  function words(item, name) { return (item.getAttribute(name) || "").split(" "); }

  function fromUrl() {
    var params = new URLSearchParams(window.location.search);
    select.value = params.get("area") || "";
    if (select.selectedIndex < 0) select.value = "";
    featuredOnly.checked = params.get("featured") === "1";
    var themes = params.getAll("theme");
    boxes.forEach(function (b) { b.checked = themes.indexOf(b.value) >= 0; });
  }

  function apply(push) {
    var area = select.value;
    featuredOnly.disabled = !area;
    var onlyFeatured = area && featuredOnly.checked;
    var themes = Array.prototype.filter.call(boxes, function (b) { return b.checked; }).map(function (b) { return b.value; });
    var shown = 0, featured = 0;
    var order = items.slice();
    if (area) {   // featured under the area first; each group keeps title order
      order.sort(function (a, b) {
        return (words(b, "data-featured").indexOf(area) >= 0) - (words(a, "data-featured").indexOf(area) >= 0) ||
          items.indexOf(a) - items.indexOf(b);
      });
    }
    order.forEach(function (item) {
      var isFeatured = area && words(item, "data-featured").indexOf(area) >= 0;
      var tags = words(item, "data-themes");
      var ok = (!area || words(item, "data-areas").indexOf(area) >= 0) && (!onlyFeatured || isFeatured) &&
        (!themes.length || themes.some(function (t) { return tags.indexOf(t) >= 0; }));
      item.hidden = !ok;
      var kind = item.querySelector(".cs-item__kind");
      kind.hidden = !area;
      kind.textContent = isFeatured ? "Featured" : "Also linked";
      kind.className = "badge cs-item__kind badge--" + (isFeatured ? "featured" : "also");
      list.appendChild(item);
      if (ok) { shown += 1; if (isFeatured) featured += 1; }
    });
    count.textContent = (shown === items.length ? items.length + " case studies." :
      "Showing " + shown + " of " + items.length + " case studies.") +
      (area ? " " + featured + " featured under this area" + (onlyFeatured ? "." : ", listed first.") : "");
    if (push) {
      var params = new URLSearchParams();
      if (area) params.set("area", area);
      if (onlyFeatured) params.set("featured", "1");
      themes.forEach(function (t) { params.append("theme", t); });
      var query = params.toString();
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }
  }

  form.addEventListener("change", function () { apply(true); });
  document.getElementById("filter-clear").addEventListener("click", function () {
    select.value = "";
    featuredOnly.checked = false;
    boxes.forEach(function (b) { b.checked = false; });
    apply(true);
  });
  window.addEventListener("popstate", function () { fromUrl(); apply(false); });
  fromUrl();
  apply(false);
})();
