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
