/*
 * Material's search dialog for keyboard and screen-reader users (WCAG 2.1.1, 4.1.2, 4.1.3).
 *
 * - The dialog and its result list are named in the page's language (the names come from the gettext catalogs,
 *   as data attributes of this script's tag in overrides/main.html).
 * - The line above the results ("3 matching documents") is a status region: screen readers announce the count.
 * - Tab and Shift+Tab move between the search field and the results, in a cycle (Material closes the search on
 *   Tab, and its results are reachable only with the arrow keys, which still work).
 * - Escape on a result returns to the search field; Escape in the field closes the search, as before.
 */
(function () {
  var script = document.currentScript;
  var dialog = document.querySelector(".md-search[role=dialog]");
  var toggle = document.querySelector("[data-md-toggle=search]");
  if (!script || !dialog || !toggle) return;
  var input = dialog.querySelector(".md-search__input");
  var status = dialog.querySelector(".md-search-result__meta");
  var list = dialog.querySelector(".md-search-result__list");
  if (!input || !status || !list) return;

  dialog.setAttribute("aria-label", script.dataset.dialogLabel);
  list.id = "archive-search-results";
  list.setAttribute("aria-label", script.dataset.resultsLabel);
  status.id = "archive-search-status";
  status.setAttribute("role", "status");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-describedby", status.id);

  var MODIFIERS = ["Shift", "Control", "Alt", "AltGraph", "Meta", "CapsLock"];

  // What Tab visits: the field, then each result link (and "more results" toggles) as Material's arrows do.
  function stops() {
    var results = list.querySelectorAll(":not(details) > [href], summary, details[open] [href]");
    return [input].concat(Array.prototype.filter.call(results, function (element) {
      return element.getClientRects().length > 0;
    }));
  }

  // Capture phase on window: before Material's own key handler, which would close the search on Tab.
  window.addEventListener("keydown", function (event) {
    if (!toggle.checked || !dialog.contains(document.activeElement)) return;
    var all = stops();
    var at = all.indexOf(document.activeElement);
    // Material hands every other key to the search field, Shift too: Shift+Tab on a result would start there.
    if (MODIFIERS.indexOf(event.key) !== -1 && at > 0) {
      event.stopImmediatePropagation();
      return;
    }
    if ((event.key !== "Tab" && event.key !== "Escape") || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") {
      if (at <= 0) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      input.focus();
      return;
    }
    if (all.length < 2) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    all[(Math.max(at, 0) + (event.shiftKey ? all.length - 1 : 1)) % all.length].focus();
  }, true);
})();
