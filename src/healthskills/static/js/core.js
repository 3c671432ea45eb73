/* Shared by every feature: the document, a safe loop, and storage that never throws
   (null where the browser blocks it), under keys starting "healthskills:". */
var doc = document;
var root = doc.documentElement;
var script = doc.currentScript;
root.className = root.className.replace(/\bno-js\b/, "js");

function each(list, fn) {
  Array.prototype.forEach.call(list, fn);
}

/* ---- Remembering, in this browser only. `store` is null where storage is blocked. ---- */
var PROGRESS = "healthskills:progress";
var DISPLAY = "healthskills:display";
var FORGOTTEN = "healthskills:forgotten";
/* Sent on the document element when the reader forgets everything this site kept. */
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
    /* full or blocked: the page goes on working, it just will not remember */
  }
};
var fill = function (template, values) {
  return template.replace(/\{(\w+)\}/g, function (all, name) {
    return name in values ? String(values[name]) : all;
  });
};
