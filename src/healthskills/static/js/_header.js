/* healthskills: optional extras, loaded with `defer`. Every page is complete without this
   file: it adds search (whose index is fetched only when the reader starts searching),
   quiz feedback, progress, "Listen", word explanations in place, text size and contrast,
   offline reading through a service worker, "save for offline" buttons and a copy button
   for the embed code.
   What it remembers (progress, text size and contrast) stays in this browser's
   localStorage under keys starting "healthskills:"; nothing is sent anywhere, there are no
   cookies, and every storage access is guarded, so blocked storage only means nothing is
   remembered. */
