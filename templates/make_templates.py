"""Build the bundled deckgen templates: ``seminar.pptx`` and ``classic.pptx``.

Run from the repository root::

    python templates/make_templates.py

Every part of the package (theme, slide master, named layouts, logo) is written
here from scratch with lxml, then the zip is assembled with a fixed entry order
and fixed timestamps, so two runs give byte-identical files.  The result is
re-opened with python-pptx as a self-check.  Lengths are in inches unless a
name says EMU; font sizes are in points.
"""

from __future__ import annotations

import io
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree
from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
EMU_PER_INCH = 914400
SLIDE_W = 12192000  # EMU, 13.333 in
SLIDE_H = 6858000  # EMU, 7.5 in
FIXED_TIME = "2024-01-01T00:00:00Z"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NSDECL = f'xmlns:a="{NS_A}" xmlns:r="{NS_R}" xmlns:p="{NS_P}"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument"

# Page grid (inches).  Placeholders live between MARGIN and CONTENT_BOTTOM;
# the footer strip (rule, footer text, logo) sits below STRIP_TOP.
SW_IN = SLIDE_W / EMU_PER_INCH
SH_IN = SLIDE_H / EMU_PER_INCH
MARGIN = 0.6
CONTENT_W = SW_IN - 2 * MARGIN
CONTENT_BOTTOM = 6.7
STRIP_TOP = 6.86
LOGO = 0.36
TITLE_Y, TITLE_H = 0.3, 1.2  # room for a claim on two lines at 34 pt
BODY_Y = 1.85
BODY_H = CONTENT_BOTTOM - BODY_Y


def emu(inches: float) -> int:
    """Inches -> EMU (int)."""
    return round(inches * EMU_PER_INCH)


# ---------------------------------------------------------------------------
# Brand definitions
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Brand:
    """Everything that differs between the two bundled templates."""

    name: str
    theme_name: str
    scheme_name: str
    font_scheme_name: str
    heading_font: str
    body_font: str
    scheme: dict[str, str]  # dk1 lt1 dk2 lt2 accent1-6 hlink folHlink -> RRGGBB
    background: str  # slide background (RRGGBB)
    panel: str  # light panel tint for quote/agenda panels
    rule: str  # hairline colour for the footer rule
    on_dark: str  # text on primary / section backgrounds
    on_dark_soft: str  # secondary text on dark backgrounds
    section_bg: str
    question_bg: str
    question_text: str
    question_mark_bg: str
    question_mark_fg: str
    heading_bold: bool
    bullets: tuple[str, str, str]
    footer: str = "Discussion guide"
    description: str = ""
    yaml_colors: dict[str, str] = field(default_factory=dict)


SEMINAR = Brand(
    name="seminar",
    theme_name="deckgen Seminar",
    scheme_name="Seminar Teal Amber",
    font_scheme_name="Seminar Calibri",
    heading_font="Calibri",
    body_font="Calibri",
    scheme={
        "dk1": "1F2A30", "lt1": "FFFFFF", "dk2": "0F5C63", "lt2": "E8F1F1",
        "accent1": "0F5C63", "accent2": "E0A030", "accent3": "5B6B70",
        "accent4": "2E8C8C", "accent5": "C4553A", "accent6": "6E9A3A",
        "hlink": "0E6A8A", "folHlink": "6B4E9B",
    },
    background="FFFFFF",
    panel="E8F1F1",
    rule="C9D6D8",
    on_dark="FFFFFF",
    on_dark_soft="D3E8E9",
    section_bg="0F5C63",
    question_bg="E0A030",
    question_text="1F2A30",
    question_mark_bg="0F5C63",
    question_mark_fg="FFFFFF",
    heading_bold=True,
    bullets=("\u25a0", "\u2013", "\u2022"),
    description="Clean sans-serif look with white slides, deep teal titles and amber accents, "
    "teal section dividers and amber discussion slides.",
    yaml_colors={"background": "FFFFFF", "text": "1F2A30", "primary": "0F5C63",
                 "accent": "E0A030", "muted": "5B6B70"},
)

CLASSIC = Brand(
    name="classic",
    theme_name="deckgen Classic",
    scheme_name="Classic Navy Burgundy",
    font_scheme_name="Classic Cambria Calibri",
    heading_font="Cambria",
    body_font="Calibri",
    scheme={
        "dk1": "222A35", "lt1": "FFFFFF", "dk2": "1B2F4F", "lt2": "F7F3EA",
        "accent1": "1B2F4F", "accent2": "8A2D3B", "accent3": "6B6558",
        "accent4": "B8954A", "accent5": "4F6D7A", "accent6": "7C8C5A",
        "hlink": "1F4E8C", "folHlink": "6A3D7A",
    },
    background="F7F3EA",
    panel="EDE5D3",
    rule="CFC6B4",
    on_dark="FBF8F1",
    on_dark_soft="E6DDC8",
    section_bg="8A2D3B",
    question_bg="DCC07A",
    question_text="1B2F4F",
    question_mark_bg="1B2F4F",
    question_mark_fg="DCC07A",
    heading_bold=False,
    bullets=("\u25a0", "\u2013", "\u2022"),
    description="Traditional academic look with warm off-white paper, navy serif headings, "
    "thin rules and burgundy accents, burgundy dividers and gold discussion slides.",
    yaml_colors={"background": "F7F3EA", "text": "222A35", "primary": "1B2F4F",
                 "accent": "8A2D3B", "muted": "6B6558"},
)


# ---------------------------------------------------------------------------
# Small XML builders (return strings; every part is parsed by lxml at the end)
# ---------------------------------------------------------------------------


def clr(color: str) -> str:
    """A colour element for a scheme colour name (``accent1``) or RRGGBB."""
    if len(color) == 6 and all(c in "0123456789ABCDEF" for c in color):
        return f'<a:srgbClr val="{color}"/>'
    return f'<a:schemeClr val="{color}"/>'


def fill(color: str) -> str:
    return f"<a:solidFill>{clr(color)}</a:solidFill>"


