"""Plan a deck: outline + template profile -> slides in the order of SPEC section 3.

Pure: no pptx. This module decides what each slide says and what the facilitator's notes
are; :mod:`deckgen.plan.paginate` then fits the text to the template's boxes.
"""

from __future__ import annotations

from collections.abc import Iterator

from dataclasses import replace

from deckgen.errors import OutlineError, Problem
from deckgen.outline.inline import plain
from deckgen.outline.model import Outline, Point, Question, Section, Source
from deckgen.plan.bidi import measured_profile
from deckgen.plan.labels import ENGLISH, Labels, sentence_break, has_labels, label_language, labels_for, tidy_cjk
from deckgen.plan.languages import script
from deckgen.plan.layouts import check_layouts, layout_warnings, resolve_layout
from deckgen.plan.metrics import metrics_for
from deckgen.plan.notes import fit_notes
from deckgen.plan.plurals import plural
from deckgen.plan.paginate import paginate_deck
from deckgen.plan.points import point_drafts
from deckgen.plan.visuals import paginate_visual
from deckgen.plan.scripts import upright_profile
from deckgen.plan.shows import deck_sections, flexed, segment_names, shorter_shows
from deckgen.plan.profile import Role, TemplateProfile
from deckgen.plan.slides import Countdown, DeckPlan, Paragraph, QrPlan, SlidePlan
from deckgen.plan.timing import (
    AgendaRow,
    agenda_rows,
    clock,
    closing_questions,
    offsets,
    opening_questions,
    planned_length,
    questions_after,
    section_minutes,
    total_minutes,
)

__all__ = ["closing_questions", "opening_questions", "questions_after", "section_minutes", "total_minutes"]


def format_minutes(minutes: float, labels: Labels = ENGLISH) -> str:
    """``10.0`` -> ``"10 min"``, ``2.5`` -> ``"2.5 min"`` (in the deck's language, in the
    plural form the number takes there: Arabic ``"8 دقائق"``, ``"دقيقتان"``)."""
    return plural(labels.minutes, labels.language, minutes).format(f"{minutes:g}")


def question_meta(question: Question, labels: Labels = ENGLISH) -> str:
    """The visible meta line of a question slide: kind, format (unless whole-room) and minutes."""
    parts = [labels.kinds.get(question.kind, question.kind.title())]
    if question.format != "whole-room":
        parts.append(labels.formats.get(question.format, question.format))
    if question.minutes:
        parts.append(format_minutes(question.minutes, labels))
    return " · ".join(parts)


def option_lines(question: Question, labels: Labels = ENGLISH) -> list[str]:
    """A vote's options lettered as on the slide, in the deck's language: ``A. Helped``,
    ``B. Hindered`` ...; Arabic ``أ) ساعدت``, ``ب) أعاقت``."""
    return [labels.option.format(_letter(index, labels.option_letters), option)
            for index, option in enumerate(question.options)]


