// Query a built site's Pagefind index from Node, as the browser would.
// Usage: node pagefind_query.mjs <site_dir> <search.js> '<json: [{"q": "...", "filters": {...}}]>'
// Pagefind's pagefind.js is an ES module that fetch()es its entry file, wasm and
// index chunks next to itself; a fetch shim serves them from disk. Paragraph hits
// come from the site's own search.js (the same code the search box runs).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { pathToFileURL, fileURLToPath } from "node:url";
import path from "node:path";

// With PAGEFIND_TRACE set, the bytes of every file fetched are printed to stderr as JSON.
const [site, searchJs, queriesJson] = process.argv.slice(2);
const fetched = {};
globalThis.fetch = async (url) => {
  const u = new URL(String(url));
  try {
    const data = await readFile(fileURLToPath(u.protocol === "file:" ? "file://" + u.pathname : url));
    fetched[u.pathname] = data.length;
    const type = u.pathname.endsWith(".wasm") || u.pathname.endsWith(".pagefind") ? "application/wasm" : "application/octet-stream";
    return new Response(data, { status: 200, headers: { "content-type": type } });
  } catch (e) {
    return new Response("", { status: 404 });
  }
};
const { mergeShards, paragraphHits, symbolFirst, leadExcerpt, resultLine, RANKING } = createRequire(import.meta.url)(path.resolve(searchJs));
const pf = await import(pathToFileURL(path.join(site, "pagefind", "pagefind.js")).href);
// RANKING in the environment overrides search.js's (to compare settings with the query set).
const options = { baseUrl: process.env.BASE_URL || "/", ranking: process.env.RANKING ? JSON.parse(process.env.RANKING) : RANKING };
await pf.options(options);
await mergeShards(pf, pathToFileURL(path.join(site, "pagefind")).href + "/", options);
await pf.init();
const out = [];
for (const { q, filters, limit } of JSON.parse(queriesJson)) {
  const res = await pf.search(q ?? null, filters ? { filters } : {});
  const results = [];
  // As search.js does: load the first ten, put a result whose own symbol is the query first.
  const datas = symbolFirst(q ?? "", await Promise.all(res.results.slice(0, 10).map((r) => r.data())));
  for (const d of datas.slice(0, limit ?? 5)) {
    const paragraphs = paragraphHits(d, 3);
    results.push({ url: d.url, title: d.meta.title, symbol: d.meta.symbol ?? null, filters: d.filters, paragraphs,
                   line: resultLine(d), lead: paragraphs.length ? null : leadExcerpt(d) });
  }
  out.push({ q, filters: filters ?? null, count: res.results.length, results });
}
console.log(JSON.stringify(out));
if (process.env.PAGEFIND_TRACE) console.error(JSON.stringify(fetched));
