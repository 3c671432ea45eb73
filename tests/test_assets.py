"""The shared files: the page script joined from one file per feature, the service worker,
and the names they share."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from healthskills.assets import SCRIPT_FEATURES, page_script, service_worker

NAMES = ("PAGES_CACHE", "FILES_CACHE")


def test_every_feature_runs_in_a_scope_of_its_own():
    script = page_script().decode("utf-8")
    # One strict outer function, and one function per feature inside it: the features
    # share only what core.js defines.
    assert script.startswith('(function () {\n"use strict";\n')
    assert script.count('"use strict";') == 1
    assert script.count("\n(function () {\n") == len(SCRIPT_FEATURES)
    assert script.count("\n})();\n") == len(SCRIPT_FEATURES) + 1
    assert "/*" not in script and "\n  " not in script  # comments and indentation out


def test_the_page_script_and_the_service_worker_share_their_cache_names():
    script, worker = page_script().decode("utf-8"), service_worker().decode("utf-8")
    for name in NAMES:
        defined = re.findall(rf'var {name} = "([^"]+)";', script)
        assert defined and defined == re.findall(rf'var {name} = "([^"]+)";', worker)
        assert f"caches.delete({name})" in script
        assert name in worker.split('var FILES_CACHE = "hs-files";', 1)[1]
    # The shared names come after the service worker's "use strict", which must stay first.
    assert worker.index('"use strict";') < worker.index("var PAGES_CACHE")


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js checks the syntax")
@pytest.mark.parametrize("make", [page_script, service_worker])
def test_the_joined_files_are_valid_javascript(make, tmp_path):
    path = tmp_path / "file.js"
    path.write_bytes(make())
    done = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
