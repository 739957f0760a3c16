"""Where to turn on a hard day: the crisis line for the person's country, their own line and
contact, and the emergency line, as plain sentences.

The table is shipped data (``runmate/data/support_lines.json``): each line was checked against
the service's own page or a government page, and carries those sources and the date it was
checked. A country is left out rather than guessed; a country without a line gets the local
emergency number and an international directory of helplines.

Pure functions and a cached read of the shipped file: no Textual, no store. Nothing here reads
journal text or decides anything about a person; it only says where help is.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

EMERGENCY_ANY = "In an emergency, call your local emergency number."
NOT_ALONE = "You don't have to carry this alone."


@dataclass(frozen=True)
class SupportLine:
    country: str  # ISO 3166-1 alpha-2, upper case: "GB"
    country_name: str
    service: str
    call: str
    text: str  # "" when there is no text line
    chat: str  # "" when there is no chat
    web: str
    emergency: str  # "" when the sources did not confirm it: then "your local emergency number"
    sources: tuple[str, ...]
    checked: str  # YYYY-MM-DD


@dataclass(frozen=True)
class Directory:
    service: str
    web: str
    sources: tuple[str, ...]
    checked: str


@dataclass(frozen=True)
class Table:
    checked: str
    lines: dict[str, SupportLine]
    directory: Directory


def _line(raw: Mapping[str, object]) -> SupportLine:
    def s(key: str) -> str:
        return str(raw.get(key) or "")

    sources = raw.get("sources") or ()
    return SupportLine(
        country=s("country").upper(),
        country_name=s("country_name"),
        service=s("service"),
        call=s("call"),
        text=s("text"),
        chat=s("chat"),
        web=s("web"),
        emergency=s("emergency"),
        sources=tuple(str(x) for x in sources) if isinstance(sources, list) else (),
        checked=s("checked"),
    )


@functools.cache
def table() -> Table:
    """The shipped table, read once."""
    raw = json.loads(resources.files("runmate").joinpath("data/support_lines.json").read_text("utf-8"))
    d = raw["directory"]
    directory = Directory(str(d["service"]), str(d["web"]), tuple(d.get("sources") or ()), str(d["checked"]))
    lines = {line.country: line for line in map(_line, raw["lines"])}
    return Table(str(raw["checked"]), lines, directory)


def line_for(country: str) -> SupportLine | None:
    """The shipped line for ``country`` (a code, any case), or None."""
    return table().lines.get(country.strip().upper()) if country else None


def countries() -> list[tuple[str, str]]:
    """(code, name) of every country with a line, by name."""
    return sorted(((c, line.country_name) for c, line in table().lines.items()), key=lambda x: x[1])


def country_name(country: str) -> str:
    """The country's name when runmate has a line for it, else the code as given."""
    line = line_for(country)
    return line.country_name if line else country.strip().upper()


def normalise_country(value: str) -> str | None:
    """A country as a person writes it, as a code: "gb", "GB", "United Kingdom" -> "GB"; "" -> "".
    Any two letters are taken as a code (a country runmate has no line for still gets the
    emergency line and the directory). None when it reads as neither."""
    text = " ".join(value.split())
    if not text:
        return ""
    if len(text) == 2 and text.isascii() and text.isalpha():
        return text.upper()
    folded = text.casefold()
    for code, name in countries():
        if name.casefold() == folded:
            return code
    return None


LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def country_from_locale(environ: Mapping[str, str] | None = None) -> str | None:
    """The country the system's locale names (LC_ALL, then LC_MESSAGES, then LANG), or None.

    "en_GB.UTF-8" -> "GB", "fr_CA" -> "CA"; "C", "POSIX" and a locale without a country say
    nothing. Only ever offered to the person, never set on its own."""
    env = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = env.get(name, "")
        if not value:
            continue
        base = value.split(".", 1)[0].split("@", 1)[0]
        if "_" not in base:
            return None  # the first variable set decides, as the C library reads them
        region = base.split("_", 1)[1]
        if len(region) == 2 and region.isascii() and region.isalpha():
            return region.upper()
        return None
    return None


def _bare(web: str) -> str:
    for prefix in ("https://", "http://"):
        if web.startswith(prefix):
            web = web[len(prefix) :]
    return web.removeprefix("www.").rstrip("/")


def line_sentence(line: SupportLine) -> str:
    """'In the United Kingdom: Samaritans, call 116 123 (samaritans.org).'"""
    ways = f"call {line.call}"
    if line.text and line.text == line.call:
        ways = f"call or text {line.call}"
    elif line.text:
        ways += f" or text {line.text}"
    if line.chat:
        ways += f", chat at {line.chat}"
    where = line.country_name
    if line.country in ("US", "GB"):
        where = f"the {where}"
    return f"In {where}: {line.service}, {ways} ({_bare(line.web)})."


def directory_sentence() -> str:
    d = table().directory
    return f"Helplines in many countries: {_bare(d.web)}."


def emergency_sentence(country: str) -> str:
    line = line_for(country)
    if line is not None and line.emergency:
        return f"In an emergency, call {line.emergency}."
    return EMERGENCY_ANY


def where_to_turn(country: str = "", own_line: str = "", support_contact: str = "") -> list[str]:
    """The lines to show, in order: the person's contact, their own line, the line for their
    country (or, for a country without one, the directory), and the emergency line.

    With no country chosen and nothing of their own, only the emergency line (as before)."""
    out = []
    contact = support_contact.strip()
    if contact:
        out.append(f"Your support contact: {contact}.")
    own = own_line.strip()
    if own:
        out.append(f"Your own line: {own}.")
    if country.strip():
        line = line_for(country)
        out.append(line_sentence(line) if line else directory_sentence())
    out.append(emergency_sentence(country))
    return out


def checked_sentence() -> str:
    """'The crisis lines were last checked on 2026-12-08, each against the service's or a
    government's own page.'"""
    return (
        f"The crisis lines were last checked on {table().checked}, each against the service's own page "
        "or a government page."
    )
