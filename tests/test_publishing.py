"""What the README and the example workflow tell a user to write is valid."""

from __future__ import annotations

import logging
import re

import yaml
from mkdocs.config import load_config

from .conftest import ROOT


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
