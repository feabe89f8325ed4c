"""What a build does to a template, told once per template per run and only where it matters.

A template a user brings may lack layouts for some slide roles (they borrow a related
role's layout; question slides then carry deckgen's own mark) and may have text
placeholders much smaller than a bundled template's (text is then set smaller, or
continues onto more slides). Both are said only for the roles the deck actually uses, as
:class:`TemplateNotice` data: ``check`` and ``build`` make the same notices, and a run
over many outlines merges them into one line per template and kind (:func:`merged`).
"""

from __future__ import annotations

from collections.abc import Iterable

from deckgen.plan.profile import Box, Role, TemplateProfile
from deckgen.plan.slides import DeckPlan, SlidePlan
from deckgen.records import record

SMALL_BOX_SHARE = 0.5
"""A role's text placeholder is small when it covers less than this share of the slide that
the yardstick template's placeholder for the role covers of its slide."""

FALLBACK, SMALL, NOTE = "fallback", "small", "note"
"""The kinds of notice: roles without a layout of their own, roles with small text
placeholders, and anything else about the template (said word for word)."""


@record(frozen=True)
class TemplateNotice:
    """One thing a user of a template should know about the decks built on it."""

    template: str
    """The template's name as users see it (a bundled name, or a file name)."""
    kind: str
    """:data:`FALLBACK`, :data:`SMALL` or :data:`NOTE`."""
    roles: tuple[Role, ...] = ()
    """The roles concerned, in :class:`Role` order (FALLBACK and SMALL)."""
    marked: bool = False
    """FALLBACK: question slides carry deckgen's own mark (no question layout)."""
    deck: str = ""
    """SMALL: the deck counted (its outline's file name without suffix)."""
    slides: int = 0
    """SMALL: slides of the deck on this template."""
    yardstick: str = ""
    """SMALL: the bundled template the placeholders were compared with."""
    yardstick_slides: int = 0
    """SMALL: slides of the same deck on the yardstick template."""
    text: str = ""
    """NOTE: the whole message."""

    @property
    def message(self) -> str:
        """The notice as one warning line."""
        roles = ", ".join(role.value for role in self.roles)
        if self.kind == FALLBACK:
            mark = "; question slides get deckgen's own mark" if self.marked and Role.QUESTION in self.roles else ""
            return f"template '{self.template}' has no layout for {roles}; using related layouts instead{mark}"
        if self.kind == SMALL:
            counts = f" ({self.deck}: {self.slides} slides, {self.yardstick_slides} on '{self.yardstick}')" if self.yardstick_slides else ""
            return (f"template '{self.template}' has small text placeholders for {roles}, less than half the room "
                    f"'{self.yardstick}' gives them: their text is set smaller or continues onto more slides{counts}; "
                    "enlarge them in the template's slide master")
        return self.text


def roles_used(plan: DeckPlan) -> set[Role]:
    """The roles whose own layout the deck's slides use (a slide naming its layout uses that one)."""
    return {slide.role for slide in plan.slides if slide.layout is None}


def fallback_notice(profile: TemplateProfile, used: Iterable[Role]) -> TemplateNotice | None:
    """The roles ``used`` that ``profile``'s template has no layout for, or None."""
    wanted = set(used)
    roles = tuple(role for role in Role if role in wanted and role in profile.fallbacks)
    if not roles:
        return None
    return TemplateNotice(profile.name, FALLBACK, roles, marked=profile.slots[Role.QUESTION].mark)


def _share(box: Box | None, profile: TemplateProfile) -> float:
    """How much of the slide ``box`` covers (0 when there is no box)."""
    if box is None or profile.slide_width <= 0 or profile.slide_height <= 0:
        return 0.0
    return (box.width * box.height) / (profile.slide_width * profile.slide_height)


def small_roles(profile: TemplateProfile, yardstick: TemplateProfile, used: Iterable[Role]) -> tuple[Role, ...]:
    """The roles ``used`` whose body placeholder on ``profile`` covers less than
    :data:`SMALL_BOX_SHARE` of the share of the slide ``yardstick``'s covers."""
    wanted = set(used)
    small = []
    for role in Role:
        if role not in wanted:
            continue
        room = _share(yardstick.slots[role].body, yardstick)
        if room and _share(profile.slots[role].body, profile) < SMALL_BOX_SHARE * room:
            small.append(role)
    return tuple(small)


def _own(plan: DeckPlan, role: Role) -> list[SlidePlan]:
    """The slides of ``role`` on the role's own layout."""
    return [slide for slide in plan.slides if slide.role is role and slide.layout is None]


def suffers(role: Role, plan: DeckPlan, yardstick_plan: DeckPlan) -> bool:
    """Whether ``role``'s slides continue onto more "(cont.)" slides in ``plan`` than in
    ``yardstick_plan``, or set their body text smaller."""
    slides, compared = _own(plan, role), _own(yardstick_plan, role)
    if sum(s.continuation for s in slides) > sum(s.continuation for s in compared):
        return True
    sizes = [s.body_size for s in slides if s.body_size]
    sizes_compared = [s.body_size for s in compared if s.body_size]
    return bool(sizes and sizes_compared) and min(sizes) < min(sizes_compared)


def small_notice(profile: TemplateProfile, deck: str, plan: DeckPlan, roles: tuple[Role, ...],
                 yardstick: TemplateProfile, yardstick_plan: DeckPlan | None) -> TemplateNotice | None:
    """The notice for those of ``roles`` (with small placeholders) whose slides continue more
    or are set smaller than on the yardstick, with ``deck``'s slide counts on both templates;
    None when none does (``yardstick_plan`` None: the outline cannot be planned on the
    yardstick, so every one of ``roles`` is told, without counts)."""
    if yardstick_plan is not None:
        roles = tuple(role for role in roles if suffers(role, plan, yardstick_plan))
    if not roles:
        return None
    compared = len(yardstick_plan.slides) if yardstick_plan is not None else 0
    return TemplateNotice(profile.name, SMALL, roles, deck=deck, slides=len(plan.slides), yardstick=yardstick.name,
                          yardstick_slides=compared)


def note_notices(profile: TemplateProfile) -> list[TemplateNotice]:
    """The template's other warnings (layout names several layouts share, active content
    removed), word for word."""
    return [TemplateNotice(profile.name, NOTE, text=text) for text in profile.warnings]


def lint_notices(profile: TemplateProfile) -> list[TemplateNotice]:
    """The template's contrast lints (text colours of low contrast), word for word."""
    return [TemplateNotice(profile.name, NOTE, text=text) for text in profile.lints]


def merged(notices: Iterable[TemplateNotice]) -> list[TemplateNotice]:
    """One notice per template and kind (per text for notes), in order of first appearance:
    the roles of all, and the slide counts of the deck that grew most."""
    found: dict[tuple[str, str, str], TemplateNotice] = {}
    for notice in notices:
        key = (notice.template, notice.kind, notice.text)
        known = found.get(key)
        found[key] = notice if known is None else _joined(known, notice)
    return list(found.values())


def _joined(first: TemplateNotice, second: TemplateNotice) -> TemplateNotice:
    roles = tuple(role for role in Role if role in first.roles or role in second.roles)
    grown = max((first, second), key=_growth)
    return TemplateNotice(first.template, first.kind, roles, first.marked or second.marked, grown.deck, grown.slides,
                          grown.yardstick, grown.yardstick_slides, first.text)


def _growth(notice: TemplateNotice) -> float:
    return notice.slides / notice.yardstick_slides if notice.yardstick_slides else 0.0
