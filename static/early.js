// A deep link's part before the app starts: for `?part=map...` the pre-rendered page shows the map part, not
// the overview, from its first paint, with the profile of the republic the link names. Inline in <head>
// (allowed by its hash in the page's policy): it marks <html> at once, so the stylesheet hides the overview,
// and once the body is parsed it takes the requested part out of the pre-rendered parts that wait in
// <noscript> and puts it in place of the overview. The app then starts on the same view. Does nothing for
// the overview or without a `part`.
// The served page carries no part but the overview (and the map part's heading): a deep link's part waits for its
// text (static/early-site.js).
(function () {
  "use strict";
  // Scripts run: the places kept for the app's controls stay (static/css/05-early.css).
  document.documentElement.classList.add("js");
  // Calls `then` once the pre-rendered page (with a deep link's part) is on screen: the app starts then
  // (static/boot.js), and the site requests its scripts then (static/early-site.js). The reader sees the page at
  // once, and the browser has recorded its largest paint (an element the app replaces before that would be
  // counted again at the app's first frame; Lighthouse counts every request started before it as holding it
  // up). Where the browser reports largest paints, that is the first one of the part on screen; elsewhere two
  // frames. A hidden page paints nothing, so it does not wait, and no page waits longer than 400 ms.
  window.__charmAfterPaint = function (then) {
    var done = false;
    var observer = null;
    function once() {
      if (done) return;
      done = true;
      if (observer) observer.disconnect();
      then();
    }
    if (document.visibilityState === "hidden" || typeof requestAnimationFrame !== "function") return once();
    var part = document.querySelector("[data-early]");
    function shown(entry) {
      return entry.element && entry.element.isConnected && (!part || part.contains(entry.element));
    }
    var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (types.indexOf("largest-contentful-paint") >= 0) {
      observer = new PerformanceObserver(function (list) {
        if (list.getEntries().some(shown)) setTimeout(once, 0);
      });
      observer.observe({ type: "largest-contentful-paint", buffered: true });
    } else {
      requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(once, 0); }); });
    }
    setTimeout(once, 400);
  };
  // The link read as the app reads it (src/deep_link.rs): percent-decoded, and a key given twice is not used. `one(key)`
  // is its value, "" without it, and both values with a comma between them when given twice ("map,map"), which is
  // none of the values the checks below accept.
  var query = location.search;
  var params = new URLSearchParams(query);
  function one(key) {
    return String(params.getAll(key));
  }
  // The values the app knows, for the notices below (`unknown`; tests/deep_link.rs checks them against src/model).
  var known = ["overview cards map timeline study evidence sources", "concepts history actors argument",
    "trade investment students confucius", "2013 2022 2023 2024 2005-2018 2005-2021", "KZ KG TJ TM UZ",
    "nav layers year perperson themes share", "11"];
  function has(list, v) { return (" " + list + " ").indexOf(" " + v + " ") >= 0; }
  // (A part the app does not know: it shows the overview, as the page does.)
  var part = one("part");
  if (!has(known[0], part)) part = "";
  // The header and the navigation as the app shows them, before the page is painted (the app keeps these nodes:
  // src/components/header.rs, nav.rs): the part's link marked current (marked only by the app, its bolder words
  // would move the links after it); in an embed (`?embed=1`) the compact bar, the link to the full explainer and
  // the parts folded into a menu, without the controls the link hides (`&hide=nav,share`), so that an embed's
  // frame does not first show the full page's header and then jump.
  var embed = one("embed") === "1";
  var hide = params.getAll("hide");
  // (A control the app does not know makes it hide none, as a key given twice does.)
  var hidden = hide.length === 1 ? hide[0].split(",") : [];
  function strange(c) { return c && !has(known[5], c); }
  if (hidden.some(strange)) hidden = [];
  // (static/css/05-early.css: nothing of the bar shown until it is the embed's)
  if (embed) document.documentElement.setAttribute("data-embed", "");
  var marking = new MutationObserver(shellReady);
  function shellReady() {
    var nav = document.querySelector(".parts-nav");
    var link = nav && nav.querySelector('a[href$="#part-' + (part || "overview") + '"]');
    // The link is marked as soon as it is parsed: where a slow network's piece of the page ends in the navigation,
    // the browser paints what it has, and marking it after that moved the links painted after it.
    if (link) link.setAttribute("aria-current", "page");
    // The rest once the parser is past the navigation (the notices follow it).
    if (!document.querySelector(".shell > .notices") && document.readyState === "loading") return;
    marking.disconnect();
    if (!nav) return;
    // A link to another part than the overview: its notices come with the part (`showNotice`), below which nothing is
    // painted yet, and with the cards' ids where the part's text has them.
    if (!part || part === "overview") unknown();
    var share = document.querySelector(".site-header .share-button");
    if (share && hidden.indexOf("share") >= 0) share.hidden = true;
    if (hidden.indexOf("nav") >= 0) nav.hidden = true;
    // On a phone the list scrolls sideways: the link's part in sight (Study, Sources... start out of it), past the
    // fade at its end (src/components/nav.rs does the same when the app starts).
    if (!embed) {
      var list = link && link.parentNode.parentNode;
      if (list) list.scrollLeft = link.getBoundingClientRect().right - list.getBoundingClientRect().right + 40;
      return;
    }
    document.querySelector(".shell").classList.add("embed");
    var header = document.querySelector(".site-header");
    header.classList.add("compact");
    // The same view in the full explainer (the app writes its exact address when it starts).
    var full = query.replace(/[?&](embed|hide)=[^&]*/g, "").replace(/^&/, "?");
    header.querySelector(".header-actions").insertAdjacentHTML("afterbegin", '<a class="embed-open" target="_blank" rel="noopener"><span class="embed-open-long">Open the </span>full explainer<span class="visually-hidden"> (opens in a new tab)</span></a>');
    header.querySelector(".embed-open").setAttribute("href", full || "?");
    nav.className = "parts-nav menu";
    var menu = document.createElement("details");
    menu.className = "parts-menu";
    menu.innerHTML = '<summary><span class="menu-icon" aria-hidden="true">\u2630</span>Parts<span class="menu-current"></span></summary>';
    if (link) menu.querySelector(".menu-current").textContent = ": " + link.textContent;
    menu.appendChild(nav.firstElementChild);
    nav.appendChild(menu);
  }
  marking.observe(document.documentElement, { childList: true, subtree: true });
  if (!part || part === "overview") return;
  var root = document.documentElement;
  root.setAttribute("data-early-part", part);
  // On the site, the part's text is requested at once (static/early-site.js); the app starts once it is in, or known
  // not to come (static/boot.js).
  var coming = typeof window.__charmPart === "function" && window.__charmPart(part);
  window.__charmComing = coming || null;
  // In pre-rendered markup, the element whose start tag holds the text at `at`, to its matching end tag (elements of
  // its name nested in it counted): [its start, its end tag's start], or null.
  function element(html, at) {
    var start = at < 0 ? -1 : html.lastIndexOf("<", at);
    var name = start < 0 ? null : /^<(\w+)/.exec(html.slice(start, at));
    if (!name) return null;
    var depth = 0;
    var open = new RegExp("<(/?)" + name[1] + "\\b", "g");
    open.lastIndex = start;
    for (var m = open.exec(html); m; m = open.exec(html)) {
      depth += m[1] ? -1 : 1;
      if (depth === 0) return [start, m.index];
    }
    return null;
  }
  // The part's own markup out of the <noscript> text: from its <section ...aria-labelledby="part-KEY"> to the
  // matching </section> (parts nest sections of their own). Parsing only that, not every part, saves the main
  // thread most of the work (about 60 ms at a phone's speed for the map). Everything, if the markup is not found.
  function cut(html) {
    var found = element(html, html.indexOf('aria-labelledby="part-' + part + '"'));
    return found ? html.slice(found[0], html.indexOf(">", found[1]) + 1) : html;
  }
  // `last`: the other parts' text is in (or cannot be); before that, a part not on the page waits for it, the
  // overview still hidden and the site footer too (static/css/05-early.css), so that nothing moves when it comes.
  // The site's page may hold the part's heading alone (`data-partial`): shown at once, and kept (the same nodes)
  // when the whole part comes.
  var shown = null;
  function show(last) {
    var rest = document.querySelector(".static-rest");
    var holder = document.createElement("template");
    if (rest) holder.innerHTML = cut(rest.textContent);
    var section = holder.content.querySelector('section[aria-labelledby="part-' + part + '"]');
    var partial = section && section.hasAttribute("data-partial");
    if (partial && !shown) {
      shown = section;
      section.setAttribute("data-early", "");
      showNotice(section, rest.textContent);
      rest.parentNode.insertBefore(section, rest);
    }
    if ((!section || partial) && !last && coming) {
      root.setAttribute("data-early-wait", "");
      coming.then(function () { show(true); });
      return;
    }
    root.removeAttribute("data-early-wait");
    if (!section || partial) {
      if (!shown) root.removeAttribute("data-early-part");
      unknown();
      return;
    }
    section.setAttribute("data-early", "");
    if (!shown) showNotice(section, rest.textContent);
    showLayer(section);
    showCountry(section);
    showProgress(section);
    var heading = shown && section.querySelector(".part-heading");
    if (heading) {
      heading.parentNode.replaceChild(shown.querySelector(".part-heading"), heading);
      shown.parentNode.replaceChild(section, shown);
    } else {
      rest.parentNode.insertBefore(section, rest);
    }
  }
  // A value the app does not take (a mistyped part, theme, layer, year, republic or control in `hide`, a tour step out of
  // range, `pp` or `embed` other than 1) or a key given twice: it ignores it and says so in a notice above the part
  // (src/deep_link.rs, src/app.rs), here in its words and order from the first paint, so that the page does not move
  // down when the app starts; before the period's notice (`showNotice`), whichever comes first. Only plain values,
  // isolated as the app quotes them (U+2068, U+2069; src/deep_link.rs `shown`): it writes others in its own way; a
  // card's id only where the text in hand holds the cards part (`html`: the single file's, the site's for `?part=cards`),
  // which marks each card `<li ... id="card-ID"`; not a link of more than 40 parameters (the app reads 40).
  var noted = false;
  function unknown(html) {
    var cards = /labelledby="part-cards"/.test(html) && html;
    if (noted || query.split("&")[40]) return;
    noted = true;
    "part theme card layer year pp country step embed hide".split(" ").forEach(function (key) {
      var all = params.getAll(key), v = all[0], i = "part theme layer year country hide".split(" ").indexOf(key);
      if (all[1] != null) return notice(key + ": given " + all.length + " times, so none was used");
      var why = v == null || !/^[\w,-]{0,30}$/.test(v) || key === "card" && !cards ? ""
        : key === "card" ? !RegExp('<li[^>]* id="card-' + v + '"').test(cards) && "not a card this explainer knows"
        : i > 4 ? v.split(",").some(strange) && "not a control this explainer knows"
        : i >= 0 ? !has(known[i], v) && "not a " + (i > 3 ? "republic" : key) + " this explainer knows"
        : key === "step" ? !(/^\d+$/.test(v) && v > 0 && v <= +known[6]) && "the tour has steps 1 to " + known[6]
        : v !== "1" && "expected 1";
      if (why) notice(key + " \u201c\u2068" + v + "\u2069\u201d: " + why);
    });
  }
  // A year that is a period of another layer than the link's (`?part=map&layer=students&year=2013`): the app shows the
  // layer's own view and says so in a notice above the part (src/deep_link.rs, src/app.rs), here in its words from the
  // first paint, so that the part does not move down when the app starts (which draws its own in the same place). The
  // layers' periods are on the part's start tag, the page's own layer first (tools/build/assemble.py's layer_periods).
  function showNotice(section, html) {
    unknown(html);
    var year = one("year");
    var layers = String(section.getAttribute("data-periods")).split("|").map(function (l) { return l.split(":"); });
    var own = layers.filter(function (l) { return l[0] === (one("layer") || layers[0][0]); })[0];
    function during(l) { return has(l[2], year); }
    if (own && /^[\d-]+$/.test(year) && layers.some(during) && !during(own)) notice("year \u201c" + year + "\u201d: not a period of the " + own[1] + " layer");
  }
  // One notice more, after those shown (the app's markup, its Dismiss button not yet working).
  function notice(words) {
    var box = document.querySelector(".notices");
    if (!box) return;
    if (!box.firstChild) box.innerHTML = "<ul></ul>";
    box.firstChild.insertAdjacentHTML("beforeend", '<li class="notice"><span></span><button class="dismiss" data-needs-js="">Dismiss</button></li>');
    box.firstChild.lastChild.firstChild.textContent = "Ignored part of the link: " + words + ".";
  }
  // Saved study progress (its string form "v1|STEPS|ANSWERS": src/components/study/progress_model.rs): the tour's steps
  // seen marked, its button where the reader left off, and once every step has been seen its ending at the top of the
  // part, as the app shows them, so that nothing moves when the app starts. Storage may be refused (a sandboxed frame,
  // blocked cookies): then nothing here (the app says why).
  function showProgress(section) {
    var steps = section.querySelectorAll(".tour-start .tour-steps li");
    var seen, next = 0;
    try { seen = "," + (/^v1\|([\d,]*)\|/.exec(localStorage.getItem("charm-offensive.progress.v1")) || [])[1] + ","; } catch (e) { return; }
    for (var n = steps.length; n; n--) {
      if (seen.indexOf("," + n + ",") < 0) next = n;
      else steps[n - 1].className = "seen";
    }
    var start = section.querySelector("#start-tour");
    if (next > 1) start.textContent = "Continue the tour at step " + next;
    if (steps.length && !next) section.querySelector("#tour-done").hidden = false;
  }
  // A republic in the link (`&country=UZ`): its profile where the app shows it, under the list of republics (beside
  // the map when wide, below it on a phone: the map stays in sight), instead of the five folded profiles of the page
  // without JavaScript.
  function showCountry(section) {
    var country = /^[A-Z]{2}$/.exec(one("country"));
    var profile = country && section.querySelector("#profile-" + country[0]);
    var selection = section.querySelector(".map-selection");
    if (!profile || !selection) return;
    var fold = profile.parentNode.closest("details");
    selection.appendChild(profile);
    if (fold) fold.parentNode.removeChild(fold);
    // The republic marked in the list as the app marks it (in bold: its name may wrap, as it does in WebKit at 1280 px).
    var item = section.querySelector('[href$="' + profile.id + '"]');
    if (item) item.setAttribute("aria-current", "true");
    // What the essay says: the page carries each paragraph once, on the republic's card (`data-p`); the profile
    // names them (`data-from`) and shows them as the app does. A figure there is `<span data-fig>words<span> [Source:
    // ...]</span></span>` (src/components/figure.rs; no other bare <span> in a card's text): its words go in a <b>, which
    // wraps as the app's do, while the stylesheet keeps the last one with the look of its source button (00-base.css).
    var text = document.querySelector(".static-rest").textContent;
    Array.prototype.forEach.call(profile.querySelectorAll("[data-from]"), function (p) {
      var at = text.indexOf(' data-p="' + p.getAttribute("data-from") + '"');
      var found = element(text, at);
      if (found) p.innerHTML = text.slice(text.indexOf(">", at) + 1, found[1]).replace(/([^>]*)<span>/g, '<b>$1</b><span>');
    });
  }
  // The link's view of the data (`&layer=students`, `&year=2013`, `&pp=1`), from the page's templates
  // (static/early-map.js: with the map part's text on the site, inline in the single file); then the controls an
  // embed hides.
  function showLayer(section) {
    if (part === "map" && window.__charmView) window.__charmView(section, one);
    Array.prototype.forEach.call(section.querySelectorAll("template.map-variant"), function (t) {
      t.parentNode.removeChild(t);
    });
    // The controls' place (static/css/05-early.css) without those an embed hides (`&hide=layers,year`).
    var groups = { layers: '[aria-label="Data layer"]', year: '[aria-label="Period"]', perperson: ".per-person" };
    hidden.forEach(function (key) {
      Array.prototype.forEach.call(groups[key] ? section.querySelectorAll(".data-controls " + groups[key]) : [], function (group) {
        group.parentNode.removeChild(group);
      });
    });
  }
  // As soon as the parser is past the <noscript> (the site's data block; a node follows it or its <main>), in
  // the task that parsed that node: no frame shows the page without its part, with the footer high up, then
  // pushed down by the part (a layout shift Lighthouse saw in 5 of 12 loads). At the latest at "interactive":
  // the body is parsed, before deferred scripts run and before DOMContentLoaded.
  var watch = new MutationObserver(ready);
  function ready() {
    var rest = document.querySelector(".static-rest");
    if (document.readyState === "loading" && !(rest && (rest.nextSibling || rest.parentNode.nextSibling))) return;
    watch.disconnect();
    document.removeEventListener("readystatechange", ready);
    show();
  }
  watch.observe(root, { childList: true, subtree: true });
  document.addEventListener("readystatechange", ready);
})();
