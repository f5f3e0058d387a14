"""Builds and wires everything: the command line, the QApplication, the controllers."""
