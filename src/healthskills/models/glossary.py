"""The glossary: hard words and their plain meaning, referred to by id."""

from __future__ import annotations

from pydantic import Field, RootModel

from .common import ContentModel, Id, Text


class Term(ContentModel):
    term: Text = Field(description="the word or phrase as it appears in text")
    definition: Text = Field(description="what it means, in everyday words")


class Glossary(RootModel[dict[Id, Term]]):
    """Mapping of term id to term; a mapping so duplicate ids are caught by the loader."""


class Topic(ContentModel):
    id: Id = Field(description="a stable id for the topic")
    title: Text = Field(description="the topic's title")
    summary: Text = Field(description="one sentence about the topic")
    lessons: list[Id] = Field(min_length=1, description="lesson ids, in the order to take them")


class Topics(RootModel[list[Topic]]):
    """Topics in the order they appear on the site."""
