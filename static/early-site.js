// The served site's other parts: its page shows only the overview, and keeps the map part (without its data
// tables) in a data block, <script type="text/html" class="static-rest"> (tools/build/assemble.py); the rest is
// in assets/rest.HASH.js (`data-rest` on <html>). `window.__charmRest()` loads it once and puts it into that
// block's text, where the app reads it on start (src/prose.rs, static/boot.js) and static/early.js finds a deep
// link's part. And it loads the app's scripts after the first
// paint. Inline in the site's <head> before early.js; not in the single file, which carries every part and its
// scripts itself.
(function () {
  "use strict";
  var root = document.documentElement;
  // Loaded by a script element, not fetch(): that works from file://, in a sandboxed frame and under the
  // policy's script-src 'self'. Resolves once the text is in place, or when it cannot be (no file, a failed or
  // broken download): the texts of those parts then read as missing, never a crash (src/prose.rs).
  var rest = null;
  // `text` with `what` in place of `mark`; null if either is missing.
  function put(text, mark, what) {
    var at = typeof text === "string" && typeof what === "string" ? text.indexOf(mark) : -1;
    return at < 0 ? null : text.slice(0, at) + what + text.slice(at + mark.length);
  }
  window.__charmRest = function () {
    if (rest) return rest;
    rest = new Promise(function (done) {
      var src = root.getAttribute("data-rest");
      if (!src) return done();
      var script = document.createElement("script");
      script.src = src;
      script.onload = function () {
        var holder = document.querySelector(".static-rest");
        // The page's own part goes where its mark is, so that the parts keep their order, with its own missing
        // piece (the map's data tables) at its mark.
        var own = holder && put(holder.textContent, "<!--rest-more-->", window.__charmRestMore);
        var all = own && put(window.__charmRestText, "<!--in-page-->", own);
        if (all) holder.textContent = all;
        done();
      };
      script.onerror = function () { done(); };
      document.head.appendChild(script);
    });
    return rest;
  };
  // The app's scripts (wasm-bindgen's glue, then static/boot.js: `data-app` on <html>) are requested once the
  // page is painted, in that order, with the other parts' text; boot.js then requests the wasm.
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
      window.__charmRest();
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", loadApp);
  else loadApp();
})();