@dataclass(frozen=True)
class Lvl:
    """Paragraph + run defaults for one outline level (sizes in points)."""

    sz: float
    color: str = "tx1"
    font: str = "+mn-lt"
    bold: bool = False
    italic: bool = False
    bullet: str | None = None
    bu_color: str | None = None
    mar_l: float = 0.0  # inches
    indent: float = 0.0  # inches (negative = hanging)
    spc_bef: float = 0.0  # points
    algn: str = "l"
    caps: bool = False
    spc: int = 0  # letter spacing, 1/100 pt
    ln_spc: int = 0  # percent * 1000, 0 = default

    def ppr(self, level: int, tag: str | None = None) -> str:
        tag = tag or f"a:lvl{level}pPr"
        parts = []
        if self.ln_spc:
            parts.append(f'<a:lnSpc><a:spcPct val="{self.ln_spc}"/></a:lnSpc>')
        parts.append(f'<a:spcBef><a:spcPts val="{round(self.spc_bef * 100)}"/></a:spcBef>')
        if self.bullet:
            if self.bu_color:
                parts.append(f"<a:buClr>{clr(self.bu_color)}</a:buClr>")
            parts.append('<a:buFont typeface="Arial" panose="020B0604020202020204"/>')
            parts.append(f'<a:buChar char="{escape(self.bullet)}"/>')
        else:
            parts.append("<a:buNone/>")
        attrs = f' sz="{round(self.sz * 100)}"'
        attrs += f' b="{int(self.bold)}" i="{int(self.italic)}"'
        if self.caps:
            attrs += ' cap="all"'
        if self.spc:
            attrs += f' spc="{self.spc}"'
        font = self.font
        fonts = (f'<a:latin typeface="{font}"/><a:ea typeface="{font[:-3]}-ea"/>'
                 f'<a:cs typeface="{font[:-3]}-cs"/>')
        parts.append(f'<a:defRPr{attrs} kern="1200">{fill(self.color)}{fonts}</a:defRPr>')
        return (f'<{tag} marL="{emu(self.mar_l)}" indent="{emu(self.indent)}" algn="{self.algn}" '
                f'defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1">'
                f'{"".join(parts)}</{tag}>')


def lst_style(levels: list[Lvl]) -> str:
    return "<a:lstStyle>" + "".join(lv.ppr(i + 1) for i, lv in enumerate(levels)) + "</a:lstStyle>"


def body_pr(anchor: str = "t", l_ins: float = 0.0, r_ins: float = 0.0) -> str:
    return (f'<a:bodyPr vert="horz" wrap="square" lIns="{emu(l_ins)}" tIns="45720" '
            f'rIns="{emu(r_ins)}" bIns="45720" rtlCol="0" anchor="{anchor}"><a:noAutofit/></a:bodyPr>')


def xfrm(x: float, y: float, w: float, h: float) -> str:
    return (f'<a:xfrm><a:off x="{emu(x)}" y="{emu(y)}"/>'
            f'<a:ext cx="{emu(w)}" cy="{emu(h)}"/></a:xfrm>')


class Tree:
    """Collects the shapes of one spTree, handing out unique shape ids."""

    def __init__(self) -> None:
        self.shapes: list[str] = []
        self._next_id = 2

    def _id(self) -> int:
        self._next_id += 1
        return self._next_id - 1

    def rect(self, name: str, x: float, y: float, w: float, h: float, color: str,
             geom: str = "rect", line: str | None = None, line_w: float = 0.0) -> None:
        """A decorative filled shape (line_w in points)."""
        ln = (f'<a:ln w="{round(line_w * 12700)}">{fill(line)}</a:ln>' if line
              else "<a:ln><a:noFill/></a:ln>")
        fl = fill(color) if color else "<a:noFill/>"
        self.shapes.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{self._id()}" name="{name}"/><p:cNvSpPr/><p:nvPr userDrawn="1"/>'
            f'</p:nvSpPr><p:spPr>{xfrm(x, y, w, h)}<a:prstGeom prst="{geom}"><a:avLst/></a:prstGeom>'
            f'{fl}{ln}</p:spPr><p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/>'
            f'<a:p><a:pPr algn="ctr"/><a:endParaRPr lang="en-US" dirty="0"/></a:p></p:txBody></p:sp>')

    def text(self, name: str, x: float, y: float, w: float, h: float, text: str, lvl: Lvl,
             anchor: str = "ctr") -> None:
        """A static text box (decoration or footer)."""
        ppr = lvl.ppr(1, "a:pPr")
        rpr = (f'<a:rPr lang="en-US" sz="{round(lvl.sz * 100)}" b="{int(lvl.bold)}" i="{int(lvl.italic)}"'
               f'{" spc=" + chr(34) + str(lvl.spc) + chr(34) if lvl.spc else ""} dirty="0">'
               f'{fill(lvl.color)}<a:latin typeface="{lvl.font}"/></a:rPr>')
        self.shapes.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{self._id()}" name="{name}"/><p:cNvSpPr txBox="1"/>'
            f'<p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>{xfrm(x, y, w, h)}'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
            f'<p:txBody>{body_pr(anchor)}<a:lstStyle/><a:p>{ppr}'
            f'<a:r>{rpr}<a:t>{escape(text)}</a:t></a:r></a:p></p:txBody></p:sp>')

    def picture(self, name: str, r_id: str, x: float, y: float, w: float, h: float, descr: str) -> None:
        self.shapes.append(
            f'<p:pic><p:nvPicPr><p:cNvPr id="{self._id()}" name="{name}" descr="{escape(descr)}"/>'
            f'<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr userDrawn="1"/></p:nvPicPr>'
            f'<p:blipFill><a:blip r:embed="{r_id}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
            f'<p:spPr>{xfrm(x, y, w, h)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')

    def placeholder(self, name: str, ph: str, x: float, y: float, w: float, h: float,
                    levels: list[Lvl], prompts: list[tuple[int, str]], anchor: str = "t") -> None:
        """A layout placeholder with explicit geometry, lstStyle and custom prompt text.

        ``ph`` is the inside of ``<p:ph .../>`` (type and idx attributes).
        """
        paras = "".join(
            f'<a:p><a:pPr lvl="{lvl}"/><a:r><a:rPr lang="en-US" dirty="0"/><a:t>{escape(t)}</a:t></a:r></a:p>'
            for lvl, t in prompts)
        self.shapes.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{self._id()}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/>'
            f'</p:cNvSpPr><p:nvPr><p:ph {ph} hasCustomPrompt="1"/></p:nvPr></p:nvSpPr>'
            f'<p:spPr>{xfrm(x, y, w, h)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>'
            f'<p:txBody>{body_pr(anchor)}{lst_style(levels)}{paras}</p:txBody></p:sp>')

    def strip_placeholder(self, name: str, ph: str, x: float, y: float, w: float, h: float, lvl: Lvl,
                          paragraph: str) -> None:
        """A footer-strip placeholder (``ftr``, ``sldNum``): one style level and one paragraph.

        PowerPoint's Insert > Slide Number and Header & Footer fill these on slides; deckgen
        fills them itself (python-pptx does not copy them to new slides).
        """
        self.shapes.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{self._id()}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/>'
            f'</p:cNvSpPr><p:nvPr><p:ph {ph}/></p:nvPr></p:nvSpPr>'
            f'<p:spPr>{xfrm(x, y, w, h)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>'
            f'<p:txBody>{body_pr("ctr")}{lst_style([lvl])}{paragraph}</p:txBody></p:sp>')

    def sp_tree(self) -> str:
        return ('<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
                '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
                f'<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>{"".join(self.shapes)}</p:spTree>')


