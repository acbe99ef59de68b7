"""Categories: POST {"name"} -> 201 {"id", "name"}; GET lists the caller's."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException
from sqlalchemy import select

from api.deps import SessionDep, UserDep
from api.schemas import CategoryIn
from models import Category

router = APIRouter(prefix="/api/categories", tags=["categories"])


@router.get("")
def list_categories(s: SessionDep, user: UserDep) -> list[dict[str, Any]]:
    rows = s.scalars(select(Category).where(Category.user_id == user.id).order_by(Category.name, Category.id))
    return [{"id": c.id, "name": c.name} for c in rows]


@router.post("", status_code=201)
def create_category(body: CategoryIn, s: SessionDep, user: UserDep) -> dict[str, Any]:
    exists = s.scalar(select(Category).where(Category.user_id == user.id, Category.name == body.name))
    if exists is not None:
        raise HTTPException(status_code=409, detail=f"name: a category {body.name!r} exists already (id {exists.id})")
    cat = Category(user_id=user.id, name=body.name)
    s.add(cat)
    s.flush()
    return {"id": cat.id, "name": cat.name}
