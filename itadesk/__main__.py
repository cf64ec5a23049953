import sys

from .cli import main

# guarded: the export worker process (multiprocessing, spawn) imports this module again
if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # only a frozen build needs it; importing it costs every start 8 ms
        import multiprocessing

        multiprocessing.freeze_support()  # a frozen (PyInstaller) itadesk starts its worker processes here
    sys.exit(main())
