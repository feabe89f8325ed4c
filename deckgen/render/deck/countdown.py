"""A question slide's countdown: a thin bar that empties over the question's minutes.

No add-in and no macro: the bar is a plain rectangle in the brand colour of deckgen's marks
(:mod:`deckgen.render.template.markcolours`), where the layout's slots put it
(:mod:`deckgen.render.template.countdownstrip`), and the slide's ``p:timing`` holds one
animation on it as PowerPoint writes it: the main sequence's first effect, an exit "Wipe"
(preset 22) that starts after the slide appears, with no click and no delay, and lasts exactly
the question's minutes, then leaves the bar hidden. The bar shrinks toward the side the deck
reads from (the left, or the right in a right-to-left deck). LibreOffice imports the same
timing as its own custom animation. A PDF or a printout shows the bar whole.
"""

from __future__ import annotations

from deckgen.plan.profile import Box
from deckgen.plan.slides import Countdown
from deckgen.render.deck.drawing import insert_shape, next_shape_id, placement, solid_fill
from deckgen.render.ooxml.markup import Element, nsdecls, parse_xml, qn
from deckgen.render.ooxml.opc import attribute

MS_PER_MINUTE = 60_000
WIPE = 22
"""PowerPoint's preset id of the "Wipe" effect."""
_DIRECTIONS = {False: ("wipe(left)", 2), True: ("wipe(right)", 8)}
"""Filter and preset subtype of the exit wipe, by whether the deck reads right to left: "From
Right" (the bar keeps to the left and its right end moves back), mirrored "From Left"."""
_AFTER_TREE = frozenset(qn(f"p:{name}") for name in ("clrMapOvr", "transition"))


def duration_ms(minutes: float) -> int:
    """How long a countdown of ``minutes`` runs, in milliseconds."""
    return max(round(minutes * MS_PER_MINUTE), 1)


def add_countdown(slide: Element, box: Box, countdown: Countdown, colour: str, right_to_left: bool) -> None:
    """Draw the countdown bar at ``box`` in ``colour`` (a scheme colour name or ``#RRGGBB``) on
    ``slide`` (its ``p:sld``), and give the slide the timing that empties it."""
    shape_id = next_shape_id(slide)
    tree = slide.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
    insert_shape(tree, _bar(shape_id, box, countdown.description, colour))
    _insert_timing(slide, _timing(shape_id, duration_ms(countdown.minutes), right_to_left))


def _bar(shape_id: int, box: Box, description: str, colour: str) -> Element:
    """The bar: a filled rectangle without outline or text, described for screen readers."""
    return parse_xml(
        f'<p:sp {nsdecls("a", "p")}><p:nvSpPr>'
        f'<p:cNvPr id="{shape_id}" name="Countdown" descr="{attribute(description)}"/>'
        '<p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
        f'<p:spPr><a:xfrm>{placement(box)}</a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{solid_fill(colour)}<a:ln><a:noFill/></a:ln></p:spPr>'
        "</p:sp>")


def _timing(shape_id: int, duration: int, right_to_left: bool) -> Element:
    """The slide's ``p:timing``: its main sequence starts on its own (``onBegin`` of the sequence)
    with one exit wipe of shape ``shape_id`` lasting ``duration`` ms, after which the shape is hidden."""
    wipe, subtype = _DIRECTIONS[right_to_left]
    target = f'<p:tgtEl><p:spTgt spid="{shape_id}"/></p:tgtEl>'
    effect = (
        f'<p:par><p:cTn id="5" presetID="{WIPE}" presetClass="exit" presetSubtype="{subtype}" fill="hold" grpId="0" '
        'nodeType="afterEffect"><p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>'
        f'<p:animEffect transition="out" filter="{wipe}"><p:cBhvr><p:cTn id="6" dur="{duration}"/>{target}'
        '</p:cBhvr></p:animEffect>'
        f'<p:set><p:cBhvr><p:cTn id="7" dur="1" fill="hold"><p:stCondLst><p:cond delay="{duration - 1}"/>'
        f'</p:stCondLst></p:cTn>{target}<p:attrNameLst><p:attrName>style.visibility</p:attrName></p:attrNameLst>'
        '</p:cBhvr><p:to><p:strVal val="hidden"/></p:to></p:set>'
        "</p:childTnLst></p:cTn></p:par>")
    return parse_xml(
        f'<p:timing {nsdecls("p")}><p:tnLst><p:par>'
        '<p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot"><p:childTnLst>'
        '<p:seq concurrent="1" nextAc="seek"><p:cTn id="2" dur="indefinite" nodeType="mainSeq"><p:childTnLst>'
        '<p:par><p:cTn id="3" fill="hold"><p:stCondLst><p:cond delay="indefinite"/>'
        '<p:cond evt="onBegin" delay="0"><p:tn val="2"/></p:cond></p:stCondLst><p:childTnLst>'
        '<p:par><p:cTn id="4" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>'
        f"{effect}"
        "</p:childTnLst></p:cTn></p:par></p:childTnLst></p:cTn></p:par>"
        "</p:childTnLst></p:cTn>"
        '<p:prevCondLst><p:cond evt="onPrev" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:prevCondLst>'
        '<p:nextCondLst><p:cond evt="onNext" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:nextCondLst>'
        "</p:seq></p:childTnLst></p:cTn></p:par></p:tnLst>"
        f'<p:bldLst><p:bldP spid="{shape_id}" grpId="0" animBg="1"/></p:bldLst></p:timing>')


def _insert_timing(slide: Element, timing: Element) -> None:
    """Put ``timing`` where the schema wants it: after the slide's shapes, colour map and
    transition, before its extension list."""
    position = 1
    for index, child in enumerate(slide):
        if child.tag == qn("p:cSld") or child.tag in _AFTER_TREE:
            position = index + 1
    slide.insert(position, timing)