# ---------------------------------------------------------------------------
# Text styles shared by the layouts
# ---------------------------------------------------------------------------


def title_lvl(b: Brand, sz: float = 36, color: str = "tx2", algn: str = "l") -> Lvl:
    return Lvl(sz=sz, color=color, font="+mj-lt", bold=b.heading_bold, algn=algn, ln_spc=90000)


def bullet_levels(b: Brand, sizes: tuple[float, float, float] = (24, 20, 18),
                  color: str = "tx1", bu: tuple[str, str, str] = ("accent2", "accent1", "accent3"),
                  ) -> list[Lvl]:
    s1, s2, s3 = sizes
    return [
        Lvl(sz=s1, color=color, bullet=b.bullets[0], bu_color=bu[0], mar_l=0.32, indent=-0.32, spc_bef=10),
        Lvl(sz=s2, color=color, bullet=b.bullets[1], bu_color=bu[1], mar_l=0.75, indent=-0.3, spc_bef=4),
        Lvl(sz=s3, color=color, bullet=b.bullets[2], bu_color=bu[2], mar_l=1.15, indent=-0.25, spc_bef=3),
    ]


def plain_levels(sz: float, color: str = "tx1", italic: bool = False, bold: bool = False,
                 algn: str = "l", spc_bef: float = 6, font: str = "+mn-lt") -> list[Lvl]:
    lv = Lvl(sz=sz, color=color, italic=italic, bold=bold, algn=algn, spc_bef=spc_bef, font=font)
    return [lv, lv, lv]


BODY_PROMPTS = [(0, "Key point"), (1, "Supporting detail"), (2, "Further detail")]


# ---------------------------------------------------------------------------
# Layouts
# ---------------------------------------------------------------------------


@dataclass
class Layout:
    name: str
    type: str
    tree: Tree
    show_master: bool = True
    background: str | None = None
    uses_logo: bool = False


SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
"""The id of the slide-number field (``a:fld``); fixed so the templates are reproducible."""
NUMBER_W = 1.0
FOOTER_PH = 'type="ftr" sz="quarter" idx="11"'
NUMBER_PH = 'type="sldNum" sz="quarter" idx="12"'


def number_x(logo_x: float) -> float:
    """Left edge of the slide number: right-aligned just before the logo at ``logo_x``."""
    return logo_x - 0.15 - NUMBER_W


def footer_lvl(color: str = "accent3") -> Lvl:
    return Lvl(sz=11, color=color, spc=50)


def number_lvl(color: str = "accent3", algn: str = "r") -> Lvl:
    return Lvl(sz=11, color=color, bold=True, algn=algn)


def footer_placeholder(t: Tree, b: Brand) -> None:
    """The footer text on the left of the strip (deckgen writes the outline's ``footer``)."""
    t.strip_placeholder("Footer Placeholder", FOOTER_PH, MARGIN, STRIP_TOP + 0.03, 8.0, LOGO, footer_lvl(),
                        f'<a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>{escape(b.footer)}</a:t></a:r></a:p>')


def number_placeholder(t: Tree, x: float, y: float, color: str = "accent3") -> None:
    """The slide number (a ``slidenum`` field), right-aligned in a box starting at ``x``."""
    t.strip_placeholder("Slide Number Placeholder", NUMBER_PH, x, y, NUMBER_W, LOGO, number_lvl(color),
                        f'<a:p><a:fld id="{SLIDE_NUMBER_FIELD}" type="slidenum"><a:rPr lang="en-US"/>'
                        '<a:t>\u2039#\u203a</a:t></a:fld></a:p>')


def strip_placeholders(t: Tree, b: Brand) -> None:
    """Footer and slide number of a layout that shows the master's footer strip."""
    footer_placeholder(t, b)
    number_placeholder(t, number_x(SW_IN - MARGIN - LOGO), STRIP_TOP + 0.03)


def std_title(t: Tree, b: Brand, prompt: str = "Slide title", color: str = "tx2") -> None:
    t.placeholder("Title 1", 'type="title"', MARGIN, TITLE_Y, CONTENT_W, TITLE_H,
                  [title_lvl(b, color=color)], [(0, prompt)], anchor="b")


def title_rule(t: Tree, b: Brand, y: float = 1.58) -> None:
    """The accent under a slide title: amber dash (seminar) or thin rule + burgundy dash (classic)."""
    if b.name == "seminar":
        t.rect("Title Accent", MARGIN, y, 1.1, 0.07, "accent2")
    else:
        t.rect("Title Rule", MARGIN, y + 0.03, CONTENT_W, 0.014, "accent1")
        t.rect("Title Accent", MARGIN, y, 0.9, 0.07, "accent2")


def logo_alt(b: Brand) -> str:
    """The logo's alt text names the brand, so a screen reader says whose mark it is."""
    return f"{b.theme_name} logo"


def bleed_number(t: Tree, b: Brand, color: str) -> None:
    """The slide number on layouts that hide the master shapes, beside their own logo."""
    y = STRIP_TOP + 0.02 if b.name == "seminar" else STRIP_TOP - 0.2
    number_placeholder(t, number_x(SW_IN - MARGIN - LOGO), y, color)


