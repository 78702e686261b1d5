"""khabar's web app: read, search and follow a corpus in the browser, with
analysts' notes beside the news (`khabar serve --db corpus.db`).

    >>> from khabar.web import Settings, create_app
    >>> app = create_app(Settings(db="corpus.db"))   # an ASGI app (FastAPI)

Needs the `web` extra: `pip install 'khabar[web]'`."""

from khabar.web.app import create_app
from khabar.web.settings import Settings, SettingsError

__all__ = ["Settings", "SettingsError", "create_app"]
