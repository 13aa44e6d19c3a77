// 我能享受哪些政策: the reader's matching page (route /match). A profile form whose fields are the facts of
// Gongbao.Rules.Matching.Profile, posted to POST /api/match?asOf=…; every measure is shown as 适用 / 可能适用
// (the missing facts listed) / 不适用 (the failing condition), ranked as the server ranks them, with the most it
// grants where computable and every reason linked to the provision it cites.
(function () {
  "use strict";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === "text") node.textContent = v;
      else if (k === "class") node.className = v;
      else node.setAttribute(k, v);
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  // Profile facts: name → label, kind and options. Fact names are those Profile.KnownFacts accepts.
  var FACTS = [
    { name: "name", label: "名称", kind: "text", section: "基本情况" },
    { name: "entityType", label: "主体类型", kind: "choice", section: "基本情况", options: [
      ["enterprise", "企业"], ["kindergarten", "幼儿园"], ["hospital", "医疗机构"], ["social-organisation", "社会组织"],
      ["public-welfare-institution-1", "公益一类事业单位"], ["administrative-organ", "行政机关"], ["individual", "个人(城乡居民)"]] },
    { name: "legalPerson", label: "具有独立法人资格", kind: "boolean", section: "基本情况" },
    { name: "ownership", label: "所有制", kind: "choice", section: "基本情况", options: [
      ["private", "民营/民办"], ["state", "国有"], ["state-controlled", "国有控股"]] },
    { name: "area", label: "所在区域", kind: "choice", section: "基本情况", options: [["经开区", "北京经济技术开发区(经开区)"], ["北京市", "北京市其他区域"]] },
    { name: "district", label: "所在区", kind: "text", section: "基本情况", placeholder: "如 朝阳区" },
    { name: "industries", label: "行业", kind: "set", section: "基本情况", options: [
      ["games-esports", "游戏电竞"], ["audiovisual", "视听"], ["broadcasting", "广播电视"], ["culture", "文化"], ["sports", "体育"],
      ["education", "教育"], ["standards", "标准化"], ["real-estate", "房地产/楼宇"], ["planning-natural-resources", "规划和自然资源"]] },
    { name: "licences", label: "许可证", kind: "set", section: "基本情况", options: [["radio-tv-programme-production", "广播电视节目制作经营许可证"]] },
    { name: "tags", label: "认定与资质", kind: "set", section: "基本情况", options: [
      ["专精特新", "专精特新"], ["小巨人", "专精特新“小巨人”"], ["小微企业", "小微企业"], ["普惠性", "普惠性幼儿园"], ["标准第一起草单位", "标准第一起草单位"]] },
    { name: "sizeClass", label: "企业规模", kind: "choice", section: "规模", options: [["micro", "微型"], ["small", "小型"], ["medium", "中型"], ["large", "大型"]] },
    { name: "foundedOn", label: "成立日期", kind: "date", section: "规模" },
    { name: "employees", label: "职工人数", kind: "number", unit: "人", section: "规模" },
    { name: "revenue", label: "上年度营业收入", kind: "number", unit: "万元", section: "规模" },
    { name: "investment", label: "累计投资额", kind: "number", unit: "万元", section: "规模" },
    { name: "publicBuildingArea", label: "公共建筑部分面积", kind: "number", unit: "平方米", section: "规模" },
    { name: "buildingArea", label: "单体建筑面积", kind: "number", unit: "平方米", section: "规模" },
    { name: "plans.graduateHires", label: "拟招用高校毕业生", kind: "number", unit: "人", section: "计划" },
    { name: "plans.youthHires", label: "拟招用16—24岁失业青年", kind: "number", unit: "人", section: "计划" },
    { name: "plans.insuranceMonths", label: "为新招用人员缴纳社保月数", kind: "number", unit: "月", section: "计划" },
    { name: "plans.rdSpend", label: "研发投入", kind: "number", unit: "万元", section: "计划" },
    { name: "plans.insurancePremium", label: "科技保险保费", kind: "number", unit: "万元", section: "计划" },
    { name: "plans.loanInterest", label: "贷款利息", kind: "number", unit: "万元", section: "计划" },
    { name: "plans.loanCategory", label: "贷款类别", kind: "choice", section: "计划", from: ["industrial-finance", "a4Category"] },
    { name: "plans.projectInvestment", label: "项目投资", kind: "number", unit: "万元", section: "计划" },
    { name: "plans.uhdMeasure", label: "超高清项目类别", kind: "choice", section: "计划", from: ["uhd-support", "measure"] },
    { name: "plans.children", label: "年龄满3岁的在园儿童数", kind: "number", unit: "人", section: "计划" },
    { name: "plans.standardProjects", label: "主导制定的标准项目", kind: "list", section: "计划", from: ["standardisation-subsidy", "standardProjects"] },
    { name: "plans.exports", label: "出口额", kind: "number", unit: "万元", section: "计划" },
  ];
  // Validation codes of the API (InputError.Code) in Chinese; the English messages stay for API users.
  var ERROR_TEXT = {
    required: "必填", unknownField: "不是可识别的项目", duplicate: "项目重复", noGroup: "请至少填写一项措施的内容",
    notNumber: "须为数字", notInteger: "须为整数", outOfRange: "超出范围", notBoolean: "须为“是”或“否”",
    notDate: "须为有效日期（年-月-日）", notOption: "不是可选的值", unreadable: "无法识别的值",
    notInForce: "该日期没有有效的规定，请调整评估日期", conflict: "与其他项目的填写不一致",
  };
  function errorText(code) { return ERROR_TEXT[code] || "输入有误"; }

  var LABEL = {};
  FACTS.forEach(function (f) { LABEL[f.name] = f.label; });

  var STATUS = {
    "applies": { zh: "适用", cls: "yes" },
    "may-apply": { zh: "可能适用", cls: "maybe" },
    "does-not-apply": { zh: "不适用", cls: "no" },
  };

  function money(value, unit) {
    var n = Number(value);
    return n.toLocaleString("zh-CN", { maximumFractionDigits: 2 }) + " " + (unit || "");
  }

  var pending = [];

  function optionsFor(fact) {
    if (!fact.from) return Promise.resolve(fact.options || []);
    var loading = fetch("/api/schemes/" + encodeURIComponent(fact.from[0]), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        var prop = d && d.inputs.properties[fact.from[1]];
        if (!prop) return [];
        var labels = prop["x-optionLabels"] || {};
        var values = prop.enum || (prop.items && prop.items.enum) || [];
        return values.map(function (v) { return [v, labels[v] || v]; });
      })
      .catch(function () { return []; });
    pending.push(loading);
    return loading;
  }

  function input(fact) {
    var id = "m-" + fact.name.replace(".", "-");
    var control;
    if (fact.kind === "choice" || fact.kind === "boolean") {
      control = el("select", { id: id, name: fact.name }, [el("option", { value: "", text: "— 未填 —" })]);
      if (fact.kind === "boolean") {
        control.appendChild(el("option", { value: "true", text: "是" }));
        control.appendChild(el("option", { value: "false", text: "否" }));
      } else {
        optionsFor(fact).then(function (opts) {
          opts.forEach(function (o) { control.appendChild(el("option", { value: o[0], text: o[1] })); });
        });
      }
    } else if (fact.kind === "set" || fact.kind === "list") {
      control = el("select", { id: id, name: fact.name, multiple: "multiple", size: "4" });
      optionsFor(fact).then(function (opts) {
        opts.forEach(function (o) { control.appendChild(el("option", { value: o[0], text: o[1] })); });
      });
    } else {
      control = el("input", { id: id, name: fact.name, type: fact.kind === "number" ? "number" : fact.kind === "date" ? "date" : "text",
        step: fact.kind === "number" ? "any" : null, min: fact.kind === "number" ? "0" : null, placeholder: fact.placeholder || null });
    }
    control.setAttribute("data-kind", fact.kind);
    return el("div", { class: "gb-field", "data-field": fact.name }, [
      el("label", { for: id, text: fact.label + (fact.unit ? "（" + fact.unit + "）" : "") }),
      control,
      el("span", { class: "gb-error" })]);
  }

  function readProfile(form) {
    var profile = {}, plans = {};
    form.querySelectorAll("[data-kind]").forEach(function (c) {
      var kind = c.getAttribute("data-kind"), value;
      if (kind === "set" || kind === "list") {
        value = Array.prototype.filter.call(c.options, function (o) { return o.selected; }).map(function (o) { return o.value; });
        if (!value.length) return;
      } else if (c.value === "") {
        return;
      } else {
        value = kind === "number" ? Number(c.value) : kind === "boolean" ? c.value === "true" : c.value;
      }
      if (c.name.indexOf("plans.") === 0) plans[c.name.slice(6)] = value; else profile[c.name] = value;
    });
    if (Object.keys(plans).length) profile.plans = plans;
    return profile;
  }

  function fill(form, profile) {
    var flat = {};
    Object.keys(profile).forEach(function (k) {
      if (k === "plans") Object.keys(profile.plans).forEach(function (p) { flat["plans." + p] = profile.plans[p]; });
      else flat[k] = profile[k];
    });
    form.querySelectorAll("[data-kind]").forEach(function (c) {
      var v = flat[c.name];
      if (c.multiple) Array.prototype.forEach.call(c.options, function (o) { o.selected = Array.isArray(v) && v.indexOf(o.value) >= 0; });
      else c.value = v === undefined ? "" : String(v);
    });
  }

  function reason(c, href) {
    var mark = c.holds === true ? "✓" : c.holds === false ? "✗" : "？";
    return el("li", { class: c.holds === true ? "ok" : c.holds === false ? "fail" : "unknown" }, [
      el("span", { class: "mark", text: mark + " " }),
      c.text + " ",
      c.provisionId ? el("a", { href: href(c.provisionId), class: "gb-cite", title: c.quote || "", text: "依据 " + c.provisionId }) : null,
      c.quote ? el("q", { text: c.quote }) : null]);
  }

  function measureCard(m, href) {
    var s = STATUS[m.status];
    var amount = m.maxAmount === null || m.maxAmount === undefined ? null
      : el("p", { class: "gb-amount" }, [(m.amountIsCap ? "最高可达（上限）" : "最高可享 ") + " ", el("strong", { text: money(m.maxAmount, m.unit) })]);
    var details = [];
    if (m.status === "may-apply" && m.missingFacts.length) {
      details.push(el("p", { class: "gb-missing", text: "还需填写：" + m.missingFacts.map(function (f) { return LABEL[f] || f; }).join("、") }));
    }
    if (m.status === "does-not-apply") {
      var failing = m.conditions.filter(function (c) { return c.holds === false; });
      if (failing.length) details.push(el("p", { class: "gb-why", text: "不符合：" }), el("ul", { class: "gb-reasons" }, failing.map(function (c) { return reason(c, href); })));
      else details.push(el("p", { class: "gb-why", text: "不在有效期内。" }));
    } else {
      details.push(el("details", { class: "gb-conditions", open: m.status === "applies" ? "open" : null }, [
        el("summary", { text: "条件与依据（" + m.conditions.length + " 项）" }),
        el("ul", { class: "gb-reasons" }, m.conditions.map(function (c) { return reason(c, href); }))]));
    }
    return el("li", { class: "gb-measure " + s.cls, "data-measure": m.scheme + "/" + m.measure, "data-status": m.status }, [
      el("div", { class: "gb-measure-head" }, [
        el("span", { class: "gb-badge " + s.cls, text: s.zh }),
        el("h3", { text: m.title }),
        el("span", { class: "doc-meta", text: m.documentNumber })]),
      amount].concat(details));
  }

  function showMatches(out, result, href) {
    out.replaceChildren();
    out.appendChild(el("p", { class: "gb-summary", text: "评估日期 " + result.asOf + "：适用 " + result.applies + " 项，可能适用 " + result.mayApply + " 项，共 " + result.measures.length + " 项措施。" }));
    ["applies", "may-apply", "does-not-apply"].forEach(function (status) {
      var list = result.measures.filter(function (m) { return m.status === status; });
      if (!list.length) return;
      out.appendChild(el("h2", { class: "gb-group " + STATUS[status].cls, text: STATUS[status].zh + "（" + list.length + "）" }));
      out.appendChild(el("ol", { class: "gb-measures" }, list.map(function (m) { return measureCard(m, href); })));
    });
  }

  var EXAMPLES = [
    ["经开区普惠性民办幼儿园", { name: "经开区某普惠性民办幼儿园", entityType: "kindergarten", legalPerson: true, ownership: "private", area: "经开区", industries: ["education"], tags: ["普惠性"], employees: 40, plans: { children: 120 } }],
    ["经开区专精特新企业", { name: "经开区某专精特新游戏研发企业", entityType: "enterprise", legalPerson: true, ownership: "private", area: "经开区", industries: ["games-esports"], tags: ["专精特新"], sizeClass: "medium", foundedOn: "2018-05-01", employees: 180, revenue: 12000,
      plans: { graduateHires: 10, youthHires: 2, rdSpend: 800, insurancePremium: 30, loanInterest: 60, loanCategory: "beijing-specialised" } }],
    ["广播电视节目制作公司", { name: "某国有控股广播电视节目制作公司", entityType: "enterprise", legalPerson: true, ownership: "state-controlled", area: "北京市", district: "朝阳区", industries: ["broadcasting", "audiovisual"], licences: ["radio-tv-programme-production"], employees: 600, plans: { uhdMeasure: "content-creation", projectInvestment: 1200 } }],
  ];

  function render(target, options) {
    var href = (options && options.provisionHref) || function (id) { return "/p/" + id; };
    pending = [];
    var form = el("form", { class: "gb-match-form", novalidate: "novalidate" });
    var sections = {};
    FACTS.forEach(function (f) {
      if (!sections[f.section]) {
        sections[f.section] = el("fieldset", {}, [el("legend", { text: f.section })]);
        form.appendChild(sections[f.section]);
      }
      sections[f.section].appendChild(input(f));
    });
    var asOf = el("input", { type: "date", id: "m-asOf", name: "asOf", value: new Date().toISOString().slice(0, 10) });
    var examples = el("p", { class: "gb-examples" }, ["示例："].concat(EXAMPLES.map(function (e) {
      var b = el("button", { type: "button", class: "gb-example", text: e[0] });
      // Options read from the schemes load asynchronously; an example is filled once they are there.
      b.addEventListener("click", function () { Promise.all(pending).then(function () { fill(form, e[1]); }); });
      return b;
    })));
    form.appendChild(el("div", { class: "gb-actions" }, [
      el("label", { for: "m-asOf", text: "评估日期 " }), asOf,
      el("button", { type: "submit", class: "gb-submit", text: "查询适用政策" })]));
    var out = el("div", { class: "gb-match-result", "aria-live": "polite" });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      out.replaceChildren(el("p", { class: "doc-meta", text: "正在匹配…" }));
      form.querySelectorAll(".gb-error").forEach(function (s) { s.textContent = ""; });
      fetch("/api/match?asOf=" + encodeURIComponent(asOf.value), {
        method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify(readProfile(form)),
      }).then(function (r) { return r.json().catch(function () { return {}; }).then(function (j) { return { ok: r.ok, body: j }; }); })
        .then(function (r) {
          if (r.ok) { showMatches(out, r.body, href); return; }
          out.replaceChildren(el("p", { class: "error", role: "alert", text: "输入有误，请检查标出的项目。" }));
          Object.keys(r.body.errors || {}).forEach(function (name) {
            var slot = form.querySelector('[data-field="' + name + '"] .gb-error');
            var codes = (r.body.codes || {})[name] || r.body.errors[name].map(function () { return ""; });
            var msg = codes.map(errorText).filter(function (m, i, all) { return all.indexOf(m) === i; }).join("；");
            var label = name === "asOf" ? "评估日期" : LABEL[name] || "其他项目";
            if (slot) slot.textContent = msg; else out.appendChild(el("p", { class: "error", text: (name === "*" ? "" : label + "：") + msg }));
          });
        })
        .catch(function () { out.replaceChildren(el("p", { class: "error", role: "alert", text: "无法连接服务器，请稍后再试。" })); });
    });
    target.replaceChildren(
      el("h1", { text: "我能享受哪些政策" }),
      el("p", { class: "doc-meta", text: "填写单位（或个人）的情况，逐项对照已建模的政策措施：适用、可能适用（列出尚缺的信息）或不适用（列出不符合的条件），并尽可能计算最高可享金额。每条理由都链接到所依据的条款。未填写的项目视为未知，不视为“否”。" }),
      examples, form, out);
    document.title = "我能享受哪些政策 · 公报";
  }

  window.GongbaoMatch = { render: render, facts: FACTS };
})();
