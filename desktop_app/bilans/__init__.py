"""Bilans for financeurs: aggregate figures of a period and scope, never a name.

``service.BilanService`` computes a :class:`records.Bilan` from the sections registered in
``registry``; ``pdf``, ``xlsx`` and ``json_out`` print it."""
