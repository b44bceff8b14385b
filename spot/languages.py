"""The portal's languages: links to the same page in each, and their names for HTML.

English pages have no prefix; the others live under /fr/, /ru/, /zh-hans/ (see spot/urls.py).
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.functional import SimpleLazyObject

# Django's language codes are lower case; HTML's lang and hreflang want BCP 47's script case.
BCP47 = {"zh-hans": "zh-Hans"}


def bcp47(code):
    return BCP47.get(code, code)


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # in its own language
    url: str
    absolute_url: str
    is_current: bool

    @property
    def tag(self):
        return bcp47(self.code)


def language_links(path):
    """The page at `path` (with its query) in each language; a page that cannot be translated
    (an address that does not exist) links to each language's home page instead."""
    current = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        if url == path and code != current:
            with translation.override(code):
                url = reverse("home")
        links.append(LanguageLink(code, name, url, settings.SITE_URL + url, code == current))
    return links


def languages(request):
    """Context processor: the language links of the page being rendered, built only if a template asks."""
    return {"language_links": SimpleLazyObject(lambda: language_links(request.get_full_path()))}
