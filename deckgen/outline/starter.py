"""The commented starter outline that ``deckgen new`` writes."""

from __future__ import annotations

STARTER_OUTLINE = """\
# A deckgen outline: one file = one discussion guide. Build it with
#   deckgen build {name} -o build/
# `deckgen help format` prints the whole format; `deckgen schema` gives a JSON Schema
# for editors. Quote strings that contain ': ' or ' #'.
deckgen: 1
title: The title of the article or topic
subtitle: A discussion guide
presenter: Your Name
template: seminar            # or classic, or a path to your own .pptx/.potx
language: en
duration: 45                 # planned minutes; `deckgen check` compares it with the timings
source:
  title: The article being discussed
  author: Its Author
thesis: The article's central argument in one sentence.
sections:
  - id: context
    title: The context
    summary: What the reader needs to know first.
    points:
      - claim: The first claim, as a slide title
        evidence:
          - A fact that supports it
          - [A detail of that fact, Another detail]
        notes: What the facilitator says or asks here.
        minutes: 5
  - id: argument
    title: The argument
    points:
      - claim: The second claim
        evidence:
          - Evidence for it
        quote: {{text: "A short quotation from the article", by: Its Author}}
        notes: Read the quotation aloud.
        minutes: 5
questions:
  - prompt: What was your first reaction to the article?
    kind: warm-up
    follow_ups:
      - What surprised you?
    minutes: 5
  - prompt: Which claim is best supported by its evidence?
    kind: analysis
    after: argument
    follow_ups:
      - What evidence would change your mind?
    notes: Push for specific passages.
    minutes: 15
  - prompt: What would you do differently in your own work?
    kind: application
    minutes: 15
takeaways:
  - The one thing to remember
"""


def starter_outline(name: str) -> str:
    """The starter outline text, mentioning the file it will be saved as."""
    return STARTER_OUTLINE.format(name=name)
