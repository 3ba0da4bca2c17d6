// Draws every chart of the page from its JSON in data-figure (CSP: no inline scripts); the
// figure's config comes from tracker/charts.py, the language and the button's name from the page.
// The chart bundle (data-bundles of this script's tag) is fetched only when a chart is needed:
// at once when one is on the screen, otherwise once the page has loaded. Charts on the screen
// are drawn first, the others when they come near it or, one by one, when the browser is idle.
(function () {
  var script = document.currentScript;
  var bundles = (script.getAttribute("data-bundles") || "").split(" ").filter(Boolean);
  var locale = document.documentElement.lang === "ru" ? "ru" : "en";
  var loading = null;

  function loadBundles() {
    if (loading) return loading;
    loading = bundles.reduce(function (previous, url) {
      return previous.then(function () {
        return new Promise(function (resolve, reject) {
          var tag = document.createElement("script");
          tag.src = url; tag.onload = resolve; tag.onerror = reject;
          document.head.appendChild(tag);
        });
      });
    }, Promise.resolve());
    return loading;
  }

  function draw(element) {
    if (element.hasAttribute("data-drawn")) return;
    element.setAttribute("data-drawn", "");
    var figure = JSON.parse(element.getAttribute("data-figure"));
    var config = Object.assign({}, figure.config, {locale: locale});
    var download = element.getAttribute("data-download-label");
    if (download) {
      config.locales = {};
      config.locales[locale] = {dictionary: {"Download plot as a PNG": download,
                                             "Download plot": download}};
    }
    Plotly.newPlot(element, figure.data, figure.layout, config);
  }

  function start() {
    var charts = Array.prototype.slice.call(document.querySelectorAll("[data-figure]"));
    if (!charts.length) return;
    var idle = window.requestIdleCallback || function (callback) { return setTimeout(callback, 50); };
    var observer = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        observer.unobserve(entry.target);
        loadBundles().then(function () { draw(entry.target); });
      });
    }, {rootMargin: "200px"}) : null;
    function drawNext() {
      var element = charts.filter(function (e) { return !e.hasAttribute("data-drawn"); })[0];
      if (!element) return;
      if (observer) observer.unobserve(element);
      draw(element);
      idle(drawNext);
    }
    function drawRest() { loadBundles().then(function () { idle(drawNext); }); }
    if (observer) charts.forEach(function (element) { observer.observe(element); });
    if (document.readyState === "complete") drawRest();
    else window.addEventListener("load", drawRest);
    window.addEventListener("beforeprint", function () {
      if (window.Plotly) charts.forEach(draw);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
