// The in-page timing harness shared by bench/run.mjs and bench/lighthouse.mjs (functions passed to
// page.evaluate, so each is self-contained).

// One layer switch (or, for the baseline, a click on a button that changes one word outside the app), timed
// from the click: `dom` when the DOM has changed (the app renders in a microtask after the click);
// `frame` when the next frame starts (requestAnimationFrame); `painted` when that frame's style, layout and
// paint are done (a message posted from the frame's rAF callback runs after it); `missed` whether that frame
// was painted only after the following frame was due (a dropped frame).
export function clickAndTime(selector) {
  return new Promise((resolve) => {
    const button = typeof selector === "string" ? document.querySelector(selector) : null;
    const target = button?.closest("main") || document.body;
    if (!button) return resolve(null);
    const last = window.__lastFrame;
    let dom = null;
    const observer = new MutationObserver(() => { if (dom === null) dom = performance.now() - t0; });
    observer.observe(target, { subtree: true, childList: true, characterData: true, attributes: true });
    const t0 = performance.now();
    button.click();
    requestAnimationFrame((stamp) => {
      const frame = performance.now() - t0;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        observer.disconnect();
        const end = performance.now();
        // Missed: the frame that shows the change was not painted before the next frame was due.
        resolve({ dom, frame, painted: end - t0, missed: end > Math.max(stamp, last + window.__interval) + window.__interval });
      };
      channel.port2.postMessage(0);
    });
  });
}

// Keeps `__lastFrame` (the last frame's timestamp) and `__interval` (the median frame interval) current.
export function frameClock(loop = true) {
  const gaps = [];
  const tick = (t) => {
    if (window.__lastFrame !== undefined) { gaps.push(t - window.__lastFrame); if (gaps.length > 30) gaps.shift(); }
    window.__lastFrame = t;
    const s = [...gaps].sort((a, b) => a - b);
    window.__interval = s.length ? s[s.length >> 1] : 16.7;
    requestAnimationFrame(tick);
  };
  if (loop) requestAnimationFrame(tick);
  const b = document.createElement("button");
  b.id = "bench-noop"; b.textContent = "0"; b.style.cssText = "position:fixed;bottom:0;right:0";
  b.onclick = () => { b.textContent = String(Number(b.textContent) + 1); };
  document.body.append(b);
}
