"""spot/ is the base: apart from its URL configuration, nothing in it imports a feature app."""

import ast
from pathlib import Path

SPOT = Path(__file__).resolve().parent.parent.parent / "spot"
FEATURE_APPS = {"measures", "focal_points", "progress_reports", "good_practices", "portal"}


def imported_top_level_packages(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module.split(".")[0]


def test_it_keeps_feature_apps_out_of_spot():
    offenders = {
        str(path.relative_to(SPOT.parent)): sorted(set(imported_top_level_packages(path)) & FEATURE_APPS)
        for path in SPOT.rglob("*.py")
        if path.name != "urls.py" or path.parent != SPOT
    }
    assert {module: apps for module, apps in offenders.items() if apps} == {}


def test_it_would_notice_a_feature_import(tmp_path):
    module = tmp_path / "module.py"
    module.write_text("from focal_points.models import FocalPoint\nimport portal.views\n")
    assert set(imported_top_level_packages(module)) & FEATURE_APPS == {"focal_points", "portal"}
