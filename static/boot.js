// Starts the explainer: loads the WebAssembly (from the site, or inlined and packed in the single-file
// build) and shows a readable message instead of a blank page if anything fails.
(function () {
  "use strict";
  function fatal(message) {
    var box = document.getElementById("fatal");
    var detail = document.getElementById("fatal-detail");
    if (detail) detail.textContent = message;
    if (box) box.hidden = false;
    // The page reads as it does without JavaScript (static/css/05-early.css): the reading views come back (the study
    // part's tour and questions, the data panel's sources and tables, a figure's source in words), and the app's own
    // view and the places of its buttons, which nothing would now make work, go.
    document.documentElement.classList.remove("js");
    var app = document.getElementById("app");
    if (app) app.removeAttribute("aria-busy");
    // The pre-rendered parts after the overview wait in <noscript>: show them, so everything stays readable.
    var rest = document.querySelector(".static-rest");
    // static/early.js may have shown a deep link's part already: show everything instead.
    var early = document.querySelectorAll("[data-early]");
    for (var i = 0; i < early.length; i++) early[i].parentNode.removeChild(early[i]);
    document.documentElement.removeAttribute("data-early-part");
    // Every part is shown: none is the current one (static/early.js marked the link's).
    var current = document.querySelector(".parts-nav [aria-current]");
    if (current) current.removeAttribute("aria-current");
    if (rest) {
      var holder = document.createElement("template");
      holder.innerHTML = rest.textContent;
      rest.parentNode.replaceChild(holder.content, rest);
    }
  }
  function describe(e) {
    return (e && (e.message || e.name)) ? String(e.message || e.name) : String(e);
  }
  // The wasm packed (tools/build/assemble.py; context mixing in the single file, LZMA on the site) as base64:
  // inlined in the single file, or in a script next to the site's wasm for pages with an opaque origin (sandboxed
  // iframes, file://), which may not fetch() it. That script and the single file carry the unpacker
  // (static/lzma.js, each with its decoder), which works in short slices; the site's other pages fetch the packed
  // bytes and load the unpacker alone.
  function unpack(base64) {
    var clean = base64.replace(/\s+/g, "");
    var bytes;
    if (typeof Uint8Array.fromBase64 === "function") {
      bytes = Uint8Array.fromBase64(clean);
    } else {
      var text = atob(clean);
      bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    }
    return unlzma(bytes);
  }
  // In slices of 6 ms, which a phone's slower processor (Lighthouse: 4x) keeps under 50 ms: not a long task.
  function unlzma(bytes) {
    if (typeof window.__charmUnlzma !== "function") {
      return Promise.reject(new Error("the built-in WebAssembly's unpacker did not load"));
    }
    return window.__charmUnlzma(bytes, 6);
  }
  function script(src) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement("script");
      el.src = src;
      el.onload = resolve;
      el.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(el);
    });
  }
  function mark(name) {
    if (window.performance && performance.mark) performance.mark(name);
  }
  var root = document.documentElement;
  // The wasm, unpacked (single file at once; the site once the page is painted): a promise of its bytes, or of its
  // URL.
  function source() {
    if (typeof WebAssembly !== "object") {
      throw new Error("this browser does not support WebAssembly");
    }
    var inline = document.getElementById("wasm-packed");
    if (inline) return unpack(inline.textContent);
    // The single file carries its wasm inline: its build defines SINGLE_FILE (tools/build/assemble.py), and the
    // minifier leaves out the site's ways below.
    if (typeof SINGLE_FILE === "boolean") throw new Error("the page's WebAssembly is missing");
    // The site's wasm comes packed too: 20% fewer bytes than the wasm file with gzip (measured: 194 + 4 KB against
    // 245 KB), which on a slow phone network is worth more than compiling while it downloads. Fetched as bytes
    // (`data-wasm-lzma`) with the unpacker's script (`data-lzma-js`); where fetch() cannot (sandboxed frames,
    // file://) as base64 in a script that carries the unpacker too (`data-wasm-js`). If that fails, the wasm
    // file: wasm-bindgen fetches it and reports what is wrong, if that fails too.
    var url = root.getAttribute("data-wasm");
    var opaque = window.origin === "null" || location.protocol === "file:";
    var packed = root.getAttribute("data-wasm-lzma");
    var bytes = opaque || !packed || typeof fetch !== "function"
      ? script(root.getAttribute("data-wasm-js")).then(function () {
        var text = window.__charmWasmPacked || "";
        window.__charmWasmPacked = null;
        return unpack(text);
      })
      : Promise.all([
        fetch(packed).then(function (response) {
          if (!response.ok) throw new Error("could not load " + packed);
          return response.arrayBuffer();
        }),
        script(root.getAttribute("data-lzma-js")),
      ]).then(function (got) { return unlzma(new Uint8Array(got[0])); });
    return bytes.catch(function (e) {
      if (opaque) throw e;
      return url;
    });
  }
  var early = null;
  // A deep link's part on the served site (static/early.js requests its text; nothing to load in the single file):
  // the app reads its texts on start, so it starts once they are in, or known to be unavailable. The other parts'
  // text comes when the app asks for it (src/prose.rs).
  var otherParts = null;
  function begin() {
    otherParts = window.__charmComing || Promise.resolve();
    try {
      mark("boot-start");
      early = source();
    } catch (e) {
      early = Promise.reject(e);
    }
    early.catch(function () {});
  }
  // The single file's own wasm is unpacked at once; the site's is requested once the page is painted
  // (below), so that its download does not compete with the page and its stylesheet.
  if (document.getElementById("wasm-packed")) begin();
  // Focus is kept in the page. When the control that has it goes away, focus would fall to the page body and a
  // keyboard or screen reader user would start again from the top: at start (the app replaces the pre-rendered
  // page's nodes: focus there, from a reader who tabbed before the app started), on a redraw (a layer switch
  // redraws the table or the source the reader was on; a part's heading is drawn again once its texts are in), or
  // when a narrower window hides it (the timeline's axis at 360 px). Focus goes to the same control drawn again
  // (the same id, else the same kind and words in the nearest block still there), else a task later (after the
  // app's own choice: a Dismiss, End tour) to the current item (`aria-current`) or first heading of the nearest
  // block still shown (made focusable by script only), else to the part's heading, else to <main>.
  function keepPlace() {
    var app = document.getElementById("app");
    if (!app || typeof MutationObserver !== "function") return;
    var chain = [];
    function note(n) {
      chain = [];
      if (app.contains(n)) for (; n !== app; n = n.parentElement) chain.push(n);
    }
    note(document.activeElement);
    document.addEventListener("focusin", function (e) { note(e.target); });
    // The map part's column (the list of republics and a profile) scrolls on its own on a wide screen: the app's is a
    // new element, put where the reader last scrolled the page's (also while the wasm compiles; focus on a link in the
    // profile scrolls it too).
    var column = document.querySelector(".map-selection");
    var top = column && column.scrollTop;
    if (column) column.addEventListener("scroll", function () { top = column.scrollTop; }, { passive: true });
    // A press outside the focused control moves focus where the reader put it (the page body on plain text).
    document.addEventListener("pointerdown", function (e) {
      var a = document.activeElement;
      if (!a || !a.contains(e.target)) chain = [];
    }, true);
    function lost() {
      var a = document.activeElement;
      return chain.length && (!a || a === document.body) && !app.hasAttribute("aria-busy");
    }
    function to(el) {
      if (el) el.focus({ preventScroll: true });
      return el && document.activeElement === el;
    }
    function fallback() {
      // Not before the app has drawn what it draws a task after its first render (the control may be there).
      if (!lost() || !root.dataset.ready) return;
      var tries = [];
      for (var i = 1; i < chain.length; i++) {
        if (chain[i].isConnected) tries.push(chain[i].querySelector("[aria-current]"), chain[i].querySelector("h2,h3,h4"));
      }
      tries.push(app.querySelector("main h2[tabindex]"), document.getElementById("main"));
      for (var j = 0; j < tries.length; j++) {
        var el = tries[j];
        // A heading takes focus from script only.
        if (el && el.tabIndex < 0) el.tabIndex = -1;
        if (to(el)) return;
      }
    }
    new MutationObserver(function () {
      var now = top && document.querySelector(".map-selection");
      if (now && now !== column) {
        now.scrollTop = top;
        top = 0;
      }
      if (!lost()) return;
      var was = chain[0];
      if (to(was.id && document.getElementById(was.id))) return;
      // The nearest block still there, or drawn again with its id (a republic's profile: not the same words elsewhere).
      var near = app;
      for (var i = 1; i < chain.length; i++) {
        var block = chain[i].isConnected ? chain[i] : chain[i].id && document.getElementById(chain[i].id);
        if (block) {
          near = block;
          break;
        }
      }
      var all = near.parentNode.querySelectorAll(was.tagName);
      for (var j = 0; j < all.length; j++) if (all[j].textContent === was.textContent && to(all[j])) return;
      setTimeout(fallback, 0);
    }).observe(app, { childList: true, subtree: true });
    window.addEventListener("resize", function () {
      var was = chain[0];
      if (was && !was.getClientRects().length) {
        was.blur();
        fallback();
      }
    });
  }
  function start() {
    if (!early) begin();
    try {
      if (typeof wasm_bindgen !== "function") {
        throw new Error("the explainer's script did not load");
      }
      otherParts
        .then(function () { return early; })
        // A task of its own for the app (compiling the wasm ends on the main thread), so that neither is long.
        .then(function (module_or_path) {
          mark("wasm-source-ready");
          return new Promise(function (ok) { setTimeout(function () { ok(module_or_path); }, 0); });
        })
        .then(function (module_or_path) {
          keepPlace();
          return wasm_bindgen({ module_or_path: module_or_path });
        })
        .then(function () { mark("wasm-started"); })
        .catch(function (e) { fatal(describe(e)); });
    } catch (e) {
      fatal(describe(e));
    }
  }
  // The scripts are inline in the single file's <head>, after the wasm's data block; on the site static/early-site.js
  // adds them (the glue, then this one) once the page is painted (`__charmLate`). The app starts once the body is
  // parsed, the glue has run (or failed: start() says so) and the page is painted: in the single file at
  // DOMContentLoaded, with `load` as a last resort.
  // The release wasm stops at once on a Rust panic (a trap, scripts/build.sh): say so in words, as the
  // app's own panic message would.
  function trapped(e) {
    if (typeof WebAssembly === "object" && e instanceof WebAssembly.RuntimeError) fatal(describe(e));
  }
  window.addEventListener("error", function (event) { trapped(event.error); });
  window.addEventListener("unhandledrejection", function (event) { trapped(event.reason); });
  // Once the pre-rendered page is on screen (static/early.js).
  var afterPaint = window.__charmAfterPaint || function (then) { then(); };
  // The browser opens a page's local storage on its first use, which takes a phone a few milliseconds: done
  // here, while the wasm downloads, rather than inside the app's first render (study progress is read there).
  function openStorage() {
    try {
      if (window.localStorage) window.localStorage.getItem("");
    } catch (e) {
      // A sandboxed frame or a browser setting refuses storage: the app says so when it saves progress.
    }
  }
  var started = false;
  function go() {
    if (started) return;
    started = true;
    afterPaint(function () {
      start();
      setTimeout(openStorage, 0);
    });
  }
  if (window.__charmLate || document.readyState === "complete" || (document.readyState === "interactive" && typeof wasm_bindgen === "function")) {
    go();
  } else {
    document.addEventListener("DOMContentLoaded", go);
    window.addEventListener("load", go);
  }
})();
