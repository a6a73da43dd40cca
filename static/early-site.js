// The served site's parts and scripts. Its page shows the header, the overview and the footer, with the stylesheet's
// files that style them; the parts' text waits in a data block, <script type="text/html" class="static-rest">
// (tools/build/assemble.py), which holds the map part's heading and the few texts the overview shares with other
// parts. `window.__charmRest()` loads assets/rest.HASH.js (`data-rest` on <html>: every part after the overview)
// once and puts its text into that block, where the app reads it (src/prose.rs,
// static/boot.js) and static/early.js finds a deep link's part. `window.__charmPart(part)` loads what a view of that
// part needs: for the map, whose heading the page holds, assets/map.HASH.js (`data-map`: the map part without its
// folded data tables, and the texts its views share with other parts), once the page is painted;
// for another part, the rest file at once. Only a deep link's part is loaded before the app starts; the app asks
// for the others' text when the reader goes there (or opens a term, a source, a citation whose text is in it).
// Once the page is painted, the app's scripts are requested, and the stylesheet's other files (`data-css`). Inline in the site's <head> before early.js; not in
// the single file, which carries every part and its scripts itself.
(function () {
  "use strict";
  var root = document.documentElement;
  // A stylesheet's run of files ([order, text]: the order of its first file in static/css) before the first
  // <style data-order> with a higher order, so that the cascade is the single file's. Allowed by its hash.
  function style(run) {
    if (document.querySelector('style[data-order="' + run[0] + '"]')) return;
    var el = document.createElement("style");
    el.setAttribute("data-order", run[0]);
    el.textContent = run[1];
    var later = [].filter.call(document.querySelectorAll("style[data-order]"), function (s) {
      return +s.getAttribute("data-order") > run[0];
    })[0];
    document.head.insertBefore(el, later || null);
  }
  // Loaded by a script element, not fetch(): that works from file://, in a sandboxed frame and under the policy's
  // script-src 'self'. `put(text)` takes its text once it has run; the promise resolves then (to true), or when it
  // cannot (no file, a failed or broken download; to false): the texts of those parts then read as missing, never
  // a crash.
  // A text may come in several files (`data-rest` lists them): requested together, each run in a task of its own
  // (one script with the whole text is a long task at a phone's speed), their texts joined in the listed order.
  var loads = {};
  function load(name, put) {
    if (loads[name]) return loads[name];
    loads[name] = new Promise(function (done) {
      var srcs = (root.getAttribute("data-" + name) || "").split(" ").filter(Boolean);
      var texts = [];
      var css = null;
      var left = srcs.length;
      var failed = !left;
      if (failed) return done(false);
      function settle() {
        if (--left) return;
        // A text that comes before the page is parsed (a slow page, its part's file quick) waits for it: put in a new
        // block before the page's own, it had static/early.js show a deep link's part there, outside <main>, unstyled.
        if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", settled);
        else settled();
      }
      function settled() {
        if (!failed) put(holder(), texts.join(""));
        // The stylesheet's runs each in a task of their own: parsing 30 KB of rules took 22-38 ms at a phone's
        // speed (4x CPU); with the script's own, or both runs at once, one task would be long.
        var runs = !failed && css && css.forEach ? css.slice() : [];
        (function next() {
          setTimeout(function () {
            if (!runs.length) return done(!failed);
            style(runs.shift());
            next();
          }, 0);
        })();
      }
      srcs.forEach(function (src, i) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () {
          var text = window.__charmText;
          if (window.__charmCss) css = window.__charmCss;
          // Taken once: a file that runs but sets nothing (broken) is not read as the one before it.
          window.__charmText = window.__charmCss = null;
          if (typeof text === "string") texts[i] = text;
          else failed = true;
          settle();
        };
        script.onerror = function () { failed = true; settle(); };
        document.head.appendChild(script);
      });
    });
    return loads[name];
  }
  // The data block the texts go in: the page's, or once the app has drawn its own page in its place, a new one
  // (where the app reads what comes later: src/prose.rs), or in a saved copy of the running page (it has none), a new
  // one at the end of <body>, where the app finds it as well (a text is put once the page is parsed: `settle`).
  function holder() {
    var block = document.querySelector(".static-rest");
    if (!block) {
      block = document.createElement("script");
      block.type = "text/html";
      block.className = "static-rest";
      document.body.appendChild(block);
    }
    return block;
  }
  // The rest of the stylesheet (`data-css`), once: with the app's scripts, and with a part's text (a deep link's
  // part is shown when both are in). A text's promise with it, resolving to whether the text came.
  // If it does not come (a network blip, a blocker), the parts would show unstyled with no word why: a notice above
  // the page says so and tries again on a press (the next part that loads its text tries again too); it goes once
  // the file is in, and focus, if it was on it, to the main content.
  function css() {
    var got = load("css", function () {});
    got.then(function (ok) {
      var note = document.getElementById("css-failed");
      if (ok) {
        if (note) {
          var had = note.contains(document.activeElement);
          note.remove();
          if (had) document.getElementById("main").focus();
        }
        return;
      }
      delete loads.css;
      if (note) return;
      note = document.createElement("p");
      note.id = "css-failed";
      note.className = "notice";
      note.style.margin = "0.75rem";
      note.setAttribute("role", "alert");
      note.innerHTML = "<span>Part of this page's layout did not load, so some parts look plain. Everything can still be read and used.</span><button type=\"button\" class=\"dismiss\">Try again</button>";
      note.lastChild.onclick = css;
      document.body.insertBefore(note, document.getElementById("app"));
    });
    return got;
  }
  function both(text) {
    return Promise.all([text, css()]).then(function (ok) { return ok[0]; });
  }
  // The map part's text goes before the page's map heading (the same, marked partial) and the texts the overview
  // shares, unless every part's is in already.
  var restIn = false;
  function putMap(block, text) {
    if (!restIn) block.textContent = text + block.textContent;
  }
  // Without the rest file (blocked, missing), the map part's file at least: it carries the map's outlines and
  // texts (src/geo.rs, src/prose.rs). `__charmRestDone` once all that will come has come.
  var rest = null;
  window.__charmRest = function () {
    rest = rest || both(load("rest", function (block, text) { restIn = true; block.textContent = text; }).then(function (ok) {
      return ok || load("map", putMap);
    })).then(function (ok) {
      window.__charmRestDone = true;
      return ok;
    });
    return rest;
  };
  // The map part alone, for a deep link once its heading is painted (from the page itself; Lighthouse counts every
  // request started before the largest paint as holding it up), for the app at once.
  var map = null;
  window.__charmPart = function (part) {
    if (part !== "map") return window.__charmRest();
    map = map || new Promise(function (done) {
      (window.__charmLate ? function (then) { then(); } : window.__charmAfterPaint)(function () {
        both(load("map", putMap)).then(done);
      });
    });
    return map;
  };
  // The app's scripts (wasm-bindgen's glue, then static/boot.js: `data-app` on <html>) are requested once the
  // page is painted, in that order; boot.js then requests the wasm.
  function loadApp() {
    window.__charmAfterPaint(function () {
      window.__charmLate = true;
      (root.getAttribute("data-app") || "").split(" ").forEach(function (src) {
        // A saved copy of the running page has them already.
        if (!src || document.querySelector('script[src="' + src + '"]')) return;
        var script = document.createElement("script");
        script.src = src;
        script.async = false;
        document.head.appendChild(script);
      });
      css();
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", loadApp);
  else loadApp();
})();
