// The openings board by pointer: drag a card onto another column. It makes the
// same move as the card's stage list and Move button (which keyboards, screen
// readers and phones use), by submitting that form, so htmx swaps the board.
(function () {
  "use strict";

  function within(event, selector) {
    return event.target instanceof Element ? event.target.closest(selector) : null;
  }

  document.addEventListener("dragstart", function (event) {
    var card = within(event, ".opp-card");
    if (!card || !event.dataTransfer) return;
    event.dataTransfer.setData("text/plain", card.id);
    event.dataTransfer.effectAllowed = "move";
  });

  document.addEventListener("dragover", function (event) {
    if (within(event, ".opp-column")) event.preventDefault();
  });

  document.addEventListener("drop", function (event) {
    var column = within(event, ".opp-column");
    if (!column || !event.dataTransfer) return;
    event.preventDefault();
    var card = document.getElementById(event.dataTransfer.getData("text/plain"));
    if (!card || column.contains(card)) return;
    var form = card.querySelector("form.opp-move");
    if (!form) return;
    form.elements.namedItem("stage").value = column.dataset.stage;
    form.requestSubmit();
  });
})();
