"""PDF documents (ReportLab Platypus), one module per document. Reports take computed
figures or plain records, never a Session."""
