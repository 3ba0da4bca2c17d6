// Draws every Plotly figure on the page from its JSON in data-figure (CSP: no inline scripts).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-figure]").forEach(function (element) {
    var figure = JSON.parse(element.getAttribute("data-figure"));
    Plotly.newPlot(element, figure.data, figure.layout,
                   {responsive: true, displaylogo: false, locale: "ru"});
  });
});
