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
  $("source-view").hidden = true;
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
  const m = location.hash.match(/^#story=(.+)$/);
  if (m) return openStory(decodeURIComponent(m[1]));
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

$("refresh").addEventListener("click", () => loadBrief());
$("words").addEventListener("change", () => loadBrief());

async function loadBrief() {
  if (!current) return;
  const id = encodeURIComponent(current.id);
  const words = parseInt($("words").value, 10) || 150;
  $("brief").replaceChildren(el("p", { class: "meta" }, "Writing the brief…"));
  const [b, a] = await Promise.all([
    api("GET", "/v1/stories/" + id + "/brief?format=json&words=" + words),
    api("GET", "/v1/stories/" + id + "/articles"),
  ]);
  articlesById = {};
  if (a.ok) for (const art of a.data.articles) articlesById[art.id] = art;
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

function renderBrief(br) {
  const box = $("brief");
  box.replaceChildren();
  if (br.title) box.append(el("h4", {}, br.title));
  const p = el("p");
  (br.sentences || []).forEach((s, i) => {
    const span = el("span", { class: "sent", "data-i": String(i), tabindex: "0" }, s.text);
    span.addEventListener("click", () => showSource(s.from, s, span));
    span.addEventListener("keydown", (ev) => { if (ev.key === "Enter") showSource(s.from, s, span); });
    span.addEventListener("mouseenter", (ev) => showTip(ev, s));
    span.addEventListener("mouseleave", hideTip);
    const sup = el("sup", { class: "cites" });
    for (const n of s.citations || []) {
      const src = br.sources[n - 1];
      const link = el("a", { href: "#", class: "cite", title: sourceName(src) }, "[" + n + "]");
      link.addEventListener("click", (ev) => { ev.preventDefault(); showSource(n, s, span); });
      sup.append(link);
    }
    p.append(span, sup, " ");
    if (s.note) p.append(el("span", { class: "note" }, "(" + s.note + ") "));
  });
  box.append(p);
  $("brief-warnings").textContent = (br.warnings || []).join(" · ");
  renderFacts(br.facts);
  renderSources(br.sources || []);
}

// locate finds sentence text in a report: the words in order, with any
// whitespace between them; then the first eight words alone.
function locate(text, sentence) {
  const words = sentence.split(/\s+/).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  for (const n of [words.length, Math.min(8, words.length)]) {
    if (!n) break;
    const m = new RegExp(words.slice(0, n).join("\\s+")).exec(text);
    if (m) return [m.index, m.index + m[0].length];
  }
  return null;
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

function showSource(n, s, span) {
  document.querySelectorAll(".sent.active").forEach((e) => e.classList.remove("active"));
  if (span) span.classList.add("active");
  const src = lastBrief.sources[n - 1];
  const art = articleOf(n);
  $("sv-title").textContent = "[" + n + "] " + sourceName(src) + (src && src.title ? " — " + src.title : "") +
    (src && src.date ? " · " + fmtDate(src.date) : "");
  const box = $("sv-text");
  box.replaceChildren();
  if (!art) {
    box.append(el("p", { class: "meta" }, "The text of this report is not available."), el("p", {}, el("mark", {}, s.text)));
  } else {
    const at = locate(art.text, s.text);
    if (at) {
      const mark = el("mark", {}, art.text.slice(at[0], at[1]));
      box.append(art.text.slice(0, at[0]), mark, art.text.slice(at[1]));
      $("source-view").hidden = false;
      mark.scrollIntoView({ block: "center" });
    } else {
      box.append(el("p", { class: "meta" }, n === s.from ?
        "The sentence, as cleaned by Chorus:" : "This report supports the sentence:"),
        el("p", {}, el("mark", {}, s.text)), el("hr"), art.text);
    }
  }
  $("source-view").hidden = false;
}
$("close-source").addEventListener("click", () => {
  $("source-view").hidden = true;
  document.querySelectorAll(".sent.active").forEach((e) => e.classList.remove("active"));
});

function renderSources(sources) {
  const ol = $("sources");
  ol.replaceChildren();
  for (const s of sources) {
    const li = el("li", { value: String(s.n) });
    li.append(el("b", {}, s.outlet || "Unknown outlet"));
    if (s.date) li.append(" · " + fmtDate(s.date));
    if (s.title) {
      li.append(" · ");
      li.append(/^https?:\/\//.test(s.url || "") ?
        el("a", { href: s.url, rel: "noopener noreferrer", target: "_blank" }, s.title) : s.title);
    }
    if (s.author) li.append(" · " + s.author);
    if (s.off_story) li.append(" ", el("span", { class: "off" }, "off-story" + (s.off_story_reason ? ": " + s.off_story_reason : "")));
    const del = el("button", { class: "quiet", type: "button", title: "Remove this report" }, "remove");
    del.addEventListener("click", async () => {
      const r = await api("DELETE", "/v1/stories/" + encodeURIComponent(current.id) + "/articles/" + encodeURIComponent(s.id));
      if (!r.ok && r.status !== 204) return showError(r.data.error);
      current.articles--;
      showMeta();
      await loadStories();
      await loadBrief();
    });
    li.append(" ", del);
    ol.append(li);
  }
}

// ---- the fact sheet, rendered generically ----

function label(k) {
  return k.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
}

function isEmpty(v) {
  return v == null || v === "" || (Array.isArray(v) && !v.length) ||
    (typeof v === "object" && !Array.isArray(v) && !Object.keys(v).length);
}

function renderValue(v, depth) {
  if (v == null) return "";
  if (typeof v !== "object") {
    if (typeof v === "string" && /^\d{4}-\d\d-\d\dT/.test(v)) return fmtDate(v);
    return String(v);
  }
  if (Array.isArray(v)) {
    if (v.length && v.every((x) => x && typeof x === "object" && !Array.isArray(x)) && depth < 3) {
      const keys = [...new Set(v.flatMap((x) => Object.keys(x)))].filter((k) => v.some((x) => !isEmpty(x[k])));
      const table = el("table", {}, el("tr", {}, ...keys.map((k) => el("th", {}, label(k)))));
      for (const x of v) table.append(el("tr", {}, ...keys.map((k) => el("td", {}, renderValue(x[k], depth + 1)))));
      return table;
    }
    if (v.every((x) => typeof x !== "object" || x === null)) return v.map((x) => renderValue(x, depth + 1)).join(", ");
    return el("ul", {}, ...v.map((x) => el("li", {}, renderValue(x, depth + 1))));
  }
  const dl = el("dl");
  for (const [k, x] of Object.entries(v)) {
    if (isEmpty(x)) continue;
    dl.append(el("dt", {}, label(k)), el("dd", {}, renderValue(x, depth + 1)));
  }
  return dl;
}

function renderFacts(facts) {
  const box = $("facts");
  box.replaceChildren();
  box.className = "facts";
  if (isEmpty(facts)) {
    box.append(el("p", { class: "meta" }, "No fact sheet for this story."));
    return;
  }
  box.append(renderValue(facts, 0));
}

route();
