from django.conf import settings
from django.utils.functional import SimpleLazyObject

from focal_points import permissions as network


def navigation(request):
    """What the header and footer offer this person; computed only when a template asks."""
    user = request.user
    return {
        "nav_network": SimpleLazyObject(lambda: network.can_read_network(user)),
        "action_plan_url": settings.ACTION_PLAN_URL,
    }