def _letter(index: int, alphabet: tuple[str, ...]) -> str:
    """The ``index``-th letter of ``alphabet`` (A, B ... Z), then two letters (AA, AB ...):
    a vote rarely needs more than a few."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, len(alphabet))
        letters = alphabet[rest] + letters
    return letters


def time_check(outline: Outline, offset: float, labels: Labels = ENGLISH) -> str:
    """``14:22 · 22 of 60 min``: the clock time ``offset`` minutes in, elapsed and planned minutes."""
    assert outline.start is not None
    planned = format_minutes(planned_length(outline), labels)
    return labels.time_check.format(clock(outline.start, offset), f"{offset:g}", planned)


def cite(source: Source, labels: Labels, with_url: bool = True) -> str:
    """A one-line citation in the language of ``labels``, in its brackets and full stops:
    ``Author — Title (published). Note. url``; Chinese ``作者《标题》（日期）。说明。url``."""
    if source.author:
        text = labels.cited.format(author=source.author, title=source.title)
    else:
        text = labels.cited_title.format(title=source.title)
    if source.published:
        text += labels.cited_date.format(source.published)
    if source.note:
        text += sentence_break(text, labels) + source.note
    if source.url and with_url:
        text += sentence_break(text, labels) + source.url
    return tidy_cjk(text)


def dated(source: Source, labels: Labels) -> Source:
    """The article under discussion with its date, or the language's "undated" where the outline
    gives none: participants weigh an undated text differently, so every citation of it says so
    (a further-reading entry without a date is cited as it is)."""
    return source if source.published else replace(source, published=labels.undated)


def _with_minutes(title: str, minutes: float, labels: Labels) -> str:
    return f"{title} — {format_minutes(minutes, labels)}" if minutes else title


def agenda_title(row: AgendaRow, labels: Labels) -> str:
    """What an agenda row is called: the section's title, or the opening/discussion label."""
    return {"opening": labels.opening, "discussion": labels.discussion}.get(row.kind, row.title)


def agenda_lines(outline: Outline) -> list[str]:
    """Agenda entries: the opening, each section, the discussion block, with minutes
    (and, with ``start``, each row's clock time: ``14:05 · Sora's leap — 8 min``)."""
    labels = labels_for(outline.language)
    lines = []
    for row in agenda_rows(outline):
        line = _with_minutes(agenda_title(row, labels), row.minutes, labels)
        lines.append(f"{clock(outline.start, row.offset)} · {line}" if outline.start else line)
    return lines


def byline(outline: Outline, labels: Labels = ENGLISH) -> str | None:
    """The title slide's source line, without repeating the deck's title word for word."""
    source = outline.source
    if source is None:
        return None
    if _same_title(source.title, outline.title):
        return labels.byline_author.format(author=source.author) if source.author else None
    return labels.byline.format(author=source.author, title=source.title) if source.author else source.title


def _same_title(first: str, second: str) -> bool:
    """Titles equal but for case, quotes and punctuation ("OpenAI's" and "OpenAI’s")."""
    def letters(text: str) -> str:
        return "".join(char for char in text.casefold() if char.isalnum())
    return letters(first) == letters(second)


def _title_slide(outline: Outline) -> SlidePlan:
    labels = labels_for(outline.language)
    lines = [outline.subtitle] if outline.subtitle else []
    presenter = " · ".join(x for x in (outline.presenter, outline.date) if x)
    if presenter:
        lines.append(presenter)
    source_line = byline(outline, labels)
    if source_line:
        lines.append(source_line)
    return SlidePlan(
        Role.TITLE,
        outline.title,
        body=tuple(Paragraph(line, style="plain") for line in lines),
        notes=opening_script(outline),
        position=outline.position_of("title"),
    )


def opening_script(outline: Outline) -> str:
    """Title-slide notes: what the facilitator says to open the session, and its running time.

    The agenda slide that follows lists the parts; the script only welcomes, names the
    article and says how the time is spent.
    """
    labels = labels_for(outline.language)
    lines = [labels.welcome]
    if outline.source is not None:
        topic = labels.topic_by if outline.source.author else labels.topic
        lines.append(topic.format(title=outline.source.title, author=outline.source.author))
    else:
        lines.append(labels.topic.format(title=outline.title, author=""))
    minutes = planned_length(outline)
    parts = len(outline.sections)
    plan = plural(labels.plan_parts, labels.language, parts).format(parts=parts) if parts >= 2 else ""
    if minutes:
        space = "" if script(outline.language) else " "  # CJK sentences follow each other unspaced
        plan = f"{plan}{space}{labels.plan_time.format(minutes=format_minutes(minutes, labels))}".strip()
    if plan:
        lines.append(plan)
    lines.append(_running_time(outline, labels))
    return "\n".join(lines)


