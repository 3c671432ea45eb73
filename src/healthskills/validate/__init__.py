"""Stage 2, validate: every rule a project must pass, by family. All problems at once.

- `content`: ids, references, dates, nations, quizzes and the Markdown subset;
- `easy_read`: short sentences, hard words in the word list, printed length;
- `pictures`: safe SVG, and alt text that says something;
- `plain_language` (with its measures in `readability`): reading age, passive voice,
  jargon, capitals, abbreviations, official sources;
- `translations`: what any language's translation must keep and how it reads;
- `project`: the settings, menu and hand-written pages against everything else;
- `online`: whether sources still answer (`check --online` only).
"""
