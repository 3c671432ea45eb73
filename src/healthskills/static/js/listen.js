/* ---- Listen: the device's own voice reads the page part by part, highlighting the
   part being read. Only voices on the device (localService) are used, so the words are
   never sent to a speech service; without such a voice for the page's language the
   button stays hidden. ---- */
var listen = doc.querySelector(".hs-listen");
var speech = window.speechSynthesis;
if (listen && speech && window.SpeechSynthesisUtterance) {
  var container = listen.parentNode;
  var buttons = {};
  each(listen.querySelectorAll("[data-hs-speak]"), function (button) {
    buttons[button.getAttribute("data-hs-speak")] = button;
  });
  var voiceFor = function (lang) {
    var want = String(lang || "").toLowerCase();
    var found = null;
    each(speech.getVoices() || [], function (voice) {
      var have = String(voice.lang || "").toLowerCase().replace(/_/g, "-");
      if (!found && voice.localService && (have === want || have.indexOf(want + "-") === 0)) found = voice;
    });
    return found;
  };
  var offer = function () {
    if (voiceFor(root.lang)) listen.hidden = false;
  };
  offer();
  if (listen.hidden) {
    if (speech.addEventListener) speech.addEventListener("voiceschanged", offer);
    else speech.onvoiceschanged = offer;
  }
  var SKIP = ".hs-words, .hs-done, .hs-listen, .hs-visually-hidden, .hs-define-live, [aria-hidden=true], [hidden], script, style";
  var BLOCK = /^(P|LI|H[1-6]|DT|DD|DIV|UL|OL|DL|SECTION|FIGURE|FIGCAPTION|BLOCKQUOTE)$/;
  /* A part's words as utterances: one per block (a natural pause between them) and per
     language (an English stand-in on a translated page is read in English). */
  var utterances = function (part) {
    var out = [];
    var open = null;
    var close = function () {
      if (open && open.text.replace(/\s+/g, " ").trim()) {
        open.text = open.text.replace(/\s+/g, " ").trim();
        out.push(open);
      }
      open = null;
    };
    var walk = function (node, lang) {
      if (node.nodeType === 3) {
        if (!open || open.lang !== lang) {
          close();
          open = { part: part, lang: lang, text: "" };
        }
        open.text += node.nodeValue;
        return;
      }
      if (node.nodeType !== 1 || node.matches(SKIP)) return;
      var own = node.getAttribute("lang") || lang;
      var block = BLOCK.test(node.tagName);
      if (block) close();
      each(node.childNodes, function (child) {
        walk(child, own);
      });
      if (block) close();
    };
    var start = part.closest("[lang]");
    walk(part, start ? start.getAttribute("lang") : root.lang);
    close();
    return out;
  };
  var queue = [];
  var at = 0;
  var session = 0;
  var reading = null;
  var mark = function (part) {
    if (reading) reading.classList.remove("hs-reading");
    reading = part;
    if (part) {
      part.classList.add("hs-reading");
      if (part.scrollIntoView) part.scrollIntoView({ block: "nearest" });
    }
  };
  var state = function (now) {
    var focused = doc.activeElement && listen.contains(doc.activeElement);
    buttons.start.hidden = now !== "idle";
    buttons.pause.hidden = now !== "speaking";
    buttons.resume.hidden = now !== "paused";
    buttons.stop.hidden = now === "idle";
    listen.setAttribute("data-state", now);
    if (focused) (now === "idle" ? buttons.start : now === "paused" ? buttons.resume : buttons.pause).focus();
  };
  var stop = function () {
    session += 1;
    speech.cancel();
    mark(null);
    state("idle");
  };
  var next = function (token) {
    if (token !== session) return;
    while (at < queue.length && !voiceFor(queue[at].lang)) at += 1;
    if (at >= queue.length) {
      stop();
      return;
    }
    var item = queue[at];
    at += 1;
    mark(item.part);
    var utterance = new window.SpeechSynthesisUtterance(item.text);
    utterance.lang = item.lang;
    utterance.voice = voiceFor(item.lang);
    utterance.onend = function () {
      next(token);
    };
    utterance.onerror = utterance.onend;
    speech.speak(utterance);
  };
  buttons.start.addEventListener("click", function () {
    speech.cancel();
    session += 1;
    queue = [];
    each(container.querySelectorAll(".hs-say"), function (part) {
      if (part.getClientRects().length) queue = queue.concat(utterances(part));
    });
    at = 0;
    state("speaking");
    next(session);
  });
  buttons.pause.addEventListener("click", function () {
    speech.pause();
    state("paused");
  });
  buttons.resume.addEventListener("click", function () {
    speech.resume();
    state("speaking");
  });
  buttons.stop.addEventListener("click", stop);
  window.addEventListener("pagehide", function () {
    session += 1;
    speech.cancel();
  });
}
