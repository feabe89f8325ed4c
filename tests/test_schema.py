"""The JSON Schema: valid for draft 2020-12, strict, and in agreement with the loader."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deckgen.errors import OutlineError
from deckgen.outline.loader import load_outline
from deckgen.outline.model import MAX_CHART_CATEGORIES, MAX_CHART_SERIES, MAX_TABLE_COLUMNS
from deckgen.outline.schema import outline_json_schema

OUTLINES = Path(__file__).resolve().parent / "fixtures" / "outlines"
BAD = OUTLINES / "bad"
REPO_OUTLINES = Path(__file__).resolve().parent.parent / "outlines"

VALID = [*sorted(OUTLINES.glob("*.yaml")), *sorted(REPO_OUTLINES.glob("*.y*ml"))]

SCHEMA_CATCHES = [
    "unknown-key", "unknown-point-key", "bad-kind", "missing-title", "missing-sections", "empty-sections",
    "section-no-title", "point-no-claim", "question-no-prompt", "number-title", "bool-language", "null-value",
    "negative-minutes", "zero-duration", "text-minutes", "evidence-too-deep", "evidence-list-first",
    "evidence-mapping", "bad-id", "version-2", "vars-not-scalar", "bad-var-name", "bad-language", "bad-url",
    "source-string", "source-no-title", "reference-no-title", "quote-no-text", "follow-ups-string", "tags-number",
    "image-absolute", "image-no-alt", "audience-unknown-key", "audience-bad-name", "audience-set-unknown",
    "audience-set-forbidden", "audience-set-bad-type", "audience-question-kind", "audience-not-mapping",
    "top-level-list", "vote-no-options", "options-without-vote", "bad-start", "bad-format",
]
"""Bad fixtures the schema alone can see (not: vars, images on disk, ids, YAML syntax)."""


class _JsonLikeLoader(yaml.SafeLoader):
    """Reads dates as strings, as editors' YAML 1.2 parsers do."""


_JsonLikeLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def as_data(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_JsonLikeLoader)  # noqa: S506 - a SafeLoader subclass


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(outline_json_schema())


def test_schema_is_valid_draft_2020_12_with_id_and_title() -> None:
    schema = outline_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("https://") and schema["title"] == "deckgen outline"
    json.dumps(schema)  # JSON-ready


def test_every_object_is_closed_and_every_property_described() -> None:
    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                assert node["additionalProperties"] is False
                assert all("description" in p for p in node["properties"].values())
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(outline_json_schema())


def test_schema_has_enums_minimums_and_required_fields() -> None:
    schema = outline_json_schema()
    defs = schema["$defs"]
    assert defs["Question"]["properties"]["kind"]["enum"] == ["warm-up", "analysis", "application", "reflection"]
    assert defs["Point"]["properties"]["minutes"]["exclusiveMinimum"] == 0
    assert schema["required"] == ["title", "sections"]
    assert defs["Image"]["required"] == ["path", "alt"]


def test_schema_has_the_kit_fields() -> None:
    schema = outline_json_schema()
    question = schema["$defs"]["Question"]
    assert question["properties"]["format"]["enum"] == ["whole-room", "pairs", "small-groups", "vote", "write"]
    assert question["properties"]["format"]["default"] == "whole-room"
    assert schema["properties"]["start"]["pattern"] and schema["properties"]["preparation"]["type"] == "array"


def test_schema_requires_options_exactly_for_a_vote(validator: jsonschema.Draft202012Validator) -> None:
    data = as_data(OUTLINES / "minimal.yaml")
    data["start"] = "09:30"
    data["questions"] = [{"prompt": "Which?", "format": "vote", "options": ["Yes", True, 3]}]
    assert validator.is_valid(data)
    del data["questions"][0]["options"]
    assert not validator.is_valid(data)
    data["questions"][0] = {"prompt": "Which?", "format": "pairs", "options": ["A"]}
    assert not validator.is_valid(data)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_outlines_validate(path: Path, validator: jsonschema.Draft202012Validator) -> None:
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(as_data(path))]
    assert errors == []


@pytest.mark.parametrize("name", SCHEMA_CATCHES)
def test_bad_outlines_fail_the_schema_too(name: str, validator: jsonschema.Draft202012Validator) -> None:
    assert not validator.is_valid(as_data(BAD / f"{name}.yaml"))


RICH_BAD = Path(__file__).resolve().parent / "fixtures" / "bad"
SPECS = Path(__file__).resolve().parent / "fixtures" / "specs"


