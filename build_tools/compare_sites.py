"""Build the default site at two git revisions and compare the bytes, file by file.

A refactor must change nothing a reader gets, apart from the fixes it names;
this proves it. Each revision is checked out into a temporary worktree and
built with this environment's MkDocs, importing that revision's own plugin
(its ``plugins/`` folder first on ``PYTHONPATH``), with one ``SOURCE_DATE_EPOCH``
for both. Pagefind's filter files are written in a varying order, so they (and
its metadata file named by their hash) are left out. Files of the search bundle
may differ when what Pagefind is handed changes: the two bundles are then
compared as a search reads them (``compare_search.py``); exit 1 when a file
outside ``pagefind/`` differs or search does.

    .venv/bin/python build_tools/compare_sites.py main HEAD      # exit 1 when the sites differ
    .venv/bin/python build_tools/compare_sites.py main HEAD --diff 5   # and show 5 changed pages
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Pagefind writes its filter files in a varying order, and names its metadata file (and the entry
# file naming that) by a hash over them: compared by kind only. Its index and fragments are compared.
_VARYING = re.compile(r"^pagefind/(?:filter/|pagefind\.[\w.]+\.pf_meta$|pagefind-entry\.json$)")


def build(revision: str, workdir: Path, epoch: str) -> Path:
    """The site of ``revision``, built in a worktree under ``workdir``."""
    tree = workdir / "tree"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), revision], check=True)
    try:
        # The corpus is found next to the project root, as in the checkout itself.
        shared = ROOT.parent / "shared"
        if shared.exists() and not (tree.parent / "shared").exists():
            (tree.parent / "shared").symlink_to(shared)
        env = {**os.environ, "PYTHONPATH": str(tree / "plugins"), "SOURCE_DATE_EPOCH": epoch,
               "NO_MKDOCS_2_WARNING": "1"}
        out = workdir / "site"
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)],
                              cwd=tree, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"build of {revision} failed:\n{proc.stdout}\n{proc.stderr}")
        return out
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True)


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def compare(a: dict[str, bytes], b: dict[str, bytes]) -> tuple[list[str], list[str], list[str]]:
    """(only in a, only in b, differing), Pagefind's varying files compared by name only."""
    only_a = sorted(k for k in set(a) - set(b) if not _VARYING.match(k))
    only_b = sorted(k for k in set(b) - set(a) if not _VARYING.match(k))
    changed = sorted(k for k in set(a) & set(b) if a[k] != b[k] and not _VARYING.match(k))
    return only_a, only_b, changed


def _text_diff(name: str, old: bytes, new: bytes, context: int = 0) -> str:
    """A unified diff of two pages, their tags split onto lines so a changed attribute stands out."""
    def lines(data: bytes) -> list[str]:
        return data.decode("utf-8", "replace").replace("><", ">\n<").splitlines()

    return "\n".join(difflib.unified_diff(lines(old), lines(new), f"a/{name}", f"b/{name}", n=context, lineterm=""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", help="git revision built first (e.g. main)")
    parser.add_argument("after", help="git revision built second (e.g. HEAD)")
    parser.add_argument("--diff", type=int, default=0, metavar="N", help="print the changes of N differing files")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))  # run as a script: build_tools is not installed
    from build_tools import compare_search

    epoch = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct", args.after],
                           check=True, capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        sites, built = [], []
        for i, revision in enumerate((args.before, args.after)):
            (Path(tmp) / str(i)).mkdir()
            built.append(build(revision, Path(tmp) / str(i), epoch))
            sites.append(files(built[-1]))
        only_a, only_b, changed = compare(*sites)
        # Files of the search bundle may differ (a fragment is named by a hash of all it holds): is search the same?
        search = compare_search.compare(*map(compare_search.read_bundle, built))
    print(f"{len(sites[0])} files at {args.before}, {len(sites[1])} at {args.after}")
    for label, names in ((f"only at {args.before}", only_a), (f"only at {args.after}", only_b), ("differ", changed)):
        print(f"{label}: {len(names)}")
        for name in names:
            print(f"  {name}")
    for name in changed[: args.diff]:
        print(_text_diff(name, sites[0][name], sites[1][name]))
    print("search (build_tools/compare_search.py):", "the same" if search.same else "; ".join(search.differences[:5]))
    outside = [name for name in only_a + only_b + changed if not name.startswith("pagefind/")]
    return 1 if outside or not search.same else 0


if __name__ == "__main__":
    sys.exit(main())
