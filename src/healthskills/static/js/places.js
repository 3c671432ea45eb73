/* ---- Help near you: "open now", worked out on this device from the opening times in the
   page (UK time, whatever the phone's time zone), and the filter by what a place offers
   or the languages it helps in. Nothing is sent anywhere; without the script the page
   shows every place with its full opening times, and the filter is a list of links. ---- */
var placeLists = doc.querySelectorAll(".hs-places");
var ukClock = function () {
  /* The date, weekday (0 = Monday) and minute of the day in the UK now. */
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
  /* "540-720,780-1020" → [[540, 720], [780, 1020]] */
  var out = [];
  each(text ? text.split(",") : [], function (range) {
    var ends = range.split("-");
    out.push([Number(ends[0]), Number(ends[1])]);
  });
  return out;
};
var clockTime = function (minute, locale, hour) {
  /* In the page's locale and digits (data-locale), as the opening times are written. */
  var date = new Date(Date.UTC(2000, 0, 1, Math.floor(minute / 60) % 24, minute % 60));
  try {
    return new Intl.DateTimeFormat(locale || root.lang, { hour: hour || "2-digit", minute: "2-digit", timeZone: "UTC" }).format(date);
  } catch (error) {
    return String(Math.floor(minute / 60) % 24).replace(/^(\d)$/, "0$1") + ":" + String(minute % 60).replace(/^(\d)$/, "0$1");
  }
};
var openState = function (data, now) {
  /* null (not known), or {open: bool, until: minute} for a place's data-hours. */
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
  /* Keep it right on a page left open: once a minute, when the page is in view. */
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
