/* mkdocs-resolutions: Pagefind search in Material's header search box.
 *
 * Pagefind ranks pages; this file works out, per page, which paragraphs
 * (ids pp-3, op-7, op-7-a, fn-2 ...) hold the hits, from the anchors and word
 * locations Pagefind returns, so a result links to ".../#op-7" with that
 * paragraph's excerpt.  Pure functions are exported for Node (tests); the UI
 * starts only in a browser.  Plain ES2017, no dependencies. */
(function (root) {
  "use strict";

  var SKIP = /^(title|footnotes|fnref-.*)$/;
  var EXCERPT_WORDS = 26;

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* How Pagefind ranks (the search box and the tests use the same): a query word
   * matching a whole indexed word counts far more than one it merely begins,
   * so "79/1" finds A/RES/79/1 before A/RES/79/195. Measured with the query set
   * in tests/fixtures/search/queries.json. */
  var RANKING = { termSimilarity: 10 };

  /* The page's own names for its paragraphs: "op-7-a" -> "Paragraph 7 (a)", from the
   * "places" meta the build writes ("id=label" joined by "|", the labels the page uses). */
  function placeNames(data) {
    var out = {};
    String((data.meta && data.meta.places) || "").split("|").forEach(function (line) {
      var i = line.indexOf("=");
      if (i > 0) out[line.slice(0, i)] = line.charAt(i + 1).toUpperCase() + line.slice(i + 2);
    });
    return out;
  }

  /* Excerpt of words[start:end) around the hits, hits in <mark>. */
  function excerpt(words, start, end, hits) {
    var first = hits.length ? hits[0] : start;
    var from = Math.max(start, Math.min(first - 6, end - EXCERPT_WORDS));
    var to = Math.min(end, from + EXCERPT_WORDS);
    var marked = {};
    hits.forEach(function (h) { marked[h] = true; });
    var out = [];
    for (var i = from; i < to; i++) {
      var w = escapeHtml(words[i] || "");
      out.push(marked[i] ? "<mark>" + w + "</mark>" : w);
    }
    return (from > start ? "… " : "") + out.join(" ") + (to < end ? " …" : "");
  }

  function sameWord(w) { return String(w || "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ""); }

  function paragraphAnchors(data) {
    var names = placeNames(data);
    return (data.anchors || [])
      .filter(function (a) { return a.id && !SKIP.test(a.id) && names[a.id]; })
      .sort(function (a, b) { return a.location - b.location; });
  }

  /* Paragraph hits of one Pagefind result (its data()): [{id, url, title, excerpt, hits}],
   * best first (most distinct words of the query, then most hits, then reading order),
   * at most `max`. */
  function paragraphHits(data, max) {
    var words = (data.content || "").split(/[\r\n\s]+/g);
    var names = placeNames(data);
    var anchors = paragraphAnchors(data);
    var byId = {}, order = [];
    (data.locations || []).forEach(function (loc) {
      var owner = null;
      for (var i = 0; i < anchors.length && anchors[i].location <= loc; i++) owner = i;
      if (owner === null) return;
      var a = anchors[owner];
      if (!byId[a.id]) {
        var next = owner + 1 < anchors.length ? anchors[owner + 1].location : words.length;
        byId[a.id] = { id: a.id, start: a.location, end: next, hits: [] };
        order.push(byId[a.id]);
      }
      byId[a.id].hits.push(loc);
    });
    var base = (data.url || "").split("#")[0];
    order.forEach(function (p) {
      var seen = {};
      p.hits.forEach(function (h) { seen[sameWord(words[h])] = true; });
      p.distinct = Object.keys(seen).length;
    });
    return order
      .map(function (p, i) { return { p: p, i: i }; })
      .sort(function (x, y) { return y.p.distinct - x.p.distinct || y.p.hits.length - x.p.hits.length || x.i - y.i; })
      .slice(0, max || 3)
      .map(function (x) {
        var p = x.p;
        p.hits.sort(function (a, b) { return a - b; });
        return { id: p.id, url: base + "#" + p.id, title: names[p.id], excerpt: excerpt(words, p.start, p.end, p.hits), hits: p.hits.length };
      });
  }

  /* The excerpt shown under a result's title when no paragraph holds a hit (a symbol or
   * title query): the first operative paragraph (the "first" meta), else the first paragraph;
   * on a page without paragraphs, the words around the hits. */
  function leadExcerpt(data) {
    var words = (data.content || "").split(/[\r\n\s]+/g);
    var anchors = paragraphAnchors(data);
    if (!anchors.length) {  // an ordinary page (home, about): the words around its hits
      return excerpt(words, 0, words.length, (data.locations || []).slice().sort(function (a, b) { return a - b; }));
    }
    var first = (data.meta && data.meta.first) || anchors[0].id, i = 0;
    for (var k = 0; k < anchors.length; k++) if (anchors[k].id === first) { i = k; break; }
    var end = i + 1 < anchors.length ? anchors[i + 1].location : words.length;
    return excerpt(words, anchors[i].location, end, []);
  }

  /* The line under a result's title: "A/RES/80/229 · 22 December 2025 · General Assembly · resolution". */
  function resultLine(data) {
    var m = data.meta || {};
    return ["symbol", "date", "organ", "kind"].map(function (k) { return m[k]; }).filter(Boolean).join(" · ");
  }

  /* Pagefind matches "L.3" as a prefix of "L.35"; a result whose own symbol is the
   * query ("A/C.3/80/L.3", or "80/229" for A/RES/80/229) goes first. */
  function symbolForm(s) { return String(s || "").replace(/\s+/g, "").toUpperCase(); }
  /* "res 79/1", "resolution 79/1", "RES/79/1", "79/1" and "A/RES/79/1" all name A/RES/79/1. */
  function querySymbol(query) {
    return symbolForm(String(query || "").replace(/^\s*(resolution|res)(\s+|\/)/i, "RES/"));
  }
  function isOwnSymbol(query, data) {
    var q = querySymbol(query), s = symbolForm(data.meta && data.meta.symbol);
    if (!s || !/\d/.test(q) || q.indexOf("/") < 0) return false;
    if (s === q) return true;
    var short = q.indexOf("RES/") === 0 ? q.slice(4) : q;
    var at = s.length - short.length - 5;
    return at > 0 && s.slice(at) === "/RES/" + short && /^[A-Z]+$/.test(s.slice(0, at));
  }
  function symbolFirst(query, datas) {
    var own = datas.filter(function (d) { return isOwnSymbol(query, d); });
    return own.concat(datas.filter(function (d) { return !isOwnSymbol(query, d); }));
  }

  /* A large site's index is cut into shards (search.py): the main bundle lists the others
   * in shards.json; each is merged into the search (Pagefind's mergeIndex). `bundle` is
   * the main bundle's URL ending in "/"; `options` are the ones the main index got. */
  function mergeShards(pf, bundle, options, fetchFn) {
    return (fetchFn || fetch)(bundle + "shards.json")
      .then(function (r) { return r.ok ? r.json() : []; })
      .catch(function () { return []; })
      .then(function (more) {
        return more.reduce(function (p, dir) {
          return p.then(function () { return pf.mergeIndex(bundle + dir, options); });
        }, Promise.resolve());
      });
  }

  var api = { mergeShards: mergeShards, paragraphHits: paragraphHits, symbolFirst: symbolFirst, leadExcerpt: leadExcerpt, resultLine: resultLine,
              placeNames: placeNames, escapeHtml: escapeHtml, RANKING: RANKING };
  if (typeof module === "object" && module.exports) module.exports = api;
  root.resolutionsSearch = api;
  if (typeof document === "undefined" || root.__resolutionsSearchLoaded) return;
  root.__resolutionsSearchLoaded = true;

  /* ---------- browser UI ---------- */
  var script = document.currentScript;
  var siteRoot = new URL("../../", script ? script.src : location.href);
  var pagefind = null, loading = null, timer = 0, seq = 0, current = null;
  var FILTERS = ["organ", "session", "kind", "year"];

  function load() {
    if (!loading) {
      loading = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (pf) {
        pagefind = pf;
        var options = { baseUrl: siteRoot.pathname, excerptLength: 24, ranking: RANKING };
        return pf.options(options)
          .then(function () { return mergeShards(pf, new URL("pagefind/", siteRoot).href, { baseUrl: siteRoot.pathname, ranking: RANKING }); })
          .then(function () { return pf.init(); })
          .then(function () { return pf; });
      });
    }
    return loading;
  }

  function mount() {
    var tpl = document.getElementById("res-search-template");
    var header = document.querySelector(".md-header__inner");
    if (!tpl || !header || document.querySelector(".res-search")) return;
    var frag = tpl.content.cloneNode(true);
    var anchor = header.querySelector(".md-header__source");
    header.insertBefore(frag, anchor);
    var box = document.querySelector(".res-search");
    var input = box.querySelector("input[name=query]");
    var toggle = document.getElementById("__search");
    var meta = box.querySelector(".md-search-result__meta");
    var list = box.querySelector(".md-search-result__list");
    var filterBox = box.querySelector(".res-search__filters");
    var form = box.querySelector("form");

    function open() {
      if (toggle) toggle.checked = true;
      input.focus();
      input.select();
      load().then(fillFilters).catch(function () { meta.textContent = "Search is not available here (the site must be served over http)."; });
    }
    function close() {
      if (toggle) toggle.checked = false;
      input.blur();
    }
    function fillFilters(pf) {
      if (filterBox.getAttribute("data-filled")) return;
      filterBox.setAttribute("data-filled", "1");
      pf.filters().then(function (all) {
        FILTERS.forEach(function (name) {
          var values = Object.keys(all[name] || {});
          if (!values.length) return;
          values.sort(function (a, b) { return isNaN(a) || isNaN(b) ? a.localeCompare(b) : b - a; });
          var sel = document.createElement("select");
          sel.name = name;
          sel.setAttribute("aria-label", "Filter by " + name);
          var any = document.createElement("option");
          any.value = "";
          any.textContent = "Any " + name;
          sel.appendChild(any);
          values.forEach(function (v) {
            var o = document.createElement("option");
            o.value = v;
            o.textContent = v + " (" + all[name][v] + ")";
            sel.appendChild(o);
          });
          sel.addEventListener("change", schedule);
          filterBox.appendChild(sel);
        });
      });
    }
    function chosenFilters() {
      var out = {};
      filterBox.querySelectorAll("select").forEach(function (s) { if (s.value) out[s.name] = s.value; });
      return out;
    }
    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(run, 120);
    }
    function run() {
      var q = input.value.trim(), filters = chosenFilters(), mine = ++seq;
      if (!q && !Object.keys(filters).length) { list.textContent = ""; meta.textContent = "Type words, or a symbol such as 80/229"; return; }
      load().then(function (pf) { return pf.search(q || null, { filters: filters }); }).then(function (res) {
        if (mine !== seq || !res) return;
        current = res.results;
        list.textContent = "";
        meta.textContent = res.results.length ? res.results.length + " matching document" + (res.results.length > 1 ? "s" : "") : "No matching documents";
        show(0, mine);
      });
    }
    function show(from, mine) {
      var slice = current.slice(from, from + 10);
      Promise.all(slice.map(function (r) { return r.data(); })).then(function (datas) {
        if (mine !== seq) return;
        if (from === 0) datas = symbolFirst(input.value.trim(), datas);
        datas.forEach(function (d) { list.appendChild(item(d)); });
        if (from + 10 < current.length) {
          var li = document.createElement("li");
          li.className = "md-search-result__item res-search__more";
          var b = document.createElement("button");
          b.type = "button";
          b.className = "md-search-result__more";
          b.textContent = "More results";
          b.addEventListener("click", function () { li.remove(); show(from + 10, mine); });
          li.appendChild(b);
          list.appendChild(li);
        }
      });
    }
    function article(href, title, html, sub, extra) {
      var a = document.createElement("a");
      a.href = href;
      a.className = "md-search-result__link";
      a.tabIndex = -1;
      var art = document.createElement("article");
      art.className = "md-search-result__article md-typeset" + (sub ? "" : " md-search-result__article--document");
      if (!sub) {
        var icon = document.createElement("div");
        icon.className = "md-search-result__icon md-icon";
        art.appendChild(icon);
      }
      var h = document.createElement(sub ? "h2" : "h1");
      h.textContent = title;
      art.appendChild(h);
      if (extra) {
        var m = document.createElement("p");
        m.className = "res-search__symbol";
        m.textContent = extra;
        art.appendChild(m);
      }
      if (html) {
        var p = document.createElement("p");
        p.innerHTML = html; // built by excerpt(): escaped words and <mark> only
        art.appendChild(p);
      }
      a.appendChild(art);
      return a;
    }
    function item(d) {
      var li = document.createElement("li");
      li.className = "md-search-result__item";
      var hits = paragraphHits(d, 3);
      li.appendChild(article(d.url, (d.meta && d.meta.title) || d.url, hits.length ? "" : leadExcerpt(d), false, resultLine(d)));
      hits.forEach(function (h) { li.appendChild(article(h.url, h.title, h.excerpt, true)); });
      return li;
    }

    input.addEventListener("input", schedule);
    input.addEventListener("focus", function () { if (toggle) toggle.checked = true; load().then(fillFilters).catch(function () {}); });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var first = list.querySelector("a");
      if (first) first.click();
    });
    form.addEventListener("reset", function () { setTimeout(function () { list.textContent = ""; schedule(); input.focus(); }); });
    list.addEventListener("click", function (e) { if (e.target.closest && e.target.closest("a")) close(); });
    document.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      var t = e.target, typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      if (toggle && toggle.checked && e.key === "Escape") { e.preventDefault(); close(); return; }
      if (typing) {
        if (t === input && (e.key === "ArrowDown")) {
          var f = list.querySelector("a");
          if (f) { e.preventDefault(); f.focus(); }
        }
        return;
      }
      if (e.key === "/" || e.key === "s" || e.key === "S" || e.key === "f") { e.preventDefault(); open(); }
    });
    list.addEventListener("keydown", function (e) {
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var i = links.indexOf(document.activeElement);
      if (i < 0) return;
      e.preventDefault();
      var j = e.key === "ArrowDown" ? i + 1 : i - 1;
      if (j < 0) input.focus(); else if (links[j]) links[j].focus();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})(typeof window !== "undefined" ? window : globalThis);
