from .stock import Shop, OutOfStock

__all__ = ["Shop", "OutOfStock"]
