// A deep link's part before the app starts: for `?part=map...` the pre-rendered page shows the map part, not
// the overview, from its first paint. Inline in <head> (allowed by its hash in the page's policy): it marks
// <html> at once, so the stylesheet hides the overview, and once the body is parsed it takes the requested
// part out of the pre-rendered parts that wait in <noscript> and puts it in place of the overview. The app
// then starts on the same view. Does nothing for the overview or without a `part`.
(function () {
  "use strict";
  var match = /[?&]part=([a-z]+)(?:&|$)/.exec(location.search);
  var part = match && match[1];
  if (!part || part === "overview") return;
  var root = document.documentElement;
  root.setAttribute("data-early-part", part);
  // The part's own markup out of the <noscript> text: from its <section ...aria-labelledby="part-KEY"> to the
  // matching </section> (parts nest sections of their own). Parsing only that, not every part, saves the main
  // thread most of the work (about 60 ms at a phone's speed for the map). Everything, if the markup is not found.
  function cut(html) {
    var at = html.indexOf('aria-labelledby="part-' + part + '"');
    var start = at < 0 ? -1 : html.lastIndexOf("<section", at);
    if (start < 0) return html;
    var depth = 0;
    var open = /<(\/?)section\b/g;
    open.lastIndex = start;
    for (var m = open.exec(html); m; m = open.exec(html)) {
      depth += m[1] ? -1 : 1;
      if (depth === 0) return html.slice(start, html.indexOf(">", m.index) + 1);
    }
    return html;
  }
  function show() {
    var rest = document.querySelector("noscript.static-rest");
    var holder = document.createElement("template");
    if (rest) holder.innerHTML = cut(rest.textContent);
    var section = holder.content.querySelector('section[aria-labelledby="part-' + part + '"]');
    if (!section) {
      root.removeAttribute("data-early-part");
      return;
    }
    section.setAttribute("data-early", "");
    rest.parentNode.insertBefore(section, rest);
  }
  // "interactive": the body is parsed, before deferred scripts run and before DOMContentLoaded.
  function ready() {
    if (document.readyState === "loading") return;
    document.removeEventListener("readystatechange", ready);
    show();
  }
  document.addEventListener("readystatechange", ready);
})();
