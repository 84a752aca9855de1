// tidy's HTML report: draws the data embedded in #tidy-data. No network, no libraries.
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("tidy-data").textContent);
  var FAMILIES = DATA.families; // [key, label, colour, what]
  var MAX_DEPTH = 3; // levels drawn below the zoomed folder
  var HEADER = 16; // px of a folder frame's title bar
  var ROWS_AT_ONCE = 1000;

  // ------------------------------------------------------------------ formatting
  function bytes(n) {
    if (n === null || n === undefined) return "-";
    var units = ["B", "kB", "MB", "GB", "TB", "PB"];
    var i = 0;
    var value = n;
    while (value >= 1000 && i < units.length - 1) { value /= 1000; i++; }
    return (i === 0 ? String(value) : value.toFixed(value < 10 ? 2 : 1)) + " " + units[i];
  }
  function count(n) { return Number(n).toLocaleString("en-US"); }
  function plural(n, word) { return count(n) + " " + word + (n === 1 ? "" : "s"); }
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function familyColour(key) {
    for (var i = 0; i < FAMILIES.length; i++) if (FAMILIES[i][0] === key) return FAMILIES[i][2];
    var extra = DATA.tableFamilies[key];
    return extra ? extra[1] : "#999999";
  }
  function familyLabel(key) {
    for (var i = 0; i < FAMILIES.length; i++) if (FAMILIES[i][0] === key) return FAMILIES[i][1];
    var extra = DATA.tableFamilies[key];
    return extra ? extra[0] : key;
  }
  function date(seconds, withSeconds) {
    var d = new Date(seconds * 1000);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate()) + " " +
      two(d.getHours()) + ":" + two(d.getMinutes()) + (withSeconds ? ":" + two(d.getSeconds()) : "");
  }

  // ------------------------------------------------------------------ the tree
  // Flat rows, parents first: [parent, name, bytes, files, family, table row, flags].
  var nodes = DATA.tree.map(function (r, i) {
    return { index: i, parent: r[0], name: r[1], bytes: r[2], files: r[3], family: r[4],
      row: r[5], merged: (r[6] & 1) !== 0, block: (r[6] & 2) !== 0, kids: [], path: "",
      famBytes: null };
  });
  var byPath = {};
  nodes.forEach(function (node) {
    if (node.parent >= 0) {
      var parent = nodes[node.parent];
      parent.kids.push(node);
      node.path = parent.path ? parent.path + "/" + node.name : node.name;
    }
    if (!node.merged && !(node.path in byPath)) byPath[node.path] = node;
  });
  nodes.forEach(function (node) { node.kids.sort(function (a, b) { return b.bytes - a.bytes; }); });
  // Bytes per family below each node, for the colour of folders drawn as one tile.
  for (var i = nodes.length - 1; i >= 0; i--) {
    var node = nodes[i];
    if (!node.famBytes) node.famBytes = new Array(FAMILIES.length).fill(0);
    if (!node.kids.length) node.famBytes[node.family] += node.bytes;
    if (node.parent >= 0) {
      var up = nodes[node.parent];
      if (!up.famBytes) up.famBytes = new Array(FAMILIES.length).fill(0);
      for (var f = 0; f < FAMILIES.length; f++) up.famBytes[f] += node.famBytes[f];
    }
  }
  var root = nodes[0];
  function dominant(node) {
    if (!node.kids.length) return node.family;
    var best = node.family;
    var most = -1;
    node.famBytes.forEach(function (b, f) { if (b > most) { most = b; best = f; } });
    return best;
  }

  // ------------------------------------------------------------------ squarified layout
  // Bruls, Huizing, van Wijk: rows of tiles whose worst aspect ratio stops improving.
  function worst(row, sum, side) {
    var max = Math.max.apply(null, row);
    var min = Math.min.apply(null, row);
    var s2 = side * side;
    var sum2 = sum * sum;
    return Math.max((s2 * max) / sum2, sum2 / (s2 * min));
  }
  function squarify(values, x, y, w, h) {
    var total = values.reduce(function (a, b) { return a + b; }, 0);
    var rects = [];
    if (total <= 0 || w <= 0 || h <= 0) return rects;
    var scale = (w * h) / total;
    var areas = values.map(function (v) { return v * scale; });
    var i = 0;
    while (i < areas.length) {
      var side = Math.min(w, h);
      var row = [areas[i]];
      var sum = areas[i];
      var current = worst(row, sum, side);
      var j = i + 1;
      while (j < areas.length) {
        var next = worst(row.concat([areas[j]]), sum + areas[j], side);
        if (next > current) break;
        row.push(areas[j]);
        sum += areas[j];
        current = next;
        j++;
      }
      var k;
      if (w >= h) {
        var cw = sum / h;
        var cy = y;
        for (k = 0; k < row.length; k++) {
          var rh = row[k] / cw;
          rects.push({ x: x, y: cy, w: cw, h: rh });
          cy += rh;
        }
        x += cw; w -= cw;
      } else {
        var rh2 = sum / w;
        var cx = x;
        for (k = 0; k < row.length; k++) {
          var rw = row[k] / rh2;
          rects.push({ x: cx, y: y, w: rw, h: rh2 });
          cx += rw;
        }
        y += rh2; h -= rh2;
      }
      i = j;
    }
    return rects;
  }

  // ------------------------------------------------------------------ drawing the treemap
  var treemap = document.getElementById("treemap");
  var info = document.getElementById("treemap-info");
  var current = root;
  var marked = null;
  var drawn = 0;
  var tooSmall = 0;

  function describe(node) {
    var fam = FAMILIES[dominant(node)];
    var where = node.merged ? (node.path.replace(/\/[^/]*$/, "") || DATA.base) : (node.path || DATA.base);
    var text = (node.merged ? node.name + " in " : "") + where + ": " + bytes(node.bytes) + ", " +
      plural(node.files, "file") + ", " + fam[1];
    if (node.row >= 0) {
      var finding = DATA.findings[node.row];
      text += " (" + finding[0] + " " + finding[3] + ")";
    }
    return text;
  }

  function place(div, r) {
    div.style.left = r.x.toFixed(2) + "px";
    div.style.top = r.y.toFixed(2) + "px";
    div.style.width = Math.max(r.w, 0).toFixed(2) + "px";
    div.style.height = Math.max(r.h, 0).toFixed(2) + "px";
  }

  function tile(node, r, depth) {
    if (r.w < 1 || r.h < 1) { tooSmall++; return; }
    var zoomable = node.kids.length > 0;
    var div = el("div", { "data-path": node.path, "data-index": String(node.index),
      title: describe(node) });
    div.classList.add("tm-node");
    drawn++;
    if (node === marked) div.classList.add("tm-selected");
    if (zoomable && depth < MAX_DEPTH && r.w > 36 && r.h > HEADER + 14) {
      div.classList.add("tm-dir");
      place(div, r);
      var label = el("span", { "class": "tm-label" }, node.name + "  " + bytes(node.bytes));
      div.appendChild(label);
      treemap.appendChild(div);
      children(node, { x: r.x + 1, y: r.y + HEADER, w: r.w - 2, h: r.h - HEADER - 1 }, depth + 1);
      return;
    }
    div.classList.add("tm-leaf", "fam-" + FAMILIES[dominant(node)][0]);
    if (zoomable) div.classList.add("tm-zoom");
    if (node.merged) div.classList.add("tm-merged");
    div.style.background = FAMILIES[dominant(node)][2];
    if (node.merged) {
      div.style.backgroundImage = "repeating-linear-gradient(45deg, rgba(255,255,255,0.28) 0 3px, transparent 3px 7px)";
    }
    place(div, r);
    if (r.w > 44 && r.h > 14) {
      div.appendChild(document.createTextNode(node.name));
      if (r.h > 28 || r.w > 140) div.appendChild(el("span", { "class": "tm-size" }, bytes(node.bytes)));
    }
    treemap.appendChild(div);
  }

  function children(node, r, depth) {
    var kids = node.kids.filter(function (k) { return k.bytes > 0; });
    var rects = squarify(kids.map(function (k) { return k.bytes; }), r.x, r.y, r.w, r.h);
    kids.forEach(function (kid, j) { if (rects[j]) tile(kid, rects[j], depth); });
  }

  function drawTreemap() {
    treemap.textContent = "";
    drawn = 0;
    tooSmall = 0;
    var width = treemap.clientWidth || 1200;
    var height = treemap.clientHeight || 560;
    if (current.kids.length) children(current, { x: 0, y: 0, w: width, h: height }, 0);
    else tile(current, { x: 0, y: 0, w: width, h: height }, MAX_DEPTH);
    treemap.setAttribute("data-zoom", current.path);
    treemap.setAttribute("data-drawn", String(drawn));
    treemap.setAttribute("data-too-small", String(tooSmall));
    info.textContent = describe(current) + (tooSmall ? " \u2014 " + plural(tooSmall, "item") +
      " too small to draw here: zoom in" : "");
    drawBreadcrumb();
  }

  function drawBreadcrumb() {
    var crumbs = document.getElementById("breadcrumb");
    crumbs.textContent = "";
    var chain = [];
    for (var node = current; node; node = node.parent >= 0 ? nodes[node.parent] : null) chain.unshift(node);
    chain.forEach(function (node, i) {
      if (i > 0) crumbs.appendChild(el("span", { "class": "sep" }, "/"));
      var name = i === 0 ? (DATA.base || node.name) : node.name;
      if (node === current) {
        crumbs.appendChild(el("span", { "class": "here" }, name));
      } else {
        var link = el("a", { href: zoomHash(node.path), "data-path": node.path }, name);
        crumbs.appendChild(link);
      }
    });
  }

  function zoomHash(path, mark) {
    var hash = "#zoom=" + encodeURIComponent(path);
    if (mark !== undefined) hash += "&mark=" + encodeURIComponent(mark);
    return hash;
  }

  function hashParam(name) {
    var parts = location.hash.replace(/^#/, "").split("&");
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      if (eq > 0 && parts[i].slice(0, eq) === name) {
        try { return decodeURIComponent(parts[i].slice(eq + 1)); } catch (e) { return parts[i].slice(eq + 1); }
      }
    }
    return null;
  }

  function nearestNode(path) {
    while (path && !(path in byPath)) path = path.indexOf("/") >= 0 ? path.replace(/\/[^/]*$/, "") : "";
    return byPath[path] || root;
  }

  function fromHash() {
    var zoom = hashParam("zoom");
    var target = nearestNode(zoom === null ? "" : zoom.replace(/^\/+|\/+$/g, ""));
    // A file or an artifact block is shown inside its folder, outlined.
    if (!target.kids.length && target.parent >= 0) {
      marked = target;
      target = nodes[target.parent];
    } else {
      var mark = hashParam("mark");
      marked = mark !== null && mark in byPath ? byPath[mark] : null;
    }
    current = target;
    drawTreemap();
  }

  treemap.addEventListener("click", function (event) {
    var hit = event.target.closest("[data-index]");
    if (!hit) return;
    var node = nodes[Number(hit.getAttribute("data-index"))];
    // A folder zooms in; a file or a block zooms into the folder drawn around it, outlined.
    if (node.kids.length) location.hash = zoomHash(node.path);
    else if (node.merged || node.parent < 0) return;
    else if (nodes[node.parent] !== current) location.hash = zoomHash(nodes[node.parent].path, node.path);
    else location.hash = zoomHash(current.path, node.path);
  });
  treemap.addEventListener("mouseover", function (event) {
    var hit = event.target.closest("[data-index]");
    if (hit) info.textContent = describe(nodes[Number(hit.getAttribute("data-index"))]);
  });
  window.addEventListener("hashchange", fromHash);
  var resizeTimer = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(drawTreemap, 100);
  });

  function drawLegend() {
    var legend = document.getElementById("legend");
    FAMILIES.forEach(function (family, f) {
      var item = el("li", { "data-family": family[0], title: family[3] });
      if (!root.famBytes[f]) item.classList.add("empty");
      var swatch = el("span", { "class": "swatch" });
      swatch.style.background = family[2];
      item.appendChild(swatch);
      item.appendChild(el("span", {}, family[1]));
      item.appendChild(el("span", { "class": "muted" }, bytes(root.famBytes[f])));
      legend.appendChild(item);
    });
  }

  // ------------------------------------------------------------------ totals and surface
  function card(label, value, sub, tone) {
    var box = el("div", { "class": "card" + (tone ? " " + tone : "") });
    box.appendChild(el("div", { "class": "label" }, label));
    box.appendChild(el("div", { "class": "value" }, value));
    if (sub) box.appendChild(el("div", { "class": "sub" }, sub));
    return box;
  }

  function drawTotals() {
    var t = DATA.totals;
    var box = document.getElementById("totals");
    box.appendChild(card("Scanned", bytes(t.scanned.bytes), plural(t.scanned.files, "file") +
      ", " + bytes(t.scanned.disk) + " on disk"));
    box.appendChild(card("Findings", count(t.findings), t.failing ?
      t.failing + " over budget" : "none over budget", t.failing ? "bad" : ""));
    box.appendChild(card("Reclaimable by tidy fix", bytes(t.reclaimable.bytes),
      plural(t.reclaimable.files, "file") + ", " + bytes(t.reclaimable.disk) + " on disk",
      t.reclaimable.bytes ? "good" : ""));
    box.appendChild(card("Search surface", plural(t.before.files, "file"),
      bytes(t.before.bytes) + " \u2192 " + plural(t.after.files, "file") + ", " +
      bytes(t.after.bytes) + " after fix"));
  }

  function surfaceRows(box, label, before, after) {
    var most = Math.max(before.bytes, 1);
    [["before", before], ["after", after]].forEach(function (pair) {
      box.appendChild(el("div", {}, label + (pair[0] === "after" ? " after fix" : "")));
      var bar = el("div", { "class": "bar " + pair[0] });
      var fill = el("span");
      fill.style.width = (100 * pair[1].bytes / most).toFixed(2) + "%";
      bar.appendChild(fill);
      box.appendChild(bar);
      box.appendChild(el("div", { "class": "num", "data-surface": pair[0] },
        plural(pair[1].files, "file") + ", " + bytes(pair[1].bytes)));
    });
  }

  function drawSurface() {
    var box = el("div", { "class": "bars" });
    surfaceRows(box, "all", DATA.totals.before, DATA.totals.after);
    if (DATA.groups.length > 1) {
      DATA.groups.forEach(function (g) { surfaceRows(box, g.label, g.before, g.after); });
    }
    document.getElementById("surface").appendChild(box);
    var t = DATA.totals;
    if (t.before.files > 0) {
      var saved = t.before.files - t.after.files;
      document.getElementById("surface").appendChild(el("p", { "class": "muted" },
        "tidy fix takes " + plural(saved, "file") + " (" + (100 * saved / t.before.files).toFixed(1) +
        "%) and " + bytes(t.before.bytes - t.after.bytes) + " out of search."));
    }
  }

  // ------------------------------------------------------------------ history charts
  var SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function lineChart(title, times, series) {
    var W = 1000, H = 240, left = 80, right = 20, top = 12, bottom = 34;
    var box = el("div", { "class": "chart" });
    box.appendChild(el("h3", {}, title));
    var chart = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": title });
    var most = 0;
    series.forEach(function (s) { s.values.forEach(function (v) { if (v !== null && v > most) most = v; }); });
    most = most || 1;
    var first = times[0], last = times[times.length - 1];
    function x(t) { return last === first ? left + (W - left - right) / 2 : left + (W - left - right) * (t - first) / (last - first); }
    function y(v) { return top + (H - top - bottom) * (1 - v / most); }
    for (var g = 0; g <= 4; g++) {
      var v = most * g / 4;
      chart.appendChild(svg("line", { "class": "axis", x1: left, x2: W - right, y1: y(v), y2: y(v) }));
      var label = svg("text", { x: left - 8, y: y(v) + 4, "text-anchor": "end" });
      label.textContent = bytes(Math.round(v));
      chart.appendChild(label);
    }
    var stamps = times.length > 1 ? [0, Math.floor((times.length - 1) / 2), times.length - 1] : [0];
    stamps.filter(function (s, i, all) { return all.indexOf(s) === i; }).forEach(function (s, i, all) {
      var text = svg("text", { x: x(times[s]), y: H - 10,
        "text-anchor": all.length === 1 ? "middle" : (i === 0 ? "start" : (i === all.length - 1 ? "end" : "middle")) });
      text.textContent = date(times[s], last - first < 3600);
      chart.appendChild(text);
    });
    series.forEach(function (s) {
      var points = [];
      s.values.forEach(function (v, i) { if (v !== null) points.push(x(times[i]).toFixed(1) + "," + y(v).toFixed(1)); });
      var line = svg("polyline", { "class": "series", points: points.join(" "), stroke: s.color,
        "data-series": s.label });
      if (s.dash) line.setAttribute("stroke-dasharray", s.dash);
      chart.appendChild(line);
      s.values.forEach(function (v, i) {
        if (v === null) return;
        var dot = svg("circle", { cx: x(times[i]), cy: y(v), r: 3, fill: s.color });
        var tip = svg("title");
        tip.textContent = s.label + ": " + bytes(v) + " at " + date(times[i], true);
        dot.appendChild(tip);
        chart.appendChild(dot);
      });
    });
    box.appendChild(chart);
    var legend = el("ul", { "class": "legend" });
    series.forEach(function (s) {
      var item = el("li");
      var swatch = el("span", { "class": "swatch" });
      swatch.style.background = s.color;
      item.appendChild(swatch);
      item.appendChild(el("span", {}, s.label + " " + bytes(s.values[s.values.length - 1])));
      legend.appendChild(item);
    });
    box.appendChild(legend);
    return box;
  }

  function drawHistory() {
    if (!DATA.history.length) return;
    var panel = document.getElementById("history-panel");
    var box = document.getElementById("history");
    panel.hidden = false;
    DATA.history.forEach(function (repo) {
      var head = el("p", { "class": "muted" }, repo.repo + ": " + plural(repo.times.length, "scan") +
        " from " + date(repo.times[0]) + " to " + date(repo.times[repo.times.length - 1]));
      box.appendChild(head);
      repo.charts.forEach(function (c) { box.appendChild(lineChart(c.title + (DATA.history.length > 1 ? " (" + repo.label + ")" : ""), repo.times, c.series)); });
    });
  }

  // ------------------------------------------------------------------ findings table
  // Row: [code, family, path, what, bytes, files, state, fix, message, tree path, fails]
  var COLUMNS = [
    { key: 0, label: "code" }, { key: 1, label: "family" }, { key: 2, label: "path" },
    { key: 3, label: "what" }, { key: 4, label: "size", num: true }, { key: 5, label: "files", num: true },
    { key: 6, label: "state" }, { key: 7, label: "tidy fix" }, { key: 8, label: "message" }
  ];
  var order = DATA.findings.map(function (_, i) { return i; });
  var sortKey = 4, sortDown = true, filterText = "", showAll = false;

  function rowHtml(i) {
    var r = DATA.findings[i];
    var node = byPath[r[9]];
    var path = escapeHtml(r[2]);
    var link = node ? '<a href="' + escapeHtml(zoomHash(r[9])) + '">' + path + "</a>" : path;
    return '<tr data-row="' + i + '"' + (r[10] ? ' class="fails"' : "") + ">" +
      '<td class="code">' + escapeHtml(r[0]) + "</td>" +
      '<td><span class="fam"><span class="swatch" style="background:' + familyColour(r[1]) + '"></span>' +
      escapeHtml(familyLabel(r[1])) + "</span></td>" +
      '<td class="path">' + link + "</td>" +
      "<td>" + escapeHtml(r[3]) + "</td>" +
      '<td class="num" data-bytes="' + r[4] + '">' + bytes(r[4]) + "</td>" +
      '<td class="num">' + count(r[5]) + "</td>" +
      "<td>" + escapeHtml(r[6]) + "</td>" +
      '<td class="fix">' + escapeHtml(r[7]) + "</td>" +
      '<td class="msg">' + escapeHtml(r[8]) + "</td></tr>";
  }

  function visibleRows() {
    if (!filterText) return order;
    var needle = filterText.toLowerCase();
    return order.filter(function (i) {
      var r = DATA.findings[i];
      return [r[0], r[1], r[2], r[3], r[6], r[8]].join(" ").toLowerCase().indexOf(needle) >= 0;
    });
  }

  function drawRows() {
    var rows = visibleRows();
    var shown = showAll ? rows : rows.slice(0, ROWS_AT_ONCE);
    var body = document.querySelector("#findings tbody");
    body.innerHTML = shown.map(rowHtml).join("");
    var table = document.getElementById("findings");
    table.setAttribute("data-rows", String(shown.length));
    var more = document.getElementById("findings-more");
    more.textContent = "";
    if (!DATA.findings.length) more.textContent = "No findings: nothing to clean here.";
    if (shown.length < rows.length) {
      var button = el("button", { "class": "more", type: "button" }, "Show all " + count(rows.length) + " rows");
      button.addEventListener("click", function () { showAll = true; drawRows(); });
      more.appendChild(button);
    }
    if (DATA.findingsLeftOut) {
      more.appendChild(el("p", {}, count(DATA.findingsLeftOut) +
        " smaller findings are not listed here; tidy scan --format json lists all."));
    }
  }

  function sortBy(key) {
    if (key === sortKey) sortDown = !sortDown;
    else { sortKey = key; sortDown = COLUMNS[key].num === true; }
    var numeric = COLUMNS[key].num === true;
    order.sort(function (a, b) {
      var x = DATA.findings[a][key], y = DATA.findings[b][key];
      var cmp = numeric ? x - y : String(x).localeCompare(String(y));
      if (cmp === 0) cmp = DATA.findings[b][4] - DATA.findings[a][4];
      return sortDown ? -cmp : cmp;
    });
    document.querySelectorAll("#findings th").forEach(function (th, i) {
      if (i === key) th.setAttribute("aria-sort", sortDown ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    });
    drawRows();
  }

  function drawTable() {
    var head = document.querySelector("#findings thead tr");
    COLUMNS.forEach(function (c, i) {
      var th = el("th", { scope: "col", "data-key": String(i), tabindex: "0" }, c.label);
      if (c.num) th.classList.add("num");
      th.addEventListener("click", function () { sortBy(i); });
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") sortBy(i); });
      head.appendChild(th);
    });
    document.getElementById("filter").addEventListener("input", function (e) {
      filterText = e.target.value;
      drawRows();
    });
    sortDown = false; // the first sortBy flips it: biggest first
    sortKey = 4;
    sortBy(4);
  }

  function drawGroups() {
    if (DATA.groups.length < 2) return;
    document.getElementById("groups-panel").hidden = false;
    var head = document.querySelector("#groups thead tr");
    ["repo or folder", "scanned", "findings", "reclaimable", "search surface", "after fix"].forEach(function (label, i) {
      var th = el("th", { scope: "col" }, label);
      if (i > 0) th.classList.add("num");
      head.appendChild(th);
    });
    var body = document.querySelector("#groups tbody");
    DATA.groups.forEach(function (g) {
      var tr = el("tr");
      var name = el("td", { "class": "path" });
      var node = byPath[g.path];
      if (node) name.appendChild(el("a", { href: zoomHash(g.path) }, g.label));
      else name.textContent = g.label;
      tr.appendChild(name);
      [bytes(g.scanned.bytes), count(g.findings), bytes(g.reclaimable.bytes),
        plural(g.before.files, "file") + ", " + bytes(g.before.bytes),
        plural(g.after.files, "file") + ", " + bytes(g.after.bytes)].forEach(function (text) {
        tr.appendChild(el("td", { "class": "num" }, text));
      });
      body.appendChild(tr);
    });
  }

  function drawNotes() {
    var notes = [];
    DATA.groups.forEach(function (g) { g.notes.forEach(function (n) { notes.push(g.label + ": " + n); }); });
    DATA.warnings.forEach(function (w) { notes.push("warning: " + w); });
    DATA.notReported.forEach(function (h) {
      notes.push("not reported: " + count(h[1]) + " " + h[0] + " (" + bytes(h[2]) + "); opt in with --kind " + h[0]);
    });
    DATA.skipped.forEach(function (s) { notes.push("skipped " + s[0] + ": " + s[1]); });
    if (DATA.skippedCount > DATA.skipped.length) notes.push("... and " + count(DATA.skippedCount - DATA.skipped.length) + " more skipped paths");
    if (!notes.length) return;
    document.getElementById("notes-panel").hidden = false;
    var list = document.getElementById("notes");
    notes.forEach(function (n) { list.appendChild(el("li", {}, n)); });
  }

  function drawHeader() {
    document.getElementById("title").textContent = "tidy report: " + DATA.base;
    var groups = DATA.groups.length;
    document.getElementById("subtitle").textContent = plural(groups, "repo or folder") + " scanned" +
      (DATA.roots.length ? " from " + DATA.roots.join(", ") : "") + " in " + DATA.totals.duration + " s";
    document.getElementById("footer").textContent = "Made by tidy " + DATA.version +
      ". Self-contained: this file loads nothing from the network.";
  }

  // ------------------------------------------------------------------ start
  (window.__tidyEarlyErrors || []).forEach(function (e) { window.__tidyError(e); });
  drawHeader();
  drawTotals();
  drawLegend();
  fromHash();
  drawSurface();
  drawHistory();
  drawTable();
  drawGroups();
  drawNotes();
  document.body.setAttribute("data-ready", "1");
})();
