"""Home visits and contacts, the follow-up watch (veille), the person timeline's visit
entries and the Accueil figures."""
