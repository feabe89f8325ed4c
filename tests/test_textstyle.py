"""Reading a template's text insets and paragraph styles for fitting (layout, master, txStyles)."""

from __future__ import annotations

from deckgen.plan.profile import Role, TemplateProfile
from deckgen.render.template.prepared import prepared_template
from deckgen.render.template.catalog import resolve_template
from tests.conftest import FIXTURES


def _profile(template: str) -> TemplateProfile:
    return prepared_template(resolve_template(template)).profile


def test_bundled_layouts_give_their_own_insets_and_bullet_margins() -> None:
    body = _profile("seminar").slots[Role.CONTENT].body
    assert body is not None
    assert (body.inset_left, body.inset_top, body.inset_right, body.inset_bottom) == (0, 45720, 0, 45720)
    first, second = body.levels[0], body.levels[1]
    assert (first.margin_left, first.indent, first.space_before_pt) == (292608, -292608, 10.0)
    assert second.margin_left == 685800


def test_title_weight_comes_from_the_template() -> None:
    seminar = _profile("seminar").slots[Role.CONTENT].title
    classic = _profile("classic").slots[Role.CONTENT].title
    assert seminar is not None and classic is not None
    assert seminar.levels[0].bold and not classic.levels[0].bold
    assert seminar.levels[0].line_spacing == 0.9
    assert seminar.levels[0].font == "major"


def test_question_meta_is_set_in_spaced_capitals() -> None:
    meta = _profile("seminar").slots[Role.QUESTION].aside
    assert meta is not None
    assert meta.levels[0].caps and meta.levels[0].letter_spacing_pt == 2.0


def test_third_party_placeholders_inherit_insets_and_spacing_from_the_master() -> None:
    body = _profile(str(FIXTURES / "templates" / "pandoc-reference.pptx")).slots[Role.CONTENT].body
    assert body is not None
    assert (body.inset_left, body.inset_top) == (91440, 45720)
    assert body.levels[0].margin_left == 342900
    assert body.levels[0].space_before_lines == 0.2
