"""Customer Room Desktop: run a company's Customer Room from a laptop and its wall screens."""

__version__ = "0.2.0"
