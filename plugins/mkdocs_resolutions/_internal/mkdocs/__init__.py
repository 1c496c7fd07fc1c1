"""The MkDocs adapter: the only subpackage that imports mkdocs; the core never does."""
