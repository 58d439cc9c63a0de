/* Timeline filters (progressive enhancement): the timeline is complete without this script. It shows the
   filter form, hides entries that do not match the chosen kind and topic, hides years left empty, and announces
   the number of entries shown in the form's aria-live region, with the plural form from the gettext catalog
   for the CLDR plural category (the page carries one message per category). */
(function () {
  "use strict";

  function setUp(form) {
    var timeline = document.querySelector("[data-archive-timeline]");
    var status = document.querySelector("[data-archive-filter-status]");
    if (!timeline || !status) {
      return;
    }
    var lang = document.documentElement.lang || "en";
    var rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;
    var entries = Array.prototype.slice.call(timeline.querySelectorAll("[data-kind]"));
    var years = Array.prototype.slice.call(timeline.querySelectorAll("section[data-year]"));
    var jumps = Array.prototype.slice.call(document.querySelectorAll("[data-archive-jump] [data-year]"));

    function message(count) {
      var category = rules ? rules.select(count) : "other";
      var template = status.getAttribute("data-message-" + category) ||
        status.getAttribute("data-message-other") || status.getAttribute("data-message-many") || "{n}";
      return template.replace("{n}", count.toLocaleString(lang));
    }

    function apply() {
      var kind = form.elements.kind.value;
      var topic = form.elements.topic.value;
      var shown = 0;
      var visibleYears = {};
      entries.forEach(function (entry) {
        var topics = (entry.getAttribute("data-topics") || "").split(" ");
        var match = (!kind || entry.getAttribute("data-kind") === kind) && (!topic || topics.indexOf(topic) >= 0);
        entry.hidden = !match;
        if (match) {
          shown += 1;
          visibleYears[entry.closest("section[data-year]").getAttribute("data-year")] = true;
        }
      });
      years.concat(jumps).forEach(function (item) {
        item.hidden = !visibleYears[item.getAttribute("data-year")];
      });
      status.textContent = message(shown);
    }

    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
    });
    form.addEventListener("reset", function () {
      window.setTimeout(apply, 0); // the form's values change after the reset event
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-archive-filter]"), setUp);
})();
