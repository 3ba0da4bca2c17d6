"""How a feature joins the application: its blueprint, with every module that adds to it."""
from importlib import import_module

from flask import Flask


def register_feature(app: Flask, package: str, modules: tuple[str, ...] = ()) -> None:
    """Import `package.views` and `modules` (each adds routes to the feature's blueprint, or
    indicators to the shared registry, when imported), then register the blueprint."""
    views = import_module(f"{package}.views")
    for module in modules:
        import_module(f"{package}.{module}")
    app.register_blueprint(views.bp)
