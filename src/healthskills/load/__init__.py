"""Stage 1, load: read every file of a project once, into typed models with positions.

This and `write` are the only stages that read the project's files (`translations update`
and `new` also write sources, on request). Loading never stops at the first bad file: it
gathers what it can and returns every problem, so `check` can report them all.

- `yamlio`: strict, safe YAML that remembers where every key and value came from;
- `po`: gettext PO files;
- `content`: lessons, guides, glossary, topics and pictures;
- `docs`: the hand-written pages, with their front matter;
- `languages` and `catalogues`: the site's languages and their PO files.

`settings.py` reads mkdocs.yml, with the same YAML loader.
"""
