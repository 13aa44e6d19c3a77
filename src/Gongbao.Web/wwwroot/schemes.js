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

  // Validation codes of the API (InputError.Code) in Chinese; the English messages stay for API users.
  var ERROR_TEXT = {
    required: "必填", unknownField: "不是可识别的项目", duplicate: "项目重复", noGroup: "请至少填写一项措施的内容",
    notNumber: "须为数字", notInteger: "须为整数", outOfRange: "超出范围", notBoolean: "须为“是”或“否”",
    notDate: "须为有效日期（年-月-日）", notOption: "不是可选的值", unreadable: "无法识别的值",
    notInForce: "该日期没有有效的规定，请调整评估日期", conflict: "与其他项目的填写不一致",
  };
  function errorText(code) { return ERROR_TEXT[code] || "输入有误"; }

  function getJson(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      return r.json();
    });
  }

  // required: true (always), "group" (when the measure group is claimed) or false (选填: no star).
  function field(name, prop, required) {
    var id = "gb-" + name + "-" + Math.random().toString(36).slice(2, 8);
    var label = el("label", { for: id }, [document.createTextNode((prop.title || name) + (prop["x-unit"] ? "（" + prop["x-unit"] + "）" : ""))]);
    if (required === true) label.appendChild(el("span", { class: "gb-req", title: "必填", text: " *" }));
    else if (required === "group") label.appendChild(el("span", { class: "gb-opt", text: " 申报此项时必填" }));
    else label.appendChild(el("span", { class: "gb-opt", text: " 选填" }));
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
    var body = {}, bad = [];
    form.querySelectorAll("[data-kind]").forEach(function (input) {
      var kind = input.getAttribute("data-kind"), name = input.name;
      if (kind === "set" || kind === "list") {
        var values = Array.prototype.filter.call(input.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
        if (values.length) body[name] = values;
      } else if (input.validity && input.validity.badInput) {
        bad.push(name); // typed text the browser cannot read as a number or date: never silently left out
      } else if (input.value !== "") {
        body[name] = kind === "number" ? Number(input.value) : kind === "boolean" ? input.value === "true" : input.value;
      }
    });
    return { body: body, bad: bad };
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

  function isMoney(unit) { return !!unit && unit.indexOf("元") >= 0; }

  // Exact values arrive from the server; only the display rounds (money to 2 decimals, with separators).
  function display(value, out) {
    var unit = out && out.unit, codes = (out && out.values) || {};
    if (value === null || value === undefined) return "—";
    if (typeof value === "boolean") return value ? "是" : "否";
    if (typeof value === "number") {
      var shown = value.toLocaleString("zh-CN", { maximumFractionDigits: isMoney(unit) ? 2 : 4 });
      return unit ? shown + " " + unit : shown;
    }
    if (Array.isArray(value)) return value.length ? value.map(function (v) { return codes[v] || v; }).join("；") : "无";
    if (typeof value === "object") {
      return Object.keys(value).map(function (k) { return k + "：" + display(value[k], out); }).join("；");
    }
    return codes[value] || String(value);
  }

  function showResult(target, result, href, outputs) {
    target.replaceChildren();
    var labels = {};
    (outputs || []).forEach(function (o) { labels[o.name] = o; });
    var table = el("table", { class: "gb-outputs" });
    Object.keys(result.outputs).forEach(function (k) {
      if (k === "unit" && labels.unit) return; // each money output carries its own unit
      var o = labels[k];
      table.appendChild(el("tr", { "data-output": k }, [el("th", { text: o ? o.label : k }), el("td", { text: display(result.outputs[k], o) })]));
    });
    target.appendChild(el("p", { class: "gb-asof", text: "评估日期 " + result.asOf }));
    target.appendChild(table);
    target.appendChild(el("details", { class: "gb-trace-box" }, [el("summary", { text: "计算过程与依据" }),
      el("ul", { class: "gb-trace" }, [traceList(result.trace, href)])]));
  }

  function schemeForm(summary, href) {
    var box = el("section", { class: "gb-scheme", id: "scheme-" + summary.id, "data-scheme": summary.id },
      [el("h3", { text: "计算：" + summary.title }), el("p", { class: "doc-meta", text: summary.documentNumber + " · 填写后计算，结果附条款依据" })]);
    var out = el("div", { class: "gb-result", "aria-live": "polite" });
    getJson("/api/schemes/" + encodeURIComponent(summary.id)).then(function (d) {
      var schema = d.inputs, required = schema.required || [];
      var form = el("form", { class: "gb-form", novalidate: "novalidate" });
      Object.keys(schema.properties).forEach(function (name) {
        var prop = schema.properties[name];
        form.appendChild(field(name, prop, required.indexOf(name) >= 0 ? true : prop["x-requiredInGroup"] ? "group" : false));
      });
      // The evaluation date picks the parameter values in force; it is explicit so a result never drifts with the calendar.
      var asOf = el("input", { type: "date", name: "asOf", value: new Date().toISOString().slice(0, 10) });
      form.appendChild(el("div", { class: "gb-field", "data-field": "asOf" }, [el("label", {}, [document.createTextNode("评估日期"), el("span", { class: "gb-req", text: " *" })]), asOf, el("span", { class: "gb-error" })]));
      form.appendChild(el("div", { class: "gb-actions" }, [el("button", { type: "submit", class: "gb-submit", text: "计算" })]));
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        form.querySelectorAll(".gb-error").forEach(function (s) { s.textContent = ""; });
        out.replaceChildren(); // an earlier result never stays beside new input
        var read = readForm(form);
        if (read.bad.length) {
          read.bad.forEach(function (name) { form.querySelector('[data-field="' + name + '"] .gb-error').textContent = "请输入有效的数值或日期"; });
          out.appendChild(el("p", { class: "error", role: "alert", text: "输入有误，请检查标出的项目。" }));
          return;
        }
        fetch("/api/schemes/" + encodeURIComponent(summary.id) + "/evaluate?asOf=" + encodeURIComponent(asOf.value), {
          method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(read.body),
        }).then(function (r) { return r.json().catch(function () { return {}; }).then(function (j) { return { ok: r.ok, body: j }; }); }).then(function (r) {
          if (r.ok) { showResult(out, r.body, href, d.outputs); return; }
          out.replaceChildren(el("p", { class: "error", role: "alert", text: "输入有误，请检查标出的项目。" }));
          Object.keys(r.body.errors || {}).forEach(function (name) {
            var row = form.querySelector('[data-field="' + name + '"] .gb-error');
            var prop = schema.properties[name] || {};
            var codes = (r.body.codes || {})[name] || r.body.errors[name].map(function () { return ""; });
            var msg = codes.map(function (c) {
              var range = c === "outOfRange" && prop.minimum !== undefined && prop.maximum !== undefined ? "（" + prop.minimum + "–" + prop.maximum + "）" : "";
              return errorText(c) + range;
            }).filter(function (m, i, all) { return all.indexOf(m) === i; }).join("；");
            var label = name === "asOf" ? "评估日期" : prop.title || "其他项目";
            if (row) row.textContent = msg; else out.appendChild(el("p", { class: "gb-error", text: (name === "*" ? "" : label + "：") + msg }));
          });
        }).catch(function () { out.replaceChildren(el("p", { class: "error", role: "alert", text: "无法连接服务器，请稍后再试。" })); });
      });
      box.appendChild(form);
      box.appendChild(out);
    });
    return box;
  }

  var KIND_ZH = { Amount: "金额", Cap: "上限", Rate: "比例", Threshold: "门槛", Deadline: "期限", Count: "数量" };

  // The document's candidate rule units (GET /api/documents/{id}/units): every printed number with its unit and
  // comparison word, marked 已建模 (the scheme parameter holding it) or 未建模.
  function unitsBox(target, documentId, href) {
    getJson("/api/documents/" + encodeURIComponent(documentId) + "/units").then(function (r) {
      if (!r.units.length) return;
      var rows = r.units.map(function (u) {
        return el("tr", { "data-modelled": u.modelledBy ? "true" : "false" }, [
          el("td", {}, [el("a", { href: href(u.provisionId), class: "gb-cite", text: u.provisionId.slice(documentId.length + 1) })]),
          el("td", { text: KIND_ZH[u.kind] || u.kind }),
          el("td", { text: (u.comparison ? u.comparison + " " : "") + Number(u.value).toLocaleString("zh-CN", { maximumFractionDigits: 4 }) + " " + u.unit }),
          el("td", { class: "gb-quote", text: u.quote }),
          el("td", { text: u.modelledBy ? "已建模" : "未建模" })]);
      });
      target.appendChild(el("details", { class: "gb-units" }, [
        el("summary", { text: "条款中的数值规则：" + r.units.length + " 项（已建模 " + r.modelled + " 项，未建模 " + r.unmodelled + " 项）" }),
        el("div", { class: "scroll-x" }, [el("table", { class: "gb-outputs gb-units-table" }, [
          el("tr", {}, ["条款", "类型", "数值", "原文", "状态"].map(function (h) { return el("th", { text: h }); }))].concat(rows))])]));
    }).catch(function () { /* the units are an aid; the document reads without them */ });
  }

  function mount(target, documentId, options) {
    var href = (options && options.provisionHref) || function (id) { return "#" + id; };
    return getJson("/api/schemes?document=" + encodeURIComponent(documentId)).then(function (list) {
      if (list.length) target.appendChild(el("h2", { class: "gb-schemes-title", id: "schemes", text: "可计算事项" }));
      list.forEach(function (s) { target.appendChild(schemeForm(s, href)); });
      unitsBox(target, documentId, href);
      return list;
    });
  }

  window.GongbaoSchemes = { mount: mount };
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-gongbao-schemes]").forEach(function (node) {
      mount(node, node.getAttribute("data-gongbao-schemes"));
    });
  });
})();
