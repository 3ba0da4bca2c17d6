// Draws every chart of the page from its JSON in data-figure (CSP: no inline scripts); the
// figure's config comes from tracker/charts.py, the language and the button's name from the page.
document.addEventListener("DOMContentLoaded", function () {
  var locale = document.documentElement.lang === "ru" ? "ru" : "en";
  document.querySelectorAll("[data-figure]").forEach(function (element) {
    var figure = JSON.parse(element.getAttribute("data-figure"));
    var config = Object.assign({}, figure.config, {locale: locale});
    var download = element.getAttribute("data-download-label");
    if (download) {
      var dictionary = {"Download plot as a PNG": download, "Download plot": download};
      config.locales = {}; config.locales[locale] = {dictionary: dictionary};
    }
    Plotly.newPlot(element, figure.data, figure.layout, config);
  });
});
