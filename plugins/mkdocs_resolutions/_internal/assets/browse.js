/* mkdocs-resolutions: sortable browse tables (progressive enhancement: the
 * tables are complete and ordered without script).  A header becomes a button;
 * cells sort by their data-sort attribute, else their text. */
(function () {
  "use strict";
  function key(cell) { return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim(); }
  function enhance(table) {
    if (table.dataset.sortReady) return;
    table.dataset.sortReady = "1";
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, col) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "res-browse__sort";
      b.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(b);
      b.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var a = key(r1.cells[col]), c = key(r2.cells[col]);
          return (a < c ? -1 : a > c ? 1 : 0) * (asc ? 1 : -1);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }
  function init() { document.querySelectorAll("table[data-sortable]").forEach(enhance); }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
