"""The MkDocs plugin: the hooks that hand MkDocs files to the core and its HTML back.

It finds resolution texts among the docs files, hands their bytes to the core
once per build (cached by content hash), and swaps each page's content for the
core's HTML. All site-wide knowledge lives in :class:`...corpus.Corpus`.
"""

from __future__ import annotations

from html import escape
from importlib import resources
from pathlib import Path
import gc
import os
import threading
from functools import partial
from typing import Callable, Iterable

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.templates import TemplateContext

from .. import browse, parallel, search
from ..diagnostics import KnownDefects
from ..indexer import Indexer, IndexResult
from .config import ResolutionsConfig
from ..corpus import Cache, Corpus, Entry, Text, choose_forms, document_of
from ..model import Diagnostic
from ..readers import has_un_cover
from ..urls import Registry
from ..graph import Graph, Previews, build_graph, citation_report, page_graph
from ..render.report import report_html
from ..changes.pages import ChangesPage, plan as plan_changes
from ..render.changes import changes_page, lineage as changes_lineage, page_names
from ..render.html import cited_by_html, description, render_document
from ..prose import analyse_page
from ..render.links import Linker
from ..render.outline import outline, toc_tokens
from .. import export  # issue 16: document.json, mandates.json/.csv
from ..mandates.site import SiteMandates
from ..render.mandates import MandateView, site_pages
from ..render.prose import link_html
from ..symbols import SERIES, undocs_url
from .theme import ThemeSupport, anchor_ids

log = get_plugin_logger(__name__)

ASSET_DIR = "assets/resolutions"
REPORT_URL = "reports/citations/"


# What a page this plugin writes holds until MkDocs writes it (on_post_page puts the body there).
# Material adds the page title as an <h1> unless the content holds one: the placeholder says which.
LATE = "<!-- resolutions: body -->"
LATE_TITLED = "<!-- resolutions: body, <h1> -->"


class Ids:
    """A page's ids for MkDocs' anchor validation, in one string (a set of short strings per page
    costs tens of KB; MkDocs only asks ``id in ids``)."""

    __slots__ = ("_joined",)

    def __init__(self, ids: set[str]) -> None:
        self._joined = "\0" + "\0".join(sorted(ids)) + "\0" if ids else ""

    def __contains__(self, anchor: object) -> bool:
        return isinstance(anchor, str) and "\0" not in anchor and f"\0{anchor}\0" in self._joined


class MadeFile(File):
    """A generated file made when it is written, in pieces: the build holds neither its content
    until then nor, for the site-wide files that grow with the corpus, all of it at once.

    With ``later`` MkDocs' copy only queues it there: the plugin writes it at the end of the
    build, while Pagefind writes its bundle (see :meth:`ResolutionsPlugin.on_post_build`)."""

    make: Callable[[], Iterable[bytes]] | None = None
    later: list[MadeFile] | None = None

    @classmethod
    def of(cls, config: MkDocsConfig, src_uri: str, make: Callable[[], Iterable[bytes]],
           later: list[MadeFile] | None = None) -> MadeFile:
        made = cls.generated(config, src_uri, content=b"")
        assert isinstance(made, MadeFile)
        made.make = make
        made.later = later
        return made

    @property  # type: ignore[override]
    def _content(self) -> str | bytes | None:
        return b"".join(self.make()) if self.make is not None else self.__dict__.get("_held")

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        self.__dict__["_held"] = value
        self.make = None

    def copy_file(self, dirty: bool = False) -> None:
        if self.make is None:
            return super().copy_file(dirty)
        if self.later is not None:
            self.later.append(self)
            return None
        return self.write()

    def write(self) -> None:
        assert self.make is not None
        try:  # most go beside their page, in a folder that exists: two system calls fewer each
            out = open(self.abs_dest_path, "wb")
        except FileNotFoundError:
            os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
            out = open(self.abs_dest_path, "wb")
        with out:
            for piece in self.make():
                out.write(piece)


