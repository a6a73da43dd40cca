// Starts the explainer: loads the WebAssembly (from the site, or inlined and gzip-compressed in the
// single-file build) and shows a readable message instead of a blank page if anything fails.
(function () {
  "use strict";
  function fatal(message) {
    var box = document.getElementById("fatal");
    var detail = document.getElementById("fatal-detail");
    if (detail) detail.textContent = message;
    if (box) box.hidden = false;
    var app = document.getElementById("app");
    if (app) app.removeAttribute("aria-busy");
    // The pre-rendered parts after the overview wait in <noscript>: show them, so everything stays readable.
    var rest = document.querySelector("noscript.static-rest");
    if (rest) {
      var holder = document.createElement("template");
      holder.innerHTML = rest.textContent;
      rest.parentNode.replaceChild(holder.content, rest);
    }
  }
  function describe(e) {
    return (e && (e.message || e.name)) ? String(e.message || e.name) : String(e);
  }
  // The gzip-compressed wasm as base64: inlined in the single file, or in a script next to the site's
  // wasm for pages with an opaque origin (sandboxed iframes, file://), which may not fetch() it.
  function inflate(base64) {
    if (typeof DecompressionStream === "undefined") {
      return Promise.reject(new Error("this browser cannot decompress the built-in WebAssembly (DecompressionStream is missing); please update it"));
    }
    var clean = base64.replace(/\s+/g, "");
    var bytes;
    if (typeof Uint8Array.fromBase64 === "function") {
      bytes = Uint8Array.fromBase64(clean);
    } else {
      var text = atob(clean);
      bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer();
  }
  function mark(name) {
    if (window.performance && performance.mark) performance.mark(name);
  }
  function start() {
  try {
    mark("boot-start");
    if (typeof WebAssembly !== "object" || typeof wasm_bindgen !== "function") {
      throw new Error("this browser does not support WebAssembly");
    }
    var root = document.documentElement;
    var inline = document.getElementById("wasm-gz");
    var source;
    if (inline) {
      source = inflate(inline.textContent);
    } else if (window.origin === "null" || location.protocol === "file:") {
      source = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = root.getAttribute("data-wasm-js");
        script.onload = function () { resolve(inflate(window.__charmWasmGz || "")); };
        script.onerror = function () { reject(new Error("could not load " + script.src)); };
        document.head.appendChild(script);
      });
    } else {
      source = Promise.resolve(root.getAttribute("data-wasm"));
    }
    source
      .then(function (module_or_path) { mark("wasm-source-ready"); return wasm_bindgen({ module_or_path: module_or_path }); })
      .then(function () { mark("wasm-started"); })
      .catch(function (e) { fatal(describe(e)); });
  } catch (e) {
    fatal(describe(e));
  }
  }
  // The scripts sit in <head> (deferred on the site; inline in the single file): start once the body is parsed.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
