"""An easy-read guide: rows of one picture and one or two short sentences."""

from __future__ import annotations

from pydantic import Field

from .common import ContentModel, Id, Markdown, Picture, Reviewed, Text


class Row(ContentModel):
    id: Id = Field(description="a stable id for the row")
    picture: Picture = Field(description="every easy-read row has a picture with alt text")
    text: Markdown = Field(description="one or two short sentences; bold is allowed")


class Section(ContentModel):
    id: Id = Field(description="a stable id for the section")
    title: Text = Field(description="a short heading for the section")
    rows: list[Row] = Field(min_length=1, description="the rows of the section")


class Guide(Reviewed):
    id: Id = Field(description="the guide id, equal to the file name without .yaml")
    title: Text = Field(description="a short title in everyday words")
    summary: Text = Field(description="one short sentence saying what the guide is about")
    lesson: Id | None = Field(default=None, description="id of the full lesson on this task")
    sections: list[Section] = Field(
        min_length=1, description='the sections, starting with "What this is about"'
    )
    who_can_help: list[Row] = Field(
        min_length=1, description="rows saying who can help, such as a GP practice or pharmacy"
    )
    words: list[Id] = Field(
        default_factory=list, description="glossary ids of the hard words, for the word list"
    )
