/* ---- Quizzes: without this script every answer opens to show its feedback. With it,
   opening one answer closes the others, the feedback is announced, the score counts
   first tries, and "Try again" starts the question afresh. ---- */
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
