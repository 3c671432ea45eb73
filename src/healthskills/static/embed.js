/* healthskills embed view: inlined into each embed page, which other websites show in an
   iframe (often sandboxed, on another origin). It never touches storage, cookies or the
   service worker, which throw in such frames. It applies the host's allowed choices of
   accent colour and text size (anything else is ignored), and tells the host page the
   content's height so the iframe can fit it. */
(function () {
  "use strict";
  var root = document.documentElement;
  var allowed = { accent: /^(blue|dark-blue|green|purple|pink|black)$/, size: /^(large|larger)$/ };
  var query = location.search.slice(1).split("&");
  for (var i = 0; i < query.length; i++) {
    var pair = query[i].split("=");
    var key = pair[0];
    var value = decodeURIComponent(pair[1] || "");
    if (Object.prototype.hasOwnProperty.call(allowed, key) && allowed[key].test(value)) {
      root.setAttribute("data-" + key, value);
    }
  }
  if (window.parent === window) return;
  var content = document.getElementById("hs-embed");
  var last = 0;
  function send() {
    var height = Math.ceil(content.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "healthskills:height", height: height }, "*");
    }
  }
  if (window.ResizeObserver) new ResizeObserver(send).observe(content);
  window.addEventListener("resize", send);
  window.addEventListener("load", send);
  send();
})();
