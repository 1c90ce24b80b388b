"""Text folding used for search: case, accents and punctuation do not matter to users.

« ST JEAN » must find « Saint-Jean-de-Fos », « helene » must find « Hélène »: both the
stored search column and the typed query go through :func:`fold`.
"""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# Common French abbreviations in place names, expanded so both spellings match.
_ABBREVIATIONS = {"st": "saint", "ste": "sainte"}


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    return out.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")


def fold(text: str | None) -> str:
    """Lower-case, accent-free, punctuation replaced by single spaces, abbreviations expanded."""
    if not text:
        return ""
    words = _NON_ALNUM.sub(" ", strip_accents(text).lower()).split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def digits(text: str | None) -> str:
    """Only the digits of a text (phone numbers are searched by their digits)."""
    return re.sub(r"\D", "", text or "")
