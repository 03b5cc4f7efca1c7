// Drag and drop on the Kanban board: SortableJS moves the card, htmx posts the move (with the antiforgery
// header added by the host's site.js) and swaps in the board as the server now sees it, WIP refusals included.
// Without JavaScript, each card's Move form does the same.
(function () {
    function positionInColumn(board, cell, index) {
        var cells = board.querySelectorAll('.kanban-cell[data-column-id="' + cell.dataset.columnId + '"]');
        var position = 0;
        for (var i = 0; i < cells.length && cells[i] !== cell; i++) {
            position += cells[i].querySelectorAll(':scope > .kanban-card').length;
        }
        return position + index;
    }

    function init() {
        var board = document.getElementById('board');
        if (!board || board.dataset.editable !== 'true' || !window.Sortable || !window.htmx || board.dataset.sortable === 'on') return;
        board.dataset.sortable = 'on';
        board.querySelectorAll('.kanban-cell').forEach(function (cell) {
            window.Sortable.create(cell, {
                group: 'lane-' + cell.dataset.lane,
                animation: 120,
                filter: 'details, summary, select, button, input',
                preventOnFilter: false,
                onEnd: function (e) {
                    if (e.from === e.to && e.oldIndex === e.newIndex) return;
                    window.htmx.ajax('POST', board.dataset.moveUrl, {
                        target: '#board',
                        swap: 'outerHTML',
                        values: {
                            cardId: e.item.dataset.cardId,
                            column: e.to.dataset.column,
                            position: positionInColumn(board, e.to, e.newIndex)
                        }
                    });
                }
            });
        });
    }

    if (window.htmx) {
        window.htmx.onLoad(init);
    } else {
        document.addEventListener('DOMContentLoaded', init);
    }
})();
