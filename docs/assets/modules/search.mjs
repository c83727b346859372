/* The site's search: ranks the documents of search/documents.json (one per statement, case study, glossary term
   and page section, made from the model by search/documents.py) with MiniSearch. The one implementation: the
   search worker (search-worker.js) imports it and the finish step bundles both into the worker; the tests import
   this same module under Node over the built site (tests/js/). Every rule below is general (no word lists of
   answers); each says why.
   createSiteSearch(data, weights, Engine): `weights` overrides the weights below (the tuning and engine
   comparison scripts); `Engine` is MiniSearch unless another engine with its calls is compared. */
import MiniSearch from "minisearch";

export function createSiteSearch(data, weights, Engine) {
  Engine = Engine || MiniSearch;
  data = withNames(data);

  /* Words that say nothing about the subject: left out unless nothing else is left ("what is a TA"). */
  var STOP = set("a an and are as at be by can could did do does for from has have how i if in into is it its me " +
    "my of on or our should so that the their them these they this to was we what when where which who why will " +
    "with would you your us might may must shall only ever always just also up out too very some any such much many " +
    "than then there here");
  /* Words that ask what something is: the glossary's entry is the answer, so term documents weigh more. */
  var ASKING = /^\s*(?:what(?:'s|’s| is| are| does| do)?|who (?:is|are)|define|definition of|meaning of)\b|\b(?:stands? for|means?|meaning|definition|abbreviation|acronym|full form|long form)\W*$/i;
  var ASKING_WORDS = set("define definition meaning mean means stand stands abbreviation acronym full form long");
  /* American spellings as the British the framework uses, only when the British word is in the index. */
  var SPELLINGS = [[/iz(e|es|ed|er|ing|ation|ations)$/, "is$1"], [/yz(e|es|ed|ing)$/, "ys$1"],
    [/([aeiou])l(ing|ed|er)$/, "$1ll$2"], [/or(s|al|ed|ing)?$/, "our$1"], [/ter(s)?$/, "tre$1"],
    [/ense(s)?$/, "ence$1"], [/og(s)?$/, "ogue$1"], [/^ped(ia)/, "paed$1"], [/dgment(s)?$/, "dgement$1"],
    [/ll(ful|fully|ment|ments)$/, "l$1"], [/^mom(s|my|mies)?$/, "mum$1"], [/^aging$/, "ageing"]];
  /* Endings a query word loses so its other forms are found too ("developed": developing, development;
     "attendance": attend, attending). */
  var ENDINGS = /(?:ations?|ments?|[ae]nces?|ing|ed|ers?|ly)$/;
  /* "identify", "identifying", "identification": one word ("classify", "justify", "qualify" too) */
  var IFY = /^(.{3,}if)(?:y|ie[sd]|ying|ications?)$/;
  var PER_PAGE = 4;
  /* Edits allowed in a word the index lacks: a slip or two ("senoc", "trianglation"). */
  function FUZZY(w) { return w.length >= 5 ? 2 : 1; }
  var FIELDS = ["title", "label", "keys", "area", "text", "synonyms", "narrower"];
  /* A title or a statement's number says what a document is about more than a word in its text does. */
  var BOOST = { title: 3, label: 10, keys: 1.5, area: 0.5, text: 1, synonyms: 0.5, narrower: 0.1 };
  /* How much a result's score grows with the share of the query's words it has (its power), with the query
     being its name, with its name among the query's words, for a term when the query asks what something means,
     with the query's words side by side, with its whole title in the query, when the query names its kind, and,
     for a document found only through a kind of a subject, with how much it is about the subject (`about`);
     `weights` overrides them (the tuning and engine comparison scripts). */
  var WEIGHT = Object.assign({ share: 2, named: 10, asked: 3, prefix: 0.375, fuzzy: 0.45, near: 3, titled: 2,
    kind: 3, rare: 0.2, contains: 2, inherited: 0.5, about: 0.1, bm25: { k: 1.2, b: 0.7, d: 0.5 } }, weights || {});
  /* Words that name a kind of document ("SCERTS case study"): that kind first. */
  var KINDS = [[/\bcase[\s-]?stud(?:y|ies)\b/gi, "case study"]];
  if (WEIGHT.boost) BOOST = Object.assign({}, BOOST, WEIGHT.boost);

  function set(words) { var s = Object.create(null); words.split(/\s+/).forEach(function (w) { s[w] = true; }); return s; }

  /* Words of a text: runs of letters and digits ("2.3" and "1:1" kept whole), a hyphenated word also written solid
     ("co-production": coproduction), lower case, a plural as its singular. */
  function words(text) {
    var out = [], re = /\d+(?:[.:]\d+)+|[\p{L}\p{N}]+(?:[-'’&][\p{L}\p{N}]+)*/gu, m;
    while ((m = re.exec(String(text || "")))) {
      var token = m[0], end = token.charCodeAt(token.length - 1);
      if (end === 115 || end === 83) token = token.replace(/['’]s$/i, "");      /* only a word ending in "s" */
      if (/[-'’&]/.test(token) && !/\d[.:]\d/.test(token)) {            /* "C&I" is also "ci" */
        keep(out, single(token.replace(/[-'’&]/g, "")));
        token.split(/[-'’&]/).forEach(function (part) { if (part) keep(out, single(part)); });
      } else keep(out, single(token));
    }
    return out;
  }
  function keep(out, w) { if (w.length > 1 || /\d/.test(w)) out.push(w); }

  /* A plural as its singular ("transitions", "TAs", "needs"), not "progress", "focus", "analysis". */
  function single(token) {
    var end = token.charCodeAt(token.length - 1);
    if (end !== 115 && end !== 83) return token.toLowerCase();        /* no "s" or "S" at the end: no plural */
    if (/^[A-Z]{2,}s$/.test(token)) return token.slice(0, -1).toLowerCase();
    var w = token.toLowerCase();
    if (w.length > 4 && /ies$/.test(w)) return w.slice(0, -3) + "y";
    if (w.length > 3 && /[^sui]s$/.test(w)) return w.slice(0, -1);
    return w;
  }

  /* A document's text as one string of its words between spaces, for finding a phrase of a synonyms group. */
  function spaced(list) { return " " + list.join(" ") + " "; }

  /* Each field's words, made once: for the synonyms, the index and the list of words of the index. */
  var tokens = new Map(), seen = new Set();
  function cached(text) {
    var list = tokens.get(text);
    if (!list) { list = words(text); tokens.set(text, list); for (var i = 0; i < list.length; i++) seen.add(list[i]); }
    return list;
  }
  /* A glossary term's names (its term, long form and first `aliases` keys) mean the same ("OAP", "ordinarily
     available provision"): a synonym group each */
  var synonymGroups = (data.synonyms || []).concat(data.docs.filter(function (doc) { return doc.kind === "term"; })
    .map(termNames).filter(function (names) { return names.length > 1; }));
  var groups = synonymGroups.map(function (group) {
    return group.map(function (w) { var list = words(w); return { first: list[0], list: list, spaced: spaced(list) }; });
  });
  /* Broader words and the kinds of them staff name ("cognition and learning": MLD, SLD) */
  var broader = (data.narrower || []).map(function (entry) {
    var list = words(entry[0]);
    return { name: entry[0], first: list[0], list: list, spaced: spaced(list), narrower: entry.slice(1) };
  });
  /* A document as the index takes it: its key terms as one text; the other words of each synonym group it uses;
     and, weighing little, the narrower words of each broader word it uses, with their synonyms. */
  function indexed(doc, n) {
    var own = Object.assign({}, doc, { id: n, keys: (doc.keys || []).join(" ; ") });
    var list = [].concat(cached(own.title || ""), cached(own.label || ""), cached(own.keys), cached(own.text || ""));
    var synonyms = others(list), narrower = [];
    under[n] = broader.filter(using(list));
    under[n].forEach(function (b) { narrower = narrower.concat(b.narrower); });
    if (narrower.length) narrower = narrower.concat(others(words(narrower.join(" | "))));
    own.synonyms = synonyms.join(" ; ");
    own.narrower = narrower.join(" ; ");
    new Set(list).forEach(function (w) { spread[w] = (spread[w] || 0) + 1; });   /* its own words only */
    cached(own.synonyms);
    /* not words of the index, but no slip is taken for them */
    words(own.narrower).forEach(function (w) { kinds.add(w); });
    cached(own.area || "");
    return own;
  }
  /* Whether a text (its words) uses a word or phrase: a word by the set of its words, a phrase in its text */
  function using(list) {
    var has = new Set(list), all = null;
    return function (m) {
      if (m.first === undefined || !has.has(m.first)) return false;
      for (var i = 1; i < m.list.length; i++) if (!has.has(m.list[i])) return false;
      return m.list.length === 1 || (all || (all = spaced(list))).indexOf(m.spaced) !== -1;
    };
  }
  /* The other words of each synonym group a text uses (plain loops: this runs for every group on every document) */
  function others(list) {
    var uses = using(list), out = [];
    for (var g = 0; g < groups.length; g++) {
      var members = groups[g], any = false;
      for (var i = 0; i < members.length && !any; i++) any = uses(members[i]);
      if (any) for (i = 0; i < members.length; i++) if (!uses(members[i])) out.push(synonymGroups[g][i]);
    }
    return out;
  }
  var under = [];                                                /* each document's broader words */
  var kinds = new Set();                                         /* the narrower words documents inherit */
  var spread = Object.create(null);                             /* how many documents have each word */
  var docs = data.docs.map(indexed);
  /* A text's words, as the index took them when it has them */
  function wordsOf(text) { return tokens.get(text) || words(text); }

  var options = {
    fields: FIELDS, storeFields: [],
    tokenize: wordsOf,
    processTerm: function (term) { return term; },
    searchOptions: { boost: BOOST, tokenize: function (text) { return words(text); }, bm25: WEIGHT.bm25,
      weights: { prefix: WEIGHT.prefix, fuzzy: WEIGHT.fuzzy } }
  };
  var index = new Engine(options);
  index.addAll(docs);

  /* Every word of the index, sorted: a query word none starts with is a slip; a British spelling must be one. */
  var vocab = Array.from(seen).sort();
  function known(prefix) {
    var lo = 0, hi = vocab.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (vocab[mid] < prefix) lo = mid + 1; else hi = mid; }
    return lo < vocab.length && vocab[lo].indexOf(prefix) === 0;
  }
  function whole(w) {                                          /* a word of the index, not only the start of one */
    var lo = 0, hi = vocab.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (vocab[mid] < w) lo = mid + 1; else hi = mid; }
    return vocab[lo] === w;
  }
  /* A document's names, as words: what a query naming it says ("APDR", "assess plan do review", "2.3"). */
  var initials = Object.create(null);
  var names = docs.map(function (doc) {
    var list = [doc.title, doc.label].concat(doc.kind === "term" ? (data.docs[doc.id].keys || []) : []);
    if (doc.kind === "term") list = list.concat(termNames(data.docs[doc.id]));     /* its term and long form too */
    /* a term's names have their synonyms ("QFT" for "high-quality teaching"), which name it too */
    if (doc.kind === "term") synonymGroups.forEach(function (group) {
      var lower = group.map(function (m) { return m.toLowerCase(); });
      if (list.some(function (n) { return n && lower.indexOf(n.toLowerCase()) !== -1; })) list = list.concat(group);
    });
    return list.filter(Boolean).map(function (n) {
      var all = wordsOf(n), said = all.filter(function (w) { return !STOP[w]; });
      /* its initials, with and without its small words ("ZoR", "PfA"): an abbreviation the index lacks names it */
      if (said.length > 1 && all.length <= 5) [all, said].forEach(function (list) {
        var key = list.map(function (w) { return w[0]; }).join("");
        initials[key] = initials[key] === undefined || initials[key] === said.join(" ") ? said.join(" ") : null;
      });
      return said.join(" ");
    });
  });

  /* A document's words in order, per field item, for words side by side; its narrower words apart (they count
     only for a document found through them). */
  var runs = [], narrowRuns = [];
  function sequences(id) {
    if (!runs[id]) {
      var doc = data.docs[id];
      runs[id] = [doc.title, doc.label, doc.text].concat(doc.keys || []).filter(Boolean).map(wordsOf);
      narrowRuns[id] = docs[id].narrower ? docs[id].narrower.split(" ; ").map(wordsOf) : [];
    }
    return runs[id];
  }
  function beside(id, pairs, narrower) {
    var seqs = sequences(id);
    if (narrower) seqs = seqs.concat(narrowRuns[id]);
    return pairs.filter(function (pair) {
      return seqs.some(function (seq) {
        for (var i = 1; i < seq.length; i++)
          if (seq[i - 1].indexOf(pair[0]) === 0 && seq[i].indexOf(pair[1]) === 0) return true;
        return false;
      });
    }).length;
  }
  /* Two words side by side somewhere in the index ("well being" is not; "base line" may be) */
  var pairsSeen = null;
  function paired(a, b) {
    if (!pairsSeen) {
      pairsSeen = new Set();
      docs.forEach(function (doc) {
        sequences(doc.id).concat(narrowRuns[doc.id]).forEach(function (seq) {
          for (var i = 1; i < seq.length; i++) pairsSeen.add(seq[i - 1] + " " + seq[i]);
        });
      });
    }
    return pairsSeen.has(a + " " + b);
  }
  var titles = docs.map(function (doc) {
    return wordsOf(doc.title).filter(function (w) { return !STOP[w]; });
  });

  /* MiniSearch weighs a word by how rare it is in each field, so a word in nearly every text ("pupil") weighs much
     in the few titles that have it: a query word weighs also by how rare it is in the whole index (`rare`: what
     the commonest word keeps). */
  function rarity(w) {
    var n = spread[w] || 0;
    var idf = Math.log(1 + (docs.length - n + 0.5) / (n + 0.5)) / Math.log(1 + docs.length);   /* 0 to 1 */
    return WEIGHT.rare + (1 - WEIGHT.rare) * idf;
  }
  /* A name with a word that is no everyday word of the site (in fewer than one document in 20) */
  function rare(name) {
    return name.split(" ").some(function (w) { return (spread[w] || 0) < docs.length / 20; });
  }
  /* Two words one letter apart (one left out, added or mistyped); a slip in the first two letters is rare. */
  function oneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1 || a[0] !== b[0] && a[1] !== b[1]) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return a.slice(i + (a.length >= b.length ? 1 : 0)) === b.slice(i + (b.length >= a.length ? 1 : 0));
  }
  function sorted(w) { return w.split("").sort().join(""); }

  function british(w) {
    if (known(w)) return w;
    for (var i = 0; i < SPELLINGS.length; i++) {
      var b = w.replace(SPELLINGS[i][0], SPELLINGS[i][1]);
      if (b !== w && known(b)) return b;
    }
    return w;
  }

  /* One query word as MiniSearch's query: its own options (prefix, edit distance). */
  function term(typed) {
    var abbreviation = typed.length <= 5 && /[A-Z]/.test(typed) && typed === typed.toUpperCase();
    /* "E.H.C.P." is EHCP; "2.3" stays a number; "co-production" and "C&I" are taken solid */
    var w = british(words(/^(?:[A-Za-z]\.){2,}[A-Za-z]?\.?$/.test(typed) ? typed.replace(/\./g, "") : typed)[0] || "");
    /* a narrower word the index has no other form of is taken whole ("Conners", not conn*) */
    var base = kinds.has(w) && !whole(w) ? w : w.replace(ENDINGS, ""), full = w;
    var ify = IFY.exec(w);
    if (ify && known(ify[1])) base = ify[1];
    if (!abbreviation && !/\d/.test(w) && base.length >= 4 && base !== w && known(base))  /* "labelling": label* */
      w = base.replace(/([bdgmnprt])\1$/, "$1");                            /* "planning": plan* */
    /* A Latin verb's "d" is its noun's "s" ("excluded": exclusion, "provide": provision, "decide": decision) */
    var root = (base.length >= 4 ? base : w).replace(/e$/, ""), latin = root.slice(0, -1) + "s";
    var alt = !abbreviation && root.length >= 5 && /[aeiou]d$/.test(root) && known(latin) ? latin : null;
    if (alt && !known(w)) { w = alt; alt = null; }
    var slip = w.length >= 4 && !/\d/.test(w) && !known(w) && !kinds.has(w);    /* "scafolding", "EHPC" */
    /* Two letters swapped, the commonest slip, is one slip, not two edits ("ECHP": EHCP) */
    for (var i = 1; slip && i < w.length; i++) {
      var swapped = w.slice(0, i - 1) + w[i] + w[i - 1] + w.slice(i + 1);
      if (whole(swapped)) { w = swapped; slip = false; }
    }
    /* One letter missing, added or mistyped, when only one word of the index is that near ("identifcation") */
    if (slip) {
      var near = vocab.filter(function (v) { return oneEdit(w, v); });
      if (near.length === 1) { w = near[0]; slip = false; }
      ify = IFY.exec(w);                                              /* "identifcation": identif* */
      if (ify && known(ify[1])) w = ify[1];
    }
    /* A short word's letters jumbled further, as abbreviations are ("ECPH": EHCP): the word of the index with
       those letters and the same first letter */
    if (slip && w.length <= 5) {
      var letters = sorted(w), same = vocab.filter(function (v) {
        return v.length === w.length && v[0] === w[0] && sorted(v) === letters;
      });
      if (same.length === 1) { w = same[0]; slip = false; }
    }
    return { word: w, alt: alt, full: slip ? w : full, prefix: !abbreviation && w.length >= 3,
      fuzzy: slip ? FUZZY(w) : 0 };
  }

  /* The narrower word a document was found by and the word of its own it comes under: {word, under} */
  function via(id, through) {
    for (var i = 0; i < under[id].length; i++) {
      var b = under[id][i];
      for (var j = 0; j < b.narrower.length; j++) {
        var list = words(b.narrower[j]);
        if (through.every(function (t) {
          return list.some(function (w) { return w.indexOf(t.word) === 0 || t.alt && w.indexOf(t.alt) === 0; });
        })) return { word: b.narrower[j], under: b.name };
      }
    }
    return null;
  }

  /* The pages found for a query, best first, each with its documents best first:
     [{page, docs: [{url, title, kind, label, area, via, score}]}]; `via` is {word, under} for a document found
     only through a narrower word ("fidget toys" under "sensory"), else null. */
  function search(query, asTyped) {
    var asking = ASKING.test(query), kind = null, original = query;
    if (!asTyped) KINDS.forEach(function (k) {
      var rest = String(query).replace(k[0], " ");
      if (rest !== String(query) && /\w/.test(rest) && !kind) { kind = k[1]; query = rest; }
    });
    /* "C & L", "C and I": two letters joined are an abbreviation, as "C&L" */
    query = String(query).replace(/\b([A-Za-z])\s*(?:&|\band\b)\s*([A-Za-z])\b/g, "$1&$2");
    var typed = String(query).match(/\d+(?:[.:]\d+)+|[\p{L}\p{N}]+(?:[-'’.&][\p{L}\p{N}]+)*\.?/gu) || [];
    var plain = typed.filter(function (w) {
      var low = w.toLowerCase();
      /* "can't", "don't": a "not" says nothing about the subject, and its halves would find "candidate", "donate" */
      return !STOP[low] && !/n['’]t$/.test(low) && !(asking && ASKING_WORDS[low]) ||
        (w.length > 1 && w === w.toUpperCase() && /[A-Z]/.test(w));
    });
    /* A joined word the index lacks written solid ("calm-down") is its parts */
    var parts = [].concat.apply([], (plain.length ? plain : typed).map(function (w) {
      return /[-'’&]/.test(w) && !/\d[.:]\d/.test(w) && !known(words(w)[0] || "") ? w.split(/[-'’&]+/) : [w];
    }));
    /* An abbreviation the index lacks that is the initials of one name, is that name ("ZoR": zones of regulation) */
    parts = [].concat.apply([], parts.map(function (w) {
      var low = w.toLowerCase();
      return /^[A-Za-z]{2,5}$/.test(w) && /[A-Z]/.test(w) && !whole(low) && initials[low] ? initials[low].split(" ") : [w];
    }));
    /* Two words that make one word of the index when joined, and are never side by side in it, are that word
       ("well comm": WellComm, "well being": wellbeing) */
    function joins(a, b) {
      if (!a || !b || !whole(a + b)) return false;
      if (!whole(a) || !whole(b)) return true;                    /* one of them no word of the index */
      return /^[a-z]+$/.test(a) && /^[a-z]+$/.test(b) && !STOP[a] && !STOP[b] && !paired(a, b);
    }
    parts = parts.reduce(function (out, w) {
      var last = out[out.length - 1];
      if (joins(last && words(last)[0], words(w)[0])) out[out.length - 1] = last + w;
      else out.push(w);
      return out;
    }, []);
    var terms = parts.map(term).filter(function (t) { return t.word; });
    if (!terms.length) return [];
    terms.forEach(function (t) { t.rare = rarity(t.word); });
    var weight = terms.reduce(function (s, t) { return s + t.rare; }, 0);
    var said = terms.map(function (t) { return t.word; }).join(" ");
    /* the query's words, and as typed, before their endings went ("supported internship") */
    var spoken = [said, terms.map(function (t) { return t.full; }).join(" ")];
    function named(id) { return spoken.some(function (q) { return names[id].indexOf(q) !== -1; }); }
    var results = index.search({
      combineWith: "OR",
      queries: terms.map(function (t) { return { queries: t.alt ? [t.word, t.alt] : [t.word], prefix: t.prefix,
        fuzzy: t.fuzzy,
        boostTerm: function () { return t.rare; } }; })
    });
    /* The words beside a kind found nothing ("case study catalog"): the query as typed finds the kind's pages */
    if (!results.length && kind) return search(original, true);
    var pages = Object.create(null), order = [], scores = new Map(), vias = new Map(), abouts = Object.create(null);
    /* How much a document is about a broader word: its score when that word is the query */
    function aboutScore(name, id) {
      if (!abouts[name]) {
        abouts[name] = new Map();
        index.search({ combineWith: "OR", queries: words(name).filter(function (w) { return !STOP[w]; }).map(function (w) {
          return { queries: [w], prefix: false, boostTerm: function () { return rarity(w); } };
        }) }).forEach(function (a) { abouts[name].set(a.id, a.score); });
      }
      return abouts[name].get(id) || 0;
    }
    function titled(id) {                                        /* every word of its title is in the query */
      return titles[id].length && titles[id].every(function (w) {
        return terms.some(function (t) { return w.indexOf(t.word) === 0; });
      });
    }
    var naming = results.some(function (r) { return named(r.id) || titles[r.id].length > 2 && titled(r.id); });
    var pairs = terms.slice(1).map(function (t, i) { return [terms[i].word, t.word]; });
    results.forEach(function (r, rank) {
      var doc = docs[r.id];
      var found = {};
      r.queryTerms.forEach(function (q) { found[q] = true; });
      /* a word found only among the narrower words a document inherits counts for less */
      var through = terms.filter(function (t) { return found[t.word] || found[t.alt]; });
      var only = new Set(under[r.id].length ? through.filter(function (t) {
        var hit = false;
        for (var m in r.match) {
          if (m.indexOf(t.word) !== 0 && !(t.alt && m.indexOf(t.alt) === 0)) continue;
          if (r.match[m].length > 1 || r.match[m][0] !== "narrower") return false;
          hit = true;
        }
        return hit;
      }) : []);
      /* found only through narrower words: the narrower word and the document's word it comes under, to show */
      var raw = r.score;
      if (through.length && only.size === through.length) {
        vias.set(r.id, via(r.id, through));
        /* found only through a kind: it weighs as much as the document is about the broader word ("ADHD": the SEMH
           term before a page that says "SEMH" once) */
        if (vias.get(r.id) && WEIGHT.about) raw = WEIGHT.about * aboutScore(vias.get(r.id).under, r.id);
      }
      var share = through.reduce(function (s, t) { return s + t.rare * (only.has(t) ? WEIGHT.inherited : 1); }, 0) /
        weight;
      /* A document with all the query's words before one with many of a few, a rare word counting more. */
      var score = raw * Math.pow(share, WEIGHT.share);
      /* A query that is a document's name (a term, its long form, a title, "2.3") is asking for it. */
      if (named(r.id)) score *= WEIGHT.named;
      /* A query that has a document's name among other words ("PfA pathways", "C&L area of need") is about it,
         when the name is no everyday word of the site ("SEND", "pupil": in more than one document in 20) and the
         query has no other document's whole name or title of three words or more ("Unlocking Barriers: The Iris
         Approach"). */
      else if (!naming && names[r.id].some(function (n) {
        return n && rare(n) && spoken.some(function (q) { return (" " + q + " ").indexOf(" " + n + " ") !== -1; });
      }))
        score *= WEIGHT.contains;
      /* A question about what something means: the glossary answers it. */
      if (asking && doc.kind === "term") score *= WEIGHT.asked;
      /* The query's words side by side, as typed ("over identification"): about what the query says. */
      if (pairs.length && rank < 200) score *= 1 + WEIGHT.near * beside(r.id, pairs, only.size > 0) / pairs.length;
      /* Every word of a title in the query ("the hive", "eight areas"): the query names it. */
      if (titled(r.id)) score *= WEIGHT.titled;
      if (kind && doc.kind === kind) score *= WEIGHT.kind;           /* "SCERTS case study" */
      scores.set(r.id, score);
    });
    scores.forEach(function (score, id) {
      var doc = docs[id], page = doc.url.split("#")[0];
      if (!pages[page]) { pages[page] = { page: page, docs: [] }; order.push(pages[page]); }
      pages[page].docs.push({ id: id, url: doc.url, title: doc.title, kind: doc.kind, label: doc.label, area: doc.area,
        via: vias.get(id) || null, score: score });
    });
    /* The first screen: a page's best documents first, at most PER_PAGE of them (a glossary answer: the one
       term asked about, not a list of terms). */
    order.forEach(function (g) {
      g.docs.sort(function (a, b) { return b.score - a.score; });
      g.score = g.docs[0].score;
      g.docs = g.docs.slice(0, g.docs.some(function (d) { return d.kind === "term"; }) ? 1 : PER_PAGE);
    });
    return order.sort(function (a, b) { return b.score - a.score; });
  }

  /* The query's words to mark in the results, as the search takes them: not its small words (unless it has no
     other), and an abbreviation as a whole word, singular ("TAs": TA, not "task"), as term() searches it. */
  function marks(query) {
    var typed = String(query).match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) || [];
    typed = typed.map(function (w) { return w.replace(/['’]s$/i, ""); });
    var said = typed.filter(function (w) { return !STOP[w.toLowerCase()] && !/n['’]t$/i.test(w); });
    return (said.length ? said : typed).map(function (w) {
      var whole = w.length <= 6 && /[A-Z]/.test(w) && /^[A-Z]+s?$/.test(w);
      return { word: whole ? single(w) : w.toLowerCase(), whole: whole };
    }).filter(function (m) { return m.word.length >= (m.whole ? 2 : 3); });
  }

  return { search: search, marks: marks, size: docs.length, index: index };
}

/* The documents with the names they refer to: each key term ("terms": places in the glossary) as its names (a
   term, its long form and its first `aliases` keys) at the head of the keys, and each area ("areas": numbers) as
   its title ("Area 2: Leadership of SEND"). Each name is sent once, in its own document. */
export function withNames(data) {
  var terms = data.docs.filter(function (doc) { return doc.kind === "term"; }).map(termNames);
  var areas = Object.create(null);
  data.docs.forEach(function (doc) {
    var m = /^Area (\d+): /.exec(doc.title || "");
    if (m && doc.url.indexOf("#") === -1) areas[m[1]] = doc.title;
  });
  return Object.assign({}, data, { docs: data.docs.map(function (doc) {
    if (!doc.terms && !doc.areas) return doc;
    var names = [].concat.apply([], (doc.terms || []).map(function (n) { return terms[n]; }));
    return Object.assign({}, doc, { keys: names.concat(doc.keys || []),
      area: (doc.areas || []).map(function (n) { return areas[n]; }).join("; ") });
  }) });
}

/* A term's names: "Ordinarily available provision (OAP)" and its aliases */
export function termNames(doc) {
  var m = /^(.*?) \((.*)\)$/.exec(doc.title);
  return (m ? [m[1], m[2]] : [doc.title]).concat((doc.keys || []).slice(0, doc.aliases || 0));
}
