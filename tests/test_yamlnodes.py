"""Safe YAML reading: encodings, limits, tags, duplicate keys and positions."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from deckgen.errors import OutlineError
from deckgen.outline.model import Position
from deckgen.outline.yamlnodes import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    TIMESTAMP,
    YMap,
    YScalar,
    YSeq,
    compose,
    decode_outline_bytes,
    read_outline_text,
)

FILE = Path("o.yaml")


def messages(excinfo: pytest.ExceptionInfo[OutlineError]) -> list[str]:
    return [str(p) for p in excinfo.value.problems]


def test_nodes_keep_one_based_positions_and_paths() -> None:
    root = compose("title: T\nsections:\n  - title: S\n")
    assert isinstance(root, YMap)
    key, value = root.entries["sections"]
    assert key.position == Position(2, 1)
    assert isinstance(value, YSeq) and value.path == "sections"
    item = value.items[0]
    assert isinstance(item, YMap) and item.path == "sections[0]" and item.position == Position(3, 5)
    title = item.entries["title"][1]
    assert isinstance(title, YScalar) and title.path == "sections[0].title" and title.position == Position(3, 12)


def test_scalars_keep_written_text_and_native_value() -> None:
    root = compose("a: 2026-03-14\nb: yes\nc: 0x10\nd: ~\ne: '3'\n")
    assert isinstance(root, YMap)
    values = {k: v for k, (_key, v) in root.entries.items()}
    date = values["a"]
    assert isinstance(date, YScalar) and (date.tag, date.native) == (TIMESTAMP, "2026-03-14")
    assert [getattr(values[k], "native") for k in "bcde"] == [True, 16, None, "3"]


def test_utf8_bom_is_accepted() -> None:
    assert decode_outline_bytes(codecs.BOM_UTF8 + "title: Ä\n".encode(), FILE) == "title: Ä\n"


def test_utf16_is_refused_with_advice() -> None:
    with pytest.raises(OutlineError) as info:
        decode_outline_bytes("title: T\n".encode("utf-16"), FILE)
    assert messages(info) == ["o.yaml:1:1: the file is UTF-16; save it as UTF-8"]


def test_latin1_is_refused_at_the_bad_byte() -> None:
    with pytest.raises(OutlineError) as info:
        decode_outline_bytes("title: T\nsubtitle: café\n".encode("latin-1"), FILE)
    assert messages(info) == ["o.yaml:2:14: not valid UTF-8 (byte 0xe9); save the file as UTF-8"]


def test_binary_content_is_refused() -> None:
    with pytest.raises(OutlineError) as info:
        decode_outline_bytes(b"\x89PNG\r\n\x1a\n\x00\x00", FILE)
    assert "this is a binary file, not a YAML outline" in messages(info)[0]


def test_control_character_is_located() -> None:
    with pytest.raises(OutlineError) as info:
        compose("title: T\nsubtitle: a\x07b\n", FILE)
    assert messages(info) == ["o.yaml:2:12: control character #x0007 is not allowed in YAML; remove it"]


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    with pytest.raises(OutlineError) as info:
        read_outline_text(path)
    assert "outlines are limited to" in messages(info)[0]


def test_bom_file_loads_end_to_end(tmp_path: Path) -> None:
    from deckgen.outline.loader import load_outline

    path = tmp_path / "bom.yaml"
    path.write_bytes(codecs.BOM_UTF8 + "title: Ü\nsections: [{title: S}]\n".encode())
    assert load_outline(path).title == "Ü"


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, prev in zip("bcdefghi", "abcdefgh"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    with pytest.raises(OutlineError) as info:
        compose("\n".join(lines) + "\n", FILE)
    assert "this looks like an alias bomb" in messages(info)[0]


def test_many_aliases_are_refused() -> None:
    text = "a: &a x\nb: [" + ", ".join(["*a"] * 1001) + "]\n"
    with pytest.raises(OutlineError) as info:
        compose(text, FILE)
    assert "more than 1000 aliases" in messages(info)[0]


def test_small_aliases_are_allowed() -> None:
    root = compose("a: &who Jane\nb: *who\n")
    assert isinstance(root, YMap)
    b = root.entries["b"][1]
    assert isinstance(b, YScalar) and b.value == "Jane" and b.path == "b"


@pytest.mark.parametrize("text", ["[" * 100_000, "a:\n" + "".join("  " * i + "- \n" for i in range(1, 200)), "- " * 5000 + "x"])
def test_deep_nesting_is_refused_without_recursion_error(text: str) -> None:
    with pytest.raises(OutlineError) as info:
        compose(text, FILE)
    assert f"nesting deeper than {MAX_DEPTH} levels" in messages(info)[0]


def test_nesting_through_aliases_is_limited() -> None:
    deep = "[" * 30 + "x" + "]" * 30
    text = f"a: &d {deep}\nb: {'[' * 30}*d{']' * 30}\n"
    with pytest.raises(OutlineError) as info:
        compose(text, FILE)
    assert "through aliases" in messages(info)[0]


def test_duplicate_keys_name_both_lines() -> None:
    with pytest.raises(OutlineError) as info:
        compose("source:\n  title: A\n  author: B\n  title: C\n", FILE)
    assert messages(info) == ["o.yaml:4:3: source.title: duplicate key 'title' (first at line 2); remove one of them"]


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/name:os.system", "!!binary", "!!set", "!local"])
def test_unsafe_and_unknown_tags_are_refused(tag: str) -> None:
    with pytest.raises(OutlineError) as info:
        compose(f"title: {tag} x\n", FILE)
    assert f"the tag {tag} is not allowed" in messages(info)[0]


@pytest.mark.parametrize(("text", "where", "advice"), [
    ("questions:\n  - prompt: Why?\n     kind: analysis\n", "3:10",
     "'kind:' is indented deeper than 'prompt:' on line 2, so YAML reads it as more text of that value; indent it "
     "like 'prompt:' (column 5) if it is a key of its own, or quote the value if it contains ': '"),
    ("points:\n  - claim: A\n    notes: Ask why\n      minutes: 3\n", "4:14",
     "'minutes:' is indented deeper than 'notes:' on line 3"),
    ("thesis: The article argues\n  this: that\n", "2:7", "'this:' is indented deeper than 'thesis:' on line 1"),
])
def test_a_key_indented_too_deep_gets_an_indentation_hint(text: str, where: str, advice: str) -> None:
    with pytest.raises(OutlineError) as info:
        compose(text, FILE)
    assert messages(info)[0].startswith(f"o.yaml:{where}: YAML syntax error: mapping values are not allowed here; ")
    assert advice in messages(info)[0]


def test_a_colon_inside_a_value_is_still_told_to_quote_it() -> None:
    with pytest.raises(OutlineError) as info:
        compose("title: T\nsubtitle: Why: because\n", FILE)
    assert messages(info) == ["o.yaml:2:14: YAML syntax error: mapping values are not allowed here; "
                              "quote the value: it contains ': '"]


def test_explicit_str_tag_is_allowed() -> None:
    root = compose("title: !!str 2024\n")
    assert isinstance(root, YMap)
    title = root.entries["title"][1]
    assert isinstance(title, YScalar) and title.native == "2024"


def test_complex_keys_are_refused() -> None:
    with pytest.raises(OutlineError) as info:
        compose("? [a, b]\n: c\n", FILE)
    assert "keys must be plain words" in messages(info)[0]


def test_huge_integer_is_a_problem_not_a_crash() -> None:
    with pytest.raises(OutlineError) as info:
        compose("minutes: " + "9" * 5000 + "\n", FILE)
    assert "is too large; quote it" in messages(info)[0]


def test_empty_document_composes_to_none() -> None:
    assert compose("# only a comment\n") is None
