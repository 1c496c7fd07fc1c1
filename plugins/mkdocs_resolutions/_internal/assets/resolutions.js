/* mkdocs-resolutions: hover notes for footnotes and citations, paragraph
 * permalinks, target highlight.  Plain ES2017, no dependencies.  Works with
 * Material's instant navigation: init() runs on every document$ emission and
 * first tears down everything the previous page set up. */
(function () {
  "use strict";
  if (window.__resolutionsLoaded) return;
  window.__resolutionsLoaded = true;

  var OPEN_DELAY = 60, CLOSE_DELAY = 250, GAP = 8, MARGIN = 16;
  var TRIGGERS = "sup.res-fnref > a, a.res-cite";
  var off = [];            // listener removers of the current page
  var note = null, status = null, trigger = null, savedDescribedBy = null;
  var openTimer = 0, closeTimer = 0, statusTimer = 0, lastPointer = { type: "", time: 0 };

  function on(target, type, fn, opts) {
    target.addEventListener(type, fn, opts);
    off.push(function () { target.removeEventListener(type, fn, opts); });
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function triggerOf(node) {
    if (!(node instanceof Element) || !node.closest(".res-doc")) return null;
    return node.closest(TRIGGERS);
  }
  function isMarker(a) { return a.parentElement && a.parentElement.matches("sup.res-fnref"); }

  function footnoteContent(a) {
    var n = a.getAttribute("data-note") || a.hash.replace(/^#fn-/, "");
    var src = document.querySelector("#fn-" + CSS.escape(n) + " .res-fn__text");
    if (!src) return null;
    var box = el("div");
    box.appendChild(el("span", "res-note__label", "Note " + n));
    var text = src.cloneNode(true);
    text.querySelectorAll("[id]").forEach(function (x) { x.removeAttribute("id"); });
    text.querySelectorAll("abbr.res-ibid").forEach(function (abbr) {
      var what = abbr.getAttribute("data-ibid") || abbr.getAttribute("title");
      if (what) abbr.after(el("span", "res-note__ibid", " [" + what + "]"));
    });
    box.appendChild(text);
    return box;
  }

  function citationContent(a) {
    var sym = a.getAttribute("data-symbol") || a.textContent.trim();
    var box = el("div");
    if (a.classList.contains("res-cite--external")) {
      box.appendChild(el("strong", "res-note__symbol", sym));
      box.appendChild(document.createTextNode(" \u2014 official copy in the UN Official Document System (undocs.org)"));
      return box;
    }
    box.appendChild(el("strong", "res-note__symbol", sym));
    var title = a.getAttribute("data-title"), date = a.getAttribute("data-date");
    var pin = a.getAttribute("data-place"), excerpt = a.getAttribute("data-excerpt");
    if (date) box.appendChild(el("span", "res-note__date", " (" + date + ")"));
    if (title) box.appendChild(el("span", "res-note__title", title));
    if (pin) box.appendChild(el("span", "res-note__pin", pin));   // "paragraph 14 to 17" for a range
    if (excerpt) box.appendChild(el("span", "res-note__excerpt", excerpt));
    if (!title && !excerpt) box.appendChild(el("span", "res-note__hint", "Page on this site"));
    return box;
  }

  function place() {
    if (!note || !trigger) return;
    var r = trigger.getBoundingClientRect();
    var vw = document.documentElement.clientWidth, vh = window.innerHeight;
    var header = document.querySelector(".md-header");
    var top0 = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
    note.style.left = "0px"; note.style.top = "0px";
    var w = note.offsetWidth, h = note.offsetHeight;
    var below = vh - r.bottom - GAP, above = r.top - top0 - GAP;
    var y = (h > below && above > below) ? r.top - GAP - h : r.bottom + GAP;
    var x = Math.min(Math.max(MARGIN / 2, r.left + r.width / 2 - w / 2), Math.max(MARGIN / 2, vw - w - MARGIN / 2));
    note.classList.toggle("res-note--above", y < r.top);
    // Absolute coordinates are relative to the offset parent, whatever it is.
    var parent = note.offsetParent || document.body, pr = parent.getBoundingClientRect();
    note.style.left = Math.round(x - pr.left - parent.clientLeft) + "px";
    note.style.top = Math.round(y - pr.top - parent.clientTop) + "px";
  }

  function open(a) {
    clearTimeout(openTimer); clearTimeout(closeTimer);
    if (trigger === a && !note.hidden) return;
    close();
    var content = isMarker(a) ? footnoteContent(a) : citationContent(a);
    if (!content) return;
    note.textContent = "";
    note.appendChild(content);
    note.classList.toggle("res-note--footnote", isMarker(a));
    trigger = a;
    savedDescribedBy = a.getAttribute("aria-describedby");
    a.setAttribute("aria-describedby", note.id);
    note.hidden = false;
    place();
  }

  function close() {
    clearTimeout(openTimer); clearTimeout(closeTimer);
    if (trigger) {
      if (savedDescribedBy === null) trigger.removeAttribute("aria-describedby");
      else trigger.setAttribute("aria-describedby", savedDescribedBy);
    }
    trigger = null;
    if (note) { note.hidden = true; note.textContent = ""; }
  }
  function closeSoon() { clearTimeout(openTimer); clearTimeout(closeTimer); closeTimer = setTimeout(close, CLOSE_DELAY); }
  function openSoon(a) { clearTimeout(closeTimer); clearTimeout(openTimer); openTimer = setTimeout(function () { open(a); }, OPEN_DELAY); }

  function say(message) {
    clearTimeout(statusTimer);
    status.textContent = message;
    status.classList.add("res-status--visible");
    statusTimer = setTimeout(function () { status.classList.remove("res-status--visible"); status.textContent = ""; }, 2500);
  }

  function markTarget() {
    document.querySelectorAll(".res-targeted").forEach(function (x) { x.classList.remove("res-targeted"); });
    var id = decodeURIComponent(location.hash.slice(1));
    var t = id && document.getElementById(id);
    if (t && t.closest(".res-doc")) t.classList.add("res-targeted");
  }

  /* Paragraph actions: "Copy link" and "Copy citation" ("A/RES/80/229, para. 7 (URL)"). */
  var menu = null, menuFor = null;
  function paraOf(node) { return node.closest(".res-p[id]"); }
  function linkTo(para) { return location.href.split("#")[0] + "#" + para.id; }
  function citation(para) {
    var d = para.closest(".res-doc");
    var who = (d && d.getAttribute("data-symbol")) || (document.querySelector(".res-title") || {}).textContent || document.title;
    var place = (para.getAttribute("data-label") || para.id).replace(/\bparagraph\b/g, "para.").replace(/^Annex\b/, "annex");
    return who.trim() + ", " + place + " (" + linkTo(para) + ")";
  }
  function copy(text, done, fallback) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { say(done); }, function () { say(fallback); });
    } else {
      say(fallback);
    }
  }
  function closeMenu(refocus) {
    if (!menu || menu.hidden) return;
    menu.hidden = true;
    var back = menuFor;
    menuFor = null;
    document.querySelectorAll('.res-permalink[aria-expanded="true"]').forEach(function (x) { x.setAttribute("aria-expanded", "false"); });
    if (refocus && back) back.focus();
  }
  function openMenu(para, anchorEl) {
    close();
    var link = para.querySelector("a.res-permalink");
    menuFor = link;
    if (link) link.setAttribute("aria-expanded", "true");
    menu.setAttribute("aria-label", "Cite " + (para.getAttribute("data-label") || para.id));
    menu.hidden = false;
    var r = anchorEl.getBoundingClientRect(), vw = document.documentElement.clientWidth;
    var parent = menu.offsetParent || document.body, pr = parent.getBoundingClientRect();
    var x = Math.min(Math.max(MARGIN / 2, r.left), Math.max(MARGIN / 2, vw - menu.offsetWidth - MARGIN / 2));
    menu.style.left = Math.round(x - pr.left - parent.clientLeft) + "px";
    menu.style.top = Math.round(r.bottom + GAP / 2 - pr.top - parent.clientTop) + "px";
    menu._para = para;
    menu.querySelector("button").focus({ preventScroll: true });
  }
  function makeMenu() {
    var m = el("div", "res-actions md-typeset");
    m.id = "res-actions";
    m.setAttribute("role", "group");
    m.hidden = true;
    var link = el("button", "", "Copy link"), cite = el("button", "", "Copy citation");
    link.type = cite.type = "button";
    link.addEventListener("click", function () {
      copy(linkTo(m._para), "Link copied", "Link to this paragraph is in the address bar");
      closeMenu(true);
    });
    cite.addEventListener("click", function () {
      copy(citation(m._para), "Citation copied", "Copying is not available here");
      closeMenu(true);
    });
    m.appendChild(link);
    m.appendChild(cite);
    return m;
  }

  function isTouch(ev) {
    return ev.pointerType === "touch" || (lastPointer.type === "touch" && Date.now() - lastPointer.time < 800);
  }

  function teardown() {
    off.forEach(function (f) { f(); });
    off = [];
    close();
    if (note) note.remove();
    if (menu) menu.remove();
    note = null;
    menu = null;
    menuFor = null;
  }

  // Paragraph permalinks are added here rather than sent in the HTML: on a long
  // resolution (600 paragraphs) they would be a sixth of the page. Each goes at
  // the end of the paragraph's own text, away from its printed number.
  function addPermalinks(root) {
    root.querySelectorAll(".res-p[id]").forEach(function (para) {
      var host = para.tagName === "P" ? para : para.querySelector(":scope > p");
      if (!host || host.querySelector(":scope > a.res-permalink")) return;
      var a = el("a", "res-permalink");
      a.href = "#" + para.id;
      a.setAttribute("aria-label", "Permalink to " + (para.getAttribute("data-label") || para.id));
      a.setAttribute("aria-haspopup", "true");
      a.setAttribute("aria-expanded", "false");
      a.setAttribute("aria-controls", "res-actions");
      a.textContent = "\u00b6";
      host.appendChild(a);
    });
  }

  var doc = null;           // the .res-doc the listeners belong to
  function init() {
    var current = document.querySelector(".res-doc");
    // document$ may emit again for the same page (e.g. hash navigation): keep state.
    if (current && current === doc && note && note.isConnected) { markTarget(); return; }
    teardown();
    markTarget();
    doc = current;
    if (!doc) return;
    addPermalinks(doc);
    note = el("div", "res-note md-typeset");
    note.id = "res-note";
    note.setAttribute("role", "tooltip");
    note.hidden = true;
    // Inside <main> so the note belongs to a landmark; Material replaces it on navigation.
    (document.querySelector("main") || document.body).appendChild(note);
    menu = makeMenu();
    (document.querySelector("main") || document.body).appendChild(menu);
    if (!status || !status.isConnected) {
      // One live region for the whole visit: instant navigation must not drop a message.
      status = el("div", "res-status");
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      document.body.appendChild(status);
    }

    on(document, "pointerdown", function (ev) {
      lastPointer = { type: ev.pointerType, time: Date.now() };
      if (!note.hidden && !note.contains(ev.target) && !triggerOf(ev.target)) close();
      if (!menu.hidden && !menu.contains(ev.target) && !(ev.target instanceof Element && ev.target.closest(".res-permalink, .res-num"))) closeMenu(false);
    }, true);
    on(document, "pointerover", function (ev) {
      if (ev.pointerType === "touch") return;
      var a = triggerOf(ev.target);
      if (a) openSoon(a);
      else if (note.contains(ev.target)) clearTimeout(closeTimer);
    });
    on(document, "pointerout", function (ev) {
      if (ev.pointerType === "touch") return;
      var from = triggerOf(ev.target) || (note.contains(ev.target) ? note : null);
      var to = ev.relatedTarget;
      if (!from || (to instanceof Node && (from.contains(to) || note.contains(to) || (trigger && trigger.contains(to))))) return;
      closeSoon();
    });
    on(document, "focusin", function (ev) {
      var a = triggerOf(ev.target);
      if (a && !(lastPointer.type === "touch" && Date.now() - lastPointer.time < 800)) open(a);
    });
    on(document, "focusout", function (ev) {
      if (trigger && ev.target === trigger && !(ev.relatedTarget instanceof Node && note.contains(ev.relatedTarget))) closeSoon();
    });
    on(document, "keydown", function (ev) {
      if (ev.key === "Escape" && !menu.hidden) { closeMenu(true); return; }
      if (ev.key !== "Escape" || note.hidden) return;
      var t = trigger;
      close();
      if (t && (note.contains(document.activeElement) || document.activeElement === t)) t.focus();
    });
    on(document, "click", function (ev) {
      if (!(ev.target instanceof Element)) return;
      var a = triggerOf(ev.target);
      if (a && isMarker(a) && isTouch(ev)) {
        // Touch: show the note instead of jumping to the footnote list.
        ev.preventDefault();
        ev.stopPropagation();   // keep Material's instant navigation out of it
        if (trigger === a && !note.hidden) close(); else open(a);
        return;
      }
      var c = ev.target.closest(".res-contents a");
      var dest = c && document.getElementById(decodeURIComponent(c.hash.slice(1)));
      if (dest) {
        // The in-page contents: jump within this page ourselves (Material's instant
        // navigation sometimes set the address without scrolling).
        ev.preventDefault();
        ev.stopPropagation();
        if (location.hash !== c.hash) history.pushState(history.state, "", c.hash);
        dest.scrollIntoView();
        markTarget();
        return;
      }
      var p = ev.target.closest("a.res-permalink");
      if (p && p.closest(".res-doc")) {
        // The address becomes the paragraph's (without a jump: the reader is looking at it),
        // and the actions open beside the mark.
        ev.preventDefault();
        ev.stopPropagation();   // keep Material's instant navigation out of it
        var para = paraOf(p);
        if (!para) return;
        if (location.hash !== p.hash) history.pushState(history.state, "", p.hash);
        markTarget();
        if (menuFor === p && !menu.hidden) closeMenu(false); else openMenu(para, p);
        return;
      }
      var num = ev.target.closest(".res-num");
      if (num && num.closest(".res-doc") && isTouch(ev)) {   // touch: the printed number opens the actions
        var owner = paraOf(num);
        if (owner) openMenu(owner, num);
      }
    }, true);
    on(window, "hashchange", function () { markTarget(); close(); });
    on(window, "popstate", markTarget);
    on(window, "resize", place);
  }

  window.resolutionsInit = init;   // exposed for tests and custom themes
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
