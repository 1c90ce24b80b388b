"""Render every page of a PDF to PNG with QtPdf (no poppler needed):
``python scripts/render_pdf.py bilan.pdf artifacts/bilan [dpi]``."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtPdf import QPdfDocument


def render(pdf: str, out_dir: str, dpi: int = 60) -> list[Path]:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (keeps Qt alive)
    doc = QPdfDocument()
    doc.load(pdf)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(doc.pageCount()):
        size = doc.pagePointSize(i)
        page = doc.render(i, QSize(int(size.width() * dpi / 72), int(size.height() * dpi / 72)))
        image = QImage(page.size(), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))  # the page is rendered on a transparent background
        painter = QPainter(image)
        painter.drawImage(0, 0, page)
        painter.end()
        path = out / f"page-{i + 1:02d}.png"
        image.save(str(path))
        paths.append(path)
    return paths


if __name__ == "__main__":
    for p in render(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 60):
        print(p)
