"""Partenaires: the directory of organisations (financeurs, communes, CCAS, SAAD…) with
their contacts, and the Financements tab (funding lines per financeur, yearly summary)."""

PARTNERS = "partners"  # the Bus topic announced after each write