def _running_time(outline: Outline, labels: Labels) -> str:
    total = total_minutes(outline)
    planned = labels.running_time.format(format_minutes(total, labels)) if total else labels.running_order
    if outline.duration:
        planned += labels.session.format(format_minutes(outline.duration, labels))
    return planned + labels.sentence_end


def _running_order_notes(outline: Outline) -> str:
    """Agenda notes: the running order with timings, so the facilitator can pace."""
    lines = [_running_time(outline, labels_for(outline.language))]
    lines += [f"- {line}" for line in agenda_lines(outline)]
    return "\n".join(lines)


def _thesis_slide(outline: Outline, thesis: str) -> SlidePlan:
    labels = labels_for(outline.language)
    body = (Paragraph(thesis, style="plain"),)
    return SlidePlan(Role.THESIS, labels.thesis, body=body, notes=labels.thesis_notes,
                     title_language=label_language(outline.language))


def _agenda_slide(outline: Outline) -> SlidePlan:
    body = tuple(Paragraph(line) for line in agenda_lines(outline))
    title = labels_for(outline.language).agenda
    return SlidePlan(Role.AGENDA, title, body=body, notes=_running_order_notes(outline),
                     title_language=label_language(outline.language))


def _time_check_line(outline: Outline, item: Section | Question, labels: Labels) -> str:
    """The notes' opening time check line (with ``start``), else nothing."""
    if outline.start is None:
        return ""
    return time_check(outline, offsets(outline)[item], labels) + "\n"


def _section_slide(outline: Outline, section: Section, number: int) -> SlidePlan:
    labels = labels_for(outline.language)
    minutes = section_minutes(outline, section)
    notes = _time_check_line(outline, section, labels) + labels.part.format(number, len(outline.sections))
    if minutes:
        notes += plural(labels.part_minutes, labels.language, minutes).format(format_minutes(minutes, labels))
    else:
        notes += labels.sentence_end
    notes += "".join(f"\n{text}" for text in (section.summary, section.notes) if text)
    body = (Paragraph(section.summary, style="plain"),) if section.summary else ()
    return SlidePlan(Role.SECTION, section.title, body=body, notes=notes, position=section.position)


def _evidence(point: Point) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(b.text, b.level) for b in point.evidence)


_QUOTATION_MARKS = frozenset("“”„\"«»「『")
"""Marks that show a quotation already carries its own quotation marks."""


def quoted(text: str, labels: Labels = ENGLISH) -> str:
    """Text in the quotation marks of the deck's language (“…”, Arabic «…»), unless it
    already carries its own."""
    if any(mark in text for mark in _QUOTATION_MARKS.union(labels.quotes)):
        return text
    start, end = labels.quotes
    return f"{start}{text}{end}"


def _quote_paragraphs(point: Point, labels: Labels) -> tuple[Paragraph, ...]:
    if point.quote is None:
        return ()
    quote = (Paragraph(quoted(point.quote.text, labels), style="quote"),)
    if point.quote.by:
        return quote + (Paragraph(labels.attribution.format(point.quote.by), style="attribution"),)
    return quote


def _point_notes(point: Point, labels: Labels) -> str:
    lines = [point.notes] if point.notes else []
    if point.minutes:
        lines.append(labels.timing.format(format_minutes(point.minutes, labels)))
    return "\n".join(lines)


def _point_slide(point: Point, labels: Labels) -> SlidePlan:
    notes = _point_notes(point, labels)
    if point.image is not None:
        body = _evidence(point) + _quote_paragraphs(point, labels)
        return SlidePlan(
            Role.PICTURE, point.claim, body, image=point.image, notes=notes, position=point.position
        )
    if point.quote is not None:
        return SlidePlan(
            Role.QUOTE,
            point.claim,
            _evidence(point),
            aside=_quote_paragraphs(point, labels),
            notes=notes,
            position=point.position,
        )
    return SlidePlan(Role.CONTENT, point.claim, _evidence(point), notes=notes, position=point.position)


