"""The CAMEO table: names, Goldstein, QuadClass and PLOVER type/mode per code."""

from __future__ import annotations

from dataclasses import dataclass

from marsad import resources
from marsad.errors import ResourceError


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    name: str
    goldstein: float
    quad: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None
    name_ar: str | None = None


class CameoTable:
    """Lazily loaded lookup of :class:`CameoCode` by code string ("041", "1823")."""

    def __init__(self) -> None:
        self._codes: dict[str, CameoCode] | None = None

    @property
    def codes(self) -> dict[str, CameoCode]:
        if self._codes is None:
            self._codes = self._load()
        return self._codes

    @staticmethod
    def _load() -> dict[str, CameoCode]:
        labels: dict[str, str] = {}
        if resources.exists("cameo_ar"):
            labels = {r["code"]: r["name_ar"] for r in resources.read_tsv(resources.path("cameo_ar"))}
        out = {}
        for r in resources.read_tsv(resources.path("cameo")):
            out[r["code"]] = CameoCode(
                code=r["code"], root=r["root"], name=r["name"], goldstein=float(r["goldstein"]),
                quad=int(r["quad"]), plover_type=r["plover_type"] or None,
                plover_mode=r["plover_mode"] or None, plover_context=r["plover_context"] or None,
                name_ar=labels.get(r["code"]))
        return out

    def get(self, code: str) -> CameoCode:
        try:
            return self.codes[code]
        except KeyError as exc:
            raise ResourceError(f"unknown CAMEO code {code!r}") from exc

    def __contains__(self, code: str) -> bool:
        return code in self.codes


def recode(ev, info: CameoCode) -> None:
    """Give event ``ev`` the code ``info`` with its Goldstein score, QuadClass and PLOVER type/mode."""
    ev.cameo, ev.goldstein, ev.quad = info.code, info.goldstein, info.quad
    ev.plover_type, ev.plover_mode = info.plover_type, info.plover_mode
