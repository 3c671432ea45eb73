(function () {
"use strict";
var PAGES_CACHE = "hs-pages";
var FILES_CACHE = "hs-files";
var doc = document;
var root = doc.documentElement;
var script = doc.currentScript;
root.className = root.className.replace(/\bno-js\b/, "js");
function each(list, fn) {
Array.prototype.forEach.call(list, fn);
}
var PROGRESS = "healthskills:progress";
var DISPLAY = "healthskills:display";
var FORGOTTEN = "healthskills:forgotten";
var store = (function () {
try {
var storage = window.localStorage;
storage.setItem("healthskills:probe", "1");
storage.removeItem("healthskills:probe");
return storage;
} catch (error) {
return null;
}
})();
var readStore = function (key) {
try {
var value = store && JSON.parse(store.getItem(key));
return value && typeof value === "object" && !Array.isArray(value) ? value : {};
} catch (error) {
return {};
}
};
var writeStore = function (key, value) {
try {
if (store) store.setItem(key, JSON.stringify(value));
} catch (error) {
}
};
var fill = function (template, values) {
return template.replace(/\{(\w+)\}/g, function (all, name) {
return name in values ? String(values[name]) : all;
});
};
(function () {
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
})();
(function () {
var display = doc.getElementById("hs-display");
var applyDisplay = function (chosen) {
if (chosen.size === "large" || chosen.size === "larger") root.setAttribute("data-hs-size", chosen.size);
else root.removeAttribute("data-hs-size");
if (chosen.contrast === "more" || chosen.contrast === "normal") root.setAttribute("data-hs-contrast", chosen.contrast);
else root.removeAttribute("data-hs-contrast");
};
if (display) {
var sizes = display.querySelectorAll("input[name=hs-size]");
var contrast = display.querySelector("input[name=hs-contrast]");
var systemContrast = window.matchMedia ? window.matchMedia("(prefers-contrast: more)") : null;
var showDisplay = function () {
var chosen = readStore(DISPLAY);
applyDisplay(chosen);
each(sizes, function (box) {
box.checked = box.value === (chosen.size || "normal");
});
contrast.checked = chosen.contrast ? chosen.contrast === "more" : Boolean(systemContrast && systemContrast.matches);
};
var choose = function (name, value) {
var chosen = readStore(DISPLAY);
chosen[name] = value;
applyDisplay(chosen);
writeStore(DISPLAY, chosen);
};
each(sizes, function (box) {
box.addEventListener("change", function () {
choose("size", box.value);
});
});
contrast.addEventListener("change", function () {
choose("contrast", contrast.checked ? "more" : "normal");
});
if (systemContrast && systemContrast.addEventListener) systemContrast.addEventListener("change", showDisplay);
showDisplay();
root.addEventListener(FORGOTTEN, showDisplay);
display.hidden = false;
}
})();
(function () {
each(doc.querySelectorAll(".hs-quiz"), function (quiz) {
var questions = quiz.querySelectorAll(".hs-question");
var result = quiz.querySelector(".hs-quiz-result");
var tally = function () {
var answered = 0;
var right = 0;
each(questions, function (question) {
var first = question.getAttribute("data-first");
if (first) answered += 1;
if (first === "right") right += 1;
});
if (answered === questions.length) result.textContent = fill(quiz.getAttribute("data-done"), { right: right, total: answered });
};
each(questions, function (question) {
var options = question.querySelectorAll("details.hs-option");
var said = doc.createElement("p");
said.className = "hs-visually-hidden";
said.setAttribute("role", "status");
var again = doc.createElement("button");
again.type = "button";
again.className = "hs-button hs-quiet hs-again";
again.textContent = quiz.getAttribute("data-try-again");
again.hidden = true;
question.appendChild(said);
question.appendChild(again);
each(options, function (option) {
option.addEventListener("toggle", function () {
if (!option.open) return;
each(options, function (other) {
if (other !== option) other.open = false;
});
var right = option.getAttribute("data-correct") === "true";
question.setAttribute("data-answer", right ? "right" : "wrong");
said.textContent = option.querySelector(".hs-feedback").textContent.replace(/\s+/g, " ").trim();
again.hidden = false;
if (!question.getAttribute("data-first")) {
question.setAttribute("data-first", right ? "right" : "wrong");
tally();
}
});
});
again.addEventListener("click", function () {
each(options, function (option) {
option.open = false;
});
question.removeAttribute("data-answer");
said.textContent = "";
again.hidden = true;
options[0].querySelector("summary").focus();
});
});
});
})();
(function () {
var readProgress = function (id, steps) {
var list = readStore(PROGRESS)[id];
return Array.isArray(list)
? list.filter(function (step) {
return steps.indexOf(step) >= 0;
})
: [];
};
var lesson = doc.querySelector(".hs-lesson[data-hs-lesson]");
if (lesson && store) {
var lessonId = lesson.getAttribute("data-hs-lesson");
var stepBoxes = lesson.querySelectorAll("input[data-hs-step]");
var finished = lesson.querySelector("input[data-hs-finished]");
var count = lesson.querySelector(".hs-progress-count");
var stepIds = Array.prototype.map.call(stepBoxes, function (box) {
return box.getAttribute("data-hs-step");
});
var showProgress = function () {
var done = readProgress(lessonId, stepIds);
each(stepBoxes, function (box) {
box.checked = done.indexOf(box.getAttribute("data-hs-step")) >= 0;
});
finished.checked = done.length === stepIds.length;
count.textContent = fill(count.getAttribute("data-template"), { done: done.length, total: stepIds.length });
};
var record = function (done) {
var all = readStore(PROGRESS);
if (done.length) all[lessonId] = done;
else delete all[lessonId];
writeStore(PROGRESS, all);
showProgress();
};
each(stepBoxes, function (box) {
box.addEventListener("change", function () {
record(stepIds.filter(function (id, i) {
return stepBoxes[i].checked;
}));
});
});
finished.addEventListener("change", function () {
record(finished.checked ? stepIds.slice() : []);
});
showProgress();
each(lesson.querySelectorAll(".hs-done, .hs-progress"), function (box) {
box.hidden = false;
});
}
var mine = doc.querySelector("[data-hs-my-lessons]");
if (mine) {
mine.querySelector(".hs-no-js").hidden = true;
var groups = {};
each(mine.querySelectorAll("[data-hs-group]"), function (group) {
groups[group.getAttribute("data-hs-group")] = group;
});
var items = Array.prototype.slice.call(mine.querySelectorAll("li[data-hs-lesson]"));
var rest = groups["not-started"].querySelector("h2");
var nothing = mine.querySelector(".hs-nothing");
var sortLessons = function () {
var counts = { started: 0, finished: 0, "not-started": 0 };
items.forEach(function (item) {
var steps = item.getAttribute("data-hs-steps").split(" ");
var done = readProgress(item.getAttribute("data-hs-lesson"), steps);
var status = item.querySelector(".hs-status");
var group = !done.length ? "not-started" : done.length === steps.length ? "finished" : "started";
counts[group] += 1;
status.textContent = group === "started" ? fill(status.getAttribute("data-template"), { done: done.length, total: steps.length }) : "";
groups[group].querySelector("ul").appendChild(item);
});
groups.started.hidden = !counts.started;
groups.finished.hidden = !counts.finished;
groups["not-started"].hidden = !counts["not-started"];
nothing.hidden = counts.started + counts.finished > 0;
rest.textContent = rest.getAttribute(counts.started + counts.finished ? "data-js-text" : "data-text");
};
rest.setAttribute("data-text", rest.textContent);
if (store) sortLessons();
else mine.querySelector(".hs-storage-blocked").hidden = false;
var forget = mine.querySelector(".hs-forget");
var ask = forget.querySelector("[data-hs-forget]");
var confirm = forget.querySelector(".hs-confirm");
var forgotten = forget.querySelector("[role=status]");
ask.addEventListener("click", function () {
forgotten.textContent = "";
confirm.hidden = false;
confirm.querySelector("p").focus();
});
forget.querySelector("[data-hs-forget-no]").addEventListener("click", function () {
confirm.hidden = true;
ask.focus();
});
forget.querySelector("[data-hs-forget-yes]").addEventListener("click", function () {
try {
for (var i = store ? store.length - 1 : -1; i >= 0; i--) {
var key = store.key(i);
if (key && key.indexOf("healthskills:") === 0) store.removeItem(key);
}
} catch (error) {
}
var cleared = null;
try {
if (window.caches && window.Promise) cleared = Promise.all([caches.delete(PAGES_CACHE), caches.delete(FILES_CACHE)]);
} catch (error) {
cleared = null;
}
var done = function () {
confirm.hidden = true;
root.dispatchEvent(new Event(FORGOTTEN));
if (store) sortLessons();
forgotten.textContent = forgotten.getAttribute("data-text");
ask.focus();
};
if (cleared) cleared.then(done, done);
else done();
});
forget.hidden = false;
}
})();
(function () {
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
})();
(function () {
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
})();
(function () {
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
})();
(function () {
var placeLists = doc.querySelectorAll(".hs-places");
var ukClock = function () {
var parts = {};
try {
each(new Intl.DateTimeFormat("en-GB", {
timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit",
weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23"
}).formatToParts(new Date()), function (part) {
parts[part.type] = part.value;
});
} catch (error) {
return null;
}
var days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
return {
date: parts.year + "-" + parts.month + "-" + parts.day,
day: days.indexOf(parts.weekday),
minute: Number(parts.hour) * 60 + Number(parts.minute)
};
};
var rangesOf = function (text) {
var out = [];
each(text ? text.split(",") : [], function (range) {
var ends = range.split("-");
out.push([Number(ends[0]), Number(ends[1])]);
});
return out;
};
var clockTime = function (minute, locale, hour) {
var date = new Date(Date.UTC(2000, 0, 1, Math.floor(minute / 60) % 24, minute % 60));
try {
return new Intl.DateTimeFormat(locale || root.lang, { hour: hour || "2-digit", minute: "2-digit", timeZone: "UTC" }).format(date);
} catch (error) {
return String(Math.floor(minute / 60) % 24).replace(/^(\d)$/, "0$1") + ":" + String(minute % 60).replace(/^(\d)$/, "0$1");
}
};
var openState = function (data, now) {
if (!data) return null;
if (data === "A") return { open: true };
var halves = data.split("#");
var week = halves[0].split("|");
var today = week[now.day];
each(halves[1] ? halves[1].split(";") : [], function (item) {
var at = item.indexOf(":");
if (item.slice(0, at) === now.date) today = item.slice(at + 1);
});
var state = { open: false };
each(rangesOf(today), function (range) {
if (now.minute >= range[0] && now.minute < range[1]) state = { open: true, until: range[1] };
});
return state;
};
var showOpenNow = function () {
var now = ukClock();
if (!now || now.day < 0) return;
each(placeLists, function (list) {
each(list.querySelectorAll(".hs-place"), function (place) {
var line = place.querySelector(".hs-open-now");
var state = line && openState(place.getAttribute("data-hours"), now);
if (!state) return;
line.textContent = !state.open
? list.getAttribute("data-closed")
: state.until !== undefined && state.until < 1440
? fill(list.getAttribute("data-open-until"), { time: clockTime(state.until, list.getAttribute("data-locale"), list.getAttribute("data-hour")) })
: list.getAttribute("data-open");
line.className = "hs-open-now " + (state.open ? "hs-is-open" : "hs-is-closed");
line.hidden = false;
});
});
};
if (placeLists.length) {
showOpenNow();
setInterval(function () {
if (!doc.hidden) showOpenNow();
}, 60000);
}
each(doc.querySelectorAll("form.hs-filter"), function (form) {
var list = doc.querySelector("ul.hs-places");
var status = form.querySelector(".hs-filter-status");
if (!list || !status) return;
var places = list.querySelectorAll(".hs-place");
var apply = function () {
var offers = [];
var langs = [];
each(form.querySelectorAll("input:checked"), function (box) {
(box.name === "lang" ? langs : offers).push(box.value);
});
var shown = 0;
each(places, function (place) {
var has = (place.getAttribute("data-offers") || "").split(" ");
var speaks = (place.getAttribute("data-langs") || "").split(" ");
var match = offers.every(function (offer) {
return has.indexOf(offer) !== -1;
}) && (!langs.length || langs.some(function (lang) {
return speaks.indexOf(lang) !== -1;
}));
place.hidden = !match;
if (match) shown += 1;
});
status.textContent = !offers.length && !langs.length
? ""
: shown
? fill(status.getAttribute("data-showing"), { shown: shown, total: places.length })
: status.getAttribute("data-none");
};
form.addEventListener("change", apply);
form.addEventListener("submit", function (event) {
event.preventDefault();
});
form.hidden = false;
apply();
});
})();
(function () {
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
var worker = script && script.getAttribute("data-sw");
var loadedThroughWorker;
try {
if (!worker || !("serviceWorker" in navigator) || !window.caches || !window.MessageChannel) return;
loadedThroughWorker = Boolean(navigator.serviceWorker.controller);
} catch (error) {
return;
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
return;
}
registered
.then(function () {
return navigator.serviceWorker.ready;
})
.then(function (registration) {
var active = registration.active;
if (!active) return;
if (!loadedThroughWorker) {
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
})();
