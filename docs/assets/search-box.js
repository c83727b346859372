/* The search box (overrides/partials/search.html): starts the search worker (search-worker.js) and fetches its
   documents when someone starts to search (a finger down on the search icon, or the box focused), opens
   search (the icon, or "/", "s", "f" outside a form field), and draws its answers as links, built as DOM nodes
   (no markup from data). Enter opens the first result; Escape, or focus leaving search, closes it. */
(function () {
  var form = document.getElementById("site-search"), input = document.getElementById("site-search-input");
  var result = document.getElementById("site-search-result"), toggle = document.getElementById("__search");
  if (!form || !input || !result || !window.Worker) return;
  var meta = result.querySelector(".md-search-result__meta"), list = result.querySelector("ol");
  /* The site's root: this script is assets/search-box.js in it (or, failing that, the theme's config says). */
  var config = document.getElementById("__config"), me = document.currentScript && document.currentScript.src;
  var base = me && /\/assets\/search-box\.js(\?|$)/.test(me) ? new URL("../", me)
    : new URL((config && JSON.parse(config.textContent).base || ".") + "/", location.href);
  var worker = null, latest = null;

  function start() {
    if (worker) return;
    worker = new Worker(new URL("assets/search-worker.js", base).href);
    /* An answer is drawn at the next frame, when it can first be seen: of answers that come in between, only the
       last is drawn, and none that a key pressed meanwhile has put out of date. Typing stays quick on a slow phone. */
    worker.addEventListener("message", function (event) {
      var first = latest === null;
      latest = event.data;
      if (first) requestAnimationFrame(function () { var data = latest; latest = null; draw(data); });
    });
    /* the documents come while the worker's script loads, not after it: their bytes are handed over (not copied) */
    fetch(new URL("search/documents.json", base).href).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.arrayBuffer();
    }).then(function (bytes) { worker.postMessage(bytes, [bytes]); }, function () { worker.postMessage(null); });
    if (input.value.trim()) ask();
    else meta.textContent = result.getAttribute("data-placeholder");
  }

  var asked = "";
  function ask() {
    start();
    var query = input.value.trim();
    if (query === asked && query) return;         /* a space typed: the answer drawn or coming still stands */
    asked = query;
    if (!query) { list.textContent = ""; meta.textContent = result.getAttribute("data-placeholder"); return; }
    worker.postMessage(query);
  }

  function open(state) {
    if (toggle && toggle.checked !== state) toggle.click();
  }

  /* The query's words as one pattern, made once per answer (not once per title and text drawn): a word and what
     it starts ("plan": planning), an abbreviation only itself and its plural ("TA": TAs, not "task"). */
  function pattern(words) {
    return words.length ? new RegExp("(" + words.map(function (m) {
      var w = m.word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return "\\b" + w + (m.whole ? "(?:s|['’]s)?\\b" : "\\w*");
    }).join("|") + ")", "giu") : null;
  }

  /* Text with the query's words (the pattern above, or null) marked, as text nodes and <mark> elements. */
  function marked(parent, text, marks) {
    (marks ? text.split(marks) : [text]).forEach(function (part, i) {
      if (!part) return;
      if (i % 2) { var m = document.createElement("mark"); m.textContent = part; parent.appendChild(m); }
      else parent.appendChild(document.createTextNode(part));
    });
  }

  function element(name, className, text) {
    var el = document.createElement(name);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  /* The results as list items, apart from the page: a page's links, each with its heading, area and snippet. */
  function items(groups, marks) {
    var out = document.createDocumentFragment();
    groups.forEach(function (docs) {
      var item = element("li", "md-search-result__item");
      docs.forEach(function (doc, n) {
        var link = element("a", "md-search-result__link");
        link.href = new URL(doc.url, base).href;
        var article = element("article", "md-search-result__article md-typeset" +
          (n === 0 ? " md-search-result__article--document" : ""));
        var heading = element(n === 0 ? "h2" : "h3");
        marked(heading, doc.kind === "statement" ? "Statement " + doc.label + ": " + doc.title : doc.title, marks);
        article.appendChild(heading);
        if (doc.area) article.appendChild(element("p", "search-result__area",
          (doc.kind === "statement" ? "" : "Case study · ") + doc.area));
        /* found through a word staff use for a kind of what the page says: say so, as the snippet lacks it */
        if (doc.via) article.appendChild(element("p", "search-result__area",
          "“" + doc.via.word + "” comes under “" + doc.via.under + "”"));
        if (doc.text) { var p = element("p"); marked(p, doc.text, marks); article.appendChild(p); }
        link.appendChild(article);
        item.appendChild(link);
      });
      out.appendChild(item);
    });
    return out;
  }

  function draw(data) {
    if (data.failed) { meta.textContent = result.getAttribute("data-none"); return; }
    if (data.query !== input.value.trim()) return;          /* an answer to what was typed before */
    var count = data.groups.length;
    list.textContent = "";
    list.appendChild(items(data.groups, pattern(data.words)));
    meta.textContent = count === 0 ? result.getAttribute("data-none")
      : count === 1 ? result.getAttribute("data-one") : result.getAttribute("data-other").replace("#", count);
  }

  /* the worker first: it starts while the page opens search, or sooner, with a finger down on the search icon.
     Not when a pointer merely passes over the box: the documents download only for someone who searches. */
  input.addEventListener("focus", function () { start(); open(true); });
  [].forEach.call(document.querySelectorAll("label[for='__search']"), function (label) {
    label.addEventListener("pointerdown", start);
  });
  /* every key asked at once: the worker answers only the last of those waiting */
  input.addEventListener("input", ask);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  form.addEventListener("reset", function () { asked = ""; list.textContent = ""; setTimeout(function () { input.focus(); }); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") {
      var first = list.querySelector("a");
      if (first) { event.preventDefault(); first.focus(); }
    }
  });
  list.addEventListener("keydown", function (event) {
    var links = [].slice.call(list.querySelectorAll("a")), i = links.indexOf(document.activeElement);
    if (i === -1 || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
    event.preventDefault();
    var next = links[i + (event.key === "ArrowDown" ? 1 : -1)];
    (next || input).focus();
  });
  /* Opened by the icon (its label): put the cursor in the box, unless focus is already there or the reader
     has moved it on meanwhile. */
  if (toggle) toggle.addEventListener("change", function () {
    if (!toggle.checked) return;
    start();
    if (document.activeElement === input) return;
    setTimeout(function () {
      var el = document.activeElement;
      if (toggle.checked && (!el || el === document.body || el === toggle)) input.focus();
    }, 50);
  });
  /* Search is a dialog (the .md-search element: the box, its results and their links). When focus moves out of
     it (Tab past the last result, Shift+Tab back from the box), close search as Escape does: left open, its panel
     would cover what Tab reaches and, on a phone, keep the page from scrolling. Focus going nowhere (the window
     left, a tap on no control) is no move, and the toggle itself is the icon's: neither closes. */
  var dialog = form.closest(".md-search");
  if (dialog) dialog.addEventListener("focusout", function (event) {
    var to = event.relatedTarget;
    if (!to || to === toggle || dialog.contains(to)) return;
    open(false);
    setTimeout(reveal, 50, to, 20);           /* focus moves on after this event */
  });
  /* On a phone the page cannot scroll while search is open (Material's scroll lock, data-md-scrolllock), so the
     element focus moved to may be off screen; Material gives the scroll back a moment after search closes. Then
     bring that element into view, if it still has focus (checked every 50ms, for up to a second). */
  function reveal(el, tries) {
    if (document.activeElement !== el) return;
    if (document.body.hasAttribute("data-md-scrolllock") && tries > 0) setTimeout(reveal, 50, el, tries - 1);
    else el.scrollIntoView({block: "nearest"});
  }
  document.addEventListener("keydown", function (event) {
    var el = document.activeElement;
    var typing = el && (/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.isContentEditable);
    if (event.key === "Escape" && toggle && toggle.checked) { open(false); input.blur(); return; }
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && /^[/sf]$/.test(event.key)) {
      event.preventDefault();
      open(true);
      input.focus();
      start();
    }
  });
})();
