// Forms (or their submit buttons) marked data-confirm ask before a destructive submit.
// Kept in a file: the CSP allows no inline script.
document.addEventListener("submit", function (event) {
  var message = (event.submitter && event.submitter.getAttribute("data-confirm")) || event.target.getAttribute("data-confirm");
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
// Print buttons.
document.addEventListener("click", function (event) {
  var el = event.target.closest("[data-print]");
  if (el) { window.print(); }
});
// Tables marked table-cards become one card per row on a phone: each cell is labelled with its column's heading.
// Without script the table stays a table that scrolls in its own box.
document.querySelectorAll("table.table-cards").forEach(function (table) {
  var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent.trim(); });
  table.querySelectorAll("tbody tr").forEach(function (tr) {
    Array.prototype.forEach.call(tr.children, function (cell, i) {
      if (heads[i] && !cell.hasAttribute("data-label")) { cell.setAttribute("data-label", heads[i]); }
    });
  });
  table.classList.add("cards-ready");
});
