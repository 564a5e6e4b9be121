// Chorus page: stories, reports and the sourced brief, over the /v1 API.
"use strict";

const $ = (id) => document.getElementById(id);
const TOKEN_KEY = "chorus-token";
let current = null;      // the story shown
let articlesById = {};   // the story's articles with their text
let lastBrief = null;
let pendingFiles = [];

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const k of kids) if (k != null) e.append(k);
  return e;
}

function showError(msg) {
  const box = $("error");
  box.textContent = msg;
  box.hidden = false;
  clearTimeout(showError.t);
  showError.t = setTimeout(() => { box.hidden = true; }, 8000);
}

// api calls the API; on 401 it asks for the token once and retries.
async function api(method, path, body) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const headers = {};
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers["Authorization"] = "Bearer " + token;
    const init = { method, headers };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const res = await fetch(path, init);
    if (res.status === 401) {
      const t = prompt("This Chorus server needs its access token:");
      if (!t) throw new Error("no token given");
      sessionStorage.setItem(TOKEN_KEY, t.trim());
      continue;
    }
    const ct = res.headers.get("Content-Type") || "";
    const data = res.status === 204 ? null : ct.includes("json") ? await res.json() : await res.text();
    return { status: res.status, ok: res.ok, data };
  }
  throw new Error("the token was refused");
}

function fmtDate(s) {
  if (!s) return "";
  const d = new Date(s);
  return isNaN(d) ? s : d.toISOString().slice(0, 10);
}

// ---- stories ----

async function loadStories() {
  const r = await api("GET", "/v1/stories");
  if (!r.ok) return showError(r.data.error || "could not list stories");
  const ul = $("stories");
  ul.replaceChildren();
  for (const s of r.data.stories) {
    const a = el("a", { href: "#story=" + encodeURIComponent(s.id) }, s.title, " ",
      el("small", {}, "(" + s.articles + ")"));
    if (current && current.id === s.id) a.className = "current";
    ul.append(el("li", {}, a));
  }
}

async function openStory(id) {
  const r = await api("GET", "/v1/stories/" + encodeURIComponent(id));
  if (!r.ok) {
    showError(r.data.error || "story not found");
    location.hash = "";
    return;
  }
  current = r.data;
  $("empty").hidden = true;
  $("story").hidden = false;
  $("story-title").textContent = current.title;
  $("add-result").replaceChildren();
  $("add").open = current.articles === 0; // a story with reports opens on its brief
  showMeta();
  await loadStories();
  await loadBrief();
}

function showMeta() {
  $("story-meta").textContent = current.articles + " report" + (current.articles === 1 ? "" : "s") +
    " · updated " + new Date(current.updated).toLocaleString();
}

$("new-story").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const title = $("new-title").value.trim();
  if (!title) return;
  const r = await api("POST", "/v1/stories", { title });
  if (!r.ok) return showError(r.data.error);
  $("new-title").value = "";
  location.hash = "#story=" + encodeURIComponent(r.data.id);
});

$("delete-story").addEventListener("click", async () => {
  if (!current || !confirm("Delete the story “" + current.title + "” and its reports?")) return;
  const r = await api("DELETE", "/v1/stories/" + encodeURIComponent(current.id));
  if (!r.ok) return showError(r.data.error);
  current = null;
  location.hash = "";
});

function route() {
  const m = location.hash.match(/^#story=([^&]+)(?:&words=(\d+))?$/);
  if (m) {
    $("words").value = m[2] || String(DEFAULT_WORDS);
    return openStory(decodeURIComponent(m[1]));
  }
  current = null;
  $("story").hidden = true;
  $("empty").hidden = false;
  return loadStories();
}
window.addEventListener("hashchange", route);

// ---- adding reports ----

function readFile(f) {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result);
    r.onerror = () => reject(r.error);
    r.readAsText(f);
  });
}

function addFiles(list) {
  for (const f of list) pendingFiles.push(f);
  $("file-list").replaceChildren(...pendingFiles.map((f) => el("li", {}, f.name)));
}

