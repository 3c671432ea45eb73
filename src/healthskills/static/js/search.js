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
          /* Our own index (render/search.py): plain text, an entry per page part. */
          index = data.entries.map(function (entry) {
            return { url: entry.url, title: entry.title, text: entry.text, key: fold(entry.title + " " + entry.text), head: fold(entry.title) };
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
        return { entry: entry, score: score + (entry.url.indexOf("#") < 0 ? 1 : 0) };
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
      link.href = base + hit.entry.url;
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
