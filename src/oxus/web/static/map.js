// Maps without tiles: vendored country outlines (world-atlas TopoJSON) and place markers.
// Names come from data: they reach the page only as text nodes (textContent), never as
// HTML strings, which Leaflet's bindTooltip/bindPopup would parse.
(function () {
  "use strict";
  var NAME_CHARS = 200;
  var OUTLINES = "/static/vendor/world-atlas/countries-50m.json";
  var outlines = null;

  function baseMap(el, zoom) {
    var map = L.map(el, { zoomSnap: 0.5, minZoom: 2, maxZoom: 10, attributionControl: true })
      .setView([37.5, 67.5], zoom);
    map.attributionControl.setPrefix(false).addAttribution("Natural Earth");
    (outlines || (outlines = fetch(OUTLINES).then(function (r) { return r.json(); })))
      .then(function (topo) {
        L.geoJSON(topojson.feature(topo, topo.objects.countries), {
          style: { color: "#8a9aab", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 },
          interactive: false
        }).addTo(map).bringToBack();
        el.setAttribute("data-outlines", "1");
      });
    return map;
  }

  function short(name) {
    name = String(name == null ? "" : name);
    return name.length > NAME_CHARS ? name.slice(0, NAME_CHARS) + "… [cut]" : name;
  }

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function entityLink(ref) {
    return el("a", short(ref.name), { href: "/entities/" + encodeURIComponent(ref.id).replace("%3A", ":") });
  }

  function popup(p) {
    var box = el("div", null, { "class": "map-pop" });
    var title = el("h4");
    title.appendChild(entityLink(p.place));
    if (p.approximate) { title.appendChild(el("span", " (approximate)", { "class": "muted small" })); }
    box.appendChild(title);
    if (p.bases.length) {
      box.appendChild(el("div", "Based here:", { "class": "small muted" }));
      var ul = el("ul");
      p.bases.forEach(function (b) {
        var li = el("li");
        li.appendChild(entityLink(b.group));
        li.appendChild(el("span", " " + b.claims + " report" + (b.claims === 1 ? "" : "s") +
          (b.latest ? ", latest " + b.latest : "") + (b.sources.length ? " (" + b.sources.slice(0, 3).map(short).join(", ") + ")" : ""),
          { "class": "small muted pop-source" }));
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    if (p.incident_count) {
      box.appendChild(el("div", p.incident_count + " incident(s):", { "class": "small muted" }));
      var list = el("ul");
      p.incidents.forEach(function (e) {
        var li = el("li");
        li.appendChild(el("a", (e.date || "undated") + " " + e.type.replace(/_/g, " "),
          { href: "/incidents/" + encodeURIComponent(e.id) }));
        var by = e.sources.map(short).join(", ") + (e.documents > e.sources.length ? " +" + (e.documents - e.sources.length) : "");
        li.appendChild(el("span", " — " + (by ? by + ", " : "") +
          (e.first_reported ? "first reported " + e.first_reported : "publication date unknown"),
          { "class": "small muted pop-source" }));
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    return box;
  }

  function drawPlaces(map, layer, places) {
    layer.clearLayers();
    places.forEach(function (p) {
      var latlng = [p.lat, p.lon];
      if (p.incident_count) {
        L.circleMarker(latlng, { radius: 4 + 3 * Math.sqrt(p.incident_count), color: "#b3261e", weight: 1.5,
          fillColor: "#e0605a", fillOpacity: p.approximate ? 0.15 : 0.55 }).bindPopup(popup(p)).addTo(layer);
      }
      if (p.bases.length) {
        L.marker(latlng, { icon: L.divIcon({ className: "base-icon" + (p.approximate ? " approx" : ""), iconSize: [12, 12] }),
          title: short(p.place.name) }).bindPopup(popup(p)).addTo(layer);
      }
    });
  }

  var big = document.getElementById("map");
  if (big) {
    var map = baseMap(big, 5);
    var layer = L.layerGroup().addTo(map);
    var form = document.getElementById("map-filters");
    var status = document.getElementById("map-status");
    var load = function () {
      var data = new FormData(form), params = new URLSearchParams();
      ["group", "types", "since", "until", "as_of"].forEach(function (k) { var v = (data.get(k) || "").trim(); if (v) { params.set(k, v); } });
      status.textContent = "loading…";
      fetch(big.getAttribute("data-source") + "?" + params.toString())
        .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
        .then(function (fc) {
          drawPlaces(map, layer, fc.features.map(function (f) { return f.properties; }));
          status.textContent = fc.features.length + " places";
          if (params.get("group") && fc.features.length) {
            map.fitBounds(fc.features.map(function (f) { return [f.geometry.coordinates[1], f.geometry.coordinates[0]]; }),
              { padding: [60, 60], maxZoom: 6 });
          }
          big.setAttribute("data-ready", "1");
        })
        .catch(function (err) { status.textContent = "could not load places: " + err.message; });
    };
    form.addEventListener("submit", function (event) { event.preventDefault(); load(); });
    load();
  }

  var mini = document.getElementById("basemap");
  if (mini) {
    var places = JSON.parse(mini.getAttribute("data-places") || "[]");
    var small = baseMap(mini, 4);
    var bounds = [];
    places.forEach(function (p) {
      L.marker([p.lat, p.lon], { icon: L.divIcon({ className: "base-icon", iconSize: [12, 12] }), title: short(p.name) })
        .bindTooltip(el("span", short(p.name)), { permanent: places.length <= 3, direction: "right", className: "base-label" })
        .addTo(small);
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length > 1) { small.fitBounds(bounds, { padding: [40, 40], maxZoom: 5 }); }
    else if (bounds.length === 1) { small.setView(bounds[0], 4.5); }
    mini.setAttribute("data-ready", "1");
  }
})();
