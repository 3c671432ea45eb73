"""Stage 3, localise: each language's view of the content, from its PO catalogues.

- `extract`: what there is to translate, per PO file, keyed by the authors' stable ids;
- `walker`: the one walk over the models that both extraction and localisation use;
- `translations`: a language's translated strings, ready to look up;
- `content`: translated models, with English stand-ins where a translation is missing;
- `docs`: hand-written pages, block by block;
- `status`: how much of each language is translated;
- `update`: merging new English into the PO files (`healthskills translations update`).
"""