class Finishing:
    """Pagefind's last work (building and writing its bundle, seconds on one core) on a thread of
    its own, begun once the last page it indexes is handed over: the build writes its remaining
    pages (browse, changes, report: none indexed) and its data files on the other core meanwhile."""

    def __init__(self, indexer: Indexer) -> None:
        self.indexer = indexer
        self.result: IndexResult | None = None
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        if self.thread is None:
            self.thread = threading.Thread(target=self._run, name="pagefind-finish", daemon=True)
            self.thread.start()

    def _run(self) -> None:
        self.result = self.indexer.finish()

    def wait(self) -> IndexResult | None:
        self.start()
        assert self.thread is not None
        self.thread.join()
        return self.result


def _document_json(entry: Entry, site_url: str, held: bool) -> list[bytes]:
    """The page's data file. A build that holds every analysis in memory (``held``) makes its
    template from it: cheaper than keeping the template on disk and reading it back (a thousand
    entries written beside Pagefind's files in a cold build's tail). A larger one reads each
    template as the parse workers kept it (see ``Cache.document``)."""
    template = export.document_template(entry.analysis.doc, entry.mandates) if held else document_of(entry.source)
    return [export.fill_document(template, export.page_url(entry.url, site_url))]


class ResolutionFile(File):
    """A resolution source (.txt, .pdf, or .md with a UN cover) published as a page at its symbol's URL."""

    def is_documentation_page(self) -> bool:
        return True


class LatePage(Page):
    """A page whose body this plugin writes (see :meth:`ResolutionsPlugin.on_post_page`): its Markdown is
    empty, so MkDocs' conversion (a Markdown instance with every extension, per page) would give nothing."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None or self.markdown.strip():  # Markdown converts blank text to nothing
            return super().render(config, files)
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}
        return None


def _reader(file: File) -> Callable[[], bytes]:
    """``file``'s bytes, read when called (a cold build hands every text to its workers this way)."""
    return lambda: file.content_bytes


def _is_resolution(file: File, sniff_markdown: bool) -> bool:
    uri = file.src_uri
    if uri.endswith((".txt", ".pdf")):
        return True
    if sniff_markdown and uri.endswith(".md") and file.abs_src_path:
        return has_un_cover(file.content_bytes[:4000].decode("utf-8", errors="replace"))
    return False


