"""Small render functions shared by the pages: header, KPI tiles, freshness line, charts, messages, styling."""
