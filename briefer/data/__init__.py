"""Package data: the gazetteer of countries, organisations, armed groups and role words."""
