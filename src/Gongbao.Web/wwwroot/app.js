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

// The API answers in English (problem+json); the reader speaks Chinese, so it names the failure by
// status and keeps the server's words out of the page.
const STATUS_ZH = { 400: "请求无效，请检查输入。", 404: "未找到所请求的内容。", 413: "内容过大，无法处理。",
  422: "内容无法处理。", 429: "请求过于频繁，请稍后再试。", 503: "服务暂不可用，请稍后再试。", 504: "处理超时，请稍后再试。" };

class ApiError extends Error {
  constructor(status) { super(STATUS_ZH[status] || "服务器出错（状态码 " + status + "），请稍后再试。"); this.status = status; }
}

async function getJson(url) {
  let r;
  try { r = await fetch(url, { headers: { Accept: "application/json" } }); }
  catch { throw new Error("无法连接服务器，请检查网络后重试。"); }
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new ApiError(r.status);
  return body;
}

function showError(err) {
  show(el("p", { class: "error", role: "alert", text: "出错了：" + err.message }));
}

// ---------- names and dates as printed ----------
let issueNames = null;
async function issueName(id) {
  if (!issueNames) {
    issueNames = getJson("/api/issues?pageSize=500").then(r => new Map(r.items.map(i => [i.id, printedIssueName(i)])))
      .catch(() => new Map());
  }
  return (await issueNames).get(id) || id;
}

function printedIssueName(i) {
  if (i.kind === "Standalone") return "单行本";
  const n = i.year && i.number ? `${i.year}年第${i.number}期` : "";
  return (n + (i.cumulativeNumber ? `（总第${i.cumulativeNumber}期）` : "")) || "公报";
}

const zhDate = iso => {
  if (!iso) return "";
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

const docHref = (id, anchor) => "/doc/" + id + (anchor ? "#" + anchor : "");
const provHref = id => "/p/" + id;

function anchorOf(docId, provisionId) {
  return provisionId.startsWith(docId + "/") ? provisionId.slice(docId.length + 1) : provisionId;
}

const KIND_ZH = { Notice: "通知", Decision: "决定", Opinion: "意见", Measures: "办法", Rules: "细则", Provisions: "规定",
  Plan: "方案/计划", SupportMeasures: "措施", Announcement: "通告", Reply: "批复", Order: "令", Standard: "标准/清单", Other: "其他" };

const STATUS_BADGES = ["现行有效", "尚未施行", "部分修改", "已失效", "已废止"];

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
  // 效力: legal status as of today (or asOf in the address), filtered by the server.
  facets.append(el("h3", { text: "效力" }));
  for (const badge of STATUS_BADGES) {
    const p = new URLSearchParams(params);
    const on = params.get("status") === badge;
    if (on) p.delete("status"); else p.set("status", badge);
    p.delete("page");
    facets.append(el("a", { href: "/search?" + p, class: on ? "on" : null, "data-facet": "status" }, badge));
  }
  const list = el("section", { class: "results" },
    el("div", { class: "summary", text: `共 ${res.total} 条结果 · ${res.elapsedMilliseconds.toFixed(1)} 毫秒` }));
  for (const h of res.hits) h.issueName = await issueName(h.issueId);
  for (const h of res.hits) {
    const isProv = h.id !== h.documentId;
    const href = isProv ? docHref(h.documentId, anchorOf(h.documentId, h.id)) : docHref(h.id);
    const title = isProv ? [h.label, h.heading ? "【" + h.heading + "】" : ""].join("") + " · " + h.title : h.title;
    list.append(el("div", { class: "hit" },
      el("h2", {}, el("a", { href, class: "hit-link" }, title)),
      el("div", { class: "meta" }, [h.number, h.year, (h.issuers || []).join("、"), h.issueName].filter(Boolean).join(" · ")),
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
    el("a", { href: "/issue/" + i.id, text: printedIssueName(i) }),
    [i.publicationDate ? " · " + zhDate(i.publicationDate) : "", ` · ${i.documentCount} 件文件`].join(""))));
}

async function renderIssues() {
  const issues = await getJson("/api/issues?pageSize=500");
  show(el("h1", { text: "各期目录" }), issueList(issues.items));
}

