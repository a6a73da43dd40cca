// Minifies a stylesheet (stdin to stdout) with lightningcss (npm, package-lock.json), after tools/build/css.py: it
// writes each rule's declarations in its own order, merges longhands into shorthands and shortens values, with the
// same cascade (no browser targets: nothing is prefixed or lowered). Used by tools/build/assemble.py.
import { readFileSync } from "node:fs";
import { transform } from "lightningcss";

const code = readFileSync(0);
process.stdout.write(transform({ filename: "style.css", code, minify: true }).code);
