// Confirmation before destructive actions: buttons with data-confirm ask first.
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  var message = button && button.getAttribute("data-confirm");
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// The user form: only the scope fields the chosen role uses (region, municipality or school) are
// shown, the one it needs marked required; the others are hidden from sight, keyboard and screen
// readers. Without script every field shows and the server keeps only what the role uses.
document.querySelectorAll("select[data-scope-fields]").forEach(function (role) {
  var shownFor = JSON.parse(role.getAttribute("data-scope-fields"));
  var requiredFor = JSON.parse(role.getAttribute("data-scope-required"));
  function show() {
    ["region_id", "municipality_id", "school_id"].forEach(function (name) {
      var input = role.form.elements[name];
      if (!input) { return; }
      input.closest(".mb-3").hidden = (shownFor[role.value] || []).indexOf(name) < 0;
      input.setAttribute("aria-required", requiredFor[role.value] === name ? "true" : "false");
    });
  }
  role.addEventListener("change", show);
  show();
});

// A table wider than its box scrolls inside it; the box takes keyboard focus then, so the arrow
// keys scroll it for those who do not use a mouse.
function focusScrollingTables() {
  document.querySelectorAll(".table-responsive").forEach(function (box) {
    if (box.scrollWidth > box.clientWidth) {
      box.setAttribute("tabindex", "0");
    } else {
      box.removeAttribute("tabindex");
    }
  });
}
focusScrollingTables();
window.addEventListener("resize", focusScrollingTables);
