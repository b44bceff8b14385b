"""English dates as the portal writes them, the United Nations' way (30 June 2026); the other languages
use Django's formats for them."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
