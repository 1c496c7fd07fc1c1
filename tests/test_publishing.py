"""What the README and the example workflow tell a user to write is valid."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
import zipfile

import yaml
from mkdocs.config import load_config

from mkdocs_resolutions import __version__

from .conftest import ROOT
from .dist_support import built


def _yaml_blocks(heading: str) -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index(f"## {heading}\n"):]
    section = section[: section.index("\n## ", 4)]
    return re.findall(r"```yaml\n(.*?)```", section, re.S)


def test_the_readme_configuration_is_valid_and_states_the_defaults(tmp_path):
    (block,) = _yaml_blocks("Configuration")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ntheme: {name: material}\n" + block, encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))  # validates: raises on an error
    ours = config.plugins["resolutions"].config
    stated = yaml.safe_load(block)["plugins"][0]["resolutions"]
    defaults = type(ours)()
    defaults.load_dict({})
    assert not defaults.validate()[0]
    assert {k: v for k, v in stated.items() if k != "known_defects"} == {
        k: v for k, v in defaults.items() if k != "known_defects"
    }
    assert ours.known_defects.entries == {"S-2024-400.txt": ("number-no-full-stop",)}


def test_the_readme_site_example_is_valid(tmp_path):
    block = _yaml_blocks("Use it in your own site")[0]
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(block, encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    assert config.theme.name == "material" and "resolutions" in config.plugins
    assert config.validation.links.anchors == logging.WARNING


def test_the_example_workflow_builds_strict_and_deploys_to_pages():
    flow = yaml.safe_load((ROOT / "docs" / "examples" / "publish.yml").read_text(encoding="utf-8"))
    steps = flow["jobs"]["build"]["steps"]
    assert any("mkdocs build --strict" in step.get("run", "") for step in steps)
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact") for step in steps)
    assert flow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_the_sdist_and_wheel_build_cleanly_and_pass_twine_check():
    dist = built()
    noisy = [line for line in dist.log.splitlines()
             if re.search(r"(?i)deprecat|\berror\b|warning", line) and "byte-compiling is disabled" not in line]
    assert noisy == []
    proc = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", str(dist.sdist), str(dist.wheel)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with zipfile.ZipFile(dist.wheel) as whl:
        names = set(whl.namelist())
        metadata = whl.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert {
        "mkdocs_resolutions/py.typed",
        "mkdocs_resolutions/_internal/mkdocs/templates/404.html",
        "mkdocs_resolutions/_internal/mkdocs/templates/partials/res-search.html",
        "mkdocs_resolutions/_internal/assets/resolutions.js",
    } <= names
    assert f"Version: {__version__}" in metadata and "Classifier: Framework :: MkDocs" in metadata
    assert "License-Expression: MIT" in metadata
    assert f"## {__version__}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
