// Scrum charts (Chart.js 4, loaded before this file). The server renders the figures, captions, tables and summaries,
// and the data as JSON; this script only draws into the canvases it finds. Dashes and point shapes carry every
// distinction, so no reading depends on colour alone, and every ink is at least 4.5:1 on white.
(function () {
    'use strict';
    var Chart = window.Chart;
    if (!Chart) return;
    var INK = { text: '#212529', grid: '#dee2e6', blue: '#0b5394', orange: '#a04f00', green: '#1e6b34', grey: '#495057' };

    if (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) Chart.defaults.animation = false;
    Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
    Chart.defaults.font.size = 13;
    Chart.defaults.color = INK.text;
    Chart.defaults.borderColor = INK.grid;
    Chart.defaults.maintainAspectRatio = false;
    Chart.defaults.plugins.legend.labels.usePointStyle = true;

    function axisTitle(text) { return { display: true, text: text, font: { weight: '600' } }; }
    var dateFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
    function shortDate(iso) {
        var p = iso.split('-');
        return dateFormat.format(new Date(Date.UTC(+p[0], +p[1] - 1, +p[2])));
    }

    // Weekends shaded behind the lines: the ideal line stays flat over them.
    var weekendShade = {
        id: 'scrumWeekends',
        beforeDatasetsDraw: function (chart) {
            var working = chart.options.plugins.scrumWeekends && chart.options.plugins.scrumWeekends.working;
            if (!working) return;
            var x = chart.scales.x, area = chart.chartArea, ctx = chart.ctx;
            var step = x.getPixelForValue(1) - x.getPixelForValue(0);
            ctx.save();
            ctx.fillStyle = 'rgba(73, 80, 87, 0.09)';
            for (var i = 0; i < working.length; i++) {
                if (working[i]) continue;
                // Label i + 1: label 0 is the start of the sprint.
                var centre = x.getPixelForValue(i + 1);
                ctx.fillRect(Math.max(area.left, centre - step / 2), area.top, step, area.bottom - area.top);
            }
            ctx.restore();
        }
    };

    function lineOptions(yTitle, working) {
        return {
            interaction: { mode: 'index', intersect: false },
            scales: {
                x: { title: axisTitle('End of day'), ticks: { autoSkip: true, maxRotation: 0 } },
                y: { title: axisTitle(yTitle), beginAtZero: true, ticks: { precision: 0 } }
            },
            plugins: { legend: { position: 'bottom' }, scrumWeekends: { working: working } }
        };
    }

    var burn = document.getElementById('scrum-burndown-data');
    if (burn) {
        var d = JSON.parse(burn.textContent);
        // A "Start" point before the first day: the commitment, where both lines begin.
        var labels = ['Start'].concat(d.days.map(shortDate));
        var started = d.remaining.length > 0 && d.remaining[0] !== null;
        var down = document.getElementById('chart-burndown');
        if (down) {
            new Chart(down, {
                type: 'line',
                plugins: [weekendShade],
                data: {
                    labels: labels,
                    datasets: [
                        { label: 'Remaining points', data: [started ? d.committed : null].concat(d.remaining), borderColor: INK.blue, backgroundColor: INK.blue, borderWidth: 3, pointRadius: 4, pointStyle: 'circle', spanGaps: false },
                        { label: 'Ideal line (working days)', data: [d.committed].concat(d.ideal), borderColor: INK.grey, backgroundColor: INK.grey, borderDash: [6, 4], borderWidth: 2, pointRadius: 0, pointStyle: 'line' }
                    ]
                },
                options: lineOptions('Story points remaining', d.working)
            });
        }
        var up = document.getElementById('chart-burnup');
        if (up) {
            new Chart(up, {
                type: 'line',
                plugins: [weekendShade],
                data: {
                    labels: labels,
                    datasets: [
                        { label: 'Completed points', data: [started ? 0 : null].concat(d.completed), borderColor: INK.green, backgroundColor: INK.green, borderWidth: 3, pointRadius: 4, pointStyle: 'circle' },
                        { label: 'Total scope', data: [started ? d.committed : null].concat(d.scope), borderColor: INK.orange, backgroundColor: INK.orange, borderDash: [6, 4], borderWidth: 2, pointRadius: 4, pointStyle: 'rect', stepped: 'before' }
                    ]
                },
                options: lineOptions('Story points', d.working)
            });
        }
    }

    var vel = document.getElementById('scrum-velocity-data');
    var velCanvas = document.getElementById('chart-velocity');
    if (vel && velCanvas) {
        var v = JSON.parse(vel.textContent);
        var hatch = (function () {
            var c = document.createElement('canvas');
            c.width = 8; c.height = 8;
            var x = c.getContext('2d');
            x.fillStyle = '#ffffff'; x.fillRect(0, 0, 8, 8);
            x.strokeStyle = INK.grey; x.lineWidth = 2;
            x.beginPath(); x.moveTo(0, 8); x.lineTo(8, 0); x.stroke();
            return x.createPattern(c, 'repeat');
        })();
        var datasets = [
            { type: 'bar', label: 'Committed', data: v.committed, backgroundColor: hatch, borderColor: INK.grey, borderWidth: 2, maxBarThickness: 72, order: 1 },
            { type: 'bar', label: 'Completed', data: v.completed, backgroundColor: INK.blue, borderColor: INK.blue, borderWidth: 2, maxBarThickness: 72, order: 1 }
        ];
        if (v.average !== null) {
            datasets.push({ type: 'line', label: 'Average of last ' + Math.min(3, v.names.length) + ' (' + v.average + ')', data: v.names.map(function () { return v.average; }), borderColor: INK.orange, backgroundColor: INK.orange, borderDash: [6, 4], borderWidth: 2, pointRadius: v.names.length === 1 ? 10 : 0, pointStyle: 'line', order: 0 });
        }
        // Few sprints: keep each sprint's pair of bars together instead of spreading them over the whole width.
        var categoryPercentage = Math.min(0.8, 0.2 * v.names.length);
        datasets.forEach(function (ds) { if (ds.type === 'bar') ds.categoryPercentage = categoryPercentage; });
        new Chart(velCanvas, {
            data: { labels: v.names, datasets: datasets },
            options: {
                scales: { x: { title: axisTitle('Sprint') }, y: { title: axisTitle('Story points'), beginAtZero: true, ticks: { precision: 0 } } },
                plugins: { legend: { position: 'bottom' } }
            }
        });
    }
})();
