import os

# before anything imports Qt: windows render offscreen, never on a real screen
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from itadesk.store.store import Store


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Never read or write the developer's real itadesk data."""
    monkeypatch.setenv("ITADESK_HOME", str(tmp_path / "home"))


@pytest.fixture
def store():
    s = Store.open(None)
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """The demo database, built once per session; copy it with ``demo_path``."""
    from itadesk.store.demo import write_demo

    return write_demo(tmp_path_factory.mktemp("demo") / "demo.sqlite")


@pytest.fixture
def demo_path(demo_template, tmp_path):
    import shutil

    target = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, target)
    return target


@pytest.fixture
def window(qtbot, demo_path):
    """The real main window on a copy of the demo (Qt is imported only by tests that ask for it)."""
    from itadesk.ui.main_window import MainWindow
    from itadesk.ui.session import Session

    w = MainWindow(Session(Store.open(demo_path)))
    w.quiet_errors = True  # errors go to the status bar instead of a modal box
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()
    w.session.store.close()


@pytest.fixture
def demo_store(demo_path):
    s = Store.open(demo_path)
    yield s
    s.close()
