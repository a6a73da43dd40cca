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
  }
  function describe(e) {
    return (e && (e.message || e.name)) ? String(e.message || e.name) : String(e);
  }
  function inlineWasm(node) {
    if (typeof DecompressionStream === "undefined") {
      return Promise.reject(new Error("this browser cannot decompress the built-in WebAssembly (DecompressionStream is missing); please update it"));
    }
    var text = atob(node.textContent.replace(/\s+/g, ""));
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer();
  }
  try {
    if (typeof WebAssembly !== "object" || typeof wasm_bindgen !== "function") {
      throw new Error("this browser does not support WebAssembly");
    }
    var inline = document.getElementById("wasm-gz");
    var source = inline ? inlineWasm(inline) : Promise.resolve(document.documentElement.getAttribute("data-wasm"));
    source
      .then(function (module_or_path) { return wasm_bindgen({ module_or_path: module_or_path }); })
      .catch(function (e) { fatal(describe(e)); });
  } catch (e) {
    fatal(describe(e));
  }
})();
