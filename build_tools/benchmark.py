"""Benchmark: our build against plain MkDocs + Material on synthetic corpora of N documents.

    python build_tools/benchmark.py                   # N = 200, 1000, 5000 (slow: tens of minutes)
    python build_tools/benchmark.py --sizes 200,1000  # a quicker run
    python build_tools/benchmark.py --sizes 20000 --runs 1 --builds cold   # memory at scale (about an hour)

A corpus of N documents is made from the real texts in ``../shared/corpus``:
copy k of a text has every corpus symbol it names renumbered (the last number
plus 1000·k: A/RES/80/229 → A/RES/80/1229, "80/229" → "80/1229"), so citations
between copies stay internal links as in a real corpus. The same texts go
into two sites:

* **ours**: the resolutions plugin (browse pages, annotation, Pagefind), built
  cold (empty parse cache) and then warm (cache filled, one text edited);
* **plain**: each text as a plain ``.md`` page at its symbol's path, Material
  with ``navigation.prune`` and the default search plugin.

Cold and plain builds run three times (``--runs``), alternately (so both meet the
same load on a shared machine), and the median (by wall time) is reported,
with each cold/plain pair's ratio. Measured per build, in a child process: wall and CPU time,
peak memory (max RSS of the largest process: the build, a parse worker or
Pagefind, from ``getrusage``) and per stage (the build's peak after parsing
and after rendering; Pagefind's own, which indexes while the build renders,
read from ``/proc`` as each of its processes is stopped; and all children's:
Pagefind and the forked parse and mandate workers), total HTML bytes, bytes per
document page, the largest page overhead (page HTML minus its source text),
and the bytes a reader downloads before the first result for a common word
(Pagefind: its script, entry, wasm, metadata, index chunks and the first
result's fragment, traced by querying the index from Node; Material: the
search worker and ``search_index.json``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
QUERY_JS = ROOT / "tests" / "js" / "pagefind_query.mjs"
SEARCH_JS = ROOT / "plugins" / "mkdocs_resolutions" / "_internal" / "assets" / "search.js"
COMMON_WORD = "international"
BUILDS = ("cold", "warm", "plain")
STAGES = ("parse", "render", "index", "children")
STEP = 1000


# ---------------------------------------------------------------- corpus


def corpus_symbols(corpus: Path = CORPUS) -> dict[str, str]:
    """file name -> symbol, from the corpus manifest."""
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    return {item["file"]: item["symbol"] for item in manifest}


def corpus_titles(corpus: Path = CORPUS) -> dict[str, str]:
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    return {item["file"]: item.get("title") or "" for item in manifest}


def renumber(symbol: str, k: int) -> str:
    """Copy k of ``symbol``: its last number plus 1000·k."""
    if k == 0:
        return symbol
    m = list(re.finditer(r"\d+", symbol))[-1]
    return symbol[: m.start()] + str(int(m.group()) + STEP * k) + symbol[m.end():]


def _pattern(symbols: list[str]) -> re.Pattern[str]:
    forms = set(symbols)
    for symbol in symbols:
        short = re.fullmatch(r"A/RES/(\d+/\d+)", symbol)
        if short:
            forms.add(short.group(1))
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w/.])(?:{alternatives})(?![\w/]|\.\d)")


def make_corpus(n: int, out: Path, corpus: Path = CORPUS) -> list[tuple[str, str]]:
    """Write ``n`` texts into ``out``; returns [(file name, symbol)]."""
    symbols = corpus_symbols(corpus)
    files = sorted(symbols)
    pattern = _pattern(list(symbols.values()))
    short_to_full = {s.split("/RES/", 1)[1]: s for s in symbols.values() if s.startswith("A/RES/")}
    texts = {name: (corpus / name).read_text(encoding="utf-8") for name in files}
    titles = corpus_titles(corpus)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n):
        k, index = divmod(i, len(files))
        name = files[index]

        def sub(m: re.Match[str], k: int = k) -> str:
            found = m.group()
            if found in short_to_full:
                return renumber(short_to_full[found], k).split("/RES/", 1)[1]
            return renumber(found, k)

        text = pattern.sub(sub, texts[name]) if k else texts[name]
        if k and titles[name]:
            # a title of its own (front matter), so a copy is not taken for another form
            # of the original (same title, same session) by the draft/adopted lineage
            title = titles[name].replace("\n", " ")
            text = f"---\ntitle: {title} (copy {k})\n---\n" + text
        target = name if k == 0 else name.replace(".txt", f"-copy{k}.txt")
        (out / target).write_text(text, encoding="utf-8")
        written.append((target, renumber(symbols[name], k)))
    return written


# ---------------------------------------------------------------- sites


OUR_CONFIG = """site_name: Benchmark
docs_dir: docs
site_dir: site
nav:
  - Home: index.md
  - Browse: browse/index.md
