"""Real web servers for tests: Debian's nginx (with the brotli_static module) and Caddy, each
run on localhost with the very server file the build wrote (write/servers.py), changed only
in where it listens and where the site is."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path

from healthskills.build import build_site
from healthskills.project import Project
from healthskills.write.servers import SITE_ROOT
from support import DATA, PLACES_TODAY, checked_clean, edit

HOST = "127.0.0.3"
"""Where the servers listen: a loopback address of their own, so a port they take can never
be one that another test's server on 127.0.0.1 has just let go of and wants back (the
offline tests switch theirs off and on at the same port)."""
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
MIME_TYPES = Path("/etc/nginx/mime.types")


def free_port(host: str = HOST) -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def wait_for_port(
    proc: subprocess.Popen, port: int, what: str, log: Path, host: str = HOST
) -> None:
    """Until the server answers on `port`, or it exits (then its log says why)."""
    for _ in range(200):
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            try:
                proc.wait(timeout=0.05)
            except subprocess.TimeoutExpired:
                continue
            break
    raise RuntimeError(f"{what} did not start: {log.read_text() if log.exists() else ''}")


class Server:
    """A server process serving `root` (the folder holding the site, under its base path)."""

    def __init__(self, kind: str, site: Path, root: Path, work: Path) -> None:
        self.kind, self.site, self.root, self.work = kind, site, root, work
        self.port = free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self) -> Server:
        self.work.mkdir(parents=True, exist_ok=True)
        if self.kind == "nginx":
            self._nginx()
        else:
            self._caddy()
        return self

    def _nginx(self) -> None:
        block = (self.site / "nginx.conf").read_text()
        block = block.replace("    listen 80;\n    listen [::]:80;\n",
                              f"    listen {HOST}:{self.port};\n")  # fmt: skip
        block = block.replace(f"root {SITE_ROOT};", f"root {self.root};")
        (self.work / "site.conf").write_text(block)
        log = self.work / "error.log"
        # As root (in CI), workers would run as `nobody`, who cannot read pytest's private
        # temporary folders: keep them as the test's own user.
        user = "user root;\n" if os.geteuid() == 0 else ""
        (self.work / "main.conf").write_text(
            f"load_module {BROTLI_MODULE};\n{user}"
            f"worker_processes 1;\npid {self.work}/nginx.pid;\nerror_log {log} warn;\n"
            "events { worker_connections 64; }\n"
            "http {\n"
            f"  access_log off;\n  client_body_temp_path {self.work}/body;\n"
            f"  proxy_temp_path {self.work}/proxy;\n  fastcgi_temp_path {self.work}/fcgi;\n"
            f"  uwsgi_temp_path {self.work}/uwsgi;\n  scgi_temp_path {self.work}/scgi;\n"
            f"  include {self.work}/site.conf;\n}}\n"
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        command = [nginx, "-p", str(self.work), "-c", str(self.work / "main.conf")]
        check = subprocess.run([*command, "-t"], capture_output=True, text=True)
        if check.returncode:
            raise RuntimeError(f"nginx -t refused the server block:\n{check.stderr}")
        self.proc = subprocess.Popen([*command, "-g", "daemon off;"], stderr=subprocess.PIPE)
        wait_for_port(self.proc, self.port, "nginx", log)

    def _caddy(self) -> None:
        text = (self.site / "Caddyfile").read_text()
        text = text.replace("\n:80 {", f"\n:{self.port} {{\n\tbind {HOST}")
        text = text.replace(f"root * {SITE_ROOT}", f"root * {self.root}")
        (self.work / "Caddyfile").write_text(text)
        log = self.work / "caddy.log"
        env = {"HOME": str(self.work), "XDG_DATA_HOME": str(self.work / "data"),
               "XDG_CONFIG_HOME": str(self.work / "config"), "PATH": "/usr/bin:/bin"}  # fmt: skip
        caddy = shutil.which("caddy") or "/usr/bin/caddy"
        command = [caddy, "run", "--config", str(self.work / "Caddyfile"), "--adapter", "caddyfile"]
        with log.open("w") as out:
            self.proc = subprocess.Popen(command, stdout=out, stderr=out, env=env)
        wait_for_port(self.proc, self.port, "caddy", log)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


def build_example(folder: Path, base: str, pdfs: bool = False) -> Path:
    """The worked example built for `https://example.org{base}`; returns the site folder."""
    root = folder / "project"
    shutil.copytree(DATA / "places-example", root)
    project = Project(root)
    edit(project, "mkdocs.yml", "site_url: https://health.example.org/",
         f"site_url: https://example.org{base}")  # fmt: skip
    build_site(checked_clean(project, PLACES_TODAY), root / "site", pdfs=pdfs, cache=False)
    return root / "site"
