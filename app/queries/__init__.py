"""Reading the database: every question the API, the reader, the exports and the CLI ask.

The contract, which every module here keeps:

- No HTTP. A function takes an open `Session` first (the caller owns it; a request's
  runs on a worker thread, see ARCHITECTURE.md), then what it is asked about
  positionally (a slug, a public id), then its options keyword-only (`filters=`,
  `langs=`, `urls=`, `limit=`…). It raises the problems of app.errors (`NotFound`,
  `UnknownName`, `InvalidParameter`) and never builds a response.
- ORM rows never leave this package. A function returns one of:
  read models from app.schemas (`get_document`, `Page[schemas.TopicSummary]`…);
  plain data shaped like them where building the models would cost more than the
  query (`list_utterances` returns an app.pagination.RecordPage, `search` a dict shaped
  like schemas.SearchPage), which app.api.deps.json_body sends as is and the schema
  tests hold to the models; a `ParleyDocument` for exports (records.py); a row id
  (resolve.py), the integer key a filter is built from; or a small dataclass for the
  CLI (participants.ParticipantEntry).
"""
