// Small page helpers: the CSRF header for htmx requests, the analyst's name on review forms.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="csrf-token"]');
  document.addEventListener("htmx:configRequest", function (event) {
    if (meta) { event.detail.headers["X-CSRF-Token"] = meta.content; }
  });
  document.addEventListener("DOMContentLoaded", function () {
    var input = document.getElementById("analyst");
    if (!input) { return; }
    try { input.value = localStorage.getItem("oxus.analyst") || ""; } catch (e) { /* storage off */ }
    input.addEventListener("change", function () {
      try { localStorage.setItem("oxus.analyst", input.value); } catch (e) { /* storage off */ }
    });
    document.addEventListener("submit", function (event) {
      var field = event.target.querySelector(".analyst-field");
      if (field) { field.value = input.value; }
    }, true);
  });
})();
