import pytest
from django.core.management import call_command

from focal_points.models import FocalPoint
from good_practices.models import GoodPractice, State
from progress_reports import stocktake
from progress_reports.models import ProgressReport, ReportState
from spot.models import User

pytestmark = pytest.mark.django_db


def test_it_loads_marked_sample_data_idempotently(settings, client):
    settings.DEBUG = True
    call_command("load_demo", stdout=None)
    call_command("load_demo", stdout=None)
    assert User.objects.filter(email="staff@example.org", is_staff=True).count() == 1
    assert FocalPoint.objects.filter(is_sample=True).count() == 5
    assert FocalPoint.objects.filter(is_sample=False).count() == 0
    # Sample reports: published for at least 8 countries over two cycles, one returned draft, all marked.
    reports = ProgressReport.objects.all()
    assert reports.filter(is_sample=False).count() == 0
    published = reports.published()
    assert published.values("country").distinct().count() >= 8
    assert published.values("cycle").distinct().count() == 2
    assert reports.filter(state=ReportState.RETURNED).count() == 1
    progress = {row.progress.status for report in published for row in report.coverage.all()}
    assert {"on-track", "deterioration", "no-data"} <= {status.value for status in progress}
    assert GoodPractice.objects.published().filter(is_sample=True).count() >= 30
    assert not GoodPractice.objects.filter(is_sample=False).exists()
    assert GoodPractice.objects.published().values("country__subregion").distinct().count() == 5
    assert set(GoodPractice.objects.values_list("state", flat=True)) == set(State.values) - {State.APPLIED}
    settings.DEBUG = False
    content = client.get("/countries/tha/").content.decode()
    assert "Sample data for demonstration." in content
    assert "Ministry of Social Development and Human Security" in content
    assert "Sample report for demonstration." in content
    assert "Sample" in client.get("/reports/tha/2024/").content.decode()
    practices = client.get("/good-practices/").content.decode()
    assert "Sample</span>" in practices
    # The dashboard has something to show in each of its parts, matches on both peer-learning measures included.
    learning = stocktake.peer_learning()
    assert all(any(offers for _seeker, offers in measure.pairs) for measure in learning)
    assert len(stocktake.regional_coverage()["region_groups"]) == 9
    dashboard = client.get("/dashboard/").content.decode()
    assert 'href="/reports/tha/2024/#measure-1"' in dashboard
    assert "Progress reports 2024: 10 of 62 countries published a report" in dashboard


def test_it_refuses_to_load_demo_accounts_outside_development(settings):
    settings.DEBUG = False
    with pytest.raises(Exception, match="development only"):
        call_command("load_demo")
    assert not User.objects.exists()
