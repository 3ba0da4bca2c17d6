// While an import is being written, show how far it got (the server writes its progress).
(function () {
  var form = document.getElementById("import-confirm");
  if (!form) { return; }
  form.addEventListener("submit", function () {
    var bar = document.getElementById("import-progress");
    var text = document.getElementById("import-progress-text");
    bar.classList.remove("d-none");
    text.classList.remove("d-none");
    form.querySelector("button").disabled = true;
    window.setInterval(function () {
      fetch(form.getAttribute("data-progress-url"), {credentials: "same-origin"})
        .then(function (response) { return response.json(); })
        .then(function (state) {
          if (!state.total) { return; }
          var share = Math.round(100 * state.done / state.total);
          bar.firstElementChild.style.width = share + "%";
          text.textContent = state.done + " / " + state.total;
        })
        .catch(function () {});
    }, 500);
  });
})();
