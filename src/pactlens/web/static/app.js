// The document page: records <-> marked spans. Progressive: without JS the page still reads
// (every record and outline entry is a link to the page of the text that holds it).
(function () {
  "use strict";
  // Removing a document asks first.
  document.addEventListener("submit", function (ev) {
    var f = ev.target;
    if (f.classList && f.classList.contains("confirm") && !window.confirm(f.getAttribute("data-confirm") || "Sure?")) ev.preventDefault();
  });
  // The compare picker: keep the rows whose title, year or parties hold every typed word.
  var filter = document.getElementById("pick-filter");
  if (filter) filter.addEventListener("input", function () {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    Array.prototype.forEach.call(document.querySelectorAll("table.pick tbody tr"), function (tr) {
      var t = tr.textContent.toLowerCase();
      tr.hidden = !words.every(function (w) { return t.indexOf(w) >= 0; });
    });
  });
  var text = document.getElementById("doctext");
  if (!text) return;
  var panel = document.getElementById("panel");
  var selected = document.getElementById("selected");
  var selectedList = document.getElementById("selected-list");

  function marksOf(rid) {
    return Array.prototype.filter.call(text.querySelectorAll("mark[data-r]"), function (m) {
      return m.getAttribute("data-r").split(" ").indexOf(rid) >= 0;
    });
  }
  function clearFocus() {
    Array.prototype.forEach.call(document.querySelectorAll(".focus, .active"), function (el) {
      el.classList.remove("focus"); el.classList.remove("active");
    });
  }
  // Scroll the record's first span into view and light up all its spans.
  function show(rid) {
    var ms = marksOf(rid);
    if (!ms.length) return false;
    clearFocus();
    ms.forEach(function (m) { m.classList.add("focus"); });
    ms[0].scrollIntoView({ block: "center" });
    var entry = document.getElementById("rec-" + rid);
    if (entry) {
      entry.classList.add("active");
      var box = entry.closest("details"); if (box) box.open = true;
    }
    text.setAttribute("data-focus", rid);
    return true;
  }
  // A click on a span lists every record covering it.
  function listRecords(mark) {
    selectedList.textContent = "";
    mark.getAttribute("data-r").split(" ").forEach(function (rid) {
      var src = document.getElementById("rec-" + rid);
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = src ? src.getAttribute("href") : "#"; a.className = "rec"; a.setAttribute("data-r", rid);
      a.textContent = (rid.split("-")[0]) + ": " + (src ? src.textContent : rid);
      li.appendChild(a); selectedList.appendChild(li);
    });
    selected.hidden = false;
    clearFocus();
    mark.classList.add("focus");
    panel.scrollTop = 0;
  }
  document.addEventListener("click", function (ev) {
    var t = ev.target.closest ? ev.target.closest("[data-r]") : null;
    if (!t) return;
    if (t.tagName === "MARK") { listRecords(t); return; }
    // Evidence on this page of the text: light it up here; else the link opens its page.
    if (show(t.getAttribute("data-r"))) ev.preventDefault();
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && ev.target.matches && ev.target.matches("g[data-r]")) show(ev.target.getAttribute("data-r"));
  });
  // A link to a record (#r-ID, from another page or a shared URL) lights it up on arrival.
  function fromHash() {
    var h = window.location.hash;
    if (h.indexOf("#r-") === 0) show(decodeURIComponent(h.slice(3)));
  }
  window.addEventListener("hashchange", fromHash);
  // On a narrow screen the outline starts folded, so the text is on the first screen.
  if (window.matchMedia && window.matchMedia("(max-width: 1100px)").matches) {
    var fold = document.querySelector(".outline details"); if (fold) fold.open = false;
  }
  var initial = panel && panel.getAttribute("data-initial");
  if (initial) show(initial); else fromHash();
})();
