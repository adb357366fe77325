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
// The plan tree opens a measure's projects in place: the link's page is fetched and the measure's branch taken from
// it. Without script the link opens that page with the branch open.
document.addEventListener("click", function (event) {
  var link = event.target.closest("a[data-expand]");
  if (!link) { return; }
  event.preventDefault();
  var id = link.getAttribute("data-expand");
  link.setAttribute("aria-busy", "true");
  fetch(link.href, { credentials: "same-origin" })
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
    .then(function (html) {
      var loaded = new DOMParser().parseFromString(html, "text/html").getElementById(id);
      var here = document.getElementById(id);
      if (!loaded || !here) { throw new Error("missing"); }
      here.replaceWith(document.importNode(loaded, true));
      var first = document.querySelector("#" + id + " ul a");
      if (first) { first.focus(); }
    })
    .catch(function () { window.location.href = link.href; });
});