// ---------- issue (bilingual contents) ----------
async function renderIssue(id) {
  const i = await getJson("/api/issues/" + encodeURIComponent(id));
  const table = el("table", { class: "toc-issue" },
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "标题（中文）" }), el("th", { scope: "col", text: "英文标题" }), el("th", { scope: "col", class: "pg", text: "页码" }))));
  let section = null;
  for (const t of i.contents) {
    if (t.sectionZh !== section) {
      section = t.sectionZh;
      table.append(el("tr", { class: "section" }, el("td", { text: "【" + t.sectionZh + "】" }), el("td", { class: "en", lang: "en", text: t.sectionEn || "" }), el("td", { class: "pg" })));
    }
    const zh = t.documentId ? el("a", { href: docHref(t.documentId), text: t.titleZh }) : t.titleZh;
    table.append(el("tr", {},
      el("td", {}, zh, t.number ? el("div", { class: "meta", text: t.number }) : null),
      el("td", { class: "en", lang: "en" }, t.titleEn || "", t.numberEn ? el("div", { text: t.numberEn }) : null),
      el("td", { class: "pg", text: t.page ?? "" })));
  }
  const name = printedIssueName(i);
  const docs = i.contents.length ? null : el("ul", {}, i.documents.map(d => el("li", {}, el("a", { href: docHref(d.id), text: d.title }))));
  // Each part of the name stays whole; the heading breaks only between them.
  show(el("h1", {}, [i.gazetteTitle || "北京市人民政府公报", ...name.split(/(?=（)/)].map(part => el("span", { class: "nowrap", text: part }))),
    el("p", { class: "doc-meta" }, [i.publicationDate ? "出版日期 " + zhDate(i.publicationDate) : "", i.sponsor].filter(Boolean).join(" · "),
      i.sponsorEn ? [" / ", el("span", { lang: "en", text: i.sponsorEn })] : null),
    i.contents.length ? el("div", { class: "scroll-x" }, table) : null, docs);
  document.title = name + " · 公报";
}

// ---------- document ----------
// The standard citation form 《title》（文号）第N条第N款 / 第（一）项, as the citation resolver reads it back.
const FULL_WIDTH_BRACKETS = s => s.replace(/^\(/, "（").replace(/\)$/, "）");
const ZH_DIGITS = "零一二三四五六七八九";
function zhNumber(n) {
  if (n < 10) return ZH_DIGITS[n];
  if (n < 20) return "十" + (n % 10 ? ZH_DIGITS[n % 10] : "");
  if (n < 100) return ZH_DIGITS[Math.floor(n / 10)] + "十" + (n % 10 ? ZH_DIGITS[n % 10] : "");
  return String(n);
}
function citationParts(p, parent) {
  if (p.kind === "Article" && p.label) return [p.label];
  if (!parent || !parent.parts) return null;
  const para = /\/para-(\d+)$/.exec(p.id);
  if (p.kind === "Paragraph" && para && parent.kind === "Article") return [...parent.parts, `第${zhNumber(Number(para[1]))}款`];
  if (p.kind === "Item" && p.label && /^[(（][一二三四五六七八九十百]+[)）]$/.test(p.label)) return [...parent.parts, "第" + FULL_WIDTH_BRACKETS(p.label) + "项"];
  return null;
}

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = el("textarea", { class: "offscreen", readonly: "readonly" }, text);
  document.body.append(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
}

function citeButton(citation) {
  const b = el("button", { type: "button", class: "cite-copy", "data-citation": citation, title: citation, text: "复制引用" });
  b.addEventListener("click", () => copyText(citation)
    .then(() => { b.textContent = "已复制"; }, () => { b.textContent = "请手动复制"; })
    .finally(() => setTimeout(() => { b.textContent = "复制引用"; }, 1600)));
  return b;
}

function provisionNode(p, docId, toc, depth, cite, parent) {
  const anchor = anchorOf(docId, p.id);
  const kind = p.kind;
  const parts = cite ? citationParts(p, parent) : null;
  const here = { kind, parts };
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
    // An instrument's title is printed once, by the h2 above its body.
    else if (p.heading && !p.text && kind !== "Instrument") para.append(el("span", { class: "hd", text: p.heading }));
    para.append(p.text || "", anchorLink);
    if (parts) para.append(citeButton(cite(parts)));
    box.append(para);
    if (kind === "Article") toc.push({ level: 2, anchor, text: (p.label || "") + (p.heading ? " " + p.heading : "") });
    else if (kind === "Heading") toc.push({ level: 2, anchor, text: (p.label || "") + (p.text || p.heading || "").slice(0, 18) });
  }
  for (const c of p.children || []) box.append(provisionNode(c, docId, toc, depth + 1, cite, here));
  return box;
}

// ---------- status, relations, versions ----------
const quiet = promise => promise.then(value => ({ value }), error => ({ error }));