def _keys_used(schema: dict[str, Any], node: dict[str, Any], data: Any, used: set[str]) -> None:
    """Record ``Object.key`` for each key of ``data`` the schema ``node`` describes, recursively."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        _keys_used(schema, {**schema["$defs"][name], "title": name}, data, used)
    elif isinstance(data, dict) and "properties" in node:
        for key, value in data.items():
            used.add(f"{node.get('title', 'Outline')}.{key}")
            _keys_used(schema, node["properties"].get(key, {}), value, used)
    elif isinstance(data, dict) and isinstance(node.get("additionalProperties"), dict):
        for value in data.values():
            _keys_used(schema, node["additionalProperties"], value, used)
    elif isinstance(data, list) and isinstance(node.get("items"), dict):
        for item in data:
            _keys_used(schema, node["items"], item, used)


def _keys_declared(schema: dict[str, Any]) -> set[str]:
    objects = {"Outline": schema, **schema["$defs"]}
    return {f"{name}.{key}" for name, obj in objects.items() for key in obj.get("properties", {})
            if name not in ("Audience",)}


def test_the_spec_outlines_use_every_key_of_the_format_and_validate(validator: jsonschema.Draft202012Validator) -> None:
    schema, used = outline_json_schema(), set()
    for name in ("every-field.yaml", "rich-content.yaml"):
        data = as_data(SPECS / name)
        assert [e.message for e in validator.iter_errors(data)] == []
        _keys_used(schema, {**schema, "title": "Outline"}, data, used)
        load_outline(SPECS / name)
    assert _keys_declared(schema) - used == set()


def test_schema_has_the_session_fields() -> None:
    schema = outline_json_schema()
    properties, question = schema["properties"], schema["$defs"]["Question"]["properties"]
    assert properties["opening"] == {"type": "number", "minimum": 0, "description": properties["opening"]["description"],
                                     "default": 2.0}
    assert (properties["closing"]["default"], properties["buffer"]["default"]) == (2.0, 0.0)
    assert properties["shorter"]["uniqueItems"] is True and properties["shorter"]["items"]["exclusiveMinimum"] == 0
    assert properties["countdown"]["type"] == "boolean" and properties["countdown"]["default"] is True
    assert schema["$defs"]["Objective"]["required"] == ["id", "text"]
    assert properties["glossary"]["additionalProperties"]["type"] == "string"
    assert question["optional"] == {"type": "boolean", "description": question["optional"]["description"], "default": False}
    assert question["serves"]["items"]["anyOf"][0]["pattern"] and question["serves"]["uniqueItems"] is True
    assert schema["$defs"]["Point"]["properties"]["optional"]["type"] == "boolean"


@pytest.mark.parametrize("name", ["optional-quoted", "optional-number", "countdown-text", "buffer-negative", "opening-text",
                                  "shorter-twice", "shorter-number", "glossary-list", "glossary-blank", "board-unknown-key",
                                  "exit-ticket-string", "expect-mapping", "serves-string", "objective-no-id"])
def test_bad_session_fields_fail_the_schema_too(name: str, validator: jsonschema.Draft202012Validator) -> None:
    assert not validator.is_valid(as_data(RICH_BAD / f"{name}.yaml"))


def test_schema_covers_comparisons_tables_charts_and_layouts() -> None:
    defs = outline_json_schema()["$defs"]
    point = defs["Point"]["properties"]
    assert {"layout", "compare", "table", "chart"} <= set(point)
    assert point["layout"]["type"] == "string"
    assert defs["Chart"]["properties"]["type"]["enum"] == ["column", "bar", "line", "pie"]
    assert defs["Chart"]["required"] == ["type", "categories", "series", "alt"]
    assert defs["Series"]["properties"]["values"]["items"] == {"type": "number"}
    assert defs["Table"]["required"] == ["header", "rows"]
    assert defs["Compare"]["required"] == ["left", "right"]
    assert defs["Column"]["required"] == ["title"]


def test_schema_bounds_table_columns_and_chart_series_and_categories() -> None:
    defs = outline_json_schema()["$defs"]
    table, chart = defs["Table"]["properties"], defs["Chart"]["properties"]
    assert table["header"]["maxItems"] == table["rows"]["items"]["maxItems"] == MAX_TABLE_COLUMNS
    assert chart["series"]["maxItems"] == MAX_CHART_SERIES
    assert chart["categories"]["maxItems"] == defs["Series"]["properties"]["values"]["maxItems"] == MAX_CHART_CATEGORIES


@pytest.mark.parametrize("name", ["table-empty", "table-number-cell", "chart-text-value", "chart-no-alt",
                                  "chart-pie-two-series", "chart-pie-negative"])
def test_bad_tables_and_charts_fail_the_schema_too(name: str, validator: jsonschema.Draft202012Validator) -> None:
    assert not validator.is_valid(as_data(RICH_BAD / f"{name}.yaml"))


def test_typo_in_a_key_fails(validator: jsonschema.Draft202012Validator) -> None:
    data = as_data(OUTLINES / "minimal.yaml")
    data["sections"][0]["titel"] = "x"
    assert not validator.is_valid(data)


# --------------------------------------------------------------------------- agreement

_text = st.one_of(st.sampled_from(["T", "gap", "x y", "", "  ", "en", "zh_CN", "https://a.b"]), st.integers(-2, 3), st.booleans(), st.none())
_number = st.one_of(st.integers(-2, 5), st.floats(-1, 10, allow_nan=False), st.sampled_from(["3", "soon"]))
_tags = st.one_of(st.lists(_text, max_size=2), _text)
_flag = st.one_of(st.booleans(), st.sampled_from(["yes", 1, None]))
_evidence = st.recursive(_text, lambda c: st.lists(c, max_size=3), max_leaves=6)


def _optional(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=fields)


_cells = st.lists(st.one_of(_text, st.just("")), min_size=0, max_size=3)
_table = _optional(header=_cells, rows=st.one_of(st.lists(_cells, max_size=2), _text), caption=_text)
_chart = _optional(type=st.sampled_from(["column", "pie", "area"]), categories=st.lists(_text, max_size=2),
                   series=st.lists(_optional(name=_text, values=st.lists(_number, max_size=2)), max_size=2), alt=_text)
_compare = _optional(left=_optional(title=_text, items=_evidence), right=_optional(title=_text, items=_evidence))
_point = _optional(claim=_text, minutes=_number, tags=_tags, evidence=_evidence, quote=_optional(text=_text, by=_text), notes=_text, evidance=_text,
                   layout=_text, table=_table, chart=_chart, compare=_compare, optional=_flag)
_section = _optional(id=st.sampled_from(["a", "b", "a b"]), title=_text, summary=_text, points=st.lists(_point, max_size=2))
_question = _optional(prompt=_text, kind=st.sampled_from(["warm-up", "analysis", "analyse", 3]), after=st.sampled_from(["a", "b"]), minutes=_number, tags=_tags, follow_ups=_tags,
                      id=st.sampled_from(["q", "q r"]), serves=st.one_of(st.lists(st.sampled_from(["o", "p", "o p"]), max_size=2), _text),
                      expect=_tags, optional=_flag)
_outline = st.fixed_dictionaries(
    {"title": _text, "sections": st.lists(_section, max_size=2)},
    optional={
        "deckgen": st.sampled_from([1, 2, "1"]), "subtitle": _text, "language": _text, "duration": _number,
        "questions": st.lists(_question, max_size=2), "takeaways": _tags,
        "opening": _number, "buffer": _number, "shorter": st.one_of(st.lists(_number, max_size=2), _number),
        "countdown": _flag, "objectives": st.lists(_optional(id=st.sampled_from(["o", "p", "o p"]), text=_text), max_size=2),
        "glossary": st.one_of(st.dictionaries(st.sampled_from(["NLP", "T2V"]), _text, max_size=2), _tags),
        "board": st.lists(_optional(title=_text, items=_tags), max_size=2), "exit_ticket": _tags,
        "source": _optional(title=_text, url=_text, published=st.one_of(_text, st.integers(0, 3000))),
        "audiences": st.dictionaries(st.sampled_from(["u", "v w"]), _optional(exclude_tags=_tags, set=_optional(subtitle=_text, titel=_text), questions=st.lists(_question, max_size=1)), max_size=2),
    },
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_outline)
def test_loader_and_schema_agree_on_structure(data: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "o.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    schema_ok = jsonschema.Draft202012Validator(outline_json_schema()).is_valid(as_data(path))
    try:
        load_outline(path)
        loader_ok = True
    except OutlineError:
        loader_ok = False
    if loader_ok:
        assert schema_ok, "the loader accepted an outline the schema rejects"


def test_every_rule_between_values_reaches_the_schema_where_it_can_be_said() -> None:
    """A rule is declared once, on its model; the validator runs it and the schema states it
    (a table's equal row lengths are the one rule JSON Schema cannot express)."""
    from deckgen.outline.fieldtypes import obj_of
    from deckgen.outline.model import Chart, Question, Table

    for model in (Chart, Question, Table):
        for rule in obj_of(model).rules:
            fragment = rule.schema()
            if fragment is not None:
                jsonschema.Draft202012Validator.check_schema(fragment)
    assert [rule.schema() for rule in obj_of(Table).rules] == [None]
