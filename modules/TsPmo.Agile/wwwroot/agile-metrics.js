// Flow metrics charts (Chart.js 4, loaded before this file). The server renders the figures, captions, tables
// and empty states, and the data as JSON in #flow-data; this script only draws into the canvases it finds.
// Shapes, dashes and direct labels carry every distinction, so no reading depends on colour alone.
(function () {
    'use strict';
    var source = document.getElementById('flow-data');
    var Chart = window.Chart;
    if (!source || !Chart) return;
    var data = JSON.parse(source.textContent);

    // Dark inks: each at least 4.5:1 on white, so marks and labels stay visible (WCAG 1.4.11).
    var INK = { text: '#212529', grid: '#dee2e6', blue: '#0b5394', orange: '#a04f00', red: '#b02a37', line: '#343a40' };
    // Cumulative flow bands in board order: a light fill (the band) with a dark edge (where it ends).
    var BAND_FILL = ['#e9ecef', '#cfe2ff', '#ffe5c2', '#e2d9f3', '#c9eef2', '#f8d7da', '#d1e7dd'];
    var BAND_EDGE = ['#495057', '#0b5394', '#a04f00', '#6f42c1', '#0f6674', '#b02a37', '#1e6b34'];
    var DAY_MS = 86400000;

    if (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) Chart.defaults.animation = false;
    Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
    Chart.defaults.font.size = 13;
    Chart.defaults.color = INK.text;
    Chart.defaults.borderColor = INK.grid;
    Chart.defaults.maintainAspectRatio = false;
    Chart.defaults.plugins.legend.labels.usePointStyle = true;
    // Reference lines are read from their own labels: no hover, no legend entry.
    Chart.defaults.plugins.tooltip.filter = function (item) { return !item.dataset.refLabel; };
    Chart.defaults.plugins.legend.labels.filter = function (item, data) { return !data.datasets[item.datasetIndex].refLabel; };

    // Days travel as yyyy-MM-dd; the scatter's x axis counts whole days (UTC, so no zone can shift them).
    function dayNumber(iso) {
        var p = iso.split('-');
        return Date.UTC(+p[0], +p[1] - 1, +p[2]) / DAY_MS;
    }
    var spansYears = data.cfd.days.length > 0 && data.cfd.days[0].slice(0, 4) !== data.cfd.days[data.cfd.days.length - 1].slice(0, 4);
    var dateFormat = new Intl.DateTimeFormat('en-GB', spansYears
        ? { day: 'numeric', month: 'short', year: '2-digit', timeZone: 'UTC' }
        : { day: 'numeric', month: 'short', timeZone: 'UTC' });
    function shortDate(day) { return dateFormat.format(new Date(day * DAY_MS)); }
    function days(value) { return value.toFixed(1) + ' days'; }
    function axisTitle(text) { return { display: true, text: text, font: { weight: '600' } }; }

    // Text on a white halo: readable over points, grid lines and band fills alike.
    function haloText(ctx, text, x, y) {
        ctx.strokeText(text, x, y);
        ctx.fillText(text, x, y);
    }

    // Moves label positions (sorted top to bottom) at least `gap` pixels apart, inside [top, bottom].
    function spread(labels, gap, top, bottom) {
        labels.sort(function (a, b) { return a.y - b.y; });
        for (var i = labels.length - 1; i >= 0; i--) {
            var limit = i === labels.length - 1 ? bottom : labels[i + 1].y - gap;
            if (labels[i].y > limit) labels[i].y = limit;
        }
        for (var k = 0; k < labels.length; k++) {
            var floor = k === 0 ? top : labels[k - 1].y + gap;
            if (labels[k].y < floor) labels[k].y = floor;
        }
        return labels;
    }

    // Draws the labels that datasets ask for: `refLabel` names a horizontal reference line at its right end,
    // `bandLabel` names a stacked band beside the plot (with a leader to the band's middle), `barValues` writes
    // each bar's count above it. Names next to the marks mean no one has to match colours against a legend.
    var directLabels = {
        id: 'flowDirectLabels',
        afterDatasetsDraw: function (chart) {
            var ctx = chart.ctx, area = chart.chartArea, refs = [], bands = [];
            ctx.save();
            ctx.font = '600 12px ' + Chart.defaults.font.family;
            ctx.fillStyle = INK.text;
            ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
            ctx.lineWidth = 4;
            ctx.lineJoin = 'round';
            chart.data.datasets.forEach(function (ds, i) {
                var points = chart.getDatasetMeta(i).data;
                if (!chart.isDatasetVisible(i) || points.length === 0) return;
                if (ds.refLabel) refs.push({ text: ds.refLabel, y: points[0].y - 3 });
                if (ds.bandLabel) {
                    var below = i > 0 ? chart.getDatasetMeta(i - 1).data : null;
                    var bottom = below && below.length > 0 ? below[below.length - 1].y : chart.scales.y.getPixelForValue(0);
                    var middle = (points[points.length - 1].y + bottom) / 2;
                    bands.push({ text: ds.bandLabel, y: middle, anchor: middle });
                }
                if (ds.barValues && points[0].width >= 8) {
                    ctx.save();
                    ctx.font = '11px ' + Chart.defaults.font.family;
                    ctx.textAlign = 'center';
                    ctx.textBaseline = 'bottom';
                    points.forEach(function (bar, k) { haloText(ctx, String(ds.data[k]), bar.x, bar.y - 2); });
                    ctx.restore();
                }
            });
            ctx.textAlign = 'right';
            ctx.textBaseline = 'bottom';
            spread(refs, 14, area.top + 14, area.bottom).forEach(function (ref) { haloText(ctx, ref.text, area.right - 6, ref.y); });
            ctx.textAlign = 'left';
            ctx.textBaseline = 'middle';
            ctx.lineWidth = 1;
            spread(bands, 15, area.top + 6, area.bottom - 6).forEach(function (band) {
                ctx.beginPath();
                ctx.strokeStyle = INK.line;
                ctx.moveTo(area.right + 2, band.anchor);
                ctx.lineTo(area.right + 8, band.y);
                ctx.stroke();
                ctx.fillText(band.text, area.right + 11, band.y);
            });
            ctx.restore();
        }
    };

    function referenceLine(label, y, fromX, toX, dash, width) {
        return {
            type: 'line', label: label, refLabel: label, data: [{ x: fromX, y: y }, { x: toX, y: y }],
            borderColor: INK.line, borderWidth: width, borderDash: dash, pointRadius: 0, pointHoverRadius: 0,
            fill: false
        };
    }

    function draw(id, config) {
        var canvas = document.getElementById(id);
        if (!canvas) return;
        config.plugins = [directLabels];
        new Chart(canvas, config);
    }

    // Weekly ticks (on Mondays) for a day-number axis, thinned to about ten.
    function mondayTicks(axis) {
        var first = Math.ceil(axis.min), monday = first + (8 - new Date(first * DAY_MS).getUTCDay()) % 7;
        var step = 7 * Math.max(1, Math.ceil((axis.max - axis.min) / 70));
        var ticks = [];
        for (var d = monday; d <= axis.max; d += step) ticks.push({ value: d });
        axis.ticks = ticks;
    }

    function cycleTimeChart() {
        var from = dayNumber(data.cfd.days[0]) - 1, to = dayNumber(data.cfd.days[data.cfd.days.length - 1]) + 1;
        var point = function (key) {
            return data.scatter.map(function (s) { return { x: dayNumber(s.doneOn), y: s[key], title: s.title }; });
        };
        var datasets = [
            { type: 'scatter', label: 'Cycle time', data: point('cycleDays'), pointStyle: 'circle', pointRadius: 4,
              backgroundColor: 'rgba(11, 83, 148, 0.75)', borderColor: INK.blue, borderWidth: 1 },
            { type: 'scatter', label: 'Lead time', data: point('leadDays'), pointStyle: 'rectRot', pointRadius: 5,
              backgroundColor: 'rgba(255, 255, 255, 0.6)', borderColor: INK.orange, borderWidth: 1.5 }
        ];
        var c = data.cycle;
        if (c.p50 !== null) datasets.push(referenceLine('50%: ' + days(c.p50), c.p50, from, to, [2, 3], 1.5));
        if (c.p85 !== null) datasets.push(referenceLine('85%: ' + days(c.p85), c.p85, from, to, [8, 4], 2));
        if (c.p95 !== null) datasets.push(referenceLine('95%: ' + days(c.p95), c.p95, from, to, [10, 3, 2, 3], 1.5));
        draw('chart-cycle', {
            type: 'scatter',
            data: { datasets: datasets },
            options: {
                scales: {
                    x: { type: 'linear', min: from, max: to, title: axisTitle('Done date'), afterBuildTicks: mondayTicks,
                         ticks: { callback: shortDate, maxRotation: 0 } },
                    y: { beginAtZero: true, title: axisTitle('Days (start or creation to done)') }
                },
                plugins: {
                    tooltip: { callbacks: {
                        title: function (items) { return items[0].raw.title || ''; },
                        label: function (item) { return item.dataset.label + ': ' + days(item.parsed.y) + ', done ' + shortDate(item.parsed.x); }
                    } }
                }
            }
        });
    }

    function throughputChart() {
        var counts = data.throughput.map(function (w) { return w.count; });
        draw('chart-throughput', {
            type: 'bar',
            data: {
                labels: data.throughput.map(function (w) { return shortDate(dayNumber(w.weekStart)); }),
                datasets: [{ label: 'Cards finished', data: counts, backgroundColor: INK.blue, barValues: true, maxBarThickness: 40 }]
            },
            options: {
                layout: { padding: { top: 16 } },
                scales: {
                    x: { title: axisTitle('Week starting (Monday)'), ticks: { maxRotation: 0, autoSkipPadding: 12 }, grid: { display: false } },
                    y: { beginAtZero: true, title: axisTitle('Cards finished'), ticks: { precision: 0 } }
                },
                plugins: { legend: { display: false } }
            }
        });
    }

    function cfdChart() {
        var bands = data.cfd.bands, last = bands.length - 1;
        // Stack from the last column (done) up, so finished work is the steady floor of the diagram.
        var datasets = bands.map(function (band, i) {
            return {
                label: band.column, bandLabel: band.column, data: band.counts, stack: 'cfd',
                fill: i === last ? 'origin' : '-1', pointRadius: 0, pointHitRadius: 4, borderWidth: 1.5, tension: 0,
                backgroundColor: BAND_FILL[i === last && i > 0 ? BAND_FILL.length - 1 : i % (BAND_FILL.length - 1)],
                borderColor: BAND_EDGE[i === last && i > 0 ? BAND_EDGE.length - 1 : i % (BAND_EDGE.length - 1)]
            };
        }).reverse();
        draw('chart-cfd', {
            type: 'line',
            data: { labels: data.cfd.days.map(function (d) { return shortDate(dayNumber(d)); }), datasets: datasets },
            options: {
                layout: { padding: { right: Math.min(160, 16 + 7 * Math.max.apply(null, bands.map(function (b) { return b.column.length; }))) } },
                interaction: { mode: 'index', intersect: false },
                scales: {
                    x: { title: axisTitle('Day'), ticks: { maxRotation: 0, autoSkipPadding: 16 }, grid: { display: false } },
                    y: { stacked: true, beginAtZero: true, title: axisTitle('Cards'), ticks: { precision: 0 } }
                },
                plugins: { legend: { display: false }, tooltip: { itemSort: function (a, b) { return b.datasetIndex - a.datasetIndex; } } }
            }
        });
    }

    function agingChart() {
        var columns = data.agingColumns, p85 = data.cycle.p85, seen = {};
        // Cards of a column spread a little sideways (by their order, so the drawing is stable) instead of piling up.
        var points = data.aging.map(function (a) {
            var k = seen[a.column] = (seen[a.column] || 0) + 1;
            var spread = ((k - 1) % 7 - 3) * 0.07;
            return { x: columns.indexOf(a.column) + spread, y: a.ageDays, title: a.title, column: a.column, old: a.olderThanP85 };
        });
        var datasets = [
            { type: 'scatter', label: p85 === null ? 'Card in progress' : 'Within 85th percentile', data: points.filter(function (p) { return !p.old; }),
              pointStyle: 'circle', pointRadius: 5, backgroundColor: 'rgba(11, 83, 148, 0.75)', borderColor: INK.blue, borderWidth: 1 },
            { type: 'scatter', label: 'Older than 85th percentile', data: points.filter(function (p) { return p.old; }),
              pointStyle: 'triangle', pointRadius: 7, backgroundColor: INK.red, borderColor: '#58151c', borderWidth: 1 }
        ];
        if (p85 !== null) datasets.push(referenceLine('85% cycle time: ' + days(p85), p85, -0.5, columns.length - 0.5, [8, 4], 2));
        draw('chart-aging', {
            type: 'scatter',
            data: { datasets: datasets },
            options: {
                scales: {
                    x: { type: 'linear', min: -0.5, max: columns.length - 0.5, title: axisTitle('Column'),
                         afterBuildTicks: function (axis) { axis.ticks = columns.map(function (_, i) { return { value: i }; }); },
                         ticks: { callback: function (value) { return columns[value]; } }, grid: { display: false } },
                    y: { beginAtZero: true, suggestedMax: p85 === null ? undefined : p85 * 1.2, title: axisTitle('Age (days since start)') }
                },
                plugins: {
                    tooltip: { callbacks: {
                        title: function (items) { return items[0].raw.title || ''; },
                        label: function (item) { return item.raw.column + ': ' + days(item.parsed.y) + (item.raw.old ? ' (older than 85th percentile)' : ''); }
                    } }
                }
            }
        });
    }

    cycleTimeChart();
    throughputChart();
    cfdChart();
    agingChart();
})();
