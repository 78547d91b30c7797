"""The analyst's web app: JSON API and server-rendered pages over one store."""

from oxus.web.app import create_app

__all__ = ["create_app"]
