// The copy button of the "Cite" block. The Clipboard API needs a secure context and the page's permission; from
// disk or in older browsers it may be missing or refuse, so the citation is then selected and copied with
// execCommand, or left selected for Ctrl+C. The status element announces what happened.
(function () {
  "use strict";

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copyBySelection(element) {
    selectText(element);
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  // Without this script the button could do nothing: it is shown only here.
  function showButtons() {
    document.querySelectorAll("[data-archive-copy]").forEach(function (button) { button.hidden = false; });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showButtons);
  else showButtons();

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-archive-copy]") : null;
    if (!button) return;
    var source = document.getElementById(button.getAttribute("data-archive-copy"));
    var status = button.parentNode.querySelector("[role=status]");
    if (!source) return;
    var text = source.textContent.replace(/\s+/g, " ").trim();

    function report(copied) {
      if (!copied) selectText(source);
      // Emptied first, so that the same message is announced again on a second press.
      status.textContent = "";
      window.setTimeout(function () {
        status.textContent = button.getAttribute(copied ? "data-copied" : "data-selected");
      }, 50);
    }

    function fallback() {
      report(copyBySelection(source));
    }

    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { report(true); }, fallback);
    } else {
      fallback();
    }
  });
})();