def bleed_logo(t: Tree, b: Brand) -> None:
    """The logo on layouts that hide the master shapes (inside the frame for classic)."""
    y = STRIP_TOP + 0.02 if b.name == "seminar" else STRIP_TOP - 0.2
    t.picture("Logo", "rId2", SW_IN - MARGIN - LOGO, y, LOGO, LOGO, logo_alt(b))


def frame(t: Tree, b: Brand, color: str) -> None:
    """Classic: a hairline frame inset from the slide edge on full-bleed slides."""
    if b.name == "classic":
        t.rect("Frame", 0.28, 0.28, SW_IN - 0.56, SH_IN - 0.56, "", line=color, line_w=1.0)


def layout_title(b: Brand) -> Layout:
    t = Tree()
    if b.name == "seminar":
        t.rect("Accent Bar", MARGIN, 1.45, 0.14, 4.6, "accent2")
        t.rect("Bottom Band", 0, SH_IN - 0.14, SW_IN, 0.14, "accent2")
        x = MARGIN + 0.45
        t.placeholder("Title 1", 'type="ctrTitle"', x, 1.35, SW_IN - x - MARGIN, 2.75,
                      [title_lvl(b, 48, b.on_dark)], [(0, "Presentation title")], anchor="b")
        t.placeholder("Subtitle 2", 'type="subTitle" idx="1"', x, 4.3, SW_IN - x - MARGIN, 1.85,
                      plain_levels(20, b.on_dark_soft, spc_bef=4),
                      [(0, "Subtitle"), (0, "Presenter · Date"), (0, "Source byline")])
    else:
        frame(t, b, "accent4")
        t.rect("Rule Top", SW_IN / 2 - 1.0, 1.25, 2.0, 0.025, "accent4")
        t.rect("Rule Bottom", SW_IN / 2 - 1.0, 4.2, 2.0, 0.025, "accent4")
        t.placeholder("Title 1", 'type="ctrTitle"', 1.2, 1.4, SW_IN - 2.4, 2.65,
                      [title_lvl(b, 46, b.on_dark, algn="ctr")], [(0, "Presentation title")], anchor="b")
        t.placeholder("Subtitle 2", 'type="subTitle" idx="1"', 1.2, 4.4, SW_IN - 2.4, 1.95,
                      plain_levels(20, b.on_dark_soft, algn="ctr", spc_bef=4),
                      [(0, "Subtitle"), (0, "Presenter · Date"), (0, "Source byline")])
    bleed_logo(t, b)
    return Layout("Title", "title", t, show_master=False, background="accent1", uses_logo=True)


def layout_thesis(b: Brand) -> Layout:
    t = Tree()
    label = Lvl(sz=18, color="accent2" if b.name == "classic" else "tx2", bold=True, caps=True, spc=300)
    t.placeholder("Title 1", 'type="title"', MARGIN, 1.6, CONTENT_W, 0.6, [label], [(0, "Thesis")],
                  anchor="b")
    t.rect("Thesis Bar", MARGIN, 2.6, 0.1, 1.6, "accent2")
    t.placeholder("Text Placeholder 2", 'type="body" idx="1"', MARGIN + 0.45, 2.45, CONTENT_W - 0.45,
                  CONTENT_BOTTOM - 2.45, plain_levels(28, "tx2" if b.name == "classic" else "tx1", spc_bef=10),
                  [(0, "The one-sentence claim this discussion tests")])
    strip_placeholders(t, b)
    return Layout("Thesis", "cust", t)


def layout_agenda(b: Brand) -> Layout:
    t = Tree()
    panel_w = 4.3
    t.rect("Agenda Panel", 0, 0, panel_w, STRIP_TOP - 0.06, b.panel)
    t.placeholder("Title 1", 'type="title"', MARGIN, 0.9, panel_w - MARGIN - 0.3, 2.0,
                  [title_lvl(b, 40)], [(0, "Agenda")], anchor="b")
    t.rect("Title Accent", MARGIN, 3.05, 1.1, 0.07, "accent2")
    x = panel_w + 0.6
    levels = bullet_levels(b)
    levels[0] = Lvl(sz=24, bullet=b.bullets[0], bu_color="accent2", mar_l=0.4, indent=-0.4, spc_bef=14)
    t.placeholder("Text Placeholder 2", 'type="body" idx="1"', x, 0.9, SW_IN - x - MARGIN, 5.8,
                  levels, [(0, "Section title · minutes")])
    strip_placeholders(t, b)
    return Layout("Agenda", "cust", t)


def layout_section(b: Brand) -> Layout:
    t = Tree()
    frame(t, b, "FFFFFF")
    algn = "ctr" if b.name == "classic" else "l"
    x = MARGIN if b.name == "seminar" else 1.2
    w = SW_IN - 2 * x
    t.placeholder("Title 1", 'type="title"', x, 1.2, w, 2.4,
                  [title_lvl(b, 44, b.on_dark, algn=algn)], [(0, "Section title")], anchor="b")
    bar_x = x if b.name == "seminar" else SW_IN / 2 - 0.7
    t.rect("Section Accent", bar_x, 3.78, 1.4, 0.07, "accent2" if b.name == "seminar" else b.on_dark_soft)
    t.placeholder("Text Placeholder 2", 'type="body" idx="1"', x, 4.05, w, 2.1,
                  plain_levels(22, b.on_dark_soft, algn=algn, italic=b.name == "classic"),
                  [(0, "One-line summary of the section")])
    bleed_number(t, b, b.on_dark_soft)
    bleed_logo(t, b)
    return Layout("Section", "secHead", t, show_master=False, background=b.section_bg, uses_logo=True)


def layout_content(b: Brand) -> Layout:
    t = Tree()
    std_title(t, b)
    title_rule(t, b)
    t.placeholder("Content Placeholder 2", 'type="body" idx="1"', MARGIN, BODY_Y, CONTENT_W, BODY_H,
                  bullet_levels(b), BODY_PROMPTS)
    strip_placeholders(t, b)
    return Layout("Content", "obj", t)


