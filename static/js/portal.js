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