theme:
  name: material
  features: [navigation.instant, navigation.prune]
plugins:
  - resolutions:
      cache_dir: {cache}
"""

PLAIN_CONFIG = """site_name: Benchmark
docs_dir: docs
site_dir: site
theme:
  name: material
  features: [navigation.instant, navigation.prune]
plugins:
  - search
"""


def make_sites(n: int, work: Path) -> tuple[Path, Path, dict[str, int]]:
    """The two sites' folders for N texts, and each text's size by symbol."""
    ours, plain = work / f"ours-{n}", work / f"plain-{n}"
    for site in (ours, plain):
        shutil.rmtree(site, ignore_errors=True)
        (site / "docs").mkdir(parents=True)
    written = make_corpus(n, ours / "docs")
    (ours / "docs" / "index.md").write_text("# Benchmark\n", encoding="utf-8")
    (ours / "mkdocs.yml").write_text(
        OUR_CONFIG.format(cache=ours / ".cache"), encoding="utf-8"
    )
    sizes = {}
    for name, symbol in written:
        text = (ours / "docs" / name).read_text(encoding="utf-8")
        sizes[symbol] = len(text.encode("utf-8"))
        target = plain / "docs" / (re.sub(r"[^A-Za-z0-9._/()-]", "-", symbol) + ".md")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"# {symbol}\n\n{text}", encoding="utf-8")
    (plain / "docs" / "index.md").write_text("# Benchmark\n", encoding="utf-8")
    (plain / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    return ours, plain, sizes


@dataclass
class Run:
    seconds: float
    peak_mb: float
    cpu: float = 0.0  # user + system seconds of the build and its children (steadier than wall time on a shared machine)
    html_bytes: int = 0
    pages: int = 0
    max_overhead: int = 0
    median_overhead: int = 0
    search_bytes: int = 0
    search_note: str = ""
    stages: dict = field(default_factory=dict)  # peak MB after "parse", "render", of "index" (Pagefind), of all "children"
    runs: int = 1  # builds measured; the figures are the median one's
    paired: list[float] = field(default_factory=list)  # cold/plain wall time of each pair of builds run one after the other


# The build runs in this child: MkDocs' own command line in-process, with the plugin's
# stage boundaries wrapped to read the peak memory so far (ru_maxrss never falls):
# after on_files the texts are parsed, at on_post_build the pages are rendered, and
# Pagefind (the index stage) runs in child processes of this one: each one's peak
# (VmHWM) is read just before the indexer stops it; "children" is the largest child
# of all (Pagefind or a forked worker), from getrusage.
_CHILD = """
import json, resource, runpy, sys, time
marks = {}
def peak(who=resource.RUSAGE_SELF):
    return resource.getrusage(who).ru_maxrss / 1024
try:
    from mkdocs_resolutions._internal.mkdocs.plugin import ResolutionsPlugin
    from mkdocs_resolutions._internal.indexer import Indexer
except ImportError:
    ResolutionsPlugin = None
