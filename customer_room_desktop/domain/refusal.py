"""The one base class of refusals a user sees."""


class Refusal(Exception):
    """A refusal a user sees: ``str(error)`` is the one sentence to show (what, where, and what to do)."""
