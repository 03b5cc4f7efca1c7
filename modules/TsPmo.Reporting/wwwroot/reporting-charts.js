// Reporting charts (Chart.js 4, loaded before this file). The server renders every figure as a table too; this script
// only draws the canvases that carry their data in a data-chart attribute: {type, labels, datasets:[{label,data,color}], stacked, horizontal}.
(function () {
    'use strict';
    var Chart = window.Chart;
    if (!Chart) return;
    if (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) Chart.defaults.animation = false;
    Chart.defaults.color = '#212529';
    Chart.defaults.maintainAspectRatio = false;
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        if (canvas.dataset.drawn) return;
        canvas.dataset.drawn = '1';
        var spec = JSON.parse(canvas.getAttribute('data-chart'));
        var horizontal = !!spec.horizontal;
        new Chart(canvas, {
            type: spec.type || 'bar',
            data: {
                labels: spec.labels,
                datasets: spec.datasets.map(function (d) {
                    return { label: d.label, data: d.data, backgroundColor: d.color, borderColor: d.border || '#212529', borderWidth: 1 };
                })
            },
            options: {
                indexAxis: horizontal ? 'y' : 'x',
                plugins: { legend: { display: spec.datasets.length > 1 || spec.type === 'doughnut', position: 'bottom' } },
                scales: spec.type === 'doughnut' ? {} : {
                    x: { stacked: !!spec.stacked, beginAtZero: true, ticks: { precision: 0 } },
                    y: { stacked: !!spec.stacked, beginAtZero: true, ticks: { precision: 0 } }
                }
            }
        });
    });
})();
