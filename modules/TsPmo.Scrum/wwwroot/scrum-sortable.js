// Drag and drop for the Scrum backlog and sprint board: SortableJS moves the item, htmx posts the new place (with the
// antiforgery header added by the host's site.js) and swaps in the list or board as the server now sees it.
// Without JavaScript, the backlog's up/down buttons and each card's Move form do the same.
(function () {
    'use strict';

    function initBacklog() {
        var root = document.getElementById('backlog');
        if (!root || root.dataset.editable !== 'true' || !window.Sortable || !window.htmx || root.dataset.sortable === 'on') return;
        var list = root.querySelector('.scrum-backlog');
        if (!list) return;
        root.dataset.sortable = 'on';
        window.Sortable.create(list, {
            animation: 120,
            filter: 'button, input, select',
            preventOnFilter: false,
            onEnd: function (e) {
                if (e.oldIndex === e.newIndex) return;
                window.htmx.ajax('POST', root.dataset.reorderUrl, {
                    target: '#backlog',
                    swap: 'outerHTML',
                    values: { itemId: e.item.dataset.itemId, position: e.newIndex }
                });
            }
        });
    }

    function initBoard() {
        var board = document.getElementById('board');
        if (!board || board.dataset.editable !== 'true' || !window.Sortable || !window.htmx || board.dataset.sortable === 'on') return;
        board.dataset.sortable = 'on';
        board.querySelectorAll('.scrum-cell').forEach(function (cell) {
            window.Sortable.create(cell, {
                group: 'scrum-board',
                animation: 120,
                filter: 'details, summary, select, button, input',
                preventOnFilter: false,
                onEnd: function (e) {
                    if (e.from === e.to && e.oldIndex === e.newIndex) return;
                    window.htmx.ajax('POST', board.dataset.moveUrl, {
                        target: '#board',
                        swap: 'outerHTML',
                        values: { itemId: e.item.dataset.itemId, status: e.to.dataset.status, position: e.newIndex }
                    });
                }
            });
        });
    }

    function init() {
        initBacklog();
        initBoard();
    }

    if (window.htmx) {
        window.htmx.onLoad(init);
    } else {
        document.addEventListener('DOMContentLoaded', init);
    }
})();
