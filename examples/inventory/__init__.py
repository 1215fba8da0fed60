"""A small inventory package: items, stock keeping and reports."""
from .items import Item, Perishable
from .stock import Stock, OutOfStock

__all__ = ["Item", "Perishable", "Stock", "OutOfStock"]
