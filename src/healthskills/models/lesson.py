"""A lesson: one task, in numbered steps, that a learner follows with the phone in hand."""

from __future__ import annotations

from pydantic import Field, StrictBool, StrictInt

from .common import ContentModel, Id, Markdown, Picture, Reviewed, Text


class Step(ContentModel):
    id: Id = Field(description="a stable id for the step, such as `open-app`")
    title: Text = Field(description='every step needs a short title, such as "Open the NHS App"')
    text: Markdown = Field(description="what the learner does in this step (Markdown)")
    picture: Picture | None = Field(default=None, description="an optional picture with alt text")
    tip: Markdown | None = Field(default=None, description="an optional helpful tip (Markdown)")
    warning: Markdown | None = Field(
        default=None, description="an optional warning about a risk (Markdown)"
    )


class Option(ContentModel):
    id: Id = Field(description="a stable id for the answer option")
    text: Text = Field(description="the answer as the learner reads it")
    correct: StrictBool = Field(default=False, description="true for a right answer")
    feedback: Text = Field(description="what the learner is told after choosing this option")


class Question(ContentModel):
    id: Id = Field(description="a stable id for the question")
    question: Text = Field(description="the question")
    options: list[Option] = Field(
        min_length=2, max_length=6, description="2 to 6 answer options, at least one correct"
    )


class Lesson(Reviewed):
    id: Id = Field(description="the lesson id, equal to the file name without .yaml")
    title: Text = Field(description="a short title that says what the learner will do")
    summary: Text = Field(description="one sentence saying what the lesson helps with")
    minutes: StrictInt = Field(ge=1, le=120, description="about how many minutes it takes")
    audience: Text = Field(description="who the lesson is for")
    before_you_start: list[Text] = Field(
        min_length=1, description="what the learner needs before starting"
    )
    you_do_not_need: list[Text] = Field(
        default_factory=list, description="what people wrongly think they need"
    )
    steps: list[Step] = Field(min_length=1, description="the numbered steps")
    quiz: list[Question] = Field(
        min_length=1, max_length=5, description='1 to 5 "check what you learned" questions'
    )
    glossary: list[Id] = Field(
        default_factory=list, description="ids of glossary terms explained on this page"
    )
    related: list[Id] = Field(default_factory=list, description="ids of related lessons")
    guide: Id | None = Field(default=None, description="id of the easy-read guide on this task")
    facilitator_notes: Markdown = Field(
        description="notes for digital health champions who run a session (Markdown)"
    )
