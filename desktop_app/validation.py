"""Field parsers shared by every form: each returns the clean value or raises
``FieldError`` with the French message shown next to the field."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

import phonenumbers


class FieldError(ValueError):
    """A single field's value is refused; the message is French and shown to the user."""


_DATE_RE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})\s*$")
_ISO_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
_EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+'\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """« 22/11/2026 », « 22-11-2026 », « 2026-11-22 » or a date; empty → None."""
    if value is None or isinstance(value, dt.date):
        return value
    text = value.strip()
    if not text:
        return None
    m = _DATE_RE.match(text)
    if m:
        day, month, year = int(m[1]), int(m[2]), int(m[3])
        if len(m[3]) == 2:
            year += 2000 if year <= dt.date.today().year % 100 else 1900
    else:
        m = _ISO_RE.match(text)
        if not m:
            raise FieldError("Date invalide : saisissez-la sous la forme jj/mm/aaaa.")
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise FieldError(f"Date invalide : le {text} n'existe pas au calendrier.") from exc


def parse_birth_date(value: str | dt.date | None, today: dt.date | None = None) -> dt.date | None:
    born = parse_date(value)
    if born is None:
        return None
    today = today or dt.date.today()
    if born > today:
        raise FieldError("La date de naissance est dans le futur.")
    if age_on(born, today) > 120:
        raise FieldError("La date de naissance donne un âge de plus de 120 ans : vérifiez l'année.")
    return born


def age_on(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


_FRENCH_REGIONS = ("FR", "RE", "GP", "MQ", "GF", "YT", "PM", "BL", "MF", "NC", "PF", "WF")


def normalize_phone(value: str | None) -> str | None:
    """A French phone number (metropolitan or overseas) in E.164; empty → None."""
    if value is None or not value.strip():
        return None
    parsed_any = False
    for region in _FRENCH_REGIONS:
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        parsed_any = True
        if phonenumbers.is_valid_number(number):
            if phonenumbers.region_code_for_number(number) not in _FRENCH_REGIONS:
                raise FieldError("Ce numéro n'est pas un numéro français (indicatif +33 ou outre-mer).")
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        if value.strip().startswith("+"):
            break  # an explicit country code: other default regions change nothing
    if not parsed_any:
        raise FieldError("Numéro de téléphone invalide : saisissez 10 chiffres, par exemple 06 12 34 56 78.")
    raise FieldError("Ce numéro n'est pas un numéro de téléphone français valide.")


def format_phone(e164: str | None) -> str:
    """+33612345678 → « 06 12 34 56 78 » for display."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, "FR")
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def normalize_email(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    text = value.strip()
    if not _EMAIL_RE.match(text) or ".." in text:
        raise FieldError("Adresse e-mail invalide (exemple : prenom.nom@exemple.fr).")
    return text.lower()


def parse_amount(value: str | Decimal | float | int | None) -> Decimal | None:
    """« 1 234,50 », « 1234.50 », « 1 234,50 € » → Decimal('1234.50'); empty → None."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int | float):
        return Decimal(str(value))
    text = value.replace("€", "").replace("\u202f", "").replace("\xa0", "").replace(" ", "").strip()
    if not text:
        return None
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        amount = Decimal(text)
    except InvalidOperation as exc:
        raise FieldError("Montant invalide : saisissez un nombre, par exemple 1 234,50.") from exc
    if not amount.is_finite():
        raise FieldError("Montant invalide : saisissez un nombre, par exemple 1 234,50.")
    return amount.quantize(Decimal("0.01"))


def clean_text(value: str | None, max_len: int | None = None) -> str | None:
    if value is None:
        return None
    text = " ".join(value.split())
    if not text:
        return None
    if max_len is not None and len(text) > max_len:
        raise FieldError(f"Texte trop long : {max_len} caractères au plus.")
    return text


def clean_multiline(value: str | None, max_len: int = 5000) -> str | None:
    """Free text keeping its line breaks; trailing spaces and blank edges removed."""
    if value is None:
        return None
    lines = [line.rstrip() for line in value.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    text = "\n".join(lines).strip()
    if not text:
        return None
    if len(text) > max_len:
        raise FieldError(f"Texte trop long : {max_len} caractères au plus.")
    return text
