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
