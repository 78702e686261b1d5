"""The app's routers: pages, JSON API, notes, exports, API docs."""
