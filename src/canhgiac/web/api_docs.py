"""API reference at /api/docs, rendered on the server from the OpenAPI schema.

The stock Swagger/ReDoc pages load scripts from a CDN and run inline scripts, which the
content security policy forbids; this page needs neither. The raw schema is at
/api/openapi.json for tools.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from canhgiac.web.rendering import render

router = APIRouter(include_in_schema=False)
METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: list[dict[str, Any]]
    body: str | None
    responses: list[tuple[str, str]]
    secured: bool


def _schema_name(content: dict[str, Any]) -> str | None:
    for media in content.values():
        schema = media.get("schema", {})
        ref = schema.get("$ref") or schema.get("items", {}).get("$ref")
        if ref:
            return str(ref).rsplit("/", 1)[-1]
        if schema.get("type"):
            return str(schema["type"])
    return None


def operations(schema: dict[str, Any]) -> list[Operation]:
    out: list[Operation] = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            body = op.get("requestBody", {}).get("content")
            out.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    summary=str(op.get("summary", "")),
                    description=str(op.get("description", "")),
                    parameters=[
                        {
                            "name": p.get("name"),
                            "in": p.get("in"),
                            "required": bool(p.get("required")),
                            "description": p.get("description", ""),
                        }
                        for p in op.get("parameters", [])
                    ],
                    body=_schema_name(body) if body else None,
                    responses=[
                        (code, str(r.get("description", "")))
                        for code, r in op.get("responses", {}).items()
                    ],
                    secured=bool(op.get("security")),
                )
            )
    return out


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    return render(
        request,
        "api_docs.html",
        {
            "operations": operations(schema),
            "schemas": sorted(schema.get("components", {}).get("schemas", {}).items()),
            "api_title": schema.get("info", {}).get("title", ""),
            "api_version": schema.get("info", {}).get("version", ""),
        },
    )
