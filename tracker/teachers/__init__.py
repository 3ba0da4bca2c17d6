"""Teachers of a school: deficit diagnostics, development plans (ИОМ), mentoring, courses (КПК)."""
