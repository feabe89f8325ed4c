"""Outlines and template profiles built in code, for tests that must not touch pptx."""

from __future__ import annotations

from pathlib import Path

from deckgen.outline.model import Bullet, Outline, Point, Question, Quote, Section, Source
from deckgen.plan.profile import Box, LayoutSlots, Role, TemplateProfile

TITLE_BOX = Box(838200, 365125, 10515600, 1325563)
BODY_BOX = Box(838200, 1825625, 10515600, 4351338)
ASIDE_BOX = Box(838200, 5000000, 10515600, 900000)


def profile(with_aside: bool = True) -> TemplateProfile:
    """A 16:9 profile whose every role has a title and body box (and an aside box if asked)."""
    slots = {
        role: LayoutSlots(role.value.title(), TITLE_BOX, BODY_BOX, ASIDE_BOX if with_aside and role in (Role.QUOTE, Role.QUESTION) else None,
                          Box(6400800, 1825625, 4953000, 4351338) if role is Role.PICTURE else None)
        for role in Role
    }
    return TemplateProfile("test", Path("test.pptx"), slots, "Calibri", "Calibri")


def outline(**changes: object) -> Outline:
    """A small complete outline: two sections, a quote, placed and closing questions."""
    fields: dict[str, object] = dict(
        path=Path("/tmp/guide.yaml"),
        title="Sora: A Reality Check",
        subtitle="A discussion guide",
        presenter="Jane Doe",
        date="2026-03-14",
        duration=30.0,
        source=Source("OpenAI's Sora: A Reality Check for China's AI Ambitions", "Niranjana Dhumal"),
        thesis="Sora exposes a text-to-video gap.",
        sections=(
            Section("The leap", id="leap", summary="What Sora does.", points=(
                Point("Sora turns text into video", (Bullet("Realistic video"), Bullet("From prompts", 1)),
                      quote=Quote("pouring cold water", "the article"), notes="Ask who has seen a clip.", minutes=5),
            )),
            Section("The gap", id="gap", points=(Point("Strong in recognition", (Bullet("Facial recognition"),), minutes=5),)),
        ),
        questions=(
            Question("Did big data help?", follow_ups=("Why?",), after="gap", notes="Split room.", minutes=10),
            Question("What would you do?", kind="application", minutes=10),
        ),
        takeaways=("Research matters",),
        references=(Source("Kling", "Kuaishou", published="2024-06"),),
    )
    fields.update(changes)
    return Outline(**fields)  # type: ignore[arg-type]
