/* ---- Text size and contrast, remembered on this device. The system text size still
   applies (sizes are percentages of it), and "high contrast" starts on where the system
   asks for more contrast. ---- */
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
  /* "Forget my progress" also forgets the text size and contrast. */
  root.addEventListener(FORGOTTEN, showDisplay);
  display.hidden = false;
}
