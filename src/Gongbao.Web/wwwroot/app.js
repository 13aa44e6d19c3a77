// Gongbao reader. Builds the DOM with textContent; the only HTML inserted is the server's own
// escaped highlight markup (<mark>) in search snippets.
"use strict";

const app = document.getElementById("app");
const show = (...nodes) => app.replaceChildren(...nodes.flat().filter(n => n !== null && n !== undefined && n !== false));

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

// Only <mark> survives from snippet HTML: everything else was escaped by the server.
function snippetNode(html) {
  const span = el("span");
  const parts = String(html).split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const p of parts) {
    if (p === "<mark>") { marked = true; continue; }
    if (p === "</mark>") { marked = false; continue; }
    const text = decodeEntities(p);
    span.append(marked ? el("mark", { text }) : document.createTextNode(text));
  }
  return span;
}

function decodeEntities(s) {
  return s.replace(/&(amp|lt|gt|quot|#39);/g, (m, e) => ({ amp: "&", lt: "<", gt: ">", quot: "\"", "#39": "'" })[e]);
}

async function getJson(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.detail || body.title || ("HTTP " + r.status));
  return body;
}

function showError(err) {
  show(el("p", { class: "error", text: "出错了：" + err.message }));
}

const docHref = (id, anchor) => "/doc/" + id + (anchor ? "#" + anchor : "");
const provHref = id => "/p/" + id;

function anchorOf(docId, provisionId) {
  return provisionId.startsWith(docId + "/") ? provisionId.slice(docId.length + 1) : provisionId;
}

const KIND_ZH = { Notice: "通知", Decision: "决定", Opinion: "意见", Measures: "办法", Rules: "细则", Provisions: "规定",
  Plan: "方案/计划", SupportMeasures: "措施", Announcement: "通告", Reply: "批复", Order: "令", Standard: "标准/清单", Other: "其他" };

// ---------- search ----------
async function renderSearch(params) {
  const q = params.get("q") || "";
  document.getElementById("q").value = q;
  document.getElementById("level").value = params.get("level") || "document";
  if (!q) { renderHome(); return; }
  const res = await getJson("/api/search?" + params.toString());
  const facets = el("aside", { class: "facets" });
  const names = { year: "年份", issuer: "发文机关", kind: "文种", section: "栏目" };
  for (const field of ["year", "issuer", "kind", "section"]) {
    const values = res.facets[field] || [];
    if (!values.length) continue;
    facets.append(el("h3", { text: names[field] }));
    for (const f of values.slice(0, 12)) {
      const p = new URLSearchParams(params);
      const on = params.get(field) === f.value;
      if (on) p.delete(field); else p.set(field, f.value);
      p.delete("page");
      facets.append(el("a", { href: "/search?" + p, class: on ? "on" : null, "data-facet": field },
        el("span", { class: "n", text: f.count }), field === "kind" ? (KIND_ZH[f.value] || f.value) : f.value));
    }
  }
  const list = el("section", { class: "results" },
    el("div", { class: "summary", text: `共 ${res.total} 条结果 · ${res.elapsedMilliseconds.toFixed(1)} 毫秒` }));
  for (const h of res.hits) {
    const isProv = h.id !== h.documentId;
    const href = isProv ? docHref(h.documentId, anchorOf(h.documentId, h.id)) : docHref(h.id);
    const title = isProv ? [h.label, h.heading ? "【" + h.heading + "】" : ""].join("") + " · " + h.title : h.title;
    list.append(el("div", { class: "hit" },
      el("h2", {}, el("a", { href, class: "hit-link" }, title)),
      el("div", { class: "meta" }, [h.number, h.year, (h.issuers || []).join("、"), h.issueId].filter(Boolean).join(" · ")),
      el("p", { class: "snippet" }, snippetNode(h.snippet))));
  }
  const pages = Math.ceil(res.total / res.pageSize);
  if (pages > 1) {
    const pager = el("div", { class: "pager" });
    const link = (n, label) => { const p = new URLSearchParams(params); p.set("page", n); return el("a", { href: "/search?" + p }, label); };
    if (res.page > 1) pager.append(link(res.page - 1, "← 上一页"));
    pager.append(el("span", { text: `第 ${res.page} / ${pages} 页` }));
    if (res.page < pages) pager.append(link(res.page + 1, "下一页 →"));
    list.append(pager);
  }
  show(el("div", { class: "layout" }, facets, list));
  document.title = q + " · 公报";
}

async function renderHome() {
  const issues = await getJson("/api/issues");
  const input = el("input", { id: "cite-q", placeholder: "京规自发〔2024〕122号第八条" });
  const out = el("div", { id: "cite-out" });
  const form = el("form", { class: "cite" }, el("strong", { text: "引用定位 " }), input, " ", el("button", { type: "submit", text: "定位" }), out);
  form.addEventListener("submit", async e => {
    e.preventDefault();
    try {
      const r = await getJson("/api/cite?q=" + encodeURIComponent(input.value));
      const target = r.result.provisionId ? provHref(r.result.provisionId) : docHref(r.result.documentId);
      out.replaceChildren(el("p", {}, el("a", { href: target, text: r.result.documentTitle + " " + (r.result.label || "") })), el("p", { text: r.result.text }));
    } catch (err) { out.replaceChildren(el("p", { class: "error", text: err.message })); }
  });
  show(el("h1", { text: "北京市人民政府公报" }), form, issueList(issues.items));
  document.title = "公报 Gongbao";
}

function issueList(items) {
  return el("ul", { class: "issues" }, items.map(i => el("li", {},
    el("a", { href: "/issue/" + i.id, text: i.id }), ` · ${i.publicationDate || ""} · ${i.documentCount} 件文件`)));
}

async function renderIssues() {
  const issues = await getJson("/api/issues?pageSize=500");
  show(el("h1", { text: "各期目录" }), issueList(issues.items));
}

// ---------- issue (bilingual contents) ----------
async function renderIssue(id) {
  const i = await getJson("/api/issues/" + encodeURIComponent(id));
  const table = el("table", { class: "toc-issue" });
  let section = null;
  for (const t of i.contents) {
    if (t.sectionZh !== section) {
      section = t.sectionZh;
      table.append(el("tr", { class: "section" }, el("td", { text: "【" + t.sectionZh + "】" }), el("td", { class: "en", text: t.sectionEn || "" }), el("td")));
    }
    const zh = t.documentId ? el("a", { href: docHref(t.documentId), text: t.titleZh }) : t.titleZh;
    table.append(el("tr", {},
      el("td", {}, zh, t.number ? el("div", { class: "meta", text: t.number }) : null),
      el("td", { class: "en" }, t.titleEn || "", t.numberEn ? el("div", { text: t.numberEn }) : null),
      el("td", { text: t.page ?? "" })));
  }
  const head = [i.gazetteTitle, i.year && `${i.year} 年第 ${i.number} 期`, i.cumulativeNumber && `总第 ${i.cumulativeNumber} 期`, i.publicationDate].filter(Boolean).join(" · ");
  const docs = i.contents.length ? null : el("ul", {}, i.documents.map(d => el("li", {}, el("a", { href: docHref(d.id), text: d.title }))));
  show(el("h1", { text: head || i.id }), el("p", { class: "doc-meta", text: [i.sponsor, i.sponsorEn].filter(Boolean).join(" / ") }), table, docs);
  document.title = (head || i.id) + " · 公报";
}

// ---------- document ----------
function provisionNode(p, docId, toc, depth) {
  const anchor = anchorOf(docId, p.id);
  const kind = p.kind;
  const box = el("div", { class: "prov " + kind.toLowerCase(), id: anchor, "data-id": p.id });
  const anchorLink = el("a", { class: "anchor", href: "#" + anchor, title: p.id, text: "¶" });
  if (kind === "Chapter" || kind === "Part" || kind === "Section") {
    const title = [p.label, p.heading].filter(Boolean).join(" ");
    box.append(el("p", { class: "title" }, title, anchorLink));
    toc.push({ level: 1, anchor, text: title });
  } else if (kind === "Signature") {
    box.className += " sig";
    box.append(p.text);
  } else if (kind === "Table" && p.cells) {
    box.append(el("table", { class: "cells" }, p.cells.map(r => el("tr", {}, r.map(c => el("td", { text: c }))))));
  } else if (p.text || p.label || p.heading) {
    const para = el("p", {});
    if (p.label) para.append(el("span", { class: "lbl", text: p.label }));
    if (p.heading && kind === "Article") para.append(el("span", { class: "hd", text: "【" + p.heading + "】" }));
    else if (p.heading && !p.text) para.append(el("span", { class: "hd", text: p.heading }));
    para.append(p.text || "", anchorLink);
    box.append(para);
    if (kind === "Article") toc.push({ level: 2, anchor, text: (p.label || "") + (p.heading ? " " + p.heading : "") });
    else if (kind === "Heading") toc.push({ level: 2, anchor, text: (p.label || "") + (p.text || p.heading || "").slice(0, 18) });
  }
  for (const c of p.children || []) box.append(provisionNode(c, docId, toc, depth + 1));
  return box;
}

async function renderDocument(path) {
  const id = decodeURIComponent(path);
  const v = await getJson("/api/documents/" + id);
  const d = v.document;
  const toc = [];
  const article = el("article", {},
    el("h1", { text: d.titleZh }),
    d.titleEn ? el("p", { class: "en", text: d.titleEn }) : null,
    el("p", { class: "doc-meta" }, [d.number && d.number.printed, (d.issuers || []).join("、"), d.signedOn, KIND_ZH[d.kind]].filter(Boolean).join(" · "), " · 载于 ",
      el("a", { href: "/issue/" + v.issueId, text: v.issueId })),
    v.witnesses.length > 1 ? el("p", { class: "doc-meta" }, "另见：",
      v.witnesses.filter(w => w !== v.issueId).map(w => el("span", {}, el("a", { href: docHref(d.id) + "?source=" + w, text: w }), " (",
        el("a", { href: "/diff/" + d.id + "/" + w, class: "diff-link", text: "比较差异" }), ") "))) : null);
  toc.push({ level: 1, anchor: anchorOf(d.id, d.body.id) || "top", text: "正文" });
  article.append(provisionNode(d.body, d.id, toc, 0));
  for (const inst of d.instruments || []) {
    article.append(el("h2", { class: "inst", id: anchorOf(d.id, inst.id) + "-title", text: inst.titleZh }));
    toc.push({ level: 1, anchor: anchorOf(d.id, inst.id) + "-title", text: inst.titleZh });
    article.append(provisionNode(inst.body, d.id, toc, 0));
  }
  if (v.crossReferences.length) {
    article.append(el("h3", { text: "引用" }), el("ul", { class: "refs" }, v.crossReferences.map(r => el("li", {},
      r.reference.targetDocumentId
        ? el("a", { href: r.reference.targetProvisionId ? provHref(r.reference.targetProvisionId) : docHref(r.reference.targetDocumentId), text: r.reference.text })
        : r.reference.text + "（外部）",
      " ← ", el("a", { href: "#" + anchorOf(d.id, r.provisionId), text: anchorOf(d.id, r.provisionId) })))));
  }
  // Executable schemes this document defines (forms by schemes.js), with provision links to this reader.
  if (window.GongbaoSchemes) {
    const box = el("section", { class: "schemes" });
    article.append(box);
    try { window.GongbaoSchemes.mount(box, d.id, { provisionHref: provHref }); } catch (err) { box.append(el("p", { class: "error", text: err.message })); }
  }
  const nav = el("nav", { class: "toc", "aria-label": "目录" }, toc.map(t => el("a", { href: "#" + t.anchor, class: "l" + t.level, text: t.text })));
  show(el("div", { class: "doc" }, nav, article));
  document.title = d.titleZh + " · 公报";
  focusHash();
}

function focusHash() {
  const hash = decodeURIComponent(location.hash.slice(1));
  document.querySelectorAll(".target").forEach(e => e.classList.remove("target"));
  if (!hash) return;
  const target = document.getElementById(hash);
  if (target) { target.classList.add("target"); target.scrollIntoView({ block: "start" }); }
}

// ---------- provision ----------
async function renderProvision(path) {
  const v = await getJson("/api/provisions/" + decodeURIComponent(path));
  const toc = [];
  const anchor = anchorOf(v.documentId, v.id);
  show(el("article", {},
    el("p", { class: "doc-meta" }, el("a", { href: docHref(v.documentId), text: v.documentTitle }), " · ", v.issueId),
    el("h1", { text: [v.label, v.heading].filter(Boolean).join(" ") || v.id }),
    el("p", { class: "doc-meta" }, "ID ", el("code", { text: v.id }), " · ", el("a", { href: docHref(v.documentId, anchor), class: "in-doc", text: "在全文中查看" })),
    provisionNode(v.provision, v.documentId, toc, 0),
    v.crossReferences.length ? el("ul", { class: "refs" }, v.crossReferences.map(r => el("li", {},
      r.targetDocumentId ? el("a", { href: r.targetProvisionId ? provHref(r.targetProvisionId) : docHref(r.targetDocumentId), text: r.text }) : r.text + "（外部）"))) : null));
  document.title = (v.label || v.id) + " · " + v.documentTitle;
}

// ---------- diff ----------
async function renderDiff(path) {
  const parts = decodeURIComponent(path).split("/");
  const other = parts.pop();
  const id = parts.join("/");
  const fold = new URLSearchParams(location.search).get("ignoreWidth") === "true";
  const d = await getJson(`/api/documents/${id}/diff/${other}?ignoreWidth=${fold}`);
  const toggle = el("a", { href: location.pathname + (fold ? "" : "?ignoreWidth=true"), text: fold ? "显示全角/半角差异" : "忽略全角/半角差异" });
  const hunks = d.hunks.map(h => el("div", { class: "hunk" },
    el("div", { class: "where", text: `${d.oldSource} 第 ${h.oldLine} 行 · ${d.newSource} 第 ${h.newLine} 行` }),
    el("div", { class: "diff" }, h.segments.map(s => s.operation === "Equal" ? document.createTextNode(s.text)
      : el(s.operation === "Delete" ? "del" : "ins", { text: s.text })))));
  show(el("h1", {}, "版本比较 ", el("a", { href: docHref(id), text: id })),
    el("p", { class: "doc-meta", text: `${d.oldSource}（${d.oldLength} 字）→ ${d.newSource}（${d.newLength} 字）：删除 ${d.deletedChars} 字，增加 ${d.insertedChars} 字，${d.hunks.length} 处` }),
    el("p", {}, toggle), d.identical ? el("p", { text: "两个版本文字相同。" }) : null, hunks);
}

// ---------- routing ----------
async function route() {
  const path = location.pathname;
  try {
    if (path === "/" || path === "/search") await renderSearch(new URLSearchParams(location.search));
    else if (path === "/issues") await renderIssues();
    else if (path.startsWith("/issue/")) await renderIssue(decodeURIComponent(path.slice(7)));
    else if (path.startsWith("/doc/")) await renderDocument(path.slice(5));
    else if (path.startsWith("/p/")) await renderProvision(path.slice(3));
    else if (path.startsWith("/diff/")) await renderDiff(path.slice(6));
    else show(el("p", { class: "error", text: "未找到页面" }));
  } catch (err) { showError(err); }
}

window.addEventListener("hashchange", focusHash);
route();
