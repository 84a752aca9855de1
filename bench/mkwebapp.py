#!/usr/bin/env python3
"""Build a real web-app repository for the content-pass benchmark (issue 16).

usage: mkwebapp.py [DEST] [--force]      (DEST: $TIDY_BENCH_DIR/webapp, default /tmp/tidy-bench)

What is in it, all real bytes from the registries (downloads kept in bench/out/downloads and
bench/out/npm-cache, so a rebuild needs no network):

    committed  the Django sdist's content (pip download --no-binary :all: django==DJANGO)
               webapp/ (settings, urls, views) and webapp/mock_api.py, a 3 MB data module made
                 by ../shared/bench/mkmockapi.py (16,500 question dicts)
               templates/ that load some of the vendored libraries with {% static %}
               static/vendor/<lib>/: dist folders copied from the installed npm packages; four
                 are used by the templates (bootstrap, jquery, htmx, chart.js), six are not
                 (d3, alpinejs, leaflet, popper, react and react-dom UMD builds)
               frontend/ (package.json and package-lock.json from bench/webapp/, vite config,
                 tsconfig, eslint config, a React + MUI entry point)
    untracked  frontend/node_modules from `npm ci` of that lock (not git-ignored: as users
                 have it), and the __pycache__ folders of `python -m compileall webapp
                 django/utils`

Every file and folder gets the mtime 2025-01-01 UTC and the commit fixed dates, so two builds
differ only in inode numbers; the index is refreshed after that, as a clone leaves it. DEST.built
(beside the tree) is written last, with the recipe and a census; a tree whose marker holds the
same recipe is reused as it is.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _build as b

DJANGO = "5.1.4"
DATA_MODULE_QUESTIONS = 16_500  # ~3.0 MB, shaped like the seed's mock_api.py
LOCK_DIR = os.path.join(b.BENCH, "webapp")  # package.json + package-lock.json (committed)
MKMOCKAPI_CANDIDATES = (
    os.environ.get("TIDY_MKMOCKAPI", ""),
    str(Path(b.BENCH).resolve().parents[1] / "shared" / "bench" / "mkmockapi.py"),
    "/work/shared/bench/mkmockapi.py",
)
# static/vendor/<dest> <- node_modules/<source>; used = a template loads it
VENDORED = (
    ("bootstrap-5.3.3", "bootstrap/dist", True),
    ("jquery", "jquery/dist", True),
    ("htmx", "htmx.org/dist", True),
    ("chart.js", "chart.js/dist", True),
    ("d3", "d3/dist", False),
    ("alpinejs", "alpinejs/dist", False),
    ("leaflet-1.9.4", "leaflet/dist", False),
    ("popper", "@popperjs/core/dist", False),
    ("react", "react/umd", False),
    ("react-dom", "react-dom/umd", False),
)
_LICENSE = re.compile(r"^licen[cs]e(?:\.\w+)?$", re.IGNORECASE)
# 2: the index refreshed after the last freeze_times (1 left every entry stale: a cold scan
# hashed all 7,143 tracked files, which a clone's scan takes from the index)
RECIPE_VERSION = 2

APP_FILES = {
    "webapp/__init__.py": "",
    "webapp/settings.py": '''\
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = "bench-only-not-a-secret"
DEBUG = True
ALLOWED_HOSTS: list[str] = []
INSTALLED_APPS = ["django.contrib.staticfiles", "webapp"]
ROOT_URLCONF = "webapp.urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [BASE_DIR / "templates"],
    "APP_DIRS": True,
}]
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static", BASE_DIR / "frontend" / "dist"]
''',
    "webapp/urls.py": '''\
from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="index"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("api/questions/<int:qid>/", views.question, name="question"),
]
''',
    "webapp/views.py": '''\
from django.http import JsonResponse
from django.shortcuts import render

from . import mock_api


def index(request):
    return render(request, "index.html", {"questions": mock_api.QUESTIONS[:20]})


def dashboard(request):
    subjects = {}
    for question in mock_api.QUESTIONS:
        subjects[question["subject"]] = subjects.get(question["subject"], 0) + 1
    return render(request, "dashboard.html", {"subjects": subjects})


def question(request, qid):
    return JsonResponse(mock_api.get_question(qid))
''',
    "manage.py": '''\
#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "webapp.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
''',
    "templates/base.html": '''\
{% load static %}<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{% block title %}Questions{% endblock %}</title>
  <link rel="stylesheet" href="{% static 'vendor/bootstrap-5.3.3/css/bootstrap.min.css' %}">
  <script src="{% static 'vendor/jquery/jquery.min.js' %}"></script>
  <script src="{% static 'vendor/htmx/htmx.min.js' %}"></script>
</head>
<body>
  <main class="container">{% block content %}{% endblock %}</main>
  <div id="root"></div>
  <script src="{% static 'vendor/bootstrap-5.3.3/js/bootstrap.bundle.min.js' %}"></script>
  <script type="module" src="{% static 'assets/main.js' %}"></script>
</body>
</html>
''',
    "templates/index.html": '''\
{% extends "base.html" %}
{% block content %}
<ul class="list-group">
  {% for q in questions %}
  <li class="list-group-item" hx-get="/api/questions/{{ q.id }}/">{{ q.text }}</li>
  {% endfor %}
</ul>
{% endblock %}
''',
    "templates/dashboard.html": '''\
{% extends "base.html" %}
{% load static %}
{% block content %}
<canvas id="subjects"></canvas>
<script src="{% static 'vendor/chart.js/chart.umd.js' %}"></script>
<script>
  new Chart(document.getElementById("subjects"), {
    type: "bar",
    data: {labels: {{ subjects.keys|safe }}, datasets: [{data: {{ subjects.values|safe }}}]},
  });
</script>
{% endblock %}
''',
    "frontend/index.html": '''\
<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><title>webapp</title></head>
  <body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body>
</html>
''',
    "frontend/vite.config.ts": '''\
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", manifest: true },
});
''',
    "frontend/tsconfig.json": '''\
{
  "compilerOptions": {
    "target": "ES2020", "module": "ESNext", "moduleResolution": "bundler",
    "jsx": "react-jsx", "strict": true, "skipLibCheck": true, "noEmit": true
  },
  "include": ["src"]
}
''',
    "frontend/eslint.config.js": '''\
import reactHooks from "eslint-plugin-react-hooks";

export default [
  { ignores: ["dist"] },
  { files: ["**/*.{ts,tsx}"], plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules },
];
''',
    "frontend/src/main.tsx": '''\
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import App from "./App";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
''',
    "frontend/src/App.tsx": '''\
import { useState } from "react";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import debounce from "lodash/debounce";

export default function App() {
  const [count, setCount] = useState(0);
  const bump = debounce(() => setCount((c) => c + 1), 200);
  return (
    <Stack direction="row" spacing={2}>
      <Button variant="contained" onClick={bump}>clicked {count} times</Button>
    </Stack>
  );
}
''',
}


def recipe() -> dict[str, object]:
    with open(os.path.join(LOCK_DIR, "package-lock.json"), "rb") as f:
        lock = f.read()
    return {
        "version": RECIPE_VERSION,
        "django": DJANGO,
        "data_module_questions": DATA_MODULE_QUESTIONS,
        "lock_sha256": hashlib.sha256(lock).hexdigest(),
        "vendored": [list(v) for v in VENDORED],
    }


def mkmockapi() -> str:
    for candidate in MKMOCKAPI_CANDIDATES:
        if candidate and os.path.isfile(candidate):
            return candidate
    raise SystemExit("mkwebapp: mkmockapi.py not found; set TIDY_MKMOCKAPI to its path")


def unpack_sdist(archive: str, dest: str) -> None:
    """The sdist's files straight into dest (its top folder stripped)."""
    with tarfile.open(archive) as tar:
        members = []
        for member in tar.getmembers():
            _top, _, rest = member.name.partition("/")
            if not rest:
                continue
            member.name = rest
            members.append(member)
        tar.extractall(dest, members=members, filter="data")


