// The network page: load /api/network with the form's filters and draw it with Cytoscape.
// Labels are drawn as text on the canvas (never parsed as HTML) and cut to NAME_CHARS.
// Labels keep their size on screen at any zoom; a label that would overlap a bigger node's
// label is hidden (it shows on hover, or once zooming in makes room for it).
(function () {
  "use strict";
  var NAME_CHARS = 80;
  var COLORS = { group: "#b3261e", person: "#1f5f99", organization: "#6b4fa3", state: "#2b7a4b", place: "#a36a00" };
  var EDGE_COLORS = { allied_with: "#2b7a4b", rival_of: "#b3261e", leader_of: "#1f5f99", member_of: "#5b8fc7",
    part_of: "#6b4fa3", splinter_of: "#d9822b", pledged_allegiance_to: "#8c5a2b", based_in: "#a36a00",
    designated_by: "#555", supports: "#2aa198", citizen_of: "#aaa" };
  var SYMMETRIC = { allied_with: true, rival_of: true };
  var LABEL_PX = 12, SMALL_LABEL_PX = 10, LABEL_WIDTH_PX = 150;
  var form = document.getElementById("graph-filters");
  var status = document.getElementById("graph-status");
  var cy = null;

  function query() {
    var data = new FormData(form), params = new URLSearchParams();
    var types = data.getAll("types"), preds = data.getAll("predicates");
    if (types.length) { params.set("types", types.join(",")); }
    if (preds.length) { params.set("predicates", preds.join(",")); }
    ["since", "until", "focus", "as_of"].forEach(function (k) { var v = (data.get(k) || "").trim(); if (v) { params.set(k, v); } });
    return params.toString();
  }

  function short(name) {
    name = String(name == null ? "" : name);
    return name.length > NAME_CHARS ? name.slice(0, NAME_CHARS) + "…" : name;
  }

  function draw(graph) {
    var maxDegree = graph.nodes.reduce(function (m, n) { return Math.max(m, n.degree); }, 1);
    var elements = graph.nodes.map(function (n) {
      return { data: { id: n.id, label: short(n.name), type: n.type, size: 14 + 36 * Math.sqrt(n.degree / maxDegree) } };
    }).concat(graph.edges.map(function (e, i) {
      return { data: { id: "e" + i, source: e.source, target: e.target, predicate: e.predicate,
        width: Math.min(1 + Math.log2(e.weight + 1) * 1.5, 9), denied: e.denied > 0, symmetric: !!SYMMETRIC[e.predicate] } };
    }));
    if (cy) { cy.destroy(); }
    cy = cytoscape({
      container: document.getElementById("cy"),
      elements: elements,
      style: [
        { selector: "node", style: { "background-color": function (n) { return COLORS[n.data("type")] || "#777"; },
          width: "data(size)", height: "data(size)", label: "data(label)", "font-size": LABEL_PX, color: "#222",
          "text-valign": "bottom", "text-margin-y": 2, "text-outline-color": "#fff", "text-outline-width": 2,
          "text-wrap": "ellipsis", "text-max-width": LABEL_WIDTH_PX } },
        { selector: "node.quiet", style: { "text-opacity": 0, "text-outline-opacity": 0 } },
        { selector: "node.quiet.hover", style: { "text-opacity": 1, "text-outline-opacity": 1, "z-index": 10 } },
        { selector: "edge", style: { width: "data(width)", "curve-style": "bezier", opacity: 0.75,
          "line-color": function (e) { return EDGE_COLORS[e.data("predicate")] || "#999"; },
          "target-arrow-color": function (e) { return EDGE_COLORS[e.data("predicate")] || "#999"; },
          "target-arrow-shape": function (e) { return e.data("symmetric") ? "none" : "triangle"; },
          "arrow-scale": 0.8 } },
        { selector: "edge[?denied]", style: { "line-style": "dashed" } },
        { selector: "node:selected", style: { "border-width": 3, "border-color": "#000" } }
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 80,
        componentSpacing: 40, numIter: 1500, padding: 20 }
    });
    cy.on("mouseover", "node", function (evt) { evt.target.addClass("hover"); });
    cy.on("mouseout", "node", function (evt) { evt.target.removeClass("hover"); });
    var pending = null;
    cy.on("zoom", function () { clearTimeout(pending); pending = setTimeout(declutter, 120); });
    declutter();
    legend(graph);
    cy.on("tap", "node", function (evt) { window.location.href = "/entities/" + encodeURIComponent(evt.target.id()).replace("%3A", ":"); });
    cy.on("mouseover", "edge", function (evt) { status.textContent = evt.target.data("predicate").replace(/_/g, " "); });
    status.textContent = graph.nodes.length + " nodes, " + graph.edges.length + " edges" + (graph.truncated ? " (largest shown)" : "");
    window.oxusGraph = cy;
    document.getElementById("cy").setAttribute("data-ready", "1");
  }

  // Labels the same size on screen whatever the zoom; then, biggest nodes first, hide each
  // label that would overlap one already shown.
  function declutter() {
    var zoom = cy.zoom(), shown = [];
    cy.batch(function () {
      cy.nodes().forEach(function (n) {
        var px = n.data("size") < 24 ? SMALL_LABEL_PX : LABEL_PX;
        n.style({ "font-size": px / zoom, "text-max-width": LABEL_WIDTH_PX / zoom, "text-outline-width": 2 / zoom });
      });
    });
    var nodes = cy.nodes().sort(function (a, b) { return b.data("size") - a.data("size") || (a.id() < b.id() ? -1 : 1); });
    var bodies = [];  // the bigger nodes already placed: a label under one is unreadable
    function hits(box, others) {
      return others.some(function (o) { return box.x1 < o.x2 && o.x1 < box.x2 && box.y1 < o.y2 && o.y1 < box.y2; });
    }
    cy.batch(function () {
      nodes.forEach(function (n) {
        var box = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
        if (hits(box, shown) || hits(box, bodies)) { n.addClass("quiet"); } else { n.removeClass("quiet"); shown.push(box); }
        bodies.push(n.boundingBox({ includeLabels: false, includeOverlays: false }));
      });
    });
    document.getElementById("cy").setAttribute("data-labels", String(shown.length));
  }

  // The key to edge colours: the predicates drawn, each with its colour and direction.
  function legend(graph) {
    var box = document.getElementById("edge-legend");
    if (!box) { return; }
    var present = {};
    graph.edges.forEach(function (e) { present[e.predicate] = true; });
    box.textContent = "";
    Object.keys(EDGE_COLORS).filter(function (p) { return present[p]; }).forEach(function (p) {
      var key = document.createElement("span");
      key.className = "edge-key";
      key.setAttribute("data-predicate", p);
      var line = document.createElement("i");
      line.style.backgroundColor = EDGE_COLORS[p];
      key.appendChild(line);
      key.appendChild(document.createTextNode(p.replace(/_/g, " ") + (SYMMETRIC[p] ? "" : " →")));
      box.appendChild(key);
    });
  }

  function load() {
    status.textContent = "loading…";
    fetch("/api/network?" + query(), { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
      .then(draw)
      .catch(function (err) { status.textContent = "could not load the network: " + err.message; });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); load(); });
  load();
})();
