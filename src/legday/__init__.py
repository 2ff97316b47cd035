"""legday: plan your cardio around leg day."""

__version__ = "0.1.0"
