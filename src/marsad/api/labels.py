"""English and Arabic names of CAMEO codes for API responses (from the packaged CAMEO table)."""

from __future__ import annotations

from typing import Any

from marsad.coding.cameo import CameoTable
from marsad.errors import ResourceError


class Labels:
    """Looks up CAMEO names; unknown codes get ``None`` names instead of an error."""

    def __init__(self, table: CameoTable | None = None) -> None:
        self.table = table or CameoTable()

    def names(self, code: str) -> tuple[str | None, str | None]:
        try:
            c = self.table.get(code)
        except ResourceError:
            return None, None
        return c.name, c.name_ar

    def code(self, code: str) -> dict[str, Any]:
        name, name_ar = self.names(code)
        root_name, root_ar = self.names(code[:2])
        return {"code": code, "name": name, "name_ar": name_ar,
                "root": code[:2], "root_name": root_name, "root_name_ar": root_ar}

    def event_row(self, row: dict[str, Any]) -> dict[str, Any]:
        name, name_ar = self.names(row["cameo"])
        d = row.get("date")
        return {**row, "date": d.isoformat() if d is not None else None,
                "cameo_name": name, "cameo_name_ar": name_ar}

    def all(self) -> list[dict[str, Any]]:
        return [{"code": c.code, "root": c.root, "name": c.name, "name_ar": c.name_ar,
                 "goldstein": c.goldstein, "quad": c.quad, "plover_type": c.plover_type}
                for c in self.table.codes.values()]
