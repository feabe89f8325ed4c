"""What a slide layout is for, in words any template may use: OOXML layout types, the type
keywords an outline may name (``layout: title-only``), and layout names in several languages.

PowerPoint records what each layout is for in ``<p:sldLayout type="…">`` whatever the
language of its name ("Solo el título" and "Title Only" are both ``titleOnly``). Names are a
second signal: English names as PowerPoint, LibreOffice, pandoc and Google Slides write
them, and the names PowerPoint gives its default layouts in a few other languages. Pure
data: the planner resolves ``layout:`` with it, the template reader matches roles with it.
"""

from __future__ import annotations

import unicodedata

KEYWORDS: dict[str, str] = {
    "title-slide": "title",
    "content": "obj",
    "title-and-content": "obj",
    "title-and-text": "tx",
    "section": "secHead",
    "two-content": "twoObj",
    "comparison": "twoTxTwoObj",
    "title-only": "titleOnly",
    "blank": "blank",
    "content-with-caption": "objTx",
    "picture-with-caption": "picTx",
    "vertical-text": "vertTx",
}
"""Type keywords an outline's ``layout:`` may name, and the OOXML layout type each means."""

_ENGLISH: dict[str, tuple[str, ...]] = {
    "title": ("titleslide", "title"),
    "obj": ("titleandcontent", "titlecontent", "titleandbody"),
    "tx": ("titleandtext", "titletext"),
    "secHead": ("sectionheader", "sectiontitle", "sectionheading"),
    "twoObj": ("twocontent", "titletwocontent", "title2content", "titleandtwocolumns"),
    "twoTxTwoObj": ("comparison",),
    "titleOnly": ("titleonly",),
    "blank": ("blank", "blankslide"),
    "objTx": ("contentwithcaption",),
    "picTx": ("picturewithcaption",),
    "vertTx": ("titleandverticaltext",),
    "vertTitleAndTx": ("verticaltitleandtext",),
    "objOnly": ("centeredtext",),
}
"""English layout names (:func:`normalized`) by the type they mean."""

_LOCALIZED: dict[str, tuple[str, ...]] = {
    "title": ("Diapositiva de título", "Slide de Título", "Diapositivo de Título", "Diapositive de titre",
              "Titelfolie", "Diapositiva titolo", "Titeldia"),
    "obj": ("Título y objetos", "Título y contenido", "Título e Conteúdo", "Título e Objeto", "Titre et contenu",
            "Titel und Inhalt", "Titolo e contenuto", "Titel en object"),
    "secHead": ("Encabezado de sección", "Cabeçalho da Seção", "Cabeçalho de Secção", "Titre de section",
                "En-tête de section", "Abschnittsüberschrift", "Intestazione sezione", "Sectiekop"),
    "twoObj": ("Dos objetos", "Duas Partes de Conteúdo", "Dois Conteúdos", "Deux contenus", "Zwei Inhalte",
               "Due contenuti", "Inhoud van twee", "Twee objecten"),
    "twoTxTwoObj": ("Comparación", "Comparação", "Comparaison", "Vergleich", "Confronto", "Vergelijking"),
    "titleOnly": ("Solo el título", "Somente Título", "Apenas Título", "Só Título", "Titre seul", "Nur Titel",
                  "Solo titolo", "Alleen titel"),
    "blank": ("En blanco", "Em branco", "Vide", "Leer", "Vuota", "Leeg"),
    "objTx": ("Contenido con título", "Conteúdo com Legenda", "Contenu avec légende", "Inhalt mit Überschrift",
              "Contenuto con didascalia", "Inhoud met bijschrift"),
    "picTx": ("Imagen con título", "Imagem com Legenda", "Image avec légende", "Bild mit Überschrift",
              "Immagine con didascalia", "Afbeelding met bijschrift"),
}
"""Names PowerPoint gives its default layouts in Spanish, Portuguese, French, German, Italian
and Dutch, by the type they mean."""


def normalized(name: str) -> str:
    """``'Título, Content'`` -> ``'titulocontent'``: how layout names are compared (case,
    accents, spaces and punctuation aside; letters of any script kept)."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(char for char in decomposed if char.isalnum() and not unicodedata.combining(char))


def _table(names: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {normalized(name): kind for kind, listed in names.items() for name in listed}


ENGLISH_NAMES: dict[str, str] = _table(_ENGLISH)
"""Normalized English layout name -> the layout type it means."""
LOCALIZED_NAMES: dict[str, str] = _table(_LOCALIZED)
"""Normalized layout name in another language -> the layout type it means."""


def kind_of_name(name: str) -> str | None:
    """The layout type a layout name means in any language deckgen knows, else None."""
    key = normalized(name)
    return ENGLISH_NAMES.get(key) or LOCALIZED_NAMES.get(key)


def keyword_kind(value: str) -> str | None:
    """The layout type a ``layout:`` type keyword names (``title-only`` -> ``titleOnly``), else None."""
    return KEYWORDS.get(value.strip().lower().replace("_", "-").replace(" ", "-"))
