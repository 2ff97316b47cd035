"""A measured figure and its target, as the runner prints it (table) and emits it (--json)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Figure:
    group: str
    name: str
    value: float
    unit: str  # "ms", "x" (a ratio), "MiB"
    target: float | None = None  # the value must be <= target; None: reported, no target
    detail: str = ""
    samples: dict[str, float] = field(default_factory=dict)  # supporting medians etc.

    @property
    def ok(self) -> bool | None:
        return None if self.target is None else self.value <= self.target

    def as_json(self) -> dict:
        data = asdict(self)
        data["ok"] = self.ok
        return data

    def cells(self) -> tuple[str, str, str, str]:
        def fmt(v: float) -> str:
            if self.unit == "x":
                return f"{v:.2f}x"
            if self.unit == "ms":
                return f"{v:.2f} ms" if v < 10 else f"{v:.1f} ms"
            return f"{v:.1f} {self.unit}"

        target = "" if self.target is None else "<= " + fmt(self.target)
        verdict = {True: "met", False: "MISSED", None: "-"}[self.ok]
        return fmt(self.value), target, verdict, self.detail