function statusLine(s, asOf) {
  if (s.error) return el("p", { class: "status-line error", text: "效力状态无法获取：" + s.error.message });
  const st = s.value;
  return el("p", { class: "status-line" },
    el("span", { class: "badge st-" + st.state, "data-state": st.state, text: st.badge }), " ",
    el("span", { class: "reason", text: st.reason }),
    el("span", { class: "as-of", text: (asOf ? "（截至" : "（今日，") + zhDate(st.asOf) + "）" }),
    st.decidedBy ? [" ", el("a", { href: docHref(st.decidedBy.sourceDocumentId, anchorOf(st.decidedBy.sourceDocumentId, st.decidedBy.sourceProvisionId)), class: "decided-by",
      text: "查看" + (st.decidedBy.sourceNumber || st.decidedBy.sourceTitle || "该文件") + (st.decidedBy.sourceArticle ? "第" + zhNumber(st.decidedBy.sourceArticle) + "条" : "") })] : null);
}

const articleName = r => r.sourceArticle ? "第" + zhNumber(r.sourceArticle) + "条" : "正文";

function relationsPanel(rel, docId) {
  const box = el("section", { class: "relations", "aria-label": "关系" }, el("h3", { text: "关系" }));
  if (rel.error) { box.append(el("p", { class: "error", text: "关系无法获取：" + rel.error.message })); return box; }
  const out = rel.value.outgoing.filter(r => !(r.kind === "Issues" && r.targetDocumentId === docId));
  const into = rel.value.incoming;
  const target = r => r.targetDocumentId
    ? el("a", { href: docHref(r.targetDocumentId), class: "rel-target", text: "《" + (r.resolvedTitle || r.targetTitle || r.target) + "》" })
    : el("span", { class: "rel-external" }, r.printed, el("span", { class: "ext", text: "（库外）" }));
  const where = r => el("a", { href: "#" + anchorOf(docId, r.sourceProvisionId), class: "rel-where", text: articleName(r) });
  const stating = r => [el("a", { href: docHref(r.sourceDocumentId, anchorOf(r.sourceDocumentId, r.sourceProvisionId)), class: "rel-source",
    text: "《" + (r.sourceTitle || r.sourceDocumentId) + "》" + (r.sourceNumber ? "（" + r.sourceNumber + "）" : "") }), " ", articleName(r)];
  const groups = [
    ["依据", out.filter(r => r.kind === "LegalBasis"), r => [target(r), " ← ", where(r)]],
    ["废止", out.filter(r => r.kind === "Repeals" || r.kind === "Replaces"), r => [target(r), " ← ", where(r)]],
    ["修改", out.filter(r => r.kind === "Amends"), r => [target(r), " ← ", where(r)]],
    ["被…废止", into.filter(r => r.kind === "Repeals" || r.kind === "Replaces"), stating],
    ["被…修改", into.filter(r => r.kind === "Amends"), stating],
    ["被引用", into.filter(r => r.kind !== "Repeals" && r.kind !== "Replaces" && r.kind !== "Amends"), stating],
    ["引用", out.filter(r => r.kind === "Cites" || r.kind === "Issues"), r => [target(r), " ← ", where(r)]],
  ];
  let any = false;
  for (const [name, items, render] of groups) {
    if (!items.length) continue;
    any = true;
    box.append(el("h4", { text: name + "（" + items.length + "）" }), el("ul", { class: "rel-list", "data-group": name }, items.map(r => el("li", {}, render(r)))));
  }
  if (!any) box.append(el("p", { class: "doc-meta", text: "本文件未载明与其他文件的依据、废止或引用关系，也未被库中文件引用。" }));
  return box;
}

function versionsPanel(versions, docId, shown) {
  if (versions.error || versions.value.length === 0) return null;
  const list = versions.value;
  const box = el("section", { class: "versions", "aria-label": "版本" }, el("h3", { text: "收录版本" }));
  box.append(el("ul", {}, list.map((v, i) => el("li", {},
    el("a", { href: docHref(docId) + "?version=" + v.version, class: shown === v.version ? "on" : null, text: "第" + v.version + "版" }),
    " · 收录于 " + zhDate(v.ingestedAt.slice(0, 10)) + (v.current ? " · 当前" : ""),
    i > 0 ? [" · ", el("a", { href: docHref(docId) + "?from=" + list[i - 1].version + "&to=" + v.version, class: "vdiff-link", text: "与上一版比较" })] : null))));
  const form = el("form", { class: "asof" }, el("label", {}, "查看某日的文本与效力 ", el("input", { type: "date", name: "asOf", required: "required" })), " ",
    el("button", { type: "submit", text: "查看" }));
  form.addEventListener("submit", e => { e.preventDefault(); location.href = docHref(docId) + "?asOf=" + form.asOf.value; });
  box.append(form);
  return box;
}

