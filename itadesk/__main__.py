import sys

from .cli import main

# guarded: the export worker process (multiprocessing, spawn) imports this module again
if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # a frozen (PyInstaller) itadesk starts its worker processes here
    sys.exit(main())
