"""The commented starter outline that ``deckgen new`` writes."""

from __future__ import annotations

STARTER_OUTLINE = """\
# A deckgen outline: one file = one discussion guide. Build it with
#   deckgen build {name} -o build/
# `deckgen help format` prints the whole format; `deckgen schema` gives a JSON Schema
# for editors. Quote strings that contain ': ' or ' #'. Slide text may use *emphasis*,
# **strong**, `code` and [links](https://example.org); write \\* for a literal star.
deckgen: 1
title: The title of the article or topic
subtitle: A discussion guide
presenter: Your Name
template: seminar            # or classic, or a path to your own .pptx/.potx
language: en                 # ar, he, fa or ur give right-to-left slides
duration: 45                 # planned minutes; `deckgen check` warns when the plan takes longer
start: "14:00"               # clock time the session starts: agenda, notes and guide show clock times
# opening: 2                 # minutes for the title, thesis and agenda (default 2), counted in the plan
# closing: 2                 # minutes for the takeaways, exit ticket and goodbye (default 2)
# buffer: 2                  # minutes held in reserve (default 0)
# shorter: [40]              # a shorter run that leaves out the items marked optional: true
# countdown: false           # question slides with minutes count them down (default true)
# synopsis: The article and the session in a paragraph, for the facilitator's guide.
# objectives:                # what participants can do afterwards; questions name them in serves
#   - {{id: weigh, text: Weigh a claim against its evidence}}
preparation:                 # what participants do before the session (on the handout)
  - Read the article and note one claim you doubt.
footer: Course code · Week 1 # footer text on every slide that shows one (default: the template's)
source:
  title: The article being discussed
  author: Its Author
thesis: The article's central argument in one sentence.
sections:
  - id: context
    title: The context
    summary: What the reader needs to know first.
    points:
      - claim: The *first* claim, as a slide title
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
        # layout: title-only   # use this layout of the template, by name or type (`deckgen templates inspect` lists them)
      # Each of these adds a slide to its point; uncomment and fill in:
      # - claim: Two positions side by side
      #   compare:
      #     left: {{title: One view, items: [A reason, Another reason]}}
      #     right: {{title: The other view, items: [A reason]}}
      # - claim: The options at a glance
      #   table:                      # continues on "(cont.)" slides when long, header repeated
      #     header: [Option, Cost, Benefit]
      #     rows:
      #       - [First option, Low, Some]
      #       - [Second option, High, "**Much**"]
      #     caption: From the article's third section
      # - claim: A figure from the article
      #   chart:                      # column, bar, line or pie; an editable PowerPoint chart
      #     type: column
      #     categories: ["2022", "2023", "2024"]
      #     series: [{{name: Releases, values: [1, 4, 9]}}]
      #     alt: Column chart of releases per year, rising from 1 to 9   # required
questions:
  - prompt: What was your first reaction to the article?
    kind: warm-up            # warm-ups open the session, right after the agenda
    follow_ups:
      - What surprised you?
    minutes: 4
  - prompt: Which claim is best supported by its evidence?
    kind: analysis
    after: argument
    follow_ups:
      - What evidence would change your mind?
    notes: Push for specific passages.
    minutes: 12
    format: pairs            # whole-room (default), pairs, small-groups, vote or write
    # id: best-supported     # a unique id for the question
    # serves: [weigh]        # the objectives it works towards
    # expect: [Names a passage and says what it shows]      # what good answers contain (guide only)
    # misconceptions: [A confident tone is evidence]         # wrong ideas to listen for (guide only)
  - prompt: Is the article's main claim convincing?
    kind: analysis
    format: vote
    options: [Convincing, Partly convincing, Not convincing]   # a vote needs its options
    minutes: 5
  - prompt: What would you do differently in your own work?
    kind: application
    minutes: 8
    # optional: true         # cut if late: a hidden slide, left out of the shorter runs
takeaways:
  - The one thing to remember
# exit_ticket: [One thing you will remember, One question you still have]   # answered before leaving
# board:                     # what goes on the board, column by column (in the guide)
#   - {{title: Claims, items: [The first claim, The second claim]}}
# glossary: {{claim: a statement the article argues for}}   # terms explained on the handout
# epilogue: What happened after the article was written, for the facilitator.
"""


def starter_outline(name: str) -> str:
    """The starter outline text, mentioning the file it will be saved as."""
    return STARTER_OUTLINE.format(name=name)