def layout_quote(b: Brand) -> Layout:
    t = Tree()
    std_title(t, b)
    title_rule(t, b)
    panel_x = 8.1
    t.placeholder("Text Placeholder 2", 'type="body" idx="1"', MARGIN, BODY_Y, panel_x - MARGIN - 0.4,
                  BODY_H, bullet_levels(b, (22, 18, 16)), BODY_PROMPTS)
    t.rect("Quote Panel", panel_x, BODY_Y, SW_IN - MARGIN - panel_x, BODY_H, b.panel)
    t.rect("Quote Bar", panel_x, BODY_Y, 0.09, BODY_H, "accent2")
    mark = Lvl(sz=96, color="accent2", font="+mj-lt", bold=True)
    t.text("Quote Mark", panel_x + 0.35, BODY_Y - 0.05, 1.2, 1.15, "\u201c", mark, anchor="t")
    qx = panel_x + 0.4
    t.placeholder("Quote", 'type="body" idx="13"', qx, BODY_Y + 1.05, SW_IN - MARGIN - qx - 0.3,
                  BODY_H - 1.3, plain_levels(24, "tx2", italic=True, spc_bef=8),
                  [(0, "Quotation"), (0, "— Attribution")])
    strip_placeholders(t, b)
    return Layout("Quote", "cust", t)


def layout_picture(b: Brand) -> Layout:
    t = Tree()
    std_title(t, b)
    title_rule(t, b)
    half = (CONTENT_W - 0.4) / 2
    t.placeholder("Text Placeholder 2", 'type="body" idx="1"', MARGIN, BODY_Y, half, BODY_H,
                  bullet_levels(b, (22, 18, 16)), BODY_PROMPTS)
    pic = Lvl(sz=16, color="accent3", algn="ctr")
    t.placeholder("Picture Placeholder 3", 'type="pic" idx="2"', MARGIN + half + 0.4, BODY_Y, half, BODY_H,
                  [pic], [(0, "Picture")], anchor="ctr")
    strip_placeholders(t, b)
    return Layout("Picture", "cust", t)


def layout_question(b: Brand) -> Layout:
    t = Tree()
    frame(t, b, b.question_mark_bg)
    text_w = 8.9
    meta = Lvl(sz=16, color=b.question_text, bold=True, caps=True, spc=200)
    t.placeholder("Meta", 'type="body" idx="13"', MARGIN, 0.6, text_w, 0.5, [meta, meta, meta],
                  [(0, "Analysis · 10 min")], anchor="b")
    t.placeholder("Title 1", 'type="title"', MARGIN, 1.2, text_w, 2.6,
                  [Lvl(sz=36, color=b.question_text, font="+mj-lt", bold=True, ln_spc=90000)],
                  [(0, "Discussion question")], anchor="t")
    t.placeholder("Text Placeholder 2", 'type="body" idx="1"', MARGIN, 4.0, text_w, 2.7,
                  bullet_levels(b, (22, 20, 18), color=b.question_text,
                                bu=(b.question_mark_bg, b.question_mark_bg, b.question_mark_bg)),
                  [(0, "Follow-up question")])
    cx, d = 11.1, 2.9
    t.rect("Question Disc", cx - d / 2, 1.3, d, d, b.question_mark_bg, geom="ellipse")
    mark = Lvl(sz=160, color=b.question_mark_fg, font="+mj-lt", bold=True, algn="ctr")
    t.text("Question Mark", cx - d / 2, 1.3, d, d, "?", mark)
    label = Lvl(sz=18, color=b.question_text, bold=True, caps=True, spc=400, algn="ctr")
    t.placeholder("Label", 'type="body" idx="14"', cx - d / 2 - 0.3, 4.4, d + 0.6, 0.5, [label, label, label],
                  [(0, "Discuss")], anchor="t")
    bleed_number(t, b, b.question_text)
    bleed_logo(t, b)
    return Layout("Question", "cust", t, show_master=False, background=b.question_bg, uses_logo=True)


def layout_closing(b: Brand) -> Layout:
    t = Tree()
    t.rect("Title Band", 0, 0, SW_IN, 1.72, "accent1")
    t.rect("Band Accent", 0, 1.72, SW_IN, 0.06, "accent2")
    std_title(t, b, "Takeaways", color=b.on_dark)
    t.placeholder("Text Placeholder 2", 'type="body" idx="1"', MARGIN, 2.1, CONTENT_W,
                  CONTENT_BOTTOM - 2.1, bullet_levels(b), [(0, "Takeaway")])
    strip_placeholders(t, b)
    return Layout("Closing", "cust", t)


def layout_references(b: Brand) -> Layout:
    t = Tree()
    std_title(t, b, "References")
    title_rule(t, b)
    ref = Lvl(sz=16, mar_l=0.4, indent=-0.4, spc_bef=8)
    t.placeholder("Text Placeholder 2", 'type="body" idx="1"', MARGIN, BODY_Y, CONTENT_W, BODY_H,
                  [ref, ref, ref], [(0, "Author (Year). Title. Publisher. URL")])
    strip_placeholders(t, b)
    return Layout("References", "cust", t)


def layout_two_content(b: Brand) -> Layout:
    t = Tree()
    std_title(t, b)
    title_rule(t, b)
    half = (CONTENT_W - 0.4) / 2
    for i, x in ((1, MARGIN), (2, MARGIN + half + 0.4)):
        t.placeholder(f"Content Placeholder {i + 1}", f'type="body" idx="{i}"', x, BODY_Y, half, BODY_H,
                      bullet_levels(b, (22, 18, 16)), BODY_PROMPTS)
    strip_placeholders(t, b)
    return Layout("Two Content", "twoObj", t)


def layout_title_only(b: Brand) -> Layout:
    t = Tree()
    std_title(t, b)
    title_rule(t, b)
    strip_placeholders(t, b)
    return Layout("Title Only", "titleOnly", t)


def layout_blank(b: Brand) -> Layout:
    t = Tree()
    strip_placeholders(t, b)
    return Layout("Blank", "blank", t)


LAYOUTS = [layout_title, layout_thesis, layout_agenda, layout_section, layout_content, layout_quote,
           layout_picture, layout_question, layout_closing, layout_references, layout_two_content,
           layout_title_only, layout_blank]


