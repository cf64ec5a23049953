"""Every item model itadesk defines passes pytest-qt's model tester (Qt's
QAbstractItemModelTester rules, Python implementation) in the real window on the
demo database, also while the models reload and take edits."""

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView

from itadesk.ui.tabs.scores import ScoresTab


def _own(model) -> bool:
    return model is not None and type(model).__module__.split(".")[0] == "itadesk"


def _models(window) -> list[QAbstractItemModel]:
    """itadesk's models behind the window's views, and every tab's model of the scores page."""
    found: list[QAbstractItemModel] = []
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if _own(model) and all(model is not m for m in found):
            found.append(model)
    for page in window.findChildren(ScoresTab):
        for model in page.models.values():
            if all(model is not m for m in found):
                found.append(model)
    return found


def test_every_itadesk_model_passes_the_model_tester(qtmodeltester, window):
    models = _models(window)
    kinds = sorted(m.kind for m in models if hasattr(m, "kind"))
    assert kinds == ["indicators", "items", "tools"], f"expected the three score models, found {models}"
    for model in models:
        assert model.rowCount() > 0, f"{type(model).__name__} is empty on the demo database: nothing to test"
        qtmodeltester.check(model, force_py=True)

    # the tester stays connected: reloading and editing must keep the model consistent
    s = window.session
    assert window.year_box.count() > 1
    for k in range(window.year_box.count()):
        window.year_box.setCurrentIndex(k)  # every model resets onto that year
    window.year_box.setCurrentIndex(window.year_box.findData(max(s.store.years())))
    scores = next(iter(window.findChildren(ScoresTab)))
    indicators = scores.models["indicators"]
    assert indicators.setData(indicators.index(0, 2), "91.25")
    assert not indicators.setData(indicators.index(1, 2), "101")  # rejected: the cell turns red, nothing saved
    assert (1, 2) in indicators.errors
    items = scores.models["items"]
    assert items.setData(items.index(0, 3), "88.00")
    for model in models:
        qtmodeltester.check(model, force_py=True)
