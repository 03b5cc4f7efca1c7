// Earned value S-curve (Chart.js 4, loaded before this file). The server renders the figures, caption and table and
// puts the data in #evm-data; this script only draws. Line styles and point shapes carry the series, not colour alone.
(function () {
    'use strict';
    var source = document.getElementById('evm-data');
    var canvas = document.getElementById('evm-chart');
    var Chart = window.Chart;
    if (!source || !canvas || !Chart) return;
    var data = JSON.parse(source.textContent);
    var INK = { text: '#212529', grid: '#dee2e6', pv: '#0b5394', ev: '#1e6b34', ac: '#b02a37', status: '#a04f00' };
    if (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) Chart.defaults.animation = false;
    Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
    Chart.defaults.font.size = 13;
    Chart.defaults.color = INK.text;
    Chart.defaults.borderColor = INK.grid;
    var money = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
    var statusIndex = data.days.indexOf(data.statusDate);

    // A dashed vertical line at the status date, labelled at the top.
    var statusLine = {
        id: 'statusLine',
        afterDatasetsDraw: function (chart) {
            if (statusIndex < 0) return;
            var x = chart.scales.x.getPixelForValue(statusIndex);
            var area = chart.chartArea;
            var ctx = chart.ctx;
            ctx.save();
            ctx.strokeStyle = INK.status;
            ctx.lineWidth = 2;
            ctx.setLineDash([5, 3]);
            ctx.beginPath();
            ctx.moveTo(x, area.top);
            ctx.lineTo(x, area.bottom);
            ctx.stroke();
            ctx.setLineDash([]);
            ctx.fillStyle = INK.status;
            ctx.font = '600 12px ' + Chart.defaults.font.family;
            ctx.textAlign = x > area.right - 90 ? 'right' : 'left';
            ctx.fillText('Status date', x + (ctx.textAlign === 'left' ? 5 : -5), area.top + 12);
            ctx.restore();
        }
    };

    new Chart(canvas, {
        type: 'line',
        data: {
            labels: data.days,
            datasets: [
                { label: 'Planned value (PV)', data: data.pv, borderColor: INK.pv, backgroundColor: INK.pv, borderWidth: 2.5, pointRadius: 0, tension: 0 },
                { label: 'Earned value (EV)', data: data.ev, borderColor: INK.ev, backgroundColor: INK.ev, showLine: true, spanGaps: true, borderDash: [6, 4],
                  pointStyle: 'rectRot', pointRadius: 7, pointHoverRadius: 8 },
                { label: 'Actual cost (AC)', data: data.ac, borderColor: INK.ac, backgroundColor: INK.ac, showLine: true, spanGaps: true, borderDash: [2, 3],
                  pointStyle: 'triangle', pointRadius: 7, pointHoverRadius: 8 }
            ]
        },
        options: {
            maintainAspectRatio: false,
            interaction: { mode: 'index', intersect: false },
            plugins: {
                legend: { position: 'top', labels: { usePointStyle: true } },
                tooltip: { callbacks: { label: function (item) { return item.raw == null ? null : item.dataset.label + ': ' + money.format(item.raw); } } }
            },
            scales: {
                x: { title: { display: true, text: 'Day', font: { weight: '600' } }, ticks: { maxTicksLimit: 12, autoSkip: true } },
                y: { beginAtZero: true, title: { display: true, text: 'Cumulative value', font: { weight: '600' } },
                     ticks: { callback: function (v) { return money.format(v); } } }
            }
        },
        plugins: [statusLine]
    });
})();
