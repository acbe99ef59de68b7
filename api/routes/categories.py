"""Categories: POST {"name"} -> 201 {"id", "name"}; GET lists the caller's; PATCH renames
(rules follow); DELETE removes one no budget or rule uses (pipeline.category_edit)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException
from sqlalchemy import select

from api.deps import NotFound, NowDep, PathId, SessionDep, UserDep
from api.schemas import CategoryIn
from models import Category
from pipeline import category_edit

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


def _owned(s: SessionDep, user_id: int, category_id: int) -> Category:
    cat = s.get(Category, category_id)
    if cat is None or cat.user_id != user_id:
        raise NotFound("category", category_id)
    return cat


@router.patch("/{category_id}")
def rename_category(category_id: PathId, body: CategoryIn, s: SessionDep, user: UserDep) -> dict[str, Any]:
    """Rename; the user's rules that file into it follow (they name it): no spend moves."""
    cat = _owned(s, user.id, category_id)
    try:
        rules = category_edit.rename(s, cat, body.name)
    except category_edit.CategoryError as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from None
    return {"id": cat.id, "name": cat.name, "rules_renamed": rules}


@router.delete("/{category_id}")
def delete_category(category_id: PathId, s: SessionDep, user: UserDep, now: NowDep) -> dict[str, Any]:
    """Refused (409) while a budget or a rule uses it; its transactions go to Uncategorized."""
    cat = _owned(s, user.id, category_id)
    try:
        removed = category_edit.remove(s, cat, now)
    except category_edit.CategoryError as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from None
    return {"status": "success", "moved_to_uncategorized": removed.moved, "alerts": removed.effects.alert_ids}
