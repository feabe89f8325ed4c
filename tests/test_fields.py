"""Each outline key is declared once, on its model field; validator and schema read it from there."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from deckgen.outline import fields as F
from deckgen.outline import model
from deckgen.outline.fieldtypes import declared, obj_of
from deckgen.outline.schema import outline_json_schema


def test_the_outline_keys_come_from_the_model_in_declaration_order() -> None:
    assert F.OUTLINE.names == (
        "deckgen", "title", "subtitle", "presenter", "date", "template", "language", "duration", "footer", "start",
        "opening", "closing", "buffer", "shorter", "countdown", "source", "thesis", "synopsis", "objectives",
        "preparation", "vars", "sections", "questions", "takeaways", "exit_ticket", "board", "glossary", "epilogue",
        "references", "audiences",
    )
    assert F.OUTLINE.model is model.Outline


def test_a_yaml_name_that_differs_from_the_attribute_is_mapped() -> None:
    version = F.OUTLINE.field("deckgen")
    assert version is not None and version.target == "version"
    audience = obj_of(model.Audience)
    assert audience.names[2] == "set" and audience.fields[2].target == "overrides"


def test_the_schema_lists_every_declared_key() -> None:
    declared_keys = {
        f.metadata["deckgen.field"].yaml or f.name
        for f in dataclasses.fields(model.Outline) if "deckgen.field" in f.metadata
    }
    assert set(outline_json_schema()["properties"]) == declared_keys


def test_a_new_model_field_is_a_new_outline_key_with_one_edit() -> None:
    @dataclass(frozen=True)
    class Poll:
        """A show of hands."""

        prompt: str = declared(F.Text(), "What to ask.", required=True)
        seconds: float | None = declared(F.Number(), "How long to wait.")

    poll = obj_of(Poll)
    assert (poll.title, poll.description, poll.names) == ("Poll", "A show of hands.", ("prompt", "seconds"))
    assert [f.required for f in poll.fields] == [True, False]
