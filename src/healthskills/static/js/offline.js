/* ---- A copy saved for offline reading: say so, with its date, and offer a refresh. ---- */
var saved = root.getAttribute("data-hs-saved");
var notice = doc.getElementById("hs-offline");
if (saved && notice) {
  var when = new Date(saved);
  var date = isNaN(when) ? saved : when.toLocaleDateString(root.lang, { day: "numeric", month: "long", year: "numeric" });
  notice.querySelector("p").textContent = notice.getAttribute("data-text").replace("{date}", date);
  notice.querySelector("button").addEventListener("click", function () {
    location.reload();
  });
  notice.hidden = false;
}

/* ---- Offline: a service worker keeps the pages the reader opens. ---- */
var worker = script && script.getAttribute("data-sw");
var loadedThroughWorker;
try {
  if (!worker || !("serviceWorker" in navigator) || !window.caches || !window.MessageChannel) return;
  /* Read now: the worker may take control (clients.claim) before it reports ready. */
  loadedThroughWorker = Boolean(navigator.serviceWorker.controller);
} catch (error) {
  return; /* a sandboxed page (no origin of its own): no worker, no cache storage */
}

var send = function (active, message) {
  return new Promise(function (resolve) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function (event) {
      resolve(Boolean(event.data && event.data.ok));
    };
    active.postMessage(message, [channel.port2]);
    setTimeout(resolve, 300000, false);
  });
};
var ownFiles = function () {
  var urls = [];
  each(doc.querySelectorAll("script[src], link[rel=stylesheet][href]"), function (el) {
    urls.push(el.src || el.href);
  });
  return urls;
};

window.addEventListener("load", function () {
  var registered;
  try {
    registered = navigator.serviceWorker.register(worker);
  } catch (error) {
    return; /* a sandboxed frame, for example */
  }
  registered
    .then(function () {
      return navigator.serviceWorker.ready;
    })
    .then(function (registration) {
      var active = registration.active;
      if (!active) return;
      if (!loadedThroughWorker) {
        /* The first page was loaded before the worker existed: keep it and what it used. */
        var used = [location.href];
        each(performance.getEntriesByType("resource"), function (entry) {
          used.push(entry.name);
        });
        send(active, { keep: used, fresh: false });
      }
      each(doc.querySelectorAll("button[data-hs-save]"), function (button) {
        var box = button.parentNode;
        var status = box.querySelector("[role=status]");
        box.hidden = false;
        button.addEventListener("click", function () {
          if (button.getAttribute("aria-disabled") === "true") return;
          button.setAttribute("aria-disabled", "true");
          status.textContent = button.getAttribute("data-saving");
          var urls = button.getAttribute("data-hs-save").split(" ").map(function (url) {
            return new URL(url, location.href).href;
          });
          send(active, { keep: urls.concat(ownFiles()), fresh: true }).then(function (ok) {
            status.textContent = button.getAttribute(ok ? "data-saved" : "data-failed");
            button.removeAttribute("aria-disabled");
          });
        });
      });
    })
    .catch(function () {});
});
