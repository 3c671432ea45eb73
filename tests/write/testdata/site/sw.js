/* healthskills service worker: lessons the reader opened (or saved for offline) stay
   readable without a connection.

   - Pages: network first, so a reader online always gets the current page. Without a
     connection (or after 10 s with no answer, where a copy exists) the saved copy is
     served, marked with the date it was saved; the page then shows a notice saying so,
     with a "Try again" button. A saved copy is never shown silently.
   - Files with a content hash in their name (pictures, script, print styles) never change,
     so they come from the cache once they are in it.
   - Nothing is fetched ahead unless the reader asks ("save for offline"); the first page is
     kept from what the browser already downloaded (`cache: "force-cache"`). */
"use strict";
/* Names the page script and the service worker (sw.js) must agree on: the build puts this
   file at the top of both. */
var PAGES_CACHE = "hs-pages";
var FILES_CACHE = "hs-files";
var HASHED = /\.[0-9a-f]{10}\.[a-z0-9]+$/;
var PATIENCE = 10000;

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

function key(url) {
  var parsed = new URL(url, self.location.href);
  parsed.hash = "";
  parsed.search = "";
  return parsed.href;
}

/* Stores a response with the time it was saved, for the "saved copy" notice. */
function stamped(response) {
  var headers = new Headers(response.headers);
  headers.set("x-hs-saved", new Date().toISOString());
  return response.blob().then(function (body) {
    return new Response(body, { status: response.status, statusText: response.statusText, headers: headers });
  });
}

/* A saved copy, marked so the page tells the reader it may be out of date. */
function savedCopy(cached) {
  var when = (cached.headers.get("x-hs-saved") || "").replace(/[^0-9TZ:.-]/g, "");
  return cached.text().then(function (html) {
    return new Response(html.replace("<html ", '<html data-hs-saved="' + when + '" '), {
      headers: { "content-type": "text/html; charset=utf-8" }
    });
  });
}

/* Keeps a page, stamped, under its address without query or fragment. */
function savePage(url, response) {
  return stamped(response).then(function (kept) {
    return caches.open(PAGES_CACHE).then(function (cache) {
      return cache.put(key(url), kept);
    });
  });
}

function isPage(response) {
  return response.ok && (response.headers.get("content-type") || "").indexOf("text/html") === 0;
}

function page(event) {
  var request = event.request;
  var url = key(request.url);
  var saving = null;
  var network = fetch(request).then(function (response) {
    if (isPage(response)) saving = savePage(url, response.clone());
    return response;
  });
  /* Called now, while the event is live: the copy is saved even if the page was answered
     from the cache because the network was slow. */
  event.waitUntil(
    network
      .then(function () {
        return saving;
      })
      .catch(function () {})
  );
  return caches
    .open(PAGES_CACHE)
    .then(function (cache) {
      return cache.match(url);
    })
    .then(function (cached) {
      if (!cached) return network;
      var late = new Promise(function (resolve) {
        setTimeout(resolve, PATIENCE, null);
      });
      return Promise.race([network.catch(function () { return null; }), late]).then(function (response) {
        return response || savedCopy(cached);
      });
    });
}

function file(request) {
  return caches.open(FILES_CACHE).then(function (cache) {
    return cache.match(request.url).then(function (hit) {
      return (
        hit ||
        fetch(request).then(function (response) {
          if (response.ok) cache.put(request.url, response.clone());
          return response;
        })
      );
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(page(event));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(file(request));
  }
});

/* Keep a list of URLs: {keep: [...], fresh: bool}; answers {ok} on the message port. */
function keep(url, fresh) {
  var parsed = new URL(url, self.location.href);
  if (parsed.origin !== self.location.origin || parsed.pathname.indexOf("/search/") >= 0) {
    return Promise.resolve();
  }
  var hashed = HASHED.test(parsed.pathname);
  var target = hashed ? parsed.href : key(parsed.href);
  return caches.open(hashed ? FILES_CACHE : PAGES_CACHE).then(function (cache) {
    return cache.match(target).then(function (hit) {
      if (hit && (hashed || !fresh)) return;
      return fetch(target, { cache: fresh && !hashed ? "no-cache" : "force-cache" }).then(function (response) {
        if (!response.ok) throw new Error(target + " " + response.status);
        if (hashed) return cache.put(target, response);
        if (isPage(response)) return savePage(target, response);
      });
    });
  });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  var port = event.ports && event.ports[0];
  if (!Array.isArray(data.keep)) return;
  var done = Promise.all(
    data.keep.map(function (url) {
      return keep(String(url), Boolean(data.fresh));
    })
  ).then(
    function () {
      return true;
    },
    function () {
      return false;
    }
  );
  event.waitUntil(
    done.then(function (ok) {
      if (port) port.postMessage({ ok: ok });
    })
  );
});
