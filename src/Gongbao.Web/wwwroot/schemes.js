// Scheme forms for the Gongbao reader (self-contained, no dependencies).
// Usage: <div data-gongbao-schemes="jingguizifa-2024-122"></div><script src="/schemes.js" defer></script>
// or GongbaoSchemes.mount(element, documentId, { provisionHref: id => "/provisions/" + id }).
// It asks GET /api/schemes?document=… which schemes the document defines, builds a form from each
// scheme's input schema (GET /api/schemes/{id}), posts it to /api/schemes/{id}/evaluate and shows the
// outputs and the trace, each step linked to the provision it rests on.
(function () {
  "use strict";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k.indexOf("on") === 0) node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      return r.json();
    });
  }

  function field(name, prop, required) {
    var id = "gb-" + name + "-" + Math.random().toString(36).slice(2, 8);
    var label = el("label", { for: id, text: (prop.title || name) + (prop["x-unit"] ? " (" + prop["x-unit"] + ")" : "") + (required ? " *" : "") });
    var labels = prop["x-optionLabels"] || {};
    var input;
    if (prop.type === "array") {
      input = el("select", { id: id, name: name, multiple: "multiple", "data-kind": prop.uniqueItems ? "set" : "list" });
      (prop.items.enum || []).forEach(function (v) { input.appendChild(el("option", { value: v, text: labels[v] || v })); });
    } else if (prop.enum) {
      input = el("select", { id: id, name: name, "data-kind": "choice" }, [el("option", { value: "", text: "—" })]);
      prop.enum.forEach(function (v) { input.appendChild(el("option", { value: v, text: labels[v] || v })); });
    } else if (prop.type === "boolean") {
      input = el("select", { id: id, name: name, "data-kind": "boolean" }, [
        el("option", { value: "", text: "—" }), el("option", { value: "true", text: "是" }), el("option", { value: "false", text: "否" })]);
    } else {
      input = el("input", { id: id, name: name, "data-kind": prop.type === "string" ? "date" : "number",
        type: prop.type === "string" ? "date" : "number", step: prop.type === "integer" ? "1" : "any" });
      if (prop.minimum !== undefined) input.setAttribute("min", prop.minimum);
      if (prop.maximum !== undefined) input.setAttribute("max", prop.maximum);
    }
    var row = el("div", { class: "gb-field", "data-field": name }, [label, input, el("span", { class: "gb-error" })]);
    if (prop.description) row.appendChild(el("small", { text: prop.description }));
    return row;
  }

  function readForm(form) {
    var body = {};
    form.querySelectorAll("[data-kind]").forEach(function (input) {
      var kind = input.getAttribute("data-kind"), name = input.name;
      if (kind === "set" || kind === "list") {
        var values = Array.prototype.filter.call(input.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
        if (values.length) body[name] = values;
      } else if (input.value !== "") {
        body[name] = kind === "number" ? Number(input.value) : kind === "boolean" ? input.value === "true" : input.value;
      }
    });
    return body;
  }

  function traceList(step, href) {
    var text = step.label + (step.value !== undefined ? " = " + step.value + (step.unit ? " " + step.unit : "") : "");
    var item = el("li", {}, [el("span", { text: text })]);
    if (step.provisionId) {
      item.appendChild(document.createTextNode(" "));
      item.appendChild(el("a", { href: href(step.provisionId), class: "gb-cite", text: step.provisionId }));
      item.appendChild(el("q", { text: step.excerpt }));
    }
    if (step.steps) item.appendChild(el("ul", {}, step.steps.map(function (s) { return traceList(s, href); })));
    return item;
  }

  function showResult(target, result, href) {
    target.innerHTML = "";
    var table = el("table", { class: "gb-outputs" });
    Object.keys(result.outputs).forEach(function (k) {
      var v = result.outputs[k];
      var shown = Array.isArray(v) ? v.join("；") : v !== null && typeof v === "object" ? JSON.stringify(v) : String(v);
      table.appendChild(el("tr", {}, [el("th", { text: k }), el("td", { text: shown })]));
    });
    target.appendChild(table);
    target.appendChild(el("ul", { class: "gb-trace" }, [traceList(result.trace, href)]));
  }

  function schemeForm(summary, href) {
    var box = el("section", { class: "gb-scheme", "data-scheme": summary.id }, [el("h3", { text: summary.title + " · " + summary.documentNumber })]);
    var out = el("div", { class: "gb-result" });
    getJson("/api/schemes/" + encodeURIComponent(summary.id)).then(function (d) {
      var schema = d.inputs, required = schema.required || [];
      var form = el("form", {});
      Object.keys(schema.properties).forEach(function (name) {
        var prop = schema.properties[name];
        form.appendChild(field(name, prop, required.indexOf(name) >= 0 || prop["x-requiredInGroup"]));
      });
      // The evaluation date picks the parameter values in force; it is explicit so a result never drifts with the calendar.
      var asOf = el("input", { type: "date", name: "asOf", required: "required", value: new Date().toISOString().slice(0, 10) });
      form.appendChild(el("label", { "data-field": "asOf" }, [el("span", { text: "评估日期 asOf " }), asOf, el("span", { class: "gb-error" })]));
      form.appendChild(el("button", { type: "submit", text: "计算 Evaluate" }));
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        form.querySelectorAll(".gb-error").forEach(function (s) { s.textContent = ""; });
        out.textContent = "";
        fetch("/api/schemes/" + encodeURIComponent(summary.id) + "/evaluate?asOf=" + encodeURIComponent(asOf.value), {
          method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(readForm(form)),
        }).then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); }).then(function (r) {
          if (r.ok) { showResult(out, r.body, href); return; }
          out.textContent = r.body.title || "error";
          Object.keys(r.body.errors || {}).forEach(function (name) {
            var row = form.querySelector('[data-field="' + name + '"] .gb-error');
            var msg = r.body.errors[name].join("; ");
            if (row) row.textContent = msg; else out.appendChild(el("p", { class: "gb-error", text: name + ": " + msg }));
          });
        });
      });
      box.appendChild(form);
      box.appendChild(out);
    });
    return box;
  }

  function mount(target, documentId, options) {
    var href = (options && options.provisionHref) || function (id) { return "#" + id; };
    return getJson("/api/schemes?document=" + encodeURIComponent(documentId)).then(function (list) {
      list.forEach(function (s) { target.appendChild(schemeForm(s, href)); });
      return list.length;
    });
  }

  window.GongbaoSchemes = { mount: mount };
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-gongbao-schemes]").forEach(function (node) {
      mount(node, node.getAttribute("data-gongbao-schemes"));
    });
  });
})();