const drop = $("drop");
drop.addEventListener("dragover", (ev) => { ev.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (ev) => {
  ev.preventDefault();
  drop.classList.remove("over");
  addFiles(ev.dataTransfer.files);
});
$("files").addEventListener("change", (ev) => addFiles(ev.target.files));

$("add-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  if (!current) return;
  const arts = [];
  const text = $("paste").value.trim();
  if (text) {
    const a = { text };
    if ($("paste-source").value.trim()) a.source = $("paste-source").value.trim();
    if ($("paste-date").value.trim()) a.date = $("paste-date").value.trim();
    arts.push(a);
  }
  for (const line of $("urls").value.split(/\s+/)) if (line) arts.push({ url: line });
  for (const f of pendingFiles) {
    const body = await readFile(f);
    arts.push(/\.html?$/i.test(f.name) ? { html: body } : { text: body });
  }
  if (!arts.length) return showError("Paste a report, give an address or drop a file first.");
  const btn = $("add-btn");
  btn.disabled = true;
  btn.textContent = "Adding…";
  try {
    const r = await api("POST", "/v1/stories/" + encodeURIComponent(current.id) + "/articles", { articles: arts });
    if (r.status !== 200 && r.status !== 422) return showError(r.data.error || "could not add");
    const out = $("add-result");
    out.replaceChildren();
    for (const a of r.data.articles) {
      const name = a.title || a.source || a.url || "report " + (a.index + 1);
      if (a.error) out.append(el("li", { class: "err" }, name + ": " + a.error));
      else out.append(el("li", { class: a.duplicate ? "dup" : "ok" },
        name + (a.duplicate ? " — already in the story" : " — added (" + a.words + " words)")));
    }
    if (r.data.added > 0 || r.data.duplicates > 0) {
      $("paste").value = "";
      $("urls").value = "";
      pendingFiles = [];
      $("file-list").replaceChildren();
    }
    current = r.data.story;
    showMeta();
    await loadStories();
    if (r.data.added > 0) await loadBrief();
  } finally {
    btn.disabled = false;
    btn.textContent = "Add to story";
  }
});

// ---- the brief ----

const DEFAULT_WORDS = 150;

$("refresh").addEventListener("click", () => loadBrief());
$("words").addEventListener("change", () => {
  rememberWords();
  loadBrief();
});

// rememberWords keeps a chosen length in the address, so a link to the
// story shows the same brief.
function rememberWords() {
  if (!current) return;
  const w = parseInt($("words").value, 10);
  const hash = "#story=" + encodeURIComponent(current.id) + (w && w !== DEFAULT_WORDS ? "&words=" + w : "");
  history.replaceState(null, "", hash);
}

async function loadBrief() {
  if (!current) return;
  const id = encodeURIComponent(current.id);
  const words = parseInt($("words").value, 10) || DEFAULT_WORDS;
  $("brief").replaceChildren(el("p", { class: "meta" }, "Writing the brief…"));
  const [b, a] = await Promise.all([
    api("GET", "/v1/stories/" + id + "/brief?format=json&words=" + words),
    api("GET", "/v1/stories/" + id + "/articles"),
  ]);
  articlesById = {};
  if (a.ok) for (const art of a.data.articles) articlesById[art.id] = art;
  closeReport(false);
  if (!b.ok) {
    lastBrief = null;
    $("brief").replaceChildren(el("p", { class: "meta" },
      b.status === 422 ? "Add reports to see the brief." : (b.data.error || "no brief")));
    $("facts").replaceChildren();
    $("sources").replaceChildren();
    $("brief-warnings").textContent = "";
    return;
  }
  lastBrief = b.data;
  renderBrief(b.data);
}

function sourceName(src) {
  return src ? (src.outlet || src.title || "source " + src.n) : "";
}

// citeLink makes the citation "[n]" of source n: a link to the source in
// the list which, followed, opens the report in place with passage marked.
function citeLink(n, passage) {
  const src = lastBrief && lastBrief.sources[n - 1];
  const name = sourceName(src);
  const a = el("a", {
    href: "#source-" + n, class: "cite", title: name + (src && src.date ? " · " + fmtDate(src.date) : ""),
    "aria-label": "source " + n + (name ? ", " + name : ""),
  }, "[" + n + "]");
  a.addEventListener("click", (ev) => {
    ev.preventDefault();
    openReport(n, typeof passage === "function" ? passage(n) : passage, a);
  });
  return a;
}

