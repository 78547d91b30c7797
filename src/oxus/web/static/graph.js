// The network page: load /api/network with the form's filters and draw it with Cytoscape.
// Labels are drawn as text on the canvas (never parsed as HTML) and cut to NAME_CHARS.
(function () {
  "use strict";
  var NAME_CHARS = 80;
  var COLORS = { group: "#b3261e", person: "#1f5f99", organization: "#6b4fa3", state: "#2b7a4b", place: "#a36a00" };
  var EDGE_COLORS = { allied_with: "#2b7a4b", rival_of: "#b3261e", leader_of: "#1f5f99", member_of: "#5b8fc7",
    part_of: "#6b4fa3", splinter_of: "#d9822b", pledged_allegiance_to: "#8c5a2b", based_in: "#a36a00",
    designated_by: "#555", supports: "#2aa198", citizen_of: "#aaa" };
  var SYMMETRIC = { allied_with: true, rival_of: true };
  var form = document.getElementById("graph-filters");
  var status = document.getElementById("graph-status");
  var cy = null;

  function query() {
    var data = new FormData(form), params = new URLSearchParams();
    var types = data.getAll("types"), preds = data.getAll("predicates");
    if (types.length) { params.set("types", types.join(",")); }
    if (preds.length) { params.set("predicates", preds.join(",")); }
    ["since", "until", "focus"].forEach(function (k) { var v = (data.get(k) || "").trim(); if (v) { params.set(k, v); } });
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
          width: "data(size)", height: "data(size)", label: "data(label)", "font-size": 12, color: "#222",
          "text-valign": "bottom", "text-margin-y": 2, "text-outline-color": "#fff", "text-outline-width": 2 } },
        { selector: "node[size < 24]", style: { "font-size": 10, "min-zoomed-font-size": 7 } },
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
    cy.on("tap", "node", function (evt) { window.location.href = "/entities/" + encodeURIComponent(evt.target.id()).replace("%3A", ":"); });
    cy.on("mouseover", "edge", function (evt) { status.textContent = evt.target.data("predicate").replace(/_/g, " "); });
    status.textContent = graph.nodes.length + " nodes, " + graph.edges.length + " edges" + (graph.truncated ? " (largest shown)" : "");
    window.oxusGraph = cy;
    document.getElementById("cy").setAttribute("data-ready", "1");
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
