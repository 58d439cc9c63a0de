/*
 * Keyboard (and pointer) access to three header controls of Material.
 *
 * Menu: Material opens the navigation drawer (narrow windows and strong zoom, below 76.25em) with a
 * <label for="__drawer">, which the keyboard can neither reach nor press, and a label may not take the button role.
 * A real <button> takes its place: Enter or Space opens the drawer and moves focus into it, Escape closes it and
 * returns focus to the button. Its name comes from the <script> tag (translated in overrides/main.html). The closed
 * drawer's links are hidden from focus in accessibility.css.
 *
 * Language: Material's language list opens only on hover or focus. Its button now opens and closes it, says so in
 * aria-expanded, and Escape or leaving the selector closes it (accessibility.css keeps it closed otherwise).
 *
 * Colour scheme: the buttons of overrides/partials/palette.html choose Material's hidden radio button of the
 * other scheme; Material then shows the other button, which takes the focus.
 */
(function () {
  "use strict";
  var script = document.currentScript;

  function menu() {
    var drawer = document.getElementById("__drawer");
    var label = document.querySelector('label.md-header__button[for="__drawer"]');
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (!drawer || !label || !sidebar) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " archive-menu-button";
    button.setAttribute("aria-label", script && script.dataset.menuLabel || "Menu");
    while (label.firstChild) {
      button.appendChild(label.firstChild);
    }
    label.parentNode.replaceChild(button, label);

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

    button.addEventListener("click", function (event) {
      toggle(!drawer.checked);
      // Opened from the keyboard (a click without pointer position): focus moves into the drawer.
      if (drawer.checked && event.detail === 0) {
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
  }

  function languages() {
    var select = document.querySelector(".md-header .md-select");
    var button = select && select.querySelector(":scope > button");
    var list = select && select.querySelector(".md-select__inner");
    if (!button || !list) {
      return;
    }
    list.id = list.id || "archive-languages";
    select.setAttribute("data-archive-select", "");
    button.type = "button";
    button.setAttribute("aria-controls", list.id);

    function show(open) {
      select.classList.toggle("archive-select--open", open);
      button.setAttribute("aria-expanded", String(open));
    }

    show(false);
    button.addEventListener("click", function () {
      show(button.getAttribute("aria-expanded") !== "true");
    });
    select.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        event.stopPropagation();
        show(false);
        button.focus();
      }
    });
    select.addEventListener("focusout", function (event) {
      if (!select.contains(event.relatedTarget)) {
        show(false);
      }
    });
  }

  function palette() {
    var buttons = document.querySelectorAll("[data-archive-palette-target]");
    Array.prototype.forEach.call(buttons, function (button) {
      var target = document.getElementById(button.getAttribute("data-archive-palette-target"));
      if (!target) {
        return;
      }
      // Material switches on Enter anywhere in its form; the button's own click does it here, once.
      button.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          event.stopPropagation();
        }
      });
      button.addEventListener("click", function () {
        target.click();
        var shown = target.nextElementSibling;
        if (shown && shown !== button) {
          // Material unhides the other button once it has seen the change.
          window.requestAnimationFrame(function () {
            shown.focus();
          });
        }
      });
    });
  }

  menu();
  languages();
  palette();
})();