def question_notes(question: Question, labels: Labels = ENGLISH, timing: str = "") -> str:
    """Facilitator notes of a question slide: time check (``timing``), kind and minutes,
    vote options, notes, follow-ups."""
    lines = [timing] if timing else []
    lines.append(question_meta(question, labels) + labels.sentence_end)
    if question.options:
        lines.append(labels.options)
        lines.extend(f"- {option}" for option in option_lines(question, labels))
    if question.notes:
        lines.append(question.notes)
    if question.follow_ups:
        lines.append(labels.follow_ups)
        lines.extend(f"- {f}" for f in question.follow_ups)
    return "\n".join(lines)


def _question_slide(outline: Outline, question: Question, labels: Labels) -> SlidePlan:
    labels_language = label_language(outline.language)
    timing = _time_check_line(outline, question, labels).rstrip("\n")
    options = tuple(Paragraph(line, style="plain") for line in option_lines(question, labels))
    return SlidePlan(
        Role.QUESTION,
        question.prompt,
        body=options + tuple(Paragraph(f) for f in question.follow_ups),
        aside=(Paragraph(question_meta(question, labels), style="meta", language=labels_language),),
        notes=question_notes(question, labels, timing),
        position=question.position,
        label=labels.discuss,
        countdown=_countdown(outline, question, labels),
    )


def _countdown(outline: Outline, question: Question, labels: Labels) -> Countdown | None:
    """The countdown of a question slide: one where the question has minutes, unless the
    outline turns countdowns off (``countdown: false``)."""
    if not outline.countdown or not question.minutes:
        return None
    return Countdown(question.minutes, f"{labels.countdown}{labels.colon}{format_minutes(question.minutes, labels)}")


def _takeaways_slide(outline: Outline) -> SlidePlan:
    labels = labels_for(outline.language)
    body = tuple(Paragraph(t) for t in outline.takeaways)
    return SlidePlan(Role.TAKEAWAYS, labels.takeaways, body, notes=labels.takeaways_notes,
                     title_language=label_language(outline.language), position=outline.position_of("takeaways"))


def exit_ticket_lines(outline: Outline) -> list[str]:
    """The exit ticket's prompts numbered as on its slide: ``1. One thing you will remember`` ..."""
    return [f"{number}. {prompt}" for number, prompt in enumerate(outline.exit_ticket, start=1)]


def _exit_ticket_slide(outline: Outline) -> SlidePlan:
    """The closing slide participants answer before they leave; takeaways-like, its prompts numbered."""
    labels = labels_for(outline.language)
    body = tuple(Paragraph(line, style="plain") for line in exit_ticket_lines(outline))
    return SlidePlan(Role.TAKEAWAYS, labels.exit_ticket, body, notes=labels.exit_ticket_notes,
                     title_language=label_language(outline.language), position=outline.position_of("exit_ticket"))


def _discussion_slide(outline: Outline, questions: list[Question]) -> SlidePlan:
    """The divider that opens the discussion block the agenda promises."""
    labels = labels_for(outline.language)
    minutes = sum(q.minutes or 0 for q in questions)
    forms = plural(labels.discussion_count, labels.language, len(questions))
    count = forms.format(count=len(questions), minutes=format_minutes(minutes, labels))
    line = count if minutes else count.split(" · ")[0]
    notes = (_time_check_line(outline, questions[0], labels) if questions else "") + labels.discussion_notes
    return SlidePlan(Role.SECTION, labels.discussion, body=(Paragraph(line, style="plain"),),
                     notes=notes, title_language=label_language(outline.language),
                     position=outline.position_of("questions"))


CLICKABLE_SCHEMES = ("http://", "https://", "mailto:")
"""Addresses made clickable in a deck. Others (``javascript:``, ``file://`` to a network
share, which would leak the reader's credentials) are shown as text only."""


