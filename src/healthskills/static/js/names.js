/* Names the page script and the service worker (sw.js) must agree on: the build puts this
   file at the top of both. */
var PAGES_CACHE = "hs-pages";
var FILES_CACHE = "hs-files";
