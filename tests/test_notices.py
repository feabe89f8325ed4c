"""Template notices: said only for the roles a deck uses, once per template for a whole run."""

from __future__ import annotations

from dataclasses import replace

from deckgen.plan.deck import plan_deck
from deckgen.plan.notices import (
    FALLBACK,
    NOTE,
    SMALL,
    TemplateNotice,
    fallback_notice,
    merged,
    roles_used,
    small_notice,
    small_roles,
)
from deckgen.plan.profile import Box, Role
from tests.plan_helpers import BODY_BOX, outline, profile


def _with_fallbacks(*roles: Role) -> object:
    return replace(profile(), fallbacks=roles)


def test_roles_used_are_the_roles_of_the_planned_slides() -> None:
    used = roles_used(plan_deck(outline(), profile()))
    assert {Role.TITLE, Role.CONTENT, Role.QUOTE, Role.QUESTION, Role.TAKEAWAYS, Role.REFERENCES} <= used
    assert Role.TABLE not in used and Role.CHART not in used


def test_a_fallback_notice_names_only_the_roles_the_deck_uses() -> None:
    template = replace(profile(), fallbacks=(Role.QUOTE, Role.TABLE, Role.QUESTION))
    notice = fallback_notice(template, {Role.TITLE, Role.QUESTION, Role.CONTENT})
    assert notice is not None
    assert notice.roles == (Role.QUESTION,)
    assert notice.message == "template 'test' has no layout for question; using related layouts instead"


def test_no_fallback_notice_when_the_deck_uses_no_borrowed_role() -> None:
    template = replace(profile(), fallbacks=(Role.QUOTE,))
    assert fallback_notice(template, {Role.TITLE, Role.CONTENT}) is None


def test_a_marked_question_role_says_deckgen_draws_the_mark() -> None:
    template = replace(profile(), fallbacks=(Role.QUESTION,))
    template = replace(template, slots={**template.slots, Role.QUESTION: replace(template.slots[Role.QUESTION], mark=True)})
    notice = fallback_notice(template, {Role.QUESTION})
    assert notice is not None and notice.message.endswith("; question slides get deckgen's own mark")


def test_merged_notices_are_one_per_template_and_kind_with_every_role() -> None:
    notices = [
        TemplateNotice("a.pptx", FALLBACK, (Role.QUESTION,)),
        TemplateNotice("b.pptx", FALLBACK, (Role.QUOTE,)),
        TemplateNotice("a.pptx", FALLBACK, (Role.THESIS, Role.QUESTION)),
        TemplateNotice("a.pptx", NOTE, text="same words"),
        TemplateNotice("a.pptx", NOTE, text="same words"),
    ]
    assert merged(notices) == [
        TemplateNotice("a.pptx", FALLBACK, (Role.THESIS, Role.QUESTION)),
        TemplateNotice("b.pptx", FALLBACK, (Role.QUOTE,)),
        TemplateNotice("a.pptx", NOTE, text="same words"),
    ]


def test_merged_small_notices_keep_the_deck_that_grew_most() -> None:
    first = TemplateNotice("a.pptx", SMALL, (Role.CONTENT,), deck="one", slides=12, yardstick="seminar", yardstick_slides=10)
    second = TemplateNotice("a.pptx", SMALL, (Role.QUOTE,), deck="two", slides=30, yardstick="seminar", yardstick_slides=15)
    (notice,) = merged([first, second])
    assert notice.roles == (Role.CONTENT, Role.QUOTE)
    assert "(two: 30 slides, 15 on 'seminar')" in notice.message


def test_small_roles_are_measured_against_the_yardstick_share_of_the_slide() -> None:
    yardstick = profile()
    tiny = Box(BODY_BOX.left, BODY_BOX.top, BODY_BOX.width // 2, BODY_BOX.height // 3)
    template = replace(yardstick, name="tiny", slots={**yardstick.slots, Role.CONTENT: replace(yardstick.slots[Role.CONTENT], body=tiny)})
    assert small_roles(template, yardstick, {Role.CONTENT, Role.QUOTE}) == (Role.CONTENT,)
    assert small_roles(template, yardstick, {Role.QUOTE}) == ()


def test_small_placeholders_are_told_only_when_their_text_suffers() -> None:
    yardstick = profile()
    tiny = Box(BODY_BOX.left, BODY_BOX.top, BODY_BOX.width // 2, BODY_BOX.height // 4)
    slots = {role: replace(slot, body=tiny) for role, slot in yardstick.slots.items()}
    template = replace(yardstick, name="tiny", slots=slots)
    deck, compared = plan_deck(outline(), template), plan_deck(outline(), yardstick)
    notice = small_notice(template, "guide", deck, (Role.CONTENT, Role.AGENDA), yardstick, compared)
    assert notice is not None
    assert notice.roles == (Role.AGENDA,)  # the one content slide's single bullet fits as it does on the yardstick
    assert notice.message == (
        "template 'tiny' has small text placeholders for agenda, less than half the room 'test' gives them: their text "
        f"is set smaller or continues onto more slides (guide: {len(deck.slides)} slides, {len(compared.slides)} on "
        "'test'); enlarge them in the template's slide master")
    assert small_notice(yardstick, "guide", compared, (Role.AGENDA,), yardstick, compared) is None
