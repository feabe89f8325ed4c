"""load_outline(): every field into the model, and every problem at its line and column."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage

from deckgen.errors import DeckgenError, OutlineError
from deckgen.outline.loader import load_outline
from deckgen.outline.inline import MAX_LINKS, MAX_MARKS, MAX_OUTLINE_MARKS
from deckgen.outline.model import (
    MAX_CHART_CATEGORIES,
    MAX_CHART_SERIES,
    MAX_TABLE_COLUMNS,
    BoardColumn,
    Bullet,
    Image,
    Objective,
    Position,
    Quote,
    Source,
)

OUTLINES = Path(__file__).resolve().parent / "fixtures" / "outlines"
BAD = OUTLINES / "bad"
REPO_OUTLINES = Path(__file__).resolve().parent.parent / "outlines"

WriteOutline = Callable[..., Path]


def problems_of(path: Path, audience: str | None = None) -> list[str]:
    """The ``file:line:col: message`` lines load_outline raises for ``path``."""
    with pytest.raises(OutlineError) as info:
        load_outline(path, audience=audience)
    return [str(p) for p in info.value.problems]


# --------------------------------------------------------------------------- valid outlines


def test_full_outline_loads_every_top_level_field() -> None:
    outline = load_outline(OUTLINES / "full.yaml")
    assert outline.path == (OUTLINES / "full.yaml").absolute()
    assert outline.version == 1
    assert outline.title == "Sora: A Reality Check for Policy Lab"
    assert outline.subtitle == "A discussion guide"
    assert outline.presenter == "Jane Doe"
    assert outline.date == "2026-03-14"
    assert outline.template == "seminar"
    assert outline.language == "en-GB"
    assert outline.duration == 60.0 and isinstance(outline.duration, float)
    assert outline.thesis == "Sora exposes a text-to-video gap."
    assert outline.takeaways == ("Research matters", "Data alone is not enough")
    assert outline.audience is None
    assert outline.stem == "full"


def test_full_outline_loads_source_and_references() -> None:
    outline = load_outline(OUTLINES / "full.yaml")
    assert outline.source == Source(
        "OpenAI's Sora: A Reality Check", "Niranjana Dhumal", "https://example.org/article", "2024-02-20", Position(11, 3)
    )
    assert [(r.title, r.author, r.published) for r in outline.references] == [
        ("Kling", "Kuaishou", "2024-06"),
        ("An old report", None, "2019"),
    ]


def test_full_outline_loads_sections_and_points() -> None:
    outline = load_outline(OUTLINES / "full.yaml")
    gap, responses = outline.sections
    assert (gap.id, gap.title, gap.summary, gap.notes) == ("gap", "The gap", "Strong in recognition, behind in generation.", "Divider notes.")
    assert gap.position == Position(20, 5)
    assert (responses.id, responses.title, responses.points) == (None, "Responses", ())
    point, costs = gap.points
    assert point.claim == "China led in recognition, not text-to-video"
    assert point.quote == Quote("pouring cold water", "commentators")
    assert point.image == Image((OUTLINES / "images" / "chart.png").resolve(), "A red chart", Position(33, 16))
    assert point.notes == "Ask who has seen a clip."
    assert point.minutes == 3.0 and point.tags == ("technical", "core")
    assert point.position == Position(25, 9)
    assert costs.claim == "Costs ${not a var} in 2024"
    assert costs.minutes == 1.5 and gap.minutes == 4.5


def test_evidence_is_flattened_into_levelled_bullets() -> None:
    point = load_outline(OUTLINES / "full.yaml").sections[0].points[0]
    assert [(b.text, b.level) for b in point.evidence] == [
        ("Top bullet", 0),
        ("Second level", 1),
        ("Another second", 1),
        ("Back to top", 0),
        ("Level one", 1),
        ("Level two", 2),
    ]
    assert point.evidence[0] == Bullet("Top bullet", 0, Position(27, 13))


def test_full_outline_loads_questions() -> None:
    first, second = load_outline(OUTLINES / "full.yaml").questions
    assert first.prompt == "Did big data help or hinder innovation?"
    assert first.kind == "reflection"
    assert first.follow_ups == ("What evidence would change your mind?", "Who gains?")
    assert (first.after, first.notes, first.minutes, first.tags) == ("gap", "Expect a split room.", 10.0, ("policy",))
    assert first.position == Position(41, 5)
    assert (second.kind, second.after, second.follow_ups, second.minutes) == ("analysis", None, (), None)


def test_full_outline_keeps_audiences_on_the_base_outline() -> None:
    outline = load_outline(OUTLINES / "full.yaml")
    undergrad = outline.audiences["undergrad"]
    assert undergrad.name == "undergrad"
    assert undergrad.exclude_tags == ("technical",)
    assert undergrad.include_tags is None
    assert undergrad.overrides == {"subtitle": "For first-years", "source": {"author": "N. Dhumal"}}
    assert [q.prompt for q in undergrad.questions] == ["What surprised you most?"]
    assert (undergrad.template, undergrad.language) == ("classic", "zh-CN")


def test_minimal_outline_gets_defaults() -> None:
    outline = load_outline(OUTLINES / "minimal.yaml")
    assert outline.title == "Minimal" and outline.language == "en" and outline.version == 1
    assert outline.sections[0].title == "Only section"
    assert (outline.subtitle, outline.source, outline.questions, outline.audiences) == (None, None, (), {})
    assert (outline.opening, outline.closing, outline.buffer, outline.shorter, outline.countdown) == (2, 2, 0, (), True)
    assert (outline.objectives, outline.board, outline.glossary, outline.exit_ticket) == ((), (), {}, ())
    assert (outline.synopsis, outline.epilogue) == (None, None)


def test_session_fields_load_the_timing_and_the_teaching_note() -> None:
    outline = load_outline(OUTLINES / "session.yaml")
    assert (outline.opening, outline.closing, outline.buffer) == (3.0, 4.5, 2.0)
    assert outline.shorter == (40.0, 30.0) and outline.countdown is False
    assert outline.synopsis == "The article in brief, for the facilitator."
    assert outline.objectives == (
        Objective("diagnose", "Tell a capability gap from a data gap", Position(11, 5)),
        Objective("weigh", "Weigh three responses", Position(12, 5)),
    )
    assert outline.exit_ticket == ("One thing you will remember", "One question you still have")
    assert outline.board == (BoardColumn("Claims", ("Strides in recognition", "Gap in generation")), BoardColumn("Responses"))
    assert list(outline.glossary.items()) == [
        ("NLP", "natural language processing"), ("text-to-video", "a model that turns a written prompt into a video")]
    assert outline.epilogue == "What happened after the article."


def test_session_fields_load_on_questions_and_points() -> None:
    outline = load_outline(OUTLINES / "session.yaml")
    first, second = outline.questions
    assert (first.id, first.serves, first.optional) == ("gap-kind", ("diagnose",), False)
    assert first.expect == ("Separates what models can do from what they were trained on",)
    assert first.misconceptions == ("More data always means better models",)
    assert (second.id, second.serves, second.optional, second.expect) == (None, ("weigh", "diagnose"), True, ())
    assert [p.optional for p in outline.sections[0].points] == [False, True]


def test_an_audience_sets_the_session_fields(write_outline: WriteOutline) -> None:
    path = write_outline(
        "title: T\nduration: 60\nsections: [{title: S}]\n"
        "audiences:\n  short:\n    set: {duration: 30, buffer: 5, shorter: [20], countdown: false,\n"
        "          objectives: [{id: one, text: Name one claim}]}\n"
        "    questions: [{prompt: Which claim?, serves: [one], optional: true}]\n"
    )
    short = load_outline(path, audience="short")
    assert (short.duration, short.buffer, short.shorter, short.countdown) == (30, 5, (20,), False)
    assert [o.id for o in short.objectives] == ["one"] and short.questions[0].serves == ("one",)
    assert load_outline(path).objectives == ()


def test_accepts_a_str_path_and_a_pathlike(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(OUTLINES)
    assert load_outline("minimal.yaml").path == (OUTLINES / "minimal.yaml")
    assert load_outline(Path("minimal.yaml")).title == "Minimal"


def test_dates_are_kept_as_written_text(write_outline: WriteOutline) -> None:
    path = write_outline("title: T\ndate: 2026-3-4\nsource: {title: A, published: 'March 2024'}\nsections: [{title: S}]\n")
    outline = load_outline(path)
    assert outline.date == "2026-3-4"  # not a YAML date: kept as written
    assert outline.source is not None and outline.source.published == "March 2024"


def test_vars_accept_numbers_and_booleans_as_written(write_outline: WriteOutline) -> None:
    path = write_outline("title: ${n} ${b} ${e}\nvars: {n: 3.50, b: yes, e: ~}\nsections: [{title: S}]\n")
    assert load_outline(path).title == "3.50 yes"


def test_vars_values_are_not_expanded_again(write_outline: WriteOutline) -> None:
    path = write_outline("title: ${a}\nvars: {a: '${b}', b: x}\nsections: [{title: S}]\n")
    assert load_outline(path).title == "${b}"


@pytest.mark.parametrize("path", sorted(REPO_OUTLINES.glob("*.y*ml")), ids=lambda p: p.name)
def test_bundled_outlines_load_with_every_audience(path: Path) -> None:
    outline = load_outline(path)
    for name in outline.audiences:
        assert load_outline(path, audience=name).audience == name


# --------------------------------------------------------------------------- bad outlines

BAD_CASES: list[tuple[str, str]] = [
    ("unknown-key", "2:1: subtitel: unknown key (did you mean 'subtitle'?); allowed keys: deckgen, title,"),
    ("unknown-point-key", "6:9: sections[0].points[0].evidance: unknown key (did you mean 'evidence'?)"),
    ("bad-kind", "6:11: questions[0].kind: 'analyse' is not one of warm-up, analysis, application, reflection (did you mean 'analysis'?)"),
    ("bad-start", "2:8: start: '25:00' is not a clock time; write HH:MM on a 24-hour clock, like \"14:00\" or \"09:30\""),
    ("vote-no-options", "6:13: questions[0].format: format 'vote' needs 'options'; add options: [..., ...] (a list of choices)"),
    ("options-without-vote", "6:14: questions[0].options: 'options' is used only with format: vote; add format: vote or remove options"),
    ("bad-format", "6:13: questions[0].format: 'pair' is not one of whole-room, pairs, small-groups, vote, write (did you mean 'pairs'?)"),
    ("missing-title", "1:1: missing required key 'title'"),
    ("missing-sections", "1:1: missing required key 'sections'"),
    ("empty-sections", "2:11: sections: needs at least 1 item(s)"),
    ("section-no-title", "3:5: sections[0]: missing required key 'title'"),
    ("point-no-claim", "5:9: sections[0].points[0]: missing required key 'claim'"),
    ("question-no-prompt", "5:5: questions[0]: missing required key 'prompt'"),
    ("number-title", "1:8: title: expected text, got a number (2024); quote it: \"2024\""),
    ("bool-language", "2:11: language: expected text, got a boolean (no); quote it: \"no\""),
    ("empty-claim", "5:16: sections[0].points[0].claim: must not be empty"),
    ("null-value", "2:10: subtitle: has no value; give one or remove the key"),
    ("negative-minutes", "6:18: sections[0].points[0].minutes: must be greater than 0, got -2"),
    ("zero-duration", "2:11: duration: must be greater than 0, got 0"),
    ("text-minutes", "6:18: sections[0].points[0].minutes: expected a number of minutes, got text"),
    ("evidence-too-deep", "10:17: sections[0].points[0].evidence[1][1][1]: bullets nest at most 3 levels deep"),
    ("evidence-list-first", "7:13: sections[0].points[0].evidence[0]: a nested list must follow a bullet"),
    ("evidence-mapping", "7:13: sections[0].points[0].evidence[0]: expected a bullet (text) or a nested list, got a mapping (quote the bullet"),
    ("duplicate-id", "5:9: sections[1].id: duplicate section id 'gap' (first at line 3)"),
    ("bad-id", "3:9: sections[0].id: 'the gap' is not a valid id"),
    ("after-unknown", "7:12: questions[0].after: 'gapp' is not a section id (did you mean 'gap'?); ids: gap"),
    ("after-no-ids", "6:12: questions[0].after: 'gap' is not a section id; no section has an id (add 'id: gap' to one)"),
    ("version-2", "1:10: deckgen: unsupported format version 2; this deckgen reads version 1"),
    ("undefined-var", "1:8: title: undefined variable '${orgg}' (did you mean 'org'?); define it under vars"),
    ("unclosed-var", "1:8: title: unclosed '${'; write '$${' for a literal '${'"),
    ("vars-not-scalar", "3:8: vars.org: expected a single value (text or number), got a list"),
    ("bad-var-name", "3:3: vars.my org: 'my org' is not a valid name"),
    ("bad-language", "2:11: language: 'zh_CN' is not a BCP-47 language tag like en, de-CH or zh-CN (did you mean 'zh-CN'?)"),
    ("bad-url", "4:8: source.url: 'example.org/article' is not a web address like https://example.org/article"),
    ("bad-date", "2:7: date: '2026-02-30' is not a valid date"),
    ("source-string", "2:9: source: expected a mapping with title, got text"),
    ("source-no-title", "3:3: source: missing required key 'title'"),
    ("reference-no-title", "5:5: references[0]: missing required key 'title'"),
    ("quote-no-text", "6:16: sections[0].points[0].quote: missing required key 'text'"),
    ("follow-ups-string", "6:17: questions[0].follow_ups: expected a list (write [\"Why?\"] for a single item), got text"),
    ("tags-number", "6:16: sections[0].points[0].tags[0]: expected text, got a number (2024)"),
    ("duplicate-key", "4:1: title: duplicate key 'title' (first at line 1)"),
    ("python-tag", "1:8: title: the tag !!python/object/apply:os.system is not allowed in an outline"),
    ("custom-tag", "1:8: title: the tag !secret is not allowed in an outline"),
    ("merge-key", "4:5: sections[0]: merge keys (<<) are not supported"),
    ("tabs", "3:1: YAML syntax error: found character '\\t' that cannot start any token (while scanning for the next token); indent with spaces, not tabs"),
    ("unclosed-quote", "4:1: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar at line 1); a quote is not closed"),
    ("bad-indent", "4:4: YAML syntax error: expected <block end>, but found '<block mapping start>'"),
    ("two-documents", "4:1: YAML syntax error: expected a single document in the stream, but found another document"),
    ("top-level-list", "1:1: the outline must be a mapping with title and sections, not a list"),
    ("image-missing", "6:23: sections[0].points[0].image.path: no such file 'images/chart.pngg'"),
    ("image-escape", "6:23: sections[0].points[0].image.path: '../images/chart.png' leaves the outline's folder"),
    ("image-absolute", "6:23: sections[0].points[0].image.path: '/etc/passwd' is absolute"),
    ("image-not-image", "6:23: sections[0].points[0].image.path: 'images/not-an-image.png' is not an image (PNG, JPEG"),
    ("image-folder", "6:23: sections[0].points[0].image.path: 'images' is a folder, not an image file"),
    ("image-no-alt", "7:11: sections[0].points[0].image: missing required key 'alt'"),
    ("audience-unknown-key", "6:5: audiences.novice.exclude_tag: unknown key (did you mean 'exclude_tags'?)"),
    ("audience-bad-name", "5:3: audiences.bad name: 'bad name' is not a valid audience name"),
    ("audience-set-unknown", "6:11: audiences.novice.set.titel: unknown field (did you mean 'title'?); can set: title,"),
    ("audience-set-forbidden", "6:11: audiences.novice.set.audiences: 'audiences' cannot be set by an audience"),
    ("audience-set-bad-type", "7:17: audiences.novice.set.duration: expected a number of minutes, got text (in audience 'novice')"),
    ("audience-question-kind", "7:27: audiences.novice.questions[0].kind: 'warmup' is not one of warm-up, analysis, application, reflection (did you mean 'warm-up'?)"),
    ("audience-after-unknown", "7:28: audiences.novice.questions[0].after: 'onee' is not a section id (did you mean 'one'?)"),
    ("audience-not-mapping", "4:12: audiences: expected a mapping, got a list"),
]


def test_every_bad_fixture_is_in_the_table() -> None:
    assert {p.stem for p in BAD.glob("*.yaml")} - {"empty"} == {name for name, _ in BAD_CASES}


@pytest.mark.parametrize(("name", "expected"), BAD_CASES, ids=[name for name, _ in BAD_CASES])
def test_bad_outline_reports_line_column_and_message(name: str, expected: str) -> None:
    path = BAD / f"{name}.yaml"
    lines = problems_of(path)
    assert any(line.startswith(f"{path}:{expected}") for line in lines), lines


def test_empty_file_is_reported_without_a_position() -> None:
    path = BAD / "empty.yaml"
    assert problems_of(path) == [f"{path}: the outline is empty; it needs at least a title and sections"]


def test_all_problems_are_reported_at_once_sorted_by_line(write_outline: WriteOutline) -> None:
    path = write_outline(
        "title: ''\n"
        "subtitel: x\n"
        "sections:\n"
        "  - title: S\n"
        "    points:\n"
        "      - {claim: C, minutes: 0}\n"
        "questions:\n"
        "  - {prompt: Q, kind: analyse, after: nowhere}\n"
    )
    lines = problems_of(path)
    assert [line.split(": ")[0].removeprefix(f"{path}:") for line in lines] == ["1:8", "2:1", "6:29", "8:23", "8:39"]
    assert "kind: 'analyse' is not one of" in lines[3]


def test_problems_keep_going_past_a_bad_sibling(write_outline: WriteOutline) -> None:
    path = write_outline("title: T\nsections:\n  - {title: 1}\n  - {title: 2}\n  - {title: ok}\n")
    assert [line.split(": ")[0].rsplit(":", 2)[1] for line in problems_of(path)] == ["3", "4"]


def test_outline_error_is_a_deckgen_error_with_exit_code_1() -> None:
    with pytest.raises(DeckgenError) as info:
        load_outline(BAD / "bad-kind.yaml")
    assert info.value.exit_code == 1


def test_missing_file_is_an_outline_error(tmp_path: Path) -> None:
    assert problems_of(tmp_path / "nope.yaml") == [f"{tmp_path / 'nope.yaml'}: no such file"]


def test_a_folder_is_not_an_outline(tmp_path: Path) -> None:
    assert problems_of(tmp_path) == [f"{tmp_path}: is a folder, not an outline file"]


# --------------------------------------------------------------------------- images


def test_image_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.png"
    PILImage.new("RGB", (2, 2)).save(outside)
    folder = tmp_path / "guide"
    (folder / "images").mkdir(parents=True)
    os.symlink(outside, folder / "images" / "pic.png")
    (folder / "o.yaml").write_text("title: T\nsections:\n  - title: S\n    points:\n      - claim: C\n        image: {path: images/pic.png, alt: A}\n")
    assert problems_of(folder / "o.yaml") == [
        f"{folder / 'o.yaml'}:6:23: sections[0].points[0].image.path: 'images/pic.png' resolves outside the outline's folder (through a symlink); copy the image instead"
    ]


def test_image_symlink_inside_the_folder_is_fine(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    PILImage.new("RGB", (2, 2)).save(tmp_path / "images" / "real.png")
    os.symlink(tmp_path / "images" / "real.png", tmp_path / "alias.png")
    (tmp_path / "o.yaml").write_text("title: T\nsections:\n  - title: S\n    points:\n      - claim: C\n        image: {path: alias.png, alt: A}\n")
    image = load_outline(tmp_path / "o.yaml").sections[0].points[0].image
    assert image is not None and image.path == (tmp_path / "images" / "real.png").resolve()


def test_image_dotdot_that_stays_inside_is_fine(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    PILImage.new("RGB", (2, 2)).save(tmp_path / "pic.png")
    (tmp_path / "o.yaml").write_text("title: T\nsections:\n  - title: S\n    points:\n      - claim: C\n        image: {path: images/../pic.png, alt: A}\n")
    assert load_outline(tmp_path / "o.yaml").sections[0].points[0].image is not None


def test_image_did_you_mean_a_file_next_to_it(tmp_path: Path) -> None:
    PILImage.new("RGB", (2, 2)).save(tmp_path / "chart.png")
    (tmp_path / "o.yaml").write_text("title: T\nsections:\n  - title: S\n    points:\n      - claim: C\n        image: {path: chart.jpg, alt: A}\n")
    assert problems_of(tmp_path / "o.yaml")[0].endswith("no such file 'chart.jpg' (did you mean 'chart.png'?)")


def test_windows_absolute_image_path_is_refused(write_outline: WriteOutline) -> None:
    path = write_outline("title: T\nsections:\n  - title: S\n    points:\n      - claim: C\n        image: {path: 'C:\\pics\\a.png', alt: A}\n")
    assert "is absolute" in problems_of(path)[0]


def test_decompression_bomb_image_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    PILImage.new("RGB", (40, 40)).save(tmp_path / "big.png")
    monkeypatch.setattr(PILImage, "MAX_IMAGE_PIXELS", 1000)
    (tmp_path / "o.yaml").write_text("title: T\nsections:\n  - title: S\n    points:\n      - claim: C\n        image: {path: big.png, alt: A}\n")
    assert "'big.png' has too many pixels" in problems_of(tmp_path / "o.yaml")[0]


def test_image_format_decks_cannot_embed_is_an_error(tmp_path: Path) -> None:
    PILImage.new("RGB", (4, 4)).save(tmp_path / "pic.webp", format="WEBP")
    (tmp_path / "o.yaml").write_text("title: T\nsections:\n  - title: S\n    points:\n      - claim: C\n        image: {path: pic.webp, alt: A}\n")
    assert "'pic.webp' is a WEBP image, which decks cannot embed; convert it to PNG or JPEG" in problems_of(tmp_path / "o.yaml")[0]


def test_truncated_image_is_an_error(tmp_path: Path) -> None:
    PILImage.new("RGB", (64, 64)).save(tmp_path / "pic.png")
    data = (tmp_path / "pic.png").read_bytes()
    (tmp_path / "pic.png").write_bytes(data[: len(data) // 2])
    (tmp_path / "o.yaml").write_text("title: T\nsections:\n  - title: S\n    points:\n      - claim: C\n        image: {path: pic.png, alt: A}\n")
    assert "'pic.png' is not a readable image" in problems_of(tmp_path / "o.yaml")[0]


def test_image_path_may_use_vars(tmp_path: Path) -> None:
    (tmp_path / "img").mkdir()
    PILImage.new("RGB", (2, 2)).save(tmp_path / "img" / "a.png")
    (tmp_path / "o.yaml").write_text("title: T\nvars: {dir: img}\nsections:\n  - title: S\n    points:\n      - claim: C\n        image: {path: '${dir}/a.png', alt: A}\n")
    image = load_outline(tmp_path / "o.yaml").sections[0].points[0].image
    assert image is not None and image.path.name == "a.png"


# --------------------------------------------------------------------------- property


_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20))
_keys = st.sampled_from(["title", "sections", "claim", "points", "evidence", "kind", "minutes", "image", "vars", "audiences", "set", "x"])
_structures = st.recursive(
    _scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(_keys, children, max_size=5)),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200))
def test_arbitrary_text_raises_only_deckgen_errors(text: str, tmp_path: Path) -> None:
    path = tmp_path / "o.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_outline(path)
    except DeckgenError:
        pass


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.dictionaries(_keys, _structures, max_size=6), audience=st.sampled_from([None, "set", "x"]))
def test_arbitrary_yaml_structures_raise_only_deckgen_errors(data: dict[str, object], audience: str | None, tmp_path: Path) -> None:
    path = tmp_path / "o.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        load_outline(path, audience=audience)
    except DeckgenError:
        pass


@pytest.mark.parametrize(("raw", "fragment"), [('"a\\0b.png"', "contains a NUL character"), ("'" + "x" * 5000 + ".png'", "cannot be")])
def test_unusable_image_paths_are_problems(write_outline: WriteOutline, raw: str, fragment: str) -> None:
    path = write_outline(f"title: T\nsections:\n  - title: S\n    points:\n      - claim: C\n        image: {{path: {raw}, alt: A}}\n")
    assert fragment in problems_of(path)[0]


def test_load_variants_gives_the_base_and_every_audience_as_single_loads_do() -> None:
    from deckgen.outline.loader import load_variants

    sora = Path(__file__).resolve().parent.parent / "outlines" / "sora-china-ai.yaml"
    variants = load_variants(sora)
    assert [v.audience for v in variants] == [None, "undergrad", "policy"]
    assert variants == [load_outline(sora)] + [load_outline(sora, audience=a) for a in ("undergrad", "policy")]


def test_clock_times_load_quoted_or_not_and_warm_ups_open_the_session(tmp_path: Path) -> None:
    path = tmp_path / "o.yaml"
    path.write_text(
        "title: T\nstart: 9:05\nsections:\n  - {id: s, title: S}\nquestions:\n"
        "  - {prompt: Hi?, kind: warm-up}\n  - {prompt: Why?, after: start}\n  - {prompt: How?, after: s}\n"
        "  - {prompt: Which?, format: vote, options: [Yes, No]}\n", encoding="utf-8")
    outline = load_outline(path)
    assert outline.start == "09:05"
    assert [q.opens_session for q in outline.questions] == [True, True, False, False]
    assert outline.questions[3].options == ("Yes", "No")
    assert outline.questions[0].format == "whole-room"


def test_start_is_reserved_as_a_section_id(tmp_path: Path) -> None:
    path = tmp_path / "o.yaml"
    path.write_text("title: T\nsections:\n  - {id: start, title: S}\n", encoding="utf-8")
    with pytest.raises(OutlineError, match="'start' is reserved"):
        load_outline(path)


# --------------------------------------------------------------------------- bounds on work


def _point(body: str) -> str:
    """An outline of one point whose body (indented by 8) is ``body``."""
    return "title: T\nsections:\n  - title: S\n    points:\n      - claim: C\n" + body


def _table(columns: int, cells: int | None = None) -> str:
    row = ", ".join(f"v{n}" for n in range(columns if cells is None else cells))
    return _point(f"        table: {{header: [{', '.join(f'h{n}' for n in range(columns))}], rows: [[{row}]]}}\n")


def _chart(series: int, categories: int) -> str:
    values = ", ".join("1" for _ in range(categories))
    lines = "".join(f"            - {{name: s{n}, values: [{values}]}}\n" for n in range(series))
    return _point(f"        chart:\n          type: line\n          alt: A\n"
                  f"          categories: [{', '.join(f'c{n}' for n in range(categories))}]\n          series:\n{lines}")


def _bullets(*texts: str) -> str:
    return _point("        evidence:\n" + "".join(f"          - '{text}'\n" for text in texts))


@pytest.mark.parametrize("text", [
    _table(MAX_TABLE_COLUMNS), _chart(MAX_CHART_SERIES, 2), _chart(1, MAX_CHART_CATEGORIES),
    _bullets("*" * MAX_MARKS), _bullets("[l](https://x.org) " * MAX_LINKS),
    _bullets(*["_" * (MAX_OUTLINE_MARKS // 40)] * 40),
], ids=["table-columns", "chart-series", "chart-categories", "marks", "links", "outline-marks"])
def test_outlines_at_a_work_limit_load(text: str, write_outline: WriteOutline) -> None:
    assert load_outline(write_outline(text)).sections


@pytest.mark.parametrize(("text", "expected"), [
    (_table(MAX_TABLE_COLUMNS + 1), "6:25: sections[0].points[0].table.header: has 51 columns; a table may have at most 50; "
                                    "split it into two tables, or swap its rows and columns"),
    (_table(2, MAX_TABLE_COLUMNS + 1), "6:42: sections[0].points[0].table.rows[0]: has 51 cells; a table row may have at "
                                       "most 50; split the table into two tables"),
    (_chart(MAX_CHART_SERIES + 1, 2), "11:13: sections[0].points[0].chart.series: has 51 series; a chart may have at most 50; "
                                      "show fewer series, or split it into several charts"),
    (_chart(1, MAX_CHART_CATEGORIES + 1), "9:23: sections[0].points[0].chart.categories: has 1,001 categories; a chart may "
                                          "have at most 1,000; group them (by month rather than by day) or sample them"),
    (_chart(1, MAX_CHART_CATEGORIES + 1), "11:34: sections[0].points[0].chart.series[0].values: has 1,001 values; a series "
                                          "may have at most 1,000; one per category"),
    (_bullets("*" * (MAX_MARKS + 1)), "7:13: sections[0].points[0].evidence[0]: has 1,001 Markdown marks"),
    (_bullets("<https://x.org> " * (MAX_LINKS + 1)), "7:13: sections[0].points[0].evidence[0]: has 101 links"),
    (_bullets(*["_" * (MAX_OUTLINE_MARKS // 40)] * 41), "47:13: sections[0].points[0].evidence[40]: the outline's texts "
                                                        f"have more than {MAX_OUTLINE_MARKS:,} Markdown marks"),
], ids=["table-columns", "table-row", "chart-series", "chart-categories", "chart-values", "marks", "links", "outline-marks"])
def test_work_limits_are_errors_at_the_offending_value(text: str, expected: str, write_outline: WriteOutline) -> None:
    path = write_outline(text)
    lines = problems_of(path)
    assert any(line.startswith(f"{path}:{expected}") for line in lines), lines


def test_the_outline_mark_limit_is_reported_once(write_outline: WriteOutline) -> None:
    path = write_outline(_bullets(*["_" * (MAX_OUTLINE_MARKS // 40)] * 60))
    assert sum("Markdown marks" in line for line in problems_of(path)) == 1
