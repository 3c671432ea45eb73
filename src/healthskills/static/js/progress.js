/* ---- Progress: steps ticked off, per lesson, in this browser only. ---- */
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

/* ---- "My lessons": sort the list by this browser's progress; forget it all. ---- */
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
      /* nothing could be stored here in the first place */
    }
    var cleared = null;
    try {
      /* Pages kept for offline reading also show what was read: remove them too. */
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
