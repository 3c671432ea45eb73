"""Stage 4, render: localised content → finished page bodies, as pure functions.

A `PageSource` is what any engine needs: a path, a title, a description and a body of
finished, sanitised HTML. The engine wraps the body in the site's chrome; nothing here knows
which engine that is, so it can be replaced without touching content logic.

- `context`: the templates, and what a page is rendered with (`PageContext`);
- `lessons`, `guides`, `indexes`, `editors`: one module per family of pages;
- `nations`: which UK nation a page is for;
- `search`: each language's search index, in our own format;
- `embeds` and `embed_code`: the views other websites frame, and the code to copy;
- `documents` and `printing`: the documents champions print, and their page rules;
- `site`: every page of one language.
"""
