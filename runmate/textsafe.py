"""Text from a person or a file, made safe to show on a terminal.

Notes, names and echoed input can hold escape sequences and control characters (pasted text, a
hand-edited file). Printed raw they could clear the screen, set the window title or fake a line
of output. ``visible`` writes each such character as a visible escape (ESC becomes ``\\x1b``, a
line break ``\\n``), so the text shows exactly what it holds and stays on its line.

One definition serves three places: the command line's output and error messages, the app's
screens, and the checks in ``models`` that keep such characters out of one-line fields.
No imports beyond the standard library: the store, the models and the command line use it.
"""

from __future__ import annotations

import re

# Every character that must not reach a terminal raw:
# - C0 controls (ESC among them), DEL and C1 controls: Unicode's category Cc;
# - bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they reorder what
#   follows them on the line, so a note could make other text read backwards. Plain marks (LRM,
#   RLM, ALM) stay: right-to-left writing uses them, and they reorder nothing;
# - Unicode's line and paragraph separators (U+2028, U+2029): some programs break lines there;
# - lone surrogates: bytes that were not valid UTF-8, as Python keeps them from argv and paths.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")

_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def is_unsafe(ch: str) -> bool:
    """True for a character that must not reach a terminal raw (see ``_UNSAFE``)."""
    return _UNSAFE.fullmatch(ch) is not None


def has_unsafe(text: str, allow: str = "") -> bool:
    """True when ``text`` holds an unsafe character other than those in ``allow``."""
    return any(ch not in allow for ch in _UNSAFE.findall(text))


def _escape(ch: str) -> str:
    if ch in _SHORT:
        return _SHORT[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: object, limit: int | None = None) -> str:
    """``text`` with every unsafe character written as a visible escape.

    With ``limit``, text longer than that many characters is cut and ends with "…" (cut before
    escaping, so an escape is never split). Safe to apply twice: the result has no unsafe
    characters left.
    """
    value = str(text)
    if limit is not None and len(value) > limit:
        value = value[: max(0, limit - 1)] + "…"
    return _UNSAFE.sub(lambda m: _escape(m.group()), value)


def has_surrogates(text: str) -> bool:
    """True when ``text`` holds lone surrogates: bytes that were not valid UTF-8 (from argv or a path)."""
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def as_stored(shown: str, stored: str) -> str:
    """What a form field means: ``stored`` itself while the field still shows it (escaped by
    ``visible``), else the text now in the field. Saving a form never turns an untouched value's
    control characters into the visible escapes it was shown with."""
    return stored if shown == visible(stored) else shown
