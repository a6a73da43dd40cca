// Layout checks run in the page for the settings tests (zoom, text spacing): content that reaches past the
// right edge of the window, sideways scrolling outside the places allowed to scroll, and text cut off by a
// box that hides its overflow.

/** Runs in the page; returns problems in words (empty when the layout holds). */
export function reflowProblems() {
  // Two-dimensional content may scroll on its own (WCAG 1.4.10's exception): the map, data tables, the
  // timeline's axis; and the row of part tabs, which scrolls by design.
  const ALLOWED = ".table-scroll, .table-wrap, .timeline-axis, .parts-nav ul, .region-map, .map-figure";
  const width = document.documentElement.clientWidth;
  const problems = [];
  const name = (el) => `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.classList.length ? "." + [...el.classList].join(".") : ""} "${(el.textContent || "").trim().slice(0, 40)}"`;
  if (document.documentElement.scrollWidth > width + 1) problems.push(`the page is ${document.documentElement.scrollWidth} px wide in a ${width} px window`);
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest("[hidden], .visually-hidden, dialog:not([open]), noscript")) continue;
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") continue;
    const inAllowed = el.closest(ALLOWED);
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 1 && !inAllowed && style.position !== "fixed") {
      problems.push(`past the right edge (${Math.round(r.right)} px): ${name(el)}`);
    }
    const scrollsX = el.scrollWidth > el.clientWidth + 1 && /auto|scroll/.test(style.overflowX);
    if (scrollsX && !el.matches(ALLOWED) && el !== document.documentElement && el !== document.body) {
      problems.push(`scrolls sideways: ${name(el)}`);
    }
    const hides = /hidden|clip/.test(style.overflowX + style.overflowY);
    if (hides && el.clientWidth > 1 && (el.scrollWidth > el.clientWidth + 2 || el.scrollHeight > el.clientHeight + 2) && !inAllowed) {
      problems.push(`cut off (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}): ${name(el)}`);
    }
  }
  // One line per element is enough to act on.
  return [...new Set(problems)].slice(0, 15);
}

/** The text-spacing values of WCAG 1.4.12 (as the common bookmarklet sets them). */
export const TEXT_SPACING_CSS = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;
