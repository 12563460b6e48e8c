// The document page: records <-> marked spans. Progressive: without JS the page still reads
// (every record and outline entry is a link to the page of the text that holds it).
(function () {
  "use strict";
  // Removing a document asks first.
  document.addEventListener("submit", function (ev) {
    var f = ev.target;
    if (f.classList && f.classList.contains("confirm") && !window.confirm(f.getAttribute("data-confirm") || "Sure?")) ev.preventDefault();
  });
  // The network: + and - zoom about the middle, dragging pans, "reset" shows it whole
  // (the viewBox changes, so links stay sharp and clickable; a drag does not follow a link).
  var net = document.querySelector("svg.network");
  if (net) {
    var vb = net.viewBox.baseVal, full = [vb.x, vb.y, vb.width, vb.height], drag = null, moved = false;
    var zoom = function (f) {
      var w = Math.min(full[2], Math.max(full[2] / 12, vb.width * f)); f = w / vb.width;
      vb.x += vb.width * (1 - f) / 2; vb.y += vb.height * (1 - f) / 2; vb.width *= f; vb.height *= f;
    };
    document.addEventListener("click", function (ev) {
      var b = ev.target.closest ? ev.target.closest("[data-zoom]") : null;
      if (!b) return;
      var z = b.getAttribute("data-zoom");
      if (z === "reset") { vb.x = full[0]; vb.y = full[1]; vb.width = full[2]; vb.height = full[3]; }
      else zoom(z === "in" ? 0.7 : 1 / 0.7);
    });
    net.addEventListener("mousedown", function (ev) { drag = [ev.clientX, ev.clientY, vb.x, vb.y]; moved = false; ev.preventDefault(); });
    window.addEventListener("mouseup", function () { drag = null; });
    window.addEventListener("mousemove", function (ev) {
      if (!drag) return;
      var r = net.getBoundingClientRect();
      if (Math.abs(ev.clientX - drag[0]) + Math.abs(ev.clientY - drag[1]) > 3) moved = true;
      vb.x = drag[2] - (ev.clientX - drag[0]) / r.width * vb.width;
      vb.y = drag[3] - (ev.clientY - drag[1]) / r.height * vb.height;
    });
    net.addEventListener("click", function (ev) { if (moved) { ev.preventDefault(); moved = false; } }, true);
    // Save the picture as it is shown (this zoom and pan): the SVG with its own styles, or a
    // PNG drawn from it at twice the canvas size.
    var save = function (href, name) {
      var a = document.createElement("a"); a.href = href; a.download = name;
      document.body.appendChild(a); a.click(); a.remove();
    };
    document.addEventListener("click", function (ev) {
      var b = ev.target.closest ? ev.target.closest("[data-export]") : null;
      if (!b) return;
      var copy = net.cloneNode(true);
      copy.setAttribute("viewBox", [vb.x, vb.y, vb.width, vb.height].join(" "));
      copy.setAttribute("width", full[2]); copy.setAttribute("height", full[3]);
      var url = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(new XMLSerializer().serializeToString(copy));
      if (b.getAttribute("data-export") === "svg") { save(url, "pactlens-network.svg"); return; }
      var img = new Image();
      img.onload = function () {
        var c = document.createElement("canvas"), ctx = c.getContext("2d");
        c.width = full[2] * 2; c.height = full[3] * 2;
        ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, c.width, c.height);
        ctx.drawImage(img, 0, 0, c.width, c.height);
        save(c.toDataURL("image/png"), "pactlens-network.png");
      };
      img.src = url;
    });
  }
  // The compare picker: keep the rows whose title, year or parties hold every typed word.
  var filter = document.getElementById("pick-filter");
  if (filter) filter.addEventListener("input", function () {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    Array.prototype.forEach.call(document.querySelectorAll("table.pick tbody tr"), function (tr) {
      var t = tr.textContent.toLowerCase();
      tr.hidden = !words.every(function (w) { return t.indexOf(w) >= 0; });
    });
  });
  // "show all" of a long list: its other items are fetched when it is first opened (once).
  function loadMore(box) {
    if (!box.loading) {
      box.loading = fetch(box.getAttribute("data-src"), { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.text();
      }).then(function (html) {
        box.querySelector(".more-list").innerHTML = html;
      }).catch(function () { box.loading = null; });  // the link stays: it opens the list
    }
    return box.loading;
  }
  document.addEventListener("toggle", function (ev) {
    var box = ev.target;
    if (box.open && box.matches && box.matches("details.more[data-src]")) loadMore(box);
  }, true);
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
    var rids = mark.getAttribute("data-r").split(" ");
    // a record not listed yet is behind its kind's "show all": fetch that list first
    var waits = rids.filter(function (rid) { return !document.getElementById("rec-" + rid); }).map(function (rid) {
      var box = panel.querySelector('details.more[data-kind="' + rid.split("-")[0] + '"]');
      return box ? loadMore(box) : null;
    });
    Promise.all(waits).then(function () { listed(mark, rids); });
  }
  function listed(mark, rids) {
    selectedList.textContent = "";
    rids.forEach(function (rid) {
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
  // A search hit (?at=START-END: offsets into the document's text, in code points as the
  // server counts them) is marked on the page that holds it; the server sends that page as
  // cached, so the hit is found here, counting from where the page starts (data-lo).
  function markHit() {
    var m = /[?&]at=(\d+)-(\d+)/.exec(window.location.search);
    if (!m) return false;
    var lo = +text.getAttribute("data-lo"), s = +m[1] - lo, e = +m[2] - lo;
    if (s < 0 || e <= s) return false;
    var walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT), node, pos = 0, parts = [];
    while ((node = walker.nextNode()) && pos < e) {
      var chars = Array.from(node.data), a = Math.max(s - pos, 0), b = Math.min(e - pos, chars.length);
      if (a < b) parts.push([node, chars.slice(0, a).join("").length, chars.slice(0, b).join("").length]);
      pos += chars.length;
    }
    var first = null;
    parts.forEach(function (p) {  // one <mark> per text node: a hit may cross the records' marks
      var r = document.createRange(), mk = document.createElement("mark");
      r.setStart(p[0], p[1]); r.setEnd(p[0], p[2]);
      mk.className = "hit focus"; r.surroundContents(mk);
      first = first || mk;
    });
    if (first) first.scrollIntoView({ block: "center" });
    return !!first;
  }
  if (!markHit()) fromHash();
})();
