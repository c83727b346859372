/* The search worker, started by the search box (overrides/partials/search-lazy.html) when someone first searches:
   Material's own worker (its address in ?theme=), with the site's step before each query. Here, not inline in
   every page, so a page that is only read carries none of it.

   Each query goes through this step before Material's own transformation (tests/test_search.py,
   no_short_wildcards, mirrors it: keep the two in step): a word in config.query_words is replaced (American
   spelling -> British), and a term shorter than config.min_wildcard gets "^1" so Material adds no trailing
   wildcard to it ("TA" must not match "tailored"), nor does a short word of the index (config.whole_words: "act"
   is the Act, not "action"), and a word no word of the index starts with gets lunr's edit
   distance (config.fuzzy), so "scafolding" finds scaffolding; an American spelling becomes the British one the
   index has (config.spellings); stop words go; a definition question, or a glossary term's name alone, adds the
   glossary's word; a word few documents contain weighs more (config.rare). Each document is also found by the other
   forms of its words (config.forms: "developed" finds "developing"). A result that has the query's words
   side by side weighs more (config.proximity), and the pages found are then ordered by how much of the query
   their best result matched (config.coverage); both mirrored by SiteSearch.search. */
(function () {
  /* Material's worker splitting (integrations/search/internal split()): the stretches between separators. */
  function split(input, separator) {
    var re = new RegExp(separator, "g"), parts = [], index = 0, match;
    while ((match = re.exec(input))) {
      if (index < match.index) parts.push(input.slice(index, match.index));
      index = match.index + match[0].length;
      if (!match[0].length) re.lastIndex = match.index + 1;
    }
    if (index < input.length) parts.push(input.slice(index));
    return parts;
  }

  /* The stretches of text between HTML tags in the named fields of a document (each item of a list field). */
  function blocks(doc, names) {
    var out = [];
    names.forEach(function (name) {
      [].concat(doc[name] == null ? [] : doc[name]).forEach(function (item) {
        out.push.apply(out, String(item).split(/<[^>]*>/));
      });
    });
    return out;
  }

  /* Every word of the index, sorted, and the documents each is in (tests/test_search.py vocabulary()): a query
     word that none starts with is a misspelling, one that few documents contain says what the query is about. */
  function vocabulary(index) {
    var config = index.config, postings = Object.create(null);
    (index.docs || []).forEach(function (doc, n) {
      blocks(doc, Object.keys(config.fields || {})).forEach(function (block) {
        split(block, config.separator).forEach(function (part) {
          var word = part.toLowerCase(), docs = postings[word] || (postings[word] = []);
          if (docs[docs.length - 1] !== n) docs.push(n);
        });
      });
    });
    return { words: Object.keys(postings).sort(), postings: postings };
  }

  function lowerBound(part, vocab) {
    var lo = 0, hi = vocab.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (vocab[mid] < part) lo = mid + 1; else hi = mid; }
    return lo;
  }

  function known(part, vocab) {
    var i = lowerBound(part, vocab);
    return i < vocab.length && vocab[i].indexOf(part) === 0;
  }

  function rare(part, lists, config) {
    if (!lists || !config.rare) return false;
    var low = part.toLowerCase(), seen = {}, count = 0;
    for (var i = lowerBound(low, lists.words); i < lists.words.length && lists.words[i].indexOf(low) === 0; i++)
      lists.postings[lists.words[i]].forEach(function (n) { if (!seen[n]) { seen[n] = true; count++; } });
    return count > 0 && count <= config.rare.docs;
  }

  function fuzz(part, vocab, fuzzy) {
    var low = part.toLowerCase(), min = fuzzy && fuzzy.min;
    if (!vocab || !fuzzy || low.length < min[0] || /\d/.test(low) || known(low, vocab)) return part;
    for (var i = 0; i < fuzzy.endings.length; i++) {                  /* "labeling" -> label(*) */
      var ending = fuzzy.endings[i], stem = low.slice(0, low.length - ending.length);
      if (low.slice(-ending.length) === ending && stem.length >= min[0] && known(stem, vocab))
        return part.slice(0, stem.length);
    }
    return part + "~" + (low.length >= min[1] ? 2 : 1);
  }

  /* The British spelling of an American one, by the first of config.spellings (a pattern and its replacement)
     whose result some word of the index starts with ("modeling": modelling); otherwise the word as typed. */
  function british(part, vocab, spellings) {
    var low = part.toLowerCase();
    for (var i = 0; vocab && spellings && i < spellings.length; i++) {
      var re = new RegExp(spellings[i][0]);
      if (!re.test(low)) continue;
      var word = low.replace(re, spellings[i][1]);
      if (word !== low && known(word, vocab)) return word;
    }
    return part;
  }

  /* An abbreviation typed with dots, without them ("E.H.C.P." is EHCP); any other word as it is. */
  function undot(word) { return /^(?:[A-Za-z]\.){2,}[A-Za-z]?\.?$/.test(word) ? word.replace(/\./g, "") : word; }

  function prepare(query, config, lists) {
    var min = config.min_wildcard, words = config.query_words || {};
    if (!min || query.indexOf('"') !== -1) return query;
    var out = [], stop = config.stop_words || [], all = query.split(/\s+/).filter(Boolean);
    var plain = all.filter(function (word) {                 /* "for", "is"... go unless nothing else is left */
      return stop.indexOf(word.toLowerCase()) === -1 || (word === word.toUpperCase() && word.length > 1);
    });
    (plain.length ? plain : all).forEach(function (word) {
      if (/[+~^*]|^-/.test(word)) { out.push(word); return; }
      var key = word.toLowerCase();
      if (Object.prototype.hasOwnProperty.call(words, key)) word = words[key];
      word = undot(word);                                                      /* "E.H.C.P." is EHCP */
      split(word, config.separator).forEach(function (part) {
        part = british(part, lists && lists.words, config.spellings);
        var abbreviation = (part.length <= (config.capitals || 0) && part === part.toUpperCase()
          && part !== part.toLowerCase() && stop.indexOf(part.toLowerCase()) === -1)        /* "SEN" is not "senior" */
          || (config.abbreviations || []).indexOf(part.toLowerCase()) !== -1;             /* nor is "sen" */
        var slip = abbreviation && fuzz(part, lists && lists.words, config.fuzzy);
        if (abbreviation && part.length >= min && slip === part && lists && !lists.postings[part.toLowerCase()])
          out.push(part);                                 /* only the start of a word of the index: "SCERT" */
        else if (part.length < min || (abbreviation && slip === part)) out.push(part + "^1");
        else if (abbreviation) out.push(slip);                            /* "EHPC" is a slip for EHCP */
        else if ((config.whole_words || []).indexOf(part.toLowerCase()) !== -1)   /* "act" is the Act, not "action" */
          out.push(part + "^" + (rare(part, lists, config) ? config.rare.boost : 1));
        else if (rare(part, lists, config)) out.push(part + "*^" + config.rare.boost);  /* "Tor View School" */
        else out.push(fuzz(part, lists && lists.words, config.fuzzy));
      });
    });
    var ask = config.definition;                                  /* "what is X": the glossary's answer first */
    var whole = query.toLowerCase().split(/\s+/).filter(Boolean).map(undot).join(" ");  /* "SEND" alone: its entry */
    if (ask && (new RegExp(ask.pattern, "i").test(query) || (ask.names || []).indexOf(whole) !== -1))
      out.push(ask.word + "^" + ask.boost);
    return out.join(" ");
  }

  /* A document's words for config.proximity (tests/test_search.py word_sequences()): each field item, and each
     stretch between HTML tags, as its words lower case, stop words left out, stemmed as lunr stems them. */
  function sequences(location) {
    return cache[location] || (cache[location] = blocks(documents[location] || {}, config.proximity.fields)
      .map(stemmed));
  }

  /* A stretch of text as its words lower case, stop words left out, stemmed. */
  function stemmed(block) {
    var stop = config.stop_words || [];
    return split(block, config.separator).map(function (word) { return word.toLowerCase(); })
      .filter(function (word) { return stop.indexOf(word) === -1; }).map(stem);
  }

  var stems = Object.create(null);
  function stem(word) {
    return stems[word] || (stems[word] = self.lunr.stemmer(new self.lunr.Token(word)).toString());
  }

  /* The setup message with each document given, in a "forms" field (config.forms), the other words of the index
     that lunr stems as it stems one of its own: "developed" then finds "Developing the framework" (test_search.py
     add_forms()). */
  function addForms(data) {
    var forms = data.config.forms, own = [], byStem = Object.create(null);
    (data.docs || []).forEach(function (doc) {
      var words = Object.create(null);
      blocks(doc, forms.fields).forEach(function (block) {
        split(block, data.config.separator).forEach(function (part) {
          var word = part.toLowerCase();
          if (word.length >= forms.min && /^[a-z]+$/.test(word)) words[word] = true;
        });
      });
      own.push(words);
      Object.keys(words).forEach(function (word) {
        var s = stem(word);
        (byStem[s] || (byStem[s] = Object.create(null)))[word] = true;
      });
    });
    var docs = (data.docs || []).map(function (doc, n) {
      var words = own[n], extra = Object.create(null);
      Object.keys(words).forEach(function (word) {
        Object.keys(byStem[stem(word)]).forEach(function (other) { if (!words[other]) extra[other] = true; });
      });
      var list = Object.keys(extra).sort();
      return list.length ? Object.assign({}, doc, { forms: list }) : doc;
    });
    var fields = Object.assign({}, data.config.fields, { forms: { boost: forms.boost } });
    return Object.assign({}, data, { docs: docs, config: Object.assign({}, data.config, { fields: fields }) });
  }

  /* The words of the query as prepare() left it, stemmed (test_search.py query_words()): not query syntax,
     stop words or the glossary's word a definition question adds. */
  function queryWords(prepared) {
    var ask = config.definition, added = ask ? ask.word + "^" + ask.boost : null, stop = config.stop_words || [];
    return prepared.split(/\s+/).filter(function (term) {
      return term && term.charAt(0) !== "-" && term !== added;
    }).map(function (term) { return term.replace(/^\++/, "").split(/[\^~*]/)[0].toLowerCase(); })
      .filter(function (word) { return word && stop.indexOf(word) === -1; }).map(stem);
  }

  /* The document's title as the query's words are compared (test_search.py title_words()). */
  function titleWords(location) {
    var key = "title " + location;
    return cache[key] || (cache[key] = [].concat.apply([], blocks(documents[location] || {}, ["title"]).map(stemmed)));
  }

  /* Every word of the title is in the query, a query word starting it (test_search.py titled()). */
  function titled(title, words) {
    return title.length > 0 && title.every(function (t) {
      return words.some(function (w) { return t.indexOf(w) === 0; });
    });
  }

  /* How many of the pairs the document has side by side, each word as the start of the document's, as
     Material's wildcard matches (test_search.py adjacent()). */
  function adjacent(pairs, seqs) {
    return pairs.filter(function (pair) {
      return seqs.some(function (seq) {
        for (var i = 1; i < seq.length; i++)
          if (seq[i - 1].indexOf(pair[0]) === 0 && seq[i].indexOf(pair[1]) === 0) return true;
        return false;
      });
    }).length;
  }

  /* Each result's score times 1 + config.proximity.boost times the share of the query's word pairs it has side
     by side, and times 1 + config.proximity.title if its title's words are all in the query; within a page,
     best first again. */
  function byProximity(data, prepared) {
    var words = queryWords(prepared), boost = config.proximity.boost;
    var pairs = words.slice(1).map(function (word, i) { return [words[i], word]; });
    if (!words.length) return data;
    var items = data.items.map(function (group) {
      return group.map(function (doc, n) {
        var score = doc.score || 0;
        if (pairs.length) score *= 1 + boost * adjacent(pairs, sequences(doc.location)) / pairs.length;
        if (titled(titleWords(doc.location), words)) score *= 1 + config.proximity.title;
        return { doc: Object.assign({}, doc, { score: score }), n: n };
      }).sort(function (a, b) { return b.doc.score - a.doc.score || a.n - b.n; })
        .map(function (item) { return item.doc; });
    });
    return Object.assign({}, data, { items: items });
  }

  /* The pages found, best first by their best result's score times the share of the query's words it matched
     (config.coverage: its power), not by score alone. */
  function byCoverage(data, power) {
    function weight(group) {
      return Math.max.apply(null, group.map(function (doc) {
        var terms = doc.terms || {}, names = Object.keys(terms);
        var found = names.filter(function (name) { return terms[name]; }).length / (names.length || 1);
        return (doc.score || 0) * (found ? Math.pow(found, power) : 0.01);
      }));
    }
    var items = data.items.map(function (group, n) { return { group: group, n: n, weight: weight(group) }; });
    items.sort(function (a, b) { return b.weight - a.weight || a.n - b.n; });
    return Object.assign({}, data, { items: items.map(function (item) { return item.group; }) });
  }

  // Material's worker answers with postMessage: a query's result (type 3) is reordered on its way out.
  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === 3 && config && message.data && message.data.items) {
      var data = message.data;
      if (config.proximity && self.lunr) data = byProximity(data, current);
      if (config.coverage) data = byCoverage(data, config.coverage);
      message = { type: 3, data: data };
    }
    return post.apply(self, [message].concat([].slice.call(arguments, 1)));
  };

  // Material's worker listens with addEventListener("message") and reads event.data: its listener gets the
  // setup message as sent (the index, from which the word lists are made) and each query rewritten.
  // current: the query being answered, as prepare() left it (the worker answers each query before it reads the
  // next); documents: the index's documents by location, whose words are made into sequences when first found
  var config = null, lists = null, current = "", documents = {}, cache = {}, listen = self.addEventListener;
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return listen.apply(self, arguments);
    return listen.call(self, type, function (ev) {
      var message = ev.data;
      if (message && message.type === 0) {                                          // SETUP
        if (message.data.config.forms && self.lunr) message = { type: 0, data: addForms(message.data) };
        config = message.data.config;
        if (config.fuzzy) lists = vocabulary(message.data);
        documents = {}; cache = {};
        (message.data.docs || []).forEach(function (doc) { documents[doc.location] = doc; });
      } else if (message && message.type === 2 && config) {                         // QUERY
        current = prepare(String(message.data), config, lists);
        message = { type: 2, data: current };
      }
      listener.call(self, new MessageEvent("message", { data: message }));
    }, options);
  };
  importScripts(new URLSearchParams(self.location.search).get("theme"));
})();
