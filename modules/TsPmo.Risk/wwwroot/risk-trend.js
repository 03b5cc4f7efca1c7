// Score trend of one risk (Chart.js 4, loaded before this file). The server renders the data as JSON in
// #risk-trend-data and a table alternative; this only draws. Dashes and point shapes tell the lines apart without colour.
(function () {
    'use strict';
    var source = document.getElementById('risk-trend-data');
    var canvas = document.getElementById('risk-trend');
    var Chart = window.Chart;
    if (!source || !canvas || !Chart) return;
    var data = JSON.parse(source.textContent);
    if (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) Chart.defaults.animation = false;
    new Chart(canvas, {
        type: 'line',
        data: {
            labels: data.labels,
            datasets: [
                { label: 'Score', data: data.score, borderColor: '#b02a37', backgroundColor: '#b02a37', pointStyle: 'circle', pointRadius: 4 },
                { label: 'Residual score', data: data.residual, borderColor: '#0b5394', backgroundColor: '#0b5394', borderDash: [6, 4], pointStyle: 'rect', pointRadius: 4 }
            ]
        },
        options: {
            maintainAspectRatio: false,
            scales: { y: { min: 0, max: 25, title: { display: true, text: 'Score (probability × impact)' } } },
            plugins: { legend: { labels: { usePointStyle: true, color: '#212529' } } }
        }
    });
})();