// citeDocs makes the citations of fact sheet reports, given by their
// 0-based index in the story (the source number minus one).
function citeDocs(docs, passage) {
  const ns = [...new Set(docs)].sort((x, y) => x - y).map((d) => d + 1);
  return el("span", { class: "cites" }, ...ns.map((n) => citeLink(n, passage)));
}

// noteNodes writes a sentence's note with its source numbers as citations:
// "(sources 1, 3)" and "[2]" become [1][3] and [2].
function noteNodes(note) {
  const fig = ((lastBrief.facts || {}).figures || []).find((f) => f.what && note.includes(f.what));
  const passage = fig ? (n) => claimPassage(fig, n - 1) : null;
  const out = [];
  const re = /\(sources? (\d+(?:(?:, | and |, and )\d+)*)\)|\[(\d+)\]/g;
  let at = 0;
  for (let m; (m = re.exec(note));) {
    const ns = (m[1] || m[2]).split(/\D+/).filter(Boolean).map(Number)
      .filter((n) => n >= 1 && n <= lastBrief.sources.length);
    if (!ns.length) continue;
    out.push(note.slice(at, m.index).replace(/\s+$/, ""), " ", ...ns.map((n) => citeLink(n, passage)));
    at = m.index + m[0].length;
  }
  out.push(note.slice(at));
  return out;
}

function renderBrief(br) {
  const box = $("brief");
  box.replaceChildren();
  if (br.title) box.append(el("h4", {}, br.title));
  const p = el("p");
  (br.sentences || []).forEach((s, i) => {
    const own = { text: s.text, label: "The sentence, as cleaned by Chorus:" };
    const span = el("span", { class: "sent", "data-i": String(i), tabindex: "0" }, s.text);
    span.addEventListener("click", () => openReport(s.from, own, span));
    span.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        openReport(s.from, own, span);
      }
    });
    span.addEventListener("mouseenter", (ev) => showTip(ev, s));
    span.addEventListener("mouseleave", hideTip);
    const sup = el("sup", { class: "cites" });
    for (const n of s.citations || []) {
      const link = citeLink(n, n === s.from ? own : { text: s.text, label: "This report supports the sentence:" });
      sup.append(link);
    }
    p.append(span, sup, " ");
    if (s.note) p.append(el("span", { class: "note", role: "note" }, el("span", { "aria-hidden": "true" }, "⚠ "), ...noteNodes(s.note)), " ");
  });
  box.append(p);
  $("brief-warnings").textContent = (br.warnings || []).join(" · ");
  renderFacts(br.facts);
  renderSources(br.sources || []);
}

// ---- reports shown in place ----

