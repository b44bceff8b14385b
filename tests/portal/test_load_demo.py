import pytest
from django.core.management import call_command

from focal_points.models import FocalPoint
from spot.models import User

pytestmark = pytest.mark.django_db


def test_it_loads_marked_sample_data_idempotently(settings, client):
    settings.DEBUG = True
    call_command("load_demo", stdout=None)
    call_command("load_demo", stdout=None)
    assert User.objects.filter(email="staff@example.org", is_staff=True).count() == 1
    assert FocalPoint.objects.filter(is_sample=True).count() == 5
    assert FocalPoint.objects.filter(is_sample=False).count() == 0
    settings.DEBUG = False
    content = client.get("/countries/tha/").content.decode()
    assert "Sample data for demonstration." in content
    assert "Ministry of Social Development and Human Security" in content


def test_it_refuses_to_load_demo_accounts_outside_development(settings):
    settings.DEBUG = False
    with pytest.raises(Exception, match="development only"):
        call_command("load_demo")
    assert not User.objects.exists()
