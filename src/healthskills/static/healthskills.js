/* healthskills: optional extras, loaded with `defer`. Every page is complete without this
   file: it adds search (whose index is fetched only when the reader starts searching),
   offline reading through a service worker, "save for offline" buttons and a copy button
   for the embed code. It never reads
   cookies or storage, so it cannot throw where those are blocked. */
(function () {
  "use strict";
  var doc = document;
  var root = doc.documentElement;
  var script = doc.currentScript;
  root.className = root.className.replace(/\bno-js\b/, "js");

  function each(list, fn) {
    Array.prototype.forEach.call(list, fn);
  }

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

  /* ---- Search: this language's index, fetched on first use only. ---- */
  var form = doc.getElementById("hs-search");
  if (form && window.fetch && window.Promise) {
    var input = form.querySelector("input");
    var results = doc.getElementById("hs-results");
    var count = doc.getElementById("hs-results-count");
    var index = null;
    var loading = null;
    var timer = 0;
    form.hidden = false;

    var fold = function (text) {
      return text.normalize("NFD").replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, "").toLowerCase();
    };
    var load = function () {
      if (!loading) {
        loading = fetch(form.getAttribute("data-index"))
          .then(function (response) {
            if (!response.ok) throw new Error(response.status);
            return response.json();
          })
          .then(function (data) {
            index = data.docs.map(function (entry) {
              var text = entry.text.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
              var title = entry.title.replace(/<[^>]*>/g, "");
              return { location: entry.location, title: title, text: text, key: fold(title + " " + text), head: fold(title) };
            });
          })
          .catch(function () {
            loading = null;
          });
      }
      return loading;
    };
    var say = function (n) {
      var key = n === 0 ? "data-none" : n === 1 ? "data-one" : "data-other";
      return form.getAttribute(key).replace("#", String(n));
    };
    var show = function () {
      var words = fold(input.value).split(/[\s.,;:!?()"'«»،؛؟-]+/).filter(Boolean);
      results.textContent = "";
      if (!words.length || !index) {
        count.textContent = "";
        return;
      }
      var found = index
        .map(function (entry) {
          var score = 0;
          for (var i = 0; i < words.length; i++) {
            if (entry.key.indexOf(words[i]) < 0) return null;
            score += entry.head.indexOf(words[i]) >= 0 ? 10 : 1;
          }
          return { entry: entry, score: score + (entry.location.indexOf("#") < 0 ? 1 : 0) };
        })
        .filter(Boolean)
        .sort(function (a, b) {
          return b.score - a.score;
        });
      count.textContent = say(found.length);
      var list = doc.createElement("ul");
      var base = form.getAttribute("data-base");
      found.slice(0, 10).forEach(function (hit) {
        var item = doc.createElement("li");
        var link = doc.createElement("a");
        link.href = base + hit.entry.location;
        link.textContent = hit.entry.title;
        item.appendChild(link);
        if (hit.entry.text) {
          var at = Math.max(0, fold(hit.entry.text).indexOf(words[0]) - 60);
          var snippet = doc.createElement("p");
          snippet.textContent = (at ? "… " : "") + hit.entry.text.slice(at, at + 160) + "…";
          item.appendChild(snippet);
        }
        list.appendChild(item);
      });
      if (found.length) results.appendChild(list);
    };
    input.addEventListener("focus", load);
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        load().then(show);
      }, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        input.value = "";
        show();
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      load().then(function () {
        show();
        var first = results.querySelector("a");
        if (first) first.focus();
      });
    });
  }

  /* ---- "Show this page on your website": copy the code. ---- */
  each(doc.querySelectorAll(".hs-copy"), function (button) {
    var field = doc.getElementById(button.getAttribute("aria-controls"));
    var status = button.parentNode.querySelector("[role=status]");
    var copied = function () {
      status.textContent = button.getAttribute("data-copied");
    };
    var select = function () {
      field.focus();
      field.select();
      try {
        if (doc.execCommand("copy")) copied();
      } catch (error) {
        /* the code stays selected: the reader can copy it by hand */
      }
    };
    button.addEventListener("click", function () {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(field.value).then(copied, select);
      } else {
        select();
      }
    });
    button.hidden = false;
  });

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
})();
