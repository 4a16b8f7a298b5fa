"""The words of the round's consolidated information for the Presidential Administration
(reporting/round_document.py), one module per language with the same names; each catalogue (i18n/ru.py, kk.py,
en.py) imports its language's, so they are read as ``t.ROUND_DOC_*`` like every other entry.  A file of their own:
the catalogues are at the size a module may have."""
