"""Moving runmate's data in and out: one module per format, no Textual and no TinyDB here.

- ``data``: the records of one locked read of the store (``Snapshot``), narrowed by dates and kind;
- ``json``, ``csv``, ``md``, ``ics``: exports (``render`` gives the bytes of a file);
- ``files``: where exports are written (private files, 0600; folders made 0700);
- ``incoming``: what an import brings and how it merges into the store in one locked write;
- ``daylio``, ``gpx``: imports from elsewhere (``json`` reads runmate's own export back too);
- ``detect``: which format a file to import is in.
"""

EXPORT_FORMATS = ("json", "csv", "md", "ics")
IMPORT_FORMATS = ("json", "daylio", "gpx")
