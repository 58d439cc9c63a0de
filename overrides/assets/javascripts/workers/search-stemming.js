/*
 * Material's search worker, with stemming for the words a reader types.
 *
 * Material appends "*" to every query word (prefix search), and lunr skips stemming for such words: "Seminaren*" or
 * "семинарами*" then never meet the stems "seminar" / "семинар" in the index. This wrapper loads Material's own worker
 * (its file name comes after "#" in this script's URL, see overrides/main.html) and stems each prefix word before
 * the lookup, so an inflected form finds every form of the word, and a prefix still finds longer words.
 * Works as a real worker on a server and inside Material's iframe-worker shim when the site is opened from disk.
 */
(function () {
  var own = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : self.location.href;
  var worker = decodeURIComponent(own.split("#")[1] || "").split("?")[0];
  var folder = own.split("#")[0].split("?")[0];
  folder = folder.slice(0, folder.lastIndexOf("/") + 1);

  function stemPrefixQueries() {
    var query = lunr.Index.prototype.query;
    lunr.Index.prototype.query = function (build) {
      var pipeline = this.pipeline;
      return query.call(this, function (q) {
        build.call(q, q);
        q.clauses.forEach(function (clause) {
          var term = clause.term;
          if (clause.usePipeline || term.indexOf("*") !== term.length - 1 || term.length < 2) return;
          var stems = pipeline.runString(term.slice(0, -1), { fields: clause.fields });
          if (stems.length === 1 && stems[0]) clause.term = stems[0] + "*";
        });
      });
    };
  }

  var loading = importScripts(folder + worker);
  if (loading && typeof loading.then === "function") loading.then(stemPrefixQueries);
  else stemPrefixQueries();
})();