// locate finds sentence text in a report: the words in order, with any
// whitespace between them; then the first eight words alone.
function locate(text, sentence) {
  const words = sentence.split(/\s+/).filter(Boolean).map(escapeRe);
  for (const n of [words.length, Math.min(8, words.length)]) {
    if (!n) break;
    const m = new RegExp(words.slice(0, n).join("\\s+")).exec(text);
    if (m) return [m.index, m.index + m[0].length];
  }
  return null;
}

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// locateAll finds every whole-word occurrence of any of the phrases.
function locateAll(text, phrases) {
  const alts = [...new Set(phrases.filter(Boolean))].sort((a, b) => b.length - a.length)
    .map((p) => p.split(/\s+/).filter(Boolean).map(escapeRe).join("\\s+")).filter(Boolean);
  if (!alts.length) return [];
  const re = new RegExp("(?<![\\p{L}\\p{N}])(?:" + alts.join("|") + ")(?![\\p{L}\\p{N}])", "gu");
  const out = [];
  for (const m of text.matchAll(re)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function articleOf(n) {
  const src = lastBrief && lastBrief.sources[n - 1];
  return src ? articlesById[src.id] : null;
}

function showTip(ev, s) {
  const tip = $("tip");
  const src = lastBrief.sources[s.from - 1];
  tip.replaceChildren(el("b", {}, "[" + s.from + "] " + sourceName(src)),
    src && src.date ? " · " + fmtDate(src.date) : "", el("br"),
    "Sentence " + (s.position + 1) + " of the report. Cited by " +
    (s.citations || []).map((n) => sourceName(lastBrief.sources[n - 1])).join(", ") + ". Click to read it in place.");
  tip.hidden = false;
  const r = ev.target.getBoundingClientRect();
  tip.style.left = Math.max(8, r.left + window.scrollX) + "px";
  tip.style.top = (r.bottom + window.scrollY + 6) + "px";
}
function hideTip() { $("tip").hidden = true; }

let reportOpener = null; // the element that opened the report view

// openReport shows report n in place: under the summary when opened from
// it, under the fact sheet item otherwise. passage is what to mark: a
// sentence or wording {text, label}, where label introduces the text when
// the report does not contain it, or {phrases} to mark every occurrence
// (an entity's names); null shows the report from its start.
function openReport(n, passage, from) {
  const view = $("source-view");
  const box = $("sv-text");
  document.querySelectorAll("#brief-pane .active").forEach((e) => e.classList.remove("active"));
  const item = from.closest(".sent, #facts li, #facts tr") ||
    (from.closest("#brief") ? from.parentElement.previousElementSibling : null);
  if (item) item.classList.add("active");
  const host = from.closest("#facts li, #facts section");
  if (host) {
    host.append(view);
  } else {
    $("brief-warnings").after(view);
  }
  reportOpener = from;

  const src = lastBrief.sources[n - 1];
  const art = articleOf(n);
  $("sv-title").textContent = "[" + n + "] " + sourceName(src) + (src && src.title ? " — " + src.title : "") +
    (src && src.date ? " · " + fmtDate(src.date) : "");
  box.replaceChildren();
  let ranges = [];
  if (art && passage) ranges = passage.phrases ? locateAll(art.text, passage.phrases) : [locate(art.text, passage.text)].filter(Boolean);
  if (!art) {
    box.append(el("p", { class: "meta" }, "The text of this report is not available."));
    if (passage && passage.text) box.append(el("p", {}, el("mark", {}, passage.text)));
  } else if (ranges.length) {
    let at = 0;
    for (const [a, b] of ranges) {
      box.append(art.text.slice(at, a), el("mark", {}, art.text.slice(a, b)));
      at = b;
    }
    box.append(art.text.slice(at));
  } else if (passage && passage.text) {
    box.append(el("p", { class: "meta" }, passage.label || "Quoted in this report:"),
      el("p", {}, el("mark", {}, passage.text)), el("hr"), art.text);
  } else {
    box.append(art.text);
  }
  view.hidden = false;
  const mark = box.querySelector("mark");
  view.scrollTop = mark ? Math.max(0, mark.offsetTop - view.clientHeight / 3) : 0;
  view.scrollIntoView({ block: "nearest" });
}

// closeReport hides the report view and puts it back under the summary
// (the fact sheet it may sit in is redrawn with each brief); refocus
// returns the keyboard focus to what opened it.
function closeReport(refocus) {
  const view = $("source-view");
  const was = !view.hidden;
  view.hidden = true;
  $("brief-warnings").after(view);
  document.querySelectorAll("#brief-pane .active").forEach((e) => e.classList.remove("active"));
  if (was && refocus && reportOpener && reportOpener.isConnected) reportOpener.focus();
  reportOpener = null;
}
$("close-source").addEventListener("click", () => closeReport(true));
document.addEventListener("keydown", (ev) => {
  if (ev.key === "Escape" && !$("source-view").hidden) closeReport(true);
});

function renderSources(sources) {
  const ol = $("sources");
  ol.replaceChildren();
  const offReason = {};
  for (const o of (lastBrief.facts || {}).off_story || []) offReason[o.doc + 1] = o.reason;
  for (const s of sources) {
    const reason = s.off_story_reason || offReason[s.n] || "";
    const off = s.off_story || s.n in offReason;
    const li = el("li", { value: String(s.n), id: "source-" + s.n, class: off ? "off-story" : "" });
    li.append(el("b", {}, s.outlet || "Unknown outlet"));
    if (s.date) li.append(" · " + fmtDate(s.date));
    if (s.title) {
      li.append(" · ");
      li.append(/^https?:\/\//.test(s.url || "") ?
        el("a", { href: s.url, rel: "noopener noreferrer", target: "_blank" }, s.title) : s.title);
    }
    if (s.author) li.append(" · " + s.author);
    const del = el("button", { class: "quiet small", type: "button", title: "Remove this report",
      "aria-label": "Remove report " + s.n }, "remove");
    del.addEventListener("click", async () => {
      const r = await api("DELETE", "/v1/stories/" + encodeURIComponent(current.id) + "/articles/" + encodeURIComponent(s.id));
      if (!r.ok && r.status !== 204) return showError(r.data.error);
      current.articles--;
      showMeta();
      await loadStories();
      await loadBrief();
    });
    li.append(" ", del);
    if (off) li.append(el("div", { class: "off" }, el("strong", {}, "Off-story"), reason ? ": " + reason : "",
      el("span", { class: "meta" }, " — left out of the summary")));
    ol.append(li);
  }
}

// ---- the fact sheet ----
// The sheet names reports by their 0-based index in the story ("doc");
// the source number a reader sees is doc + 1.

const MAX_ENTITIES = 12;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December"];
const ORIGIN_REASONS = {
  statement: "its own statement",
  earliest: "earliest report",
  first: "first report read",
  only: "only report",
};

// claimPassage is the wording with which report doc states a figure.
function claimPassage(fig, doc) {
  for (const v of fig.values || []) {
    for (const c of v.claims || []) if (c.doc === doc) return { text: c.wording, label: "Stated in this report as:" };
  }
  return null;
}

// factSection makes a headed section of the fact sheet.
function factSection(key, title, count, ...body) {
  const id = "facts-" + key;
  const h = el("h4", { id: id + "-h" }, title);
  if (count > 1) h.append(" ", el("span", { class: "count" }, "(" + count + ")"));
  return el("section", { class: "fs " + id, "aria-labelledby": id + "-h" }, h, ...body);
}

function quoted(s) {
  return "“" + s.replace(/^["“”']+|["“”']+$/g, "") + "”";
}

function renderFigures(figs) {
  const ul = el("ul", { class: "figures" });
  for (const f of figs) {
    const disputed = f.status !== "confirmed";
    const li = el("li", { class: "figure" + (disputed ? " disputed" : "") });
    li.append(el("span", { class: "what" }, f.what || f.unit || "figure"));
    if (!disputed) {
      li.append(": ");
      (f.values || []).forEach((v, i) => {
        if (i) li.append("; ");
        li.append(el("span", { class: "val" }, v.text), " ", citeDocs(v.docs || [], (n) => claimPassage(f, n - 1)));
      });
      li.append(" ", el("span", { class: "badge ok" }, "confirmed by " + f.sources + (f.sources === 1 ? " source" : " sources")));
    } else {
      li.append(" ", el("span", { class: "badge bad" }, "disputed"));
      const vals = el("ul", { class: "values" });
      for (const v of f.values || []) {
        const vli = el("li", {}, el("span", { class: "val" }, v.text), " ",
          citeDocs(v.docs || [], (n) => claimPassage(f, n - 1)));
        const words = (v.claims || []).filter((c) => c.wording);
        if (words.length) {
          const w = el("span", { class: "wording" });
          words.forEach((c, i) => {
            if (i) w.append(", ");
            w.append(quoted(c.wording), " ", citeLink(c.doc + 1, { text: c.wording, label: "Stated in this report as:" }));
          });
          vli.append(" — ", w);
        }
        vals.append(vli);
      }
      li.append(vals);
    }
    ul.append(li);
  }
  return ul;
}

function renderQuotes(quotes) {
  const ul = el("ul", { class: "quotes" });
  for (const q of quotes) {
    const carriers = q.carriers || [];
    const wording = (n) => {
      const c = carriers.find((c) => c.doc === n - 1);
      return { text: c ? c.wording : q.text, label: "Quoted in this report as:" };
    };
    const meta = el("p", { class: "qmeta" });
    if (q.speaker) meta.append("— ", el("span", { class: "speaker" }, q.speaker), " · ");
    if (q.origin >= 0) {
      meta.append("origin ", citeLink(q.origin + 1, wording),
        " (" + (ORIGIN_REASONS[q.origin_reason] || q.origin_reason || "unknown") + ") · ");
    }
    meta.append("carried by ", citeDocs(carriers.map((c) => c.doc), wording));
    ul.append(el("li", { class: "quote" }, el("p", { class: "qtext" }, quoted(q.text)), meta));
  }
  return ul;
}

function renderEntities(ents) {
  const tbody = el("tbody");
  ents.forEach((e, i) => {
    const other = (e.variants || []).filter((v) => v !== e.name);
    const ms = el("td", { class: "mentions" });
    for (const m of e.mentions || []) {
      ms.append(el("span", { class: "mention" }, citeLink(m.doc + 1, { phrases: e.variants && e.variants.length ? e.variants : [e.name] }),
        "×" + m.count), " ");
    }
    const tr = el("tr", {}, el("th", { scope: "row" }, e.name), el("td", { class: "kind" }, e.kind || ""),
      el("td", { class: "also" }, other.join(", ")), ms);
    if (i >= MAX_ENTITIES) {
      tr.hidden = true;
      tr.classList.add("extra");
    }
    tbody.append(tr);
  });
  const table = el("table", { class: "entities", id: "entities-table" },
    el("thead", {}, el("tr", {}, ...["Name", "Kind", "Also written", "Mentions"].map((h) => el("th", { scope: "col" }, h)))),
    tbody);
  const out = [table];
  if (ents.length > MAX_ENTITIES) {
    const more = ents.length - MAX_ENTITIES;
    const btn = el("button", { type: "button", class: "quiet small", "aria-expanded": "false", "aria-controls": "entities-table" },
      "Show all " + ents.length + " (" + more + " more)");
    btn.addEventListener("click", () => {
      const open = btn.getAttribute("aria-expanded") !== "true";
      btn.setAttribute("aria-expanded", String(open));
      table.querySelectorAll("tr.extra").forEach((tr) => { tr.hidden = !open; });
      btn.textContent = open ? "Show the top " + MAX_ENTITIES : "Show all " + ents.length + " (" + more + " more)";
    });
    out.push(btn);
  }
  return out;
}

// eventDate writes an event's date at its precision, as the brief does.
function eventDate(ev) {
  const d = new Date(ev.date);
  if (isNaN(d)) return ev.date || "";
  const y = d.getUTCFullYear(), m = MONTHS[d.getUTCMonth()];
  const day = d.getUTCDate() + " " + m + " " + y;
  switch (ev.precision) {
    case "month": return m + " " + y;
    case "year": return String(y);
    case "week": return "week of " + day;
    default: return day;
  }
}

function renderTimeline(events) {
  const ol = el("ol", { class: "timeline" });
  let group = null, groupLabel = "";
  for (const ev of events) {
    const label = eventDate(ev);
    if (!group || label !== groupLabel) {
      groupLabel = label;
      group = el("ul", { class: "events" });
      const d = new Date(ev.date);
      const time = el("time", isNaN(d) ? {} : { datetime: d.toISOString().slice(0, 10) }, label);
      ol.append(el("li", { class: "day" }, time, group));
    }
    const li = el("li", { class: ev.off_story ? "off-story" : "" }, ev.text, " ",
      citeDocs([ev.doc], { text: ev.text, label: "The sentence, as cleaned by Chorus:" }));
    if (ev.off_story) li.append(" ", el("span", { class: "badge" }, "off-story report"));
    group.append(li);
  }
  // A date whose events all come from off-story reports is greyed as a whole.
  for (const day of ol.children) {
    if ([...day.querySelectorAll(".events > li")].every((li) => li.classList.contains("off-story"))) {
      day.classList.add("off-story");
    }
  }
  return ol;
}

function renderOffStory(list) {
  const ul = el("ul", { class: "offstory" });
  for (const o of list) ul.append(el("li", {}, citeLink(o.doc + 1, null), " ", o.reason || "about a different event"));
  return ul;
}

function renderFacts(facts) {
  const box = $("facts");
  if (box.contains($("source-view"))) closeReport(false); // keep the report view out of what is redrawn
  box.replaceChildren();
  box.className = "facts";
  const f = facts || {};
  const has = (k) => Array.isArray(f[k]) && f[k].length > 0;
  if (has("figures")) box.append(factSection("figures", "Figures", 0, renderFigures(f.figures)));
  if (has("quotes")) box.append(factSection("quotes", "Quotes", 0, renderQuotes(f.quotes)));
  if (has("entities")) box.append(factSection("entities", "Entities", f.entities.length, ...renderEntities(f.entities)));
  if (has("timeline")) box.append(factSection("timeline", "Timeline", 0, renderTimeline(f.timeline)));
  if (has("off_story")) box.append(factSection("offstory", "Off-story reports", 0, renderOffStory(f.off_story)));
  if (!box.children.length) box.append(el("p", { class: "meta" }, "No fact sheet for this story."));
}

route();
