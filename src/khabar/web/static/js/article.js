// The article page: clicking (or pressing Enter on) a highlighted span shows
// what it is, marks the same span in the other view (clean / original text),
// and a link to #event-N opens that event's notes. Text is copied with DOM
// methods only (no HTML is built from page text).
(function () {
  "use strict";

  function show(ids) {
    document.querySelectorAll("mark.active, li.active").forEach(function (n) { n.classList.remove("active"); });
    var card = document.getElementById("ann-card");
    while (card.firstChild) card.removeChild(card.firstChild);
    ids.forEach(function (id) {
      document.querySelectorAll('mark[data-ann~="' + id + '"]').forEach(function (m) { m.classList.add("active"); });
      var item = document.getElementById("ann-" + id);
      if (!item) return;
      item.classList.add("active");
      var copy = item.cloneNode(true);
      copy.removeAttribute("id");
      copy.querySelectorAll("details").forEach(function (d) { d.remove(); });
      card.appendChild(copy);
    });
    card.hidden = !card.firstChild;
  }

  document.addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-ann]");
    if (mark) show(mark.getAttribute("data-ann").split(" "));
  });
  document.addEventListener("keydown", function (event) {
    var mark = event.target.closest && event.target.closest("mark[data-ann]");
    if (mark && event.key === "Enter") show(mark.getAttribute("data-ann").split(" "));
  });
  function openHash() {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.tagName === "DETAILS") target.open = true;
    var details = target && target.closest && target.closest("details");
    if (details) details.open = true;
  }
  window.addEventListener("hashchange", openHash);
  document.addEventListener("DOMContentLoaded", openHash);
})();