def layout_xml(lay: Layout) -> str:
    bg = ""
    if lay.background:
        bg = f"<p:bg><p:bgPr>{fill(lay.background)}<a:effectLst/></p:bgPr></p:bg>"
    show = "" if lay.show_master else ' showMasterSp="0"'
    return (f'<p:sldLayout {NSDECL}{show} type="{lay.type}" preserve="1" userDrawn="1">'
            f'<p:cSld name="{lay.name}">{bg}{lay.tree.sp_tree()}</p:cSld>'
            '<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>')


# ---------------------------------------------------------------------------
# Master, theme and package parts
# ---------------------------------------------------------------------------


def master_xml(b: Brand, n_layouts: int) -> str:
    t = Tree()
    if b.name == "seminar":
        t.rect("Top Bar", 0, 0, SW_IN, 0.14, "accent1")
    t.placeholder("Title Placeholder 1", 'type="title"', MARGIN, TITLE_Y, CONTENT_W, TITLE_H,
                  [], [(0, "Click to edit title style")], anchor="b")
    t.placeholder("Text Placeholder 2", 'type="body" idx="1"', MARGIN, BODY_Y, CONTENT_W, BODY_H,
                  [], [(0, "Click to edit text styles"), (1, "Second level"), (2, "Third level")])
    t.rect("Footer Rule", MARGIN, STRIP_TOP, CONTENT_W, 0.012, b.rule)
    strip_placeholders(t, b)
    t.picture("Logo", "rId1", SW_IN - MARGIN - LOGO, STRIP_TOP + 0.02, LOGO, LOGO, logo_alt(b))
    # the master placeholders carry no lstStyle; their look comes from txStyles
    tree = t.sp_tree().replace("<a:lstStyle></a:lstStyle>", "<a:lstStyle/>")
    bullets = bullet_levels(b)
    deeper = [Lvl(sz=16, bullet=b.bullets[2], bu_color="accent3", mar_l=1.15 + 0.4 * i, indent=-0.25,
                  spc_bef=3) for i in range(1, 7)]
    body = "".join(lv.ppr(i + 1) for i, lv in enumerate(bullets + deeper))
    other = '<a:defPPr><a:defRPr lang="en-US"/></a:defPPr>' + "".join(
        Lvl(sz=18, mar_l=0.5 * i).ppr(i + 1) for i in range(9))
    layout_ids = "".join(f'<p:sldLayoutId id="{2147483649 + i}" r:id="rId{i + 2}"/>' for i in range(n_layouts))
    return (f'<p:sldMaster {NSDECL}><p:cSld><p:bg><p:bgPr>{fill(b.background)}<a:effectLst/></p:bgPr></p:bg>'
            f'{tree}</p:cSld>'
            '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" '
            'accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" '
            f'folHlink="folHlink"/><p:sldLayoutIdLst>{layout_ids}</p:sldLayoutIdLst>'
            f'<p:txStyles><p:titleStyle>{title_lvl(b).ppr(1)}</p:titleStyle>'
            f'<p:bodyStyle>{body}</p:bodyStyle><p:otherStyle>{other}</p:otherStyle></p:txStyles>'
            '</p:sldMaster>')


FONT_SCRIPTS_MAJOR = [("Jpan", "游ゴシック Light"), ("Hang", "맑은 고딕"), ("Hans", "等线 Light"),
                      ("Hant", "新細明體"), ("Arab", "Times New Roman"), ("Hebr", "Times New Roman"),
                      ("Thai", "Angsana New"), ("Viet", "Times New Roman")]
FONT_SCRIPTS_MINOR = [("Jpan", "游ゴシック"), ("Hang", "맑은 고딕"), ("Hans", "等线"), ("Hant", "新細明體"),
                      ("Arab", "Arial"), ("Hebr", "Arial"), ("Thai", "Cordia New"), ("Viet", "Arial")]

FMT_SCHEME = (
    '<a:fmtScheme name="deckgen"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    '<a:solidFill><a:schemeClr val="phClr"><a:tint val="50000"/></a:schemeClr></a:solidFill>'
    '<a:solidFill><a:schemeClr val="phClr"><a:shade val="80000"/></a:schemeClr></a:solidFill>'
    '</a:fillStyleLst><a:lnStyleLst>'
    + "".join(f'<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/>'
              '</a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>' for w in (6350, 12700, 19050))
    + '</a:lnStyleLst><a:effectStyleLst>'
    + '<a:effectStyle><a:effectLst/></a:effectStyle>' * 3
    + '</a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    '<a:solidFill><a:schemeClr val="phClr"><a:tint val="95000"/></a:schemeClr></a:solidFill>'
    '<a:solidFill><a:schemeClr val="phClr"><a:shade val="90000"/></a:schemeClr></a:solidFill>'
    '</a:bgFillStyleLst></a:fmtScheme>')


def theme_xml(b: Brand) -> str:
    order = ["dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5",
             "accent6", "hlink", "folHlink"]
    colors = "".join(f'<a:{k}><a:srgbClr val="{b.scheme[k]}"/></a:{k}>' for k in order)

    def font(tag: str, latin: str, scripts: list[tuple[str, str]]) -> str:
        extra = "".join(f'<a:font script="{s}" typeface="{f}"/>' for s, f in scripts)
        return f'<a:{tag}><a:latin typeface="{latin}"/><a:ea typeface=""/><a:cs typeface=""/>{extra}</a:{tag}>'

    return (f'<a:theme xmlns:a="{NS_A}" name="{b.theme_name}"><a:themeElements>'
            f'<a:clrScheme name="{b.scheme_name}">{colors}</a:clrScheme>'
            f'<a:fontScheme name="{b.font_scheme_name}">'
            f'{font("majorFont", b.heading_font, FONT_SCRIPTS_MAJOR)}'
            f'{font("minorFont", b.body_font, FONT_SCRIPTS_MINOR)}</a:fontScheme>'
            f'{FMT_SCHEME}</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>')


def presentation_xml() -> str:
    levels = "".join(Lvl(sz=18, mar_l=0.5 * i).ppr(i + 1) for i in range(9))
    return (f'<p:presentation {NSDECL} saveSubsetFonts="1"><p:sldMasterIdLst>'
            '<p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>'
            f'<p:sldSz cx="{SLIDE_W}" cy="{SLIDE_H}"/><p:notesSz cx="6858000" cy="9144000"/>'
            f'<p:defaultTextStyle><a:defPPr><a:defRPr lang="en-US"/></a:defPPr>{levels}</p:defaultTextStyle>'
            '</p:presentation>')


