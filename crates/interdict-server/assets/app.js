// interdict analyst page: hash routing over the server's JSON endpoints.
// Every piece of data reaches the page through textContent or setAttribute
// on elements built here; nothing from a response is parsed as markup in the
// live document (the shipment report is parsed inert and its route map is
// copied element by element through an allowlist).
"use strict";

(function () {
  const VIEWS = ["search", "entity", "goods", "shipments", "lists"];
  const NAV_KEYS = { "1": "search", "2": "goods", "3": "shipments", "4": "lists" };
  // Near misses are worth an analyst's eye: ask for results from this
  // score up; the server still says which ones pass its threshold.
  const SEARCH_CUTOFF = 0.5;
  const SEARCH_LIMIT = 10;

  const state = { view: null, searchKey: null, searchHash: "#/search", ready: false, embed: false };

  // ---------- DOM helpers ----------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function $(id) {
    return document.getElementById(id);
  }

  function tableOf(headers, rows, cls) {
    const head = headers ? el("thead", null, el("tr", null, headers.map((h) => el("th", { scope: "col", text: h })))) : null;
    const table = el("table", { class: cls || null }, head, el("tbody", null, rows));
    return el("div", { class: "table-wrap" }, table);
  }

  function badge(cls, text) {
    return el("span", { class: "badge " + cls, text: text });
  }

  function scoreNode(score) {
    const s = typeof score === "number" && isFinite(score) ? score : 0;
    const pct = Math.max(0, Math.min(1, s)) * 100;
    const bar = el("span", { class: "score-bar", "aria-hidden": "true" }, el("span", { class: "score-fill", style: "width:" + pct.toFixed(0) + "%" }));
    return el("span", { class: "score", title: "score " + s.toFixed(3) }, bar, el("span", { class: "score-num", text: s.toFixed(2) }));
  }

  // Only web links become links: a value from a list is never a script URL.
  function safeHref(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  // A link to a record: within the page, or from a preview (which has no
  // router) to the full page in a new tab.
  function entityLink(id, text) {
    const route = "#/entity/" + encodeURIComponent(id);
    if (!state.embed) return el("a", { href: route, text: text });
    return el("a", { href: "/" + route, target: "_blank", rel: "noopener", text: text });
  }

  function words(s) {
    return String(s).replace(/_/g, " ");
  }

  function isText(v) {
    return typeof v === "string" && v.length > 0;
  }

  // A JSON value as nested lists, for evidence whose shape varies by rule.
  function valueNode(v, depth) {
    if (v === null || v === undefined) return document.createTextNode("—");
    if (typeof v !== "object") return document.createTextNode(String(v));
    if (Array.isArray(v)) {
      if (v.every((x) => x === null || typeof x !== "object")) return document.createTextNode(v.join(", "));
      if (depth > 3) return document.createTextNode(JSON.stringify(v));
      return el("ul", null, v.map((x) => el("li", null, valueNode(x, depth + 1))));
    }
    if (depth > 3) return document.createTextNode(JSON.stringify(v));
    const items = Object.entries(v)
      .filter(([, x]) => x !== null && x !== undefined && !(Array.isArray(x) && x.length === 0))
      .map(([k, x]) => el("li", null, el("b", { text: words(k) + ": " }), valueNode(x, depth + 1)));
    return el("ul", null, items);
  }

  // An error record's words: the server's message, or the shipment
  // reader's line, field and reason.
  function errorText(e) {
    if (isText(e)) return e;
    if (e && typeof e === "object") {
      if (isText(e.message)) return e.message;
      if (isText(e.reason)) {
        const where = [e.line && "line " + e.line, isText(e.field) && "field " + e.field].filter(Boolean).join(", ");
        return (where ? where + ": " : "") + e.reason;
      }
    }
    return JSON.stringify(e);
  }

  function setStatus(text) {
    $("status").textContent = text;
  }

  function busy(out, text) {
    clear(out).appendChild(el("p", { class: "busy", text: text }));
  }

  function showError(out, err) {
    clear(out).appendChild(el("p", { class: "error", role: "alert", text: err.message || String(err) }));
  }

  // ---------- API ----------

  class ApiError extends Error {}

  // The server's errors carry `detail`: a string (its own errors) or a list
  // of validation errors (422), as yente does.
  function detailText(body, status) {
    const d = body && body.detail;
    if (isText(d)) return d;
    if (Array.isArray(d)) {
      return d.map((x) => (x && typeof x === "object" ? [x.loc && x.loc.join("."), x.msg].filter(Boolean).join(": ") : String(x))).join("; ");
    }
    if (status === 503) return "The lists are still loading; try again in a moment.";
    return "The server answered " + status + ".";
  }

  async function request(method, path, body, contentType) {
    const opts = { method: method, headers: { Accept: "application/json" } };
    if (body !== undefined) {
      opts.body = body;
      opts.headers["Content-Type"] = contentType || "application/json";
    }
    let res;
    try {
      res = await fetch(path, opts);
    } catch (e) {
      throw new ApiError("The server cannot be reached (" + e.message + ").");
    }
    const text = await res.text();
    if (!res.ok) {
      let parsed = null;
      try {
        parsed = JSON.parse(text);
      } catch (_) {
        parsed = null;
      }
      throw new ApiError(detailText(parsed, res.status));
    }
    return { text: text, url: res.url, type: res.headers.get("Content-Type") || "" };
  }

  async function getJson(method, path, body, contentType) {
    const r = await request(method, path, body, contentType);
    try {
      return { data: JSON.parse(r.text), url: r.url };
    } catch (_) {
      throw new ApiError("The server's answer is not JSON.");
    }
  }

  // JSON lines, or one JSON document (object or array), into a list.
  function parseRecords(text) {
    const t = text.trim();
    if (t === "") return [];
    if (t.startsWith("[")) return JSON.parse(t);
    try {
      return [JSON.parse(t)];
    } catch (_) {
      return t.split(/\r?\n/).filter((l) => l.trim() !== "").map((l) => JSON.parse(l));
    }
  }

  // ---------- readiness ----------

  async function waitReady() {
    for (;;) {
      try {
        const res = await fetch("/readyz", { headers: { Accept: "application/json" } });
        if (res.ok) {
          state.ready = true;
          setStatus("Lists loaded.");
          return;
        }
      } catch (_) {
        // not up yet
      }
      setStatus("Loading the lists…");
      await new Promise((r) => setTimeout(r, 700));
    }
  }

  // ---------- routing ----------

  function parseHash() {
    const raw = location.hash.replace(/^#\/?/, "");
    const q = raw.indexOf("?");
    const path = q >= 0 ? raw.slice(0, q) : raw;
    const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : "");
    const slash = path.indexOf("/");
    const view = slash >= 0 ? path.slice(0, slash) : path;
    let arg = slash >= 0 ? path.slice(slash + 1) : "";
    try {
      arg = decodeURIComponent(arg);
    } catch (_) {
      // keep it as typed
    }
    return { view: VIEWS.includes(view) ? view : "search", arg: arg, params: params };
  }

  function showView(view) {
    for (const v of VIEWS) $("view-" + v).hidden = v !== view;
    for (const a of document.querySelectorAll("header nav a")) {
      if (a.dataset.view === view || (view === "entity" && a.dataset.view === "search")) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
    const changed = state.view !== view;
    state.view = view;
    return changed;
  }

  function firstField(view) {
    return document.querySelector("#view-" + view + " input, #view-" + view + " textarea, #view-" + view + " select");
  }

  function route() {
    const r = parseHash();
    const changed = showView(r.view);
    const titles = { search: "Parties", entity: "Record", goods: "Goods", shipments: "Shipments", lists: "Lists" };
    document.title = titles[r.view] + " · interdict";
    if (r.view === "search") routeSearch(r.params);
    else if (r.view === "entity") loadEntity(r.arg);
    else if (r.view === "lists") loadLists();
    if (changed) {
      const f = r.view === "entity" || r.view === "lists" ? $("h-" + r.view) : firstField(r.view);
      if (f) {
        if (!f.hasAttribute("tabindex") && f.tagName === "H1") f.setAttribute("tabindex", "-1");
        f.focus({ preventScroll: true });
      }
    }
  }

  function go(view) {
    const target = view === "search" ? state.searchHash : "#/" + view;
    if (location.hash === target) route();
    else location.hash = target;
  }

  // ---------- parties ----------

  function routeSearch(params) {
    const q = params.get("q") || "";
    $("q").value = q;
    $("schema").value = params.get("schema") || "Thing";
    $("birthDate").value = params.get("birthDate") || "";
    $("country").value = params.get("country") || "";
    state.searchHash = location.hash || "#/search";
    const key = params.toString();
    if (q.trim() === "" || key === state.searchKey) return;
    state.searchKey = key;
    runSearch(q.trim(), $("schema").value, $("birthDate").value.trim(), $("country").value.trim());
  }

  function onSearchSubmit(ev) {
    ev.preventDefault();
    const p = new URLSearchParams();
    p.set("q", $("q").value.trim());
    if ($("schema").value !== "Thing") p.set("schema", $("schema").value);
    if ($("birthDate").value.trim()) p.set("birthDate", $("birthDate").value.trim());
    if ($("country").value.trim()) p.set("country", $("country").value.trim().toLowerCase());
    const hash = "#/search?" + p.toString();
    if (location.hash === hash) state.searchKey = null;
    if (location.hash === hash) route();
    else location.hash = hash;
  }

  function matchQuery(name, schema, birthDate, country) {
    const properties = { name: [name] };
    if (birthDate) properties.birthDate = [birthDate];
    if (country) properties[schema === "Person" ? "nationality" : "country"] = [country.toLowerCase()];
    return { queries: { q1: { schema: schema, properties: properties } } };
  }

  async function runSearch(name, schema, birthDate, country) {
    const out = $("search-out");
    busy(out, "Screening " + name + "…");
    const path = "/match/default?limit=" + SEARCH_LIMIT + "&cutoff=" + SEARCH_CUTOFF;
    try {
      const { data } = await getJson("POST", path, JSON.stringify(matchQuery(name, schema, birthDate, country)));
      const resp = data && data.responses && data.responses.q1;
      if (!resp) throw new ApiError("The server's answer has no response for the query.");
      renderResults(out, name, resp);
    } catch (e) {
      showError(out, e);
    }
  }

  function renderResults(out, name, resp) {
    const results = Array.isArray(resp.results) ? resp.results : [];
    const matches = results.filter((r) => r.match).length;
    clear(out);
    const summary = results.length === 0
      ? "No listed record scores " + SEARCH_CUTOFF.toFixed(2) + " or more for “" + name + "”."
      : results.length + " listed record" + (results.length === 1 ? "" : "s") + " for “" + name + "”, " + matches + " of them a match.";
    out.appendChild(el("p", { class: "summary", id: "search-summary", text: summary }));
    out.appendChild(el("ol", { class: "results", id: "search-results" }, results.map(resultCard)));
  }

  function resultCard(r) {
    const link = el("a", { href: "#/entity/" + encodeURIComponent(r.id), text: r.caption || r.id });
    const head = el("div", { class: "result-head" },
      el("h2", null, link),
      r.match ? badge("d-match", "match") : badge("d-nomatch", "below threshold"),
      scoreNode(r.score));
    const meta = el("p", { class: "meta" }, [r.schema, (r.datasets || []).join(", "), r.id].filter(isText).join(" · "));
    const said = explanationWords(r);
    const expl = said.length
      ? el("ul", { class: "words explanation", "aria-label": "why" }, said.map((t) => el("li", { text: t })))
      : el("p", { class: "small", text: "No explanation given." });
    return el("li", { class: "card result", "data-id": r.id }, head, meta, expl, featureTable(r));
  }

  // The explanation in words: interdict's own (`explanation.text`), then
  // the per-feature details yente clients read.
  function explanationWords(r) {
    const out = [];
    const e = r.explanation;
    if (isText(e)) out.push(e);
    else if (Array.isArray(e)) out.push(...e.filter(isText));
    else if (e && Array.isArray(e.text)) out.push(...e.text.filter(isText));
    if (out.length === 0 && r.explanations && typeof r.explanations === "object") {
      for (const [feature, v] of Object.entries(r.explanations)) {
        const t = v && (v.detail || v.text || v.description);
        if (isText(t)) out.push(words(feature) + ": " + t);
        else if (Array.isArray(t)) out.push(...t.filter(isText));
      }
    }
    return Array.from(new Set(out));
  }

  function featureTable(r) {
    const rows = [];
    const src = r.explanations && typeof r.explanations === "object" ? r.explanations : r.features || {};
    for (const [feature, v] of Object.entries(src)) {
      const score = typeof v === "number" ? v : v && v.score;
      if (typeof score !== "number") continue;
      rows.push(el("tr", null, el("td", { text: words(feature) }), el("td", { class: "num", text: score.toFixed(3) })));
    }
    if (rows.length === 0) return null;
    return el("details", { class: "features" }, el("summary", { text: "Scores by feature" }), tableOf(["feature", "score"], rows));
  }

  // ---------- entity ----------

  async function loadEntity(id) {
    const out = $("entity-out");
    if (!state.embed) $("entity-back").setAttribute("href", state.searchHash);
    if (!id) {
      showError(out, new Error("No record id in the address."));
      return;
    }
    $("h-entity").textContent = id;
    busy(out, "Loading " + id + "…");
    try {
      const { data } = await getJson("GET", "/entities/" + encodeURIComponent(id));
      // A merged id redirects to the canonical record: show its address.
      if (data.id && data.id !== id && !state.embed) history.replaceState(null, "", "#/entity/" + encodeURIComponent(data.id));
      renderEntity(out, data);
    } catch (e) {
      showError(out, e);
    }
  }

  function renderEntity(out, e) {
    $("h-entity").textContent = e.caption || e.id;
    clear(out);
    const facts = [
      ["id", e.id], ["schema", e.schema], ["lists", (e.datasets || []).join(", ")],
      ["first seen", e.first_seen], ["last seen", e.last_seen], ["last change", e.last_change],
    ].filter(([, v]) => isText(v));
    out.appendChild(tableOf(null, facts.map(([k, v]) => el("tr", null, el("th", { scope: "row", text: k }), el("td", { text: v }))), "facts"));
    out.appendChild(el("h2", { text: "Properties" }));
    out.appendChild(propertiesTable(e.properties || {}, 0));
    out.appendChild(el("h2", { text: "Source records" }));
    out.appendChild(sourceRecords(e));
  }

  function sourceRecords(e) {
    const refs = Array.isArray(e.referents) && e.referents.length ? e.referents : [e.id];
    const items = refs.map((ref) => {
      const ds = String(ref).split(":")[0];
      const node = ref === e.id ? el("span", { text: ref }) : entityLink(ref, ref);
      return el("li", null, node, el("span", { class: "meta", text: " · list " + ds }));
    });
    return el("ul", { class: "sources" }, items);
  }

  function sortedProps(props) {
    const first = ["name", "alias", "weakAlias", "previousName"];
    return Object.keys(props).sort((a, b) => {
      const ia = first.indexOf(a), ib = first.indexOf(b);
      if (ia !== ib) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
      return a.localeCompare(b);
    });
  }

  function propertiesTable(props, depth) {
    const rows = sortedProps(props).map((p) => {
      const vals = Array.isArray(props[p]) ? props[p] : [props[p]];
      return el("tr", null, el("th", { scope: "row", text: p }), el("td", null, propertyValues(vals, depth)));
    });
    return tableOf(["property", "values"], rows, "props");
  }

  function propertyValues(vals, depth) {
    if (vals.length === 1) return propertyValue(vals[0], depth);
    return el("ul", { class: "values" }, vals.map((v) => el("li", null, propertyValue(v, depth))));
  }

  // Nested entities (one hop, as the server nests them) get a link and
  // their own properties; plain values are text.
  function propertyValue(v, depth) {
    if (v && typeof v === "object" && v.id) {
      const box = el("div", { class: "nested" },
        entityLink(v.id, v.caption || v.id),
        el("span", { class: "meta", text: " · " + [v.schema, v.id].filter(isText).join(" · ") }));
      if (depth < 1 && v.properties) {
        box.appendChild(el("details", null, el("summary", { text: "its properties" }), propertiesTable(v.properties, depth + 1)));
      }
      return box;
    }
    return valueNode(v, 0);
  }

  // ---------- goods ----------

  const GOODS_NUMBERS = ["value", "quantity"];
  const GOODS_TEXT = ["description", "hs_code", "destination", "origin", "currency", "unit", "date", "declared_description"];

  function goodsFromForm(form) {
    const line = {};
    for (const k of GOODS_TEXT) {
      const v = form.elements[k].value.trim();
      if (v) line[k] = k === "destination" || k === "origin" ? v.toLowerCase() : v;
    }
    for (const k of GOODS_NUMBERS) {
      const raw = form.elements[k].value.trim().replace(/[\s,]/g, "");
      if (!raw) continue;
      const n = Number(raw);
      if (!isFinite(n)) throw new Error(k + " is not a number: " + raw);
      line[k] = n;
    }
    if (!line.description) throw new Error("Describe the goods (or paste goods lines).");
    if (!line.destination) line.destination = "kp";
    return line;
  }

  function goodsFromLines(text) {
    return text.split(/\r?\n/).filter((l) => l.trim() !== "").map((l, i) => {
      try {
        return JSON.parse(l);
      } catch (e) {
        throw new Error("Goods line " + (i + 1) + " is not JSON: " + e.message);
      }
    });
  }

  // What the goods form sends: a file as it is (CSV is read by the server;
  // JSON lines are read here so each answer can carry its description), or
  // the pasted lines, or the one line of the fields.
  async function goodsRequest(form) {
    const file = form.elements.file.files && form.elements.file.files[0];
    if (file && /\.csv$/i.test(file.name)) return { lines: [], body: await file.text(), type: "text/csv" };
    const text = file ? await file.text() : form.elements.lines.value.trim();
    const lines = text.trim() ? (text.trim().startsWith("[") ? JSON.parse(text) : goodsFromLines(text)) : [goodsFromForm(form)];
    return { lines: lines, body: JSON.stringify(lines.length === 1 ? lines[0] : lines), type: "application/json" };
  }

  async function onGoodsSubmit(ev) {
    ev.preventDefault();
    const form = ev.target;
    const out = $("goods-out");
    let req;
    try {
      req = await goodsRequest(form);
    } catch (e) {
      showError(out, e);
      return;
    }
    busy(out, "Checking the goods…");
    await withButton(form, async () => {
      try {
        const { data } = await getJson("POST", "/goods", req.body, req.type);
        renderGoods(out, req.lines, Array.isArray(data) ? data : [data]);
      } catch (e) {
        showError(out, e);
      }
    });
  }

  function renderGoods(out, lines, answers) {
    clear(out);
    answers.forEach((a, i) => {
      const report = a && a.report ? a.report : a;
      const line = lines[i] || { description: "goods line " + ((a && a.line) || i + 1) };
      out.appendChild(report && Array.isArray(report.verdicts) ? goodsCard(line, report) : errorCard(line.description || "goods line " + (i + 1), a));
    });
  }

  function errorCard(title, a) {
    const msg = a && a.error ? errorText(a.error) : "no report";
    return el("div", { class: "card" }, el("h2", { text: title }), el("p", { class: "error", text: msg }));
  }

  function worstStatus(verdicts) {
    const order = ["prohibited", "licence_required"];
    for (const s of order) if (verdicts.some((v) => v.status === s)) return s;
    return verdicts.length ? verdicts[0].status : "none";
  }

  function goodsCard(line, r) {
    const worst = worstStatus(r.verdicts);
    const card = el("div", { class: "card goods-report" },
      el("div", { class: "result-head" }, el("h2", { text: line.description || "goods" }), badge("st-" + worst, words(worst)),
        isText(line.destination) ? el("span", { class: "meta", text: "to " + line.destination.toUpperCase() }) : null));
    card.appendChild(classification(r));
    const warnings = (r.warnings || []).map((w) => (isText(w) ? w : w.message || JSON.stringify(w)));
    if (warnings.length) card.appendChild(el("ul", { class: "words warnings" }, warnings.map((w) => el("li", { class: "sev-high", text: w }))));
    card.appendChild(verdictTable(r.verdicts));
    return card;
  }

  function classification(r) {
    const hs = r.hs || {};
    const parts = [];
    if (hs.code) parts.push("HS " + hs.code + (hs.description ? ": " + hs.description : ""));
    else parts.push("Not classified");
    const basis = [hs.basis && "from " + words(hs.basis), typeof hs.confidence === "number" && "confidence " + Math.round(hs.confidence * 100) + "%", hs.edition].filter(Boolean);
    const p = el("p", null, el("b", { text: parts[0] }), basis.length ? el("span", { class: "meta", text: " (" + basis.join(", ") + ")" }) : null);
    const extra = [];
    if (r.luxury) extra.push("read as luxury goods");
    if (Array.isArray(r.categories) && r.categories.length) extra.push("categories: " + r.categories.map(words).join(", "));
    if (typeof r.unit_value_usd === "number") extra.push("unit value about " + Math.round(r.unit_value_usd).toLocaleString("en") + " USD");
    const c = r.classification;
    if (c && isText(c.basis)) extra.push("why: " + c.basis);
    return el("div", null, p, extra.length ? el("p", { class: "meta", text: extra.join(" · ") }) : null);
  }

  function verdictRow(v) {
    const rule = [v.instrument, v.provision].filter(isText).join(", ");
    const also = Array.isArray(v.also) && v.also.length
      ? el("details", null, el("summary", { text: "also " + v.also.length + " more rule" + (v.also.length === 1 ? "" : "s") }),
        el("ul", null, v.also.map((a) => el("li", null, badge("st-" + a.status, words(a.status || "")), " " + [a.rule, a.instrument, a.provision].filter(isText).join(", ") + (isText(a.reason) ? ": " + a.reason : "")))))
      : null;
    return el("tr", { "data-jurisdiction": v.jurisdiction || "" },
      el("td", { text: v.jurisdiction || "" }),
      el("td", null, badge("st-" + (v.status || "none"), words(v.status || "none"))),
      el("td", null, el("span", { text: rule }), isText(v.rule) ? el("span", { class: "meta", text: " (" + v.rule + ")" }) : null),
      el("td", null, el("span", { text: v.reason || "" }), also),
      el("td", { text: v.verified || "" }));
  }

  function verdictTable(verdicts) {
    return tableOf(["law", "verdict", "instrument", "why", "checked against"], verdicts.map(verdictRow), "verdicts");
  }

  // ---------- shipments ----------

  function shipmentContentType(name, text) {
    if (/\.csv$/i.test(name || "")) return "text/csv";
    const t = text.trim();
    return t.startsWith("{") && t.indexOf("\n") < 0 ? "application/json" : "application/x-ndjson";
  }

  async function shipmentInput(form) {
    const file = form.elements.file.files && form.elements.file.files[0];
    if (file) return { name: file.name, text: await file.text() };
    return { name: "", text: form.elements.text.value };
  }

  async function onShipSubmit(ev) {
    ev.preventDefault();
    const form = ev.target;
    const input = await shipmentInput(form);
    if (input.text.trim() === "") {
      showError($("ship-out"), new Error("Choose a file or paste shipments first."));
      return;
    }
    await screenShipments(form, input);
  }

  async function onOneSubmit(ev) {
    ev.preventDefault();
    let shipment;
    try {
      shipment = shipmentFromForm(ev.target);
    } catch (e) {
      showError($("ship-out"), e);
      return;
    }
    await screenShipments(ev.target, { name: "", text: JSON.stringify(shipment) });
  }

  async function screenShipments(form, input) {
    const out = $("ship-out");
    busy(out, "Screening" + (input.name ? " " + input.name : "") + "…");
    const type = shipmentContentType(input.name, input.text);
    await withButton(form, async () => {
      try {
        // The decisions and the report are asked for together: the report
        // carries each flagged shipment's route drawn on a map.
        const [records, report] = await Promise.all([
          request("POST", "/screen", input.text, type),
          request("POST", "/screen?format=html", input.text, type).catch(() => null),
        ]);
        renderShipments(out, parseRecords(records.text), report && report.text);
      } catch (e) {
        showError(out, e);
      }
    });
  }

  // "Name / cc" as typed in the form: the country is what follows the
  // last slash when it is two letters.
  function nameAndCountry(text) {
    const m = /^(.*\S)\s*\/\s*([A-Za-z]{2})$/.exec(text.trim());
    return m ? { name: m[1], country: m[2].toLowerCase() } : { name: text.trim() };
  }

  // A route place as the shipment format has it: a UN/LOCODE, or a name
  // with its country (the flat CSV form's `name/cc`).
  function routePlace(text) {
    const t = text.trim();
    if (/^[A-Za-z]{2}[A-Za-z2-9]{3}$/.test(t)) return t.toUpperCase();
    const p = nameAndCountry(t);
    if (!p.country) throw new Error("Route place “" + t + "” is neither a UN/LOCODE nor name/country.");
    return p;
  }

  function numberField(form, name) {
    const raw = form.elements[name].value.trim().replace(/[\s,]/g, "");
    if (!raw) return undefined;
    const n = Number(raw);
    if (!isFinite(n)) throw new Error(name + " is not a number: " + raw);
    return n;
  }

  function shipmentFromForm(form) {
    const v = (k) => form.elements[k].value.trim();
    const parties = [];
    for (const role of ["exporter", "consignee"]) {
      if (v(role)) parties.push(Object.assign({ role: role }, nameAndCountry(v(role))));
    }
    if (v("carrier")) parties.push({ role: "carrier", schema: "Company", name: v("carrier") });
    const goods = { description: v("description"), hs_code: v("hs_code") || undefined, quantity: numberField(form, "quantity"),
      unit: v("unit") || undefined, value: numberField(form, "value"), currency: v("currency").toUpperCase() || undefined };
    const places = v("route") ? v("route").split(">").map(routePlace) : [];
    const legs = [];
    for (let i = 1; i < places.length; i++) {
      const leg = { mode: v("mode"), from: places[i - 1], to: places[i] };
      if (v("carrier")) leg.carrier = v("carrier");
      if (v("vessel") && v("mode") === "sea") leg.vessel = { name: v("vessel") };
      legs.push(leg);
    }
    return { id: v("id"), date: v("date"), declared_destination: v("declared_destination").toLowerCase(),
      purpose: v("purpose") || undefined, parties: parties, goods: [goods], legs: legs };
  }

  function renderShipments(out, records, reportHtml) {
    clear(out);
    const maps = reportHtml ? routeMaps(reportHtml) : new Map();
    const count = (k) => records.filter((r) => r.decision === k).length;
    out.appendChild(el("p", { id: "ship-summary", class: "summary", text: records.length + " shipment" + (records.length === 1 ? "" : "s") + ": " + count("block") + " block, " + count("review") + " review, " + count("clear") + " clear." }));
    out.appendChild(shipmentSummary(records));
    if (reportHtml) out.appendChild(reportControls(reportHtml));
    records.forEach((r, i) => out.appendChild(shipmentCard(r, i, maps)));
  }

  function recordId(r, i) {
    const fromError = r.error && typeof r.error === "object" ? r.error.shipment_id : null;
    return String(r.shipment_id || r.id || fromError || "shipment " + (i + 1));
  }

  function shipmentSummary(records) {
    const rows = records.map((r, i) => el("tr", null,
      el("td", null, el("a", { href: "#/shipments", "data-target": "ship-" + i, text: recordId(r, i) })),
      el("td", null, r.decision ? badge("d-" + r.decision, r.decision) : badge("d-error", "error")),
      el("td", { class: "num", text: typeof r.score === "number" ? r.score.toFixed(3) : "" }),
      el("td", { text: (r.flags || []).map((f) => f.rule).join(", ") })));
    return tableOf(["shipment", "decision", "score", "flags"], rows, "ship-summary");
  }

  function byLaw(r) {
    const parts = [];
    for (const k of ["block", "review", "clear"]) {
      const names = (r.jurisdictions || []).filter((j) => j.decision === k).map((j) => String(j.jurisdiction).toUpperCase());
      if (names.length) parts.push(k + " under " + names.join(", "));
    }
    return parts.join("; ");
  }

  function shipmentCard(r, i, maps) {
    const id = recordId(r, i);
    const card = el("article", { class: "card shipment", id: "ship-" + i, "data-decision": r.decision || "error", tabindex: "-1" });
    card.appendChild(el("div", { class: "result-head" }, el("h2", { text: id }),
      r.decision ? badge("d-" + r.decision, r.decision) : badge("d-error", "error"),
      typeof r.score === "number" ? scoreNode(r.score) : null));
    if (r.error) {
      card.appendChild(el("p", { class: "error", text: errorText(r.error) }));
      return card;
    }
    const law = byLaw(r);
    if (law) card.appendChild(el("p", { class: "by-law", text: law + "." }));
    const map = maps.get(id);
    if (map) card.appendChild(el("figure", { class: "map", tabindex: "0", "aria-label": "route of " + id }, map, el("figcaption", { class: "small", text: "Route: red dashed legs are flagged, dark bands are periods without tracking, orange places are DPRK-exposed hubs, black ones DPRK places." })));
    if ((r.flags || []).length) card.appendChild(flagsTable(r.flags));
    else card.appendChild(el("p", { class: "note", text: "No flags." }));
    return card;
  }

  function flagsTable(flags) {
    const rows = flags.map((f) => {
      const detail = el("details", null, el("summary", { text: "evidence and sources" }), valueNode(f.evidence, 0),
        Array.isArray(f.under) && f.under.length ? el("div", null, el("b", { text: "By law: " }), valueNode(f.under, 1)) : null,
        Array.isArray(f.citations) && f.citations.length ? el("p", { class: "small", text: "Sources: " + f.citations.join("; ") }) : null);
      return el("tr", { "data-rule": f.rule || "" },
        el("td", { class: "sev-" + (f.severity || "info"), text: f.severity || "" }),
        el("td", null, el("code", { text: f.rule || "" })),
        el("td", null, el("p", { text: f.summary || "" }), detail));
    });
    return tableOf(["severity", "rule", "what was found"], rows, "flags");
  }

  function reportControls(html) {
    const url = URL.createObjectURL(new Blob([html], { type: "text/html" }));
    const holder = el("div", { class: "report-holder" });
    const toggle = el("button", { type: "button", class: "secondary", "aria-expanded": "false", text: "Show the full report" });
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") === "true";
      clear(holder);
      if (!open) {
        // sandbox without allow-scripts: the report is shown, never run.
        const frame = el("iframe", { class: "report-frame", title: "shipment screening report", sandbox: "" });
        frame.srcdoc = html;
        holder.appendChild(frame);
      }
      toggle.setAttribute("aria-expanded", open ? "false" : "true");
      toggle.textContent = open ? "Show the full report" : "Hide the full report";
    });
    const download = el("a", { href: url, download: "interdict-report.html", text: "Download the report (HTML)" });
    return el("div", null, el("div", { class: "row" }, toggle, download), holder);
  }

  // ---------- route maps from the report ----------

  const SVG_NS = "http://www.w3.org/2000/svg";
  const SVG_TAGS = new Set(["svg", "g", "path", "line", "polyline", "polygon", "circle", "ellipse", "rect", "text", "tspan", "title", "desc", "defs", "marker", "clippath", "style"]);
  const SVG_ATTRS = new Set(["class", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "width", "height", "d", "points",
    "viewbox", "transform", "fill", "stroke", "stroke-width", "stroke-dasharray", "opacity", "fill-opacity", "stroke-opacity",
    "marker-end", "marker-start", "refx", "refy", "markerwidth", "markerheight", "orient", "id", "clip-path", "role", "aria-label",
    "text-anchor", "dominant-baseline", "font-size", "font-weight"]);

  // The report is parsed as an inert document; each section's route is
  // copied into the page through an allowlist of SVG elements and
  // attributes (no scripts, no links, no event handlers).
  function routeMaps(html) {
    const maps = new Map();
    const doc = new DOMParser().parseFromString(html, "text/html");
    for (const section of doc.querySelectorAll("section[id^='s-']")) {
      const svg = section.querySelector("svg");
      if (svg) maps.set(section.id.slice(2), copySvg(svg));
    }
    return maps;
  }

  function copySvg(node) {
    const name = node.localName.toLowerCase();
    if (!SVG_TAGS.has(name)) return null;
    const copy = document.createElementNS(SVG_NS, name === "clippath" ? "clipPath" : node.localName);
    for (const a of Array.from(node.attributes)) {
      const n = a.name.toLowerCase();
      if (!SVG_ATTRS.has(n) || /url\((?!#)/i.test(a.value)) continue;
      copy.setAttribute(a.name, a.value);
    }
    for (const c of Array.from(node.childNodes)) {
      if (c.nodeType === Node.TEXT_NODE) copy.appendChild(document.createTextNode(c.textContent));
      else if (c.nodeType === Node.ELEMENT_NODE) {
        const k = copySvg(c);
        if (k) copy.appendChild(k);
      }
    }
    return copy;
  }

  // ---------- lists ----------

  async function loadLists() {
    const out = $("lists-out");
    busy(out, "Loading the list catalogue…");
    try {
      const { data } = await getJson("GET", "/lists");
      renderLists(out, Array.isArray(data) ? data : data.lists || []);
    } catch (e) {
      showError(out, e);
    }
  }

  function renderLists(out, lists) {
    clear(out);
    const total = lists.reduce((n, l) => n + (l.total || 0), 0);
    const oldest = lists.reduce((n, l) => Math.max(n, l.age_days || 0), 0);
    out.appendChild(el("p", { class: "summary", text: lists.length + " lists, " + total.toLocaleString("en") + " records; the oldest snapshot is " + oldest + " days old." }));
    out.appendChild(tableOf(["list", "snapshot", "age (days)", "records", "by kind", "DPRK", "notes"], lists.map(listRow), "lists"));
  }

  function listRow(l) {
    const href = safeHref(l.source_url);
    const name = el("td", null, el("b", { text: l.title || l.dataset }), el("br"),
      el("span", { class: "meta" }, el("code", { text: l.dataset || "" }), isText(l.publisher) ? " · " + l.publisher : "", href ? " · " : "", href ? el("a", { href: href, rel: "noopener noreferrer", text: "source" }) : null));
    const counts = Object.entries(l.counts || {}).map(([k, n]) => k + " " + n).join(", ");
    const notes = Array.isArray(l.notes) && l.notes.length
      ? el("details", null, el("summary", { text: l.notes.length + " note" + (l.notes.length === 1 ? "" : "s") }), el("ul", null, l.notes.map((n) => el("li", { text: n }))))
      : null;
    return el("tr", { class: l.stale ? "stale" : null, "data-dataset": l.dataset || "" },
      name,
      el("td", { class: "date", text: l.snapshot_date || "" }),
      el("td", { class: "num age", text: l.age_days === undefined ? "" : String(l.age_days) + (l.stale ? " (stale)" : "") }),
      el("td", { class: "num", text: l.total === undefined ? "" : String(l.total) }),
      el("td", { text: counts }),
      el("td", { class: "num", text: l.dprk === undefined ? "" : String(l.dprk) }),
      el("td", null, notes));
  }

  // ---------- forms and keys ----------

  async function withButton(form, work) {
    const button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    try {
      await work();
    } finally {
      if (button) button.disabled = false;
    }
  }

  function inField(t) {
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }

  function onKey(ev) {
    const t = ev.target;
    if (inField(t)) {
      if (ev.key === "Escape") t.blur();
      else if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey) && t.form) {
        ev.preventDefault();
        t.form.requestSubmit();
      }
      return;
    }
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (NAV_KEYS[ev.key]) {
      ev.preventDefault();
      go(NAV_KEYS[ev.key]);
    } else if (ev.key === "/") {
      const f = firstField(state.view === "entity" ? "search" : state.view);
      if (state.view === "entity") go("search");
      else if (f) {
        ev.preventDefault();
        f.focus();
      }
    } else if (ev.key === "?") {
      const keys = $("keys");
      keys.open = true;
      keys.querySelector("summary").focus();
    }
  }

  // Links in the shipment summary move focus to the shipment's card
  // rather than changing the route.
  function onOutClick(ev) {
    const a = ev.target.closest && ev.target.closest("a[data-target]");
    if (!a) return;
    ev.preventDefault();
    const card = $(a.dataset.target);
    if (card) {
      card.scrollIntoView({ block: "start" });
      card.focus({ preventScroll: true });
    }
  }

  // The preview page (entity.html?id=...) shows one record and nothing else.
  function initEmbed() {
    state.embed = true;
    const id = new URLSearchParams(location.search).get("id") || "";
    $("entity-full").setAttribute("href", "/#/entity/" + encodeURIComponent(id));
    loadEntity(id);
  }

  function init() {
    if (document.body.dataset.embed === "entity") {
      initEmbed();
      return;
    }
    $("search-form").addEventListener("submit", onSearchSubmit);
    $("goods-form").addEventListener("submit", onGoodsSubmit);
    $("ship-form").addEventListener("submit", onShipSubmit);
    $("one-form").addEventListener("submit", onOneSubmit);
    $("ship-out").addEventListener("click", onOutClick);
    document.addEventListener("keydown", onKey);
    window.addEventListener("hashchange", route);
    waitReady();
    route();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
