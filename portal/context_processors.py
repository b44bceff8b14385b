from django.conf import settings
from django.utils.functional import SimpleLazyObject

from focal_points import permissions as network
from good_practices import permissions as practices


def navigation(request):
    """What the header and footer offer this person; computed only when a template asks."""
    # Error pages may render before the sign-in middleware has run.
    user = getattr(request, "user", None)
    return {
        "nav_network": SimpleLazyObject(lambda: user is not None and network.can_read_network(user)),
        "nav_propose_practice": SimpleLazyObject(lambda: user is not None and practices.can_propose(user)),
        "nav_review": SimpleLazyObject(lambda: user is not None and user.is_authenticated and user.is_staff),
        "action_plan_url": settings.ACTION_PLAN_URL,
    }
