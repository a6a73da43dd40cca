// The served site's other parts: its page carries only the overview and the map part (tools/build/assemble.py);
// the other parts' text is in assets/rest.HASH.js (`data-rest` on <html>). `window.__charmRest()` loads it once
// and puts it into the <noscript class="static-rest"> text, where the app reads it on start (src/prose.rs,
// static/boot.js) and static/early.js finds a deep link's part. Inline in the site's <head> before early.js;
// not in the single file, which carries every part itself.
(function () {
  "use strict";
  var root = document.documentElement;
  // Loaded by a script element, not fetch(): that works from file://, in a sandboxed frame and under the
  // policy's script-src 'self'. Resolves once the text is in place, or when it cannot be (no file, a failed or
  // broken download): the texts of those parts then read as missing, never a crash (src/prose.rs).
  var rest = null;
  window.__charmRest = function () {
    if (rest) return rest;
    rest = new Promise(function (done) {
      var src = root.getAttribute("data-rest");
      if (!src) return done();
      var script = document.createElement("script");
      script.src = src;
      script.onload = function () {
        var text = window.__charmRestText;
        var holder = document.querySelector("noscript.static-rest");
        var at = typeof text === "string" ? text.indexOf("<!--in-page-->") : -1;
        // The page's own part goes where the mark is, so that the parts keep their order.
        if (holder && at >= 0) holder.textContent = text.slice(0, at) + holder.textContent + text.slice(at + 14);
        done();
      };
      script.onerror = function () { done(); };
      document.head.appendChild(script);
    });
    return rest;
  };
})();
