// Small page helpers: the CSRF header for htmx requests, the analyst's name on review forms.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="csrf-token"]');
  document.addEventListener("htmx:configRequest", function (event) {
    if (meta) { event.detail.headers["X-CSRF-Token"] = meta.content; }
  });
  // The top bar's suggestions: arrows move through them, Escape or a click elsewhere closes.
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("quick-q"), list = document.getElementById("quick-results");
    if (!box || !list) { return; }
    var closedAt = null;  // the text the list was closed at: answers for it stay closed
    function items() { return Array.prototype.slice.call(list.querySelectorAll("a.suggest-item")); }
    function close() { list.innerHTML = ""; closedAt = box.value; }
    box.addEventListener("input", function () { closedAt = null; });
    box.addEventListener("mousedown", function () { closedAt = null; });
    document.addEventListener("htmx:beforeSwap", function (event) {
      if (event.detail.target === list && closedAt !== null && closedAt === box.value) {
        event.detail.shouldSwap = false;
      }
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { close(); return; }
      if (event.key === "ArrowDown" && items().length) { event.preventDefault(); items()[0].focus(); }
    });
    list.addEventListener("keydown", function (event) {
      var all = items(), at = all.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && at < all.length - 1) { event.preventDefault(); all[at + 1].focus(); }
      if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? all[at - 1] : box).focus(); }
      if (event.key === "Escape") { close(); box.focus(); }
    });
    document.addEventListener("click", function (event) {
      if (!list.contains(event.target) && event.target !== box) { close(); }
    });
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
