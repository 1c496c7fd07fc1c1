"""mkdocs-resolutions: United Nations resolutions as annotated, searchable pages."""