def rels_xml(rels: list[tuple[str, str, str]]) -> str:
    items = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{tg}"/>' for i, t, tg in rels)
    return f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}</Relationships>'


def core_xml(b: Brand) -> str:
    return ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{b.theme_name} template</dc:title><dc:creator>deckgen</dc:creator>'
            '<cp:lastModifiedBy>deckgen</cp:lastModifiedBy><cp:revision>1</cp:revision>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED_TIME}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED_TIME}</dcterms:modified>'
            '</cp:coreProperties>')


def app_xml(b: Brand) -> str:
    return ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            '<TotalTime>0</TotalTime><Words>0</Words><Application>deckgen</Application>'
            '<PresentationFormat>Widescreen</PresentationFormat><Paragraphs>0</Paragraphs>'
            '<Slides>0</Slides><Notes>0</Notes><HiddenSlides>0</HiddenSlides><MMClips>0</MMClips>'
            '<ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant">'
            '<vt:variant><vt:lpstr>Theme</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant>'
            '</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="1" baseType="lpstr">'
            f'<vt:lpstr>{b.theme_name}</vt:lpstr></vt:vector></TitlesOfParts>'
            '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>'
            '<HyperlinksChanged>false</HyperlinksChanged></Properties>')


PRES_PROPS = f'<p:presentationPr {NSDECL}/>'
VIEW_PROPS = (f'<p:viewPr {NSDECL}><p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="94660"/>'
              '</p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>')
TABLE_STYLES = f'<a:tblStyleLst xmlns:a="{NS_A}" def="{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}"/>'


def content_types(n_layouts: int) -> str:
    over = [("/ppt/presentation.xml", f"{CT}.presentationml.presentation.main+xml"),
            ("/ppt/slideMasters/slideMaster1.xml", f"{CT}.presentationml.slideMaster+xml")]
    over += [(f"/ppt/slideLayouts/slideLayout{i}.xml", f"{CT}.presentationml.slideLayout+xml")
             for i in range(1, n_layouts + 1)]
    over += [("/ppt/theme/theme1.xml", f"{CT}.theme+xml"),
             ("/ppt/presProps.xml", f"{CT}.presentationml.presProps+xml"),
             ("/ppt/viewProps.xml", f"{CT}.presentationml.viewProps+xml"),
             ("/ppt/tableStyles.xml", f"{CT}.presentationml.tableStyles+xml"),
             ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
             ("/docProps/app.xml", f"{CT}.extended-properties+xml")]
    items = ('<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Default Extension="png" ContentType="image/png"/>')
    items += "".join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in over)
    return f'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">{items}</Types>'


# ---------------------------------------------------------------------------
# Logos (drawn at 4x and downsampled: antialiased, deterministic)
# ---------------------------------------------------------------------------


def rgb(hex_: str) -> tuple[int, int, int, int]:
    return (int(hex_[0:2], 16), int(hex_[2:4], 16), int(hex_[4:6], 16), 255)


def draw_logo(b: Brand, size: int = 192) -> bytes:
    s = size * 4
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    u = s / 48  # design grid: 48 x 48 units

    def box(x0: float, y0: float, x1: float, y1: float) -> list[float]:
        return [x0 * u, y0 * u, x1 * u, y1 * u]

    def poly(*pts: float) -> list[tuple[float, float]]:
        return [(pts[i] * u, pts[i + 1] * u) for i in range(0, len(pts), 2)]

    if b.name == "seminar":
        teal, amber, white = rgb(b.scheme["accent1"]), rgb(b.scheme["accent2"]), rgb("FFFFFF")
        # back bubble (teal), front bubble (amber), each with a white outline and a tail
        d.rounded_rectangle(box(1, 3, 31, 25), radius=7 * u, fill=white)
        d.polygon(poly(6, 22, 5, 33, 16, 22), fill=white)
        d.rounded_rectangle(box(3, 5, 29, 23), radius=5.5 * u, fill=teal)
        d.polygon(poly(8, 21, 7.5, 29.5, 15, 21), fill=teal)
        d.rounded_rectangle(box(15, 15, 47, 39), radius=7 * u, fill=white)
        d.polygon(poly(36, 36, 44, 47, 31, 36), fill=white)
        d.rounded_rectangle(box(17, 17, 45, 37), radius=5.5 * u, fill=amber)
        d.polygon(poly(36, 35, 42, 43.5, 32, 35), fill=amber)
        for cx in (24.5, 31, 37.5):
            d.ellipse(box(cx - 2.2, 24.8, cx + 2.2, 29.2), fill=white)
    else:
        navy, gold, paper = rgb(b.scheme["accent1"]), rgb(b.scheme["accent4"]), rgb("FBF8F1")
        d.ellipse(box(0.5, 0.5, 47.5, 47.5), fill=paper)
        d.ellipse(box(2, 2, 46, 46), fill=navy)
        d.ellipse(box(4.5, 4.5, 43.5, 43.5), outline=gold, width=round(1.4 * u))
        # an open book: two pages meeting at the spine
        d.polygon(poly(11, 17, 23.2, 19.5, 23.2, 33, 11, 30.5), fill=paper)
        d.polygon(poly(37, 17, 24.8, 19.5, 24.8, 33, 37, 30.5), fill=paper)
        d.polygon(poly(11, 31.5, 23.2, 34, 24.8, 34, 37, 31.5, 37, 33, 24.8, 35.5, 23.2, 35.5, 11, 33),
                  fill=gold)
    img = img.resize((size, size), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False, compress_level=9)
    return buf.getvalue()


# ---------------------------------------------------------------------------
# Package assembly
# ---------------------------------------------------------------------------


def xml_bytes(text: str) -> bytes:
    """Parse (catches mistakes) and serialise with the usual OOXML declaration."""
    root = etree.fromstring(text.encode("utf-8"))
    body: bytes = etree.tostring(root, encoding="UTF-8")
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body


