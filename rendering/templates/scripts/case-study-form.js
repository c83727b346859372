/* Case-study index: the filter form shows where it stands, before the count and the list below it are read in.
   A slow phone may draw the page while it is still being read; the form then never pushes them down. The filter
   itself (case-study-filter.js) runs after the list. Without JavaScript the form stays hidden: it needs it. */
document.getElementById("cs-filter").hidden = false;