def write_app(dest: str) -> None:
    for rel, text in APP_FILES.items():
        path = os.path.join(dest, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(os.path.join(LOCK_DIR, name), os.path.join(dest, "frontend", name))


def npm_ci(frontend: str) -> None:
    cache = os.path.join(b.OUT, "npm-cache")
    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error",
         "--cache", cache],
        cwd=frontend, check=True,
    )


def vendor(dest: str) -> None:
    modules = os.path.join(dest, "frontend", "node_modules")
    for name, source, _used in VENDORED:
        target = os.path.join(dest, "static", "vendor", name)
        shutil.copytree(os.path.join(modules, source), target, symlinks=True)
        package = os.path.join(modules, *source.split("/")[: 2 if source.startswith("@") else 1])
        for entry in os.listdir(package):
            if _LICENSE.match(entry):
                shutil.copyfile(os.path.join(package, entry), os.path.join(target, entry))


def data_module(dest: str) -> None:
    subprocess.run([sys.executable, mkmockapi(), os.path.join(dest, "webapp", "mock_api.py"),
                    str(DATA_MODULE_QUESTIONS)], check=True)


def byte_compile(dest: str) -> None:
    """Real __pycache__ folders, as running the app leaves them (untracked)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", "webapp", "django/utils"],
                   cwd=dest, check=True, stdout=subprocess.DEVNULL)


def build(dest: str) -> dict[str, object]:
    started = time.monotonic()
    sdist = b.pip_download(f"django=={DJANGO}", sdist=True)
    b.start_build(dest)
    unpack_sdist(sdist, dest)
    write_app(dest)
    npm_ci(os.path.join(dest, "frontend"))
    vendor(dest)
    data_module(dest)
    b.freeze_times(dest)
    b.commit_all(dest, f"web app on Django {DJANGO}", leave_out=["frontend/node_modules"])
    byte_compile(dest)
    b.freeze_times(dest)
    b.refresh_indexes(dest)  # last: the index as a clone's (every entry's stat its file's)
    summary = {
        "dest": dest,
        "tracked_files": b.tracked_count(dest),
        **b.census(dest, ["django", "docs", "tests", "frontend/node_modules", "static/vendor",
                          "webapp", "webapp/mock_api.py"]),
        "pycache_dirs": sorted(os.path.relpath(here, dest) for here, dirs, _ in os.walk(dest)
                               if os.path.basename(here) == "__pycache__"
                               and "node_modules" not in here),
        "build_s": round(time.monotonic() - started, 1),
    }
    return summary


def ensure(dest: str, force: bool = False) -> dict[str, object]:
    """The tree at dest, built unless a complete one from the same recipe is there."""
    wanted = recipe()
    if not force and b.is_built(dest, wanted):
        return b.read_built(dest)
    print(f"mkwebapp: building {dest} ...", file=sys.stderr, flush=True)
    summary = build(dest)
    b.finish_build(dest, wanted, summary)
    return b.read_built(dest)


def default_dest_root() -> str:
    """$TIDY_BENCH_DIR (default /tmp/tidy-bench), where every benchmark tree lives."""
    import _harness as h

    return h.bench_dir()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", nargs="?", help="default: $TIDY_BENCH_DIR/webapp")
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    args = parser.parse_args(argv)
    dest = os.path.abspath(args.dest) if args.dest else os.path.join(default_dest_root(), "webapp")
    print(json.dumps(ensure(dest, args.force), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
