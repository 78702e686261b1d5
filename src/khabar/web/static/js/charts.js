// Draws the pages' charts with the vendored Chart.js, from the JSON the page
// carries in <script type="application/json" id="NAME-data"> (never inline code).
(function () {
  "use strict";
  var PALETTE = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989", "#0a7b83", "#6e7781"];
  window.khabarCharts = {};

  function read(id) {
    var node = document.getElementById(id + "-data");
    return node ? JSON.parse(node.textContent) : null;
  }

  function draw(id, kind) {
    var data = read(id);
    var canvas = document.getElementById(id);
    if (!data || !canvas || typeof Chart === "undefined") return null;
    Chart.defaults.font.family = "Vazirmatn, Tahoma, sans-serif";
    var datasets = data.series.map(function (s, i) {
      var colour = PALETTE[i % PALETTE.length];
      return {
        label: s.label, data: s.data.slice(), share: s.share || null, counts: s.data.slice(),
        borderColor: colour, backgroundColor: kind === "bar" ? colour : colour + "33",
        fill: kind === "line" && data.series.length === 1, tension: 0.25, pointRadius: 3
      };
    });
    var chart = new Chart(canvas, {
      type: kind,
      data: { labels: data.labels, datasets: datasets },
      options: {
        locale: "fa-IR", responsive: true, maintainAspectRatio: false, animation: false,
        interaction: { mode: "index", intersect: false },
        plugins: {
          legend: { rtl: true, textDirection: "rtl", display: data.series.length > 1 },
          tooltip: { rtl: true, textDirection: "rtl" }
        },
        // Right to left: time runs from right to left, the value axis stands on the right.
        scales: {
          x: { stacked: kind === "bar", reverse: true, offset: true },
          y: { stacked: kind === "bar", beginAtZero: true, position: "right", ticks: { precision: 0 } }
        }
      }
    });
    window.khabarCharts[id] = chart;
    return chart;
  }

  function modes(chart) {
    var buttons = document.querySelectorAll(".chart-tools [data-mode]");
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var share = button.getAttribute("data-mode") === "share";
        chart.data.datasets.forEach(function (d) {
          d.data = share && d.share ? d.share.map(function (v) { return Math.round(v * 1000) / 10; }) : d.counts.slice();
        });
        chart.options.scales.y.ticks.precision = share ? 1 : 0;
        chart.update();
        buttons.forEach(function (b) { b.classList.toggle("on", b === button); });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var attention = draw("attention", "line");
    if (attention) modes(attention);
    draw("timeline", "bar");
  });
})();