def _citation(source: Source, labels: Labels) -> Paragraph:
    """A reference: its citation, the URL (if any) a clickable link at the end."""
    if source.url:
        link = source.url if source.url.lower().startswith(CLICKABLE_SCHEMES) else None
        cited = cite(source, labels, with_url=False)
        return Paragraph(cited + sentence_break(cited, labels) + source.url, style="plain", link=link)
    return Paragraph(cite(source, labels), style="plain")


def _references_slide(outline: Outline) -> SlidePlan:
    """"Source" (the article under discussion) apart from "Further reading" (``references``)."""
    labels = labels_for(outline.language)
    language = label_language(outline.language)
    body: list[Paragraph] = []
    if outline.source:
        body += [Paragraph(labels.source, style="heading", language=language),
                 _citation(dated(outline.source, labels), labels)]
    if outline.references:
        body.append(Paragraph(labels.further_reading, style="heading", language=language))
        body += [_citation(s, labels) for s in outline.references]
    return SlidePlan(Role.REFERENCES, labels.references, tuple(body), notes=labels.references_notes,
                     title_language=language, qr=_source_qr(outline.source, labels))


def _source_qr(source: Source | None, labels: Labels) -> QrPlan | None:
    """A QR code of the article's web address, when it has one a phone can open."""
    if source is None or not source.url or not source.url.lower().startswith(("http://", "https://")):
        return None
    return QrPlan(source.url, labels.qr_code.format(source.url))


def _shows_discussion_block(outline: Outline) -> bool:
    """The agenda (shown for two sections or more) lists a discussion block of closing questions."""
    return len(outline.sections) >= 2 and bool(closing_questions(outline))


def _too_many_slides(outline: Outline, draft: SlidePlan) -> Problem:
    message = (f"the deck would have more than {MAX_SLIDES:,} slides (the limit); split the outline into "
               "several, or shorten long texts, which continue on extra slides")
    return Problem(outline.path, draft.position.line, draft.position.column, message)


def outline_slides(outline: Outline) -> Iterator[SlidePlan]:
    """Every slide of the deck before fitting, in the order of SPEC section 3, each marked with
    its part of the agenda (:attr:`SlidePlan.segment`) and, for an optional item, as optional."""
    labels = labels_for(outline.language)
    parts = [_opening_slides(outline, labels)]
    parts += [_section_slides(outline, section, number, labels)
              for number, section in enumerate(outline.sections, start=1)]
    parts += [_discussion_slides(outline, labels), _closing_slides(outline)]
    for segment, slides in enumerate(parts):
        yield from (replace(slide, segment=segment) for slide in slides)


def _questions(outline: Outline, questions: list[Question], labels: Labels) -> Iterator[SlidePlan]:
    return (flexed(_question_slide(outline, q, labels), q) for q in questions)


def _opening_slides(outline: Outline, labels: Labels) -> Iterator[SlidePlan]:
    """Title, thesis, agenda and the questions that open the session."""
    yield _title_slide(outline)
    if outline.thesis:
        yield _thesis_slide(outline, outline.thesis)
    if len(outline.sections) >= 2:
        yield _agenda_slide(outline)
    yield from _questions(outline, opening_questions(outline), labels)


def _section_slides(outline: Outline, section: Section, number: int, labels: Labels) -> Iterator[SlidePlan]:
    """A section's divider, its points' slides and the questions placed after it."""
    yield _section_slide(outline, section, number)
    for point in section.points:
        yield from (flexed(slide, point) for slide in point_drafts(point, _point_slide(point, labels), labels))
    yield from _questions(outline, questions_after(outline, section), labels)


def _discussion_slides(outline: Outline, labels: Labels) -> Iterator[SlidePlan]:
    """The discussion block: its divider (when the agenda lists it) and its questions."""
    closing = closing_questions(outline)
    if _shows_discussion_block(outline):
        yield _discussion_slide(outline, closing)
    yield from _questions(outline, closing, labels)