async function renderVersionDiff(id, from, to) {
  const d = await getJson(`/api/documents/${id}/versions/${encodeURIComponent(from)}/diff/${encodeURIComponent(to)}`);
  const item = (cls, label, pid, body) => el("li", { class: cls }, el("a", { href: provHref(pid), text: pid }), " ", label, body || null);
  show(el("h1", {}, "版本比较 ", el("a", { href: docHref(id), text: id })),
    el("p", { class: "doc-meta", text: `第${d.from}版 → 第${d.to}版：修改 ${d.changed.length} 条，新增 ${d.added.length} 条，删除 ${d.removed.length} 条，未变 ${d.unchanged} 条` }),
    el("ul", { class: "vdiff" },
      d.changed.map(c => item("changed", "修改", c.id, el("div", { class: "diff" }, el("del", { text: c.before || "" }), el("ins", { text: c.after || "" })))),
      d.added.map(pid => item("added", "新增", pid)),
      d.removed.map(pid => item("removed", "删除", pid))),
    d.changed.length + d.added.length + d.removed.length === 0 ? el("p", { text: "两个版本的条款相同。" }) : null);
  document.title = "版本比较 · " + id;
}

async function renderDocument(path) {
  const id = decodeURIComponent(path);
  const params = new URLSearchParams(location.search);
  if (params.get("from") && params.get("to")) { await renderVersionDiff(id, params.get("from"), params.get("to")); return; }
  const source = params.get("source");
  const asOf = params.get("asOf");
  const version = params.get("version");
  const query = new URLSearchParams();
  if (source) query.set("source", source);
  const base = "/api/documents/" + id;
  const [current, status, relations, versions] = await Promise.all([
    getJson(base + (query.size ? "?" + query : "")),
    quiet(getJson(base + "/status" + (asOf ? "?asOf=" + encodeURIComponent(asOf) : ""))),
    quiet(getJson(base + "/relations")),
    quiet(getJson(base + "/versions" + (query.size ? "?" + query : ""))),
  ]);
  // A stored version: chosen, or the one the store held on asOf.
  let v = current, versionNote = null, shownVersion = null;
  if (version || asOf) {
    const pick = new URLSearchParams(query);
    if (version) pick.set("version", version); else pick.set("asOf", asOf);
    const old = await quiet(getJson(base + "?" + pick));
    if (old.value) {
      shownVersion = old.value.version;
      v = { ...current, document: old.value.document, crossReferences: old.value.current ? current.crossReferences : [] };
      versionNote = el("p", { class: "version-note", text: `此为第${old.value.version}版的文本（收录于 ${zhDate(old.value.ingestedAt.slice(0, 10))}）` + (old.value.current ? "，即当前版本。" : "，不是当前版本。") });
    } else {
      versionNote = el("p", { class: "version-note error", text: (version ? "该版本无法显示：" : "该日期库中尚无此文件的版本：") + old.error.message + "以下为当前版本。" });
    }
  }
  const d = v.document;
  const toc = [];
  const number = d.number ? (d.number.canonical || d.number.printed) : null;
  const citeIn = title => parts => `《${title}》` + (number ? `（${number}）` : "") + parts.join("");
  const names = new Map(await Promise.all(v.witnesses.map(async w => [w, await issueName(w)])));
  const dates = [d.signedOn && "成文日期 " + zhDate(d.signedOn), d.effectiveFrom && "施行日期 " + zhDate(d.effectiveFrom),
    d.effectiveUntil && "有效期至 " + zhDate(d.effectiveUntil)].filter(Boolean);
  const article = el("article", {},
    el("h1", { text: d.titleZh }),
    statusLine(status, asOf),
    d.titleEn ? el("p", { class: "en", lang: "en", text: d.titleEn }) : null,
    el("p", { class: "doc-meta" }, [number, (d.issuers || []).join("、"), KIND_ZH[d.kind]].filter(Boolean).join(" · "), " · 载于 ",
      el("a", { href: "/issue/" + v.issueId, text: names.get(v.issueId) || v.issueId })),
    dates.length ? el("p", { class: "doc-meta doc-dates", text: dates.join(" · ") }) : null,
    versionNote,
    v.witnesses.length > 1 ? el("p", { class: "doc-meta witnesses" }, "另见：",
      v.witnesses.filter(w => w !== v.issueId).map(w => el("span", {},
        el("a", { href: docHref(d.id) + "?source=" + encodeURIComponent(w), class: "witness-link", text: names.get(w) || w }), "（",
        el("a", { href: "/diff/" + d.id + "/" + w, class: "diff-link", text: "比较差异" }), "） "))) : null);
  toc.push({ level: 1, anchor: anchorOf(d.id, d.body.id) || "top", text: "正文" });
  article.append(provisionNode(d.body, d.id, toc, 0, citeIn(d.titleZh), null));
  for (const inst of d.instruments || []) {
    article.append(el("h2", { class: "inst", id: anchorOf(d.id, inst.id) + "-title", text: inst.titleZh }));
    toc.push({ level: 1, anchor: anchorOf(d.id, inst.id) + "-title", text: inst.titleZh });
    article.append(provisionNode(inst.body, d.id, toc, 0, citeIn(inst.titleZh), null));
  }
  if (v.crossReferences.length) {
    article.append(el("h3", { text: "引用" }), el("ul", { class: "refs" }, v.crossReferences.map(r => el("li", {},
      r.reference.targetDocumentId
        ? el("a", { href: r.reference.targetProvisionId ? provHref(r.reference.targetProvisionId) : docHref(r.reference.targetDocumentId), text: r.reference.text })
        : r.reference.text + "（外部）",
      " ← ", el("a", { href: "#" + anchorOf(d.id, r.provisionId), text: anchorOf(d.id, r.provisionId) })))));
  }
  article.append(relationsPanel(relations, d.id));
  const versionBox = versionsPanel(versions, d.id, shownVersion);
  if (versionBox) article.append(versionBox);
  // Executable schemes this document defines (forms by schemes.js), with provision links to this reader.
  let schemesListed = null;
  if (window.GongbaoSchemes) {
    const box = el("section", { class: "schemes" });
    article.append(box);
    try { schemesListed = window.GongbaoSchemes.mount(box, d.id, { provisionHref: provHref }); } catch (err) { box.append(el("p", { class: "error", text: "出错了：" + err.message })); }
  }
  // Contents: open beside the text on wide screens, collapsed above it on narrow ones.
  const nav = el("details", { class: "toc", "aria-label": "目录" }, el("summary", { text: "目录" }),
    toc.map(t => el("a", { href: "#" + t.anchor, class: "l" + t.level, text: t.text })));
  nav.open = !window.matchMedia("(max-width: 800px)").matches;
  // The scheme forms (schemes.js) are listed in the contents once known.
  if (schemesListed) schemesListed.then(list => { if (list.length) nav.append(el("a", { href: "#schemes", class: "l1", text: "可计算事项" }),
    ...list.map(s => el("a", { href: "#scheme-" + s.id, class: "l2", text: s.title }))); }).catch(() => {});
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
    el("p", { class: "doc-meta" }, el("a", { href: docHref(v.documentId), text: v.documentTitle }), " · ", await issueName(v.issueId)),
    el("h1", { text: [v.label, v.heading].filter(Boolean).join(" ") || v.id }),
    el("p", { class: "doc-meta" }, "ID ", el("code", { text: v.id }), " · ", el("a", { href: docHref(v.documentId, anchor), class: "in-doc", text: "在全文中查看" })),
    provisionNode(v.provision, v.documentId, toc, 0, null, null),
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
  const oldName = await issueName(d.oldSource), newName = await issueName(d.newSource);
  const hunks = d.hunks.map(h => el("div", { class: "hunk" },
    el("div", { class: "where", text: `${oldName} 第 ${h.oldLine} 行 · ${newName} 第 ${h.newLine} 行` }),
    el("div", { class: "diff" }, h.segments.map(s => s.operation === "Equal" ? document.createTextNode(s.text)
      : el(s.operation === "Delete" ? "del" : "ins", { text: s.text })))));
  show(el("h1", {}, "版本比较 ", el("a", { href: docHref(id), text: id })),
    el("p", { class: "doc-meta", text: `${oldName}（${d.oldLength} 字）→ ${newName}（${d.newLength} 字）：删除 ${d.deletedChars} 字，增加 ${d.insertedChars} 字，${d.hunks.length} 处` }),
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
    else if (path === "/match" && window.GongbaoMatch) window.GongbaoMatch.render(app, { provisionHref: provHref });
    else show(el("p", { class: "error", text: "未找到页面" }));
  } catch (err) { showError(err); }
}

window.addEventListener("hashchange", focusHash);
route();
