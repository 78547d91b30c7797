// The "as of" slider on the network and map: a month slider that fills the form's hidden
// as_of field (YYYY-MM-01) and reapplies the filters; unchecked, the field is empty and
// everything reported is shown. ?as_of=YYYY-MM-DD in the address presets it.
(function () {
  "use strict";
  function pad(n) { return (n < 10 ? "0" : "") + n; }

  document.querySelectorAll(".asof").forEach(function (box) {
    var form = box.closest("form");
    var range = box.querySelector("input[type=range]");
    var check = box.querySelector("input[type=checkbox]");
    var out = box.querySelector("output");
    var field = form.querySelector("input[name=as_of]");
    var first = parseInt(box.getAttribute("data-first"), 10);
    var now = new Date();
    range.min = 0;
    range.max = (now.getFullYear() - first) * 12 + now.getMonth();

    function dateOf(value) {
      var months = parseInt(value, 10);
      return (first + Math.floor(months / 12)) + "-" + pad(months % 12 + 1) + "-01";
    }
    function monthsOf(date) {
      var parts = date.split("-");
      return (parseInt(parts[0], 10) - first) * 12 + (parseInt(parts[1] || "1", 10) - 1);
    }
    function sync() {
      out.textContent = check.checked ? dateOf(range.value) : "all reporting";
      range.disabled = !check.checked;
      field.value = check.checked ? dateOf(range.value) : "";
    }
    var preset = new URLSearchParams(window.location.search).get("as_of");
    if (preset && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(preset)) {
      check.checked = true;
      range.value = Math.max(0, Math.min(range.max, monthsOf(preset)));
    } else {
      range.value = range.max;
    }
    sync();
    range.addEventListener("input", sync);
    range.addEventListener("change", function () { sync(); form.requestSubmit(); });
    check.addEventListener("change", function () { sync(); form.requestSubmit(); });
    window.oxusAsOf = { set: function (date) { check.checked = true; range.value = monthsOf(date); sync(); form.requestSubmit(); } };
  });
})();
