/*
 * Keyboard access to Material's navigation drawer (narrow windows and strong zoom, below 76.25em).
 *
 * Material opens the drawer with a <label for="__drawer">, which the keyboard can neither reach nor press, and the
 * closed drawer's links still take focus while off screen (accessibility.css hides them). Here the menu label
 * becomes a button: Tab reaches it, Enter or Space opens the drawer and moves focus into it, Escape closes it and
 * returns focus to the button. Its name comes from the <script> tag (translated in overrides/main.html).
 */
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var button = document.querySelector('label.md-header__button[for="__drawer"]');
  var sidebar = document.querySelector(".md-sidebar--primary");
  var script = document.currentScript;
  if (!drawer || !button || !sidebar) {
    return;
  }
  button.tabIndex = 0;
  button.setAttribute("role", "button");
  button.setAttribute("aria-label", script && script.dataset.menuLabel || "Menu");

  function sync() {
    button.setAttribute("aria-expanded", String(drawer.checked));
  }

  function toggle(open) {
    if (drawer.checked !== open) {
      drawer.checked = open;
      drawer.dispatchEvent(new Event("change", { bubbles: true }));
    }
    sync();
  }

  drawer.addEventListener("change", sync);
  sync();

  button.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") {
      return;
    }
    event.preventDefault();
    toggle(!drawer.checked);
    if (drawer.checked) {
      var first = sidebar.querySelector("a[href], [tabindex='0']");
      if (first) {
        first.focus();
      }
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked) {
      toggle(false);
      button.focus();
    }
  });
})();
