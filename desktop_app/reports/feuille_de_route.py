"""The driver's feuille de route of one passage: date, commune, venue, departure; each
outbound rotation's stops in order with planned time, name, address, phone, mobility/PMR
notes, emergency contact and a present/absent box; the return order; total distance and
driving time; a sketch of the route (points and lines, no map tiles).

Takes the already computed :class:`PassageRoute`, never a Session."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop_app.formatting import long_date_fr, number_fr
from desktop_app.labels import MOBILITE, label
from desktop_app.reports.common import (
    ACCENT,
    FONT,
    FONT_BOLD,
    INK,
    MUTED,
    RULE,
    SERIES,
    data_table,
    document,
    footer,
    styles,
)
from desktop_app.tournees.model import Rotation, StopKind, clock, duration_fr
from desktop_app.tournees.records import ParticipantView, PassageRoute
from desktop_app.tournees.sketch import layout as sketch_layout
from desktop_app.tournees.travel import Point
from desktop_app.validation import format_phone

TITLE = "Feuille de route"
PASSAGE_TYPES = {"decouverte": "Découverte", "serie": "Série d'ateliers"}


def _esc(text: str | None) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _mobility(p: ParticipantView | None) -> str:
    if p is None:
        return ""
    text = label(MOBILITE, p.mobilite, "Non renseignée")
    return "PMR — fauteuil roulant" if p.pmr else text


def _outbound_table(rot: Rotation, route: PassageRoute) -> Table:
    st = styles()
    cell, bold = st["Cell"], st["CellBold"]
    rows: list[list[Any]] = [["Heure", "Personne", "Adresse", "Téléphone", "Mobilité", "Contact d'urgence", "Présence"]]
    for stop in rot.stops:
        p = route.participants.get(stop.passenger_key) if stop.passenger_key is not None else None
        if p is None:
            rows.append([clock(stop.time), Paragraph(f"<b>{_esc(stop.label)}</b>", cell), "", "", "", "", ""])
            continue
        address = ", ".join(x for x in (p.adresse, p.commune_nom) if x)
        rows.append([
            Paragraph(f"<b>{clock(stop.time)}</b>", bold), Paragraph(_esc(stop.label), cell),
            Paragraph(_esc(address), cell), Paragraph(format_phone(p.telephone), cell),
            Paragraph(_esc(_mobility(p)), cell), Paragraph(_esc(p.urgence), cell),
            Paragraph("☐ présent<br/>☐ absent", cell),
        ])
    table = data_table(rows, [18 * mm, 42 * mm, 52 * mm, 31 * mm, 42 * mm, 57 * mm, 22 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _return_table(rot: Rotation, route: PassageRoute) -> Table:
    cell = styles()["Cell"]
    rows: list[list[Any]] = [["Heure", "Personne", "Adresse", "Téléphone"]]
    for stop in rot.stops:
        p = route.participants.get(stop.passenger_key) if stop.passenger_key is not None else None
        address = ", ".join(x for x in (p.adresse, p.commune_nom) if x) if p else ""
        rows.append([clock(stop.time), Paragraph(_esc(stop.label), cell), Paragraph(_esc(address), cell),
                     format_phone(p.telephone) if p else ""])
    return data_table(rows, [18 * mm, 60 * mm, 110 * mm, 35 * mm])


def route_sketch(route: PassageRoute, width: float = 265 * mm, height: float = 120 * mm) -> Drawing:
    """Points and lines: each outbound rotation in its colour, the return dashed."""
    plan = route.plan
    all_stops = [s for trip in (plan.outbound, plan.inbound) for r in trip.rotations for s in r.stops]
    drawing = Drawing(width, height)
    drawing.add(Rect(0, 0, width, height, fillColor=colors.HexColor("#F7FAFB"), strokeColor=RULE, strokeWidth=0.5))
    if not all_stops:
        return drawing
    geo = sketch_layout(plan, width, height - 8, 14 * mm)

    def xy(p: Point) -> tuple[float, float]:
        x, y = geo.at(p)
        return x, height - 8 - y

    def far_leg(a: Point, b: Point) -> bool:
        return geo.base_far_km is not None and geo.base in (geo.at(a), geo.at(b))

    for n, rot in enumerate(plan.inbound.rotations):
        colour = SERIES[(n + 3) % len(SERIES)]
        for a, b in itertools.pairwise(rot.stops):
            (x1, y1), (x2, y2) = xy(a.point), xy(b.point)
            drawing.add(Line(x1, y1, x2, y2, strokeColor=MUTED if far_leg(a.point, b.point) else colour,
                             strokeWidth=0.8, strokeDashArray=[3, 2]))
    for n, rot in enumerate(plan.outbound.rotations):
        colour = SERIES[n % len(SERIES)]
        for a, b in itertools.pairwise(rot.stops):
            (x1, y1), (x2, y2) = xy(a.point), xy(b.point)
            if far_leg(a.point, b.point):
                drawing.add(Line(x1, y1, x2, y2, strokeColor=MUTED, strokeWidth=0.8, strokeDashArray=[1, 2]))
            else:
                drawing.add(Line(x1, y1, x2, y2, strokeColor=colour, strokeWidth=1.6))
    number = 0
    taken: list[tuple[float, float, float, float]] = []  # drawn discs and labels (x0, y0, x1, y1)
    names: list[tuple[float, float, str]] = []
    for n, rot in enumerate(plan.outbound.rotations):
        for stop in rot.stops:
            x, y = xy(stop.point)
            if stop.kind == StopKind.PICKUP:
                number += 1
                drawing.add(Circle(x, y, 6, fillColor=SERIES[n % len(SERIES)], strokeColor=colors.white))
                drawing.add(String(x, y - 3, str(number), fontName=FONT_BOLD, fontSize=7,
                                   fillColor=colors.white, textAnchor="middle"))
                taken.append((x - 6, y - 6, x + 6, y + 6))
                names.append((x, y, stop.label.split(" ", 1)[-1]))
    base = next((s for s in plan.outbound.rotations[0].stops if s.kind == StopKind.BASE_DEPARTURE), None)
    venue = plan.outbound.rotations[-1].stops[-1]
    if base is not None:
        x, y = xy(base.point)
        drawing.add(Rect(x - 5, y - 5, 10, 10, fillColor=INK, strokeColor=colors.white))
        text = "Base" if geo.base_far_km is None else f"Base ({number_fr(geo.base_far_km, 1)} km, hors échelle)"
        label_x = min(max(x, 40 * mm), width - 40 * mm)
        drawing.add(String(label_x, y - 14 if y > 20 else y + 9, text, fontName=FONT_BOLD, fontSize=7.5,
                           fillColor=INK, textAnchor="middle"))
    x, y = xy(venue.point)
    drawing.add(Polygon([x, y + 8, x - 7, y - 5, x + 7, y - 5], fillColor=ACCENT, strokeColor=colors.white))
    _label(drawing, x, y, route.passage.lieu_nom or "Lieu", FONT_BOLD, 7.5, ACCENT, width, taken, force=True)
    for x, y, text in names:  # a name that would cover another is left out: its number and the tables say who
        _label(drawing, x, y, text, FONT, 6.5, INK, width, taken)
    drawing.add(String(6, height - 11, "Croquis (nord en haut) — trait plein : aller, pointillés : retour",
                       fontName=FONT, fontSize=7, fillColor=MUTED))
    return drawing


def _label(drawing: Drawing, x: float, y: float, text: str, font: str, size: float, colour: Any, width: float,
           taken: list[tuple[float, float, float, float]], force: bool = False) -> None:
    """Right of the point, else left, else above or below; skipped when every place would
    cover something already drawn (``force``: drawn at the first place that fits the page)."""
    w = stringWidth(text, font, size)
    places = [(x + 9, y - 3), (x - 9 - w, y - 3), (min(max(x - w / 2, 4), width - w - 4), y + 9),
              (min(max(x - w / 2, 4), width - w - 4), y - 15)]
    inside = [(x0, y0) for x0, y0 in places if x0 >= 4 and x0 + w <= width - 4] or places[:1]

    def clear(x0: float, y0: float) -> bool:
        return not any(x0 < b[2] and b[0] < x0 + w and y0 < b[3] and b[1] < y0 + size for b in taken)

    free = [p for p in inside if clear(*p)]
    if not free and not force:
        return
    x0, y0 = (free or inside)[0]
    taken.append((x0, y0, x0 + w, y0 + size))
    drawing.add(String(x0, y0, text, fontName=font, fontSize=size, fillColor=colour))


def build_story(route: PassageRoute) -> list[Any]:
    st = styles()
    pv, plan = route.passage, route.plan
    story: list[Any] = [
        Paragraph(f"{TITLE} — {_esc(pv.commune_nom)}", st["Title"]),
        Paragraph(f"<b>{long_date_fr(pv.date).capitalize()}</b> — animation de {clock(_s(pv.heure_debut))} "
                  f"à {clock(_s(pv.heure_fin))} — {PASSAGE_TYPES.get(pv.type, pv.type)}"
                  + (f" : {_esc(pv.theme)}" if pv.theme else ""), st["Body"]),
        Paragraph(f"Lieu : <b>{_esc(pv.lieu_nom or '—')}</b> — véhicule : {_esc(pv.vehicle_nom or '—')}"
                  f" — chauffeur : {_esc(pv.chauffeur_nom or 'à désigner')}", st["Body"]),
        Paragraph(f"<b>Départ de la base : {clock(plan.outbound.departure)}</b> — arrivée au lieu "
                  f"{clock(plan.outbound.arrival)} — retour à la base vers {clock(plan.inbound.arrival)}", st["Body"]),
        Paragraph(f"Distance totale prévue : <b>{number_fr(plan.metres / 1000, 1)} km</b> — "
                  f"temps de conduite : <b>{duration_fr(plan.driving_seconds)}</b>", st["Body"]),
    ]
    if plan.problems:
        box = Table([[Paragraph("<b>À vérifier :</b><br/>" + "<br/>".join(_esc(p.message) for p in plan.problems), st["Cell"])]],
                    colWidths=[265 * mm])
        box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#FDF1E7")),
                                 ("BOX", (0, 0), (-1, -1), 0.6, SERIES[1])]))
        story += [Spacer(1, 4), box]
    for rot in plan.outbound.rotations:
        story.append(KeepTogether([
            Paragraph(f"Aller — rotation {rot.number} : départ {clock(rot.departure)}, arrivée {clock(rot.arrival)}", st["H1"]),
            _outbound_table(rot, route)]))
    if plan.not_fetched:
        names = ", ".join(_esc(p.name) for p in plan.not_fetched)
        story.append(Paragraph(f"<b>Non cherchés à domicile</b> (viennent par leurs propres moyens) : {names}", st["Body"]))
    story.append(CondPageBreak(60 * mm))
    story.append(Paragraph("Retour après l'animation", st["H1"]))
    for rot in plan.inbound.rotations:
        story.append(KeepTogether([
            Paragraph(f"Retour — rotation {rot.number} : départ {clock(rot.departure)}, arrivée {clock(rot.arrival)}", st["H2"]),
            _return_table(rot, route)]))
    story += [CondPageBreak(135 * mm), Paragraph("Croquis du trajet", st["H1"]), route_sketch(route)]
    return story


def _s(t: Any) -> int:
    return t.hour * 3600 + t.minute * 60


def write_feuille_de_route(path: Path | str, route: PassageRoute, service_nom: str) -> Path:
    target = Path(path)
    title = f"{TITLE} — {route.passage.commune_nom}"
    doc = document(target, title, pagesize=landscape(A4))
    draw = footer(service_nom, title)
    doc.build(build_story(route), onFirstPage=draw, onLaterPages=draw)
    return target

