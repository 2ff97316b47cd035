"""The one error type the core raises for bad input. Its message says what is wrong and what is accepted,
so the CLI can print it on one line and the app can show it beside the field."""


class InputError(ValueError):
    pass
