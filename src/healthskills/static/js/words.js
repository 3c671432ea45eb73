/* ---- Hard words: explained in place, by tapping or pressing the word (no hover). The
   link still leads to the explanation where the script does not run. ---- */
var explained = 0;
each(doc.querySelectorAll(".md-typeset a.hs-term[href^='#']"), function (link) {
  var term = doc.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
  var meaning = term && term.nextElementSibling;
  if (!meaning || meaning.tagName !== "DD") return;
  var live = doc.createElement("span");
  live.className = "hs-define-live";
  live.setAttribute("role", "status");
  live.id = "hs-define-" + (explained += 1);
  link.parentNode.insertBefore(live, link.nextSibling);
  link.setAttribute("role", "button");
  link.setAttribute("aria-expanded", "false");
  link.setAttribute("aria-controls", live.id);
  var toggle = function (open) {
    link.setAttribute("aria-expanded", String(open));
    live.textContent = "";
    if (!open) return;
    var box = doc.createElement("span");
    box.className = "hs-define";
    var name = doc.createElement("strong");
    each(term.childNodes, function (node) {
      name.appendChild(node.cloneNode(true));
    });
    box.appendChild(name);
    box.appendChild(doc.createTextNode(": "));
    each(meaning.childNodes, function (node) {
      box.appendChild(node.cloneNode(true));
    });
    live.appendChild(box);
  };
  link.addEventListener("click", function (event) {
    event.preventDefault();
    toggle(link.getAttribute("aria-expanded") !== "true");
  });
  link.addEventListener("keydown", function (event) {
    if (event.key === " ") {
      event.preventDefault();
      toggle(link.getAttribute("aria-expanded") !== "true");
    } else if (event.key === "Escape") {
      toggle(false);
    }
  });
});