def _closing_slides(outline: Outline) -> Iterator[SlidePlan]:
    """Takeaways and references."""
    if outline.takeaways:
        yield _takeaways_slide(outline)
    if outline.exit_ticket:
        yield _exit_ticket_slide(outline)
    if outline.source or outline.references:
        yield _references_slide(outline)


def _tidied(slide: SlidePlan) -> SlidePlan:
    """``slide`` with no stray spaces beside full-width punctuation (CJK decks)."""
    def paragraphs(items: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
        return tuple(replace(p, text=tidy_cjk(p.text)) for p in items)
    return replace(slide, title=tidy_cjk(slide.title), body=paragraphs(slide.body), aside=paragraphs(slide.aside))


def _label_warning(outline: Outline) -> list[Problem]:
    if has_labels(outline.language):
        return []
    position = outline.position_of("language")
    return [Problem(outline.path, position.line, position.column,
                    f"language: deckgen has no labels in '{outline.language}'; its own words (Agenda, "
                    "Discussion, (cont.) ...) stay in English")]


MAX_SLIDES = 1000
"""Most slides in one deck; a session's guide has tens. Past it, building would take minutes."""


def _within_slide_limit(outline: Outline, slides: list[SlidePlan]) -> None:
    """Raise :class:`OutlineError` at the slide that takes the deck past :data:`MAX_SLIDES`."""
    if len(slides) > MAX_SLIDES:
        raise OutlineError([_too_many_slides(outline, slides[MAX_SLIDES])])


def _resolved(draft: SlidePlan, profile: TemplateProfile) -> SlidePlan:
    """``draft`` on the layout its ``layout:`` means (by name, type or translated name), or on
    its role's own where the template has none (a template given on the command line)."""
    if draft.layout is None:
        return draft
    return replace(draft, layout=resolve_layout(draft.layout, profile))


def plan_deck(outline: Outline, profile: TemplateProfile, lenient: bool = False) -> DeckPlan:
    """The whole deck: every slide fitted to ``profile``'s layouts, plus metadata and lints.

    Raises :class:`OutlineError` when the deck has more than :data:`MAX_SLIDES` slides
    (checked before fitting too, so a huge outline is refused before the costly part), or
    when a point names a layout the template lacks, unless ``lenient`` (the template replaced
    the outline's own): then a warning tells, and the slide takes its usual layout.
    """
    profile = upright_profile(measured_profile(profile, outline.language), outline.language)
    check_layouts(outline, profile, lenient)
    drafts = [_resolved(draft, profile) for draft in outline_slides(outline)]
    _within_slide_limit(outline, drafts)
    if script(outline.language) is not None:
        drafts = [_tidied(draft) for draft in drafts]
    labels = labels_for(outline.language)
    slides, lints = paginate_deck(drafts, profile, outline.path, labels, paginate_visual)
    _within_slide_limit(outline, slides)
    slides, notes_lints = fit_notes(slides, profile.notes, metrics_for(profile.body_font), outline.path)
    return DeckPlan(
        title=plain(outline.title),
        slides=tuple(slides),
        author=plain(outline.presenter) if outline.presenter else None,
        subject=plain(outline.subtitle) if outline.subtitle else None,
        language=outline.language,
        date=outline.date,
        warnings=tuple(_label_warning(outline) + layout_warnings(outline, profile, lenient) + lints + notes_lints),
        footer=deck_footer(outline, profile),
        sections=deck_sections(slides, segment_names(outline, labels)),
        shows=shorter_shows(slides, [format_minutes(length, labels) for length in outline.shorter]),
    )


def deck_footer(outline: Outline, profile: TemplateProfile) -> str:
    """The footer text of the deck: the outline's ``footer``, else the template's own (the
    bundled brands' "Discussion guide" in the deck's language)."""
    if outline.footer is not None:
        return outline.footer
    return labels_for(outline.language).footer if profile.footer == ENGLISH.footer else profile.footer
