// Drag and drop for every board and ordered list of every module (Scrum's backlog and sprint board, the Kanban
// board, …): SortableJS moves the item, htmx posts the new place (with the antiforgery header added by site.js) and
// swaps in the list or board as the server now sees it, refusals included. Served by the host at /js/board-dnd.js
// after /lib/sortablejs/Sortable.min.js; CSP allows no inline script, so a page describes its board in data-*
// attributes only:
//
//   container  data-dnd-url="…?handler=Move"  where a drop is posted (built with Url.Page)
//              data-dnd-item="itemId"          the posted name of the dragged item's id
//              data-dnd-list="status"          the posted name of the target list's value (none for one list: a backlog)
//              data-editable="true"            anything else: read only, nothing is draggable
//              id="board"                      what the answer replaces (outerHTML)
//   list       data-dnd-list-value="Done"      the value posted for a drop into this list
//              data-dnd-group="…"              lists sharing a group exchange items (default: every list of the container)
//              data-dnd-span="…"               lists sharing a span count as one list for the position (e.g. one Kanban
//                                              column split into swimlanes): the position counts the items of the
//                                              earlier lists of its span
//   item       data-dnd-id="42"                a direct child of a list
//
// The posted position is the 0-based index in the target list (or span). Without JavaScript, and from the keyboard,
// every page keeps its own forms for the same moves (up/down buttons, each card's Move form): this script never
// takes a click or a key press from a button, select, input or details element.
(function () {
    'use strict';

    // Controls keep their clicks and keys; links and the rest of an item start a drag.
    var interactive = 'button, input, select, textarea, details, summary';

    function positionIn(container, list, index) {
        var span = list.dataset.dndSpan;
        if (span === undefined) return index;
        var position = 0;
        var lists = container.querySelectorAll('[data-dnd-list-value]');
        for (var i = 0; i < lists.length && lists[i] !== list; i++) {
            if (lists[i].dataset.dndSpan === span) position += lists[i].querySelectorAll(':scope > [data-dnd-id]').length;
        }
        return position + index;
    }

    function initContainer(container) {
        if (container.dataset.editable !== 'true' || container.dataset.dndOn === 'on' || !window.Sortable || !window.htmx) return;
        container.dataset.dndOn = 'on';
        var lists = container.querySelectorAll('[data-dnd-list-value]');
        lists.forEach(function (list) {
            window.Sortable.create(list, {
                group: 'dnd-' + (container.id || 'board') + '-' + (list.dataset.dndGroup || ''),
                draggable: '[data-dnd-id]',
                animation: 120,
                filter: interactive,
                preventOnFilter: false,
                onEnd: function (e) {
                    if (e.from === e.to && e.oldIndex === e.newIndex) return;
                    var values = {};
                    values[container.dataset.dndItem || 'itemId'] = e.item.dataset.dndId;
                    if (container.dataset.dndList) values[container.dataset.dndList] = e.to.dataset.dndListValue;
                    values.position = positionIn(container, e.to, e.newIndex);
                    window.htmx.ajax('POST', container.dataset.dndUrl, {
                        target: '#' + container.id,
                        swap: 'outerHTML',
                        values: values
                    });
                }
            });
        });
    }

    function init(root) {
        var scope = root && root.querySelectorAll ? root : document;
        if (scope.matches && scope.matches('[data-dnd-url]')) initContainer(scope);
        scope.querySelectorAll('[data-dnd-url]').forEach(initContainer);
    }

    if (window.htmx) {
        window.htmx.onLoad(init);
    } else {
        document.addEventListener('DOMContentLoaded', function () { init(document); });
    }
})();