if ResolutionsPlugin is not None:
    close = Indexer.close
    def stop(self):
        if self._proc is not None:
            try:
                with open(f"/proc/{self._proc.pid}/status") as status:
                    hwm = [int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM")]
                marks["index"] = max([marks.get("index", 0.0)] + hwm)
            except OSError:
                pass
        close(self)
    Indexer.close = stop
    on_files, on_post_build = ResolutionsPlugin.on_files, ResolutionsPlugin.on_post_build
    def files(self, *a, **k):
        out = on_files(self, *a, **k)
        marks["parse"] = peak()
        return out
    def post(self, *a, **k):
        marks["render"] = peak()
        out = on_post_build(self, *a, **k)
        marks["children"] = peak(resource.RUSAGE_CHILDREN)
        return out
    ResolutionsPlugin.on_files, ResolutionsPlugin.on_post_build = files, post
sys.argv = ["mkdocs", "build", "-q", "-f", sys.argv[1]]
t = time.perf_counter()
try:
    runpy.run_module("mkdocs", run_name="__main__")
    rc = 0
except SystemExit as e:
    rc = e.code or 0
dt = time.perf_counter() - t
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
print(json.dumps({"rc": rc, "seconds": dt, "peak_mb": max(me.ru_maxrss, kids.ru_maxrss) / 1024, "cpu": cpu, "stages": marks}))
"""


def build(site: Path) -> Run:
    """Build ``site`` in a child process: wall and CPU time, peak RSS (the largest process), peak per stage."""
    cmd = [sys.executable, "-c", _CHILD, str(site / "mkdocs.yml")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    try:
        out = json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        raise SystemExit(f"build of {site} failed:\n{proc.stderr[-3000:]}") from None
    if out["rc"] != 0:
        raise SystemExit(f"build of {site} failed:\n{proc.stderr[-3000:]}")
    return Run(out["seconds"], out["peak_mb"], cpu=out["cpu"], stages=out["stages"])


def median_run(runs: list[Run]) -> Run:
    """The run of median wall time (the figures of one real build, not a mix)."""
    return sorted(runs, key=lambda r: r.seconds)[len(runs) // 2]


def clean(site: Path) -> None:
    """Forget a previous build: output and parse cache (a cold build)."""
    shutil.rmtree(site / "site", ignore_errors=True)
    shutil.rmtree(site / ".cache", ignore_errors=True)


def page_figures(site: Path, sizes: dict[str, int], run: Run, doc_path) -> None:
    total = sum(p.stat().st_size for p in site.rglob("*.html"))
    overheads = []
    for symbol, size in sizes.items():
        page = doc_path(site, symbol)
        if page.exists():
            overheads.append(page.stat().st_size - size)
    run.html_bytes, run.pages = total, len(overheads)
    run.max_overhead = max(overheads) if overheads else 0
    run.median_overhead = int(statistics.median(overheads)) if overheads else 0


def pagefind_first_result_bytes(site: Path) -> tuple[int, str]:
    """Bytes fetched by pagefind.js to show the first result for COMMON_WORD (traced from Node)."""
    if not shutil.which("node"):
        return 0, "node missing"
    env = {**os.environ, "PAGEFIND_TRACE": "1"}
    proc = subprocess.run(
        ["node", str(QUERY_JS), str(site), str(SEARCH_JS), json.dumps([{"q": COMMON_WORD, "limit": 1}])],
        capture_output=True, text=True, env=env,
    )
    if proc.returncode != 0:
        return 0, "query failed: " + proc.stderr[-300:]
    trace = json.loads(proc.stderr.strip().splitlines()[-1])
    own = (SEARCH_JS.stat().st_size)
    return sum(trace.values()) + own, f"{len(trace)} files + search.js"


def material_first_result_bytes(site: Path) -> tuple[int, str]:
    index = site / "search" / "search_index.json"
    worker = sum(p.stat().st_size for p in (site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    raw = index.stat().st_size
    zipped = len(gzip.compress(index.read_bytes(), 6))
    return raw + worker, f"index gzip {zipped / 1e6:.1f} MB"


def our_page(site: Path, symbol: str) -> Path:
    return site / "site" / symbol / "index.html"


def plain_page(site: Path, symbol: str) -> Path:
    return site / "site" / re.sub(r"[^A-Za-z0-9._/()-]", "-", symbol) / "index.html"


def measure(n: int, work: Path, runs: int = 3, builds: tuple[str, ...] = BUILDS) -> dict[str, Run]:
    """Figures of the ``builds`` asked for at N = ``n``; each cold and plain build ``runs`` times, the median kept.

    Cold and plain builds alternate (cold, plain, cold, plain, ...), so on a shared machine both
    meet the same load and their ratio is fair even when the wall times are not.
    """
    ours, plain, sizes = make_sites(n, work)
    out = {}
    colds: list[Run] = []
    bases: list[Run] = []
    for _ in range(runs):
        if "cold" in builds or ("warm" in builds and not colds):
            clean(ours)
            colds.append(build(ours))
        if "plain" in builds:
            shutil.rmtree(plain / "site", ignore_errors=True)
            bases.append(build(plain))
    if colds:
        cold = median_run(colds)
        cold.runs = len(colds)
        page_figures(ours, sizes, cold, our_page)
        cold.search_bytes, cold.search_note = pagefind_first_result_bytes(ours / "site")
        cold.paired = [c.seconds / b.seconds for c, b in zip(colds, bases)]
        if "cold" in builds:
            out["ours (cold)"] = cold
    if "warm" in builds:
        # warm: the parse cache is filled; edit one text, as an editor would
        first = sorted((ours / "docs").glob("*.txt"))[0]
        first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        warm = build(ours)
        page_figures(ours, sizes, warm, our_page)
        warm.search_bytes, warm.search_note = cold.search_bytes, cold.search_note
        out["ours (warm)"] = warm
    if bases:
        base = median_run(bases)
        base.runs = len(bases)
        page_figures(plain, sizes, base, plain_page)
        base.search_bytes, base.search_note = material_first_result_bytes(plain / "site")
        out["plain Material"] = base
    return out


def _mb(b: float) -> str:
    return f"{b / 1e6:.1f} MB" if b >= 1e6 else f"{b / 1e3:.0f} KB"


def _stages(run: Run) -> str:
    return "/".join(f"{run.stages[k]:.0f}" if k in run.stages else "-" for k in STAGES) if run.stages else ""


def report(results: dict[int, dict[str, Run]]) -> str:
    head = (f"{'N':>5} {'build':<15} {'time s':>8} {'×prev':>6} {'cpu s':>7} {'×prev':>6} {'peak MiB':>8} {'parse/render/index/children MiB':>30} "
            f"{'HTML':>9} {'B/page':>8} {'max page−text':>14} {'1st result':>10}  note")
    lines = [head, "-" * len(head)]
    prev: dict[str, Run] = {}
    for n in sorted(results):
        for name, run in results[n].items():
            ratio = f"{run.seconds / prev[name].seconds:.2f}" if name in prev else ""
            cratio = f"{run.cpu / prev[name].cpu:.2f}" if name in prev and prev[name].cpu else ""
            per_page = run.html_bytes // max(run.pages, 1)
            lines.append(
                f"{n:>5} {name:<15} {run.seconds:>8.1f} {ratio:>6} {run.cpu:>7.1f} {cratio:>6} {run.peak_mb:>8.0f} {_stages(run):>30} "
                f"{_mb(run.html_bytes):>9} {_mb(per_page):>8} {_mb(run.max_overhead):>14} {_mb(run.search_bytes):>10}  "
                f"{run.search_note}{f' (median of {run.runs})' if run.runs > 1 else ''}"
            )
            prev[name] = run
        if {"ours (cold)", "plain Material"} <= set(results[n]):
            ours, plain = results[n]["ours (cold)"], results[n]["plain Material"]
            warm = results[n].get("ours (warm)")
            paired = ", ".join(f"{r:.2f}" for r in ours.paired)
            lines.append(f"{'':>5} ours (cold) / plain: {ours.seconds / plain.seconds:.2f}× time, {ours.cpu / max(plain.cpu, 1e-9):.2f}× cpu"
                         f" (each pair: {paired}; median {statistics.median(ours.paired):.2f}×)"
                         + (f"; warm/plain {warm.seconds / plain.seconds:.2f}× time" if warm else "")
                         + f"; median page−text: ours {_mb(ours.median_overhead)}, plain {_mb(plain.median_overhead)}")
    lines += _slopes(results)
    return "\n".join(lines)


def _slopes(results: dict[int, dict[str, Run]]) -> list[str]:
    """Memory growth per 1,000 documents, per stage, between successive N: flat memory shows as
    a slope near 0 (what the growth would cost at the next N is the slope times the step)."""
    lines = []
    sizes = sorted(results)
    for a, b in zip(sizes, sizes[1:]):
        for name in results[b]:
            one, two = results[a].get(name), results[b][name]
            if one is None or not one.stages or not two.stages:
                continue
            per = {k: (two.stages[k] - one.stages[k]) * 1000 / (b - a) for k in STAGES if k in one.stages and k in two.stages}
            shown = "/".join(f"{per[k]:+.0f}" if k in per else "-" for k in STAGES)
            lines.append(f"{'':>5} {name}: N {a}→{b}, peak MiB per 1,000 documents (parse/render/index/children): {shown}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="200,1000,5000", help="comma-separated N (default 200,1000,5000)")
    parser.add_argument("--work", type=Path, help="folder for the generated sites (default: a temporary folder, removed)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--pdf", action="store_true", help="PDF pages per second and the default site's builds only")
    parser.add_argument("--runs", type=int, default=3, help="cold and plain builds per N, the median kept (default 3)")
    parser.add_argument("--builds", default=",".join(BUILDS),
                        help="which builds to measure, of cold,warm,plain (default all; --builds cold for a memory run at large N)")
    args = parser.parse_args(argv)
    if args.pdf:  # the PDF part lives in bench_pdf.py
        sys.path.insert(0, str(ROOT))
        from build_tools.bench_pdf import main as pdf_main

        return pdf_main([])
    if not (CORPUS / "manifest.json").exists():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    work = args.work or Path(tempfile.mkdtemp(prefix="res-bench-"))
    results: dict[int, dict[str, Run]] = {}
    try:
        for n in sizes:
            started = time.perf_counter()
            results[n] = measure(n, work, args.runs, tuple(b.strip() for b in args.builds.split(",")))
            print(f"N={n} measured in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
            if len(sizes) > 1:
                print(report(results), file=sys.stderr, flush=True)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps({n: {k: vars(r) for k, r in v.items()} for n, v in results.items()}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
