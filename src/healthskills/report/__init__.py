"""Reports for the people who keep the content right: the content report (owners, review
dates, reading age, translation coverage) and the translation status, as terminal tables,
JSON for tools, and pages on the site."""
