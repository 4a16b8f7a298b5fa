"""The dashboard's application package: config, filters, queries, charts, texts."""
