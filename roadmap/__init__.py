"""The dashboard's application package: config, filters, queries, charts, exports, the brief, i18n catalogues."""