class ResolutionsPlugin(BasePlugin[ResolutionsConfig]):
    """Publish UN resolution texts as annotated pages."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.cache = Cache()
        self.corpus = Corpus()
        self.pages: dict[str, str] = {}  # src_uri of a resolution page -> its url
        self.graph = Graph()
        self.previews = Previews(self.corpus)
        self.browse: dict[str, browse.BrowsePage] = {}  # src_uri of a generated browse page -> page
        self.full_lists: dict[str, str] = {}  # src_uri of a generated cited-by page -> the cited document's
        self.report_uri = REPORT_URL + "index.md"
        self.known = KnownDefects()
        self.theme = ThemeSupport()
        self.changes: dict[str, ChangesPage] = {}  # src_uri of a generated changes page -> page
        self.changes_of: dict[str, list[ChangesPage]] = {}  # src_uri of a text -> its changes pages
        self.mandates = SiteMandates()
        self.indexer: Indexer | None = None  # Pagefind, fed each page as it is written
        self.finishing: Finishing | None = None  # its last work, begun after the last page it indexes
        self.last_indexed: str | None = None  # src_uri of the last page MkDocs writes that Pagefind may index
        self.late: list[MadeFile] = []  # data files to write at the end, beside Pagefind's last work

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.known = self.config.known_defects
        self.theme = ThemeSupport.set_up(config, search=self.config.search)
        self.cache.folder = Path(config.config_file_path or ".").parent / self.config.cache_dir
        for name in self._assets():
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            if f"{ASSET_DIR}/{name}" not in [str(x) for x in target]:
                target.append(f"{ASSET_DIR}/{name}")
        return config

    @staticmethod
    def _assets() -> list[str]:
        folder = resources.files("mkdocs_resolutions._internal") / "assets"
        return sorted(p.name for p in folder.iterdir() if p.name.endswith((".css", ".js")))

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        gc.unfreeze()  # a previous build's objects (mkdocs serve) are collected again: see on_files
        self.indexer = Indexer(Path(config.site_dir)) if self.config.search else None
        self.finishing = Finishing(self.indexer) if self.indexer is not None else None

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """What the build holds from here to its end (the corpus, its analyses, the graph, MkDocs'
        files) is made here, then left out of Python's cycle collector: every full collection
        would walk it again (seconds in a large build: six while it grows, one more at exit).
        Young objects are still collected meanwhile; analyses hold no cycles."""
        threshold = gc.get_threshold()
        gc.set_threshold(threshold[0], threshold[1], 1 << 30)  # no full collection while it grows
        try:
            return self._files(files, config)
        finally:
            gc.freeze()
            gc.set_threshold(*threshold)

    def _files(self, files: Files, config: MkDocsConfig) -> Files:  # noqa: C901 - the one files hook, a list of short steps
        self.corpus = Corpus(registry=Registry.for_site(config.use_directory_urls))
        self.pages = {}
        self.browse = {}
        self.late = []  # a failed build's data files are not this build's
        sources = {f.src_uri: f for f in files if _is_resolution(f, self.config.markdown_sniff)}
        registry = self.corpus.registry  # every output claims its path there: nothing overwrites another
        for f in sorted((f for f in files if f.src_uri not in sources), key=lambda f: f.src_uri):
            registry.register(f.dest_uri, f.src_uri)
        for name in self._assets():
            registry.register(f"{ASSET_DIR}/{name}", "the plugin's assets")
        registry.reserve("browse/", "the browse pages")
        registry.reserve("mandates/", "the mandate pages")
        registry.reserve_name(export.DOCUMENT_FILE, "the pages' data files")
        for name in ("mandates.json", "mandates.csv", export.SCHEMA_PATH):
            registry.register(name, "the mandate data")
        self.report_uri = registry.claim(REPORT_URL, "the citation report", index=True) + "index.md"
        texts = [Text.of(uri, _reader(sources[uri])) for uri in sorted(sources)]
        parallel.prefill(self.cache, texts)  # a cold build reads on every core
        # Each text is analysed (or found in the cache) and kept as its metadata: see corpus.Stored.
        analysed = [(text.path, self.cache.store(text)) for text in texts]
        kept, dropped, notes = choose_forms(analysed)
        self.known.reset()
        for uri in dropped:  # another form of a document published from a more faithful one
            files.remove(sources[uri])
        for uri, stored in analysed:  # a dropped form's defects are still its own: its entries are not stale
            if uri in dropped:
                self.known.note(stored.diagnostics)
        for uri, stored in kept:
            file = sources[uri]
            entry = self.corpus.add(uri, stored)
            registry.register(entry.url + export.DOCUMENT_FILE, uri)  # its data file, beside the page
            for diag in stored.diagnostics:
                self._log(diag)
            files.remove(file)
            dest = registry.dest(entry.url)
            page_file = ResolutionFile(uri, file.src_dir, file.dest_dir, config.use_directory_urls, dest_uri=dest)
            page_file._content = ""  # MkDocs must not read or render the source itself
            page_file.inclusion = InclusionLevel.NOT_IN_NAV  # the nav must not grow with the corpus
            files.append(page_file)
            self.pages[uri] = entry.url
        for diag in notes + self.corpus.diagnostics + registry.diagnostics:
            self._log(diag)
        logged = len(registry.diagnostics)
        for line in self.known.stale(present=set(sources)):
            log.warning(line)
        if self.config.link_pages:
            self._add_citing_pages(files)
        self.graph = build_graph(self.corpus)  # once per build, from the cached analyses
        self.previews = Previews(self.corpus)
        self._add_cited_by_pages(files, config)
        self._add_changes_pages(files, config)
        if self.pages:
            report = File.generated(config, self.report_uri, content="")
            report.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(report)
        if self.config.browse and self.pages:
            self._add_browse_pages(files, config)
        self.mandates = SiteMandates.collect(self.corpus)  # issue 16: mandates, their pages and data
        self._add_mandate_files(files, config)
        for diag in registry.diagnostics[logged:]:  # generated pages displaced by documents
            self._log(diag)
        package = resources.files("mkdocs_resolutions._internal") / "assets"
        for name in self._assets():
            files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=(package / name).read_bytes()))
        for file in files.documentation_pages():  # MkDocs makes a page of each the same way, its title aside (nav)
            if file.page is None and file.inclusion.is_not_in_nav() and (file.src_uri in self.pages or self._unindexed(file.src_uri)):
                LatePage(None, file, config)
        return files

    def _add_cited_by_pages(self, files: Files, config: MkDocsConfig) -> None:
        """A page listing every citing document, for a document cited by more than ``cited_by_limit``."""
        self.full_lists = {}
        for uri, url in self.pages.items():
            symbol = self.corpus.entries[uri].meta.symbol
            if symbol and len({r.source for r in self.graph.cited_by.get(symbol, ())}) > self.config.cited_by_limit:
                claimed = self.corpus.registry.claim(f"{url}cited-by/", f"the cited-by page of {uri}", index=True)
                listing = File.generated(config, claimed + "index.md", content="")
                listing.inclusion = InclusionLevel.NOT_IN_NAV
                files.append(listing)
                self.full_lists[listing.src_uri] = uri

    def _add_citing_pages(self, files: Files) -> None:
        """Ordinary Markdown pages that cite documents join the corpus as citing pages (``link_pages``)."""
        for file in files.documentation_pages():
            if file.src_uri in self.pages or not file.src_uri.endswith(".md") or file.generated_by:
                continue
            analysis = analyse_page(file.content_string, file.src_uri, file.name)
            if analysis.citations:
                self.corpus.entries[file.src_uri] = Entry(file.src_uri, file.url, analysis, page=True)

    def _log(self, diag: Diagnostic) -> None:
        """A warning fails ``--strict`` unless the site lists it as a known defect of that file."""
        if diag.level != "warning":
            log.debug(str(diag))
        elif self.known.accepts(diag):
            log.info(f"known defect: {diag}")
        else:
            log.warning(str(diag))

    def _add_changes_pages(self, files: Files, config: MkDocsConfig) -> None:
        """A changes page per earlier version of each text (see ``changes.pages``), out of the nav."""
        versions, self.changes_of = plan_changes(self.corpus, self.graph)
        for amended in versions.amended.values():  # instructions that could not be applied to the draft
            for diag in amended.diagnostics:
                self._log(diag)
        self.changes = {}
        for cpages in self.changes_of.values():
            for cpage in cpages:
                dest, owner = f"{cpage.url}index.html", f"the changes page of {cpage.new}"
                if self.corpus.registry.conflict(dest, owner, page=False) is not None:  # a text already published there
                    log.warning(f"{cpage.url} is taken by another output; the generated changes page is not written")
                    continue
                self.corpus.registry.register(dest, owner)
                file = File.generated(config, f"{cpage.url}index.md", content="")
                file.inclusion = InclusionLevel.NOT_IN_NAV
                files.append(file)
                self.changes[file.src_uri] = cpage
        written = set(self.changes.values())
        self.changes_of = {src: kept for src, cpages in self.changes_of.items() if (kept := [c for c in cpages if c in written])}

    def _add_browse_pages(self, files: Files, config: MkDocsConfig) -> None:
        items = []
        for src_uri, url in self.pages.items():
            entry = self.corpus.entries[src_uri]
            items.append(browse.listing(entry.meta, entry.listing_title, entry.url, src_uri))
        for bpage in browse.build_pages(items):
            src_uri = bpage.url + "index.md"
            if self.corpus.registry.conflict(bpage.url + "index.html", "the browse pages", page=False):
                log.warning(f"{src_uri} exists in the docs; the generated browse page is not written")
                continue
            file = File.generated(config, src_uri, content="")
            if bpage.url != browse.ROOT:
                file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(file)
            self.browse[src_uri] = bpage

    def _add_mandate_files(self, files: Files, config: MkDocsConfig) -> None:
        """The mandate pages (out of the nav, like browse pages) and the data files beside the pages."""
        if not self.pages:
            return
        site_url = config.site_url or ""
        # Every page's analysis is in memory (a build of up to corpus.MEMORY_ANALYSES texts): none was kept on disk
        # with its data file's template by the parse workers, which make templates only where analyses do not fit.
        held = all(getattr(self.corpus.entries[uri].source, "key", None) in self.cache.memory for uri in self.pages)
        for uri, url in self.pages.items():
            made = partial(_document_json, self.corpus.entries[uri], site_url, held)
            files.append(MadeFile.of(config, url + export.DOCUMENT_FILE, made, self.late))
        rows = self.mandates.rows  # the site's mandate files grow with it: written in pieces
        files.append(MadeFile.of(config, "mandates.json", partial(export.mandates_json_chunks, rows, site_url), self.late))
        files.append(MadeFile.of(config, "mandates.csv", partial(export.mandates_csv_chunks, rows, site_url), self.late))
        files.append(File.generated(config, export.SCHEMA_PATH, content=export.schema_bytes()))
        for bpage in site_pages(self.mandates.calendar) if self.config.browse else []:
            file = File.generated(config, bpage.url + "index.md", content="")
            file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(file)
            self.browse[file.src_uri] = bpage

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri in self.full_lists:
            meta = self.corpus.entries[self.full_lists[page.file.src_uri]].meta
            page.meta["title"] = escape(f"Cited by: {meta.symbol}")
            return ""
        if page.file.src_uri == self.report_uri:
            page.meta["title"] = "Citation report"
            return ""
        if page.file.src_uri in self.changes:
            cpage = self.changes[page.file.src_uri]
            page.meta["title"] = escape("Changes in {} since {}".format(*page_names(cpage, self.corpus)))
            return ""
        bpage = self.browse.get(page.file.src_uri)
        if bpage is not None:
            page.meta["title"] = escape(bpage.title)
            return ""
        entry = self.corpus.entries.get(page.file.src_uri)
        if entry is None or page.file.src_uri not in self.pages:
            return markdown
        meta = entry.meta
        # MkDocs templates do not escape page titles, and this one comes from the source.
        page.meta["title"] = escape(meta.title or meta.symbol or page.file.name)
        page.meta["description"] = escape(description(meta, page.file.name), quote=True)
        return ""

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """An ordinary page's HTML now; a page this plugin writes gets a placeholder (see :meth:`on_post_page`)."""
        uri = page.file.src_uri
        entry = self.corpus.entries.get(uri)
        if uri in self.full_lists or uri == self.report_uri or uri in self.changes or uri in self.browse:
            return LATE_TITLED  # each of these bodies opens with its <h1>
        if entry is None or entry.page:  # an ordinary page
            if self.config.link_pages:
                linker = Linker(self.corpus.by_symbol, page.file.url, self.config.undocs_url, self.previews, self.previews.anchors)
                html = f'<div class="res-doc res-page">{link_html(html, linker, page.file.src_uri)}</div>'
            return search.wrap(html, None) if self.config.search else html
        return LATE if entry.analysis.doc.fallback is not None else LATE_TITLED  # a text shown as delivered has no <h1>

    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        """A text's outline (the theme's table of contents), made just before its template renders:
        like the body, held only while MkDocs writes the page."""
        entry = self.corpus.entries.get(page.file.src_uri)
        if entry is not None and not entry.page and page.content in (LATE, LATE_TITLED):
            symbol = entry.meta.symbol
            cited = bool(symbol and self.graph.cited_by.get(symbol))  # page_graph's cited_by is not empty
            page.toc = get_toc(toc_tokens(outline(entry.analysis.doc, cited_by=cited)))  # type: ignore[arg-type]
        return context

    def _body(self, page: Page) -> str | None:
        """The body of a page this plugin writes (None for an ordinary page), its ids told to MkDocs."""
        if page.file.src_uri in self.full_lists:
            cited = self.corpus.entries[self.full_lists[page.file.src_uri]]
            linker = Linker(self.corpus.by_symbol, page.file.url, self.config.undocs_url)
            view = page_graph(self.graph, self.corpus, cited, linker.href)
            title = f'<h1>Cited by: <a href="../">{escape(cited.meta.symbol or "")}</a></h1>'
            return self._known_anchors(page, title + cited_by_html(view, limit=None))
        if page.file.src_uri == self.report_uri:
            linker = Linker(self.corpus.by_symbol, page.file.url, self.config.undocs_url)
            report = citation_report(self.graph, self.corpus)
            return self._known_anchors(page, report_html(report, lambda symbol: linker.target(symbol).href))
        if page.file.src_uri in self.changes:
            cpage = self.changes[page.file.src_uri]
            linker = Linker(self.corpus.by_symbol, page.file.url, self.config.undocs_url)
            return self._known_anchors(page, changes_page(cpage, self.corpus, self.changes_of.get(cpage.new, [cpage]), linker.href))
        bpage = self.browse.get(page.file.src_uri)
        if bpage is not None:
            return self._known_anchors(page, f"<h1>{escape(bpage.title)}</h1>\n{bpage.html}")  # not indexed: it names every symbol
        entry = self.corpus.entries.get(page.file.src_uri)
        if entry is None or entry.page:  # an ordinary page
            return None
        linker = Linker(self.corpus.by_symbol, entry.url, self.config.undocs_url, self.previews, self.previews.anchors)
        analysis = entry.analysis
        view = page_graph(self.graph, self.corpus, entry, linker.href)
        listing = next((src for src, doc in self.full_lists.items() if doc == entry.src_uri), None)
        if listing is not None:
            view.full_href = linker.href(listing.removesuffix("index.md"))
        if entry.src_uri in self.changes_of:  # "Changes since A/RES/78/229", among the lineage links
            view.lineage += changes_lineage(self.changes_of[entry.src_uri], self.corpus, linker.href)
        marks = MandateView(self.mandates.by_src.get(entry.src_uri, []), entry.url)
        body = render_document(analysis.doc, linker, analysis.citations, analysis.ibid, view, self.config.cited_by_limit, marks,
                               breadcrumb=self.config.browse)
        self._known_anchors(page, body)
        return search.wrap(body, analysis.doc) if self.config.search else body

    @staticmethod
    def _known_anchors(page: Page, html: str) -> str:
        """Tell MkDocs the ids of a page we wrote, so ``validation: anchors`` checks links to them
        (MkDocs checks them after every page is written; they are kept in one string)."""
        page.present_anchor_ids = Ids(anchor_ids(html))  # type: ignore[assignment]
        return html

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        self.theme.load(env)
        # MkDocs writes the pages in this order (drafts too under mkdocs serve): Pagefind may finish
        # after the last that it could index. The plugin's unindexed pages come last (on_files).
        pages = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        self.last_indexed = next((f.src_uri for f in reversed(pages) if not self._unindexed(f.src_uri)), None)
        return env

    def _unindexed(self, src_uri: str) -> bool:
        """A page this plugin writes without Pagefind's mark (see :meth:`_body`): its lists name every
        symbol or repeat other pages' words, so Pagefind does not read it."""
        return src_uri in self.full_lists or src_uri == self.report_uri or src_uri in self.changes or src_uri in self.browse

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext | None:
        if template_name == "404.html":
            # Our own key, read by the 404 template; MkDocs' TypedDict does not know it.
            context["resolutions"] = {  # type: ignore[typeddict-unknown-key]
                "undocs_url": self.config.undocs_url,
                "undocs_home": undocs_url("", self.config.undocs_url),
                "series": list(SERIES),
            }
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """A page this plugin writes gets its body now, just before MkDocs writes it, and lets it go:
        the build holds no page's body longer than it takes to write it, so memory does not grow with N.
        The finished page goes to Pagefind as it is written."""
        if page.content in (LATE, LATE_TITLED):
            body = self._body(page)
            if body is not None:
                output = output.replace(page.content, body, 1)
                page.content = LATE
                page.toc = get_toc([])  # the outline is in the written page; MkDocs needs it no more
        output = self.theme.finish(output)
        if self.finishing is not None and self.finishing.thread is None:  # pages after the last indexed one are not read
            self.finishing.indexer.add(page.file.dest_uri, output)
            if page.file.src_uri == self.last_indexed:
                self.finishing.start()
        return output

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        return self.theme.finish(output_content)

    def on_post_build(self, config: MkDocsConfig) -> None:
        """The data files are written while Pagefind builds and writes its bundle (see :class:`Finishing`):
        neither waits for the other, and no core idles at the end of the build."""
        if self.finishing is not None:
            self.finishing.start()  # no page was the last indexed one (all unindexed, or a dirty build)
        try:
            for made in self.late:
                made.write()
            self.late = []
        finally:
            result = self.finishing.wait() if self.finishing is not None else None
        if result is not None and not result.ok:
            log.warning(result.message)
        gc.freeze()  # see on_files

    def on_build_error(self, *, error: Exception) -> None:
        if self.indexer is not None:
            self.indexer.close()
        if self.finishing is not None and self.finishing.thread is not None:
            self.finishing.thread.join()