def package_parts(b: Brand, logo: bytes) -> list[tuple[str, bytes]]:
    layouts = [make(b) for make in LAYOUTS]
    n = len(layouts)
    parts: list[tuple[str, bytes]] = [
        ("[Content_Types].xml", xml_bytes(content_types(n))),
        ("_rels/.rels", xml_bytes(rels_xml([
            ("rId1", f"{REL}/officeDocument", "ppt/presentation.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
             "docProps/core.xml"),
            ("rId3", f"{REL}/extended-properties", "docProps/app.xml")]))),
        ("docProps/core.xml", xml_bytes(core_xml(b))),
        ("docProps/app.xml", xml_bytes(app_xml(b))),
        ("ppt/presentation.xml", xml_bytes(presentation_xml())),
        ("ppt/_rels/presentation.xml.rels", xml_bytes(rels_xml([
            ("rId1", f"{REL}/slideMaster", "slideMasters/slideMaster1.xml"),
            ("rId2", f"{REL}/theme", "theme/theme1.xml"),
            ("rId3", f"{REL}/presProps", "presProps.xml"),
            ("rId4", f"{REL}/viewProps", "viewProps.xml"),
            ("rId5", f"{REL}/tableStyles", "tableStyles.xml")]))),
        ("ppt/presProps.xml", xml_bytes(PRES_PROPS)),
        ("ppt/viewProps.xml", xml_bytes(VIEW_PROPS)),
        ("ppt/tableStyles.xml", xml_bytes(TABLE_STYLES)),
        ("ppt/theme/theme1.xml", xml_bytes(theme_xml(b))),
        ("ppt/slideMasters/slideMaster1.xml", xml_bytes(master_xml(b, n))),
        ("ppt/slideMasters/_rels/slideMaster1.xml.rels", xml_bytes(rels_xml(
            [("rId1", f"{REL}/image", "../media/image1.png")]
            + [(f"rId{i + 2}", f"{REL}/slideLayout", f"../slideLayouts/slideLayout{i + 1}.xml") for i in range(n)]
            + [(f"rId{n + 2}", f"{REL}/theme", "../theme/theme1.xml")]))),
    ]
    for i, lay in enumerate(layouts, start=1):
        rels = [("rId1", f"{REL}/slideMaster", "../slideMasters/slideMaster1.xml")]
        if lay.uses_logo:
            rels.append(("rId2", f"{REL}/image", "../media/image1.png"))
        parts.append((f"ppt/slideLayouts/slideLayout{i}.xml", xml_bytes(layout_xml(lay))))
        parts.append((f"ppt/slideLayouts/_rels/slideLayout{i}.xml.rels", xml_bytes(rels_xml(rels))))
    parts.append(("ppt/media/image1.png", logo))
    return parts


def write_zip(path: Path, parts: list[tuple[str, bytes]]) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            zf.writestr(info, data, compresslevel=9)
    path.write_bytes(buf.getvalue())


def write_brand_yaml(b: Brand, path: Path) -> None:
    c = b.yaml_colors
    colors = ", ".join(f'{k}: "{c[k]}"' for k in ("background", "text", "primary", "accent", "muted"))
    path.write_text(
        f"# Brand file for the bundled '{b.name}' template (generated by make_templates.py).\n"
        f"name: {b.name}\n"
        f'description: "{b.description}"\n'
        f"file: {b.name}.pptx\n"
        f"fonts: {{heading: {b.heading_font}, body: {b.body_font}}}          # theme font names\n"
        f"colors: {{{colors}}}\n"
        f"footer: {b.footer}\n"
        f"logo: {b.name}-logo.png\n"
        "sizes: {title: 36, body: 24, max_body: 28, min_title: 24, min_body: 14}   # points: starting, ceiling, floor\n"
        "roles:            # slide role -> layout name\n"
        "  title: Title\n  thesis: Thesis\n  agenda: Agenda\n  section: Section\n  content: Content\n"
        "  quote: Quote\n  picture: Picture\n  question: Question\n  takeaways: Closing\n"
        "  references: References\n",
        encoding="utf-8")


STRIP = {11: "FOOTER", 12: "SLIDE_NUMBER"}
"""The footer and slide-number placeholders of every layout that shows the footer strip."""
EXPECTED = {
    "Title": {0: "CENTER_TITLE", 1: "SUBTITLE"}, "Thesis": {0: "TITLE", 1: "BODY", **STRIP},
    "Agenda": {0: "TITLE", 1: "BODY", **STRIP}, "Section": {0: "TITLE", 1: "BODY", 12: "SLIDE_NUMBER"},
    "Content": {0: "TITLE", 1: "BODY", **STRIP}, "Quote": {0: "TITLE", 1: "BODY", 13: "BODY", **STRIP},
    "Picture": {0: "TITLE", 1: "BODY", 2: "PICTURE", **STRIP},
    "Question": {0: "TITLE", 1: "BODY", 13: "BODY", 14: "BODY", 12: "SLIDE_NUMBER"},
    "Closing": {0: "TITLE", 1: "BODY", **STRIP}, "References": {0: "TITLE", 1: "BODY", **STRIP},
    "Two Content": {0: "TITLE", 1: "BODY", 2: "BODY", **STRIP}, "Title Only": {0: "TITLE", **STRIP},
    "Blank": dict(STRIP),
}


def self_check(path: Path, brand_file: Path) -> None:
    """Re-open with python-pptx and assert the layout/placeholder contract; parse the brand file."""
    import yaml
    from pptx import Presentation

    brand = yaml.safe_load(brand_file.read_text(encoding="utf-8"))
    assert set(brand["roles"].values()) <= set(EXPECTED), brand["roles"]

    prs = Presentation(str(path))
    assert (prs.slide_width, prs.slide_height) == (SLIDE_W, SLIDE_H)
    assert len(prs.slides) == 0
    found = {lay.name: {ph.placeholder_format.idx: ph.placeholder_format.type.name for ph in lay.placeholders}
             for lay in prs.slide_layouts}
    assert found == EXPECTED, found


def build(b: Brand) -> None:
    logo = draw_logo(b)
    (HERE / f"{b.name}-logo.png").write_bytes(logo)
    out = HERE / f"{b.name}.pptx"
    write_zip(out, package_parts(b, logo))
    write_brand_yaml(b, HERE / f"{b.name}.yaml")
    self_check(out, HERE / f"{b.name}.yaml")
    print(f"wrote {out.relative_to(HERE.parent)}")


def main() -> int:
    for brand in (SEMINAR, CLASSIC):
        build(brand)
    return 0


if __name__ == "__main__":
    sys.exit(main())
