"""Visits and contacts: the visit form, a person's Parcours (timeline) and the Veille page.

A visit moves the person's last and next contact dates, so its writes are announced on the
Bus as a change of the people file (``ui.ops.PEOPLE``): the lists, the Accueil figures and
the Veille page all refresh."""
