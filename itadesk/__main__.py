import sys

from .cli import main

# guarded: the export worker process (multiprocessing, spawn) imports this module again
if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # only a frozen (PyInstaller) itadesk starts its worker processes here;
        import multiprocessing  # elsewhere freeze_support does nothing, and importing it costs every command 7 ms

        multiprocessing.freeze_support()
    sys.exit(main())
