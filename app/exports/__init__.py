"""Exports: renderers that turn read models and records into files, with no HTTP or SQL.

- utterances.py: any stream of turns (a listing, a document, search results) as
  CSV, JSON Lines or a TEI fragment, streamed
- spreadsheet.py: the CSV itself
- tei.py: TEI P5 for a record, a corpus, or a fragment
- document_json.py: Parley document JSON, the lossless record format
- jsonld.py: schema.org JSON-LD for documents and participants
"""
