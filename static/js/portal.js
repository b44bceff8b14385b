// Small enhancements; every page works without them.
(function () {
  "use strict";

  // The error summary: focus it so that it is read first, and let its links put the
  // cursor in the field (not only scroll to it), with the field's label in view.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) return;
      var input = document.getElementById(link.getAttribute("href").slice(1));
      if (!input) return;
      event.preventDefault();
      var anchor = input.closest("fieldset") || input.closest(".field") || input;
      anchor.scrollIntoView();
      input.focus({ preventScroll: true });
    });
  }
})();

// A first visit in another language than the browser prefers: offer the page in that language,
// once. The address, not the browser, decides a page's language, so pages stay linkable and cacheable.
(function () {
  "use strict";
  var box = document.querySelector("[data-language-suggestion]");
  if (!box) return;
  var KEY = "spot:language-suggested";
  try {
    if (window.localStorage.getItem(KEY)) return;
  } catch (error) {
    return;
  }
  var current = document.documentElement.lang.toLowerCase();
  var wanted = null;
  (navigator.languages || [navigator.language || ""]).some(function (tag) {
    tag = tag.toLowerCase();
    var code = null;
    if (tag === "zh" || tag === "zh-cn" || tag === "zh-sg" || tag.indexOf("zh-hans") === 0) code = "zh-hans";
    else if (tag.indexOf("zh") === 0) code = "";
    else code = tag.split("-")[0];
    if (code === "" ) return false;
    if (code === current) return true;
    if (box.querySelector('[data-language="' + code + '"]')) {
      wanted = code;
      return true;
    }
    return false;
  });
  window.localStorage.setItem(KEY, "1");
  if (!wanted) return;
  box.querySelector('[data-language="' + wanted + '"]').hidden = false;
  box.hidden = false;
  box.querySelector("[data-dismiss]").addEventListener("click", function () {
    box.hidden = true;
  });
})();
