"""URL converters for the portal's stable public addresses."""


class ISO3Converter:
    """A country's three-letter ISO 3166 code, in either case (/countries/tha/, /countries/THA/)."""

    regex = "[A-Za-z]{3}"

    def to_python(self, value):
        return value.upper()

    def to_url(self, value):
        return value.lower()
