(function () {
  "use strict";
  var form = document.getElementById("filters");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#all-events tbody tr"));
  var shown = document.getElementById("shown");
  var hint = form.querySelector(".hint");
  if (hint) { hint.hidden = true; }
  var params = new URLSearchParams(location.hash.slice(1));
  params.forEach(function (value, name) {
    if (form.elements[name]) { form.elements[name].value = value; }
  });
  function get(name) { return form.elements[name].value.trim(); }
  function apply() {
    var type = get("type"), status = get("status"), country = get("country");
    var party = get("party").toLowerCase(), from = get("from"), to = get("to");
    var count = 0;
    rows.forEach(function (row) {
      var d = row.dataset;
      var keep = (!type || d.type === type)
        && (!status || d.status === status)
        && (!country || (" " + d.countries + " ").indexOf(" " + country + " ") >= 0)
        && (!party || d.parties.indexOf(party) >= 0)
        && (!from || (d.to !== "" && d.to >= from))
        && (!to || (d.from !== "" && d.from <= to));
      row.hidden = !keep;
      if (keep) { count += 1; }
    });
    shown.textContent = String(count);
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  apply();
})();
