/**
 * Summarizes V8 `.cpuprofile` files (from `node --cpu-prof`): self time per function and per area (Node internals,
 * each package under node_modules, each folder of dist/, GC, idle), averaged over the files given.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof dist/cli/main.js inspect -q --json -o /dev/null postgres://…
 *   node bench/cpuprofile-summary.mjs /tmp/prof/*.cpuprofile [--top 25]
 *
 * A sample's time is the gap to the next sample. "(idle)" is the event loop waiting: for a server inspect, mostly
 * the server working on the catalog queries.
 */
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const topAt = args.indexOf("--top");
const top = topAt === -1 ? 25 : Number(args.splice(topAt, 2)[1]);
if (args.length === 0) throw new Error("usage: cpuprofile-summary.mjs <file.cpuprofile>… [--top N]");

function area(url) {
  if (url === "") return "(native / V8)";
  if (url.startsWith("node:")) return "node internals";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `node_modules/${pkg[1]}`;
  const dist = /\/dist\/(.*)\/[^/]+$/.exec(url);
  if (dist) return `dist/${dist[1]}`;
  if (/\/dist\/[^/]+$/.test(url)) return "dist";
  return url;
}

const byFunction = new Map();
const byArea = new Map();
let total = 0;
for (const file of args) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const us = i + 1 < timeDeltas.length ? timeDeltas[i + 1] : 0;
    const { functionName, url, lineNumber } = nodes.get(samples[i]).callFrame;
    const name = functionName || "(anonymous)";
    const special = name.startsWith("(") && url === "";
    const fnKey = special ? name : `${name} ${url.replace(/^file:\/\/.*?\/(node_modules|dist)\//, "$1/")}:${lineNumber + 1}`;
    byFunction.set(fnKey, (byFunction.get(fnKey) ?? 0) + us);
    const areaKey = special ? name : area(url);
    byArea.set(areaKey, (byArea.get(areaKey) ?? 0) + us);
  }
  total += profile.endTime - profile.startTime;
}

const n = args.length;
const ms = (us) => (us / n / 1000).toFixed(0).padStart(6);
const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
const print = (title, map, limit) => {
  process.stdout.write(`\n${title}\n`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
    process.stdout.write(`${ms(us)} ms ${pct(us)}  ${key}\n`);
  }
};
process.stdout.write(`${n} profile(s), mean profiled time ${ms(total)} ms (from the main module's start to exit)\n`);
print("self time by area (mean per profile)", byArea, 30);
print(`self time by function, top ${top} (mean per profile)`, byFunction, top);
