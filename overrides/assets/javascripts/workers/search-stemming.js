/*
 * Material's search worker, with what readers of this archive need around it.
 *
 * - Stemmed prefix queries. Material appends "*" to every query word (prefix search), and lunr skips stemming for
 *   such words: "Seminaren*" or "семинарами*" then never meet the stems "seminar" / "семинар" in the index. Each
 *   prefix word is stemmed before the lookup, so an inflected form finds every form of the word, and a prefix still
 *   finds longer words. ё typed in a query is read as е: the index holds е spellings of every ё word (the build
 *   adds them, see the core's search/spelling.py).
 * - Exact words first: each stemmed word is also looked up as a whole word, with a boost, so "Inklusion" puts the
 *   page about Inklusion above pages that only have longer words starting with it.
 * - Numbers: lunr's German and Russian trimmers strip digits, so "2012" found nothing. The index keeps them.
 * - Honest results: Material marks a query word as missing on a result when no indexed word starts with the word
 *   as typed, which a stemmed match never does ("Es fehlt: selbsthilfe" on the Selbsthilfe page), and links the
 *   result with only the words it found. A result found by a word's stem counts as containing the word, and its
 *   link highlights the typed word and its stem.
 *
 * This wrapper loads Material's own worker (its file name comes after "#" in this script's URL, see
 * overrides/main.html). It works as a real worker on a server and inside Material's iframe-worker shim when the
 * site is opened from disk.
 */
(function () {
  var own = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : self.location.href;
  var worker = decodeURIComponent(own.split("#")[1] || "").split("?")[0];
  var folder = own.split("#")[0].split("?")[0];
  folder = folder.slice(0, folder.lastIndexOf("/") + 1);

  var RESULT = 3;  // Material's SearchMessageType.RESULT
  var EXACT_BOOST = 10;
  // Material turns off lunr's field-length normalisation (b = 0): then "Moskau" matches the place Moskau no better
  // than every "… der Stadt Moskau". lunr's default weighs a match in a short title or name above one in a long one.
  var FIELD_LENGTH_WEIGHT = 0.75;
  var UMLAUTS = [[/ae/g, "ä"], [/oe/g, "ö"], [/ue/g, "ü"]];
  var asked = [];  // the prefix words of the last query: {word: as typed, stem: what was looked up}

  // A trimmer like lunr's, but one that keeps digits: years are what readers look up.
  function keepDigits(pipeline) {
    var letters = "A-Za-z0-9";
    Object.keys(lunr).forEach(function (name) {
      var language = lunr[name];
      if (language && typeof language.wordCharacters === "string") letters += language.wordCharacters;
    });
    var trimmer = lunr.trimmerSupport.generateTrimmer(letters);
    trimmer.label = "archive-trimmer";
    pipeline._stack = pipeline._stack.map(function (fn) {
      return /trimmer/.test(fn.label || "") ? trimmer : fn;
    });
  }

  function patchLunr() {
    // Fields are declared after the language pipelines are set and before any document is added.
    var field = lunr.Builder.prototype.field;
    lunr.Builder.prototype.field = function () {
      if (!this.archiveDigitsKept) {
        this.archiveDigitsKept = true;
        keepDigits(this.pipeline);
        this.b(FIELD_LENGTH_WEIGHT);
      }
      return field.apply(this, arguments);
    };

    var query = lunr.Index.prototype.query;
    lunr.Index.prototype.query = function (build) {
      var pipeline = this.pipeline;
      var words = [];
      var results = query.call(this, function (q) {
        build.call(q, q);
        var exact = [];
        q.clauses.forEach(function (clause) {
          var term = clause.term;
          if (term.indexOf("ё") !== -1) clause.term = term.replace(/ё/g, "е");
          if (clause.usePipeline || term.indexOf("*") !== term.length - 1 || term.length < 2 || term[0] === "*") return;
          var word = term.slice(0, -1);
          var stems = pipeline.runString(word.replace(/ё/g, "е"), { fields: clause.fields });
          var stem = stems.length === 1 && stems[0] ? stems[0] : word.replace(/ё/g, "е");
          clause.term = stem + "*";
          words.push({ word: word, stem: stem });
          exact.push({ term: stem, fields: clause.fields });
        });
        exact.forEach(function (clause) {
          q.term(clause.term, { fields: clause.fields, boost: EXACT_BOOST, usePipeline: false });
        });
      });
      // Material counts a word as found where an indexed word starts with it as typed: name the typed word
      // wherever its stem matched (with no positions, so nothing else changes).
      results.forEach(function (result) {
        var metadata = result.matchData.metadata;
        Object.keys(metadata).forEach(function (found) {
          words.forEach(function (asked) {
            if (found.indexOf(asked.stem) === 0 && !(asked.word in metadata)) metadata[asked.word] = {};
          });
        });
      });
      asked = words;
      return results;
    };
  }

  // The words a result's link highlights on the opened page: each typed word found, its stem, and the typed
  // word with ae/oe/ue written as umlauts again ("Boehning" marks "Böhning").
  function highlightStems(message) {
    if (!message || message.type !== RESULT || !message.data || !message.data.items) return message;
    message.data.items.forEach(function (group) {
      // Material adds a page whose sections matched with no words of its own: it links with the sections' words.
      var found = {};
      group.forEach(function (item) {
        Object.keys(item.terms || {}).forEach(function (word) { if (item.terms[word]) found[word] = true; });
      });
      group.forEach(function (item) {
        if (!item.terms) return;
        if (!Object.keys(item.terms).length) item.terms = Object.assign({}, found);
        asked.forEach(function (asked) {
          if (item.terms[asked.word] !== true) return;
          var spelled = UMLAUTS.reduce(function (word, rule) { return word.replace(rule[0], rule[1]); }, asked.word);
          [asked.stem, spelled].forEach(function (form) {
            if (form && !(form in item.terms)) item.terms[form] = true;
          });
        });
      });
    });
    return message;
  }

  var post = self.postMessage;
  self.postMessage = function (message) {
    var rest = Array.prototype.slice.call(arguments, 1);
    return post.apply(self, [highlightStems(message)].concat(rest));
  };

  var loading = importScripts(folder + worker);
  if (loading && typeof loading.then === "function") loading.then(patchLunr);
  else patchLunr();
})();
