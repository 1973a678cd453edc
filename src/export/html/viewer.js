// pactgraph's HTML viewer: reads the graph from #pactgraph-data and draws it
// with Cytoscape.js. No network access; everything is in this page.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("pactgraph-data").textContent);
  var BIG = 800; // nodes past which the first layout is concentric, not cose
  var t0 = performance.now();
  var $ = function (id) { return document.getElementById(id); };
  var byId = {};
  var actorsById = {};
  var agreementsById = {};
  var palette = { types: {}, statuses: {}, kinds: {} };
  DATA.palette.types.forEach(function (t) { palette.types[t.type] = t; });
  DATA.palette.statuses.forEach(function (s) { palette.statuses[s.status] = s; });
  DATA.palette.kinds.forEach(function (k) { palette.kinds[k[0]] = k[1]; });

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function kindLabel(k) { return palette.kinds[k] || k; }
  function shortAgreement(g) {
    return kindLabel(g.kind) + (g.date ? " " + g.date : "");
  }

  // --- elements -----------------------------------------------------------
  var elements = [];
  var n = DATA.actors.length + DATA.agreements.length;
  var i = 0;
  function spiral() {
    // deterministic start positions: a golden-angle spiral
    var r = 30 * Math.sqrt(i), a = i * 2.399963;
    i += 1;
    return { x: r * Math.cos(a), y: r * Math.sin(a) };
  }
  DATA.actors.forEach(function (a) {
    var look = palette.types[a.type] || { fill: "#eeeeee", shape: "ellipse" };
    actorsById[a.id] = a;
    a.agreements = [];
    elements.push({
      group: "nodes",
      data: { id: a.id, label: a.label, node: "actor", type: a.type, country: a.country || "",
              fill: look.fill, shape: look.shape },
      position: spiral()
    });
  });
  DATA.agreements.forEach(function (g) {
    var look = palette.statuses[g.status] || { colour: "#444444", width: 1, line: "solid" };
    agreementsById[g.id] = g;
    g.parties.concat(g.signatories).forEach(function (p) {
      if (actorsById[p] && actorsById[p].agreements.indexOf(g.id) < 0) actorsById[p].agreements.push(g.id);
    });
    elements.push({
      group: "nodes",
      data: { id: g.id, label: shortAgreement(g), node: "agreement", status: g.status, kind: g.kind,
              date: g.date || "", colour: look.colour, width: look.width, line: look.line },
      position: spiral()
    });
  });
  DATA.edges.forEach(function (e) {
    elements.push({ group: "edges", data: { id: e[0] + "|" + e[2] + "|" + e[1], source: e[0], target: e[1], relation: e[2] } });
  });

  var style = [
    { selector: "node", style: {
      "label": "data(label)", "font-size": 10, "color": "#222", "text-valign": "bottom", "text-margin-y": 3,
      "text-wrap": "ellipsis", "text-max-width": 140, "min-zoomed-font-size": n > BIG ? 8 : 4,
      "border-width": 1, "border-color": "#666666" } },
    { selector: "node[node = 'actor']", style: {
      "shape": "data(shape)", "background-color": "data(fill)", "width": 30, "height": 20 } },
    { selector: "node[type = 'person']", style: { "width": 16, "height": 16 } },
    { selector: "node[node = 'agreement']", style: {
      "shape": "round-rectangle", "background-color": "#ffffff", "width": 16, "height": 12,
      "border-color": "data(colour)", "border-width": "data(width)", "border-style": "data(line)",
      "font-size": 8, "color": "#555" } },
    { selector: "node[line = 'double']", style: { "border-width": 3 } },
    { selector: "edge", style: { "width": 1, "line-color": "#9a9a9a", "curve-style": "haystack", "haystack-radius": 0 } },
    { selector: "edge[relation = 'signatory_of']", style: { "line-style": "dashed" } },
    { selector: "edge[relation = 'member_of']", style: {
      "line-style": "dotted", "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.7 } },
    { selector: "node:selected", style: { "overlay-color": "#1a5fb4", "overlay-opacity": 0.25, "overlay-padding": 5 } },
    { selector: ".faded", style: { "opacity": 0.12, "text-opacity": 0 } },
    { selector: ".filtered", style: { "display": "none" } }
  ];

  var big = n > BIG;
  var cy = cytoscape({
    container: $("cy"),
    elements: elements,
    style: style,
    layout: { name: "preset" },
    wheelSensitivity: 0.3,
    textureOnViewport: big,
    hideEdgesOnViewport: big,
    motionBlur: false,
    pixelRatio: big ? 1 : "auto"
  });
  window.cy = cy;

  // --- layouts ------------------------------------------------------------
  function layoutOptions(name, count) {
    switch (name) {
      case "cose":
        return { name: "cose", animate: false, randomize: false, fit: true, padding: 20,
                 // each step compares every pair of nodes: about 6e7 comparisons in all
                 numIter: Math.max(30, Math.min(1000, Math.round(6e7 / Math.max(count * count, 1)))),
                 nodeRepulsion: function () { return 6000; }, idealEdgeLength: function () { return 40; },
                 componentSpacing: 40, nodeDimensionsIncludeLabels: false };
      case "concentric":
        return { name: "concentric", animate: false, fit: true, padding: 20, minNodeSpacing: 6,
                 concentric: function (node) { return node.degree(); },
                 levelWidth: function () { return 2; } };
      case "breadthfirst":
        return { name: "breadthfirst", animate: false, fit: true, padding: 20, spacingFactor: 0.8 };
      default:
        return { name: name, animate: false, fit: true, padding: 20 };
    }
  }
  var stats = window.pactgraphStats = { nodes: cy.nodes().length, edges: cy.edges().length };
  function runLayout(name) {
    var shown = cy.elements().not(".filtered");
    var started = performance.now();
    var layout = shown.layout(layoutOptions(name, shown.nodes().length));
    layout.one("layoutstop", function () {
      stats.layout = name;
      stats.layoutMs = Math.round(performance.now() - started);
      if (stats.firstLayoutMs === undefined) {
        stats.firstLayoutMs = stats.layoutMs;
        stats.readyMs = Math.round(performance.now());
        stats.setupMs = Math.round(started - t0);
        document.body.setAttribute("data-ready", "1");
      }
    });
    layout.run();
  }

  // --- header, filters and legend ------------------------------------------
  $("title").textContent = DATA.title;
  function count(list, key) {
    var c = {};
    list.forEach(function (x) { var k = x[key]; if (k !== null && k !== undefined) c[k] = (c[k] || 0) + 1; });
    return c;
  }
  function checks(box, name, order, counts, label, swatch) {
    order.forEach(function (v) {
      if (!counts[v]) return;
      var l = el("label");
      var c = el("input", { type: "checkbox", id: name + "-" + v, value: v, "data-filter": name });
      c.checked = true;
      l.appendChild(c);
      if (swatch) l.appendChild(swatch(v));
      l.appendChild(document.createTextNode(label(v) + " (" + counts[v] + ")"));
      box.appendChild(l);
    });
  }
  function typeSwatch(t) {
    var look = palette.types[t];
    var s = el("span", { "class": "swatch " + look.shape });
    s.style.background = look.fill;
    return s;
  }
  function statusSwatch(st) {
    var look = palette.statuses[st];
    var s = el("span", { "class": "swatch" });
    s.style.background = "#fff";
    s.style.border = Math.max(1, Math.round(look.width)) + "px " + look.line + " " + look.colour;
    if (look.line === "double") s.style.borderWidth = "4px";
    return s;
  }
  checks($("filter-status"), "status", DATA.palette.statuses.map(function (s) { return s.status; }),
         count(DATA.agreements, "status"), function (v) { return v; }, statusSwatch);
  checks($("filter-kind"), "kind", DATA.palette.kinds.map(function (k) { return k[0]; }),
         count(DATA.agreements, "kind"), kindLabel);
  checks($("filter-type"), "type", DATA.palette.types.map(function (t) { return t.type; }),
         count(DATA.actors, "type"), function (v) { return palette.types[v].label; }, typeSwatch);
  var countryCounts = count(DATA.actors, "country");
  Object.keys(DATA.countries).sort(function (a, b) {
    return DATA.countries[a].localeCompare(DATA.countries[b]);
  }).forEach(function (c) {
    $("filter-country").appendChild(el("option", { value: c }, DATA.countries[c] + " (" + (countryCounts[c] || 0) + ")"));
  });
  (function legend() {
    var box = $("legend");
    box.appendChild(el("h2", null, "Legend"));
    var types = count(DATA.actors, "type");
    DATA.palette.types.forEach(function (t) {
      if (!types[t.type]) return;
      var d = el("div"); d.appendChild(typeSwatch(t.type)); d.appendChild(document.createTextNode(t.label)); box.appendChild(d);
    });
    var st = count(DATA.agreements, "status");
    DATA.palette.statuses.forEach(function (s) {
      if (!st[s.status]) return;
      var d = el("div"); d.appendChild(statusSwatch(s.status));
      d.appendChild(document.createTextNode("agreement, " + s.status)); box.appendChild(d);
    });
    box.appendChild(el("div", { "class": "hint" }, "line: party to · dashed: signed by · dotted arrow: part of"));
  })();

  var DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
  function bounds(d) {
    if (d.length === 4) return [d + "-01-01", d + "-12-31"];
    if (d.length === 7) return [d + "-01", d + "-31"];
    return [d, d];
  }
  function dateInput(id) {
    var v = $(id).value.trim();
    var ok = v === "" || DATE.test(v);
    $(id).style.borderColor = ok ? "" : "#c62828";
    return ok && v !== "" ? v : null;
  }
  function checkedSet(name) {
    var s = {}, all = true;
    document.querySelectorAll("input[data-filter='" + name + "']").forEach(function (c) {
      if (c.checked) s[c.value] = true; else all = false;
    });
    return { has: function (v) { return !!s[v]; }, all: all };
  }

  function applyFilters() {
    var status = checkedSet("status"), kind = checkedSet("kind"), type = checkedSet("type");
    var country = $("filter-country").value;
    var since = dateInput("filter-since"), until = dateInput("filter-until");
    var agreementFilter = !status.all || !kind.all || since || until;
    var actorOk = {}, agreementShown = {}, actorHasAgreement = {};
    DATA.actors.forEach(function (a) {
      actorOk[a.id] = type.has(a.type) && (country === "" || a.country === country);
    });
    DATA.agreements.forEach(function (g) {
      var ok = status.has(g.status) && kind.has(g.kind);
      if (ok && (since || until)) {
        if (!g.date) ok = false;
        else {
          var b = bounds(g.date);
          if (since && b[1] < bounds(since)[0]) ok = false;
          if (until && b[0] > bounds(until)[1]) ok = false;
        }
      }
      var party = g.parties.some(function (p) { return actorOk[p]; });
      if (ok && (party || g.parties.length === 0)) {
        agreementShown[g.id] = true;
        g.parties.concat(g.signatories).forEach(function (p) { actorHasAgreement[p] = true; });
      }
    });
    cy.batch(function () {
      cy.nodes().forEach(function (node) {
        var id = node.id(), show;
        if (agreementsById[id]) show = !!agreementShown[id];
        else show = actorOk[id] && (!agreementFilter || !!actorHasAgreement[id]);
        if (show) node.removeClass("filtered"); else node.addClass("filtered");
      });
    });
    updateCounts();
  }
  function updateCounts() {
    var all = cy.nodes().length, shown = cy.nodes().not(".filtered").length;
    // cose compares every pair of nodes on each step: minutes past BIG nodes
    var cose = document.querySelector("#layout option[value='cose']");
    cose.disabled = shown > BIG;
    cose.textContent = shown > BIG ? "force-directed (filter to " + BIG + " nodes first)" : "force-directed (cose)";
    var c = $("counts");
    c.setAttribute("data-nodes", all);
    c.setAttribute("data-shown", shown);
    c.textContent = DATA.actors.length + " actors, " + DATA.agreements.length + " agreements from " +
      DATA.documents + " documents · " + (shown === all ? "all " + all + " nodes shown" : shown + " of " + all + " nodes shown");
  }
  document.querySelectorAll("input[data-filter]").forEach(function (c) { c.addEventListener("change", applyFilters); });
  $("filter-country").addEventListener("change", applyFilters);
  $("filter-since").addEventListener("input", applyFilters);
  $("filter-until").addEventListener("input", applyFilters);
  $("reset").addEventListener("click", function () {
    document.querySelectorAll("input[data-filter]").forEach(function (c) { c.checked = true; });
    $("filter-country").value = "";
    $("filter-since").value = "";
    $("filter-until").value = "";
    applyFilters();
  });

  // --- details and neighbourhood --------------------------------------------
  function link(id) {
    var x = actorsById[id] || agreementsById[id];
    if (!x) return el("span", null, id);
    var a = el("a", { href: "#", "data-id": id }, x.label);
    a.addEventListener("click", function (ev) { ev.preventDefault(); choose(id); });
    return a;
  }
  function list(parent, ids) {
    var ul = el("ul");
    ids.forEach(function (id) { var li = el("li"); li.appendChild(link(id)); ul.appendChild(li); });
    parent.appendChild(ul);
  }
  function dl(parent, rows) {
    var d = el("dl");
    rows.forEach(function (r) {
      if (r[1] === null || r[1] === undefined || r[1] === "") return;
      d.appendChild(el("dt", null, r[0]));
      var dd = el("dd");
      if (r[1] instanceof Node) dd.appendChild(r[1]); else dd.textContent = r[1];
      d.appendChild(dd);
    });
    parent.appendChild(d);
  }
  function byLabel(a, b) {
    var x = (actorsById[a] || agreementsById[a] || { label: a }).label;
    var y = (actorsById[b] || agreementsById[b] || { label: b }).label;
    return x.localeCompare(y) || (a < b ? -1 : 1);
  }
  function showActor(a) {
    var box = $("details");
    box.textContent = "";
    box.appendChild(el("h3", null, a.label));
    dl(box, [["type", (palette.types[a.type] || {}).label || a.type],
             ["country", a.country ? (DATA.countries[a.country] || a.country) + " (" + a.country + ")" : null],
             ["mentions", String(a.mentions)],
             ["found", a.discovered ? "discovered in the text" : "gazetteer"],
             ["id", a.id]]);
    var others = a.aliases.filter(function (x) { return x !== a.label; });
    if (others.length) { box.appendChild(el("h4", null, "Also known as")); box.appendChild(el("p", null, others.join(" · "))); }
    var partners = {};
    a.agreements.forEach(function (gid) {
      agreementsById[gid].parties.forEach(function (p) { if (p !== a.id && actorsById[p]) partners[p] = true; });
    });
    var ps = Object.keys(partners).sort(byLabel);
    box.appendChild(el("h4", null, "Partners (" + ps.length + ")"));
    list(box, ps);
    box.appendChild(el("h4", null, "Agreements (" + a.agreements.length + ")"));
    list(box, a.agreements.slice().sort(byLabel));
  }
  function showAgreement(g) {
    var box = $("details");
    box.textContent = "";
    box.appendChild(el("h3", null, g.label));
    dl(box, [["kind", kindLabel(g.kind)], ["status", g.status], ["date", g.date || "no date given"],
             ["topics", g.topics.join(", ") || null], ["id", g.id]]);
    box.appendChild(el("h4", null, "Parties (" + g.parties.length + ")"));
    list(box, g.parties);
    if (g.signatories.length) { box.appendChild(el("h4", null, "Signatories")); list(box, g.signatories); }
    var involved = {};
    g.parties.concat(g.signatories).forEach(function (p) { involved[p] = true; });
    box.appendChild(el("h4", null, "Evidence (" + g.evidence.length + " sentences)"));
    g.evidence.forEach(function (e) {
      var d = el("div", { "class": "evidence" });
      var q = el("div", { "class": "sentence" });
      e.parts.forEach(function (p) {
        if (p[1]) {
          var m = el("mark", { "class": involved[p[1]] ? "actor party" : "actor", title: (actorsById[p[1]] || {}).label || p[1] }, p[0]);
          q.appendChild(m);
        } else q.appendChild(document.createTextNode(p[0]));
      });
      d.appendChild(q);
      d.appendChild(el("div", { "class": "doc" }, e.doc + " · sentence " + e.sentence + " · rule " + e.rule));
      box.appendChild(d);
    });
  }
  function focus(node) {
    var hood = node.closedNeighborhood();
    if (node.data("node") === "actor") hood = hood.union(hood.nodes("[node = 'agreement']").closedNeighborhood());
    cy.batch(function () {
      cy.elements().addClass("faded");
      hood.removeClass("faded");
    });
  }
  function choose(id, center) {
    var node = cy.getElementById(id);
    if (node.empty()) return;
    cy.$(":selected").unselect();
    node.select();
    focus(node);
    if (actorsById[id]) showActor(actorsById[id]); else showAgreement(agreementsById[id]);
    if (node.hasClass("filtered")) $("details").insertBefore(el("p", { "class": "hint" }, "Hidden by the filters now set."), $("details").firstChild);
    if (center) cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 250 });
  }
  cy.on("tap", "node", function (ev) { choose(ev.target.id(), false); });
  cy.on("tap", function (ev) {
    if (ev.target !== cy) return;
    cy.elements().removeClass("faded");
    $("details").textContent = "";
    $("details").appendChild(el("p", { "class": "hint" }, "Click an actor or an agreement, or search for a name."));
  });

  // --- search ---------------------------------------------------------------
  var index = DATA.actors.map(function (a) {
    return { id: a.id, label: a.label, names: a.aliases.concat([a.label]).map(function (x) { return [fold(x), x]; }) };
  }).concat(DATA.agreements.map(function (g) {
    return { id: g.id, label: g.label, names: [[fold(g.label), g.label]] };
  }));
  var found = [];
  function search() {
    var q = fold($("search").value.trim());
    var ul = $("results");
    ul.textContent = "";
    found = [];
    if (!q) return;
    index.forEach(function (x) {
      var best = null;
      x.names.forEach(function (nm) {
        var rank = nm[0] === q ? 0 : nm[0].indexOf(q) === 0 ? 1 : nm[0].indexOf(q) > 0 ? 2 : null;
        if (rank !== null && (best === null || rank < best[0])) best = [rank, nm[1]];
      });
      if (best) found.push({ rank: best[0], via: best[1], x: x });
    });
    found.sort(function (a, b) {
      return a.rank - b.rank || (actorsById[b.x.id] ? 1 : 0) - (actorsById[a.x.id] ? 1 : 0) || a.x.label.localeCompare(b.x.label);
    });
    found.slice(0, 20).forEach(function (f, k) {
      var li = el("li", { "data-id": f.x.id, "class": k === 0 ? "active" : "" }, f.x.label);
      if (f.via !== f.x.label) li.appendChild(el("span", { "class": "alias" }, " — " + f.via));
      li.addEventListener("click", function () { choose(f.x.id, true); });
      ul.appendChild(li);
    });
    if (found.length > 20) ul.appendChild(el("li", { "class": "alias" }, (found.length - 20) + " more"));
  }
  $("search").addEventListener("input", search);
  $("search").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && found.length) { ev.preventDefault(); choose(found[0].x.id, true); }
  });

  // --- layout, fit, PNG ---------------------------------------------------------
  $("layout").value = big ? "concentric" : "cose";
  $("layout").addEventListener("change", function () { runLayout($("layout").value); });
  $("fit").addEventListener("click", function () { cy.fit(cy.elements().not(".filtered"), 20); });
  $("png").addEventListener("click", function () {
    var a = el("a", { href: cy.png({ full: false, scale: 2, bg: "#ffffff" }), download: "pactgraph.png" });
    document.body.appendChild(a);
    a.click();
    a.remove();
  });

  updateCounts();
  runLayout($("layout").value);
})();
