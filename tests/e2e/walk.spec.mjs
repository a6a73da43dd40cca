// The seeded random walk (walk.mjs) on the served site and on the single file from file://. The seed is
// printed; WALK_SEED=<n> replays a walk, WALK_ACTIONS=<n> sets its length per mode (default 150;
// scripts/bench.sh runs 500 per mode, 1,000 in all).
import { test, before, after } from "node:test";
import { serve, launch, SINGLE_FILE_URL } from "./lib.mjs";
import { walk } from "./walk.mjs";

const seed = process.env.WALK_SEED ? Number(process.env.WALK_SEED) : Math.floor(Math.random() * 2 ** 31);
const actions = Number(process.env.WALK_ACTIONS || 150);
console.log(`random walk: seed ${seed}, ${actions} actions per mode (replay with WALK_SEED=${seed})`);

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser.close(); await server.close(); });

test(`served: a random walk of ${actions} actions (seed ${seed})`, async () => {
  const origin = new RegExp(`^(${server.url.replace(/[.]/g, "\\.")}|data:|blob:)`);
  const r = await walk(browser, { start: server.url, seed, actions, origin, label: "served" });
  console.log(`served: ${r.actions} actions, ${r.newTabChecks} addresses opened in a new tab`);
});

test(`file: a random walk of ${actions} actions (seed ${seed + 1})`, async () => {
  const r = await walk(browser, { start: SINGLE_FILE_URL, seed: seed + 1, actions, origin: /^(file:|data:|blob:)/, label: "file" });
  console.log(`file: ${r.actions} actions, ${r.newTabChecks} addresses opened in a new tab`);
});
