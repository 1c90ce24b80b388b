"""Typed domain errors raised by services; only the UI turns them into dialogs or
messages next to fields. Messages are in French: the user reads them."""

from __future__ import annotations

from collections.abc import Iterable


class DomainError(Exception):
    """Base of every error a service raises on purpose."""

    message_fr: str = "Opération impossible."

    def __init__(self, message_fr: str | None = None) -> None:
        if message_fr is not None:
            self.message_fr = message_fr
        super().__init__(self.message_fr)


class ValidationError(DomainError):
    """One or more fields are wrong; ``errors`` maps field name → French message."""

    def __init__(self, errors: dict[str, str] | str, message_fr: str | None = None) -> None:
        if isinstance(errors, str):
            errors = {errors: message_fr or "Valeur invalide."}
        self.errors: dict[str, str] = dict(errors)
        summary = "\n".join(self.errors.values())
        super().__init__(summary)

    @classmethod
    def single(cls, field: str, message_fr: str) -> ValidationError:
        return cls({field: message_fr})


class NotFound(DomainError):
    message_fr = "L'élément demandé n'existe pas ou plus."


class Conflict(DomainError):
    message_fr = (
        "Cette fiche a été modifiée par ailleurs depuis son ouverture. "
        "Rechargez-la pour voir la version à jour."
    )


class PermissionDenied(DomainError):
    message_fr = "Votre rôle ne permet pas cette action."


class Refused(DomainError):
    """A legal action refused for a business reason (e.g. deleting a referenced partner)."""


def collect(errors: Iterable[tuple[str, str | None]]) -> None:
    """Raise one ValidationError gathering every (field, message) whose message is set."""
    found = {field: msg for field, msg in errors if msg}
    if found:
        raise ValidationError(found)
