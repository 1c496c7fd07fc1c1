"""The plugin's templates, put in effect by the plugin itself.

``templates/`` holds Material templates (the 404 page, the search box
partial). They go into the theme's search path right after the site's own
``custom_dir``, so ``theme: material`` plus the plugin is the whole product
and a site can still override any of them. The search box is added to every
page by :meth:`ThemeSupport.finish` rather than through ``main.html``, so a
site's own ``main.html`` cannot lose it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)

TEMPLATES = str(Path(__file__).parent / "templates")
SEARCH_PARTIAL = "partials/res-search.html"
_SEARCH_ID = 'id="res-search-template"'
_ID = re.compile(r'id="([^"]+)"')  # after white space: checked by hand, a literal start is found faster


@dataclass
class ThemeSupport:
    material: bool = False
    search: bool = False
    search_html: str = ""

    @classmethod
    def set_up(cls, config: MkDocsConfig, search: bool) -> ThemeSupport:
        """Add our templates to a Material theme; with any other theme, say once what the site lacks."""
        theme = config.theme
        if theme.name == "material":
            if TEMPLATES not in theme.dirs:
                theme.dirs.insert(1 if theme.custom_dir else 0, TEMPLATES)
            return cls(material=True, search=search)
        missing = (
            "search box and no 404 page offering the official copy, because the plugin ships them as Material templates"
            if search else "404 page offering the official copy, because the plugin ships it as a Material template"
        )
        log.warning(
            f"theme {theme.name or theme.custom_dir!r} is not Material for MkDocs: this site has no {missing}; "
            "resolution pages, notes and citation links work. Use `theme: material` for the full product."
        )
        return cls()

    def load(self, env: Environment) -> None:
        """Render the search box once per build (a site's custom_dir may override the partial)."""
        self.search_html = env.get_template(SEARCH_PARTIAL).render() if self.material and self.search else ""

    def finish(self, html: str) -> str:
        """Add the search box template at the end of a page's body, unless a template already did."""
        if not self.search_html or _SEARCH_ID in html:
            return html
        at = html.rfind("</body>")
        return html if at < 0 else html[:at] + self.search_html + html[at:]


def anchor_ids(html: str) -> set[str]:
    """The ids of HTML this plugin wrote (always quoted with ``"``), for MkDocs' anchor validation."""
    ids = set()
    at = 0
    while m := _ID.search(html, at):
        if m.start() and html[m.start() - 1].isspace():
            ids.add(unescape(m.group(1)))
            at = m.end()
        else:  # "data-id=": not an id, and a real one may start inside it
            at = m.start() + 1
    return ids
