"""Navigation keys of the pages, for ``ctx.navigate(key, ...)`` (kept apart from the
registry so pages can name each other without import cycles)."""

ACCUEIL = "accueil"
PERSONNES = "personnes"
ATELIERS = "ateliers"
TOURNEES = "tournees"
COMPTES = "comptes"
JOURNAL = "journal"
MON_COMPTE = "mon_compte"
CONSERVATION = "conservation"
SAUVEGARDES = "sauvegardes"
PLANNING = "planning"
