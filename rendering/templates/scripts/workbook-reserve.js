/* The workbook's tools and progress bar are in the page hidden, and the workbook's core (core.mjs) shows them after the first
   paint. With scripts on, their space is kept from the start, invisible (site.css, .wb-js), so nothing below
   them moves when they appear. Inlined before them by templates/partials/workbook.md.j2. */
document.documentElement.classList.add("wb-js");
